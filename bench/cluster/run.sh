#!/bin/sh
# One sitting of the cluster's cost (docs/BENCHMARKS.md, "Cluster"): S1 and S2 at fixed rates
# on the embedded node, then on local clusters of 1, 2 and 3 gateways (pigeon cluster up),
# the server CPU summed over every process of the cluster. The load generator shares the
# machine's cores. JSON to docs/bench/cluster/.
#
# usage: sh bench/cluster/run.sh [S1 rate] [S2 rate] [seconds]
set -eu
S1_RATE=${1:-400}
S2_RATE=${2:-100}
SECONDS_=${3:-20}
OUT=docs/bench/cluster
PIGEON=${PIGEON:-.venv/bin/pigeon}
mkdir -p "$OUT"
# The bench's own server settings (pigeon.bench.server.BENCH_ENV), for the cluster's gateways.
export PIGEON_SEND_RATE_PER_S=1000000 PIGEON_SEND_BURST=1000000
export PIGEON_LOGIN_RATE_PER_MIN=100000000 PIGEON_ARGON2_TIME_COST=1 PIGEON_ARGON2_MEMORY_KIB=8192
export PIGEON_MAX_CONNECTIONS_PER_ADDRESS=1000000 PIGEON_MAX_UNAUTHENTICATED=1000000

run() {  # NAME ARGS...: S1 and S2 against one target
    name=$1; shift
    "$PIGEON" bench S1 "$@" --users 1000 --rate "$S1_RATE" --duration "$SECONDS_" --warmup 2 \
        --json "$OUT/S1-$name.json" --no-plot --quiet
    "$PIGEON" bench S2 "$@" --users 1000 --group-size 50 --rate "$S2_RATE" \
        --duration "$SECONDS_" --warmup 2 --json "$OUT/S2-$name.json" --no-plot --quiet
}

run embedded
for gateways in 1 2 3; do
    dir=$(mktemp -d /tmp/pigeon-bench-cluster-XXXXXX)
    chmod 755 "$dir"
    "$PIGEON" cluster up --dir "$dir/c" --gateways "$gateways" >/dev/null
    run "cluster-$gateways" --cluster "$dir/c" || status=$?
    "$PIGEON" cluster down --dir "$dir/c" >/dev/null
    rm -rf "$dir"
    [ "${status:-0}" -eq 0 ] || exit "$status"
done
