#!/usr/bin/env bash
# npm test: every check; the command fails when one of them fails.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
step() { printf '\n\033[1m== %s\033[0m (at %d s)\n' "$1" "$SECONDS"; }

# A step "in the background" runs beside the steps that follow it, its output kept in a file, and is
# printed under its name when it is waited for (`finish`). Each runs in a process group of its own
# (set -m), so stopping this script, or a failure, ends everything it started.
out=$(mktemp -d)
declare -A pid from
cleanup() {
  for name in "${!pid[@]}"; do kill -- "-${pid[$name]}" 2>/dev/null || true; done
  rm -rf "$out"
}
trap cleanup EXIT
background() {
  local name=$1
  shift
  set -m
  (
    rc=0
    "$@" || rc=$?
    echo "$SECONDS" >"$out/$name.end"
    exit "$rc"
  ) </dev/null >"$out/$name" 2>&1 &
  pid[$name]=$!
  set +m
  from[$name]=$SECONDS
}
finish() {
  local name=$1 rc=0
  wait "${pid[$name]}" || rc=$?
  unset "pid[$name]"
  printf '\n\033[1m== %s\033[0m (ran from %d s to %s s)\n' "$name" "${from[$name]}" "$(cat "$out/$name.end" 2>/dev/null)"
  cat "$out/$name"
  return "$rc"
}

# The static checks use about one core each: they run side by side (on 2 cores, about the time of the
# slowest instead of the sum). The production build the end-to-end and fault tests start from starts
# once the type check is done (tsc reads the types a build writes, tsconfig.json's .next/types): it
# uses what the other checks and the unit and integration tests leave of the 2 cores (one Vitest
# worker for unit tests; waits on PostgreSQL and Meilisearch).
failed=0
static=(typecheck format:check lint knip)
for name in "${static[@]}"; do background "$name" npm run --silent "$name"; done
finish typecheck || failed=1
[ "$failed" = 1 ] || background build node_modules/.bin/tsx scripts/ensure-build.ts
for name in "${static[@]:1}"; do finish "$name" || failed=1; done
[ "$failed" = 0 ] || exit 1

step "unit tests";        npm run --silent test:unit
step "integration tests"; npm run --silent test:integration
finish build

# The fault tests run after the end-to-end tests, not beside them: on 2 cores, beside them they made
# the end-to-end tests about as much slower as they saved (a fresh-clone run: end-to-end 12.0 min with
# them, 9.4 min alone, against 166 s for the fault tests), and their timing bounds then share the
# machine with a saturating suite.
step "end-to-end tests";  npm run --silent test:e2e
step "fault tests";       npm run --silent test:faults
printf '\nAll checks passed in %d s.\n' "$SECONDS"
