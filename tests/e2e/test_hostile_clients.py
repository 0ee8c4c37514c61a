"""Clients that try to hold the server's resources or trip its alerts from outside: a client
that drops mid-body, idle and slow connections, too many connections from one address, one
account or not yet authenticated, and a socket that asks for replies without reading them."""

from __future__ import annotations

import asyncio

from prometheus_client.parser import text_string_to_metric_families

from tests.helpers.raw import Http
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S


def samples(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(s.labels.items()))
            out[f"{s.name}{{{labels}}}"] = s.value
    return out


async def open_raw(server: ServerProcess) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection("127.0.0.1", server.port)


async def closed_by_server(reader: asyncio.StreamReader) -> bytes:
    """Everything the server sends until it closes the connection (bounded wait)."""
    return await asyncio.wait_for(reader.read(), TIMEOUT_S)


async def test_a_client_dropping_mid_body_is_counted_as_its_own_not_internal(
    server: ServerProcess, http: Http
) -> None:
    """A client that sends 10 bytes of a 1000-byte body and leaves: no traceback, no
    `internal`; counted as `client_closed`, which the error-rate alert does not include."""
    token = await http.user("alice")
    _, writer = await open_raw(server)
    writer.write(
        b"POST /v1/conversations/direct HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Authorization: Bearer " + token.encode() + b"\r\nContent-Length: 1000\r\n\r\n"
        b'{"peer": "'
    )
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    server.wait_for_log(event="client closed the connection", path="/v1/conversations/direct")
    _, text = await http.call("GET", "/metrics")
    got = samples(text)
    assert got.get("pigeon_errors_total{code=client_closed,transport=http}") == 1
    assert "pigeon_errors_total{code=internal,transport=http}" not in got
    assert not [line for line in server.raw_lines if "Traceback" in line]
