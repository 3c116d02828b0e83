#!/bin/sh
# The long run of the bad-config fuzz (issue 9): 10,000 cases per property, through the parser
# (tests/config/fuzz.test.ts) and through `halo-sync validate` / `plan` (tests/reliability/
# config-cli-fuzz.test.ts). CI runs the same properties with a few hundred cases each.
#   scripts/fuzz-config-long.sh            # 10,000 a property
#   FUZZ_RUNS=50000 scripts/fuzz-config-long.sh
set -eu
cd "$(dirname "$0")/.."
FUZZ_RUNS="${FUZZ_RUNS:-10000}" exec npx vitest run tests/config/fuzz.test.ts tests/reliability/config-cli-fuzz.test.ts
