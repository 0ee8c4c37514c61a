"""What a module imports, read from its source with ``ast``: for the architecture tests."""

from __future__ import annotations

import ast
import gc
from collections.abc import Iterator


def parse_module(source: str) -> ast.Module:
    """``ast.parse`` with the garbage collector paused.

    CPython 3.11 keeps ``ast.parse``'s recursion bookkeeping in one interpreter-wide
    struct. A collection during the parse can run a finaliser that parses too (an
    asyncio object left by an earlier test logs its traceback, and 3.11's traceback
    formatting calls ``ast.parse``), and the outer parse then fails with "SystemError: AST
    constructor recursion depth mismatch" (python/cpython#106905, fixed in 3.12)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return ast.parse(source)
    finally:
        if enabled:
            gc.enable()


def imported_modules(source: str, package: str) -> Iterator[str]:
    """Every absolute module name that ``source`` (a module of ``package``) imports.

    ``from X import Y`` yields ``X`` and ``X.Y``, since ``Y`` may be a module
    (``from pigeon import store`` imports pigeon.store, not just pigeon)."""
    for node in ast.walk(parse_module(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)
