"""The architecture tests' parser survives a collection that parses during the parse. Run
in an interpreter of its own: collections forced here would otherwise run the finalisers of
whatever earlier tests left behind, in this test's name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROGRAM = """
import ast, gc
from tests.helpers.imports import parse_module

source = open("src/pigeon/application/service.py", encoding="utf-8").read()


class ParsesWhenCollected:
    # A cycle whose finaliser parses, as a logged traceback does on CPython 3.11.
    def __init__(self):
        self.me = self

    def __del__(self):
        ast.parse("x = [1, (2, 3)]")


gc.set_threshold(10)
for _ in range(20):
    for _ in range(50):
        ParsesWhenCollected()
    assert isinstance({parse}(source), ast.Module)
    gc.collect()
print("ok")
"""


def run(parse: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROGRAM.replace("{parse}", parse)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_finaliser_that_parses_does_not_break_the_parse() -> None:
    done = run("parse_module")
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr


def test_the_plain_parse_does_break_so_the_test_above_can_fail() -> None:
    done = run("ast.parse")
    assert done.returncode != 0 and "recursion depth mismatch" in done.stderr, done.stderr
