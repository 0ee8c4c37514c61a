"""The chat commands as a user runs them: real processes against a real server.

Tail's output is read line by line, each read bounded by TIMEOUT_S; nothing sleeps.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import stat
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.helpers.raw import Http
from tests.helpers.server import ServerProcess
from tests.helpers.timing import TIMEOUT_S

PASSWORD = "correct horse battery"


class Terminal:
    """One user's shell: their own PIGEON_HOME, so their own credentials and tail state."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.env = {**os.environ, "PIGEON_HOME": str(home)}
        self.env.pop("PIGEON_URL", None)
        self.tails: list[asyncio.subprocess.Process] = []

    async def run(self, *args: str) -> tuple[int, str, str]:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "pigeon",
            *args,
            env=self.env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        stdout, stderr = await asyncio.wait_for(proc.communicate(), TIMEOUT_S)
        assert proc.returncode is not None
        return proc.returncode, stdout.decode(), stderr.decode()

    async def ok(self, *args: str) -> str:
        code, stdout, stderr = await self.run(*args)
        assert code == 0, (args, stdout, stderr)
        return stdout

    async def start_tail(self, *args: str) -> asyncio.subprocess.Process:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "pigeon",
            "tail",
            *args,
            env=self.env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        self.tails.append(proc)
        return proc

    async def stop_tail(self, proc: asyncio.subprocess.Process) -> int:
        proc.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(proc.wait(), TIMEOUT_S)

    async def close(self) -> None:
        for proc in self.tails:
            if proc.returncode is None:
                proc.kill()
                await asyncio.wait_for(proc.wait(), TIMEOUT_S)


async def next_line(proc: asyncio.subprocess.Process) -> str:
    assert proc.stdout is not None
    line = await asyncio.wait_for(proc.stdout.readline(), TIMEOUT_S)
    assert line, "tail ended"
    return line.decode().rstrip("\n")


async def line_matching(proc: asyncio.subprocess.Process, text: str) -> list[str]:
    """Lines read until one ends with ``text``; returns them all."""
    lines = [await next_line(proc)]
    while not lines[-1].endswith(text):
        lines.append(await next_line(proc))
    return lines


@pytest.fixture
async def terminals(tmp_path: Path) -> AsyncIterator[dict[str, Terminal]]:
    terms = {name: Terminal(tmp_path / f"home-{name}") for name in ("alice", "bob")}
    try:
        yield terms
    finally:
        for term in terms.values():
            await term.close()


async def sign_up(term: Terminal, handle: str, url: str) -> None:
    await term.ok("user", "create", handle, "--password", PASSWORD, "--url", url)
    await term.ok("login", handle, "--password", PASSWORD, "--url", url)


class TestChatCommands:
    """Two people chat through `pigeon send` and `pigeon tail` (G2, G4 from a terminal)."""

    async def test_two_users_chat_and_tail_resumes(
        self, fast_server: ServerProcess, terminals: dict[str, Terminal]
    ) -> None:
        """Each tail prints the other's messages; a restarted tail prints only what came
        after it stopped: no repeat, no gap."""
        alice, bob = terminals["alice"], terminals["bob"]
        await sign_up(alice, "alice", fast_server.url)
        await sign_up(bob, "bob", fast_server.url)
        creds = alice.home / "credentials.json"
        assert stat.S_IMODE(creds.stat().st_mode) == 0o600

        conv = (await alice.ok("dm", "@bob")).strip()
        assert conv.startswith("c") and len(conv) == 17
        bob_tail = await bob.start_tail()
        assert "(#2)" in await alice.ok("send", "@bob", "hello bob")
        lines = await line_matching(bob_tail, "hello bob")
        # Tail names the conversation as a person does: the peer's handle, not the id.
        assert lines[-1] == "[@alice] alice: hello bob"
        assert lines[0] == "[@alice] alice created with alice, bob"

        alice_tail = await alice.start_tail()
        await bob.ok("send", conv, "hi alice")
        lines = await line_matching(alice_tail, "hi alice")
        assert lines == [
            "[@bob] alice created with alice, bob",
            "[@bob] alice: hello bob",
            "[@bob] bob: hi alice",
        ]
        assert await line_matching(bob_tail, "hi alice") == ["[@alice] bob: hi alice"]

        assert await bob.stop_tail(bob_tail) == 0
        await alice.ok("send", "@bob", "while you were away")
        bob_tail = await bob.start_tail()
        assert await next_line(bob_tail) == "[@alice] alice: while you were away"
        await alice.ok("send", conv, "and now")
        assert await next_line(bob_tail) == "[@alice] alice: and now"
        # What tail printed is read once it stops (each mark is awaited before the next line).
        assert await bob.stop_tail(bob_tail) == 0
        assert (await bob.ok("convs")).splitlines() == [
            f"@alice  direct  (read)  alice: and now  [{conv}]"
        ]

        history = await bob.ok("history", "@alice", "--limit", "2")
        *events, hint = history.splitlines()
        assert events == [f"[{conv}] alice: while you were away", f"[{conv}] alice: and now"]
        assert hint.startswith("(older: pigeon history @alice --before 4 --epoch ")
        older = hint.removeprefix("(older: pigeon history ").removesuffix(")").split()
        assert (await bob.ok("history", *older, "--limit", "1")).splitlines() == [
            f"[{conv}] bob: hi alice",
            hint.replace("--before 4", "--before 3"),
        ]

    async def test_groups(self, fast_server: ServerProcess, terminals: dict[str, Terminal]) -> None:
        """group create and group add; the members' events read clearly in history."""
        alice, bob = terminals["alice"], terminals["bob"]
        await sign_up(alice, "alice", fast_server.url)
        await sign_up(bob, "bob", fast_server.url)
        conv = (await alice.ok("group", "create", "team")).strip()
        await alice.ok("group", "add", conv, "bob")
        await alice.ok("send", conv, "welcome")
        lines = (await bob.ok("history", conv)).splitlines()
        assert lines == [
            f'[{conv}] alice created "team" with alice',
            f"[{conv}] alice added bob",
            f"[{conv}] alice: welcome",
        ]
        await alice.ok("group", "leave", conv)
        lines = (await bob.ok("history", conv)).splitlines()
        assert lines[-2:] == [f"[{conv}] alice left", f"[{conv}] bob is now the owner"]
        await alice.ok("block", "@bob")
        assert (await alice.ok("blocks")).split() == ["bob"]
        code, _, stderr = await bob.run("group", "add", conv, "alice")
        assert code == 1 and stderr.startswith("pigeon: ")  # as for an unknown user
        await alice.ok("unblock", "bob")
        await bob.ok("group", "add", conv, "alice")


class TestErrors:
    """Expected failures: one clear line, exit status 1, no traceback."""

    async def test_server_down(self, terminals: dict[str, Terminal]) -> None:
        """With nothing listening: "cannot reach the server at URL"."""
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        url = f"http://127.0.0.1:{port}"
        code, _, stderr = await terminals["alice"].run(
            "user", "create", "alice", "--password", PASSWORD, "--url", url
        )
        assert code == 1
        assert stderr.strip() == f"pigeon: cannot reach the server at {url}"

    async def test_not_logged_in_and_bad_password(
        self, fast_server: ServerProcess, terminals: dict[str, Terminal]
    ) -> None:
        """Commands before login, and a wrong password, fail with one line."""
        alice = terminals["alice"]
        code, _, stderr = await alice.run("convs")
        assert code == 1 and stderr.startswith("pigeon: not logged in")
        await alice.ok("user", "create", "alice", "--password", PASSWORD, "--url", fast_server.url)
        code, _, stderr = await alice.run(
            "login", "alice", "--password", "wrong password", "--url", fast_server.url
        )
        assert code == 1 and "Traceback" not in stderr and len(stderr.splitlines()) == 1
        await alice.ok("login", "alice", "--password", PASSWORD, "--url", fast_server.url)
        code, _, stderr = await alice.run("send", "@nobody", "hi")
        assert code == 1 and "not found" in stderr and "Traceback" not in stderr


class TestKnownDevice:
    """The terminal keeps its device key past logout, so a sprayer cannot lock it out (G6)."""

    async def test_login_again_while_someone_sprays_the_handle(
        self, tmp_path: Path, terminals: dict[str, Terminal]
    ) -> None:
        """After logout, wrong passwords from elsewhere lock alice's handle; her terminal logs
        in again anyway, with the device key its first login saved (mode 0600)."""
        server = ServerProcess(tmp_path / "data", env={"PIGEON_LOGIN_RATE_PER_MIN": "3"}).start()
        try:
            alice = terminals["alice"]
            await sign_up(alice, "alice", server.url)
            assert stat.S_IMODE((alice.home / "device_keys.json").stat().st_mode) == 0o600
            await alice.ok("logout")
            sprayer = aiohttp.TCPConnector(local_addr=("127.0.0.2", 0))
            async with aiohttp.ClientSession(connector=sprayer) as session:
                http = Http(session, server.url)
                wrong = {"handle": "alice", "password": "guess-123"}
                statuses = [(await http.call("POST", "/v1/login", wrong))[0] for _ in range(3)]
                assert statuses == [401, 401, 401]
            await alice.ok("login", "alice", "--password", PASSWORD, "--url", server.url)
            assert (await alice.ok("convs")).strip() == "no conversations"
        finally:
            server.kill()


def test_tail_describes_an_owner_change() -> None:
    """``pigeon tail`` prints who owns a group now, after the owner left."""
    from pigeon.cli.chat import describe
    from pigeon.core.records import Event, EventKind

    event = Event(
        conv="c0123456789abcdef",
        seq=4,
        kind=EventKind.OWNER_CHANGED,
        sender="alice",
        ts=1,
        members=("carol",),
    )
    assert describe(event) == "[c0123456789abcdef] carol is now the owner"


class TestFirstHour:
    """What a newcomer meets first: the rules said, the URL remembered, tail's state shown."""

    async def test_login_and_sign_up_say_the_rule(
        self, fast_server: ServerProcess, terminals: dict[str, Terminal]
    ) -> None:
        """A wrong password or an unknown user is "wrong handle or password", not "not logged
        in"; a bad handle or password length says the documented rule."""
        alice, url = terminals["alice"], fast_server.url
        for handle, password, rule in [
            ("Alice", PASSWORD, "a handle has 2–32 characters, each a–z, 0–9 or _"),
            ("a", PASSWORD, "a handle has 2–32 characters, each a–z, 0–9 or _"),
            ("alice", "7 chars", "a password has 8–256 characters; this one has 7"),
            ("alice", "x" * 257, "a password has 8–256 characters; this one has 257"),
        ]:
            code, _, stderr = await alice.run(
                "user", "create", handle, "--password", password, "--url", url
            )
            assert code == 1 and stderr.endswith(f"{rule}\n"), stderr
        await alice.ok("user", "create", "alice", "--password", "x" * 8, "--url", url)
        await alice.ok("user", "create", "al", "--password", "x" * 256, "--url", url)
        for handle, password in [("alice", "wrong password"), ("nobody", PASSWORD)]:
            code, _, stderr = await alice.run("login", handle, "--password", password, "--url", url)
            assert (code, stderr) == (1, "pigeon: wrong handle or password\n")

    async def test_url_from_the_environment_and_the_last_login(
        self, fast_server: ServerProcess, terminals: dict[str, Terminal]
    ) -> None:
        """$PIGEON_URL, then the last login's URL (kept past logout): no --url needed."""
        alice = terminals["alice"]
        alice.env["PIGEON_URL"] = fast_server.url
        await alice.ok("user", "create", "alice", "--password", PASSWORD)
        del alice.env["PIGEON_URL"]
        await alice.ok("login", "alice", "--password", PASSWORD, "--url", fast_server.url)
        assert (await alice.ok("convs")).strip() == "no conversations"
        await alice.ok("logout")
        assert fast_server.url in await alice.ok("login", "alice", "--password", PASSWORD)
        alice.env["PIGEON_URL"] = "http://127.0.0.1:9"  # the environment wins over the login
        code, _, stderr = await alice.run("convs")
        assert (code, stderr) == (1, "pigeon: cannot reach the server at http://127.0.0.1:9\n")

    async def test_tail_says_when_it_loses_the_server_and_marks_read(
        self, tmp_path: Path, terminals: dict[str, Terminal]
    ) -> None:
        """One line when the server goes, one when it is back; --no-mark-read leaves what it
        printed unread; groups are named by their title."""
        server = ServerProcess(tmp_path / "data").start()
        try:
            alice, bob = terminals["alice"], terminals["bob"]
            await sign_up(alice, "alice", server.url)
            await sign_up(bob, "bob", server.url)
            conv = (await alice.ok("group", "create", "team", "--member", "bob")).strip()
            bob_tail = await bob.start_tail("--no-mark-read")
            assert await next_line(bob_tail) == '[team] alice created "team" with alice, bob'
            server.kill()
            assert (
                await next_line(bob_tail) == f"-- lost the server at {server.url}; reconnecting --"
            )
            server.restart()
            assert await next_line(bob_tail) == f"-- connected again to {server.url} --"
            await alice.ok("send", conv, "still here")
            assert await next_line(bob_tail) == "[team] alice: still here"
            assert await bob.stop_tail(bob_tail) == 0
            assert "(1 unread)" in await bob.ok("convs")
        finally:
            server.kill()

    async def test_failed_send_leaves_no_conversation(
        self, fast_server: ServerProcess, terminals: dict[str, Terminal]
    ) -> None:
        """`pigeon send @bob ""` is refused before a direct conversation is created."""
        alice, bob = terminals["alice"], terminals["bob"]
        await sign_up(alice, "alice", fast_server.url)
        await sign_up(bob, "bob", fast_server.url)
        code, _, stderr = await alice.run("send", "@bob", "  ")
        assert (code, stderr) == (1, "pigeon: the body is empty (bad_request)\n")
        assert (await alice.ok("convs")).strip() == "no conversations"
        assert (await bob.ok("convs")).strip() == "no conversations"
        await alice.ok("send", "@bob", "hi")
        await alice.ok("send", "@bob", "again")  # the existing conversation, found again
        assert len((await bob.ok("convs")).splitlines()) == 1

    async def test_over_long_send_leaves_no_conversation(
        self, tmp_path: Path, terminals: dict[str, Terminal]
    ) -> None:
        """`pigeon send @bob` with a body over the server's configured limit (read from
        GET /v1/limits, not a constant of the client) creates no direct conversation."""
        server = ServerProcess(tmp_path / "data", env={"PIGEON_MAX_BODY_BYTES": "64"}).start()
        try:
            alice, bob = terminals["alice"], terminals["bob"]
            await sign_up(alice, "alice", server.url)
            await sign_up(bob, "bob", server.url)
            code, _, stderr = await alice.run("send", "@bob", "x" * 65)
            assert (code, stderr) == (
                1,
                "pigeon: the request is too large (too_large): 65 > 64 bytes\n",
            )
            assert (await alice.ok("convs")).strip() == "no conversations"
            assert (await bob.ok("convs")).strip() == "no conversations"
            await alice.ok("send", "@bob", "x" * 64)
            assert len((await bob.ok("convs")).splitlines()) == 1
        finally:
            server.kill()


@pytest.mark.parametrize(
    "command", [[], ["tail"], ["login"], ["user", "create"], ["group", "create"], ["top"]]
)
async def test_help_shows_no_markup(command: list[str], tmp_path: Path) -> None:
    """`pigeon --help` reads as plain text: no reStructuredText backticks or roles."""
    stdout = await Terminal(tmp_path).ok(*command, "--help")
    assert "``" not in stdout and ":func:" not in stdout and "usage: pigeon" in stdout
