"""The core does no I/O and depends on nothing but itself and ``pigeon.errors`` (STYLE.md §1-2).

The same core runs in the server, the SDK and these tests; an import of asyncio or of the
store would tie it to one of them. Also checks that every core module has its own test module
(STYLE.md §8, after websockets' ``maxi_cov.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pigeon.core
from tests.helpers.imports import imported_modules

CORE_DIR = Path(pigeon.core.__file__).parent
TESTS_DIR = Path(__file__).parent
FORBIDDEN_STDLIB = frozenset({"asyncio", "socket", "sqlite3", "time", "threading", "selectors"})
ALLOWED_PIGEON = ("pigeon.core", "pigeon.errors")
CORE_MODULES = sorted(p for p in CORE_DIR.glob("*.py") if p.name != "__init__.py")


def is_forbidden(module: str) -> bool:
    top = module.split(".")[0]
    if top in FORBIDDEN_STDLIB:
        return True
    if top == "pigeon" and module != "pigeon":
        return not any(module == ok or module.startswith(ok + ".") for ok in ALLOWED_PIGEON)
    return False


def violations(source: str, package: str = "pigeon.core") -> list[str]:
    return [m for m in imported_modules(source, package) if is_forbidden(m)]


class TestCoreIsSansIO:
    """Architecture (all of G1-G7 rest on it): core modules import no I/O and no outer layer."""

    @pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: p.name)
    def test_core_module_imports_no_io_and_no_outer_layer(self, path: Path) -> None:
        """A core module imports no I/O module and no pigeon module outside core and errors."""
        assert violations(path.read_text(encoding="utf-8")) == []

    def test_every_core_module_is_checked(self) -> None:
        """The walk finds the core modules, so an empty glob cannot pass silently."""
        assert {p.stem for p in CORE_MODULES} >= {"frames", "session", "sequencing", "limits"}

    @pytest.mark.parametrize(
        "source",
        [
            "import asyncio",
            "import asyncio.events",
            "from time import monotonic",
            "import socket, json",
            "from sqlite3 import connect",
            "import threading as t",
            "import selectors",
            "from pigeon.store import base",
            "from pigeon import store",
            "import pigeon.server.app",
            "from .. import transport",
            "from ..sdk import client",
        ],
    )
    def test_checker_flags_forbidden_imports(self, source: str) -> None:
        """The checker itself catches each forbidden form, absolute and relative."""
        assert violations(source) != []

    @pytest.mark.parametrize(
        "source",
        [
            "import json",
            "import msgspec",
            "from pigeon.core.records import Event",
            "from pigeon.errors import ErrorCode",
            "from pigeon import errors",
            "from . import frames",
            "from .limits import TokenBucket",
            "import pigeon",
        ],
    )
    def test_checker_allows_core_and_errors(self, source: str) -> None:
        """Imports of the core itself, errors and third-party pure libraries pass."""
        assert violations(source) == []


class TestCoreIsMirroredByTests:
    """Architecture: each core module has its own test module here (STYLE.md §8)."""

    @pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: p.name)
    def test_core_module_has_a_test_module(self, path: Path) -> None:
        """``core/x.py`` is tested by ``tests/core/test_x.py``."""
        assert (TESTS_DIR / f"test_{path.name}").is_file()
