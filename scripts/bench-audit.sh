#!/usr/bin/env bash
# Benchmark: the audit hash chain's cost against the same INSERT without it (pgbench; issue 19).
# Uses its own embedded PostgreSQL under target/bench-audit-pg. Not part of `mvn -B verify`. Needs pgbench.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
snapshot=target/bench-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
exec java -Xmx512m -cp "$snapshot:$(cat target/bench.classpath)" fr.aiguillage.bench.AuditBench "${1:-15}" "${2:-8}" \
  2> target/bench-audit.err
