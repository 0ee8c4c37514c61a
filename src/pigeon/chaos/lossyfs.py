"""A lossy filesystem: a FUSE passthrough over a backing directory that keeps written data in
its own memory until the file is fsynced, as a disk's volatile cache does. Killing its process
(SIGKILL) is the power cut: whatever was not synced is gone, the backing directory holds what
a disk would after the machine comes back (D58).

Run as its own process: ``python -m pigeon.chaos.lossyfs BACKING MOUNTPOINT``; the mount
goes when the process ends. :class:`LossyMount` starts, cuts and stops one.

What is cached and what is not (LazyFS's choices, Jepsen's FUSE layer, with one more):

- **File data and file size** (write, truncate, ``O_TRUNC``) stay in memory until fsync or
  fdatasync of that file, or a write through a handle opened ``O_SYNC``/``O_DSYNC``, which
  writes that file's cached data to the backing file. Reads see the cache.
- **Names and attributes** (create, mkdir, unlink, rename, link, symlink, chmod, chown,
  utimens) go to the backing directory at once: they survive a power cut, as on a
  journaling filesystem whose journal commit came first. So a missing *directory* fsync is
  not caught here; a missing *file* fsync is. A created file whose data was not synced comes
  back empty (or as long as its last sync left it).
- **Bounded**: at most ``max_cached_bytes`` of dirty pages. A write that would go past it
  first writes the largest dirty file back to the backing file (no fsync), as the kernel's
  writeback does under memory pressure. Written back is not lost on the cut, so the cap only
  makes the layer lose less, never refuse a write. ``writebacks`` counts them.
- ``lie_about_fsync`` makes fsync a no-op: a disk whose cache ignores flushes. The tests'
  negative control: what a store acked is lost.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PAGE = 4096
DEFAULT_MAX_CACHED_BYTES = 512 * 1024 * 1024
# Closed files with unsynced data each keep a backing fd open; past this many, the longest
# kept is written back (PostgreSQL touches many relation files between checkpoints).
MAX_KEPT_FILES = 1024
# Open flags the backing file is never opened with: the layer applies them itself.
_HANDLED_FLAGS = (
    os.O_CREAT | os.O_EXCL | os.O_TRUNC | os.O_APPEND | os.O_SYNC | os.O_DSYNC | os.O_ACCMODE
)
_DIRECT = getattr(os, "O_DIRECT", 0)


@dataclass
class DirtyFile:
    """One file's unsynced state over its backing file: the logical ``size``, whole pages
    written since the last sync, and ``valid``: backing bytes at or past it were truncated
    away in the cache and read as zeros."""

    size: int
    valid: int
    pages: dict[int, bytearray] = field(default_factory=dict)

    @property
    def cached_bytes(self) -> int:
        return len(self.pages) * PAGE

    def _backing_page(self, index: int, pread: Callable[[int, int], bytes]) -> bytearray:
        start = index * PAGE
        page = bytearray(PAGE)
        if start < self.valid:
            data = pread(min(PAGE, self.valid - start), start)
            page[: len(data)] = data
        return page

    def read(self, offset: int, size: int, pread: Callable[[int, int], bytes]) -> bytes:
        end = min(offset + size, self.size)
        out = bytearray()
        position = offset
        while position < end:
            index, skip = divmod(position, PAGE)
            take = min(PAGE - skip, end - position)
            page = self.pages.get(index)
            if page is None:
                page = self._backing_page(index, pread)
            out += page[skip : skip + take]
            position += take
        return bytes(out)

    def write(self, offset: int, data: bytes, pread: Callable[[int, int], bytes]) -> None:
        position, view = offset, memoryview(data)
        while view:
            index, skip = divmod(position, PAGE)
            take = min(PAGE - skip, len(view))
            page = self.pages.get(index)
            if page is None:
                page = self.pages[index] = self._backing_page(index, pread)
            page[skip : skip + take] = view[:take]
            view = view[take:]
            position += take
        self.size = max(self.size, offset + len(data))

    def truncate(self, length: int) -> None:
        if length < self.size:
            last = length // PAGE
            for index in [i for i in self.pages if i > last or i * PAGE >= length]:
                del self.pages[index]
            if last in self.pages:
                self.pages[last][length % PAGE :] = bytes(PAGE - length % PAGE)
            self.valid = min(self.valid, length)
        self.size = length

    def write_back(self, fd: int) -> None:
        """Put the cached state in the backing file."""
        os.ftruncate(fd, self.valid)  # the bytes truncated away in the cache, gone for good
        for index in sorted(self.pages):
            start = index * PAGE
            if start < self.size:
                os.pwrite(fd, self.pages[index][: self.size - start], start)
        os.ftruncate(fd, self.size)


class LossyOperations:
    """The FUSE operations (fusepy's high-level API with ``raw_fi``), over ``backing``."""

    use_ns = True  # fusepy: times in nanoseconds

    def __init__(
        self,
        backing: Path,
        *,
        max_cached_bytes: int = DEFAULT_MAX_CACHED_BYTES,
        lie_about_fsync: bool = False,
    ) -> None:
        self.backing = str(backing)
        self.max_cached_bytes = max_cached_bytes
        self.lie_about_fsync = lie_about_fsync
        self.dirty: dict[int, DirtyFile] = {}  # backing inode -> its unsynced state
        self.handles: dict[int, tuple[int, bool]] = {}  # fh (backing fd) -> (inode, O_SYNC)
        # inode -> a backing fd kept past the file's last close while it has unsynced data
        # (the kernel keeps an inode with dirty pages too): the write-back needs one.
        self.kept: dict[int, int] = {}
        self.writebacks = 0
        self._lock = threading.Lock()

    def __call__(self, op: str, *args: Any) -> Any:
        return getattr(self, op)(*args)

    def _path(self, path: str) -> str:
        return self.backing + path

    def _chown_to_caller(self, path: str) -> None:
        from fuse import fuse_get_context

        uid, gid, _pid = fuse_get_context()
        os.lchown(path, uid, gid)

    def _open_count(self, inode: int) -> int:
        return sum(1 for ino, _sync in self.handles.values() if ino == inode)

    def _forget_if_gone(self, st: os.stat_result) -> None:
        """After an unlink or a rename over ``st``: its unsynced data has no name left."""
        if st.st_nlink <= 1 and self._open_count(st.st_ino) == 0:
            self._drop(st.st_ino)

    def _drop(self, inode: int) -> DirtyFile | None:
        """Forget ``inode``'s cached state (synced, written back or lost) and its kept fd."""
        fd = self.kept.pop(inode, None)
        if fd is not None:
            os.close(fd)
        return self.dirty.pop(inode, None)

    def _dirty(self, inode: int, fd: int) -> DirtyFile:
        entry = self.dirty.get(inode)
        if entry is None:
            size = os.fstat(fd).st_size
            entry = self.dirty[inode] = DirtyFile(size=size, valid=size)
        return entry

    def _sync(self, inode: int, fd: int) -> None:
        """fsync: the cached data reaches the backing file. No fsync of the backing file:
        the backing directory is the simulated disk's platter, and the cut this layer models
        kills its own process, not the host, whose page cache over the backing directory
        lives on. (A real fsync per call made a PostgreSQL restart's fsync of its whole
        data directory take over 30 s.)"""
        entry = self.dirty.get(inode)
        if entry is not None:
            entry.write_back(fd)
        self._drop(inode)  # closes ``fd`` if it is the kept one: last

    def _write_back(self, inode: int) -> None:
        """Put ``inode``'s cached data in its backing file without an fsync, as the kernel's
        writeback does under pressure: the cut no longer loses it."""
        fd = self._any_fd(inode)
        entry = self.dirty.get(inode)
        if fd is not None and entry is not None:
            entry.write_back(fd)
            self.writebacks += 1
        self._drop(inode)

    def _make_room(self) -> None:
        """Keep the cache within its caps: the largest dirty file written back first."""
        while self.dirty and sum(d.cached_bytes for d in self.dirty.values()) > (
            self.max_cached_bytes
        ):
            self._write_back(max(self.dirty, key=lambda i: self.dirty[i].cached_bytes))
        while len(self.kept) > MAX_KEPT_FILES:
            self._write_back(next(iter(self.kept)))  # the longest kept

    def _any_fd(self, inode: int) -> int | None:
        for fd, (ino, _sync) in self.handles.items():
            if ino == inode:
                return fd
        return self.kept.get(inode)

    # -- attributes and names: straight to the backing directory --

    def getattr(self, path: str | None, fi: Any = None) -> dict[str, Any]:
        # fgetattr comes with a handle (and no path once the file is unlinked).
        st = os.fstat(fi.fh) if fi else os.lstat(self._path(path or "/"))
        attrs: dict[str, Any] = {
            key: getattr(st, key)
            for key in ("st_mode", "st_ino", "st_nlink", "st_uid", "st_gid", "st_size")
        }
        attrs["st_blocks"] = st.st_blocks
        for key in ("st_atime", "st_mtime", "st_ctime"):
            attrs[key] = getattr(st, f"{key}_ns")  # use_ns
        with self._lock:
            entry = self.dirty.get(st.st_ino)
            if entry is not None:
                attrs["st_size"] = entry.size
                attrs["st_blocks"] = (entry.size + 511) // 512
        return attrs

    def readlink(self, path: str) -> str:
        return os.readlink(self._path(path))

    def readdir(self, path: str, fh: int) -> list[str]:
        return [".", "..", *os.listdir(self._path(path))]

    def opendir(self, path: str) -> int:
        return 0

    def releasedir(self, path: str, fh: int) -> int:
        return 0

    def fsyncdir(self, path: str, datasync: int, fh: int) -> int:
        return 0  # names are durable at once (module docstring)

    def mknod(self, path: str, mode: int, dev: int) -> int:
        os.mknod(self._path(path), mode, dev)
        self._chown_to_caller(self._path(path))
        return 0

    def mkdir(self, path: str, mode: int) -> int:
        os.mkdir(self._path(path), mode)
        self._chown_to_caller(self._path(path))
        return 0

    def symlink(self, target: str, source: str) -> int:
        os.symlink(source, self._path(target))
        self._chown_to_caller(self._path(target))
        return 0

    def link(self, target: str, source: str) -> int:
        os.link(self._path(source), self._path(target))
        return 0

    def unlink(self, path: str) -> int:
        with self._lock:
            st = os.lstat(self._path(path))
            os.unlink(self._path(path))
            self._forget_if_gone(st)
        return 0

    def rmdir(self, path: str) -> int:
        os.rmdir(self._path(path))
        return 0

    def rename(self, old: str, new: str) -> int:
        with self._lock:
            try:
                replaced: os.stat_result | None = os.lstat(self._path(new))
            except FileNotFoundError:
                replaced = None
            os.rename(self._path(old), self._path(new))
            if replaced is not None:
                self._forget_if_gone(replaced)
        return 0

    def chmod(self, path: str, mode: int) -> int:
        os.chmod(self._path(path), mode)
        return 0

    def chown(self, path: str, uid: int, gid: int) -> int:
        os.lchown(self._path(path), uid, gid)
        return 0

    def utimens(self, path: str, times: tuple[int, int] | None = None) -> int:
        if times is None:
            os.utime(self._path(path))
        else:
            os.utime(self._path(path), ns=times)
        return 0

    def access(self, path: str, amode: int) -> int:
        if not os.access(self._path(path), amode):
            raise OSError(errno.EACCES, "access")
        return 0

    def statfs(self, path: str) -> dict[str, int]:
        stv = os.statvfs(self._path(path))
        return {
            key: getattr(stv, key)
            for key in (
                "f_bavail",
                "f_bfree",
                "f_blocks",
                "f_bsize",
                "f_favail",
                "f_ffree",
                "f_files",
                "f_flag",
                "f_frsize",
                "f_namemax",
            )
        }

    # -- file data: cached until fsync --

    def _open_backing(self, path: str, flags: int, mode: int | None, fi: Any) -> int:
        backing = self._path(path)
        passthrough = flags & ~_HANDLED_FLAGS & ~_DIRECT
        if mode is not None:
            fd = os.open(backing, os.O_RDWR | os.O_CREAT | os.O_EXCL | passthrough, mode)
            self._chown_to_caller(backing)
        else:
            try:
                fd = os.open(backing, os.O_RDWR | passthrough)
            except IsADirectoryError:
                fd = os.open(backing, os.O_RDONLY | passthrough)
        inode = os.fstat(fd).st_ino
        with self._lock:
            self.handles[fd] = (inode, bool(flags & (os.O_SYNC | os.O_DSYNC)))
            if flags & os.O_TRUNC:
                self._dirty(inode, fd).truncate(0)
        fi.fh = fd
        return 0

    def open(self, path: str, fi: Any) -> int:
        return self._open_backing(path, fi.flags, None, fi)

    def create(self, path: str, mode: int, fi: Any) -> int:
        return self._open_backing(path, fi.flags, mode, fi)

    def read(self, path: str, size: int, offset: int, fi: Any) -> bytes:
        fd = fi.fh
        with self._lock:
            inode = self.handles[fd][0]
            entry = self.dirty.get(inode)
            if entry is not None:
                return entry.read(offset, size, lambda n, at: os.pread(fd, n, at))
        return os.pread(fd, size, offset)

    def write(self, path: str, data: bytes, offset: int, fi: Any) -> int:
        fd = fi.fh
        with self._lock:
            inode, sync = self.handles[fd]
            self._dirty(inode, fd).write(offset, data, lambda n, at: os.pread(fd, n, at))
            if sync and not self.lie_about_fsync:
                self._sync(inode, fd)
            else:
                self._make_room()
        return len(data)

    def truncate(self, path: str, length: int, fi: Any = None) -> int:
        with self._lock:
            if fi is not None:
                fd = fi.fh
                self._dirty(self.handles[fd][0], fd).truncate(length)
                return 0
            fd = os.open(self._path(path), os.O_RDWR)
            inode = os.fstat(fd).st_ino
            self._dirty(inode, fd).truncate(length)
            if self._any_fd(inode) is None:
                self.kept[inode] = fd
                self._make_room()
            else:
                os.close(fd)
        return 0

    def fsync(self, path: str, datasync: int, fi: Any) -> int:
        if self.lie_about_fsync:
            return 0
        fd = fi.fh
        with self._lock:
            self._sync(self.handles[fd][0], fd)
        return 0

    def flush(self, path: str, fi: Any) -> int:
        return 0  # close() is not a sync

    def release(self, path: str, fi: Any) -> int:
        fd = fi.fh
        with self._lock:
            inode, _sync = self.handles.pop(fd)
            last = self._open_count(inode) == 0
            if last and os.fstat(fd).st_nlink == 0:
                self._drop(inode)  # unlinked while open: gone with its last handle
            elif last and inode in self.dirty and inode not in self.kept:
                self.kept[inode] = fd
                self._make_room()
                return 0
            os.close(fd)
        return 0

    def destroy(self, path: str) -> None:
        """A clean unmount: everything cached reaches the backing files (a clean shutdown)."""
        with self._lock:
            for inode in list(self.dirty):
                fd = self._any_fd(inode)
                if fd is not None:
                    self._sync(inode, fd)
                else:
                    self._drop(inode)


def serve(backing: Path, mountpoint: Path, *, max_cached_bytes: int, lie_about_fsync: bool) -> None:
    """Mount and serve until unmounted (or killed: the power cut)."""
    from fuse import FUSE

    operations = LossyOperations(
        backing, max_cached_bytes=max_cached_bytes, lie_about_fsync=lie_about_fsync
    )
    FUSE(
        operations,
        str(mountpoint),
        raw_fi=True,
        foreground=True,
        allow_other=True,  # PostgreSQL runs as its own user; the daemon runs as root
        big_writes=True,
        nothreads=True,  # one thread: twice as fast as libfuse's threads under the GIL (D58)
        max_write=128 * 1024,
        # Every change goes through this mount, so the kernel may cache names and attributes
        # (1 s, libfuse's default); file data it drops at each open (no ``kernel_cache``). A
        # new mount after the cut starts with nothing cached.
        attr_timeout=1,
        entry_timeout=1,
    )


# -- the process, from outside --

# Seconds a mount has to appear after its process starts, or to go after an unmount.
MOUNT_TIMEOUT_S = 30.0


def is_mounted(mountpoint: Path) -> bool:
    target = str(mountpoint.resolve())
    with open("/proc/self/mountinfo", encoding="utf-8") as mounts:
        return any(line.split()[4] == target for line in mounts)


class LossyMount:
    """One lossy filesystem process over ``backing``, mounted at ``mountpoint``."""

    def __init__(
        self,
        backing: Path,
        mountpoint: Path,
        *,
        log: Path,
        max_cached_bytes: int = DEFAULT_MAX_CACHED_BYTES,
        lie_about_fsync: bool = False,
    ) -> None:
        self.backing = backing
        self.mountpoint = mountpoint
        self.log = log
        self.max_cached_bytes = max_cached_bytes
        self.lie_about_fsync = lie_about_fsync
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Mount (after a power cut too: the machine comes back) and wait until it is."""
        self.backing.mkdir(parents=True, exist_ok=True)
        self.mountpoint.mkdir(parents=True, exist_ok=True)
        args = [sys.executable, "-m", "pigeon.chaos.lossyfs", str(self.backing)]
        args += [str(self.mountpoint), "--max-cached-bytes", str(self.max_cached_bytes)]
        if self.lie_about_fsync:
            args.append("--lie-about-fsync")
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + MOUNT_TIMEOUT_S
        while not is_mounted(self.mountpoint):
            if self.process.poll() is not None:
                raise RuntimeError(f"lossyfs exited with {self.process.returncode}: {self.log}")
            if time.monotonic() >= deadline:
                self.power_cut()
                raise RuntimeError(f"lossyfs did not mount in {MOUNT_TIMEOUT_S:g} s")
            time.sleep(0.05)

    def power_cut(self) -> None:
        """Lose the cache: SIGKILL the process, then detach its dead mount. The processes
        using the mount must be gone first (as on a machine that lost power)."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=MOUNT_TIMEOUT_S)
            self.process = None
        if is_mounted(self.mountpoint):
            subprocess.run(["umount", "-l", str(self.mountpoint)], check=True, timeout=30)

    def stop(self) -> None:
        """A clean shutdown: unmount (the cache is written back and synced), then wait."""
        if self.process is None:
            return
        if is_mounted(self.mountpoint):
            done = subprocess.run(
                ["umount", str(self.mountpoint)], capture_output=True, timeout=MOUNT_TIMEOUT_S
            )
            if done.returncode != 0:
                self.power_cut()
                raise RuntimeError(f"umount failed, power cut instead: {done.stderr!r}")
        try:
            self.process.wait(timeout=MOUNT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.power_cut()
        self.process = None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pigeon.chaos.lossyfs",
        description="Mount BACKING at MOUNTPOINT, keeping unsynced writes in memory; "
        "SIGKILL is the power cut (D58).",
    )
    parser.add_argument("backing", type=Path)
    parser.add_argument("mountpoint", type=Path)
    parser.add_argument("--max-cached-bytes", type=int, default=DEFAULT_MAX_CACHED_BYTES)
    parser.add_argument(
        "--lie-about-fsync", action="store_true", help="fsync does nothing (negative control)"
    )
    args = parser.parse_args(argv)
    serve(
        args.backing.resolve(),
        args.mountpoint,
        max_cached_bytes=args.max_cached_bytes,
        lie_about_fsync=args.lie_about_fsync,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
