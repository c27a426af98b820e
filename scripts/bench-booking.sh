#!/usr/bin/env bash
# Benchmark: slot search and booking on 100,000 professionals / 2,000,000 slots (7 days), through HTTP,
# then the same booking transaction straight into PostgreSQL with pgbench as the ceiling.
# Needs pgbench (Debian: apt-get install postgresql-client). Not part of `mvn -B verify`.
# Arguments: [professionals] [searches] [bookings] [pgbench seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install -y postgresql-client" >&2; exit 1; }
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# Run from a snapshot of the classes, so a rebuild while the benchmark runs cannot change them under it.
snapshot=target/bench-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/

fifo=$(mktemp -u) && mkfifo "$fifo"
out=target/bench-booking.out
java -Xmx3g -cp "$snapshot:$(cat target/bench.classpath)" \
  fr.aiguillage.bench.BookingBench "${1:-100000}" "${2:-20000}" "${3:-10000}" < "$fifo" > "$out" 2>target/bench-booking.err &
bench=$!
exec 3>"$fifo"   # keeps the benchmark's PostgreSQL up until we close it
until grep -q '^PGPORT=' "$out" 2>/dev/null; do
  kill -0 "$bench" 2>/dev/null || { cat "$out" target/bench-booking.err >&2; exit 1; }
  sleep 1
done
grep -v '^PGPORT=' "$out"
port=$(sed -n 's/^PGPORT=//p' "$out")
for clients in 32 8; do
  echo "pgbench, $clients clients (the service's pool has 8 connections), same booking transaction:"
  pgbench -n -M prepared -h localhost -p "$port" -U postgres -c "$clients" -j 2 -T "${4:-15}" -f scripts/bench-booking.sql postgres \
    | grep -E 'tps|latency average|number of transactions actually processed'
done
exec 3>&-
wait "$bench"
rm -f "$fifo"
