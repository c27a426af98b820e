#!/usr/bin/env bash
# Starts Aiguillage with its embedded PostgreSQL (data under data/) and synthetic demo data.
# Builds first if the jar is missing or older than the sources. Ctrl-C / SIGTERM stops it cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/aiguillage.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building (mvn -B -q -DskipTests package)..."
  mvn -B -q -DskipTests package
  touch "$jar"   # the jar plugin leaves an unchanged jar untouched; mark it as built now
fi

export AIGUILLAGE_DEMO_ENABLED="${AIGUILLAGE_DEMO_ENABLED:-true}"
exec java ${JAVA_OPTS:--Xmx512m} -jar "$jar" "$@"
