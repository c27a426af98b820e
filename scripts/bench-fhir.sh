#!/usr/bin/env bash
# Benchmark: the national SAS platform's slot search (25 RPPS over 48 hours, the guide's four includes) at 16
# clients over mutual TLS, on the booking benchmark's data set (100,000 professionals, 2,000,000 slots; generated
# once under target/bench-data/ and reused for 24 hours; each run starts and migrates a copy of it in
# target/bench-fhir-db, never the kept one), then the service's own SQL for the same searches through pgbench at 16
# clients as the ceiling, in the same run. The load client runs in a JVM of its own (FhirLoad): the CPU per search
# of the service, the client and PostgreSQL is printed apart. Needs pgbench (Debian: apt-get install postgresql-client).
# Not part of `mvn -B verify`.
# Arguments: [professionals=100000] [searches=20000] [warm-up searches=20000] [pgbench seconds=20]
# The warm-up must let the JIT finish: with 2,000 searches the compiler threads still took 3.3 ms a search during the
# measured ones (printed), which tripled the service's CPU per search (decision 0039).
# Environment: JFR=1 records the service's JVM in target/bench-fhir.jfr; GC_LOG=1 logs its collections (pauses) in
#              target/bench-fhir-gc.log;
#              HAPI_COST=1 also measures what HAPI FHIR's FhirContext would cost the service (decision 0011).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install -y postgresql-client" >&2; exit 1; }
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# Run from a snapshot of the classes, so a rebuild while the benchmark runs cannot change them under it.
snapshot=target/bench-fhir-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
cp="$snapshot:$(cat target/bench.classpath)"
jfr=()
[[ "${JFR:-0}" == 1 ]] && jfr=(-XX:StartFlightRecording=filename=target/bench-fhir.jfr,settings=profile)
[[ "${GC_LOG:-0}" == 1 ]] && jfr+=(-Xlog:gc:file=target/bench-fhir-gc.log:uptime)

searches=${2:-20000}
fifo=$(mktemp -u) && mkfifo "$fifo"
out=target/bench-fhir.out
rm -f "$out"   # a previous run's PGPORT line must not be read before this run's JVM has truncated the file
java -Xmx3g "${jfr[@]}" -cp "$cp" fr.aiguillage.bench.FhirBench "${1:-100000}" "$searches" "${3:-20000}" \
  < "$fifo" > "$out" 2>target/bench-fhir.err &
bench=$!
exec 3>"$fifo"   # keeps the benchmark's PostgreSQL up until we close it
until grep -q '^PGPORT=' "$out" 2>/dev/null; do
  kill -0 "$bench" 2>/dev/null || { cat "$out" target/bench-fhir.err >&2; exit 1; }
  sleep 1
done
grep -v -E '^(PGPORT=|FHIR_HTTP )' "$out"
port=$(sed -n 's/^PGPORT=//p' "$out")
read -r http_tps http_p50 http_p99 < <(sed -n 's/^FHIR_HTTP //p' "$out")

echo "EXPLAIN (ANALYZE, BUFFERS) of the statement, generic plan, first measured search (plan lines only):"
psql -X -q -h localhost -p "$port" -U postgres -f target/bench-fhir-explain.sql postgres \
  | grep -E 'Scan|Index Cond|Heap Fetches|Buffers|Execution Time|SubPlan' | sed 's/^/  /' | cut -c1-150
echo "pgbench, 16 clients, the search's own SQL (target/bench-fhir.sql, written from SasSlotStore) with the measured searches' parameters:"
logs=target/pgbench-fhir && rm -rf "$logs" && mkdir -p "$logs"
# The SAS search runs on the search pool, whose sessions plan once (plan_cache_mode=force_generic_plan,
# decisions 0005 and 0026): so here.
PGOPTIONS='-c plan_cache_mode=force_generic_plan' \
  pgbench -n -M prepared -h localhost -p "$port" -U postgres -c 16 -j 2 -T "${4:-20}" -D searches="$searches" \
  -l --log-prefix="$logs/tx" -f target/bench-fhir.sql postgres >"$logs/summary.txt"
grep -E 'tps|latency average|number of transactions actually processed' "$logs/summary.txt"
sql_tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$logs/summary.txt")
read -r sql_p50 sql_p99 < <(cat "$logs"/tx* | awk '{ print $3 / 1000 }' | sort -n \
  | awk '{ v[NR] = $1 } END { print v[int(NR * 0.50)], v[int(NR * 0.99)] }')
echo "ceiling (pgbench, same SQL): $sql_tps searches/s, p50 $sql_p50 ms, p99 $sql_p99 ms"
awk -v t="$http_tps" -v p5="$http_p50" -v p9="$http_p99" -v ct="$sql_tps" -v c5="$sql_p50" -v c9="$sql_p99" 'BEGIN {
  printf "FHIR search: %.0f req/s, p50 %.1f ms, p99 %.1f ms (target p99 <= 30 ms)\n", t, p5, p9
  printf "FHIR over mTLS / SQL alone: throughput %.0f / %.0f = %.2f, p50 %.1f / %.1f ms = %.2fx, p99 %.1f / %.1f ms = %.2fx\n",
    t, ct, t / ct, p5, c5, p5 / c5, p9, c9, p9 / c9 }'
exec 3>&-
wait "$bench"
rm -f "$fifo"
if [[ "${HAPI_COST:-0}" == 1 ]]; then
  echo "In a JVM of its own:"
  java -Xmx1g -cp "$cp" fr.aiguillage.bench.FhirContextCost target/bench-fhir-sample.json 2>/dev/null
fi
