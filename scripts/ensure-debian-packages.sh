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
#   haproxy:haproxy                the local cluster tests (tests/cluster)
#   etcd-server:/usr/bin/etcd patroni:/usr/bin/patroni   `cluster up --ha` (tests/cluster/test_ha.py)
#   fuse:fusermount                the lossy filesystem (libfuse2 comes with it; tests/chaos, D58)
# The logic is pigeon.cluster.packages (also what `pigeon cluster up` runs); this runs it
# from the source tree with the system's python3, so it needs no virtualenv.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
PYTHONPATH="$root/src${PYTHONPATH:+:$PYTHONPATH}" exec python3 -m pigeon.cluster.packages "$@"
