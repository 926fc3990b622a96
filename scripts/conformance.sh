#!/usr/bin/env bash
# API conformance: starts `humas serve` on loopback and runs schemathesis against
# /openapi.yaml with an admin token, checking that no answer is a 5xx and none violates the
# document. The admin is a fresh one at a kabupaten, so the generated writes stay in its scope.
#
# Needs the local database up (`make database`) and a debug build. Installs schemathesis into
# .build/conformance-venv on first use. Bounded: SCHEMATHESIS_MAX_EXAMPLES per operation
# (default 20) and a wall-clock limit (CONFORMANCE_TIMEOUT seconds, default 600).
#
# Every check runs but positive_data_acceptance: it expects any request that matches the
# schemas to succeed, which no API with references can do (`?under=0` names no unit, `cursor`
# is opaque, a reused Idempotency-Key is 422 by design). Those answers are documented 4xx.
set -euo pipefail
cd "$(dirname "$0")/.."

HUMAS=.build/debug/humas
PORT="${CONFORMANCE_PORT:-18080}"
MAX_EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-20}"
TIMEOUT="${CONFORMANCE_TIMEOUT:-600}"
VENV=.build/conformance-venv

if [ ! -x "$VENV/bin/schemathesis" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet schemathesis
fi

email="conformance.$RANDOM$RANDOM@test.humas.example"
"$HUMAS" user add "$email" --name "Conformance Admin" --role admin --unit ID-JT-KAB-DEMAK --as admin@kpu.go.id >/dev/null
token="$("$HUMAS" token issue --label conformance --as "$email" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"

log=.build/conformance-server.log
# A high rate limit: the run itself must not be throttled.
HUMAS_RATE_LIMIT=1000000 "$HUMAS" serve --host 127.0.0.1 --port "$PORT" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT

for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.2
done

started=$(date +%s)
status=0
timeout "$TIMEOUT" "$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/openapi.yaml" \
  --url "http://127.0.0.1:$PORT" \
  -H "Authorization: Bearer $token" \
  --checks all \
  --exclude-checks positive_data_acceptance \
  --max-examples "$MAX_EXAMPLES" \
  --suppress-health-check all \
  --no-color || status=$?
echo "conformance: schemathesis exited $status after $(( $(date +%s) - started )) s (server log: $log)"
exit "$status"
