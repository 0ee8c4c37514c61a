"""Prometheus metrics of one node, in their own registry (so tests can build several nodes).

Names, types and labels are documented in docs/OPERATIONS.md; alert rules and the dashboard
under deploy/ use exactly these names.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from pigeon import __version__

LATENCY_BUCKETS_S = (
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
)  # fmt: skip
BATCH_BUCKETS = (1, 2, 5, 10, 20, 50, 100, 200, 512)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

# The `code` of pigeon_errors_total for a request the client abandoned (it closed the
# connection mid-request). Not an ErrorCode: nothing goes on the wire, the client is gone.
CLIENT_CLOSED = "client_closed"


class _Snapshot(Collector):
    """Gauges read at scrape time from the live objects, rather than kept up to date."""

    def __init__(self, read: Callable[[], dict[str, float]], help_: dict[str, str]) -> None:
        self._read = read
        self._help = help_

    def collect(self) -> Iterable[GaugeMetricFamily]:
        for name, value in self._read().items():
            yield GaugeMetricFamily(name, self._help[name], value=value)


class _ReadCounters(Collector):
    """Counters another layer keeps as plain ints, read at each scrape: name -> (help, read)."""

    def __init__(self, counters: dict[str, tuple[str, Callable[[], int]]]) -> None:
        self._counters = counters

    def collect(self) -> Iterable[CounterMetricFamily]:
        for name, (help_text, read) in self._counters.items():
            yield CounterMetricFamily(name, help_text, value=read())


class _LabelledCounters(Collector):
    """One counter family with one label (``outcome`` unless told), read from plain ints at
    each scrape."""

    HELP = (
        "offline notifications by outcome: sent, read and online (suppressed), gone "
        "(subscriptions dropped), retried, failed (given up)"
    )

    def __init__(
        self,
        name: str,
        read: Callable[[], dict[str, int]],
        help_text: str = HELP,
        label: str = "outcome",
    ) -> None:
        self._name = name
        self._read = read
        self._help = help_text
        self._label = label

    def collect(self) -> Iterable[CounterMetricFamily]:
        family = CounterMetricFamily(self._name, self._help, labels=[self._label])
        for outcome, value in self._read().items():
            family.add_metric([outcome], value)
        yield family


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        ProcessCollector(registry=r)
        # Counted on every frame, so a plain dict of ints read at each scrape: a prometheus
        # Counter's labels() and inc() take 3.2 µs of CPU a frame here, the dict 0.1 (D54).
        self._frames_by_type: dict[str, int] = {}
        r.register(
            _LabelledCounters(
                "pigeon_frames_received",
                lambda: dict(self._frames_by_type),
                "WebSocket frames received",
                "type",
            )
        )
        self.http_requests = Counter(
            "pigeon_http_requests", "HTTP requests answered", ["route", "method", "status"],
            registry=r,
        )  # fmt: skip
        self.errors = Counter(
            "pigeon_errors",
            "error replies sent, and requests the client abandoned",
            ["code", "transport"],
            registry=r,
        )
        self.send_latency = Histogram(
            "pigeon_send_latency_seconds", "request received -> ack queued for writing",
            ["transport"], buckets=LATENCY_BUCKETS_S, registry=r,
        )  # fmt: skip
        self.critical_latency = Histogram(
            "pigeon_critical_latency_seconds",
            "critical WebSocket request read -> reply queued for writing, by frame type "
            "(read markers, hellos: what the shedders never refuse)",
            ["type"], buckets=LATENCY_BUCKETS_S, registry=r,
        )  # fmt: skip
        self.delivery_lag = Histogram(
            "pigeon_delivery_lag_seconds", "commit of an event -> its push written",
            buckets=LATENCY_BUCKETS_S, registry=r,
        )  # fmt: skip
        self.batch_size = Histogram(
            "pigeon_group_commit_batch_size", "writes per committed transaction",
            buckets=BATCH_BUCKETS, registry=r,
        )  # fmt: skip
        self.commit_seconds = Histogram(
            "pigeon_group_commit_seconds", "BEGIN -> COMMIT returned, fsync included",
            buckets=LATENCY_BUCKETS_S, registry=r,
        )  # fmt: skip
        self.lagged = Counter(
            "pigeon_lagged", "times a connection's pushes were dropped for a lagged frame",
            registry=r,
        )  # fmt: skip
        self.resync_required = Counter(
            "pigeon_resync_required", "hellos answered resync_required", registry=r
        )
        self.rate_limited = Counter(
            "pigeon_rate_limited", "requests refused for rate", ["limit"], registry=r
        )
        self.request_timeouts = Counter(
            "pigeon_request_timeouts", "HTTP connections closed for a slow request head or body",
            ["phase"], registry=r,
        )  # fmt: skip
        self.store_up = Gauge("pigeon_store_up", "1 when the last store check passed", registry=r)
        self.store_errors = Counter(
            "pigeon_store_errors", "store operations that failed", registry=r
        )
        self.draining = Gauge("pigeon_draining", "1 while the node drains", registry=r)
        self.loop_lag = Histogram(
            "pigeon_event_loop_lag_seconds",
            "how long a task waits for the event loop: a 50 ms timer late, then at the back of "
            "the ready queue",
            buckets=LATENCY_BUCKETS_S, registry=r,
        )  # fmt: skip
        self.shed = Counter(
            "pigeon_shed", "requests refused by a load shedder (D53), by shedder and priority",
            ["shedder", "priority"], registry=r,
        )  # fmt: skip
        build = Gauge("pigeon_build_info", "the running version", ["version"], registry=r)
        build.labels(__version__).set(1)
        self.store_up.set(1)
        self.ws_send_latency = self.send_latency.labels("ws")  # looked up once (D54)
        self.critical_latency_read = self.critical_latency.labels("read")
        self.critical_latency_hello = self.critical_latency.labels("hello")

    def frame_received(self, frame_type: str) -> None:
        """Count one WebSocket frame of ``frame_type`` (a closed set: the frame tags)."""
        counts = self._frames_by_type
        counts[frame_type] = counts.get(frame_type, 0) + 1

    def observe_commit(self, batch_size: int, seconds: float) -> None:
        """The group-commit writer's hook (called from its thread; prometheus-client is
        thread-safe)."""
        self.batch_size.observe(batch_size)
        self.commit_seconds.observe(seconds)

    def watch(
        self,
        *,
        connections: Callable[[], int],
        outgoing_queue_max: Callable[[], int],
        held_bytes: Callable[[], int],
        write_queue_depth: Callable[[], int],
        read_queue_depth: Callable[[], int],
        unreachable_databases: Callable[[], int],
        data_dir: Path,
        write_delay_s: Callable[[], float],
    ) -> None:
        """Register the gauges that are read from live objects at each scrape."""

        def read() -> dict[str, float]:
            disk = shutil.disk_usage(data_dir)
            return {
                "pigeon_connections": connections(),
                "pigeon_outgoing_queue_max": outgoing_queue_max(),
                "pigeon_connection_held_bytes": held_bytes(),
                "pigeon_write_queue_depth": write_queue_depth(),
                "pigeon_write_delay_seconds": write_delay_s(),
                "pigeon_read_queue_depth": read_queue_depth(),
                "pigeon_store_databases_unreachable": unreachable_databases(),
                "pigeon_data_free_bytes": disk.free,
                "pigeon_data_size_bytes": disk.total,
            }

        self.registry.register(_Snapshot(read, {
            "pigeon_connections": "open WebSocket connections",
            "pigeon_outgoing_queue_max": "the longest outgoing queue of any connection, frames",
            "pigeon_connection_held_bytes":
                "bytes WebSockets hold: requests in flight, queued output, socket buffers",
            "pigeon_write_queue_depth": "writes waiting for the writer",
            "pigeon_write_delay_seconds":
                "age of the oldest write not yet committed (its queueing delay)",
            "pigeon_read_queue_depth": "store reads waiting for a reader thread",
            "pigeon_store_databases_unreachable":
                "shard databases the last store check could not read (PostgreSQL)",
            "pigeon_data_free_bytes": "free bytes on the data directory's filesystem",
            "pigeon_data_size_bytes": "size of the data directory's filesystem",
        }))  # fmt: skip

    def watch_bus(self, *, gaps: Callable[[], int], repairs: Callable[[], int]) -> None:
        """Register the hub's counts of bus losses: those the bus reported (a gap) and those
        its backstop found (a repair), read at each scrape."""
        self.registry.register(
            _ReadCounters(
                {
                    "pigeon_bus_gaps": ("losses the bus reported (reconnects, overflows)", gaps),
                    "pigeon_bus_repairs": (
                        "conversations the backstop found behind the store: doorbells lost "
                        "without a sign",
                        repairs,
                    ),
                }
            )
        )

    def watch_bus_client(
        self,
        *,
        published: Callable[[], int],
        dropped: Callable[[], int],
        restarts: Callable[[], int],
    ) -> None:
        """Register a network bus's own counts (pigeon.bus.base.BusCounters), read at each
        scrape."""
        self.registry.register(
            _ReadCounters(
                {
                    "pigeon_bus_published": ("doorbells handed to the bus's network", published),
                    "pigeon_bus_dropped": (
                        "doorbells dropped before reaching the network (outbox full while "
                        "disconnected)",
                        dropped,
                    ),
                    "pigeon_bus_restarts": (
                        "bus clients started anew after the client library gave up reconnecting",
                        restarts,
                    ),
                }
            )
        )

    def watch_relay(
        self,
        *,
        lag_s: Callable[[], float],
        queued: Callable[[], int],
        delivered: Callable[[], int],
        retried: Callable[[], int],
        dead: Callable[[], int],
    ) -> None:
        """Register the outbox relay's lag and its webhook counts, read at each scrape."""
        self.registry.register(
            _Snapshot(
                lambda: {"pigeon_outbox_lag_seconds": lag_s()},
                {
                    "pigeon_outbox_lag_seconds": "age of the oldest outbox record not yet "
                    "relayed, at the relay's last look (0: none)"
                },
            )
        )
        self.registry.register(
            _ReadCounters(
                {
                    "pigeon_webhook_queued": ("webhook deliveries queued by the relay", queued),
                    "pigeon_webhook_delivered": ("webhook attempts answered 2xx", delivered),
                    "pigeon_webhook_retries": ("failed webhook attempts to be retried", retried),
                    "pigeon_webhook_dead": (
                        "webhook deliveries given up on after webhook_retry_for_s",
                        dead,
                    ),
                }
            )
        )

    def watch_notifications(self, counts: Callable[[], dict[str, int]]) -> None:
        """Register the notification relay's outcomes (D50), read at each scrape."""
        self.registry.register(_LabelledCounters("pigeon_push_notifications", counts))

    def watch_limiters(
        self, *, in_flight: Callable[[], int], utilisation: Callable[[], float]
    ) -> None:
        """Register the load shedders' measures (D53), read at each scrape."""
        self.registry.register(_Snapshot(
            lambda: {
                "pigeon_requests_in_flight": in_flight(),
                "pigeon_worker_utilisation": utilisation(),
            },
            {
                "pigeon_requests_in_flight": "requests being worked on at once on this node",
                "pigeon_worker_utilisation": "the busier of the writer (standing queueing "
                "delay of shed_write_delay_s) and the event loop (lag of shed_loop_lag_s); "
                "1 is saturated",
            },
        ))  # fmt: skip

    def render(self) -> bytes:
        return generate_latest(self.registry)
