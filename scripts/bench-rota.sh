#!/usr/bin/env bash
# Benchmark: proposing a month of the SNP duty rota (issue 22) for a territory of 150 volunteers, 3 sectors and
# 5 bands a day (target < 2 s), then 1,000 volunteers and 20 sectors. The planner is pure Java: no database. Each
# time comes with the ratio to the filling alone (one maximum flow per sector) measured in the same run.
# Not part of `mvn -B verify`. Arguments: [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
snapshot=target/bench-rota-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
cp="$snapshot:$(cat target/bench.classpath)"
java -Xmx1g -cp "$cp" fr.aiguillage.bench.RotaBench 150 3 "${1:-5}"
java -Xmx1g -cp "$cp" fr.aiguillage.bench.RotaBench 1000 20 "${1:-3}"
