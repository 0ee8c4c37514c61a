#!/bin/sh
# Make sure nats-server (Debian's `nats-server` package) is installed for the NATS bus tests
# (tests/bus/test_nats.py). Idempotent and quiet: does nothing when nats-server is on PATH.
set -eu

command -v nats-server >/dev/null 2>&1 && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo -n"
    else
        echo "ensure-nats: nats-server is missing; install it with:" \
            "apt-get install -y --no-install-recommends nats-server" >&2
        exit 1
    fi
else
    SUDO=""
fi

export DEBIAN_FRONTEND=noninteractive
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
echo "ensure-nats: installing Debian's nats-server package..." >&2
if ! { $SUDO apt-get update -qq \
        && $SUDO apt-get install -y -qq --no-install-recommends nats-server; } >"$LOG" 2>&1; then
    cat "$LOG" >&2
    exit 1
fi
command -v nats-server >/dev/null 2>&1 || {
    echo "ensure-nats: nats-server still missing after installing the package" >&2
    exit 1
}
