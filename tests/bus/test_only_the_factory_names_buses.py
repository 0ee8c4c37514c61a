"""Only the bus factory names concrete buses; the rest of the server sees the Bus protocol.

So NATS slots in by adding a module and a scheme to pigeon.bus.factory, not by editing the
wiring, the hub or a transport (issue 10, item 3).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pigeon
from tests.helpers.imports import imported_modules

SRC = Path(pigeon.__file__).parent
CONCRETE = ("pigeon.bus.local", "pigeon.bus.memory", "pigeon.bus.nats")
ALLOWED = {SRC / "bus" / name for name in ("factory.py", "local.py", "memory.py", "nats.py")}
# The simulation (D47) serves nobody: it joins several gateways' memory buses in one network.
MODULES = sorted(p for p in SRC.rglob("*.py") if p not in ALLOWED and "simulation" not in p.parts)


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_but_the_factory_imports_a_concrete_bus(path: Path) -> None:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    named = [
        m
        for m in imported_modules(path.read_text(encoding="utf-8"), package)
        if any(m == c or m.startswith(c + ".") for c in CONCRETE)
    ]
    assert named == [], f"{name} names a concrete bus; use pigeon.bus.factory.bus_from_url"


def test_the_check_sees_an_import_of_a_concrete_bus() -> None:
    """The rule would catch the import the wiring used to have."""
    source = "from pigeon.bus.local import LocalBus\n"
    assert "pigeon.bus.local" in list(imported_modules(source, "pigeon.server"))
