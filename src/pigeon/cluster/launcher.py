"""A whole Pigeon cluster on one machine: :class:`LocalCluster`.

``up`` starts, all on 127.0.0.1 and free ports, each with its data and log under one
directory: two PostgreSQL instances (the first holds the catalog and shard database
``shard1``, the second ``shard2``), ``pigeon migrate``, a 3-node NATS cluster, N gateways
(``pigeon serve --store ... --bus ...``) and HAProxy in front; it waits (bounded) until every
part is healthy. The state file (``cluster.json``) records each process's pid and ports as
soon as it is started, so ``down`` stops what a failed ``up`` left. Tests use the same class
to start a cluster in a fixture.

Layout of the directory::

    cluster.json            pids, ports, URLs (written atomically after each start)
    admin.token             the admin credential every gateway shares
    pg-1/data pg-1/postgres.log     pg-2/...
    nats-0/nats.log ...
    gateway-0/data gateway-0/pigeon.log ...
    haproxy/haproxy.cfg haproxy/haproxy.log

With ``ha`` (``up --ha``, pigeon.cluster.patroni), PostgreSQL is instead three
Patroni-managed members over a 3-member etcd cluster, with a TCP HAProxy (``haproxy-pg``) in
front that routes to the primary alone; the catalog and both shard databases live on that
one replicated cluster::

    etcd-0/data etcd-0/etcd.log ...
    pg-1/patroni.yml pg-1/data pg-1/patroni.log   pg-2/...   pg-3/...
    haproxy-pg/haproxy.cfg haproxy-pg/haproxy.log
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from pigeon.cluster import haproxy, patroni, processes
from pigeon.cluster.processes import Proc
from pigeon.durable_files import write_file_atomically

STATE_FILE = "cluster.json"
STATE_VERSION = 1
ADMIN_TOKEN_FILE = "admin.token"
# The Debian packages `up` needs, as PACKAGE:PROGRAM (pigeon.cluster.packages).
DEBIAN_PACKAGES = (
    f"postgresql:{processes.PG_BIN / 'initdb'}",
    "nats-server:nats-server",
    "haproxy:haproxy",
)
# What `up --ha` needs on top (Debian's program paths, from `dpkg -L`).
DEBIAN_PACKAGES_HA = (*DEBIAN_PACKAGES, "etcd-server:/usr/bin/etcd", "patroni:/usr/bin/patroni")
NATS_NODES = 3
# The kinds of process, in the order they start (and the reverse of down's).
KINDS = (
    ("postgres", "PostgreSQL"),
    ("nats", "NATS"),
    ("gateway", "the gateways"),
    ("haproxy", "HAProxy"),
)
# With high availability: etcd first, Patroni's members (kind postgres), then their proxy.
KINDS_HA = (
    ("etcd", "etcd"),
    ("postgres", "PostgreSQL (Patroni)"),
    ("pgproxy", "HAProxy for PostgreSQL"),
    *KINDS[1:],
)
CATALOG_DB = "pigeon"
# Seconds for every part to report healthy, per step of `up`.
READY_TIMEOUT_S = 60.0
# How often `pigeon cluster repair` looks at the standbys (each look: a probe per member).
REPAIR_POLL_S = 1.0


class ClusterError(Exception):
    """``up``, ``status`` or ``down`` cannot go on; the message is one line for an operator."""


@dataclass
class Stall:
    """A standby seen running with no WAL streaming while ``leader`` is primary: since when
    (monotonic), and where its replay stood then (a replay that moves is no stall)."""

    since: float
    leader: str
    replayed: str
    receiver: str  # pg_stat_wal_receiver.status, "" for none


@dataclass(frozen=True)
class Health:
    name: str
    kind: str
    pid: int
    port: int
    running: bool
    healthy: bool
    detail: str


def write_shared_admin_token(cluster_dir: Path, gateway_data_dirs: list[Path]) -> str:
    """One admin token for every gateway, so ``pigeon admin --url`` works against any.

    A stand-in until the admin credential lives in the store (issue 11, item 4): then this
    function goes, and the gateways read the store's."""
    path = cluster_dir / ADMIN_TOKEN_FILE
    if path.exists():
        token = path.read_text().strip()
    else:
        token = secrets.token_urlsafe(32)
        write_file_atomically(path, f"{token}\n".encode(), mode=0o600)
    for data_dir in gateway_data_dirs:
        data_dir.mkdir(parents=True, exist_ok=True)
        write_file_atomically(data_dir / ADMIN_TOKEN_FILE, f"{token}\n".encode(), mode=0o600)
    return token


class LocalCluster:
    """A local cluster in ``directory``: :meth:`up`, :meth:`status`, :meth:`down`.

    ``env`` is added to every gateway's environment (tests make argon2 cheap with it);
    ``ha`` runs PostgreSQL under Patroni (module docstring)."""

    def __init__(
        self,
        directory: Path,
        *,
        gateways: int = 3,
        env: Mapping[str, str] | None = None,
        ready_timeout_s: float = READY_TIMEOUT_S,
        say: Callable[[str], None] = lambda _: None,
        ha: bool = False,
    ) -> None:
        if gateways < 1:
            raise ClusterError("a cluster needs at least one gateway")
        self.directory = directory.resolve()
        self.gateway_count = gateways
        self.env = dict(env or {})
        self.ready_timeout_s = ready_timeout_s
        self.say = say
        self.procs: list[Proc] = []
        self.store_url = ""
        self.bus_url = ""
        self.complete = False
        self.ha = ha
        # Standbys seen not streaming, by name (D68): what :meth:`health` has seen, which
        # :meth:`restart_stuck_standbys` acts on once a stall lasts ``stuck_grace_s``.
        self.stalls: dict[str, Stall] = {}
        self.stuck_grace_s = patroni.STUCK_GRACE_S
        # Told (member, why) before a stuck standby is restarted: the chaos run records it.
        self.on_restart: Callable[[str, str], None] = lambda name, why: None

    # -- what it runs -------------------------------------------------------------------

    @property
    def state_path(self) -> Path:
        return self.directory / STATE_FILE

    @property
    def url(self) -> str:
        """The URL clients connect to: HAProxy's front."""
        return f"http://127.0.0.1:{self.proc('haproxy').port}"

    def proc(self, name: str) -> Proc:
        for proc in self.procs:
            if proc.name == name:
                return proc
        raise ClusterError(f"{self.directory} has no process {name}")

    def of_kind(self, kind: str) -> list[Proc]:
        return [p for p in self.procs if p.kind == kind]

    @property
    def kinds(self) -> tuple[tuple[str, str], ...]:
        return KINDS_HA if self.ha else KINDS

    @property
    def gateway_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{p.port}" for p in self.of_kind("gateway")]

    @property
    def gateway_metrics_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{p.extra['metrics_port']}" for p in self.of_kind("gateway")]

    @property
    def nats_urls(self) -> list[str]:
        return [f"nats://127.0.0.1:{p.port}" for p in self.of_kind("nats")]

    @property
    def postgres_urls(self) -> list[str]:
        return [
            f"postgresql://{processes.PG_SUPERUSER}@127.0.0.1:{p.port}/postgres"
            for p in self.of_kind("postgres")
        ]

    # -- state file ---------------------------------------------------------------------

    def load(self) -> bool:
        """Read the state file; False if there is none."""
        try:
            raw = json.loads(self.state_path.read_text())
        except FileNotFoundError:
            return False
        except (OSError, ValueError) as exc:
            raise ClusterError(f"cannot read {self.state_path}: {exc}") from exc
        if not isinstance(raw, dict) or raw.get("version") != STATE_VERSION:
            raise ClusterError(f"{self.state_path} is not a state file of this version")
        self.procs = [Proc(**p) for p in raw["processes"]]
        self.complete = bool(raw.get("complete", False))
        self.store_url = str(raw.get("store", ""))
        self.bus_url = str(raw.get("bus", ""))
        self.ha = bool(raw.get("ha", False))
        return True

    def _save(self) -> None:
        state = {
            "version": STATE_VERSION,
            "complete": self.complete,  # every part started once: `up` may start it again
            "store": self.store_url,
            "bus": self.bus_url,
            "ha": self.ha,
            "processes": [asdict(p) for p in self.procs],
        }
        write_file_atomically(
            self.state_path, (json.dumps(state, indent=2) + "\n").encode(), mode=0o644
        )

    def running(self) -> list[Proc]:
        return [p for p in self.procs if p.alive()]

    # -- up -----------------------------------------------------------------------------

    def up(self, *, install: bool = True) -> LocalCluster:
        """Start everything and wait until it is healthy; in a directory holding a stopped
        cluster, start that one again. Refused, before anything is touched, if the
        directory holds a running cluster, a failed ``up``'s leftovers, or other files.
        On failure, stops what it started."""
        try:
            processes.port_range()
        except ValueError as exc:
            raise ClusterError(str(exc)) from None
        existed = self.directory.exists()
        self.directory.mkdir(parents=True, exist_ok=True)
        with self._lock():
            if not existed:
                self.directory.chmod(0o755)  # PostgreSQL's own user must reach its data below
            return self._up(install)

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        """Hold the directory's lock: one ``up`` or ``down`` at a time on a cluster."""
        fd = os.open(self.directory, os.O_RDONLY)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise ClusterError(
                    f"another `pigeon cluster` command is working on {self.directory}"
                ) from None
            yield
        finally:
            os.close(fd)  # releases the lock

    def _up(self, install: bool) -> LocalCluster:
        restart = self.state_path.exists()
        if restart:
            self.load()
            if running := self.running():
                pids = ", ".join(str(p.pid) for p in running)
                raise ClusterError(
                    f"{self.directory} already holds a running cluster (pids {pids}): "
                    f"`pigeon cluster down --dir {self.directory}` first"
                )
            if not self.complete:
                raise ClusterError(
                    f"{self.directory} holds what a failed `up` left: remove it, or choose "
                    "another --dir"
                )
        elif any(self.directory.iterdir()):
            raise ClusterError(f"{self.directory} is not empty: choose an empty or new --dir")
        if install:
            from pigeon.cluster.packages import PackagesMissing, ensure_debian_packages

            try:
                ensure_debian_packages(DEBIAN_PACKAGES_HA if self.ha else DEBIAN_PACKAGES)
            except PackagesMissing as exc:
                raise ClusterError(f"cannot install the Debian packages: {exc}") from exc
        try:
            if restart:
                self._restart()
            else:
                self.procs = []
                if self.ha:
                    self._start_etcd()
                    self._start_patroni()
                    self._start_pgproxy()
                else:
                    self._start_postgres()
                self._start_nats()
                self._start_gateways()
                self._start_haproxy()
                self.complete = True
                self._save()
        except BaseException:
            self._stop_all()
            raise
        return self

    def _spawn(
        self,
        proc: Proc,
        args: list[str],
        *,
        env: Mapping[str, str] | None = None,
        user: str | None = None,
    ) -> None:
        """Start a new process of the cluster; ``env`` is added to this one's environment.
        What it ran is recorded, so a later ``up`` starts it again the same way."""
        proc.args, proc.env, proc.user = list(args), dict(env or {}), user
        proc.program = Path(args[0]).name
        self.procs.append(proc)
        self._respawn(proc)

    def _respawn(self, proc: Proc) -> None:
        with processes.stops_held():
            try:
                proc.pid = processes.spawn(
                    proc.args, Path(proc.log), env={**os.environ, **proc.env}, user=proc.user
                )
            except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
                raise ClusterError(f"{proc.name}: {exc}") from exc
            self._save()

    def start_again(self, name: str) -> None:
        """Start one process of the cluster again as it ran (same ports and data), after
        a test or an operator stopped or killed it; stops it first if it still runs. Waits
        (bounded) until it is healthy."""
        proc = self.proc(name)
        self._stop_proc(proc)
        self._respawn(proc)
        self._wait_healthy([proc], name)

    def _restart(self) -> None:
        """Start a stopped cluster again as it ran: same programs, ports, data and logs
        (its catalog names its databases by port)."""
        for kind, what in self.kinds:
            procs = self.of_kind(kind)
            self.say(f"starting {what} again")
            for proc in procs:
                self._respawn(proc)
            self._wait_healthy(procs, what)

    def _wait_healthy(self, procs: list[Proc], what: str) -> None:
        deadline = time.monotonic() + self.ready_timeout_s
        while True:
            health = [self.health(p) for p in procs]
            if all(h.healthy for h in health):
                return
            self.restart_stuck_standbys()  # a waiter for health is the watchdog (D68)
            for h in health:
                if not h.running:
                    raise ClusterError(f"{h.name} exited while starting: see {self._log(h.name)}")
            if time.monotonic() >= deadline:
                bad = "; ".join(f"{h.name}: {h.detail}" for h in health if not h.healthy)
                raise ClusterError(
                    f"{what} not healthy after {self.ready_timeout_s:.0f} s ({bad}); logs in "
                    f"{self.directory}"
                )
            time.sleep(processes.POLL_S)

    def _log(self, name: str) -> str:
        return self.proc(name).log

    def _start_postgres(self) -> None:
        self.say("starting PostgreSQL (2 instances)")
        instances = []
        for n in (1, 2):
            root = self.directory / f"pg-{n}"
            root.mkdir()
            processes.give_to_pg_user(root)
            instances.append(root)
        # initdb of both at once: each is mostly fsync waits.
        errors: list[BaseException] = []

        def init(root: Path) -> None:
            try:
                processes.initdb(root / "data")
            except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
                errors.append(exc)

        threads = [threading.Thread(target=init, args=(root,)) for root in instances]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise ClusterError(str(errors[0]))
        pgs = []
        for n, root in enumerate(instances, 1):
            log = root / "postgres.log"
            log.touch()
            processes.give_to_pg_user(log)
            port = processes.free_port()
            # SIGINT: PostgreSQL's fast shutdown (SIGTERM's "smart" one waits for clients).
            proc = Proc(f"pg-{n}", "postgres", port, str(log), stop_signal=signal.SIGINT)
            self._spawn(
                proc, processes.postgres_args(root / "data", port), user=processes.pg_os_user()
            )
            pgs.append(proc)
        self._wait_healthy(pgs, "PostgreSQL")
        first, second = pgs
        user = processes.PG_SUPERUSER
        shard2 = f"postgresql://{user}@127.0.0.1:{second.port}/shard2"
        self._create_and_migrate(
            [(first.port, CATALOG_DB), (first.port, "shard1"), (second.port, "shard2")],
            f"postgresql://{user}@127.0.0.1:{first.port}/{CATALOG_DB}?shards=shard1,{shard2}",
        )

    def _create_and_migrate(self, databases: list[tuple[int, str]], store_url: str) -> None:
        """Create ``databases`` (port, name), then ``pigeon migrate`` the store they make."""
        try:
            for port, name in databases:
                processes.psql(port, f"CREATE DATABASE {name}")
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            raise ClusterError(str(exc)) from exc
        self.store_url = store_url
        self._save()
        self.say("migrating the store")
        migrate_dir = self.directory / "migrate"
        migrate = [sys.executable, "-m", "pigeon", "migrate", "--store", self.store_url]
        try:
            done = subprocess.run(
                [*migrate, "--data", str(migrate_dir)],
                capture_output=True,
                text=True,
                timeout=self.ready_timeout_s,
                env=self._pigeon_env(),
            )
        except subprocess.TimeoutExpired as exc:
            raise ClusterError(f"pigeon migrate took over {self.ready_timeout_s:.0f} s") from exc
        finally:
            shutil.rmtree(migrate_dir, ignore_errors=True)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise ClusterError(f"pigeon migrate failed: {last}")

    def _start_nats(self) -> None:
        self.say(f"starting NATS ({NATS_NODES} nodes)")
        # (client, route, monitoring) per node, all known first: each node routes to all.
        ports = [
            (processes.free_port(), processes.free_port(), processes.free_port())
            for _ in range(NATS_NODES)
        ]
        nodes = []
        for n, (port, cluster_port, monitor_port) in enumerate(ports):
            root = self.directory / f"nats-{n}"
            root.mkdir()
            routes = [c for i, (_, c, _) in enumerate(ports) if i != n]
            name = f"nats-{n}"
            proc = Proc(
                name,
                "nats",
                port,
                str(root / "nats.log"),
                extra={"cluster_port": cluster_port, "monitor_port": monitor_port},
            )
            self._spawn(proc, processes.nats_args(name, port, cluster_port, monitor_port, routes))
            nodes.append(proc)
        self.bus_url = "nats://" + ",".join(f"127.0.0.1:{p.port}" for p in nodes)
        self._save()
        self._wait_healthy(nodes, "NATS")

    # -- high availability (pigeon.cluster.patroni) ---------------------------------------

    def _start_etcd(self) -> None:
        self.say(f"starting etcd ({patroni.ETCD_MEMBERS} members)")
        names = [f"etcd-{n}" for n in range(patroni.ETCD_MEMBERS)]
        ports = {name: (processes.free_port(), processes.free_port()) for name in names}
        peers = {name: peer for name, (_, peer) in ports.items()}
        token = f"pigeon-{secrets.token_hex(8)}"  # a stray member of another cluster stays out
        members = []
        for name, (client, peer) in ports.items():
            root = self.directory / name
            root.mkdir()
            proc = Proc(name, "etcd", client, str(root / "etcd.log"), extra={"peer_port": peer})
            self._spawn(proc, patroni.etcd_args(name, root / "data", client, peer, peers, token))
            members.append(proc)
        self._wait_healthy(members, "etcd")

    def _start_patroni(self) -> None:
        self.say(f"starting PostgreSQL under Patroni ({patroni.PATRONI_MEMBERS} members)")
        etcd_ports = [p.port for p in self.of_kind("etcd")]
        members = []
        for n in range(1, patroni.PATRONI_MEMBERS + 1):
            name, root = f"pg-{n}", self.directory / f"pg-{n}"
            root.mkdir()
            processes.give_to_pg_user(root)
            port, rest = processes.free_port(), processes.free_port()
            config = root / "patroni.yml"
            config.write_text(
                patroni.patroni_config(
                    name=name, root=root, port=port, rest_port=rest, etcd_ports=etcd_ports
                )
            )
            log = root / "patroni.log"
            log.touch()
            processes.give_to_pg_user(log)
            proc = Proc(
                name, "postgres", port, str(log), extra={"rest_port": rest, "root": str(root)}
            )
            # All at once: one wins the race to initialize, the others copy it (pg_basebackup).
            self._spawn(proc, [patroni.patroni_program(), str(config)], user=processes.pg_os_user())
            members.append(proc)
        self._wait_healthy(members, "PostgreSQL (Patroni)")

    def _start_pgproxy(self) -> None:
        self.say("starting HAProxy for PostgreSQL")
        root = self.directory / "haproxy-pg"
        root.mkdir()
        front, stats = processes.free_port(), processes.free_port()
        config = root / "haproxy.cfg"
        members = [(p.name, p.port, int(p.extra["rest_port"])) for p in self.of_kind("postgres")]
        config.write_text(
            patroni.pgproxy_config(front_port=front, stats_port=stats, members=members)
        )
        program = shutil.which("haproxy") or "/usr/sbin/haproxy"
        proc = Proc("haproxy-pg", "pgproxy", front, str(root / "haproxy.log"))
        proc.extra = {"stats_port": stats}
        self._spawn(proc, [program, "-f", str(config)])
        self._wait_healthy([proc], "HAProxy for PostgreSQL")
        self._wait_writable(front, "HAProxy for PostgreSQL")
        user = processes.PG_SUPERUSER
        # Every database on the one replicated cluster, reached through the proxy alone.
        self._create_and_migrate(
            [(front, CATALOG_DB), (front, "shard1"), (front, "shard2")],
            f"postgresql://{user}@127.0.0.1:{front}/{CATALOG_DB}?shards=shard1,shard2",
        )

    def _wait_writable(self, port: int, what: str) -> None:
        """Wait (bounded) until ``port`` reaches a server that takes writes: Patroni's
        ``/primary`` answers 200 while the leader may still be finishing its promotion,
        read-only (a CREATE DATABASE then fails)."""

        def writable() -> bool:
            try:
                return processes.psql(port, "SELECT pg_is_in_recovery()") == "f"
            except (RuntimeError, subprocess.TimeoutExpired):
                return False

        if not processes.wait_until(writable, READY_TIMEOUT_S):
            raise ClusterError(f"{what} reached no writable PostgreSQL in {READY_TIMEOUT_S:g} s")

    def postgres_roles(self) -> dict[str, str]:
        """Each PostgreSQL member's role as Patroni reports it now (``master``/``primary``,
        ``replica``, or ``""`` when it does not answer). With ``ha`` only."""
        return {
            p.name: patroni.member_state(int(p.extra["rest_port"]))[0]
            for p in self.of_kind("postgres")
        }

    def postgres_primary(self) -> str | None:
        """The name of the PostgreSQL member that is primary now, if one is."""
        for name, role in self.postgres_roles().items():
            if patroni.is_primary_role(role):
                return name
        return None

    def postgres_standbys(self) -> list[str]:
        """The members that are running as standbys now."""
        return [name for name, role in self.postgres_roles().items() if role == "replica"]

    def postgres_sync_standby(self) -> str | None:
        """A standby the primary now waits for at each commit (the first of the synchronous
        set, :meth:`postgres_is_synchronous`), if one is."""
        for proc in self.of_kind("postgres"):
            if self.postgres_is_synchronous(proc.name):
                return proc.name
        return None

    def wait_for_primary(self, timeout_s: float, *, other_than: str | None = None) -> str:
        """Wait (bounded) until a member other than ``other_than`` is primary; its name."""
        deadline = time.monotonic() + timeout_s
        while True:
            primary = self.postgres_primary()
            if primary is not None and primary != other_than:
                return primary
            if time.monotonic() >= deadline:
                raise ClusterError(f"no new PostgreSQL primary after {timeout_s:.0f} s")
            time.sleep(processes.POLL_S)

    def postgres_is_synchronous(self, name: str) -> bool:
        """Whether the primary now waits for standby ``name`` at each commit (Patroni's
        ``/sync`` answers 200 on a member of the synchronous set): it streams, and it is
        one Patroni may promote or switch over to in strict mode."""
        rest = int(self.proc(name).extra["rest_port"])
        return processes.http_status(f"http://127.0.0.1:{rest}/sync")[0] == 200

    def wait_synchronous(self, name: str, timeout_s: float) -> None:
        """Wait (bounded) until standby ``name`` is in the synchronous set: a member started
        again has rejoined once it streams and Patroni named it, at its next loop."""
        if not processes.wait_until(lambda: self.postgres_is_synchronous(name), timeout_s):
            role, state = patroni.member_state(int(self.proc(name).extra["rest_port"]))
            raise ClusterError(
                f"{name} is not a synchronous standby after {timeout_s:g} s "
                f"(Patroni: {role or 'no answer'}, {state})"
            )

    def switch_over(self, candidate: str, timeout_s: float) -> str:
        """Hand the primary role to standby ``candidate``: a planned switchover through
        Patroni's REST API (``POST /switchover`` with the leader and the candidate), then a
        wait (bounded) until the candidate is primary and the cluster routes to it. Returns
        the former primary. In strict synchronous mode Patroni accepts only a member of the
        synchronous set, so this first waits for the candidate to be in it. Raises
        ClusterError with Patroni's answer when it refuses."""
        leader = self.wait_for_primary(timeout_s)
        if leader == candidate:
            raise ClusterError(f"{candidate} is already the primary")
        self.wait_synchronous(candidate, timeout_s)
        rest = int(self.proc(leader).extra["rest_port"])
        status, answer = processes.http_status(
            f"http://127.0.0.1:{rest}/switchover",
            post_json={"leader": leader, "candidate": candidate},
            # Patroni answers once the leader key moved: it polls for up to 20 s.
            timeout_s=timeout_s,
        )
        if status != 200:
            raise ClusterError(f"Patroni refused the switchover to {candidate}: {status} {answer}")
        if self.wait_for_primary(timeout_s, other_than=leader) != candidate:
            raise ClusterError(f"Patroni switched over to another member than {candidate}")
        [front] = self.of_kind("pgproxy")
        self._wait_writable(front.port, f"the switchover to {candidate}")
        return leader

    def kill_postgres_member(self, name: str) -> None:
        """SIGKILL one PostgreSQL member as a lost machine: its Patroni and its postmaster
        with all its backends (Patroni starts PostgreSQL in a session of its own). Start it
        again with :meth:`start_again`."""
        proc = self.proc(name)
        if proc.kind != "postgres" or not self.ha:
            raise ClusterError(f"{name} is not a Patroni-managed PostgreSQL member")
        postmaster = patroni.postmaster_pid(Path(str(proc.extra["root"])) / "data")
        for pid, program in ((proc.pid, proc.program), (postmaster, "postgres")):
            if pid > 0 and processes.pid_runs(pid, program):
                with contextlib.suppress(ProcessLookupError):
                    # By its group: Patroni's launcher of the postmaster made the session
                    # and exited, so the postmaster's pid names no group (killpg of it
                    # failed, and PostgreSQL went on streaming without its Patroni).
                    group = os.getpgid(pid)
                    if group == os.getpgrp():  # never our own
                        os.kill(pid, signal.SIGKILL)
                    else:
                        os.killpg(group, signal.SIGKILL)
        processes.wait_until(
            lambda: not proc.alive() and not processes.pid_runs(postmaster, "postgres"),
            processes.STOP_TIMEOUT_S,
        )

    def _stop_proc(self, proc: Proc) -> bool:
        """Stop one process; for a Patroni member, also a postmaster it left (a Patroni
        killed by a test or a crash leaves PostgreSQL running in its own session)."""
        stopped = processes.stop(proc)
        if proc.kind == "postgres" and "root" in proc.extra:
            data = Path(str(proc.extra["root"])) / "data"
            pid = patroni.postmaster_pid(data)
            if pid > 0 and processes.pid_runs(pid, "postgres"):
                orphan = Proc(proc.name, proc.kind, proc.port, proc.log, pid, "postgres")
                orphan.stop_signal = signal.SIGINT
                stopped = processes.stop(orphan) or stopped
        return stopped

    def _pigeon_env(self) -> dict[str, str]:
        return {**os.environ, **self.env}

    def _start_gateways(self) -> None:
        self.say(f"starting {self.gateway_count} gateways")
        roots = [self.directory / f"gateway-{n}" for n in range(self.gateway_count)]
        write_shared_admin_token(self.directory, [root / "data" for root in roots])
        gateways = []
        for n, root in enumerate(roots):
            port, metrics_port = processes.free_port(), processes.free_port()
            env = {
                "PIGEON_METRICS_PORT": str(metrics_port),
                # Behind HAProxy on this machine: its X-Forwarded-For names the client, and
                # HAProxy holds the per-address connection cap (every connection comes from it).
                "PIGEON_TRUSTED_PROXIES": "127.0.0.1",
                **self.env,
                "PIGEON_MAX_CONNECTIONS_PER_ADDRESS": "1000000",
            }
            proc = Proc(
                f"gateway-{n}",
                "gateway",
                port,
                str(root / "pigeon.log"),
                extra={"metrics_port": metrics_port, "data": str(root / "data")},
            )
            args = [sys.executable, "-m", "pigeon", "serve", "--host", "127.0.0.1"]
            args += ["--port", str(port), "--data", str(root / "data")]
            args += ["--store", self.store_url, "--bus", self.bus_url]
            self._spawn(proc, args, env=env)
            gateways.append(proc)
        self._wait_healthy(gateways, "the gateways")

    def _start_haproxy(self) -> None:
        self.say("starting HAProxy")
        root = self.directory / "haproxy"
        root.mkdir()
        front, stats = processes.free_port(), processes.free_port()
        config = root / "haproxy.cfg"
        log = root / "haproxy.log"
        gateways = [(p.name, p.port) for p in self.of_kind("gateway")]
        # Imported here: the package must import with the standard library alone, since
        # scripts/ensure-debian-packages.sh runs pigeon.cluster.packages with the system python3.
        from pigeon import config as pigeon_config

        try:  # the cap an operator sets for the gateways (PIGEON_...) holds at the front
            per_address = pigeon_config.load(self._pigeon_env()).max_connections_per_address
        except ValueError as exc:
            raise ClusterError(str(exc)) from None
        config.write_text(
            haproxy.haproxy_config(
                front_port=front,
                stats_port=stats,
                gateways=gateways,
                max_connections_per_address=per_address,
            )
        )
        program = shutil.which("haproxy") or "/usr/sbin/haproxy"
        proc = Proc("haproxy", "haproxy", front, str(log), extra={"stats_port": stats})
        self._spawn(proc, [program, "-f", str(config)])
        self._wait_healthy([proc], "HAProxy")

    # -- status -------------------------------------------------------------------------

    def health(self, proc: Proc) -> Health:
        """One process's health, by its own probe."""

        def result(healthy: bool, detail: str) -> Health:
            return Health(proc.name, proc.kind, proc.pid, proc.port, running, healthy, detail)

        running = proc.alive()
        if not running:
            return result(False, "not running")
        if proc.kind == "postgres" and "rest_port" in proc.extra:
            role, state = patroni.member_state(int(proc.extra["rest_port"]))
            if not role:
                return result(False, f"Patroni: {state}")
            # "running" (3.0) or "streaming" (later): PostgreSQL is up in that role.
            if state not in ("running", "streaming"):
                return result(False, f"{role}, {state}")
            # A standby counts only while its PostgreSQL streams: Patroni 3.0.2 can leave
            # one running without primary_conninfo and report it following (D68).
            if role == "replica" and (stalled := self._stalled(proc)):
                return result(False, f"{role}, {state}, {stalled}")
            # A standby counts once Patroni names it synchronous in etcd: until then (a few
            # seconds after a promotion or a rejoin) a lost primary leaves no member that
            # strict mode lets Patroni promote (D62).
            if role == "replica" and not self.postgres_is_synchronous(proc.name):
                return result(False, f"{role}, {state}, not yet synchronous")
            return result(True, f"{role}, {state}")
        if proc.kind == "postgres":
            return result(*processes.pg_ready(proc.port))
        if proc.kind == "etcd":
            status, body = processes.http_status(f"http://127.0.0.1:{proc.port}/health")
            healthy = status == 200 and '"true"' in body
            return result(healthy, "healthy" if healthy else f"/health {status or body}")
        if proc.kind == "nats":
            monitor = f"http://127.0.0.1:{proc.extra['monitor_port']}"
            status, body = processes.http_status(monitor + "/healthz")
            if status != 200:
                return result(False, f"/healthz {status or body}")
            status, body = processes.http_status(monitor + "/routez")
            try:
                routes = int(json.loads(body).get("num_routes", 0)) if status == 200 else 0
            except ValueError:
                routes = 0
            if routes < NATS_NODES - 1:
                return result(False, f"{routes} of {NATS_NODES - 1} routes")
            return result(True, f"/healthz ok, {routes} routes")
        if proc.kind == "gateway":
            status, body = processes.http_status(f"http://127.0.0.1:{proc.port}/readyz")
            detail = f"/readyz {status}" if status else f"/readyz: {body}"
            if status == 503 and "draining" in body:
                detail += " draining"
            return result(status == 200, detail)
        status, body = processes.http_status(
            f"http://127.0.0.1:{proc.extra['stats_port']}/stats;csv"
        )
        if status != 200:
            return result(False, f"stats {status or body}")
        seen = haproxy.parse_stats_csv(body, "postgres" if proc.kind == "pgproxy" else "gateways")
        up = sorted(name for name, state in seen.items() if state.startswith("UP"))
        if proc.kind == "pgproxy":
            # Healthy once it routes to the primary alone: HAProxy starts with every member
            # up until their first checks fail, and would send a session to a standby.
            return result(len(up) == 1, f"routing to {', '.join(up) or 'no primary'}")
        # Healthy once it routes to at least one gateway; the detail names those it routes to.
        return result(bool(up), f"routing to {', '.join(up) or 'no gateway'}")

    def _stalled(self, proc: Proc) -> str | None:
        """Why standby ``proc`` does not stream now, and, while another member is primary,
        since when (:attr:`stalls` keeps the first sight, counted again whenever its replay
        moves or the leader changes). None: it streams, or its PostgreSQL did not answer
        the probe (then ``GET /sync`` decides, as before)."""
        receiver = patroni.wal_receiver(proc.port)
        if receiver is None or receiver.streaming:
            self.stalls.pop(proc.name, None)
            return None
        what = f"not streaming (WAL receiver: {receiver.status or 'none'})"
        leader = self.postgres_primary()
        if leader is None or leader == proc.name:
            self.stalls.pop(proc.name, None)
            return what
        now = time.monotonic()
        stall = self.stalls.get(proc.name)
        if stall is None or (stall.leader, stall.replayed) != (leader, receiver.replayed):
            stall = Stall(now, leader, receiver.replayed, receiver.status)
            self.stalls[proc.name] = stall
        lasted_s = now - stall.since
        what = f"{what} from {leader}, replay at {receiver.replayed}, for {lasted_s:.0f} s"
        if lasted_s >= self.stuck_grace_s:
            what += " (stuck: Patroni 3.0.2's bug, D68; `pigeon cluster repair`)"
        return what

    def stuck_standbys(self) -> dict[str, Stall]:
        """The standbys not streaming, their replay still, for ``stuck_grace_s`` or more
        while another member is primary, each probed again now."""
        stuck = {}
        for name in list(self.stalls):
            self._stalled(self.proc(name))
            stall = self.stalls.get(name)
            if stall is not None and time.monotonic() - stall.since >= self.stuck_grace_s:
                stuck[name] = stall
        return stuck

    def restart_stuck_standbys(self) -> list[str]:
        """The remedy for Patroni 3.0.2's standby that follows but never streams (D68):
        restart each :meth:`stuck_standbys` member through Patroni (``POST /restart``: it
        writes the recovery settings again, with the current leader), or, if Patroni does
        not answer that it did, stop its Patroni and PostgreSQL and start them again. Logged
        through ``say`` and told to ``on_restart`` first. Returns the members restarted;
        it does not wait for them to stream: the caller's wait for health does."""
        restarted = []
        for name, stall in self.stuck_standbys().items():
            lasted_s = time.monotonic() - stall.since
            why = (
                f"no WAL streamed for {lasted_s:.0f} s while {stall.leader} is primary "
                f"(WAL receiver: {stall.receiver or 'none'}, replay at {stall.replayed})"
            )
            self.say(f"{name}: {why}: restarting it through Patroni (D68)")
            self.on_restart(name, why)
            del self.stalls[name]
            proc = self.proc(name)
            done, answer = patroni.restart_member(int(proc.extra["rest_port"]))
            if not done:
                self.say(f"{name}: Patroni did not restart it ({answer}): starting it again")
                self._stop_proc(proc)
                self._respawn(proc)
            restarted.append(name)
        return restarted

    def repair_standbys(self, timeout_s: float) -> list[str]:
        """Watch every standby (bounded by ``timeout_s``) until each streams, restarting
        those stuck (:meth:`restart_stuck_standbys`); the members restarted. Returns at
        once when every standby streams; raises ClusterError if one still does not at the
        end. With ``ha`` only (a plain cluster has no standbys)."""
        deadline = time.monotonic() + timeout_s
        restarted: list[str] = []
        while True:
            members = self.of_kind("postgres") if self.ha else []
            health = {p.name: self.health(p) for p in members}
            idle = [n for n, h in health.items() if "not streaming" in h.detail]
            if not idle:
                return restarted
            restarted += self.restart_stuck_standbys()
            if time.monotonic() >= deadline:
                raise ClusterError(
                    f"not streaming after {timeout_s:g} s: "
                    + "; ".join(f"{n}: {health[n].detail}" for n in idle)
                )
            time.sleep(REPAIR_POLL_S)

    def status(self) -> list[Health]:
        if not self.load():
            raise ClusterError(f"no cluster in {self.directory} (no {STATE_FILE})")
        return [self.health(p) for p in self.procs]

    # -- down ---------------------------------------------------------------------------

    def down(self) -> list[str]:
        """Stop every process of the state file by pid, HAProxy and gateways first (their
        drain still reaches the store and bus), PostgreSQL last. Returns the names stopped."""
        if not self.procs and not self.load():
            raise ClusterError(f"no cluster in {self.directory} (no {STATE_FILE})")
        with self._lock():
            return self._stop_all()

    def _stop_all(self) -> list[str]:
        stopped = []
        for kind, _ in reversed(self.kinds):
            procs = self.of_kind(kind)
            if kind == "postgres" and self.ha:
                # The standbys together, then the primary: a primary stopped first would hand
                # its role over, twice.
                primary = self.postgres_primary()
                standbys = [p for p in procs if p.name != primary]
                with ThreadPoolExecutor(max(1, len(standbys))) as pool:
                    done = list(pool.map(self._stop_proc, standbys))
                stopped += [p.name for p, was in zip(standbys, done, strict=True) if was]
                procs = [p for p in procs if p.name == primary]
            for proc in procs:
                if self._stop_proc(proc):
                    stopped.append(proc.name)
        if left := self.running():
            raise ClusterError(
                "still running after SIGKILL: " + ", ".join(f"{p.name} ({p.pid})" for p in left)
            )
        return stopped
