#!/bin/sh
# Make sure Debian's chromium is installed for the browser tests (tests/web).
# Idempotent and quiet: does nothing when /usr/bin/chromium exists. Playwright's own browser
# download does not work here, so the tests launch this executable instead.
set -eu

CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo -n"
    else
        echo "ensure-chromium: $CHROMIUM is missing; install it with: apt-get install -y chromium" >&2
        exit 1
    fi
else
    SUDO=""
fi

export DEBIAN_FRONTEND=noninteractive
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
echo "ensure-chromium: installing chromium from Debian's packages..." >&2
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium; } >"$LOG" 2>&1; then
    cat "$LOG" >&2
    exit 1
fi
[ -x "$CHROMIUM" ] || { echo "ensure-chromium: $CHROMIUM still missing after install" >&2; exit 1; }
