"""The data directory's lock: one process at a time serves, or restores, a data directory.

An exclusive, non-blocking ``flock`` on ``<data_dir>/pigeon.lock``, held for as long as the
store is open. The kernel drops it when the holder closes the file or dies, SIGKILL
included, so a crash leaves no stale lock to clean up. The file holds the holder's pid, for
the refusal's message; it is never removed (removing it would let a second process lock a
new file while the first still holds the old one).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from pigeon.errors import DataDirRefused

LOCK_FILE = "pigeon.lock"


class DataDirLock:
    """Call :meth:`acquire` before touching the store's files and :meth:`release` after."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / LOCK_FILE
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`DataDirRefused` naming the process that holds it."""
        assert self._fd is None, "already held"
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise DataDirRefused(
                f"{self.data_dir} is in use by another Pigeon process (pid {holder}); stop it first"
            ) from None
        except BaseException:
            os.close(fd)
            raise
        with contextlib.suppress(OSError):  # the pid is for messages only
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """Let the lock go (closing the file releases it); does nothing if not held."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


__all__ = ["LOCK_FILE", "DataDirLock"]
