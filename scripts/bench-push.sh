#!/usr/bin/env bash
# Benchmark: push requests (issue 23). One request fanned out to [pros=500] professionals (the POST's time), then
# [accepts=200] simultaneous accepts through the links on accepts/2 open requests (two recipients each), and, in the
# same run, as many simultaneous plain bookings (POST /api/v1/appointments) on accepts/2 slots: the ceiling the accept
# path is compared with (it books through the same module, plus the request's UPDATE, a slot and the events).
# Not part of `mvn -B verify`. Arguments: [pros] [accepts]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
snapshot=target/bench-push-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
java -Xmx1g -cp "$snapshot:$(cat target/bench.classpath)" fr.aiguillage.bench.PushBench "${1:-500}" "${2:-200}" \
  2> target/bench-push.err | grep -v -E '^[0-9T:.-]+Z \['
