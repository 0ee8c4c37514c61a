"""``pigeon bench``: an open-loop load generator and the scenario suite S1–S6.

The generator speaks the raw WebSocket protocol (not the SDK) from several worker
processes, records latency in HDR histograms, and checks correctness while it measures:
every run counts lost, duplicated, reordered and phantom messages, each of which must be 0.
See docs/BENCHMARKS.md.
"""

# What each scenario is, for `pigeon bench --help` and each run's JSON: here, so that building
# the command line's parser loads none of the bench's modules (nor aiohttp).
DESCRIPTIONS = {
    "S1": "direct chat: N users in 1:1 conversations, total send rate R",
    "S2": "group fan-out: groups of M members, total send rate R",
    "S3": "reconnect storm: K clients dropped at once (server SIGKILL + restart), all resume",
    "S4": "spike: baseline rate, then 10x, then baseline, sends with typing, history reads, "
    "read markers and hellos beside them; what each priority had refused and served, and "
    "the latency of critical work, no acked message lost",
    "S5": "idle connections: C connected clients, server memory per connection",
    "S6": "capacity search: step the rate up until e2e p99 exceeds a bound",
}
