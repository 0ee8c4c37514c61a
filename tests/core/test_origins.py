"""Which Host a node answers and which Origin may open a WebSocket (DNS rebinding, cross-site
WebSocket hijacking): pure functions, tested without I/O."""

from __future__ import annotations

import pytest

from pigeon.core.origins import host_allowed, host_name, origin_allowed

NONE: frozenset[str] = frozenset()


@pytest.mark.parametrize(
    ("host", "name"),
    [
        ("Chat.Example:8700", "chat.example"),
        ("chat.example.", "chat.example"),
        ("[::1]:8700", "::1"),
        ("[::1]", "::1"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_host_name_drops_the_port(host: str, name: str) -> None:
    assert host_name(host) == name


@pytest.mark.parametrize(
    ("host", "allowed", "expected"),
    [
        (None, NONE, True),  # no Host: not a browser
        ("127.0.0.1:8700", NONE, True),
        ("10.1.2.3", NONE, True),
        ("[::1]:8700", NONE, True),
        ("localhost:8700", NONE, True),
        ("evil.example:8700", NONE, False),  # a rebound name
        ("127.0.0.1.evil.example", NONE, False),
        ("chat.example:443", frozenset({"chat.example"}), True),
        ("evil.example", frozenset({"chat.example"}), False),
        ("anything.example", frozenset({"*"}), True),
    ],
)
def test_host_allowed(host: str | None, allowed: frozenset[str], expected: bool) -> None:
    assert host_allowed(host, allowed) is expected


@pytest.mark.parametrize(
    ("origin", "host", "allowed", "expected"),
    [
        (None, "127.0.0.1:8700", NONE, True),  # not a browser
        ("http://127.0.0.1:8700", "127.0.0.1:8700", NONE, True),  # the node's own page
        ("https://chat.example", "chat.example", NONE, True),  # behind a TLS proxy
        ("https://chat.example", "chat.example:443", NONE, True),
        ("http://chat.example", "chat.example:80", NONE, True),  # Host spells the default port
        ("https://chat.example", "chat.example:80", NONE, False),  # 80 is http's, not https's
        ("http://a/b", "a/b", NONE, False),  # a path is no origin, whatever Host says
        ("http://127.0.0.1:8701", "127.0.0.1:8700", NONE, False),  # another port, another site
        ("http://evil.example", "127.0.0.1:8700", NONE, False),
        ("null", "127.0.0.1:8700", NONE, False),  # a sandboxed frame or a file
        ("http://127.0.0.1:8700/x", "127.0.0.1:8700", NONE, False),  # not an origin
        ("http://evil.example", None, NONE, False),
        ("https://app.example", "chat.example", frozenset({"https://app.example"}), True),
        ("https://App.Example/", "chat.example", frozenset({"https://app.example"}), True),
        ("https://chat.example", "chat.example", frozenset({"https://app.example"}), True),
        ("https://evil.example", "chat.example", frozenset({"https://app.example"}), False),
        ("https://evil.example", "chat.example", frozenset({"*"}), True),
    ],
)
def test_origin_allowed(
    origin: str | None, host: str | None, allowed: frozenset[str], expected: bool
) -> None:
    assert origin_allowed(origin, host, allowed) is expected


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        ("http://evil.example://node:8700", False),  # a second "://" is not an origin
        ("://node:8700", False),  # no scheme
        ("ftp://node:8700", True),  # the scheme is not compared, whatever it is
        ("https://node:8700", True),
    ],
)
def test_the_origin_is_split_at_its_first_scheme_separator(origin: str, allowed: bool) -> None:
    """Only a whole origin naming the node's own host is its own."""
    assert origin_allowed(origin, "node:8700", frozenset()) is allowed
