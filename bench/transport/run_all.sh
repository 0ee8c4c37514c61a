#!/usr/bin/env bash
# Run the WebSocket library matrix and write bench/transport/results.jsonl, then print the
# table of medians. Usage: bench/transport/run_all.sh   (env: VENV, REPS, RUN_SECONDS, OUT)
# Takes about 5 minutes on 2 cores. Every run is bounded by `timeout`.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${VENV:-/tmp/transport-venv}"
REPS="${REPS:-3}"
SECONDS_PER_RUN="${RUN_SECONDS:-3}"  # not $SECONDS: bash sets that one itself
OUT="${OUT:-$HERE/results.jsonl}"

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q -r "$HERE/requirements.txt"
PY="$VENV/bin/python"

TMP="$(mktemp "$OUT.XXXXXX")"
trap 'rm -f "$TMP"' EXIT
failures=0
run() {  # run one case; a failed case is recorded by its error line and counted
    if ! timeout 150 "$PY" "$HERE/ws_libs.py" --seconds "$SECONDS_PER_RUN" "$@" >>"$TMP"; then
        failures=$((failures + 1))
        echo "FAILED: $*" >&2
    fi
    tail -n 1 "$TMP" | cut -c1-160 >&2
}

# Repetitions are the outer loop, so slow phases of a noisy neighbour spread over all libs.
for rep in $(seq 1 "$REPS"); do
    for conns in 100 1000; do
        for lib in aiohttp websockets picows; do
            run --lib "$lib" --workload reqrep --conns "$conns" --rep "$rep"
        done
        for lib in aiohttp aiohttp-await websockets picows; do
            run --lib "$lib" --workload fanout --conns "$conns" --rep "$rep"
        done
    done
done
mv "$TMP" "$OUT"
trap - EXIT
"$PY" "$HERE/summarize.py" "$OUT"
echo "failures: $failures" >&2
[ "$failures" -eq 0 ]
