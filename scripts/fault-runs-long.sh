#!/bin/sh
# The long run of the seeded fault runs (issue 9): seeds 1..N (default 500) through plan + apply
# against the faulty sandbox (tests/reliability/fault-runs.test.ts; CI runs seeds 1..50).
#   scripts/fault-runs-long.sh             # 500 seeds, about 8 minutes on 2 cores
#   FAULT_SEEDS=2000 scripts/fault-runs-long.sh
set -eu
cd "$(dirname "$0")/.."
FAULT_SEEDS="${FAULT_SEEDS:-500}" exec npx vitest run tests/reliability/fault-runs.test.ts
