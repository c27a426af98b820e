#!/usr/bin/env bash
# Load and limits: a secretariat's day compressed (searches, triages, calls, bookings, cancellations, with
# 200 call streams open) from two service instances on one PostgreSQL holding bench-booking's data set. After a
# warm-up stage (not judged), the operators double each stage until an operation errs or its p99 passes 1 s; prints
# throughput and p50/p99 per operation, each instance's RSS, a GET /health ceiling from the same run, and what broke
# first.
# Not part of `mvn -B verify`. Arguments: [professionals=100000] [stage seconds=20] [max operators=512] [streams=200]
# The data set is made once per size and day under target/bench-data/ and copied for each run (BenchDatabase).
set -euo pipefail
cd "$(dirname "$0")/.."
PROFESSIONALS=${1:-100000}
SECONDS_PER_STAGE=${2:-20}
MAX_OPERATORS=${3:-512}
STREAMS=${4:-200}

mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/load.classpath
snapshot=target/load-classes   # a rebuild while the benchmark runs cannot change the classes under it
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
cp=$snapshot:$(cat target/load.classpath)
work=target/bench-load && rm -rf "$work" && mkdir -p "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])'; }

fifo=$(mktemp -u) && mkfifo "$fifo"
java -Xmx1g -cp "$cp" fr.aiguillage.bench.LoadData "$PROFESSIONALS" <"$fifo" >"$work/data.out" 2>"$work/data.err" &
data=$!
exec 3>"$fifo"   # keeps the database up until we close it
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  exec 3>&- || true
  wait "$data" 2>/dev/null || true
  rm -f "$fifo"
}
trap cleanup EXIT
until grep -q '^PGPORT=' "$work/data.out" 2>/dev/null; do
  kill -0 "$data" 2>/dev/null || { cat "$work/data.out" "$work/data.err" >&2; exit 1; }
  sleep 1
done
grep -v '^PGPORT=' "$work/data.out"
pgport=$(sed -n 's/^PGPORT=//p' "$work/data.out")

ports=()
# One after the other, each waited for until healthy: a start is then never slowed by the other's (two started at
# once on a new database both start too: TwoInstancesStartTest).
for n in 1 2; do
  port=$(free_port); ports+=("$port")
  AIGUILLAGE_DB_URL="postgresql://postgres@localhost:$pgport/postgres" AIGUILLAGE_HTTP_PORT=$port \
    AIGUILLAGE_DATA_DIR=$work/instance-$n AIGUILLAGE_ADMIN_PASSWORD=bench-admin-password AIGUILLAGE_DEMO_ENABLED=false \
    java -Xmx512m -cp "$cp" fr.aiguillage.App >"$work/instance-$n.log" 2>&1 &
  pids+=($!)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health" || true)" = 200 ]; do
    kill -0 "${pids[$((n - 1))]}" 2>/dev/null || { echo "instance $n died:" >&2; tail -40 "$work/instance-$n.log" >&2; exit 1; }
    sleep 0.5
  done
done
echo "two instances (-Xmx512m each) on ports ${ports[*]}, one PostgreSQL on port $pgport"
echo "machine at the start of the load (shared: compare the ratios, not the absolute figures): $(uptime)"
java -Xmx1g -cp "$cp" fr.aiguillage.bench.DayLoad "${ports[0]}" "${ports[1]}" "$pgport" "${pids[0]}" "${pids[1]}" \
  "$SECONDS_PER_STAGE" "$MAX_OPERATORS" "$STREAMS"
echo "machine at the end: $(uptime)"
