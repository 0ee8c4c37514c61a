"""Every import between Pigeon's folders points one way (issue 10, item 1; README "Layout").

    cli -> server (the wiring) -> transport -> application -> {core, store.base, bus.base,
    errors}, with config and ops (metrics, logs) usable from every layer but the core.

Only the wiring and the store and bus factories name a concrete backend, nothing but the cli
and bench import the wiring, and the SDK imports only the core and errors. So the cluster's
PostgreSQL store and NATS bus slot in behind the factories, and a transport cannot reach
around the application layer into the store. The imports are read with ``ast`` (the same
walker as tests/core/test_core_is_sans_io.py), each resolved to the module it names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pigeon
from tests.helpers.imports import imported_modules

SRC = Path(pigeon.__file__).parent

# Layer -> the layers its modules may import, besides their own. "root" is pigeon/__init__
# (the version), "errors" pigeon.errors, "files" pigeon.durable_files (atomic fsynced files).
BASE = frozenset({"errors", "root"})
ALLOWED: dict[str, frozenset[str]] = {
    "errors": frozenset({"root"}),
    "files": BASE,
    "core": BASE,
    "ops": BASE,
    "interfaces": BASE | {"core"},
    "backend": BASE | {"interfaces", "core", "files"},
    "factory": BASE | {"backend", "interfaces", "core"},
    "config": BASE | {"factory"},
    "application": BASE | {"interfaces", "core", "config", "ops"},
    "transport": BASE | {"application", "core", "config", "ops", "files"},
    "server": BASE
    | {"transport", "application", "factory", "backend", "interfaces", "core", "config", "ops"},
    "sdk": BASE | {"core"},
    "bench": BASE | {"server", "sdk", "core", "config", "ops", "cluster"},
    # The local-cluster launcher runs servers as processes: it imports none of their code.
    "cluster": BASE | {"config", "files"},
    "cli": BASE | {"server", "bench", "sdk", "core", "config", "ops", "cluster", "chaos"},
    # The deterministic simulation (D47) runs the application layer and the SDK's Sync on
    # the memory store and bus, in one process: it names those two backends, and only the
    # chaos tool imports it, for its checker (``python -m pigeon.simulation`` runs it).
    "simulation": BASE | {"application", "core", "interfaces", "backend", "config", "ops", "sdk"},
    # `pigeon chaos` (D52): the SDK's clients against a local cluster, the simulation's
    # checker over their history, the bench's report helpers.
    "chaos": BASE | {"sdk", "core", "cluster", "simulation", "bench"},
}

# Imports that break a rule for a reason being worked on: (importer, imported) -> why.
# Each must still be needed (test_every_known_exception_is_still_needed), so it goes when fixed.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}


def layer_of(module: str) -> str:
    """The layer a module of ``pigeon`` belongs to."""
    parts = module.split(".")
    if parts == ["pigeon"]:
        return "root"
    area = parts[1]
    if area == "durable_files":
        return "files"
    if area in ("store", "bus"):
        leaf = parts[2] if len(parts) > 2 else "__init__"
        if leaf in ("base", "__init__"):
            return "interfaces"
        return "factory" if leaf == "factory" else "backend"
    if area == "__main__":
        return "cli"
    return area


def resolve(name: str) -> str | None:
    """The pigeon module an imported name is, or is in (``pigeon.core.frames.Hello`` is in
    pigeon.core.frames); None for a name outside pigeon."""
    if name != "pigeon" and not name.startswith("pigeon."):
        return None
    parts = name.split(".")
    while len(parts) > 1:
        path = SRC.parent.joinpath(*parts)
        if path.with_suffix(".py").is_file() or (path / "__init__.py").is_file():
            return ".".join(parts)
        parts.pop()
    return "pigeon"


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The pigeon modules that the module at ``path`` imports."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = (resolve(m) for m in imported_modules(path.read_text(encoding="utf-8"), package))
    return {m for m in found if m is not None and m != name}


def breaks_rule(importer: str, imported: str) -> bool:
    mine, theirs = layer_of(importer), layer_of(imported)
    if mine == theirs:
        # Backends of one package may share code; a store backend may not use a bus one.
        return mine == "backend" and importer.split(".")[1] != imported.split(".")[1]
    return theirs not in ALLOWED[mine]


MODULES = sorted(SRC.rglob("*.py"))
IMPORTS = {module_name(path): imports_of(path) for path in MODULES}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_one_way(path: Path) -> None:
    """A module imports only from the layers below its own (the table ALLOWED)."""
    importer = module_name(path)
    offenders = sorted(
        f"{importer} ({layer_of(importer)}) imports {imported} ({layer_of(imported)})"
        for imported in IMPORTS[importer]
        if breaks_rule(importer, imported) and (importer, imported) not in KNOWN_EXCEPTIONS
    )
    assert offenders == []


def test_every_module_has_a_layer() -> None:
    """A new top-level folder must be given its place in the table before it is used."""
    assert {layer_of(m) for m in IMPORTS} <= set(ALLOWED) | {"root", "web"}


def test_every_known_exception_is_still_needed() -> None:
    for importer, imported in KNOWN_EXCEPTIONS:
        assert imported in IMPORTS[importer] and breaks_rule(importer, imported)


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("pigeon.transport.ws", "pigeon.store.sqlite"),  # a transport into a store backend
        ("pigeon.transport.ws", "pigeon.bus.local"),  # or a bus backend
        ("pigeon.transport.http", "pigeon.store.base"),  # or the store at all
        ("pigeon.application.service", "pigeon.transport.ws"),  # application into transport
        ("pigeon.application.hub", "pigeon.server.app"),  # or into the wiring
        ("pigeon.application.service", "pigeon.store.memory"),  # or a concrete backend
        ("pigeon.cli.main", "pigeon.store.sqlite"),  # anything but the wiring into a backend
        ("pigeon.cli.main", "pigeon.store.backup"),  # backup and restore: through the Store
        ("pigeon.cli.main", "pigeon.store.factory"),  # or to the factory: through the wiring
        ("pigeon.ops.metrics", "pigeon.store.sqlite"),
        ("pigeon.transport.admin_http", "pigeon.store.memory"),
        ("pigeon.config", "pigeon.bus.memory"),
        ("pigeon.transport.http", "pigeon.server.app"),  # the wiring from anything but cli
        ("pigeon.ops.metrics", "pigeon.server.app"),
        ("pigeon.sdk.client", "pigeon.application.service"),  # the SDK beyond core, errors
        ("pigeon.sdk.client", "pigeon.config"),
        ("pigeon.store.sqlite", "pigeon.bus.local"),  # one backend into another's package
        ("pigeon.core.frames", "pigeon.ops.logging"),
        ("pigeon.core.frames", "pigeon.durable_files"),
        ("pigeon.server.app", "pigeon.cluster.launcher"),  # nothing but the cli uses it
        ("pigeon.cli.main", "pigeon.simulation.world"),  # the simulation is run, not imported
        ("pigeon.simulation.world", "pigeon.server.app"),  # it wires gateways itself
        ("pigeon.simulation.world", "pigeon.transport.ws"),
        ("pigeon.cluster.launcher", "pigeon.server.app"),  # it runs servers, not their code
    ],
)
def test_the_rules_catch_each_wrong_arrow(importer: str, imported: str) -> None:
    assert breaks_rule(importer, imported)


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("pigeon.server.app", "pigeon.transport.ws"),
        ("pigeon.server.app", "pigeon.store.factory"),
        ("pigeon.transport.ws", "pigeon.application.service"),
        ("pigeon.application.service", "pigeon.store.base"),
        ("pigeon.application.hub", "pigeon.bus.base"),
        ("pigeon.store.factory", "pigeon.store.sqlite"),
        ("pigeon.store.sqlite", "pigeon.store.group_commit"),
        ("pigeon.cli.main", "pigeon.server.app"),
        ("pigeon.sdk.client", "pigeon.core.frames"),
        ("pigeon.simulation.world", "pigeon.store.memory"),
        ("pigeon.simulation.world", "pigeon.sdk.sync"),
    ],
)
def test_the_rules_allow_each_right_arrow(importer: str, imported: str) -> None:
    assert not breaks_rule(importer, imported)


def test_names_resolve_to_the_module_they_are_in() -> None:
    source = "from pigeon.core.frames import Hello\nfrom pigeon import __version__, errors\n"
    found = {resolve(m) for m in imported_modules(source, "pigeon.sdk")}
    assert found == {"pigeon.core.frames", "pigeon", "pigeon.errors"}
