"""The lossy filesystem (D58): data not fsynced lives in the layer's memory and a power cut
(SIGKILL of its process) loses it; what was fsynced is whole. First the page cache alone on a
plain file, then the FUSE process with a plain program writing through it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pigeon.chaos.lossyfs import PAGE, DirtyFile
from tests.helpers.lossyfs import lossy_mount
from tests.helpers.timing import TIMEOUT_S


def _over(path: Path, content: bytes) -> tuple[int, DirtyFile]:
    path.write_bytes(content)
    fd = os.open(path, os.O_RDWR)
    return fd, DirtyFile(size=len(content), valid=len(content))


def test_reads_see_cached_writes_over_the_backing_file_which_stays_as_it_was(
    tmp_path: Path,
) -> None:
    fd, dirty = _over(tmp_path / "f", b"a" * (PAGE + 10))
    try:
        dirty.write(PAGE - 2, b"XYZW", lambda n, at: os.pread(fd, n, at))
        dirty.write(PAGE + 8, b"tail!", lambda n, at: os.pread(fd, n, at))
        expected = b"a" * (PAGE - 2) + b"XYZW" + b"a" * 6 + b"tail!"
        assert dirty.size == len(expected)
        assert dirty.read(0, 10 * PAGE, lambda n, at: os.pread(fd, n, at)) == expected
        assert (tmp_path / "f").read_bytes() == b"a" * (PAGE + 10)  # not written back yet
        dirty.write_back(fd)
        assert (tmp_path / "f").read_bytes() == expected
    finally:
        os.close(fd)


def test_a_cached_truncate_hides_the_backing_tail_even_after_growing_again(
    tmp_path: Path,
) -> None:
    fd, dirty = _over(tmp_path / "f", b"b" * (3 * PAGE))
    try:
        dirty.truncate(PAGE + 5)
        dirty.truncate(3 * PAGE)  # grown back: the cut bytes read as zeros, not as before
        expected = b"b" * (PAGE + 5) + bytes(2 * PAGE - 5)
        assert dirty.read(0, 4 * PAGE, lambda n, at: os.pread(fd, n, at)) == expected
        dirty.write_back(fd)
        assert (tmp_path / "f").read_bytes() == expected
    finally:
        os.close(fd)


# A plain program: writes two files through the mount, fsyncs the first only, and says so.
WRITER = """
import os, sys
for name, sync in (("synced", True), ("unsynced", False)):
    fd = os.open(os.path.join(sys.argv[1], name), os.O_CREAT | os.O_WRONLY, 0o644)
    os.write(fd, name.encode() * 10000)
    if sync:
        os.fsync(fd)
    os.close(fd)
print("written")
"""


def _run_writer(directory: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WRITER, str(directory)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    assert done.stdout.strip() == "written", done.stderr


def test_a_power_cut_keeps_the_fsynced_file_and_loses_the_other(tmp_path: Path) -> None:
    with lossy_mount(tmp_path) as mount:
        _run_writer(mount.mountpoint)
        assert (mount.mountpoint / "unsynced").read_bytes() == b"unsynced" * 10000  # cached
        mount.power_cut()
        mount.start()  # the machine comes back
        assert (mount.mountpoint / "synced").read_bytes() == b"synced" * 10000
        # The name was created (names are durable at once), its data never reached the disk.
        assert (mount.mountpoint / "unsynced").read_bytes() == b""


def test_a_clean_unmount_writes_everything_back(tmp_path: Path) -> None:
    with lossy_mount(tmp_path) as mount:
        _run_writer(mount.mountpoint)
        mount.stop()
        assert (mount.backing / "unsynced").read_bytes() == b"unsynced" * 10000


def test_a_disk_that_lies_about_fsync_loses_the_fsynced_file_too(tmp_path: Path) -> None:
    """The negative control the store tests use: fsync reaches nothing."""
    with lossy_mount(tmp_path, lie_about_fsync=True) as mount:
        _run_writer(mount.mountpoint)
        mount.power_cut()
        mount.start()
        assert (mount.mountpoint / "synced").read_bytes() == b""


def test_past_its_cap_the_cache_writes_back_instead_of_growing(tmp_path: Path) -> None:
    """Bounded: with room for 2 pages, the 80,000-byte file is written back (not synced)
    as it is written, so the cut cannot lose it: the cap makes the layer lose less, never
    refuse a write."""
    with lossy_mount(tmp_path, max_cached_bytes=2 * PAGE) as mount:
        _run_writer(mount.mountpoint)
        mount.power_cut()
        mount.start()
        assert (mount.mountpoint / "unsynced").read_bytes() == b"unsynced" * 10000
