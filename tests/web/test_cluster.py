"""The web client, unchanged, on a local cluster started by ``pigeon cluster up``: two
browsers each on its own gateway chat both ways in real time (the doorbell crosses NATS), a
third through HAProxy joins them, and a browser whose gateway is killed comes back through
HAProxy on the other and misses nothing."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pigeon.cluster import LocalCluster
from tests.helpers.metrics import samples
from tests.helpers.timing import TIMEOUT_S
from tests.web.chat import ChatPage
from tests.web.conftest import SERVER_ENV

pytestmark = pytest.mark.web

CHEAP_HASHING = {"PIGEON_ARGON2_TIME_COST": "1", "PIGEON_ARGON2_MEMORY_KIB": "8192"}


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """Two gateways, PostgreSQL, NATS and HAProxy, as ``pigeon cluster up`` starts them; the
    directory is outside pytest's (mode 0700) tree: PostgreSQL runs as its own user."""
    base = Path(tempfile.mkdtemp(prefix="pigeon-web-cluster-"))
    base.chmod(0o755)
    directory = base / "c"
    command = ["cluster", "up", "--dir", str(directory), "--gateways", "2"]
    up = subprocess.run(
        [sys.executable, "-m", "pigeon", *command],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S * 4,
        env={**os.environ, **SERVER_ENV, **CHEAP_HASHING},
    )
    cluster = LocalCluster(directory)
    try:
        assert up.returncode == 0, up.stderr
        assert cluster.load()
        yield cluster
    finally:
        if (directory / "cluster.json").exists():
            cluster.down()
        shutil.rmtree(base, ignore_errors=True)


def test_browsers_on_different_gateways_chat_and_one_comes_back_through_haproxy(
    cluster: LocalCluster, user_at: Callable[..., ChatPage]
) -> None:
    first, second = cluster.gateway_urls
    alice, bob = user_at("alice", first), user_at("bob", second)
    alice.start_direct(bob.handle)
    alice.send("hi bob, from gateway one")
    bob.open_conv(alice.handle)
    bob.expect_messages(["hi bob, from gateway one"])
    bob.send("hi alice, from gateway two")
    expected = ["hi bob, from gateway one", "hi alice, from gateway two"]
    alice.expect_messages(expected)

    # Carol's browser goes through HAProxy, to whichever gateway it picks.
    carol = user_at("carol", cluster.url)
    carol.create_group("trio", [alice.handle, bob.handle])
    carol.send("hello both")
    alice.open_conv("trio")
    bob.open_conv("trio")
    alice.expect_messages(["hello both"])
    bob.expect_messages(["hello both"])

    # Kill the gateway HAProxy gave Carol (the one holding two sockets: hers and Alice's or
    # Bob's): her page reconnects through HAProxy to the other gateway and gets what its
    # user says meanwhile.
    sockets = [_sockets(int(g.extra["metrics_port"])) for g in cluster.of_kind("gateway")]
    assert sorted(sockets) == [1, 2]
    victim = sockets.index(2)
    survivor = [alice, bob][1 - victim]
    os.kill(cluster.of_kind("gateway")[victim].pid, signal.SIGKILL)
    survivor.send("are you still there?")
    carol.expect_messages(["hello both", "are you still there?"])
    carol.expect_online()


def _sockets(metrics_port: int) -> float:
    """The WebSockets a gateway holds, from its metrics."""
    url = f"http://127.0.0.1:{metrics_port}/metrics"
    with urllib.request.urlopen(url, timeout=TIMEOUT_S) as answer:
        return samples(answer.read().decode())["pigeon_connections{}"]
