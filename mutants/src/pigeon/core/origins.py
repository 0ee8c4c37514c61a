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


from mutmut.mutation.trampoline import wrap_in_trampoline as _mutmut_mutated, MutantDict
mutants_x_host_name__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_host_name__mutmut)
def host_name(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_orig(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_1(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = None
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_2(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().upper()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_3(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith(None):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_4(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("XX[XX"):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_5(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition(None)[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_6(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].rpartition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_7(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[2:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_8(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("XX]XX")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_9(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[1]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_10(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(None) == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_11(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count("XX:XX") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_12(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") != 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_13(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 2:
        host = host.partition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_14(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = None
    return host.rstrip(".")


def x_host_name__mutmut_15(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(None)[0]
    return host.rstrip(".")


def x_host_name__mutmut_16(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.rpartition(":")[0]
    return host.rstrip(".")


def x_host_name__mutmut_17(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition("XX:XX")[0]
    return host.rstrip(".")


def x_host_name__mutmut_18(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[1]
    return host.rstrip(".")


def x_host_name__mutmut_19(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(None)


def x_host_name__mutmut_20(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.lstrip(".")


def x_host_name__mutmut_21(host: str) -> str:
    """The name or address of a ``Host`` header, without its port: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip("XX.XX")

mutants_x_host_name__mutmut['_mutmut_orig'] = x_host_name__mutmut_orig # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_1'] = x_host_name__mutmut_1 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_2'] = x_host_name__mutmut_2 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_3'] = x_host_name__mutmut_3 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_4'] = x_host_name__mutmut_4 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_5'] = x_host_name__mutmut_5 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_6'] = x_host_name__mutmut_6 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_7'] = x_host_name__mutmut_7 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_8'] = x_host_name__mutmut_8 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_9'] = x_host_name__mutmut_9 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_10'] = x_host_name__mutmut_10 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_11'] = x_host_name__mutmut_11 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_12'] = x_host_name__mutmut_12 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_13'] = x_host_name__mutmut_13 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_14'] = x_host_name__mutmut_14 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_15'] = x_host_name__mutmut_15 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_16'] = x_host_name__mutmut_16 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_17'] = x_host_name__mutmut_17 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_18'] = x_host_name__mutmut_18 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_19'] = x_host_name__mutmut_19 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_20'] = x_host_name__mutmut_20 # type: ignore # mutmut generated
mutants_x_host_name__mutmut['x_host_name__mutmut_21'] = x_host_name__mutmut_21 # type: ignore # mutmut generated
mutants_x__is_ip_literal__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x__is_ip_literal__mutmut)
def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def x__is_ip_literal__mutmut_orig(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def x__is_ip_literal__mutmut_1(name: str) -> bool:
    try:
        ipaddress.ip_address(None)
    except ValueError:
        return False
    return True


def x__is_ip_literal__mutmut_2(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return True
    return True


def x__is_ip_literal__mutmut_3(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return False

mutants_x__is_ip_literal__mutmut['_mutmut_orig'] = x__is_ip_literal__mutmut_orig # type: ignore # mutmut generated
mutants_x__is_ip_literal__mutmut['x__is_ip_literal__mutmut_1'] = x__is_ip_literal__mutmut_1 # type: ignore # mutmut generated
mutants_x__is_ip_literal__mutmut['x__is_ip_literal__mutmut_2'] = x__is_ip_literal__mutmut_2 # type: ignore # mutmut generated
mutants_x__is_ip_literal__mutmut['x__is_ip_literal__mutmut_3'] = x__is_ip_literal__mutmut_3 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_host_allowed__mutmut)
def host_allowed(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts or name in allowed_hosts or name == "localhost" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_orig(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts or name in allowed_hosts or name == "localhost" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_1(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is not None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts or name in allowed_hosts or name == "localhost" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_2(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return False
    name = host_name(host)
    return (
        ANY in allowed_hosts or name in allowed_hosts or name == "localhost" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_3(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = None
    return (
        ANY in allowed_hosts or name in allowed_hosts or name == "localhost" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_4(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(None)
    return (
        ANY in allowed_hosts or name in allowed_hosts or name == "localhost" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_5(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts or name in allowed_hosts or name == "localhost" and _is_ip_literal(name)
    )


def x_host_allowed__mutmut_6(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts or name in allowed_hosts and name == "localhost" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_7(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts and name in allowed_hosts or name == "localhost" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_8(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY not in allowed_hosts or name in allowed_hosts or name == "localhost" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_9(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts or name not in allowed_hosts or name == "localhost" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_10(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts or name in allowed_hosts or name != "localhost" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_11(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts or name in allowed_hosts or name == "XXlocalhostXX" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_12(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts or name in allowed_hosts or name == "LOCALHOST" or _is_ip_literal(name)
    )


def x_host_allowed__mutmut_13(host: str | None, allowed_hosts: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is for this node. No header (HTTP/1.0, some
    tools) is allowed: a browser always sends one."""
    if host is None:
        return True
    name = host_name(host)
    return (
        ANY in allowed_hosts or name in allowed_hosts or name == "localhost" or _is_ip_literal(None)
    )

mutants_x_host_allowed__mutmut['_mutmut_orig'] = x_host_allowed__mutmut_orig # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_1'] = x_host_allowed__mutmut_1 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_2'] = x_host_allowed__mutmut_2 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_3'] = x_host_allowed__mutmut_3 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_4'] = x_host_allowed__mutmut_4 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_5'] = x_host_allowed__mutmut_5 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_6'] = x_host_allowed__mutmut_6 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_7'] = x_host_allowed__mutmut_7 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_8'] = x_host_allowed__mutmut_8 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_9'] = x_host_allowed__mutmut_9 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_10'] = x_host_allowed__mutmut_10 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_11'] = x_host_allowed__mutmut_11 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_12'] = x_host_allowed__mutmut_12 # type: ignore # mutmut generated
mutants_x_host_allowed__mutmut['x_host_allowed__mutmut_13'] = x_host_allowed__mutmut_13 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_origin_allowed__mutmut)
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


def x_origin_allowed__mutmut_orig(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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


def x_origin_allowed__mutmut_1(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is not None:
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


def x_origin_allowed__mutmut_2(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return False  # not a browser
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


def x_origin_allowed__mutmut_3(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return True  # not a browser
    origin = None
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


def x_origin_allowed__mutmut_4(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return True  # not a browser
    origin = origin.strip().lower().rstrip(None)
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


def x_origin_allowed__mutmut_5(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return True  # not a browser
    origin = origin.strip().lower().lstrip("/")
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


def x_origin_allowed__mutmut_6(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return True  # not a browser
    origin = origin.strip().upper().rstrip("/")
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


def x_origin_allowed__mutmut_7(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return True  # not a browser
    origin = origin.strip().lower().rstrip("XX/XX")
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


def x_origin_allowed__mutmut_8(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return True  # not a browser
    origin = origin.strip().lower().rstrip("/")
    if ANY in allowed_origins and origin in allowed_origins:
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


def x_origin_allowed__mutmut_9(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return True  # not a browser
    origin = origin.strip().lower().rstrip("/")
    if ANY not in allowed_origins or origin in allowed_origins:
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


def x_origin_allowed__mutmut_10(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return True  # not a browser
    origin = origin.strip().lower().rstrip("/")
    if ANY in allowed_origins or origin not in allowed_origins:
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


def x_origin_allowed__mutmut_11(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return True  # not a browser
    origin = origin.strip().lower().rstrip("/")
    if ANY in allowed_origins or origin in allowed_origins:
        return False
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


def x_origin_allowed__mutmut_12(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
    """Whether a WebSocket upgrade with this ``Origin`` may go on: one in ``allowed_origins``,
    or the node's own origin (its ``host[:port]`` equals the ``Host`` header), which serves
    the web client. The scheme is not compared, so a node behind a TLS proxy (Origin
    ``https://…``, plain HTTP behind it) still recognises its own pages."""
    if origin is None:
        return True  # not a browser
    origin = origin.strip().lower().rstrip("/")
    if ANY in allowed_origins or origin in allowed_origins:
        return True
    if host is not None:
        return False
    scheme, sep, authority = origin.partition("://")
    if not sep or not scheme or "/" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_13(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
        return True
    scheme, sep, authority = origin.partition("://")
    if not sep or not scheme or "/" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_14(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    scheme, sep, authority = None
    if not sep or not scheme or "/" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_15(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    scheme, sep, authority = origin.partition(None)
    if not sep or not scheme or "/" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_16(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    scheme, sep, authority = origin.rpartition("://")
    if not sep or not scheme or "/" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_17(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    scheme, sep, authority = origin.partition("XX://XX")
    if not sep or not scheme or "/" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_18(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    if not sep or not scheme and "/" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_19(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    if not sep and not scheme or "/" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_20(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    if sep or not scheme or "/" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_21(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    if not sep or scheme or "/" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_22(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    if not sep or not scheme or "XX/XX" in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_23(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    if not sep or not scheme or "/" not in authority:
        return False  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_24(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
        return True  # "null" (a sandboxed frame, a file), or not an origin at all
    own = host.strip().lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_25(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    own = None
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_26(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    own = host.strip().upper()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_27(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    default_port = None
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_28(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    default_port = {"http": ":80", "https": ":443"}.get(None)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_29(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    default_port = {"XXhttpXX": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_30(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    default_port = {"HTTP": ":80", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_31(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    default_port = {"http": "XX:80XX", "https": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_32(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    default_port = {"http": ":80", "XXhttpsXX": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_33(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    default_port = {"http": ":80", "HTTPS": ":443"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_34(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    default_port = {"http": ":80", "https": "XX:443XX"}.get(scheme)
    if default_port is not None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_35(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    if default_port is not None or own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_36(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    if default_port is None and own.endswith(default_port):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_37(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    if default_port is not None and own.endswith(None):
        own = own.removesuffix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_38(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
        own = None  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_39(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
        own = own.removesuffix(None)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_40(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
        own = own.removeprefix(default_port)  # Host may spell the default port, Origin never
    return authority == own


def x_origin_allowed__mutmut_41(origin: str | None, host: str | None, allowed_origins: frozenset[str]) -> bool:
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
    return authority != own

mutants_x_origin_allowed__mutmut['_mutmut_orig'] = x_origin_allowed__mutmut_orig # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_1'] = x_origin_allowed__mutmut_1 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_2'] = x_origin_allowed__mutmut_2 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_3'] = x_origin_allowed__mutmut_3 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_4'] = x_origin_allowed__mutmut_4 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_5'] = x_origin_allowed__mutmut_5 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_6'] = x_origin_allowed__mutmut_6 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_7'] = x_origin_allowed__mutmut_7 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_8'] = x_origin_allowed__mutmut_8 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_9'] = x_origin_allowed__mutmut_9 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_10'] = x_origin_allowed__mutmut_10 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_11'] = x_origin_allowed__mutmut_11 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_12'] = x_origin_allowed__mutmut_12 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_13'] = x_origin_allowed__mutmut_13 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_14'] = x_origin_allowed__mutmut_14 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_15'] = x_origin_allowed__mutmut_15 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_16'] = x_origin_allowed__mutmut_16 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_17'] = x_origin_allowed__mutmut_17 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_18'] = x_origin_allowed__mutmut_18 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_19'] = x_origin_allowed__mutmut_19 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_20'] = x_origin_allowed__mutmut_20 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_21'] = x_origin_allowed__mutmut_21 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_22'] = x_origin_allowed__mutmut_22 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_23'] = x_origin_allowed__mutmut_23 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_24'] = x_origin_allowed__mutmut_24 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_25'] = x_origin_allowed__mutmut_25 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_26'] = x_origin_allowed__mutmut_26 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_27'] = x_origin_allowed__mutmut_27 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_28'] = x_origin_allowed__mutmut_28 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_29'] = x_origin_allowed__mutmut_29 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_30'] = x_origin_allowed__mutmut_30 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_31'] = x_origin_allowed__mutmut_31 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_32'] = x_origin_allowed__mutmut_32 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_33'] = x_origin_allowed__mutmut_33 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_34'] = x_origin_allowed__mutmut_34 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_35'] = x_origin_allowed__mutmut_35 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_36'] = x_origin_allowed__mutmut_36 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_37'] = x_origin_allowed__mutmut_37 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_38'] = x_origin_allowed__mutmut_38 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_39'] = x_origin_allowed__mutmut_39 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_40'] = x_origin_allowed__mutmut_40 # type: ignore # mutmut generated
mutants_x_origin_allowed__mutmut['x_origin_allowed__mutmut_41'] = x_origin_allowed__mutmut_41 # type: ignore # mutmut generated
