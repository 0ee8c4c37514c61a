"""Chat from a terminal: accounts, conversations, send, tail and history, through the SDK.

``pigeon login`` saves the server URL, the token and the handle to a credentials file
(``$PIGEON_HOME/credentials.json``, else ``~/.config/pigeon/credentials.json``, mode 0600);
the other commands read it. The server URL is ``--url``, else ``$PIGEON_URL``, else the
last login's (``server.json``, kept past logout), else http://127.0.0.1:8700. The device
key each login returns is kept beside it (``device_keys.json``, mode 0600), past logout,
and sent with the next login to the same server and handle: this terminal is then a known
device, which nobody's failed logins lock out (docs/PROTOCOL.md, login limits). Expected
failures print one line on stderr and exit with status 1; nothing prints a traceback for
them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import hashlib
import json
import os
import signal
import sys
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pigeon.core.http_api import PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS
from pigeon.core.limits import check_body
from pigeon.core.records import ConversationKind, ConversationSummary, Event, EventKind, is_handle
from pigeon.errors import ProtocolViolation
from pigeon.sdk import (
    ApiError,
    Client,
    ErrorCode,
    HttpClient,
    PigeonError,
    PigeonTimeoutError,
    Resynced,
    ServerUnreachable,
    new_client_msg_id,
)

DEFAULT_URL = "http://127.0.0.1:8700"
URL_VARIABLE = "PIGEON_URL"
HANDLE_RULE = "a handle has 2–32 characters, each a–z, 0–9 or _"
PASSWORD_RULE = f"a password has {PASSWORD_MIN_CHARS}–{PASSWORD_MAX_CHARS} characters"
CREDENTIALS = "credentials.json"
DEVICE_KEYS = "device_keys.json"
SERVER = "server.json"  # the last login's URL, kept past logout


class CommandError(Exception):
    """An expected failure: its message is printed as is, and the exit status is 1."""


# -- credentials --------------------------------------------------------------------------------


def home() -> Path:
    configured = os.environ.get("PIGEON_HOME")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".config" / "pigeon"


@dataclass(frozen=True)
class Credentials:
    url: str
    token: str
    handle: str


def load_credentials() -> Credentials | None:
    try:
        raw = json.loads((home() / CREDENTIALS).read_text(encoding="utf-8"))
        return Credentials(url=str(raw["url"]), token=str(raw["token"]), handle=str(raw["handle"]))
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError) as exc:
        raise CommandError(f"the credentials file {home() / CREDENTIALS} is damaged") from exc


def write_private(name: str, value: object) -> Path:
    """Write JSON to ``home() / name`` with mode 0600 from the start (never readable by
    others), replacing the file at once."""
    directory = home()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = directory / name
    tmp = directory / f".{name}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(value, f)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return path


def save_credentials(creds: Credentials) -> Path:
    return write_private(
        CREDENTIALS, {"url": creds.url, "token": creds.token, "handle": creds.handle}
    )


def load_device_keys() -> dict[str, str]:
    """``{"<url> <handle>": device_key}``; a missing or damaged file is no keys (a key only
    spares the login from lock-outs, so losing it costs little)."""
    try:
        raw = json.loads((home() / DEVICE_KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v) for k, v in raw.items() if isinstance(v, str)}


def url_of(args: argparse.Namespace) -> str:
    """``--url``, else ``$PIGEON_URL``, else the URL of the last login, else the default."""
    if args.url:
        return str(args.url).rstrip("/")
    from_env = os.environ.get(URL_VARIABLE)
    if from_env:
        return from_env.rstrip("/")
    creds = load_credentials()
    if creds is not None:
        return creds.url
    try:
        return str(json.loads((home() / SERVER).read_text(encoding="utf-8"))["url"])
    except (OSError, ValueError, KeyError, TypeError):  # none saved, or damaged: the default
        return DEFAULT_URL


def logged_in(args: argparse.Namespace) -> tuple[str, Credentials]:
    """The URL to use and the saved credentials, or a clear error."""
    creds = load_credentials()
    if creds is None:
        raise CommandError("not logged in: run `pigeon login HANDLE` first")
    return url_of(args), creds


def password_of(args: argparse.Namespace, prompt: str) -> str:
    if args.password is not None:
        return str(args.password)
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise CommandError("no password given (use --password or a terminal)")
        return line.rstrip("\n")
    return getpass.getpass(prompt)


# -- formatting ---------------------------------------------------------------------------------


def name_of(row: ConversationSummary, me: str) -> str:
    """What a person calls a conversation: ``@peer`` for a direct one, a group's title."""
    if row.title:
        return row.title
    others = [m for m in row.members if m != me] or list(row.members)
    return ", ".join(f"@{m}" for m in others)


def describe(event: Event, name: str | None = None) -> str:
    """One readable line per log event: ``[name] sender: body`` for messages (the
    conversation's id when its name is not known)."""
    where = name or event.conv
    head = f"[{where}] {event.sender}"
    members = ", ".join(event.members or ())
    if event.kind is EventKind.MESSAGE:
        return f"{head}: {event.body}"
    if event.kind is EventKind.EDIT:
        return f"{head} edited #{event.target_seq}: {event.body}"
    if event.kind is EventKind.DELETE:
        return f"{head} deleted #{event.target_seq}"
    if event.kind is EventKind.CREATED:
        title = f' "{event.title}"' if event.title else ""
        return f"{head} created{title} with {members}"
    if event.kind is EventKind.MEMBER_ADDED:
        return f"{head} added {members}"
    if event.kind is EventKind.MEMBER_REMOVED:
        if event.members == (event.sender,):
            return f"{head} left"
        return f"{head} removed {members}"
    if event.kind is EventKind.OWNER_CHANGED:
        return f"[{where}] {members} is now the owner"
    return f"{head} {event.kind.value}"  # pragma: no cover - a kind newer than this CLI


def out(line: str) -> None:
    print(line, flush=True)


# -- commands -----------------------------------------------------------------------------------


def check_handle(handle: str) -> None:
    """Say the rule before the server answers a bare ``bad_request``."""
    if not is_handle(handle):
        raise CommandError(f"{handle!r} is not a handle: {HANDLE_RULE}")


async def user_create(args: argparse.Namespace) -> None:
    check_handle(args.handle)
    password = password_of(args, f"password for {args.handle}: ")
    if not PASSWORD_MIN_CHARS <= len(password) <= PASSWORD_MAX_CHARS:
        raise CommandError(f"{PASSWORD_RULE}; this one has {len(password)}")
    async with HttpClient(url_of(args)) as http:
        await http.register(args.handle, password)
    out(f"created {args.handle}")


async def login(args: argparse.Namespace) -> None:
    url = url_of(args)
    check_handle(args.handle)
    password = password_of(args, f"password for {args.handle}: ")
    if len(password) > PASSWORD_MAX_CHARS:
        raise CommandError(f"{PASSWORD_RULE}; this one has {len(password)}")
    keys = load_device_keys()
    key_name = f"{url} {args.handle}"
    async with HttpClient(url) as http:
        try:
            reply = await http.login(args.handle, password, args.device, keys.get(key_name))
        except ApiError as exc:
            # One answer for both, as the server gives it (an unknown handle is not revealed).
            if exc.code is ErrorCode.UNAUTHENTICATED:
                raise CommandError("wrong handle or password") from exc
            raise
    path = save_credentials(Credentials(url=url, token=reply.token, handle=reply.handle))
    write_private(SERVER, {"url": url})
    if reply.device_key is not None and keys.get(key_name) != reply.device_key:
        write_private(DEVICE_KEYS, {**keys, key_name: reply.device_key})
    out(f"logged in as {reply.handle} on {url} (credentials in {path})")


async def logout(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    async with HttpClient(url, creds.token) as http:
        try:
            await http.logout()
        except ApiError as exc:
            if exc.code is not ErrorCode.UNAUTHENTICATED:  # already revoked or expired: fine
                raise
    (home() / CREDENTIALS).unlink(missing_ok=True)
    out(f"logged out {creds.handle}")


async def convs(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    async with HttpClient(url, creds.token) as http:
        rows = await http.all_conversations()
    if not rows:
        out("no conversations")
    for row in sorted(rows, key=lambda r: -(r.last_message.ts if r.last_message else 0)):
        name = name_of(row, creds.handle)
        unread = f"{row.unread} unread" if row.unread else "read"
        last = f"  {row.last_message.sender}: {row.last_message.body}" if row.last_message else ""
        if row.last_message is not None and row.last_message.kind is not EventKind.MESSAGE:
            last = f"  {describe(row.last_message, name)}"
        # The id last: the name is what a person reads; the id is for commands.
        out(f"{name}  {row.kind.value:<6}  ({unread}){last}  [{row.conv}]")


async def dm(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    async with HttpClient(url, creds.token) as http:
        out((await http.direct(args.handle.lstrip("@"))).conv)


async def group_create(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    members = [m.lstrip("@") for m in args.member or []]
    async with HttpClient(url, creds.token) as http:
        out((await http.group(args.title, members)).conv)


async def group_add(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    async with HttpClient(url, creds.token) as http:
        ack = await http.add_member(args.conv, args.handle.lstrip("@"))
    out(f"added {args.handle.lstrip('@')} to {args.conv} (#{ack.seq})")


async def group_leave(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    async with HttpClient(url, creds.token) as http:
        ack = await http.remove_member(args.conv, creds.handle)
    out(f"left {args.conv} (#{ack.seq})")


async def block(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    handle = args.handle.lstrip("@")
    async with HttpClient(url, creds.token) as http:
        await http.block(handle)
    out(f"blocked {handle}: they cannot add you to groups or start a direct conversation")


async def unblock(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    handle = args.handle.lstrip("@")
    async with HttpClient(url, creds.token) as http:
        await http.unblock(handle)
    out(f"unblocked {handle}")


async def blocks(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    async with HttpClient(url, creds.token) as http:
        handles = await http.blocks()
    out("\n".join(handles) if handles else "nobody blocked")


async def resolve(http: HttpClient, target: str) -> str:
    """A conversation id, or ``@handle`` for the direct conversation (created if need be)."""
    if target.startswith("@"):
        return (await http.direct(target[1:])).conv
    return target


async def existing_direct(http: HttpClient, me: str, peer: str) -> str | None:
    """The direct conversation with ``peer`` if there is one; never creates it."""
    for row in await http.all_conversations():
        if row.kind is ConversationKind.DIRECT and set(row.members) == {me, peer}:
            return row.conv
    return None


async def send(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    client_msg_id = new_client_msg_id()
    async with HttpClient(url, creds.token) as http:
        conv = args.target
        if args.target.startswith("@"):
            peer = args.target[1:]
            found = await existing_direct(http, creds.handle, peer)
            if found is None:
                # A message the server is sure to refuse must not leave an empty
                # conversation behind: check it, with the server's own size limit, before
                # creating one.
                max_body_bytes = (await http.limits()).max_body_bytes
                try:
                    check_body(args.text, None, max_body_bytes=max_body_bytes)
                except ProtocolViolation as exc:
                    detail = f": {exc.detail}" if exc.detail else ""  # checked here: ours to show
                    raise CommandError(f"{exc.message} ({exc.code.value}){detail}") from exc
                found = (await http.direct(peer)).conv
            conv = found
        # The same client_msg_id on every try: a retry never sends the message twice (G2).
        for attempt in range(5):
            try:
                ack = await http.send(conv, args.text, client_msg_id=client_msg_id)
                break
            except ApiError as exc:
                if not exc.retryable or attempt == 4:
                    raise
                await asyncio.sleep((exc.retry_after_ms or 200 * 2**attempt) / 1000)
    out(f"sent to {conv} (#{ack.seq})")


async def history(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    async with HttpClient(url, creds.token) as http:
        conv = await resolve(http, args.target)
        page = await http.history(conv, before=args.before, limit=args.limit, epoch=args.epoch)
    for event in page.events:
        out(describe(event))
    if page.more and page.events:
        # The epoch pins the next page to this history: after a restore it is refused.
        older = f"--before {page.events[0].seq} --epoch {page.epoch}"
        out(f"(older: pigeon history {args.target} {older})")


def tail_state_path(handle: str, convs: list[str]) -> Path:
    """One state file per handle and per set of followed conversations, so a filtered tail
    never marks as seen what an unfiltered one has yet to print."""
    key = "all" if not convs else hashlib.sha256(",".join(sorted(convs)).encode()).hexdigest()[:12]
    return home() / f"tail-{handle}-{key}.json"


# A read marker is best effort: tail goes on printing if the server does not take it in time.
MARK_READ_TIMEOUT_S = 5.0


async def report_connection(client: Client, url: str) -> None:
    """One line when tail loses the server, one when it is back."""
    while True:
        await client.wait_connected()
        await client.wait_disconnected()
        out(f"-- lost the server at {url}; reconnecting --")
        await client.wait_connected()
        out(f"-- connected again to {url} --")


class Names:
    """Conversation names for tail's lines, asked of the server again for one it does not know
    (a conversation created or joined since)."""

    def __init__(self, http: HttpClient, me: str) -> None:
        self.http = http
        self.me = me
        self.names: dict[str, str] = {}

    async def of(self, conv: str) -> str:
        if conv not in self.names:
            rows = await self.http.all_conversations()
            self.names = {row.conv: name_of(row, self.me) for row in rows}
        return self.names.get(conv, conv)


async def tail(args: argparse.Namespace) -> None:
    url, creds = logged_in(args)
    wanted = set(args.conv or [])
    state = tail_state_path(creds.handle, sorted(wanted))
    async with HttpClient(url, creds.token) as http:
        # Fail clearly when the server is down or the login is bad; once following, the
        # client rides out restarts on its own.
        await http.conversations(limit=1)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        names = Names(http, creds.handle)
        async with Client(url, creds.token, state) as client:
            stopping = asyncio.ensure_future(stop.wait())
            reporting = asyncio.ensure_future(report_connection(client, url))
            try:
                while True:
                    taking = asyncio.ensure_future(client.next_event())
                    await asyncio.wait({taking, stopping}, return_when=asyncio.FIRST_COMPLETED)
                    if not taking.done():
                        taking.cancel()
                        with contextlib.suppress(asyncio.CancelledError):
                            await taking
                        if taking.cancelled():
                            return
                    item = taking.result()
                    if isinstance(item, Resynced):
                        out("-- the server was restored from a backup: replaying from the start --")
                    elif not wanted or item.conv in wanted:
                        name = await names_or_id(names, item.conv)
                        out(describe(item, name))
                        if args.mark_read:
                            await mark_read(client, item)
                    if stop.is_set():
                        return
            finally:
                stopping.cancel()
                reporting.cancel()
                with contextlib.suppress(asyncio.CancelledError, PigeonError):
                    await reporting


async def names_or_id(names: Names, conv: str) -> str:
    """The conversation's name, or its id while the server cannot say (tail never stops
    printing for a name)."""
    try:
        return await names.of(conv)
    except (ApiError, ServerUnreachable, PigeonTimeoutError):
        return conv


async def mark_read(client: Client, event: Event) -> None:
    """Mark a printed event as read, as an app does once it has shown it; best effort."""
    # On failure tail reads on; the next printed event marks further.
    with contextlib.suppress(PigeonError, TimeoutError):
        await asyncio.wait_for(client.mark_read(event.conv, event.seq), MARK_READ_TIMEOUT_S)


# -- wiring -------------------------------------------------------------------------------------

Command = Callable[[argparse.Namespace], Coroutine[Any, Any, None]]


def run(command: Command) -> Callable[[argparse.Namespace], int]:
    """Run an async command; turn expected failures into one line on stderr and status 1."""

    def main(args: argparse.Namespace) -> int:
        try:
            asyncio.run(command(args))
        except CommandError as exc:
            return fail(str(exc))
        except ServerUnreachable:
            return fail(f"cannot reach the server at {url_of_safe(args)}")
        except PigeonTimeoutError:
            return fail(f"the server at {url_of_safe(args)} did not answer in time")
        except ApiError as exc:
            return fail(message_for(exc))
        except PigeonError as exc:
            return fail(str(exc))
        except KeyboardInterrupt:
            return 130
        return 0

    return main


def url_of_safe(args: argparse.Namespace) -> str:
    try:
        return url_of(args)
    except CommandError:
        return str(args.url or DEFAULT_URL)


def message_for(exc: ApiError) -> str:
    hints = {
        ErrorCode.UNAUTHENTICATED: "not logged in, or the login expired: run `pigeon login`",
        ErrorCode.NOT_FOUND: "not found (no such user or conversation, or not yours)",
        ErrorCode.CONFLICT: "conflict (already exists)",
        ErrorCode.RATE_LIMITED: "rate limited: try again in a moment",
        ErrorCode.BUSY: "the server is busy: try again in a moment",
    }
    return hints.get(exc.code, f"{exc.message} ({exc.code.value})")


def fail(message: str) -> int:
    print(f"pigeon: {message}", file=sys.stderr, flush=True)
    return 1


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    """Register the chat commands on the ``pigeon`` parser's subcommands."""

    def command(name: str, help_text: str, func: Command, parent: Any = sub) -> Any:
        parser = parent.add_parser(name, help=help_text, description=help_text)
        parser.add_argument(
            "--url",
            help=f"server URL (default: ${URL_VARIABLE}, else the last login's, "
            f"else {DEFAULT_URL})",
        )
        parser.set_defaults(func=run(func))
        return parser

    user = sub.add_parser("user", help="manage accounts")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    create = command("create", "create an account", user_create, user_sub)
    create.add_argument("handle")
    create.add_argument("--password", help="the password (prompted for if omitted)")

    p = command("login", "log in and save the credentials", login)
    p.add_argument("handle")
    p.add_argument("--password", help="the password (prompted for if omitted)")
    p.add_argument("--device", default="cli", help="a name for this device (default: cli)")

    command("logout", "revoke this device's token and forget it", logout)
    command("convs", "list my conversations with unread counts", convs)

    p = command("dm", "open the direct conversation with a user; print its id", dm)
    p.add_argument("handle")

    group = sub.add_parser("group", help="groups")
    group_sub = group.add_subparsers(dest="group_command", required=True)
    p = command("create", "create a group; print its id", group_create, group_sub)
    p.add_argument("title")
    p.add_argument("--member", action="append", metavar="HANDLE", help="a member (repeatable)")
    p = command("add", "add a member to a group (owners)", group_add, group_sub)
    p.add_argument("conv")
    p.add_argument("handle")
    p = command(
        "leave",
        "leave a group (if you own it, its longest-standing member becomes the owner)",
        group_leave,
        group_sub,
    )
    p.add_argument("conv")

    p = command("block", "stop a user from adding you to groups or messaging you first", block)
    p.add_argument("handle")
    p = command("unblock", "lift a block", unblock)
    p.add_argument("handle")
    command("blocks", "list the users you block", blocks)

    p = command("send", "send a message to a conversation id or @handle", send)
    p.add_argument("target", help="a conversation id, or @handle for a direct conversation")
    p.add_argument("text")

    p = command(
        "tail",
        "follow conversations live; a restarted tail resumes where it stopped "
        "(the first run prints each conversation from its start)",
        tail,
    )
    p.add_argument("conv", nargs="*", help="only these conversations (default: all)")
    p.add_argument(
        "--no-mark-read",
        dest="mark_read",
        action="store_false",
        help="leave what tail prints unread (by default it is marked as read)",
    )

    p = command("history", "print a page of a conversation's log", history)
    p.add_argument("target", help="a conversation id, or @handle")
    p.add_argument("--limit", type=int, default=50, help="how many events (default 50)")
    p.add_argument("--before", type=int, help="events before this seq (default: the latest)")
    p.add_argument("--epoch", help="the epoch --before is from (refused after a restore)")
