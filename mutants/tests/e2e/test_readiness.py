"""Readiness tells the truth about writes: a node whose disk is full answers reads but commits
nothing, and /readyz and pigeon_store_up must say so, then recover by themselves."""

from __future__ import annotations

import asyncio
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.helpers.metrics import scrape
from tests.helpers.raw import Http
from tests.helpers.server import ServerProcess

DISK_BYTES = 8 * 1024 * 1024

pytestmark = pytest.mark.durable("fills the disk under the store's files")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs of DISK_BYTES of its own, so that filling it fills nobody else's disk."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES}", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs (needs root): {done.stderr!r}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=True)


def fill(disk: Path) -> Path:
    """Write a file until the filesystem has no block left; returns it (delete it to undo)."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for chunk in (1 << 20, 1 << 12):  # large chunks, then the last pages one by one
            while True:
                try:
                    os.write(fd, b"\0" * chunk)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(fd)
    return filler


async def test_a_full_disk_makes_readiness_fail_until_writes_commit_again(
    small_disk: Path, client_session: aiohttp.ClientSession
) -> None:
    """Disk full: a send fails `unavailable`, /readyz answers 503 `store_unavailable` and the
    write probe drops pigeon_store_up to 0, while reads still work. Space back: the probe
    commits, both turn green, and the send retried with the same id is acknowledged."""
    server = ServerProcess(
        small_disk / "data", env={"PIGEON_STORE_PROBE_INTERVAL_S": "0.05"}
    ).start()
    try:
        http = Http(client_session, server.url)
        alice = await http.user("alice")
        await http.user("bob")
        conv = await http.direct(alice, "bob")
        send = {"client_msg_id": "m1", "body": "hello"}
        assert (await http.call("GET", "/readyz"))[0] == 200

        filler = await asyncio.to_thread(fill, small_disk)
        status, body = await http.call("POST", f"/v1/conversations/{conv}/messages", send, alice)
        assert (status, body["code"]) == (503, "unavailable")
        status, body = await http.call("GET", "/readyz")
        assert (status, body["status"]) == (503, "store_unavailable")
        await asyncio.to_thread(server.wait_for_log, event="store check failed")
        assert (await scrape(http.session, server))["pigeon_store_up{}"] == 0
        status, _ = await http.call("GET", "/v1/conversations", token=alice)
        assert status == 200  # reads go on: only writes fail

        filler.unlink()
        await asyncio.to_thread(server.wait_for_log, event="store check passed again")
        status, body = await http.call("GET", "/readyz")
        assert (status, body["status"]) == (200, "ready")
        assert (await scrape(http.session, server))["pigeon_store_up{}"] == 1
        status, body = await http.call("POST", f"/v1/conversations/{conv}/messages", send, alice)
        assert (status, body["seq"]) == (200, 2)
    finally:
        assert server.terminate() == 0
