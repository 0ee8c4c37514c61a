#!/bin/sh
# Make sure the Debian packages the tests need are installed. Each argument is
# PACKAGE:PROGRAM, PROGRAM a name on PATH or an absolute path that the package provides.
# Idempotent and quiet: does nothing when every program is there; otherwise one apt-get
# update, then one install of the missing packages. Installs nothing it is not asked for and
# starts nothing (the tests run their own processes).
#   chromium:/usr/bin/chromium     the browser tests (tests/web; Playwright's download fails here)
#   prometheus:promtool            the alert-rule tests (tests/deploy)
#   nats-server:nats-server        the NATS bus tests (tests/bus/test_nats.py)
#   postgresql:/usr/lib/postgresql/15/bin/initdb   the PostgreSQL store tests
set -eu

present() {
    case "$1" in
        /*) [ -x "$1" ] ;;
        *) command -v "$1" >/dev/null 2>&1 ;;
    esac
}

missing=""
for wanted in "$@"; do
    present "${wanted#*:}" || missing="$missing ${wanted%%:*}"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo -n"
    else
        echo "ensure-debian-packages: missing; install with:" \
            "apt-get install -y --no-install-recommends$missing" >&2
        exit 1
    fi
else
    SUDO=""
fi

export DEBIAN_FRONTEND=noninteractive
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
echo "ensure-debian-packages: installing$missing..." >&2
# shellcheck disable=SC2086  # $missing is a list of package names
if ! { $SUDO apt-get update -qq \
        && $SUDO apt-get install -y -qq --no-install-recommends $missing; } >"$LOG" 2>&1; then
    cat "$LOG" >&2
    exit 1
fi
for wanted in "$@"; do
    present "${wanted#*:}" || {
        echo "ensure-debian-packages: ${wanted#*:} still missing after installing ${wanted%%:*}" >&2
        exit 1
    }
done
