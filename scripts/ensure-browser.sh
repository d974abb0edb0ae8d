#!/usr/bin/env bash
# Makes sure the end-to-end tests have a Chromium: CHROMIUM_PATH, Debian's /usr/bin/chromium, or
# Playwright's own download. Installs one where it can, or stops with a clear instruction.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] && exit 0
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2; exit 1
fi
[ -x /usr/bin/chromium ] && exit 0
if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "No Chromium found: installing Debian's chromium package…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "No Chromium found: trying 'npx playwright install chromium'…"
if npx --no-install playwright install chromium; then exit 0; fi
cat >&2 <<'MSG'
The end-to-end tests need Chromium and none could be installed here.
Install one and run the tests again, for example:
  Debian/Ubuntu:  sudo apt-get install chromium        (or set CHROMIUM_PATH=/path/to/chromium)
  elsewhere:      npx playwright install chromium
MSG
exit 1
