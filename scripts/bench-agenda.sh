#!/usr/bin/env bash
# Benchmark: materialise 28 days of slots for N professionals (default 2,000) with 2 rules each.
# Uses its own embedded PostgreSQL under target/bench-agenda-pg. Not part of `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# Run from a snapshot of the classes, so a rebuild while the benchmark runs cannot change them under it.
snapshot=target/bench-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
exec java -Xmx2g -cp "$snapshot:$(cat target/bench.classpath)" \
  fr.aiguillage.bench.AgendaBench "${1:-2000}"
