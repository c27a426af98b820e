#!/usr/bin/env bash
# Crash soak: the service on its embedded PostgreSQL under a booking/cancelling load from several clients,
# kill -9 of the service's JVM at random moments (JVM_KILLS times, restarted each time), then PG_KILLS cycles
# of kill -9 of the PostgreSQL postmaster (the service is then stopped with SIGTERM and started again).
# At the end, against the database: every booking answered 201 exists with its acknowledged state, no slot
# has two live appointments, no idempotency key maps to two bookings. Exits non-zero on any loss.
# Not part of `mvn -B verify`. Arguments: [jvm kills=20] [postmaster kills=5] [clients=8]
set -euo pipefail
cd "$(dirname "$0")/.."
JVM_KILLS=${1:-20}
PG_KILLS=${2:-5}
CLIENTS=${3:-8}

mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/soak.classpath
snapshot=target/soak-classes   # a rebuild while the soak runs cannot change the classes under it
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
cp=$snapshot:$(cat target/soak.classpath)

work=target/soak-crash
rm -rf "$work" && mkdir -p "$work"
data=$work/data
pgdata=$data/postgres
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
pg_bin=$(ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -1 || true)
service=""
clients=""

cleanup() {
  [ -n "$clients" ] && kill "$clients" 2>/dev/null || true
  if [ -n "$service" ] && kill -0 "$service" 2>/dev/null; then kill "$service"; wait "$service" 2>/dev/null || true; fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# Starts the service; sets started_ms to the milliseconds from launch to /health answering 200.
start_service() {
  local n=$1 t0
  t0=$(now_ms)
  AIGUILLAGE_HTTP_PORT=$port AIGUILLAGE_DATA_DIR=$data AIGUILLAGE_DEMO_ENABLED=true \
    java -Xmx512m -cp "$cp" fr.aiguillage.App >"$work/service-$n.log" 2>&1 &
  service=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health" || true)" = 200 ]; do
    kill -0 "$service" 2>/dev/null || { echo "service $n died at start:" >&2; tail -50 "$work/service-$n.log" >&2; exit 1; }
    [ $(( $(now_ms) - t0 )) -lt 300000 ] || { echo "service $n not healthy within 300 s" >&2; exit 1; }
    sleep 0.1
  done
  started_ms=$(( $(now_ms) - t0 ))
}

postmaster_pid() { head -1 "$pgdata/postmaster.pid"; }
pause_randomly() { sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.1f", 3 + r % 90 / 10 }')"; }   # 3.0 to 11.9 s

start_service 0
echo "first start (initdb, migrations, demo data): $started_ms ms"
password=$(sed -n 's/.*Password for all of them: \(\S*\).*/\1/p' "$work/service-0.log" | head -1)
java -cp "$cp" fr.aiguillage.bench.SoakClients "$base" operateur "$password" "$CLIENTS" "$work" >"$work/clients.log" 2>&1 &
clients=$!
until [ -s "$work/booked.csv" ]; do
  kill -0 "$clients" 2>/dev/null || { echo "the clients stopped:" >&2; cat "$work/clients.log" >&2; exit 1; }
  sleep 0.5
done

# The ceiling for restart times, in this run: a clean stop (SIGTERM) and start.
pause_randomly
kill "$service"; wait "$service" 2>/dev/null || true
start_service clean; clean_ms=$started_ms
echo "clean restart (SIGTERM, start), the ceiling: healthy again after $clean_ms ms"

restarts=()
for i in $(seq 1 "$JVM_KILLS"); do
  pause_randomly
  kill -9 "$service"; wait "$service" 2>/dev/null || true
  start_service "jvm-$i"; restarts+=("$started_ms")
  echo "cycle $i: JVM killed with -9, healthy again after $started_ms ms"
done
pg_restarts=()
for i in $(seq 1 "$PG_KILLS"); do
  pause_randomly
  kill -9 "$(postmaster_pid)"
  sleep 2   # the clients meet the dead database
  t0=$(now_ms); kill "$service"
  for _ in $(seq 1 300); do kill -0 "$service" 2>/dev/null || break; sleep 0.1; done
  stop_ms=$(( $(now_ms) - t0 ))
  kill -0 "$service" 2>/dev/null && { echo "SIGTERM did not stop the service within 30 s: kill -9"; kill -9 "$service"; }
  wait "$service" 2>/dev/null || true
  start_service "pg-$i"; pg_restarts+=("$started_ms")
  echo "postmaster cycle $i: postmaster killed with -9, service stopped by SIGTERM in $stop_ms ms, healthy again after $started_ms ms"
done
pause_randomly
touch "$work/stop"; wait "$clients" || { echo "the clients failed:" >&2; cat "$work/clients.log" >&2; exit 1; }; clients=""
cat "$work/clients.log"
server_errors=0
[ -f "$work/server-errors.txt" ] && server_errors=$(wc -l <"$work/server-errors.txt")
echo "5xx other than 503 seen by the clients: $server_errors (each in $work/server-errors.txt with its X-Request-Id)"

# The check, against the database the service is running on.
[ -n "$pg_bin" ] && [ -x "$pg_bin/psql" ] && psql=$pg_bin/psql || psql=psql
pgport=$(sed -n 4p "$pgdata/postmaster.pid")
"$psql" -X -q -v ON_ERROR_STOP=1 -h localhost -p "$pgport" -U postgres -d postgres -At -F ' ' \
  -f scripts/soak-crash-check.sql >"$work/check.txt"
cat "$work/check.txt"

stats() { printf '%s\n' "$@" | sort -n | awk -v c="$clean_ms" '{ v[NR] = $1 } END {
  m = v[int((NR + 1) / 2)]; printf "min %d ms, median %d ms (%.2fx the clean restart), max %d ms", v[1], m, m / c, v[NR] }'; }
echo "JVM kill -9 cycles: $JVM_KILLS, restart to healthy: $(stats "${restarts[@]}")"
echo "postmaster kill -9 cycles: $PG_KILLS, restart to healthy: $(stats "${pg_restarts[@]}")"
failures=$(awk '$1 ~ /^(lost|wrong_state|slots_with|live_appointment|keys_answered|key_not|appointments_without)/ && $2 != 0' "$work/check.txt")
if [ -n "$failures" ] || grep -q 'TWO APPOINTMENTS' "$work/clients.log" || [ "$server_errors" -gt 0 ]; then
  echo "FAILED: $failures (server errors: $server_errors)" >&2
  exit 1
fi
echo "OK: nothing acknowledged was lost, nothing double-booked"
