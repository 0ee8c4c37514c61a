"""Sessions and logins against a real server: logout and expiry end live WebSockets (G5), and
login limits that someone else cannot turn against a user (G6)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.conftest import Connector
from tests.helpers.raw import PASSWORD, Http, RawWs
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S


async def test_logout_closes_the_sockets_of_that_token_only(http: Http, connect: Connector) -> None:
    """A WebSocket opened with a token gets goodbye logged_out when that token logs out; the
    same user's other device stays connected and working."""
    laptop = await http.user("alice")
    phone = await http.user("alice")
    laptop_ws = await connect(laptop)
    phone_ws = await connect(phone)
    assert (await http.call("POST", "/v1/logout", token=laptop))[0] == 204
    assert await laptop_ws.next_other() == {"type": "goodbye", "reason": "logged_out"}
    await asyncio.wait_for(laptop_ws.closed.wait(), TIMEOUT_S)
    reply = await phone_ws.request({"type": "conversations"})
    assert reply["type"] == "conversation_list"
    assert phone_ws.other.empty()


async def test_a_socket_is_closed_when_its_token_expires(tmp_path: Path) -> None:
    """Expiry is checked on the open socket, not only at hello: goodbye token_expired."""
    server = ServerProcess(tmp_path / "data", env={"PIGEON_TOKEN_TTL_S": "1"}).start()
    try:
        async with aiohttp.ClientSession() as session:
            http = Http(session, server.url)
            token = await http.user("alice")
            ws = await RawWs.connect(session, server.url)
            try:
                welcome = await ws.hello(token)
                if welcome["type"] == "welcome":  # a slow machine may let it expire before
                    assert await ws.next_other() == {
                        "type": "goodbye",
                        "reason": "token_expired",
                    }
                    await asyncio.wait_for(ws.closed.wait(), TIMEOUT_S)
                else:
                    assert welcome["code"] == "unauthenticated"
                status, _ = await http.call("GET", "/v1/conversations", token=token)
                assert status == 401
            finally:
                await ws.close()
    finally:
        server.kill()


# -- targeted lock-out ---------------------------------------------------------------------


@contextlib.asynccontextmanager
async def http_from(server: ServerProcess, address: str) -> AsyncIterator[Http]:
    """An HTTP client whose connections come from ``address`` (all of 127/8 is local)."""
    connector = aiohttp.TCPConnector(local_addr=(address, 0))
    async with aiohttp.ClientSession(connector=connector) as session:
        yield Http(session, server.url)


@pytest.fixture
def slow_login_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server allowing 3 login attempts per address, and 3 failures per handle, a minute."""
    proc = ServerProcess(tmp_path / "data", env={"PIGEON_LOGIN_RATE_PER_MIN": "3"}).start()
    try:
        yield proc
    finally:
        proc.kill()


def login_body(handle: str, password: str = PASSWORD, **extra: object) -> dict[str, object]:
    return {"handle": handle, "password": password, **extra}


async def test_correct_logins_do_not_count_against_the_handle(
    slow_login_server: ServerProcess,
) -> None:
    """Only failures count per handle: bob logs in from many places more often than the
    limit, each place within its own attempts."""
    async with http_from(slow_login_server, "127.0.0.1") as http:
        await http.call("POST", "/v1/register", login_body("bob"))
    for i in range(5):
        async with http_from(slow_login_server, f"127.0.1.{i + 1}") as http:
            status, body = await http.call("POST", "/v1/login", login_body("bob"))
            assert status == 200, body


async def test_a_sprayer_cannot_lock_bob_out_of_his_known_device(
    slow_login_server: ServerProcess,
) -> None:
    """Wrong passwords sprayed at bob lock the handle, and the sprayer's address, but bob's
    correct password from a device that logged in before (its device_key) still works, even
    from the sprayer's address (a shared NAT)."""
    async with http_from(slow_login_server, "127.0.0.1") as http:
        await http.call("POST", "/v1/register", login_body("bob"))
        status, first = await http.call("POST", "/v1/login", login_body("bob", device="phone"))
        assert status == 200, first
    device_key = first["device_key"]
    async with http_from(slow_login_server, "127.0.0.2") as sprayer:
        for _ in range(3):
            status, body = await sprayer.call("POST", "/v1/login", login_body("bob", "guess-123"))
            assert status == 401, body
        status, body = await sprayer.call("POST", "/v1/login", login_body("bob", "guess-456"))
        assert (status, body["code"]) == (429, "rate_limited")
    async with http_from(slow_login_server, "127.0.0.3") as elsewhere:
        status, body = await elsewhere.call("POST", "/v1/login", login_body("bob"))
        assert (status, body["code"]) == (429, "rate_limited")  # the handle is locked...
    async with http_from(slow_login_server, "127.0.0.2") as bob:
        status, body = await bob.call(
            "POST", "/v1/login", login_body("bob", device="phone", device_key=device_key)
        )
        assert status == 200, body  # ...but not for bob's known device
        assert body["device_key"] == device_key
        status, _ = await bob.call("GET", "/v1/conversations", token=body["token"])
        assert status == 200


async def test_a_device_key_of_another_account_is_not_known(
    slow_login_server: ServerProcess,
) -> None:
    """A device key opens the lock only for the account it was issued by."""
    async with http_from(slow_login_server, "127.0.0.1") as http:
        for handle in ("bob", "eve"):
            await http.call("POST", "/v1/register", login_body(handle))
        status, eve = await http.call("POST", "/v1/login", login_body("eve"))
        assert status == 200, eve
    async with http_from(slow_login_server, "127.0.0.2") as sprayer:
        for _ in range(3):
            await sprayer.call("POST", "/v1/login", login_body("bob", "guess-123"))
    async with http_from(slow_login_server, "127.0.0.3") as other:
        status, body = await other.call(
            "POST", "/v1/login", login_body("bob", device_key=eve["device_key"])
        )
        assert (status, body["code"]) == (429, "rate_limited")


@pytest.fixture
def unlimited_login_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server whose login rate limits never trigger: only the hashing queue bounds logins.
    Hashing costs what it does in production, so a full queue stays full for a while."""
    env = {
        "PIGEON_LOGIN_RATE_PER_MIN": "100000",
        "PIGEON_ARGON2_TIME_COST": "2",
        "PIGEON_ARGON2_MEMORY_KIB": str(19 * 1024),
    }
    proc = ServerProcess(tmp_path / "data", env=env).start()
    try:
        yield proc
    finally:
        proc.kill()


async def test_a_flood_from_one_network_leaves_room_for_another(
    unlimited_login_server: ServerProcess,
) -> None:
    """One address floods logins (a botnet behind one NAT, or a sprayer with its rate limit
    raised): most are refused busy at once, a few are hashed, and a login from another
    address meanwhile gets through instead of being busy."""
    server = unlimited_login_server
    async with http_from(server, "127.0.0.1") as http:
        await http.call("POST", "/v1/register", login_body("bob"))
    flood_size = 70  # more than the whole hashing queue (hash_queue_max 64)
    async with (
        http_from(server, "127.0.0.2") as flooder,
        http_from(server, "127.0.0.3") as bob,
    ):
        first_busy = asyncio.Event()

        async def flood_one() -> int:
            status, _ = await flooder.call("POST", "/v1/login", login_body("mallory", "guess-1"))
            if status == 503:
                first_busy.set()
            return status

        flood = [asyncio.create_task(flood_one()) for _ in range(flood_size)]
        try:
            await asyncio.wait_for(first_busy.wait(), TIMEOUT_S)  # the flood holds its share
            status, body = await bob.call("POST", "/v1/login", login_body("bob"))
            assert status == 200, body
            statuses = await asyncio.gather(*flood)
        finally:
            for task in flood:
                task.cancel()
    assert statuses.count(503) >= flood_size - 64
    assert set(statuses) <= {401, 503}
