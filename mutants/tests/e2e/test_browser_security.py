"""What a browser is told and refused: security headers on every answer, no Host the node does
not answer for (DNS rebinding), no WebSocket from another site's page, and metrics only on
their own listener."""

from __future__ import annotations

import aiohttp
import pytest

from tests.helpers.raw import PASSWORD, Http, RawWs
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.transport_only("headers, hosts and origins, checked before routing")


async def test_every_answer_carries_the_security_headers(http: Http) -> None:
    """The page, its scripts, API answers and errors all carry CSP, nosniff and the referrer
    policy; API answers are never cached."""
    await http.call("POST", "/v1/register", {"handle": "alice", "password": PASSWORD})
    session, base = http.session, http.base
    for method, path, body in [
        ("GET", "/", None),
        ("GET", "/web/js/main.js", None),
        ("GET", "/healthz", None),
        ("GET", "/no/such/page", None),
        ("POST", "/v1/login", {"handle": "alice", "password": PASSWORD}),
        ("GET", "/v1/conversations", None),  # 401
    ]:
        async with session.request(method, base + path, json=body) as r:
            headers = r.headers
        csp = headers.get("Content-Security-Policy", "")
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert "'unsafe-inline'" not in csp
        assert headers.get("X-Content-Type-Options") == "nosniff", path
        assert headers.get("Referrer-Policy") == "no-referrer", path
        if path.startswith("/v1/"):
            assert headers.get("Cache-Control") == "no-store", path


async def test_a_host_the_node_does_not_answer_for_is_misdirected(
    server: ServerProcess, http: Http
) -> None:
    """A name resolving to the node (DNS rebinding) gets 421 misdirected; IP literals and
    localhost, and clients that send no Host, are answered."""
    port = server.port
    for host, status in [
        (f"evil.example:{port}", 421),
        ("evil.example", 421),
        (f"127.0.0.1:{port}", 200),
        (f"localhost:{port}", 200),
        (f"[::1]:{port}", 200),
    ]:
        async with http.session.get(http.base + "/healthz", headers={"Host": host}) as r:
            assert r.status == status, host
            if status == 421:
                assert (await r.json())["code"] == "misdirected"


async def test_a_websocket_from_another_sites_page_is_refused(
    server: ServerProcess, client_session: aiohttp.ClientSession
) -> None:
    """An upgrade whose Origin is another site, or "null", gets 403; the node's own pages and
    clients that send no Origin connect."""
    url = server.url + "/v1/ws"
    for origin in ["http://evil.example", "null", f"http://127.0.0.1:{server.port}.evil.example"]:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client_session.ws_connect(url, origin=origin)
        assert refused.value.status == 403, origin
    async with client_session.get(url, headers={"Origin": "http://evil.example"}) as r:
        assert (r.status, (await r.json())["code"]) == (403, "forbidden")
    own = await client_session.ws_connect(url, origin=server.url)
    await own.close()
    bare = await RawWs.connect(client_session, server.url)  # no Origin: not a browser
    await bare.close()


async def test_metrics_are_served_on_their_own_listener_only(
    server: ServerProcess, http: Http
) -> None:
    """/metrics is 404 on the public listener and served on the loopback metrics listener,
    whose address the "listening" line gives."""
    status, body = await http.call("GET", "/metrics")
    assert (status, body["code"]) == (404, "not_found")
    listening = server.wait_for_log(event="listening")
    assert listening["metrics_host"] == "127.0.0.1"
    assert listening["metrics_port"] == server.metrics_port != server.port
    async with http.session.get(server.metrics_url + "/metrics") as r:
        assert r.status == 200
        assert "pigeon_store_up" in await r.text()
    rebound = {"Host": f"evil.example:{server.metrics_port}"}
    async with http.session.get(server.metrics_url + "/metrics", headers=rebound) as r:
        assert (r.status, (await r.json())["code"]) == (421, "misdirected")
