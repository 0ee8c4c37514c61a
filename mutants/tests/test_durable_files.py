"""Durable small-file writes (item 13 of the hardening issue): a power cut leaves the old
content or the new, never an empty file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pigeon.durable_files import write_file_atomically


def test_write_fsyncs_the_file_then_renames_then_fsyncs_the_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data is fsync'd under a temporary name before the rename makes it the file, and
    the directory is fsync'd after, so the rename itself survives a power cut."""
    target = tmp_path / "admin.token"
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            steps.append("fsync dir")
        else:
            steps.append(f"fsync file of {os.fstat(fd).st_size} bytes")
        real_fsync(fd)

    def replace(src: str | Path, dst: str | Path) -> None:
        steps.append(f"rename {Path(src).name} -> {Path(dst).name}")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_file_atomically(target, b"secret\n")
    assert steps == [
        "fsync file of 7 bytes",
        "rename .admin.token.tmp -> admin.token",
        "fsync dir",
    ]
    assert target.read_bytes() == b"secret\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["admin.token"]


def test_a_leftover_temporary_file_is_overwritten_with_the_right_mode(tmp_path: Path) -> None:
    """A temporary file left by a crash, even world-readable, never leaks into the result."""
    leftover = tmp_path / ".admin.token.tmp"
    leftover.write_bytes(b"half a token from before the crash, and more")
    leftover.chmod(0o644)
    write_file_atomically(tmp_path / "admin.token", b"new\n")
    assert (tmp_path / "admin.token").read_bytes() == b"new\n"
    assert stat.S_IMODE((tmp_path / "admin.token").stat().st_mode) == 0o600
    assert not leftover.exists()
