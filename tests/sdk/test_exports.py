"""The SDK's public API, and its place in the architecture (STYLE.md §1).

Like websockets' ``tests/test_exports.py``: every name in ``pigeon.sdk.__all__`` exists, and
nothing public is exported by accident. And the SDK depends on the core, never on the server:
an app that installs the SDK must not pull in the store or the transports.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import pigeon.sdk
from tests.helpers.imports import imported_modules, parse_module

SDK_DIR = Path(pigeon.sdk.__file__).parent
SDK_MODULES = sorted(SDK_DIR.glob("*.py"))
FORBIDDEN = ("pigeon.server", "pigeon.store", "pigeon.transport", "pigeon.bus", "pigeon.cli")


EXPECTED = {
    "AckResponse",
    "ApiError",
    "AppendResult",
    "Client",
    "ClientClosed",
    "ClientStatistics",
    "ConversationCreated",
    "ConversationKind",
    "ConversationSummary",
    "Delivery",
    "ErrorCode",
    "Event",
    "EventKind",
    "HttpClient",
    "InvalidServerUrl",
    "LoginResponse",
    "OutboxFull",
    "PageResponse",
    "PigeonError",
    "PigeonTimeoutError",
    "Resynced",
    "Role",
    "ServerUnreachable",
    "SyncState",
    "TypingNotice",
    "WebhookEvent",
    "WebhookSignatureError",
    "new_client_msg_id",
    "verify_webhook",
}


class TestExports:
    """The public API of pigeon.sdk is exactly what ``__all__`` lists."""

    def test_all_lists_the_public_api(self) -> None:
        """``__all__`` is the documented set: adding or removing a name is a decision."""
        assert set(pigeon.sdk.__all__) == EXPECTED
        assert len(pigeon.sdk.__all__) == len(EXPECTED), "a name is listed twice"

    def test_every_listed_name_exists(self) -> None:
        """Every name in ``__all__`` resolves."""
        for name in pigeon.sdk.__all__:
            assert hasattr(pigeon.sdk, name), name

    def test_star_import_gives_exactly_all(self) -> None:
        """``from pigeon.sdk import *`` gives the listed names and nothing else."""
        namespace: dict[str, object] = {}
        exec("from pigeon.sdk import *", namespace)
        assert set(namespace) - {"__builtins__"} == EXPECTED

    def test_no_public_name_is_left_out(self) -> None:
        """Public classes and functions bound in ``pigeon.sdk`` are all in ``__all__``."""
        public = {
            name
            for name, value in vars(pigeon.sdk).items()
            if not name.startswith("_") and not isinstance(value, type(pigeon))
        }
        assert public <= EXPECTED

    def test_errors_derive_from_the_one_root(self) -> None:
        """Every SDK error is a PigeonError, so one ``except`` catches them all."""
        for name in ("ApiError", "ClientClosed", "ServerUnreachable", "OutboxFull"):
            assert issubclass(getattr(pigeon.sdk, name), pigeon.sdk.PigeonError), name


class TestSdkImportsNoServer:
    """Architecture: pigeon.sdk imports pigeon.core and pigeon.errors, never the server."""

    @pytest.mark.parametrize("path", SDK_MODULES, ids=lambda p: p.name)
    def test_module_imports_no_server_side_package(self, path: Path) -> None:
        """No SDK module imports the server, the store, the transports, the bus or the CLI."""
        source = path.read_text(encoding="utf-8")
        bad = [
            m
            for m in imported_modules(source, "pigeon.sdk")
            if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)
        ]
        assert bad == []

    def test_the_check_catches_a_server_import(self) -> None:
        """The import walk sees both import forms, and relative imports."""
        for source in (
            "import pigeon.server.app",
            "from pigeon import store",
            "from pigeon.transport.ws import WsEndpoint",
            "from ..bus import local",
        ):
            found = list(imported_modules(source, "pigeon.sdk"))
            assert any(m.startswith(FORBIDDEN) for m in found), source

    def test_walk_finds_the_modules(self) -> None:
        """The walk sees the SDK modules, so an empty glob cannot pass silently."""
        assert {p.stem for p in SDK_MODULES} >= {"client", "outbox", "sync", "http", "errors"}
        names = {m.name for m in pkgutil.iter_modules([str(SDK_DIR)])}
        assert names >= {"client", "outbox", "sync", "http", "errors"}

    def test_importing_the_sdk_loads_no_server_module(self) -> None:
        """Importing every SDK module in a fresh interpreter loads no server-side module."""
        modules = [f"pigeon.sdk.{p.stem}" for p in SDK_MODULES if p.stem != "__init__"]
        code = (
            "import sys\n"
            + "".join(f"import {m}\n" for m in modules)
            + f"bad = [m for m in sys.modules if m.startswith({FORBIDDEN!r})]\n"
            + "print(','.join(sorted(bad)))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
        )
        assert done.stdout.strip() == ""

    def test_every_module_parses_and_imports(self) -> None:
        """Each module of the SDK imports on its own."""
        for path in SDK_MODULES:
            parse_module(path.read_text(encoding="utf-8"))
            if path.stem != "__init__":
                importlib.import_module(f"pigeon.sdk.{path.stem}")
