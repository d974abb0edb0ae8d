#!/usr/bin/env bash
# npm test: every check, in order; the first failure fails the command.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

# The static checks use about one core each: they run side by side (on 2 cores, about the time of the
# slowest instead of the sum), and each one's output is printed under its name once it is done.
static_checks() {
  local out names=("$@") pids=() failed=0 i
  out=$(mktemp -d)
  for i in "${!names[@]}"; do
    npm run --silent "${names[$i]}" >"$out/$i" 2>&1 &
    pids+=($!)
  done
  for i in "${!names[@]}"; do
    step "${names[$i]}"
    wait "${pids[$i]}" || failed=1
    cat "$out/$i"
  done
  rm -rf "$out"
  return "$failed"
}

static_checks format:check lint typecheck knip
step "unit tests";        npm run --silent test:unit
step "integration tests"; npm run --silent test:integration
step "end-to-end tests";  npm run --silent test:e2e
step "fault tests";       npm run --silent test:faults
printf '\nAll checks passed.\n'
