#!/usr/bin/env bash
# Benchmark: slot search and booking on 100,000 professionals / 2,000,000 slots (7 days), through HTTP,
# then the search's own SQL and the same booking transaction straight into PostgreSQL with pgbench as the ceilings.
# The data set is made once per size and day under target/bench-data/ and copied for each run (BenchDatabase).
# Needs pgbench (Debian: apt-get install postgresql-client). Not part of `mvn -B verify`.
# Arguments: [professionals] [searches] [bookings] [pgbench seconds] [warm-up searches=40000]
# Environment: JFR=1 records the benchmark's JVM (the service, and the HTTP load client on its own event loops) in
# target/bench-booking.jfr. BENCH_DB_CPUS=0 (a CPU list) runs the bookings and their pgbench ceiling with PostgreSQL
# on those CPUs and the service, its load client and pgbench on the others (taskset; decision 0042): on a machine
# where they share every core, the booking ratio otherwise measures how the CPU is split between them.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install -y postgresql-client" >&2; exit 1; }
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# Run from a snapshot of the classes, so a rebuild while the benchmark runs cannot change them under it.
snapshot=target/bench-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/

echo "machine at the start (shared: compare the ratios, not the absolute figures): $(uptime)"
fifo=$(mktemp -u) && mkfifo "$fifo"
out=target/bench-booking.out
jfr=()
[[ "${JFR:-0}" == 1 ]] && jfr=(-XX:StartFlightRecording=filename=target/bench-booking.jfr,settings=profile)
java -Xmx3g "${jfr[@]}" -cp "$snapshot:$(cat target/bench.classpath)" \
  fr.aiguillage.bench.BookingBench "${1:-100000}" "${2:-20000}" "${3:-10000}" "${5:-40000}" < "$fifo" > "$out" 2>target/bench-booking.err &
bench=$!
exec 3>"$fifo"   # keeps the benchmark's PostgreSQL up until we close it
until grep -q '^PGPORT=' "$out" 2>/dev/null; do
  kill -0 "$bench" 2>/dev/null || { cat "$out" target/bench-booking.err >&2; exit 1; }
  sleep 1
done
grep -v -E '^(PGPORT|SEARCH_HTTP|BOOKING_HTTP) ' "$out" | grep -v -E '^(PGPORT|APP_CPUS)='
port=$(sed -n 's/^PGPORT=//p' "$out")
app_cpus=$(sed -n 's/^APP_CPUS=//p' "$out")
read -r search_tps search_p99 < <(sed -n 's/^SEARCH_HTTP //p' "$out")
read -r booking_tps _ < <(sed -n 's/^BOOKING_HTTP //p' "$out")
searches=$(psql -X -At -h localhost -p "$port" -U postgres -c 'SELECT count(*) FROM bench_search' postgres)

# What PostgreSQL did per transaction (scripts/bench-activity.sql), to set beside what one HTTP request made it do
# (printed above by the benchmark, kept in target/bench-booking-activity-*.txt).
counters() { sleep 1.5; psql -X -q -At -F $'\t' -h localhost -p "$port" -U postgres -f scripts/bench-activity.sql postgres \
  | LC_ALL=C sort; }
activity() {   # phase, transactions, counters before, file
  echo "what PostgreSQL did during $1, per transaction ($2 transactions):" >"$4"
  LC_ALL=C join -t $'\t' -a 1 <(counters) <(printf '%s\n' "$3") | awk -F '\t' -v n="$2" '{
    d = ($2 - ($3 == "" ? 0 : $3)) / n; if (d >= 0.005) printf "  %8.3f  %s\n", d, $1 }' >>"$4"
  cat "$4"
}

echo "machine before pgbench: $(uptime)"
echo "pgbench, 16 clients, the search's own SQL (scripts/bench-search.sql) with the measured searches' parameters:"
logs=target/pgbench-search && rm -rf "$logs" && mkdir -p "$logs"
before=$(counters)
# The service's search pool plans its statements once (plan_cache_mode=force_generic_plan, decision 0005): so here.
PGOPTIONS='-c plan_cache_mode=force_generic_plan' \
  pgbench -n -M prepared -h localhost -p "$port" -U postgres -c 16 -j 2 -T "${4:-15}" -D searches="$searches" \
  -l --log-prefix="$logs/tx" -f scripts/bench-search.sql postgres >"$logs/summary.txt"
grep -E 'tps|latency average|number of transactions actually processed' "$logs/summary.txt"
sql_tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$logs/summary.txt")
activity "the search's SQL through pgbench" "$(cat "$logs"/tx* | wc -l)" "$before" target/bench-booking-activity-search-pgbench.txt
sql_p99=$(cat "$logs"/tx* | awk '{ print $3 / 1000 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int(NR * 0.99)] }')
echo "search ceiling: $sql_tps searches/s, p99 $sql_p99 ms"
awk -v t="$search_tps" -v p="$search_p99" -v ct="$sql_tps" -v cp="$sql_p99" 'BEGIN {
  printf "search through HTTP / SQL alone: throughput %.0f / %.0f = %.2f (target >= 0.50), p99 %.1f / %.1f ms = %.2fx (target <= 2x)\n",
    t, ct, t / ct, p, cp, p / cp }'

booking_pgbench=(pgbench)
if [[ -n "$app_cpus" ]]; then
  # The postmaster and its processes on the database's CPUs (backends forked later inherit them), pgbench on the rest.
  postmaster=$(head -1 target/bench-booking-pg/postmaster.pid)
  for p in "$postmaster" $(pgrep -P "$postmaster"); do
    taskset -a -p -c "$BENCH_DB_CPUS" "$p" >/dev/null 2>&1 && continue
    # a process that ended meanwhile (an autovacuum worker, a closing backend) needs no pinning
    if kill -0 "$p" 2>/dev/null; then echo "taskset could not pin PostgreSQL's process $p" >&2; exit 1; fi
  done
  booking_pgbench=(taskset -c "$app_cpus" pgbench)
fi
for clients in 32 8; do
  before=$(counters)
  echo "pgbench, $clients clients (the service's pool has 8 connections), same booking transaction:"
  "${booking_pgbench[@]}" -n -M prepared -h localhost -p "$port" -U postgres -c "$clients" -j 2 -T "${4:-15}" \
    -f scripts/bench-booking.sql postgres \
    | tee "target/pgbench-booking-$clients.txt" | grep -E 'tps|latency average|number of transactions actually processed'
done
activity "the booking transaction through pgbench, 8 clients" \
  "$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' target/pgbench-booking-8.txt)" \
  "$before" target/bench-booking-activity-booking-pgbench.txt
book_sql=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' target/pgbench-booking-8.txt)
where="on shared CPUs"
[[ -n "$app_cpus" ]] && where="with PostgreSQL on CPUs $BENCH_DB_CPUS, the rest on CPUs $app_cpus"
awk -v t="$booking_tps" -v c="$book_sql" -v w="$where" 'BEGIN {
  printf "booking through HTTP (32 clients) / pgbench at the pool size (8 clients), %s: %.0f / %.0f = %.2f" \
    " (target >= 0.90)\n", w, t, c, t / c }'
exec 3>&-
wait "$bench"
rm -f "$fifo"
echo "machine at the end: $(uptime)"
