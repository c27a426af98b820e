#!/usr/bin/env bash
# Benchmark: POST /api/v1/triage/preview at 16 clients on the demo data (p50/p99, target p99 <= 5 ms), with
# ceilings measured in the same run: GET /health, GET /api/v1/triage/vocabulary, and the engine alone.
# Uses its own embedded PostgreSQL under target/bench-triage-pg. Not part of `mvn -B verify`.
# Arguments: clients (16), requests per measurement (40000).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
snapshot=target/bench-triage-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
exec java -Xmx1g -cp "$snapshot:$(cat target/bench.classpath)" fr.aiguillage.bench.TriageBench "${1:-16}" \
  "${2:-40000}" 2> target/bench-triage.err
