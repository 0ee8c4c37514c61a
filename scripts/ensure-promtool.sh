#!/bin/sh
# Make sure promtool (Debian's `prometheus` package) is installed for the alert-rule tests
# (tests/deploy). Idempotent and quiet: does nothing when promtool is already on PATH.
set -eu

command -v promtool >/dev/null 2>&1 && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo -n"
    else
        echo "ensure-promtool: promtool is missing; install it with:" \
            "apt-get install -y --no-install-recommends prometheus" >&2
        exit 1
    fi
else
    SUDO=""
fi

export DEBIAN_FRONTEND=noninteractive
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
echo "ensure-promtool: installing promtool from Debian's prometheus package..." >&2
if ! { $SUDO apt-get update -qq \
        && $SUDO apt-get install -y -qq --no-install-recommends prometheus; } >"$LOG" 2>&1; then
    cat "$LOG" >&2
    exit 1
fi
command -v promtool >/dev/null 2>&1 || {
    echo "ensure-promtool: promtool still missing after installing prometheus" >&2
    exit 1
}
