#!/bin/sh
# Where a message's CPU goes on the embedded node (docs/BENCHMARKS.md, "Where a message's CPU
# goes"; D72). For each load (S1 at 1,000 and 3,000 sends/s, S2 at 200/s in groups of 50; 1,000
# users), four runs of a fresh node, each measured over the same window (from 3 s after the
# 1,000th send to 5 s before the load ends): CPU per thread alone, then with perf stat counting
# system calls, perf record (where the CPU runs: interpreter, kernel, SQLite, ...), and py-spy
# (the Python frames holding the GIL). bench/profile/summarize.py turns each load's files into
# DIR/<load>.txt. The generator shares the machine's cores; one run at a time (flock).
#
# usage: sh bench/profile/run.sh [DIR] [seconds per run]    (needs perf and .venv's py-spy)
set -eu
DIR=${1:-docs/bench/i14-profile}
DURATION=${2:-30}
PORT=${PORT:-8791}
export PIGEON_METRICS_PORT=${PIGEON_METRICS_PORT:-8792}
PY=.venv/bin/python
mkdir -p "$DIR"
# The bench's own server settings (pigeon.bench.server.BENCH_ENV) for a node started here.
export PIGEON_SEND_RATE_PER_S=1000000 PIGEON_SEND_BURST=1000000
export PIGEON_LOGIN_RATE_PER_MIN=100000000 PIGEON_ARGON2_TIME_COST=1 PIGEON_ARGON2_MEMORY_KIB=8192
export PIGEON_MAX_CONNECTIONS_PER_ADDRESS=1000000 PIGEON_MAX_UNAUTHENTICATED=1000000

sends() {
    curl -s "http://127.0.0.1:$PIGEON_METRICS_PORT/metrics" |
        awk '/^pigeon_frames_received_total\{type="send"/ {print $2}'
}

measure() {  # MODE PID FILE-PREFIX SECONDS: one window of one run
    case $1 in
    plain) sleep "$4" ;;
    syscalls)
        events=""
        for call in read write recvfrom sendto writev epoll_pwait futex pwrite64 pread64 \
            fdatasync fcntl getpid; do
            events="${events}syscalls:sys_enter_$call,"
        done
        perf stat --per-thread -e "${events}raw_syscalls:sys_enter" -p "$2" -o "$3-syscalls.txt" \
            -- sleep "$4" ;;
    perf) perf record -F 999 -g -p "$2" -o "$3-perf.data" -- sleep "$4" >/dev/null 2>&1 ;;
    pyspy) .venv/bin/py-spy record -p "$2" -r 200 -d "$4" --gil --format raw \
        -o "$3-pyspy.raw" >/dev/null 2>&1 ;;
    esac
}

run() {  # MODE TAG SCENARIO RATE ARGS...
    mode=$1 tag=$2 scenario=$3 rate=$4
    shift 4
    data=$(mktemp -d /tmp/pigeon-profile-XXXXXX)
    $PY -m pigeon serve --data "$data" --port "$PORT" 2>"$data.log" &
    pid=$!
    for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
    .venv/bin/pigeon bench "$scenario" --url "http://127.0.0.1:$PORT" --server-pid "$pid" \
        --users 1000 --rate "$rate" --duration "$DURATION" "$@" \
        --json "$DIR/$tag-$mode.json" --no-plot --quiet >"$DIR/$tag-$mode.out" 2>&1 &
    bench=$!
    for _ in $(seq 900); do
        n=$(sends)
        [ -n "$n" ] && [ "${n%.*}" -gt 1000 ] && break
        sleep 0.2
    done
    sleep 3
    prefix=$DIR/$tag
    $PY bench/profile/threads.py snap "$pid" "$data/t0"
    before=$(sends)
    measure "$mode" "$pid" "$prefix" $((DURATION - 8))
    $PY bench/profile/threads.py snap "$pid" "$data/t1"
    after=$(sends)
    if ! wait "$bench"; then
        kill "$pid"
        echo "the bench failed: $DIR/$tag-$mode.out" >&2
        exit 1
    fi
    name=$prefix-threads.txt
    [ "$mode" = plain ] || name=$prefix-$mode.threads.txt
    $PY bench/profile/threads.py diff "$data/t0" "$data/t1" "$(echo "$after - $before" | bc)" >"$name"
    [ "$mode" = syscalls ] && echo "$before $after" >"$prefix-syscalls.count"
    kill "$pid"
    wait "$pid" || true
    rm -rf "$data" "$data.log"
}

for mode in plain syscalls perf pyspy; do
    run $mode S1-1000 S1 1000
    run $mode S1-3000 S1 3000
    run $mode S2-200 S2 200 --group-size 50
done
for tag in S1-1000 S1-3000 S2-200; do
    $PY bench/profile/summarize.py "$DIR" "$tag" >"$DIR/$tag.txt"
done
