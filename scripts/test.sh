#!/usr/bin/env bash
# npm test: every check, in order; the first failure fails the command.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
step "format";            npm run --silent format:check
step "lint";              npm run --silent lint
step "typecheck";         npm run --silent typecheck
step "unit tests";        npm run --silent test:unit
step "integration tests"; npm run --silent test:integration
step "end-to-end tests";  npm run --silent test:e2e
step "fault tests";       npm run --silent test:faults
printf '\nAll checks passed.\n'
