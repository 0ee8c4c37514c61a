"""Operating a node: metrics, readiness, admin actions, the live view, and secret-free logs."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.e2e.conftest import Connector
from tests.helpers.metrics import scrape
from tests.helpers.raw import PASSWORD, Http
from tests.helpers.server import Backends, ServerProcess
from tests.helpers.timing import TIMEOUT_S


async def test_metrics_count_what_happened(
    server: ServerProcess, http: Http, connect: Connector, backends: Backends
) -> None:
    """/metrics reflects sends, frames, errors, commits and connections as they happen."""
    alice = await http.user("alice")
    await http.user("bob")
    conv = await http.direct(alice, "bob")
    ws = await connect(alice)
    for i in range(3):
        await ws.send(conv, f"m{i}")
    await ws.send("c0000000000000000", "x")  # not_found
    assert (await ws.request({"type": "read", "conv": conv, "seq": 1}))["type"] == "ok"
    got = await scrape(http.session, server)
    assert got["pigeon_frames_received_total{type=send}"] == 4
    assert got["pigeon_send_latency_seconds_count{transport=ws}"] == 3
    assert got["pigeon_critical_latency_seconds_count{type=read}"] == 1
    assert got["pigeon_critical_latency_seconds_count{type=hello}"] == 1
    assert got["pigeon_errors_total{code=not_found,transport=ws}"] == 1
    assert got["pigeon_connections{}"] == 1
    if backends.store != "memory:":  # the memory store commits each call alone: no batches
        assert got["pigeon_group_commit_batch_size_count{}"] >= 1
    assert got["pigeon_store_up{}"] == 1 and got["pigeon_draining{}"] == 0
    assert got["pigeon_data_free_bytes{}"] > 0
    assert got["pigeon_http_requests_total{method=POST,route=/v1/login,status=200}"] == 2


async def test_readyz_answers_when_the_store_does(http: Http) -> None:
    """/readyz is 200 ready on a healthy node."""
    status, body = await http.call("GET", "/readyz")
    assert (status, body["status"]) == (200, "ready")


async def test_disabling_a_user_closes_their_connections_and_refuses_them(
    server: ServerProcess, http: Http, connect: Connector
) -> None:
    """disable: goodbye account_disabled, then account_disabled everywhere; enable undoes it."""
    alice = await http.user("alice")
    bob = await http.user("bob")
    conv = await http.direct(alice, "bob")
    bob_ws = await connect(bob)
    admin = (server.data_dir / "admin.token").read_text().strip()
    status, body = await http.call("POST", "/v1/admin/users/bob/disable", token=admin)
    assert (status, body["connections_closed"]) == (200, 1)
    assert await bob_ws.next_other() == {"type": "goodbye", "reason": "account_disabled"}
    status, body = await http.call(
        "POST", f"/v1/conversations/{conv}/messages", {"client_msg_id": "x", "body": "hi"}, bob
    )
    assert (status, body["code"]) == (403, "account_disabled")
    status, body = await http.call("POST", "/v1/login", {"handle": "bob", "password": PASSWORD})
    assert (status, body["code"]) == (403, "account_disabled")
    status, _ = await http.call("POST", "/v1/admin/users/bob/enable", token=admin)
    assert status == 200
    status, _ = await http.call(
        "POST", f"/v1/conversations/{conv}/messages", {"client_msg_id": "x", "body": "hi"}, bob
    )
    assert status == 200
    status, body = await http.call("POST", "/v1/admin/users/bob/disable", token=bob)
    assert (status, body["code"]) == (401, "unauthenticated")  # a user token is not admin


async def test_revoking_tokens_logs_every_device_out(
    server: ServerProcess, http: Http, connect: Connector
) -> None:
    """revoke: every token of the user stops working and their connections are closed."""
    first = await http.user("alice")
    second = await http.user("alice")
    ws = await connect(first)
    admin = (server.data_dir / "admin.token").read_text().strip()
    status, listing = await http.call("GET", "/v1/admin/connections", token=admin)
    assert [row["user"] for row in listing["connections"]] == ["alice"]
    status, body = await http.call("POST", "/v1/admin/users/alice/revoke-tokens", token=admin)
    assert (body["tokens_revoked"], body["connections_closed"]) == (2, 1)
    assert await ws.next_other() == {"type": "goodbye", "reason": "tokens_revoked"}
    for token in (first, second):
        status, _ = await http.call("GET", "/v1/conversations", token=token)
        assert status == 401


async def test_admin_cli_and_top_work_against_a_node(server: ServerProcess, http: Http) -> None:
    """`pigeon admin connections` and `pigeon top --iterations 1` run and print real figures."""
    await http.user("alice")

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "pigeon", *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=True,
        )
        return done.stdout

    listing = await asyncio.to_thread(
        run, "admin", "connections", "--data", str(server.data_dir), "--url", server.url
    )
    assert "0 connections, 0 users" in listing
    view = await asyncio.to_thread(
        run, "top", "--iterations", "1", "--interval", "0.2", "--metrics-url", server.metrics_url
    )
    assert "send latency ms" in view and "connections        0" in view


async def test_admin_cli_acts_on_the_exact_handle(server: ServerProcess, http: Http) -> None:
    """`pigeon admin disable 'bob\\n'` names a look-alike of bob, never bob himself: a URL parser
    would drop the newline unless the handle is quoted."""
    await http.user("bob")
    done = await asyncio.to_thread(
        subprocess.run,
        [
            sys.executable,
            "-m",
            "pigeon",
            "admin",
            "disable",
            "bob\n",
            "--url",
            server.url,
            "--data",
            str(server.data_dir),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    assert done.returncode != 0 and "not_found" in done.stderr, done
    await http.user("bob")  # still logs in: not disabled


async def test_logs_never_hold_passwords_tokens_or_bodies(
    server: ServerProcess, http: Http, connect: Connector
) -> None:
    """A session's worth of traffic, errors included, leaves no secret or body in the logs."""
    secret_body = "the-secret-body-7f3a"
    await http.call("POST", "/v1/register", {"handle": "alice", "password": "pw-secret-9c1e"})
    _, login = await http.call(
        "POST", "/v1/login", {"handle": "alice", "password": "pw-secret-9c1e"}
    )
    token = login["token"]
    await http.user("bob")
    await http.call("POST", "/v1/login", {"handle": "alice", "password": "wrong-pw-4d2b"})
    conv = await http.direct(token, "bob")
    ws = await connect(token)
    await ws.send(conv, "m1", secret_body)
    await ws.send(conv, "m1", secret_body + "-changed")  # conflict: logged as refused
    await ws.ws.send_bytes(
        b'{"type":"send","id":9,"conv":"' + conv.encode() + b'",'
        b'"client_msg_id":"m2","body":"the-secret-body-7f3a\xff"}'
    )
    await ws.next_other()
    server.terminate()
    logs = "\n".join(server.raw_lines)
    assert '"event":"connection closed"' in logs  # the logs are there to be searched
    for secret in ("pw-secret-9c1e", "wrong-pw-4d2b", token, secret_body):
        assert secret not in logs


def test_sigterm_just_after_listening_drains_instead_of_killing(tmp_path: Path) -> None:
    """A SIGTERM sent the moment the node says "listening" is handled: the node drains and
    exits 0, never dies of the signal's default action (a deploy stopping a fresh node)."""
    for attempt in range(3):
        server = ServerProcess(tmp_path / f"data{attempt}").start()
        code = server.terminate()
        # A drain that outlived the wait was SIGKILLed (-9): its last lines say where it hung.
        assert code == 0, f"attempt {attempt}: exit code {code}: {server.raw_lines[-15:]}"
        assert any(e.get("event") == "stopped" for e in server.logs)


def test_sigterm_while_starting_drains_instead_of_killing(tmp_path: Path) -> None:
    """A SIGTERM sent the moment the process exists is handled from the first line of
    ``main``: the node starts, drains and exits 0. The signal is blocked across the exec, as a
    launcher can do, so that it is pending when Python reaches pigeon's first line: the
    earliest a Python program can take a signal, and the same moment every attempt."""
    for attempt in range(3):
        data = str(tmp_path / f"data{attempt}")
        saved = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "pigeon", "serve", "--port", "0", "--data", data],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env={**os.environ, "PIGEON_LOG_LEVEL": "info", "PIGEON_METRICS_PORT": "0"},
            )
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, saved)
        try:
            proc.send_signal(signal.SIGTERM)
            _, stderr = proc.communicate(timeout=TIMEOUT_S)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate(timeout=TIMEOUT_S)
        assert proc.returncode == 0, f"attempt {attempt}: exit code {proc.returncode}"
        assert b'"event":"stopped"' in stderr
