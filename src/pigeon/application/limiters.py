"""Stripe's four limiters for one node (docs/DECISIONS.md D53), checked once per request at
its arrival, before any work: request rate per user and per client network, requests in
flight per user, the fleet shedder's reserve for critical work, and the worker-utilisation
shedder. The rules are in :mod:`pigeon.core.shedding` and :mod:`pigeon.core.limits`; this
class measures (requests in flight, the writer's queueing delay, the event loop's lag, both
counted once they stand: :class:`~pigeon.core.shedding.StandingDelay`) and counts.

A request admitted is :meth:`Limiters.release` d once it is answered; its reply (an ack of a
write accepted) is never shed afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from pigeon.config import Config
from pigeon.core import limits, shedding
from pigeon.core.admission import ConnectionCounts
from pigeon.core.shedding import Priority
from pigeon.errors import ErrorCode, RateLimited
from pigeon.ops.metrics import Metrics

# The wait told to a user at max_requests_per_user: a slot frees when one of their requests
# is answered, typically within milliseconds.
CONCURRENCY_RETRY_AFTER_MS = 100


class Limiters:
    def __init__(
        self,
        config: Config,
        metrics: Metrics,
        *,
        write_delay_s: Callable[[], float],
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.metrics = metrics
        self._monotonic = monotonic
        self._write_delay_s = write_delay_s
        self._write_delay_full_s = config.shed_write_delay_s
        # The delay counts once it has stood at typing's threshold for the interval (D55).
        self._writer_delay = shedding.StandingDelay(
            target_s=config.shed_write_delay_s * shedding.SHED_AT[Priority.TYPING],
            interval_s=config.shed_write_delay_interval_s,
        )
        self._loop_lag_full_s = config.shed_loop_lag_s
        # So is the event loop's lag, sampled every 50 ms (app.watch_loop_lag): one pause
        # (start-up, a collection) sheds nothing, a loop that stays late does (D61).
        self._loop_lag = shedding.StandingDelay(
            target_s=config.shed_loop_lag_s * shedding.SHED_AT[Priority.TYPING],
            interval_s=config.shed_loop_lag_interval_s,
        )
        self._capacity = config.max_requests_in_flight
        self._reserve = config.critical_reserve
        # A user's requests include their writes: the request bucket is never tighter than
        # the write bucket (D42), and a network's never tighter than one user's.
        self._user_rates: limits.BucketTable | None = None
        self._network_rates: limits.BucketTable | None = None
        if config.request_rate_per_s > 0:
            user_rate = max(config.request_rate_per_s, config.send_rate_per_s)
            user_burst = max(config.request_burst, config.send_burst, 1.0)
            self._user_rates = limits.BucketTable(rate_per_s=user_rate, burst=user_burst)
            if config.network_request_rate_per_s > 0:
                self._network_rates = limits.BucketTable(
                    rate_per_s=max(config.network_request_rate_per_s, user_rate),
                    burst=max(config.network_request_burst, user_burst),
                )
        self._per_user = (
            ConnectionCounts(config.max_requests_per_user)
            if config.max_requests_per_user > 0
            else None
        )
        self.in_flight = 0
        self.loop_lag_s = 0.0  # the event loop's lag as the shedder counts it
        self._refused_rate = {
            name: metrics.rate_limited.labels(name)
            for name in ("requests_user", "requests_network", "concurrent_user")
        }
        self._shed = {
            (shedder, priority): metrics.shed.labels(shedder, priority.name.lower())
            for shedder in ("fleet", "worker")
            for priority in Priority
        }

    def observe_loop_lag(self, lag_s: float) -> None:
        """One sample of how late the event loop ran a timer."""
        self.loop_lag_s = self._loop_lag.observe(lag_s, self._monotonic())

    def utilisation(self) -> float:
        delay_s = self._writer_delay.observe(self._write_delay_s(), self._monotonic())
        return shedding.utilisation(
            write_delay_s=delay_s,
            write_delay_full_s=self._write_delay_full_s,
            loop_lag_s=self.loop_lag_s,
            loop_lag_full_s=self._loop_lag_full_s,
        )

    def admit(self, priority: Priority, *, user: str, network: str) -> None:
        """Admit one request of ``user`` (empty before a hello, and on HTTP until
        :meth:`admit_user`) from ``network``, or raise: ``rate_limited`` over a rate or the
        user's concurrency, ``busy`` from a shedder. An admitted request is counted in
        flight until :meth:`release`."""
        if self._network_rates is not None and network:
            try:
                self._network_rates.take_or_raise(network, self._monotonic())
            except RateLimited:
                self._refused_rate["requests_network"].inc()
                raise
        if not shedding.fleet_admits(
            priority, in_flight=self.in_flight, capacity=self._capacity, reserve=self._reserve
        ):
            self._shed["fleet", priority].inc()
            load = self.in_flight / self._capacity
            raise RateLimited(shedding.shed_retry_after_ms(load), ErrorCode.BUSY)
        load = self.utilisation()
        if not shedding.worker_admits(priority, load):
            self._shed["worker", priority].inc()
            raise RateLimited(shedding.shed_retry_after_ms(load), ErrorCode.BUSY)
        if user:
            self.admit_user(user)
        self.in_flight += 1

    def admit_user(self, user: str) -> None:
        """The per-user limiters: the user's request rate, then their requests in flight
        (counted until :meth:`release` names them)."""
        if self._user_rates is not None:
            try:
                self._user_rates.take_or_raise(user, self._monotonic())
            except RateLimited:
                self._refused_rate["requests_user"].inc()
                raise
        if self._per_user is not None and not self._per_user.try_add(user):
            self._refused_rate["concurrent_user"].inc()
            raise RateLimited(CONCURRENCY_RETRY_AFTER_MS)

    def release(self, user: str) -> None:
        """An admitted request was answered; ``user`` is whom :meth:`admit_user` admitted
        it for, if anyone."""
        self.in_flight -= 1
        if self._per_user is not None and user:
            self._per_user.remove(user)
