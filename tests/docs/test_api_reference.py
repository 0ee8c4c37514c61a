"""The SDK's API reference (issue 15, item 6): every public class and method of pigeon.sdk
has a docstring, the generated reference in docs/api/ is current, and the README links it."""

from __future__ import annotations

import filecmp
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pigeon.sdk
from tests.helpers.timing import TIMEOUT_S

ROOT = Path(__file__).resolve().parents[2]
API_DIR = ROOT / "docs" / "api"
# Classes whose calls do I/O: each of their public coroutine methods says what it raises.
IO_CLASSES = (pigeon.sdk.Client, pigeon.sdk.HttpClient)


def sdk_classes() -> list[type]:
    """The public classes the SDK itself defines (not the core's records it re-exports)."""
    found = [getattr(pigeon.sdk, name) for name in pigeon.sdk.__all__]
    return [c for c in found if inspect.isclass(c) and c.__module__.startswith("pigeon.sdk")]


def public_methods(cls: type) -> list[tuple[str, object]]:
    return [
        (name, member)
        for name, member in vars(cls).items()
        if not name.startswith("_") and (inspect.isfunction(member) or isinstance(member, property))
    ]


@pytest.mark.parametrize("cls", sdk_classes(), ids=lambda c: c.__name__)
def test_every_public_class_and_method_has_a_docstring(cls: type) -> None:
    assert inspect.getdoc(cls), f"{cls.__name__} has no docstring"
    for name, member in public_methods(cls):
        doc = member.fget.__doc__ if isinstance(member, property) else member.__doc__
        assert doc and doc.strip(), f"{cls.__name__}.{name} has no docstring"
        if cls in IO_CLASSES and inspect.iscoroutinefunction(member):
            assert "aise" in doc, f"{cls.__name__}.{name} does not say what it raises"


def test_help_of_client_shows_how_to_use_it() -> None:
    """help(Client) is enough to start: it names the calls, not only another module."""
    doc = inspect.getdoc(pigeon.sdk.Client) or ""
    for needed in ("async with Client", "send", "events", "run", "state", "save_every"):
        assert needed in doc


def test_generated_reference_is_current(tmp_path: Path) -> None:
    """docs/api/ is what scripts/api-docs.sh generates now (run `make api-docs`)."""
    out = tmp_path / "api"
    subprocess.run(
        ["sh", str(ROOT / "scripts" / "api-docs.sh"), str(out)],
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable},
        check=True,
        timeout=TIMEOUT_S,
    )
    generated = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(API_DIR) for p in API_DIR.rglob("*") if p.is_file())
    assert generated == committed, "run `make api-docs`"
    _, mismatch, errors = filecmp.cmpfiles(out, API_DIR, [str(p) for p in generated], shallow=False)
    assert not mismatch and not errors, f"stale: {mismatch + errors}; run `make api-docs`"
    page = (out / "pigeon" / "sdk.html").read_text()
    for cls in sdk_classes():
        assert f'id="{cls.__name__}"' in page
        for name, _ in public_methods(cls):
            assert f'id="{cls.__name__}.{name}"' in page, f"{cls.__name__}.{name} not in the page"


def test_readme_links_the_reference() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "(docs/api/pigeon/sdk.html)" in readme
    assert (API_DIR / "pigeon" / "sdk.html").is_file()
