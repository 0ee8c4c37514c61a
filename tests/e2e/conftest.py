"""Every test here runs once per configuration of :data:`E2E_BACKENDS`: SQLite with the
in-process bus, the memory store with a bus that loses, repeats and reorders doorbells, and a
cluster of two gateways on PostgreSQL and NATS (``server`` is the first gateway; ``connect``
alternates its WebSockets between the two).
A test that needs a durable store (a restart keeping data, backups, the files on disk) is
marked ``@pytest.mark.durable(reason)``, and one whose every request is settled before the
store or the bus is reached (parsing, HTTP framing, headers) ``@pytest.mark.transport_only
(reason)``: a second configuration could not change its outcome, only double its time. Both
run on SQLite and are reported skipped, with their reason, on the others. A test about one
node alone (its own output queue, its frame bound), where a cluster adds only time, is
marked ``@pytest.mark.single_node(reason)`` and skipped on the cluster. On the cluster the
store is emptied before each test, unless the module sets ``STORE_PER_MODULE`` (its tests
share a module-scoped node, which empties it once). ``-k sqlite_local``,
``-k memory_lossy`` or ``-k pg_nats_2gw`` (the cluster) runs one configuration alone."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.helpers.cluster import ClusterEngines, start_gateways
from tests.helpers.postgres import PostgresInstance
from tests.helpers.raw import Http, RawWs
from tests.helpers.server import E2E_BACKENDS, SQLITE_LOCAL, Backends, ServerProcess


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    durable = metafunc.definition.get_closest_marker("durable")
    transport_only = metafunc.definition.get_closest_marker("transport_only")
    single_node = metafunc.definition.get_closest_marker("single_node")
    params = []
    for backends in E2E_BACKENDS:
        marks = []
        if durable is not None and backends is not SQLITE_LOCAL:
            marks.append(pytest.mark.skip(reason=f"durable store only: {durable.args[0]}"))
        elif transport_only is not None and backends is not SQLITE_LOCAL:
            reason = f"transport only, run on sqlite_local: {transport_only.args[0]}"
            marks.append(pytest.mark.skip(reason=reason))
        elif single_node is not None and backends.gateways > 1:
            reason = f"one node alone, not on the cluster: {single_node.args[0]}"
            marks.append(pytest.mark.skip(reason=reason))
        params.append(pytest.param(backends, marks=marks, id=backends.name))
    # Module scope: a module's tests run on one configuration, then on the next, so that a
    # module-scoped node (test_openapi_conformance) is started once per configuration.
    metafunc.parametrize("backends", params, indirect=True, scope="module")


@pytest.fixture(scope="module", autouse=True)
def backends(request: pytest.FixtureRequest) -> Backends:
    """The configuration this test runs on (parametrized by :func:`pytest_generate_tests`)."""
    chosen: Backends = request.param
    return chosen


@pytest.fixture(scope="session")
def cluster_engines(
    postgres: PostgresInstance, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ClusterEngines]:
    """The cluster configuration's PostgreSQL databases and NATS cluster, started once (only
    if a cluster test runs) and emptied before each test."""
    engines = ClusterEngines(postgres, tmp_path_factory.mktemp("cluster"))
    try:
        yield engines
    finally:
        engines.stop()


@pytest.fixture(autouse=True)
def backends_env(
    backends: Backends, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every node this test starts (and every ``pigeon`` command it runs) inherits the
    configuration through the environment; a test's own ``env`` still overrides it. A
    failure's report shows it (the lossy bus's seed included) to reproduce it by. On the
    cluster the store is emptied first (see STORE_PER_MODULE above)."""
    env = backends.env(request.node.nodeid)
    if backends.gateways > 1:
        engines: ClusterEngines = request.getfixturevalue("cluster_engines")
        if not getattr(request.module, "STORE_PER_MODULE", False):
            engines.reset()
        env.update(engines.env())
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    shown = "\n".join(f"{name}={value}" for name, value in env.items())
    request.node.add_report_section("setup", "backends", shown)


@pytest.fixture
async def client_session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
def gateways(
    backends: Backends, backends_env: None, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[list[ServerProcess]]:
    """The test's nodes: one, or on the cluster two gateways started together."""
    if backends.gateways > 1:
        engines: ClusterEngines = request.getfixturevalue("cluster_engines")
        started = start_gateways(engines, tmp_path)
    else:
        started = [ServerProcess(tmp_path / "data").start()]
    try:
        yield started
    finally:
        for node in started:
            node.kill()


@pytest.fixture
def server(gateways: list[ServerProcess]) -> ServerProcess:
    """A real node (on the cluster, the first gateway) on a fresh store and a free port."""
    return gateways[0]


@pytest.fixture
def http(client_session: aiohttp.ClientSession, server: ServerProcess) -> Http:
    return Http(client_session, server.url)


class Connector:
    """Opens WebSockets to the test's nodes, taking them in turn (the first to the first
    node, the second to the second, ...), and closes them all at teardown."""

    def __init__(
        self, session: aiohttp.ClientSession, *servers: ServerProcess, lossy_bus: bool = False
    ) -> None:
        self.session = session
        self.servers = servers
        self.lossy_bus = lossy_bus
        self.opened: list[RawWs] = []

    async def __call__(self, token: str | None = None, **hello: object) -> RawWs:
        node = self.servers[len(self.opened) % len(self.servers)]
        ws = await RawWs.connect(self.session, node.url, lossy_bus=self.lossy_bus)
        self.opened.append(ws)
        if token is not None:
            welcome = await ws.hello(token, **hello)
            assert welcome["type"] == "welcome", welcome
        return ws


@pytest.fixture
async def connect(
    client_session: aiohttp.ClientSession,
    server: ServerProcess,
    backends: Backends,
    request: pytest.FixtureRequest,
) -> AsyncIterator[Connector]:
    # A module that defines its own ``server`` gets connections to it alone.
    nodes = [server]
    if "gateways" in request.fixturenames:
        nodes = request.getfixturevalue("gateways")
    connector = Connector(client_session, *nodes, lossy_bus=backends.lossy_bus)
    yield connector
    for ws in connector.opened:
        await ws.close()
