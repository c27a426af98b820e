#!/usr/bin/env bash
# Benchmark: a year of one territory's activity (200,000 calls, 150,000 triages, 120,000 appointments,
# 300,000 SNP slots) in its own embedded PostgreSQL under target/bench-indicators-pg; the year by month and by
# day over HTTP, cold (first after a restart of PostgreSQL, whose buffers are then cold, and of the service, run as
# fr.aiguillage.App in a JVM of its own) and warm, against a ceiling in the
# same run: the report's own block SQL through JDBC, cold and warm (and, once, the records' SQL of before the rollups).
# Not part of `mvn -B verify`. Arguments: [calls] [triages] [appointments] [slots]. The data of a previous complete
# run of the same size is reused (BENCH_FRESH=1 writes it again; BENCH_REBUILD=1 times a rebuild of every rollup).
# A/B in one run: BENCH_VARIANTS="dirA;dirB" (class directories of the service, measured in turn), BENCH_ROUNDS=n,
# BENCH_GRANULARITIES=month; BENCH_JFR=target/jfr/svc records the service's JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# Run from a snapshot of the classes, so a rebuild while the benchmark runs cannot change them under it.
snapshot=target/bench-indicators-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
exec java -Xmx1g -cp "$snapshot:$(cat target/bench.classpath)" fr.aiguillage.bench.IndicatorsBench \
  "${1:-200000}" "${2:-150000}" "${3:-120000}" "${4:-300000}" 2> target/bench-indicators.err
