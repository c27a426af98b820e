#!/usr/bin/env bash
# Benchmark: dispatch throughput of the notification outbox against a local SMTP server (GreenMail in the
# benchmark JVM), 10,000 queued e-mail confirmations by default, with a ceiling measured in the same run: the
# same number of messages sent straight with vertx-mail-client to the same server. Uses its own embedded
# PostgreSQL under target/bench-notify-pg. Not part of `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
snapshot=target/bench-notify-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
exec java -Xmx1g -cp "$snapshot:$(cat target/bench.classpath)" fr.aiguillage.bench.NotifyBench "${1:-10000}" \
  2> target/bench-notify.err
