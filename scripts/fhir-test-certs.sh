#!/usr/bin/env bash
# Test certificates for the SAS FHIR listener (demo only; never for production): a throwaway CA, a server
# certificate for localhost and a client certificate, as PEM files, made by the same Bouncy Castle code as the
# tests (fr.aiguillage.fhir.TestPki). Arguments: [directory, default data/fhir-test-certs] [client subject DN]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
java -cp "target/test-classes:target/classes:$(cat target/test.classpath)" fr.aiguillage.fhir.TestPki "$@"
