"""The in-process bus against the conformance suite."""

from __future__ import annotations

import pytest

from pigeon.bus.local import LocalBus
from tests.bus.conformance import BusConformance, CauseGap, NewBus


@pytest.fixture
def new_bus() -> NewBus:
    return LocalBus


@pytest.fixture
def cause_gap() -> CauseGap:
    return None  # one process, synchronous calls: nothing is ever lost


class TestLocalBus(BusConformance):
    pass
