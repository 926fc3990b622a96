#!/usr/bin/env bash
# API conformance: starts `humas serve` on loopback and runs schemathesis against
# /openapi.yaml with an admin token, checking that no answer is a 5xx and none violates the
# document. The admin is a fresh one at a kabupaten that neither the demo data nor the tests
# use, so the generated writes (new contacts, disabled users, …) stay there and can never touch
# the demo users `make run` shows.
#
# Two phases, each with tokens of its own. Operations that end the caller's own access
# (revoking a token, disabling a user: schemathesis follows GET /v1/tokens to DELETE
# /v1/tokens/{id} and revokes the token it runs with) run last, one phase each, after the rest;
# the first phase never sees them. The document's links (a new mailing to its operations) let
# the first phase's stateful tests reach records it made itself.
#
# The check can fail for testing too little: schemathesis' "Authentication failed" warning fails
# a phase when it lists operations that got only 401 (the token stopped working), and
# afterwards every documented operation must have had an answer other than 401/403 in the
# recorded traffic (scripts/conformance-coverage.py). An operation schemathesis only ever
# called with records the admin may see but not change (an ancestor's list: 403, as the access
# rule says) is warned about as "403 Forbidden"; the traffic check decides about those.
#
# `POST /v1/mailings/{id}/test` sends through the server's relay: the server gets one, a sink on
# loopback that accepts every message and keeps none (HUMAS_SMTP_URL), so that operation is
# tested past its 503 for a missing relay.
#
# Needs the local database up (`make database`) and a debug build. schemathesis 4 comes from
# PyPI into .build/peer-venv (scripts/peer-venv.sh, on first use). Bounded: SCHEMATHESIS_MAX_EXAMPLES
# per operation (default 8) and a wall-clock limit per phase (CONFORMANCE_TIMEOUT seconds for
# the first, default 150; 30 for each of the others), so the whole check stays under 4 minutes
# once the venv exists.
#
# Every check runs but positive_data_acceptance: it expects any request that matches the
# schemas to succeed, which no API with references can do (`?under=0` names no unit, `cursor`
# is opaque, an id names no record, a reused Idempotency-Key is 422 by design). Those answers
# are documented 4xx.
set -euo pipefail
cd "$(dirname "$0")/.."

HUMAS=.build/debug/humas
PORT="${CONFORMANCE_PORT:-18080}"
SMTP_PORT="${CONFORMANCE_SMTP_PORT:-18025}"
MAX_EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-8}"
TIMEOUT="${CONFORMANCE_TIMEOUT:-150}"
VENV=.build/peer-venv
UNIT=ID-KT-KAB-BARITO-SELATAN

# schemathesis, with the other peers' libraries, in .build/peer-venv.
scripts/peer-venv.sh

# A fresh admin at the conformance unit and a token of theirs, for one phase.
admin_token() {
  local email="conformance.$1.$RANDOM$RANDOM@test.humas.example"
  "$HUMAS" user add "$email" --name "Conformance Admin" --role admin --unit "$UNIT" --as admin@kpu.go.id >/dev/null
  "$HUMAS" token issue --label "conformance $1" --as "$email" --json | "$VENV/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

log=.build/conformance-server.log
reports=.build/conformance-reports
rm -rf "$reports"
mkdir -p "$reports"
# The SMTP sink: 250 to every command, 354 to DATA, 250 after the message's final dot.
"$VENV/bin/python" - "$SMTP_PORT" >.build/conformance-smtp.log 2>&1 <<'PYTHON' &
import socketserver, sys

class Sink(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220 conformance ESMTP\r\n")
        in_data = False
        for line in self.rfile:
            if in_data:
                if line in (b".\r\n", b".\n"):
                    in_data = False
                    self.wfile.write(b"250 2.0.0 accepted and dropped\r\n")
                continue
            verb = line[:4].upper()
            if verb == b"DATA":
                in_data = True
                self.wfile.write(b"354 end with .\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 2.0.0 bye\r\n")
                return
            else:
                self.wfile.write(b"250 2.0.0 ok\r\n")

socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
PYTHON
smtp=$!
# A high rate limit: the run itself must not be throttled.
HUMAS_RATE_LIMIT=1000000 HUMAS_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" \
  "$HUMAS" serve --host 127.0.0.1 --port "$PORT" >"$log" 2>&1 &
server=$!
trap 'kill "$server" "$smtp" 2>/dev/null; wait "$server" "$smtp" 2>/dev/null || true' EXIT

ready=""
for _ in $(seq 1 50); do
  # python3 rather than curl, which a fresh Debian may lack.
  "$VENV/bin/python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/ready', timeout=2)" \
    >/dev/null 2>&1 && { ready=yes; break; }
  sleep 0.2
done
[ -n "$ready" ] || { echo "conformance: the server did not become ready (log: $log)" >&2; cat "$log" >&2; exit 1; }

# One schemathesis run: phase name, time limit, then operation filters.
phase() {
  local name="$1" limit="$2"
  shift 2
  local token started status=0
  token="$(admin_token "$name")"
  started=$(date +%s)
  timeout "$limit" "$VENV/bin/schemathesis" \
    run "http://127.0.0.1:$PORT/openapi.yaml" \
    --url "http://127.0.0.1:$PORT" \
    -H "Authorization: Bearer $token" \
    --checks all \
    --exclude-checks positive_data_acceptance \
    --max-examples "$MAX_EXAMPLES" \
    --suppress-health-check all \
    --report har --report-har-path "$reports/$name.har" \
    --no-color "$@" 2>&1 | tee "$reports/$name.txt" || status=${PIPESTATUS[0]}
  [ "$status" -ne 124 ] || echo "conformance: phase $name stopped after the $limit s limit" >&2
  if grep -qE '^ *401 Unauthorized \(' "$reports/$name.txt"; then
    echo "conformance: phase $name: operations answered only 401 (the token stopped working)" >&2
    status=1
  fi
  echo "conformance: phase $name: schemathesis exited $status after $(( $(date +%s) - started )) s"
  return "$status"
}

status=0
phase main "$TIMEOUT" --exclude-operation-id revokeToken --exclude-operation-id disableUser || status=$?
# One operation each: no link leads from it to another, so the stateful phase has nothing to follow.
phase revoke-token 30 --include-operation-id revokeToken --phases examples,coverage,fuzzing || status=$?
phase disable-user 30 --include-operation-id disableUser --phases examples,coverage,fuzzing || status=$?
"$VENV/bin/python" scripts/conformance-coverage.py Sources/HumasHTTP/Resources/openapi.yaml "$reports"/*.har || status=$?
echo "conformance: exit $status (server log: $log)"
exit "$status"
