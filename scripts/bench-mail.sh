#!/usr/bin/env bash
# The mail benchmark of `make bench`: one `humas worker` (release build) sending a mailing of
# 10,000 deliveries to postfix's smtp-sink on loopback, next to postfix's smtp-source sending as
# many messages of the same size to the same sink over one connection (-d), in the same run; then
# 100,000 deliveries, for the worker's peak RSS against the 10,000 run's. Appends its section to
# BENCHMARKS.md.
#
# The recipients are bench contacts of KPU RI (bench-mail-N@sink.example, lists "bench-mail 10000"
# and "bench-mail 100000"), made as the owner and removed at the end; smtp-sink accepts and
# discards everything.
set -euo pipefail
cd "$(dirname "$0")/.."
HUMAS=${HUMAS:-.build-release/release/humas}
PORT=${HUMAS_BENCH_SMTP_PORT:-25925}
OUT=${1:-BENCHMARKS.md}
WORK=$(mktemp -d)
chmod 755 "$WORK"
SINK=
WORKER=
trap 'kill $SINK $WORKER 2>/dev/null || true; rm -rf "$WORK"' EXIT

if ! command -v smtp-sink >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postfix >/dev/null
  # Debian starts postfix on port 25 when installing it; the benchmark needs only its tools.
  $sudo systemctl stop postfix 2>/dev/null || $sudo service postfix stop 2>/dev/null || true
fi
ADMIN=$($HUMAS db url --admin)
export HUMAS_AS=admin@kpu.go.id
sql() { psql "$ADMIN" -v ON_ERROR_STOP=1 -qAt -c "$1"; }

# The recipients, made for this run and removed after it, so that the directory the search
# benchmarks measure stays as generated.
cleanup() {
  sql "SET ROLE humas_owner;
       DELETE FROM humas.deliveries d USING humas.mailings m WHERE d.mailing_id = m.id AND m.name LIKE 'bench-mail %';
       DELETE FROM humas.mailings WHERE name LIKE 'bench-mail %';
       DELETE FROM humas.list_members m USING humas.lists l WHERE m.list_id = l.id AND l.name LIKE 'bench-mail %';
       DELETE FROM humas.lists WHERE name LIKE 'bench-mail %';
       DELETE FROM humas.contacts WHERE unit_id = 1 AND 'bench-mail' = ANY (tags);" >/dev/null
}
trap 'kill $SINK $WORKER 2>/dev/null || true; cleanup; rm -rf "$WORK"' EXIT
cleanup
echo "bench-mail: making 100,000 bench recipients"
sql "SET ROLE humas_owner;
     INSERT INTO humas.contacts (full_name, honorific, category, emails, unit_id, tags)
     SELECT 'Penerima Uji ' || g, 'Bapak', 'journalist', ARRAY['bench-mail-' || g || '@sink.example'], 1, '{bench-mail}'
     FROM generate_series(1, 100000) g;"
for n in 10000 100000; do
  sql "SET ROLE humas_owner;
       WITH l AS (INSERT INTO humas.lists (name, unit_id) VALUES ('bench-mail $n', 1) RETURNING id)
       INSERT INTO humas.list_members (list_id, contact_id)
       SELECT l.id, c.id FROM l, humas.contacts c
       WHERE c.unit_id = 1 AND 'bench-mail' = ANY (c.tags) AND substring(c.emails[1] FROM 'bench-mail-([0-9]+)@')::int <= $n;"
done

# A press release as Humas sends it: text, HTML and a 20 KB PDF.
cat > "$WORK/rilis.txt" <<'EOF'
Yth. {{sapaan}} {{nama}},

Komisi Pemilihan Umum menyampaikan siaran pers tentang hasil rapat pleno rekapitulasi
penghitungan suara tingkat nasional. Dokumen lengkap terlampir.

Hormat kami,
Bagian Humas {{unit}}
EOF
echo '<p>Yth. {{sapaan}} <b>{{nama}}</b>,</p><p>Komisi Pemilihan Umum menyampaikan siaran pers tentang hasil rapat pleno.</p>' > "$WORK/rilis.html"
head -c 20000 /dev/urandom > "$WORK/siaran-pers.pdf"

start_sink() {  # smtp-sink [extra options]: accepts everything on $PORT
  smtp-sink -u nobody "$@" "127.0.0.1:$PORT" 1000 &
  SINK=$!
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return; sleep 0.1; done
  echo "bench-mail: smtp-sink did not start" >&2; exit 1
}
stop_sink() { kill $SINK 2>/dev/null || true; wait $SINK 2>/dev/null || true; SINK=; }

new_mailing() {  # list name → mailing id
  $HUMAS mailing create --name "$1 $(date -u +%FT%T)" --from humas@kpu.go.id --subject "Siaran Pers: Rekapitulasi Nasional · {{unit}}" \
    --text-file "$WORK/rilis.txt" --html-file "$WORK/rilis.html" --attach "$WORK/siaran-pers.pdf" --list "$1" --json \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

# The size of one message as sent: a test copy, caught by smtp-sink's dump.
mkdir -p "$WORK/dump" && chmod 777 "$WORK/dump"
start_sink -d "$WORK/dump/%M."
PROBE=$(new_mailing "bench-mail 10000")
HUMAS_SMTP_URL="smtp://127.0.0.1:$PORT" $HUMAS mailing test "$PROBE" --to probe@sink.example >/dev/null
sleep 0.5
stop_sink
SIZE=$(find "$WORK/dump" -type f -exec stat -c %s {} + | sort -n | tail -1)
sql "UPDATE humas.mailings SET status = 'cancelled' WHERE id = $PROBE" >/dev/null

run_worker() {  # mailing id → "seconds peak_rss_kib"
  local id=$1 start end peak=0 status
  $HUMAS mailing send "$id" >/dev/null
  start=$(date +%s.%N)
  HUMAS_SMTP_URL="smtp://127.0.0.1:$PORT" HUMAS_MAIL_BATCH=200 LOG_LEVEL=warning $HUMAS worker &
  WORKER=$!
  while true; do
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$WORKER/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    status=$(sql "SELECT status FROM humas.mailings WHERE id = $id")
    [ "$status" = sent ] && break
    kill -0 $WORKER 2>/dev/null || { echo "bench-mail: the worker died" >&2; exit 1; }
    sleep 0.2
  done
  end=$(sql "SELECT extract(epoch FROM max(sent_at)) FROM humas.deliveries WHERE mailing_id = $id")
  rss=$(awk '/VmHWM/ {print $2}' "/proc/$WORKER/status" 2>/dev/null || echo 0)
  [ "${rss:-0}" -gt "$peak" ] && peak=$rss
  kill -TERM $WORKER; wait $WORKER 2>/dev/null || true; WORKER=
  echo "$(python3 -c "print($end - $start)") $peak"
}

start_sink
echo "bench-mail: 10,000 deliveries through humas worker"
read -r OURS_SECONDS RSS_10K < <(run_worker "$(new_mailing "bench-mail 10000")")
echo "bench-mail: smtp-source, 10,000 messages of $SIZE bytes over one connection"
SOURCE_START=$(date +%s.%N)
smtp-source -d -s 1 -m 10000 -l "$SIZE" -f humas@kpu.go.id -t bench@sink.example "127.0.0.1:$PORT"
SOURCE_SECONDS=$(python3 -c "import time; print(time.time() - $SOURCE_START)")
echo "bench-mail: 100,000 deliveries through humas worker (peak RSS)"
read -r BIG_SECONDS RSS_100K < <(run_worker "$(new_mailing "bench-mail 100000")")
stop_sink

python3 - "$OUT" "$SIZE" "$OURS_SECONDS" "$SOURCE_SECONDS" "$RSS_10K" "$RSS_100K" "$BIG_SECONDS" <<'EOF'
import datetime, os, sys
out, size, ours, source, rss10, rss100, big = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
ours_rate, source_rate = 10000 / ours, 10000 / source
share = ours_rate / source_rate
growth = rss100 / max(rss10, 1)
def verdict(ok): return "pass" if ok else "FAIL"
with open(out, "a") as f:
    f.write(f"\n## Mail delivery\n\nWritten by `make bench` (scripts/bench-mail.sh) on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
            f"{os.cpu_count()} cores. One `humas worker` (release build, batches of 200, one SMTP connection) sends a mailing "
            f"(text, HTML and a 20 KB PDF: {size:,} bytes a message) to postfix's `smtp-sink` on loopback; the baseline is postfix's "
            f"`smtp-source -d -s 1` sending as many messages of the same size to the same sink over one connection, in the same run. "
            f"The worker's time runs from its start to the last delivery recorded as sent.\n\n")
    f.write("| Measure | Humas | Baseline | Ratio | Target | Result |\n|---|---:|---:|---:|---|---|\n")
    f.write(f"| 10,000 messages, messages/s | {ours_rate:,.0f} ({ours:.1f} s) | {source_rate:,.0f} ({source:.1f} s, smtp-source) | {share:.2f} | ≥ 0.80 | {verdict(share >= 0.8)} |\n")
    f.write(f"| worker peak RSS, 100,000 vs 10,000 deliveries | {rss100 / 1024:.1f} MiB ({big:.0f} s, {100000 / big:,.0f}/s) | {rss10 / 1024:.1f} MiB | {growth:.2f} | ≤ 1.30 | {verdict(growth <= 1.3)} |\n")
EOF
echo "bench-mail: appended to $OUT"
