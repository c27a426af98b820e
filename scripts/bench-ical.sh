#!/usr/bin/env bash
# Benchmark: a professional's iCalendar feed of 2,000 events served over HTTP (cold, warm, 304).
# Uses its own embedded PostgreSQL under target/bench-ical-pg. Not part of `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
snapshot=target/bench-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
exec java -Xmx1g -cp "$snapshot:$(cat target/bench.classpath)" fr.aiguillage.bench.IcalBench "${1:-2000}" "${2:-300}" \
  2> target/bench-ical.err
