#!/usr/bin/env bash
# The HTTP benchmark of `make bench`: GET /v1/contacts?q=… under wrk (16 connections, a province
# user's token, the release build, the generated million contacts) next to pgbench running the
# same search SQL as the same user at the same concurrency; /health p99 idle and under that load;
# the server's peak RSS under load. Appends its section to BENCHMARKS.md.
# Needs HumasBench to have run first (it creates the bench users and bench.search_queries).
set -euo pipefail
cd "$(dirname "$0")/.."
HUMAS=${HUMAS:-.build-release/release/humas}
PORT=${HUMAS_BENCH_PORT:-18089}
DURATION=${HUMAS_BENCH_SECONDS:-30}
OUT=${1:-BENCHMARKS.md}
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)
ADMIN=$($HUMAS db url --admin)
APP=$($HUMAS db url)
USER_EMAIL=bench.jateng@humas.example
USER_ID=$(psql "$ADMIN" -Atc "SELECT id FROM humas.users WHERE email = '$USER_EMAIL'")
psql "$ADMIN" -Atc "SELECT q FROM bench.search_queries ORDER BY i" > "$WORK/queries.txt"
# The pgbench baseline reads its queries as humas_app, like the server's role.
psql "$ADMIN" -qc "GRANT USAGE ON SCHEMA bench TO humas_app; GRANT SELECT ON bench.search_queries TO humas_app"
QUERY_COUNT=$(wc -l < "$WORK/queries.txt")
TOKEN=$($HUMAS token issue --as "$USER_EMAIL" --label "bench-http $(date -u +%FT%T)" --json \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

HUMAS_RATE_LIMIT=100000000 LOG_LEVEL=warning $HUMAS serve --host 127.0.0.1 --port "$PORT" > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done

p99() { python3 - "$1" <<'PY'
import re, sys
for line in open(sys.argv[1]):
    m = re.match(r"\s+99%\s+([\d.]+)(us|ms|s)\s*$", line)
    if m:
        value, unit = float(m.group(1)), m.group(2)
        print(round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 2)); break
PY
}
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }

wrk -t1 -c1 -d10s --latency "http://127.0.0.1:$PORT/health" > "$WORK/health-idle.txt"
export HUMAS_BENCH_QUERIES="$WORK/queries.txt" HUMAS_BENCH_TOKEN="$TOKEN"
wrk -t2 -c16 -d2s -s scripts/bench/contacts.lua "http://127.0.0.1:$PORT" > /dev/null   # warm-up

( peak=0; while kill -0 $SERVER 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' /proc/$SERVER/status 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" > "$WORK/rss-peak"
    sleep 0.5; done ) &
SAMPLER=$!
wrk -t1 -c1 -d$((DURATION - 4))s --latency "http://127.0.0.1:$PORT/health" > "$WORK/health-load.txt" &
HEALTH=$!
sleep 2
wrk -t2 -c16 -d${DURATION}s --latency -s scripts/bench/contacts.lua "http://127.0.0.1:$PORT" > "$WORK/contacts.txt"
wait $HEALTH
kill $SAMPLER 2>/dev/null || true
kill $SERVER; wait $SERVER 2>/dev/null || true

cat > "$WORK/search.sql" <<SQL
\set i random(1, $QUERY_COUNT)
BEGIN;
SELECT set_config('humas.user_id', '$USER_ID', true);
-- The page query of ContactDirectory (Contact.select), so both sides do the same SQL work.
SELECT c.id, c.full_name, c.honorific, c.category, c.emails, c.phones,
       (SELECT coalesce(jsonb_object_agg(s.key, s.value), '{}') FROM jsonb_each_text(c.social) s)::text AS social,
       u.code AS unit_code, u.name AS unit_name, c.tags, c.legal_basis, c.consent_note, c.opted_out_at,
       c.notes, c.created_at, c.updated_at,
       (SELECT string_agg(o.name, ', ' ORDER BY a.started_on DESC NULLS LAST, a.id DESC)
          FROM humas.affiliations a JOIN humas.organizations o ON o.id = a.organization_id
         WHERE a.contact_id = c.id AND a.ended_on IS NULL AND a.deleted_at IS NULL AND o.deleted_at IS NULL
       ) AS current_organization
FROM humas.contacts c JOIN humas.units u ON u.id = c.unit_id
WHERE c.id = ANY (ARRAY(SELECT s.contact_id FROM humas.search_contacts(
          (SELECT q FROM bench.search_queries WHERE i = :i), '{}', NULL, NULL, 51) s))
  AND c.deleted_at IS NULL;
COMMIT;
SQL
# Same role as the server (humas_app, row-level security on), same user, same concurrency.
"$PGBENCH" -n -M extended -c 16 -j 2 -T "$DURATION" -f "$WORK/search.sql" "$APP" > "$WORK/pgbench.txt"

HTTP_RATE=$(rate "$WORK/contacts.txt")
PG_RATE=$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.txt")
IDLE_P99=$(p99 "$WORK/health-idle.txt")
LOAD_P99=$(p99 "$WORK/health-load.txt")
RSS_MB=$(( $(cat "$WORK/rss-peak" 2>/dev/null || echo 0) / 1024 ))
ERRORS=$(grep -E "Non-2xx|Socket errors" "$WORK/contacts.txt" | tr -s ' ' | paste -sd';' - || true)
python3 - "$OUT" "$HTTP_RATE" "$PG_RATE" "$IDLE_P99" "$LOAD_P99" "$RSS_MB" "$DURATION" "${ERRORS:-none}" <<'PY'
import sys, datetime
out, http, pg, idle, load, rss, seconds, errors = sys.argv[1:]
http, pg, idle, load, rss = float(http), float(pg), float(idle), float(load), int(rss)
share = http / pg
rows = [
    ("GET /v1/contacts?q=… rate vs pgbench", f"{http:,.0f} req/s", f"{pg:,.0f} tps", f"{share:.0%}", "≥ 70 %", share >= 0.70),
    ("/health p99 under that load vs idle", f"{load:.2f} ms", f"{idle:.2f} ms idle", f"{load / idle:.2f}×", "≤ 2×", load <= 2 * idle),
    ("server RSS under load", f"{rss} MB", "", "", "≤ 150 MB", rss <= 150),
]
with open(out, "a") as f:
    f.write(f"\n## HTTP API under load\n\nWritten by `make bench` (scripts/bench-http.sh) on {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC.\n\n")
    f.write("| measure | ours | baseline | ratio | target | result |\n|---|---:|---:|---:|---|---|\n")
    for name, ours, base, ratio, target, ok in rows:
        f.write(f"| {name} | {ours} | {base} | {ratio} | {target} | {'pass' if ok else 'FAIL'} |\n")
    f.write(f"\n- **Load**: `wrk -t2 -c16 -d{seconds}s` against the release build's `humas serve` on 127.0.0.1, a KPU Provinsi Jawa Tengah viewer's token, each request a query drawn from the benchmark's fixed list (`/v1/contacts?limit=50&q=…`); wrk errors: {errors}.\n")
    f.write(f"- **Baseline**: `pgbench -c 16 -j 2 -T {seconds}` running the same SQL the server runs for the search (set the user, `humas.search_contacts`, the service's page query) but not the token check as `humas_app` with the same user, over the Unix socket.\n")
    f.write("- **/health**: `wrk -t1 -c1 --latency` alone for 10 s (idle), and again while the contacts load runs.\n- **RSS**: the server's VmRSS sampled every 0.5 s during the load; the peak.\n")
print(f"http {http:.0f} req/s, pgbench {pg:.0f} tps ({share:.0%}); /health p99 {idle} → {load} ms; RSS {rss} MB")
PY
