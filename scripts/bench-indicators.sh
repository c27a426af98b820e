#!/usr/bin/env bash
# Benchmark: a year of one territory's activity (200,000 calls, 150,000 triages, 120,000 appointments,
# 300,000 SNP slots) in its own embedded PostgreSQL under target/bench-indicators-pg; the year by month and by
# day over HTTP, each after a restart of PostgreSQL and of the service, against the same SQL through JDBC.
# Not part of `mvn -B verify`. Arguments: [calls] [triages] [appointments] [slots]; BENCH_REUSE=1 measures again on
# the data a previous complete run left in target/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# Run from a snapshot of the classes, so a rebuild while the benchmark runs cannot change them under it.
snapshot=target/bench-indicators-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
exec env BENCH_REUSE="${BENCH_REUSE:-0}" java -Xmx1g -cp "$snapshot:$(cat target/bench.classpath)" fr.aiguillage.bench.IndicatorsBench \
  "${1:-200000}" "${2:-150000}" "${3:-120000}" "${4:-300000}" 2> target/bench-indicators.err
