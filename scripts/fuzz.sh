#!/usr/bin/env bash
# The contract-driven fuzzer (issue 21) on its own: every operation of openapi.yaml, mutated requests, findings
# printed as FINDING lines. Kept out of `mvn -B verify` while it can stall on the call endpoints (README).
set -euo pipefail
cd "$(dirname "$0")/.."
exec timeout 900 mvn -B test -Dfuzz.exclude=none -Dtest=ContractFuzzTest -Dsurefire.failIfNoSpecifiedTests=false "$@"
