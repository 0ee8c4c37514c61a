"""Which ``Host`` a node answers and which ``Origin`` may open a WebSocket: pure functions of
the request's headers and the configured lists, so the adapter only asks.

Two browser attacks, two checks:

- **DNS rebinding.** A page on ``evil.example`` makes its name resolve to ``127.0.0.1``; the
  browser then sends ``Host: evil.example:8700`` to a node on the loopback. A node answers
  only Host names it was told about (``allowed_hosts``), plus IP literals and ``localhost``,
  which no attacker's DNS can make a browser send.
- **Cross-site WebSocket hijacking.** A browser attaches no CORS check to a WebSocket
  upgrade: any page may open one. An ``Origin`` header must name this node itself (its
  ``Host``) or an origin in ``allowed_origins``. Clients that are not browsers send no
  ``Origin`` and are not affected.
"""

from __future__ import annotations

import ipaddress

ANY = "*"


def host_name(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts or name in allowed_hosts or name == "localhost" or _is_ip_literal(name)
    )


def origin_allowed(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return True  # not a browser
    origin = origin.strip().lower().rstrip("/")
    if ANY in allowed_origins or origin in allowed_origins:
        return True
    if host is None:
        return False
    scheme, sep, authority = origin.partition("://")
    if not sep or not scheme or "/" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own
