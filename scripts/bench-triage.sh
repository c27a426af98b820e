#!/usr/bin/env bash
# Benchmark: POST /api/v1/triage/preview at 16 clients on the demo data (target p99 <= 5 ms), with ceilings measured
# in the same run, by the same generator, in the same rounds: GET /health (HTTP + SELECT 1, no session), GET
# /api/v1/me (HTTP + the session check + the validation chain, a trivial authenticated answer) and GET
# /api/v1/triage/vocabulary (authenticated, a larger JSON answer), and the engine alone in-process.
# The service runs in its own JVM (fr.aiguillage.bench.TriageBenchServer, its own embedded PostgreSQL under
# target/bench-triage-pg); the load comes from wrk (Debian: apt-get install wrk), another process, closed loop:
# each connection is one client sending its next request when the last one is answered.
# Each operation is warmed up, then measured in `rounds` rounds that interleave the operations, so a neighbour's
# build slows all of them alike; the figures are the medians over the rounds, the ratios are taken within each round
# and their median given. Not part of `mvn -B verify`.
# Arguments: clients (16), seconds per measurement (15), rounds (3), warm-up seconds per operation (10).
# BENCH_JAVA_OPTS: extra JVM options for the service (e.g. -XX:StartFlightRecording=filename=target/triage.jfr).
# BENCH_CLASSES: run the service from these compiled classes instead of this tree's (to compare two builds).
# AIGUILLAGE_HTTP_EVENT_LOOPS: event loops serving HTTP (default: one per processor); 1 gives the single-loop service.
# The service logs as in production (src/main/resources/logback.xml: one access line per request, to target/).
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-16}
seconds=${2:-15}
rounds=${3:-3}
warmup=${4:-10}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# Run from a snapshot of the classes, so a rebuild while the benchmark runs cannot change them under it.
snapshot=target/bench-triage-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
if [ -n "${BENCH_CLASSES:-}" ]; then cp -r "$BENCH_CLASSES"/. "$snapshot"/; fi
run=target/bench-triage-run
rm -rf "$run" && mkdir -p "$run"
# shellcheck disable=SC2086
java -Xmx1g -Dlogback.configurationFile="$snapshot/logback.xml" ${BENCH_JAVA_OPTS:-} -cp "$snapshot:$(cat target/bench.classpath)" fr.aiguillage.bench.TriageBenchServer \
  >target/bench-triage.out 2>target/bench-triage.err &
server=$!
stop() {
  touch "$run/stop"
  for _ in $(seq 1 300); do kill -0 "$server" 2>/dev/null || return 0; sleep 0.2; done
  kill "$server" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 1 1500); do
  [ -s "$run/port" ] && break
  kill -0 "$server" 2>/dev/null || { echo "the service did not start: see target/bench-triage.err" >&2; exit 1; }
  sleep 0.2
done
[ -s "$run/port" ] || { echo "the service did not start within 5 minutes" >&2; exit 1; }
url="http://127.0.0.1:$(cat "$run/port")"
threads=$(( clients < 2 ? clients : 2 ))
operations="preview health me vocabulary"

measure() { # operation seconds -> "requests failed req/s p50 p99 max"
  wrk -t"$threads" -c"$clients" -d"${2}s" --timeout 5s -s scripts/bench-triage.lua "$url" -- "$1" "$run" \
    | sed -n 's/^RESULT //p'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $clients clients, ${seconds} s x $rounds rounds;" \
  "HTTP on $(cat "$run/loops") event loop(s)"
for op in $operations; do measure "$op" "$warmup" >/dev/null; done
: >"$run/results"
for r in $(seq 1 "$rounds"); do
  for op in $operations; do
    echo "$r $op $(measure "$op" "$seconds")" | tee -a "$run/results"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v op="$1" -v c="$2" '$2 == op { print $c }' "$run/results" | median; }
ratio() { # operation ceiling column -> median over rounds of operation/ceiling
  awk -v op="$1" -v ceil="$2" -v c="$3" '$2 == op { a[$1] = $c } $2 == ceil { b[$1] = $c }
    END { for (r in a) if (b[r] > 0) print a[r] / b[r] }' "$run/results" | median
}
echo
printf '%-46s %9s %7s %9s %9s %9s\n' "median over $rounds rounds" "requests" "failed" "req/s" "p50 ms" "p99 ms"
for op in $operations; do
  case $op in
    preview) label="POST /api/v1/triage/preview" ;;
    health) label="GET /health (HTTP + SELECT 1)" ;;
    me) label="GET /api/v1/me (HTTP + session)" ;;
    vocabulary) label="GET /api/v1/triage/vocabulary (session, JSON)" ;;
  esac
  printf '%-46s %9s %7s %9.0f %9.2f %9.2f\n' "$label" "$(col "$op" 3)" "$(col "$op" 4)" "$(col "$op" 5)" \
    "$(col "$op" 6)" "$(col "$op" 7)"
done
echo "engine alone, in-process: $(cat "$run/engine") µs per questionnaire"
for ceiling in health me; do
  printf 'ratios preview / %-6s (same round): p50 %.2f, p99 %.2f, throughput %.2f\n' "$ceiling" \
    "$(ratio preview "$ceiling" 6)" "$(ratio preview "$ceiling" 7)" "$(ratio preview "$ceiling" 5)"
done
p99=$(col preview 7)
awk -v p="$p99" 'BEGIN { print "target preview p99 <= 5 ms: " (p <= 5 ? "met" : "NOT met") " (" p " ms)" }'
