"""The architecture tests' parser survives a collection that parses during the parse."""

from __future__ import annotations

import ast
import gc
from pathlib import Path

from tests.helpers.imports import parse_module

SOURCE = (Path(__file__).parent.parent / "src" / "pigeon" / "application" / "service.py").read_text(
    encoding="utf-8"
)


class _ParsesWhenCollected:
    """A cycle whose finaliser parses, as a logged traceback does on CPython 3.11."""

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        ast.parse("x = [1, (2, 3)]")


def test_a_finaliser_that_parses_does_not_break_the_parse() -> None:
    threshold = gc.get_threshold()
    gc.set_threshold(10)
    try:
        for _ in range(20):
            for _ in range(50):
                _ParsesWhenCollected()
            tree = parse_module(SOURCE)
            assert isinstance(tree, ast.Module)
            gc.collect()
    finally:
        gc.set_threshold(*threshold)
