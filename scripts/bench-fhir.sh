#!/usr/bin/env bash
# Benchmark: the national SAS platform's slot search (25 RPPS over 48 hours, the guide's four includes) at 16
# clients over mutual TLS, on the booking benchmark's data set (100,000 professionals, 2,000,000 slots), with the
# same SQL over JDBC as the ceiling in the same run; then what HAPI FHIR's FhirContext would cost the service.
# Not part of `mvn -B verify`. Arguments: [professionals] [searches]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# Run from a snapshot of the classes, so a rebuild while the benchmark runs cannot change them under it.
snapshot=target/bench-fhir-classes
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes/. target/test-classes/. "$snapshot"/
cp="$snapshot:$(cat target/bench.classpath)"
java -Xmx3g -cp "$cp" fr.aiguillage.bench.FhirBench "${1:-100000}" "${2:-20000}" 2>target/bench-fhir.err
echo "In a JVM of its own:"
java -Xmx1g -cp "$cp" fr.aiguillage.bench.FhirContextCost target/bench-fhir-sample.json 2>/dev/null
