"""What a module imports, read from its source with ``ast``: for the architecture tests."""

from __future__ import annotations

import ast
from collections.abc import Iterator


def imported_modules(source: str, package: str) -> Iterator[str]:
    """Every absolute module name that ``source`` (a module of ``package``) imports.

    ``from X import Y`` yields ``X`` and ``X.Y``, since ``Y`` may be a module
    (``from pigeon import store`` imports pigeon.store, not just pigeon)."""
    for node in ast.walk(ast.parse(source)):
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
