#!/bin/sh
# Make sure PostgreSQL 15's server programs (initdb, pg_ctl, postgres from Debian's
# `postgresql` package) are installed for the PostgreSQL store tests (tests/store/
# test_postgres.py). Idempotent and quiet: does nothing when they are already there. The tests
# start their own throwaway instance; this script starts nothing.
set -eu

PG_BIN=/usr/lib/postgresql/15/bin
[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/postgres" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo -n"
    else
        echo "ensure-postgres: PostgreSQL 15 is missing; install it with:" \
            "apt-get install -y --no-install-recommends postgresql" >&2
        exit 1
    fi
else
    SUDO=""
fi

export DEBIAN_FRONTEND=noninteractive
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
echo "ensure-postgres: installing PostgreSQL 15 from Debian's postgresql package..." >&2
if ! { $SUDO apt-get update -qq \
        && $SUDO apt-get install -y -qq --no-install-recommends postgresql; } >"$LOG" 2>&1; then
    cat "$LOG" >&2
    exit 1
fi
[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] || {
    echo "ensure-postgres: $PG_BIN/initdb still missing after installing postgresql" >&2
    exit 1
}
