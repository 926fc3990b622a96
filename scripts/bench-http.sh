#!/usr/bin/env bash
# The HTTP benchmark of `make bench`: GET /v1/contacts?q=… under wrk (16 connections, a province
# user's token, the release build, the generated million contacts) next to pgbench running the
# same search SQL as the same user at the same concurrency; /health p99 idle and under that load
# (a paced probe, scripts/bench/health-probe.py); the server's peak RSS under load. Appends its
# section to BENCHMARKS.md.
#
# Two layouts: "shared", everything on every core; and "db-own-cores", the local PostgreSQL pinned
# to half of the cores and the server, wrk, the probe and pgbench's client to the other half, as
# when the database has a machine of its own. The second needs a local server whose
# postmaster.pid can be read, and taskset; without them it is left out. Each layout runs
# HUMAS_BENCH_REPEATS rounds (default 3): a p99 of a few thousand probes on a 2-core machine moves
# from round to round, so the table shows the middle round of each measure and lists every round.
# Needs HumasBench to have run first (it creates the bench users and bench.search_queries).
set -euo pipefail
cd "$(dirname "$0")/.."
HUMAS=${HUMAS:-.build-release/release/humas}
PORT=${HUMAS_BENCH_PORT:-18089}
CONTROL_PORT=$((PORT + 1))
DURATION=${HUMAS_BENCH_SECONDS:-30}
IDLE_SECONDS=${HUMAS_BENCH_IDLE_SECONDS:-20}
REPEATS=${HUMAS_BENCH_REPEATS:-3}
OUT=${1:-BENCHMARKS.md}
WORK=$(mktemp -d)
SERVER=
CONTROL=
# The local PostgreSQL's postmaster (found below), pinned with every process it has forked or will fork.
POSTMASTER=
pin_database() {  # a CPU list, e.g. 1 or 2-3
  local pid
  for pid in $POSTMASTER $(pgrep -P "$POSTMASTER"); do taskset -a -p -c "$1" "$pid" >/dev/null || return 1; done
}
unpin_database() { if [ -n "$POSTMASTER" ]; then pin_database "0-$(( $(nproc) - 1 ))" 2>/dev/null || true; fi; }
trap 'kill $SERVER $CONTROL 2>/dev/null || true; unpin_database; rm -rf "$WORK"' EXIT

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
POSTMASTER=$(head -1 "$(psql "$ADMIN" -Atc "SHOW data_directory" 2>/dev/null)/postmaster.pid" 2>/dev/null || true)
TOKEN=$($HUMAS token issue --as "$USER_EMAIL" --label "bench-http $(date -u +%FT%T)" --json \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

cat > "$WORK/search.sql" <<SQL
\set i random(1, $QUERY_COUNT)
BEGIN;
SELECT set_config('humas.user_id', '$USER_ID', true);
-- ContactDirectory.searchPage, the statement the service runs for the search (BenchBaselineTests
-- keeps this copy equal to it), so both sides do the same SQL work.
WITH hits AS MATERIALIZED (
    SELECT s.contact_id, s.score, s.search_name, s.rank
    FROM humas.search_contacts((SELECT q FROM bench.search_queries WHERE i = :i), '{}'::jsonb, NULL::real, NULL::text,
                               NULL::bigint, 51) WITH ORDINALITY AS s(contact_id, score, search_name, rank))
SELECT h.contact_id AS hit_id, h.score AS hit_score, h.search_name AS hit_name, page.*
FROM hits h LEFT JOIN LATERAL (SELECT c.id, c.full_name, c.honorific, c.category, c.emails, c.phones,
       (SELECT coalesce(jsonb_object_agg(s.key, s.value), '{}') FROM jsonb_each_text(c.social) s)::text AS social,
       u.code AS unit_code, u.name AS unit_name, c.tags, c.legal_basis, c.consent_note, c.opted_out_at,
       c.notes, c.created_at, c.updated_at,
       (SELECT string_agg(o.name, ', ' ORDER BY a.started_on DESC NULLS LAST, a.id DESC)
          FROM humas.affiliations a JOIN humas.organizations o ON o.id = a.organization_id
         WHERE a.contact_id = c.id AND a.ended_on IS NULL AND a.deleted_at IS NULL AND o.deleted_at IS NULL
       ) AS current_organization
FROM humas.contacts c JOIN humas.units u ON u.id = c.unit_id WHERE c.id = h.contact_id) page ON h.rank <= 50
ORDER BY h.rank;
COMMIT;
SQL

p99() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["p99"])' "$1"; }
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
export HUMAS_BENCH_QUERIES="$WORK/queries.txt" HUMAS_BENCH_TOKEN="$TOKEN"

# --- one round: server up and warmed, /health idle, the contacts load with /health and RSS
# alongside, server down, then pgbench. $1 names the layout, $2 the round; APP_CPUS pins the
# client side (empty: not pinned).
# scripts/bench/control-server.py runs on the same cores and is probed alongside: the machine's
# own latency floor for an answer of the same bytes.
round() {
  local layout=$1 name=$1-$2 run=()
  [ -n "$APP_CPUS" ] && run=(taskset -c "$APP_CPUS")
  HUMAS_RATE_LIMIT=100000000 LOG_LEVEL=warning "${run[@]}" $HUMAS serve --host 127.0.0.1 --port "$PORT" > "$WORK/server-$name.log" 2>&1 &
  SERVER=$!
  "${run[@]}" python3 scripts/bench/control-server.py "$CONTROL_PORT" &
  CONTROL=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$CONTROL_PORT/health" >/dev/null && break; sleep 0.2; done
  "${run[@]}" wrk -t2 -c16 -d3s -s scripts/bench/contacts.lua "http://127.0.0.1:$PORT" > /dev/null   # warm-up
  sleep 2
  # Both idle probes at once: two sleeping clients on two idle servers.
  "${run[@]}" python3 scripts/bench/health-probe.py 127.0.0.1 "$PORT" "$IDLE_SECONDS" 100 > "$WORK/health-idle-$name.json" &
  local probe=$!
  "${run[@]}" python3 scripts/bench/health-probe.py 127.0.0.1 "$CONTROL_PORT" "$IDLE_SECONDS" 100 > "$WORK/control-idle-$name.json"
  wait $probe
  ( peak=0; while kill -0 $SERVER 2>/dev/null; do
      rss=$(awk '/VmRSS/ {print $2}' /proc/$SERVER/status 2>/dev/null || echo 0)
      [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" > "$WORK/rss-peak-$name"
      sleep 0.5; done ) &
  local sampler=$!
  "${run[@]}" wrk -t2 -c16 -d${DURATION}s --latency -s scripts/bench/contacts.lua "http://127.0.0.1:$PORT" > "$WORK/contacts-$name.txt" &
  local load=$!
  # The probes start once the load is up and stop before it ends, so every probe is under load.
  sleep 2
  "${run[@]}" python3 scripts/bench/health-probe.py 127.0.0.1 "$PORT" $((DURATION - 4)) 100 > "$WORK/health-load-$name.json" &
  probe=$!
  "${run[@]}" python3 scripts/bench/health-probe.py 127.0.0.1 "$CONTROL_PORT" $((DURATION - 4)) 100 > "$WORK/control-load-$name.json"
  wait $probe $load
  kill $sampler 2>/dev/null || true
  kill $SERVER $CONTROL; wait $SERVER $CONTROL 2>/dev/null || true
  SERVER= CONTROL=
  # Same role as the server (humas_app, row-level security on), same user, same concurrency.
  "${run[@]}" "$PGBENCH" -n -M extended -c 16 -j 2 -T "$DURATION" -f "$WORK/search.sql" "$APP" > "$WORK/pgbench-$name.txt"
  local errors
  errors=$(grep -E "Non-2xx|Socket errors" "$WORK/contacts-$name.txt" | tr -s ' ' | paste -sd';' - || true)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$layout" "$(rate "$WORK/contacts-$name.txt")" \
    "$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench-$name.txt")" \
    "$(p99 "$WORK/health-idle-$name.json")" "$(p99 "$WORK/health-load-$name.json")" \
    "$(p99 "$WORK/control-idle-$name.json")" "$(p99 "$WORK/control-load-$name.json")" \
    "$(( $(cat "$WORK/rss-peak-$name" 2>/dev/null || echo 0) / 1024 ))" "${errors:-none}" >> "$WORK/rounds.tsv"
}

for i in $(seq "$REPEATS"); do APP_CPUS= round shared "$i"; done
LAYOUT_NOTE=""
CPUS=$(nproc)
if [ "$CPUS" -ge 2 ] && [ -n "$POSTMASTER" ] && command -v taskset >/dev/null \
   && pin_database "$(( CPUS / 2 ))-$(( CPUS - 1 ))" 2>/dev/null; then
  for i in $(seq "$REPEATS"); do APP_CPUS=0-$(( CPUS / 2 - 1 )) round db-own-cores "$i"; done
  unpin_database
else
  LAYOUT_NOTE="The db-own-cores round was left out: the database is not a local server this script may pin (postmaster.pid unreadable or taskset refused)."
fi

python3 - "$OUT" "$DURATION" "$IDLE_SECONDS" "$CPUS" "$LAYOUT_NOTE" "$WORK/rounds.tsv" <<'PY'
import sys, datetime
out, seconds, idle_seconds, cpus, layout_note, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6]
labels = {"shared": "shared cores", "db-own-cores": "database on its own cores"}
layouts = {}
for line in open(rounds):
    name, http, pg, idle, load, control_idle, control_load, rss, error = line.rstrip("\n").split("\t")
    layouts.setdefault(name, []).append(dict(
        http=float(http), pg=float(pg), idle=float(idle), load=float(load), control_idle=float(control_idle),
        control_load=float(control_load), rss=int(rss), error=error))


def middle(rounds, key):
    """The round in the middle when ordered by key (the lower middle for an even count)."""
    return sorted(rounds, key=key)[(len(rounds) - 1) // 2]


rows, notes = [], []
for name, runs in layouts.items():
    label = labels[name]
    share = lambda r: r["http"] / r["pg"]
    health = lambda r: r["load"] / r["idle"]
    control = lambda r: r["control_load"] / r["control_idle"]
    rate, probe, floor, memory = middle(runs, share), middle(runs, health), middle(runs, control), max(r["rss"] for r in runs)
    rows += [
        (label, "GET /v1/contacts?q=… rate vs pgbench", f"{rate['http']:,.0f} req/s", f"{rate['pg']:,.0f} tps", f"{share(rate):.0%}", "≥ 70 %", share(rate) >= 0.70),
        (label, "/health p99 under that load vs idle", f"{probe['load']:.2f} ms", f"{probe['idle']:.2f} ms idle", f"{health(probe):.2f}×", "≤ 2×", health(probe) <= 2),
        (label, "server RSS under load (highest round)", f"{memory} MB", "", "", "≤ 150 MB", memory <= 150),
        (label, "control: the same answer from a minimal socket server, p99", f"{floor['control_load']:.2f} ms", f"{floor['control_idle']:.2f} ms idle",
         f"{control(floor):.2f}×", "(the machine's floor)", None),
    ]
    each = lambda f, fmt: ", ".join(format(f(r), fmt) for r in runs)
    notes.append(f"- **Each round, {label}**: rate {each(share, '.0%')}; /health {each(health, '.2f')} ×; "
                 f"control {each(control, '.2f')} ×; RSS {each(lambda r: r['rss'], 'd')} MB; wrk errors: "
                 + ("none" if all(r["error"] == "none" for r in runs) else "; ".join(r["error"] for r in runs)) + ".\n")
    for r in runs:
        print(f"{label}: http {r['http']:.0f} req/s, pgbench {r['pg']:.0f} tps ({share(r):.0%}); /health p99 {r['idle']} → {r['load']} ms "
              f"(control {r['control_idle']} → {r['control_load']} ms); RSS {r['rss']} MB")
half = cpus // 2
cores = lambda low, high: f"core {low}" if low == high else f"cores {low}–{high}"
repeats = max(len(runs) for runs in layouts.values())
with open(out, "a") as f:
    f.write(f"\n## HTTP API under load\n\nWritten by `make bench` (scripts/bench-http.sh) on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {cpus} cores. "
            f"{repeats} rounds per layout; each row is the round in the middle for that measure, and every round is listed below the table.\n\n")
    f.write("| layout | measure | ours | baseline | ratio | target | result |\n|---|---|---:|---:|---:|---|---|\n")
    for label, name, ours, base, ratio, target, ok in rows:
        result = "" if ok is None else "pass" if ok else "FAIL"
        f.write(f"| {label} | {name} | {ours} | {base} | {ratio} | {target} | {result} |\n")
    f.write("\n" + "".join(notes))
    f.write(f"- **Load**: `wrk -t2 -c16 -d{seconds}s` against the release build's `humas serve` (default settings: 64 event loops, each thread asking for a 0.2 ms time slice) on 127.0.0.1, a KPU Provinsi Jawa Tengah viewer's token, each request a query drawn from the benchmark's fixed list (`/v1/contacts?limit=50&q=…`).\n")
    f.write(f"- **Baseline**: `pgbench -c 16 -j 2 -T {seconds}` right after, running what the server runs for the search (BEGIN, set the user, the service's one search statement, COMMIT) but not the token check, as `humas_app` with the same user, over the Unix socket.\n")
    f.write(f"- **/health**: a paced probe (`scripts/bench/health-probe.py`, 100 requests a second on one keep-alive connection) for {idle_seconds} s with the server idle, and again from 2 s after the contacts load starts until 2 s before it ends. It adds no load of its own, unlike a closed-loop `wrk -c1`.\n")
    f.write("- **Control**: `scripts/bench/control-server.py`, a minimal Python socket server answering every request with the bytes of /health, one thread per connection, on the same cores as the API and probed the same way at the same time: how much of the latency under load the machine itself adds, whatever the server.\n")
    f.write("- **RSS**: the server's VmRSS sampled every 0.5 s during the load; the peak.\n")
    f.write(f"- **Layouts**: *shared cores*: PostgreSQL, the server, wrk, the probe and pgbench on all {cpus} cores. *Database on its own cores*: the local PostgreSQL pinned (taskset) to {cores(half, cpus - 1)} and everything else to {cores(0, max(half - 1, 0))}, as when the database has a machine of its own; its pgbench baseline runs against the same pinned database. {layout_note}\n")
PY
