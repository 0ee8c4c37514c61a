"""``pigeon bench``: an open-loop load generator and the scenario suite S1–S6.

The generator speaks the raw WebSocket protocol (not the SDK) from several worker
processes, records latency in HDR histograms, and checks correctness while it measures:
every run counts lost, duplicated, reordered and phantom messages, each of which must be 0.
See docs/BENCHMARKS.md.
"""
