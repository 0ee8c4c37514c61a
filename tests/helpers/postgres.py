"""A throwaway PostgreSQL 15 instance for tests, started the way ``pigeon cluster up`` starts
one (pigeon.cluster.processes: initdb, the command line, the OS user): its own ``postgres``
process on a fresh data directory, a unix socket in that directory and a free loopback
port, fsync on (as in production: G1 is what the tests are about), stopped by pid at the end.

PostgreSQL refuses to run as root, so as root the instance runs as the ``postgres`` user
(``Popen(user=...)``: the pid we stop is the postmaster's); its superuser is ``pigeon``
either way, trusted on loopback and the socket only.
``scripts/ensure-debian-packages.sh`` installs the programs (the Makefile's pytest target calls it).
"""

from __future__ import annotations

import itertools
import shutil
import signal
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from pigeon.cluster.processes import (
    PG_BIN,
    PG_SUPERUSER,
    free_port,
    give_to_pg_user,
    initdb,
    pg_os_user,
    postgres_args,
)
from tests.helpers.timing import TIMEOUT_S

SUPERUSER = PG_SUPERUSER
_READY = "database system is ready to accept connections"


@dataclass
class PostgresInstance:
    """One running instance; :meth:`create_databases` makes fresh databases on it."""

    root: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[str] | None = None
    _names: itertools.count[int] = field(default_factory=itertools.count)
    _drain: threading.Thread | None = None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def start(self) -> PostgresInstance:
        give_to_pg_user(self.root)
        initdb(self.data_dir)
        self.proc = subprocess.Popen(
            # The launcher's command line, plus fsync on (the tests are about G1) and a
            # socket in the instance's own directory.
            [*postgres_args(self.data_dir, self.port), "-c", "fsync=on", "-k", str(self.root)],
            stderr=subprocess.PIPE,
            text=True,
            user=pg_os_user(),  # the child itself, so proc.pid is the postmaster's
        )
        assert self.proc.stderr is not None
        log: list[str] = []
        for line in self.proc.stderr:  # blocks until the server reports ready or exits
            log.append(line)
            if _READY in line:
                break
        else:
            raise RuntimeError("postgres did not start:\n" + "".join(log))
        # Drain its log from now on, so a full pipe never stalls the server.
        self._drain = threading.Thread(target=self.proc.stderr.read, daemon=True)
        self._drain.start()
        return self

    def psql(self, sql: str, database: str = "postgres") -> None:
        subprocess.run(
            [str(PG_BIN / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, self.url(database)],
            check=True,
            capture_output=True,
            timeout=TIMEOUT_S,
        )

    def create_databases(self, count: int) -> list[str]:
        """``count`` fresh empty databases' names (``t<n>``), for one test's store."""
        names = [f"t{next(self._names)}" for _ in range(count)]
        for name in names:
            self.psql(f"CREATE DATABASE {name}")
        return names

    def truncate(self, databases: list[str], keep: tuple[str, ...]) -> None:
        """Empty every table of ``databases`` but those named in ``keep``: a fresh store for
        the next test at a fraction of the cost of new databases."""
        for database in databases:
            self.psql(
                "DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables "
                "WHERE schemaname = 'public' AND tablename <> ALL(ARRAY["
                + ",".join(f"'{k}'" for k in keep)
                + "]) LOOP EXECUTE 'TRUNCATE ' || quote_ident(t) || ' CASCADE'; END LOOP; END $$",
                database,
            )

    def stop(self) -> None:
        """Immediate shutdown (SIGQUIT: no checkpoint, the files are deleted next) of the
        process this instance started, then its files."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(timeout=TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self._drain is not None:
            self._drain.join(TIMEOUT_S)
        if self.proc is not None and self.proc.stderr is not None:
            self.proc.stderr.close()
        shutil.rmtree(self.root, ignore_errors=True)


def start_postgres() -> PostgresInstance:
    """A new instance in a new temporary directory; the caller stops it."""
    return PostgresInstance(Path(tempfile.mkdtemp(prefix="pigeon-pg-"))).start()
