"""Admission at accept: what a connection is counted against, the per-key cap, and when a
request head is complete."""

from __future__ import annotations

import pytest

from pigeon.core.admission import ConnectionCounts, HeadWatch, asks_for
from pigeon.core.limits import client_network


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"),
        ("fe80::1%eth0", "fe80::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("", ""),
        ("not-an-address", "not-an-address"),
    ],
)
def test_connections_count_by_ipv4_address_or_ipv6_slash_64(host: str, key: str) -> None:
    assert client_network(host) == key


def test_counts_cap_each_key_and_forget_keys_at_zero() -> None:
    counts = ConnectionCounts(limit=2)
    assert counts.try_add("a") and counts.try_add("a")
    assert not counts.try_add("a")  # at the cap: refused, and not counted
    assert counts.try_add("b")
    assert (counts.count("a"), counts.count("b"), counts.total()) == (2, 1, 3)
    counts.remove("a")
    assert counts.try_add("a")
    counts.remove("a")
    counts.remove("a")
    counts.remove("b")
    assert counts.total() == 0 and counts.count("a") == 0
    assert counts._counts == {}  # nothing kept for closed keys
    counts.remove("never-added")  # harmless
    assert counts._counts == {}


@pytest.mark.parametrize(
    "chunks",
    [
        [b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"],
        [b"GET / HTTP/1.1\r\nHost: x\r", b"\n", b"\r", b"\n"],
        [b"GET / HTTP/1.1\r\nHost: x\r\n", b"\r\n"],
        [b"GET / HTTP/1.1\nHost: x\n", b"\n"],
        [b"GET / HTTP/1.1\r\n\r\nbody", b"more"],
    ],
)
def test_head_watch_sees_the_blank_line_however_split(chunks: list[bytes]) -> None:
    watch = HeadWatch()
    seen = [watch.feed(chunk) for chunk in chunks]
    assert seen[-1] and watch.complete


def test_head_watch_waits_for_a_partial_head() -> None:
    watch = HeadWatch()
    assert watch.complete is False
    assert watch.feed(b"GET / HTTP/1.1\r\nHost: x\r\n") is False
    assert watch.feed(b"X-Slow: 1\r\n") is False
    assert watch.complete is False
    assert watch.feed(b"\r\n")
    assert watch.feed(b"")  # stays complete


def test_each_close_frees_exactly_one_connection() -> None:
    """3 open, then each remove takes one off: 2, 1, 0; the cap admits again one at a time."""
    counts = ConnectionCounts(limit=3)
    assert all(counts.try_add("a") for _ in range(3))
    seen = []
    for _ in range(3):
        counts.remove("a")
        seen.append(counts.count("a"))
    assert seen == [2, 1, 0]
    counts.remove("never-connected")  # a close the counts never saw changes nothing
    assert counts.total() == 0


def test_a_request_line_asks_for_a_path_with_or_without_a_query() -> None:
    """The listener's choice between picows and aiohttp (D63): a GET of the path itself."""
    assert asks_for(b"GET /v1/ws HTTP/1.1\r\nHost: x\r\n", b"/v1/ws")
    assert asks_for(b"GET /v1/ws?token=x HTTP/1.1\r\n", b"/v1/ws")
    assert not asks_for(b"GET /v1/wsx HTTP/1.1\r\n", b"/v1/ws")
    assert not asks_for(b"GET /v1/ws/ HTTP/1.1\r\n", b"/v1/ws")
    assert not asks_for(b"POST /v1/ws HTTP/1.1\r\n", b"/v1/ws")
    assert not asks_for(b"GET /v1/w", b"/v1/ws")
    assert not asks_for(b"GET /v1/ws", b"/v1/ws")  # the line's end not yet seen
    assert not asks_for(b"get /v1/ws HTTP/1.1\r\n", b"/v1/ws")
