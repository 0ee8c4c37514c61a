"""Every test here runs once per configuration of :data:`E2E_BACKENDS`: SQLite with the
in-process bus, and the memory store with a bus that loses, repeats and reorders doorbells.
A test that needs a durable store (a restart keeping data, backups, the files on disk) is
marked ``@pytest.mark.durable(reason)``, and one whose every request is settled before the
store or the bus is reached (parsing, HTTP framing, headers) ``@pytest.mark.transport_only
(reason)``: a second configuration could not change its outcome, only double its time. Both
run on SQLite and are reported skipped, with their reason, on the memory store.
``-k sqlite_local`` or ``-k memory_lossy`` runs one configuration alone."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from tests.helpers.raw import Http, RawWs
from tests.helpers.server import E2E_BACKENDS, SQLITE_LOCAL, Backends, ServerProcess


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    durable = metafunc.definition.get_closest_marker("durable")
    transport_only = metafunc.definition.get_closest_marker("transport_only")
    params = []
    for backends in E2E_BACKENDS:
        marks = []
        if durable is not None and backends is not SQLITE_LOCAL:
            marks.append(pytest.mark.skip(reason=f"durable store only: {durable.args[0]}"))
        elif transport_only is not None and backends is not SQLITE_LOCAL:
            reason = f"transport only, run on sqlite_local: {transport_only.args[0]}"
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


@pytest.fixture(autouse=True)
def backends_env(
    backends: Backends, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every node this test starts (and every ``pigeon`` command it runs) inherits the
    configuration through the environment; a test's own ``env`` still overrides it. A
    failure's report shows it (the lossy bus's seed included) to reproduce it by."""
    env = backends.env(request.node.nodeid)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    shown = "\n".join(f"{name}={value}" for name, value in env.items())
    request.node.add_report_section("setup", "backends", shown)


@pytest.fixture
async def client_session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
def http(client_session: aiohttp.ClientSession, server: ServerProcess) -> Http:
    return Http(client_session, server.url)


class Connector:
    """Opens WebSockets to the test server and closes them all at teardown."""

    def __init__(
        self, session: aiohttp.ClientSession, server: ServerProcess, *, lossy_bus: bool = False
    ) -> None:
        self.session = session
        self.server = server
        self.lossy_bus = lossy_bus
        self.opened: list[RawWs] = []

    async def __call__(self, token: str | None = None, **hello: object) -> RawWs:
        ws = await RawWs.connect(self.session, self.server.url, lossy_bus=self.lossy_bus)
        self.opened.append(ws)
        if token is not None:
            welcome = await ws.hello(token, **hello)
            assert welcome["type"] == "welcome", welcome
        return ws


@pytest.fixture
async def connect(
    client_session: aiohttp.ClientSession, server: ServerProcess, backends: Backends
) -> AsyncIterator[Connector]:
    connector = Connector(client_session, server, lossy_bus=backends.lossy_bus)
    yield connector
    for ws in connector.opened:
        await ws.close()
