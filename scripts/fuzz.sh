#!/usr/bin/env bash
# The contract-driven fuzzer (issue 21) on its own: every operation of openapi.yaml, mutated requests, findings
# printed as FINDING lines. It also runs in `mvn -B verify`; this runs it alone (docs/decisions/0014). Add -Dfuzz.seed=N -Dfuzz.requests=N -Dfuzz.answerMillis=N to choose.
set -euo pipefail
cd "$(dirname "$0")/.."
exec timeout 900 mvn -B test -Dfuzz.exclude=none -Dtest=ContractFuzzTest -Dsurefire.failIfNoSpecifiedTests=false "$@"
