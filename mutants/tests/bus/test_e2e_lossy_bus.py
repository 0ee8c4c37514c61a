"""The lossy bus the e2e suite runs on (``memory_lossy``, tests/helpers/server.py) does lose,
repeat and reorder doorbells, so that the suite passing on it shows G4 held by the repairs
(pulls on a gap, the backstop), not by a bus that happened to deliver everything."""

from __future__ import annotations

from pigeon.bus.factory import bus_from_url
from pigeon.bus.memory import MemoryBus
from tests.helpers.server import MEMORY_LOSSY

DOORBELLS = 500


async def test_the_e2e_lossy_bus_loses_repeats_and_reorders() -> None:
    env = MEMORY_LOSSY.env("tests/e2e/test_example.py::test_example[memory_lossy]")
    bus = bus_from_url(env["PIGEON_BUS"])
    assert isinstance(bus, MemoryBus)
    heard: list[int] = []
    await bus.open(lambda _topic, payload: heard.append(int(payload)), lambda _topic: None)
    try:
        await bus.subscribe("conv.c1")
        for n in range(DOORBELLS):
            bus.publish("conv.c1", str(n).encode())
        # About a fifth lost, a tenth repeated, a tenth held back behind later ones.
        assert 0.15 * DOORBELLS < bus.dropped < 0.25 * DOORBELLS
        assert 0.05 * DOORBELLS < bus.duplicated < 0.15 * DOORBELLS
        assert 0.05 * DOORBELLS < bus.reordered < 0.15 * DOORBELLS
        assert heard != sorted(heard)
    finally:
        await bus.close()


def test_each_test_meets_its_own_schedule() -> None:
    """The seed comes from the test's id: two tests differ, one test is the same every run."""
    first = MEMORY_LOSSY.env("tests/e2e/test_a.py::test_a[memory_lossy]")["PIGEON_BUS"]
    second = MEMORY_LOSSY.env("tests/e2e/test_b.py::test_b[memory_lossy]")["PIGEON_BUS"]
    assert first != second
    assert first == MEMORY_LOSSY.env("tests/e2e/test_a.py::test_a[memory_lossy]")["PIGEON_BUS"]
