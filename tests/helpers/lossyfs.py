"""A lossy filesystem mounted for one test (pigeon.chaos.lossyfs, D58), and cut or unmounted
when the test ends, whatever happened."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pigeon.chaos.lossyfs import DEFAULT_MAX_CACHED_BYTES, LossyMount


def skip_without_fuse() -> None:
    """FUSE needs /dev/fuse and root (the layer mounts with allow_other for PostgreSQL's user).
    The Makefile's test target installs Debian's fuse; fusepy is a dependency."""
    if os.geteuid() != 0 or not os.path.exists("/dev/fuse"):
        pytest.skip("a FUSE mount needs root and /dev/fuse")


@contextmanager
def lossy_mount(
    root: Path,
    *,
    max_cached_bytes: int = DEFAULT_MAX_CACHED_BYTES,
    lie_about_fsync: bool = False,
) -> Iterator[LossyMount]:
    skip_without_fuse()
    mount = LossyMount(
        root / "disk",
        root / "mnt",
        log=root / "lossyfs.log",
        max_cached_bytes=max_cached_bytes,
        lie_about_fsync=lie_about_fsync,
    )
    mount.start()
    try:
        yield mount
    finally:
        mount.power_cut()  # nothing to keep; a clean unmount could wait on a stuck user
