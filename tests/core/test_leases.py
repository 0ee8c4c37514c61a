"""Shared per-user buckets taken in leases (D42): the store's grants, a gateway's leases, and
the bound on what several gateways admit together, driven by hand-set clocks."""

from __future__ import annotations

import pytest

from pigeon.core.limits import (
    BucketTable,
    GrantTable,
    LeaseTable,
    lease_size,
    lease_ttl_s,
    retry_after_ms,
)


def test_a_grant_is_whole_tokens_up_to_what_was_asked() -> None:
    table = GrantTable()
    assert table.grant("u", 4, rate_per_s=2, burst=10, now=0) == 4
    assert table.grant("u", 100, rate_per_s=2, burst=10, now=0) == 6
    assert table.grant("u", 4, rate_per_s=2, burst=10, now=0.4) == 0  # 0.8 of a token
    assert table.grant("u", 4, rate_per_s=2, burst=10, now=1.0) == 2
    table.give_back("u", 3)
    assert table.grant("u", 4, rate_per_s=2, burst=10, now=1.0) == 3


def test_a_stale_clock_mints_nothing() -> None:
    """Gateways' wall clocks differ: a call dated before the last one refills nothing."""
    table = GrantTable()
    assert table.grant("u", 10, rate_per_s=1, burst=10, now=100) == 10
    assert table.grant("u", 1, rate_per_s=1, burst=10, now=50) == 0
    assert table.grant("u", 1, rate_per_s=1, burst=10, now=101) == 1


def test_grants_are_bounded_in_keys() -> None:
    table = GrantTable(max_keys=2)
    for key in "abc":
        table.grant(key, 1, rate_per_s=1, burst=1, now=0)
    assert table.grant("a", 1, rate_per_s=1, burst=1, now=0) == 1  # forgotten: full again


def test_grants_keep_max_keys_keys() -> None:
    """A table of 2 keys keeps both; the third pushes out the least recently used."""
    table = GrantTable(max_keys=2)
    for key in "ab":
        assert table.grant(key, 1, rate_per_s=1, burst=1, now=0) == 1
    assert table.grant("a", 1, rate_per_s=1, burst=1, now=0) == 0  # kept: still spent


def test_tables_hold_100_000_keys_by_default() -> None:
    """Per-key state is bounded: past 100,000 keys the least recently used is forgotten.
    (Built in the test, not at collection, so that a mutation test sees the default.)"""
    assert BucketTable(rate_per_s=1, burst=1).max_keys == 100_000
    assert GrantTable().max_keys == 100_000
    assert LeaseTable(rate_per_s=1, burst=1).max_keys == 100_000


def test_lease_sizes() -> None:
    assert lease_size(50) == 13 and lease_size(1) == 1
    assert lease_ttl_s(20, 50) == pytest.approx(1.3)
    assert retry_after_ms(20) == 50
    assert retry_after_ms(2000) == 1  # at least a millisecond, never 0 ("no wait")
    assert retry_after_ms(0.5) == 2000


def test_a_lease_is_spent_locally_then_lapses() -> None:
    leases = LeaseTable(rate_per_s=10, burst=8)  # lease 2, ttl 0.4 s
    assert not leases.take("u", 0)
    leases.add("u", 2, 2, 0)
    assert leases.take("u", 0.1) and leases.take("u", 0.1)
    assert not leases.take("u", 0.1)
    leases.add("u", 2, 2, 1.0)
    assert leases.held("u", 1.0) == 2
    assert not leases.take("u", 1.0 + leases.ttl_s)  # lapsed: cannot be banked
    assert len(leases) == 0


def test_a_new_grant_adds_to_the_live_lease() -> None:
    """Tokens still held when a grant comes are kept: nothing is lost between two grants."""
    leases = LeaseTable(rate_per_s=10, burst=8)
    assert leases.held("u", 0) == 0
    leases.add("u", 1, 1, 0)
    leases.add("u", 2, 2, 0.1)
    assert leases.held("u", 0.1) == 3


def test_leases_double_while_spent_and_start_again_at_one_after_a_lapse() -> None:
    leases = LeaseTable(rate_per_s=20, burst=50)  # lease 13, ttl 1.3 s
    asked: list[int] = []
    for _ in range(40):  # writes 10 ms apart: each lease is spent before it lapses
        now = len(asked) * 0.01
        if not leases.take("u", now):
            size = leases.want("u", now)
            asked.append(size)
            leases.add("u", size - 1, size, now)
    assert asked[:6] == [1, 2, 4, 8, 13, 13]
    assert leases.want("u", 100.0) == 1


def test_leases_are_bounded_in_keys() -> None:
    leases = LeaseTable(rate_per_s=10, burst=8, max_keys=2)
    for key in "abc":
        leases.add(key, 1, 1, 0)
    assert len(leases) == 2 and not leases.take("a", 0)


def send(store: GrantTable, leases: LeaseTable, key: str, now: float) -> bool:
    """What Service does for a write: a local token, else a lease from the store."""
    if leases.take(key, now):
        return True
    size = leases.want(key, now)
    granted = store.grant(key, size, rate_per_s=leases.rate_per_s, burst=leases.burst, now=now)
    leases.add(key, granted - 1, size, now)
    return granted > 0


@pytest.mark.parametrize("gateways", [1, 2, 3, 5])
def test_gateways_together_admit_the_shared_rate_within_the_bound(gateways: int) -> None:
    """A user sending flat out on every gateway for 10 s: admitted at most one bucket's worth
    plus min(gateways, 2) leases, and at least the rate less lapsed leases."""
    rate, burst, seconds = 20.0, 50.0, 10.0
    store = GrantTable()
    nodes = [LeaseTable(rate_per_s=rate, burst=burst) for _ in range(gateways)]
    admitted = 0
    step = 0.001
    for tick in range(int(seconds / step)):
        now = tick * step
        node = nodes[tick % gateways]
        admitted += send(store, node, "u", now)
    lease = nodes[0].lease
    assert admitted <= burst + rate * seconds + min(gateways, 2) * lease
    assert admitted >= burst + rate * seconds - gateways * lease


def test_a_slow_sender_on_one_gateway_is_never_refused() -> None:
    """Lapsed leases waste at most half the rate: a user sending just under the rate on one
    gateway, at any spacing, is never refused."""
    rate, burst = 20.0, 50.0
    for interval in (0.06, 0.3, 0.7, 1.0, 1.31, 2.0):
        store, leases = GrantTable(), LeaseTable(rate_per_s=rate, burst=burst)
        now = 0.0
        for _ in range(200):
            assert send(store, leases, "u", now), interval
            now += interval


@pytest.mark.parametrize("gateways", [2, 3, 5])
def test_a_user_writing_slowly_over_many_gateways_is_never_refused(gateways: int) -> None:
    """Writes that reach each gateway about once per lapse time take one token each, not a
    whole lease: a user just under the rate, spread over any number of gateways, gets in."""
    rate, burst = 20.0, 50.0
    store = GrantTable()
    nodes = [LeaseTable(rate_per_s=rate, burst=burst) for _ in range(gateways)]
    now = 0.0
    for interval in (0.06, 0.3, 1.3 / gateways, 1.0):
        for i in range(300):
            assert send(store, nodes[i % gateways], "u", now), interval
            now += interval
