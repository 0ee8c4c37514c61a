"""Users, tokens and conversations for a run, created over the public HTTP API.

Each run uses fresh handles (a random run tag), so it can target a server that already
holds data. Requests refused as ``busy`` or ``rate_limited`` are retried after their
``retry_after_ms``; everything is bounded by ``PROVISION_TIMEOUT_S``.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp

PROVISION_TIMEOUT_S = 900.0
CONCURRENCY = 48
MAX_ATTEMPTS = 60


@dataclass
class ClientSpec:
    """One generator connection: a user with its token and the conversations it is in."""

    idx: int
    handle: str
    token: str = ""
    convs: list[str] = field(default_factory=list)
    sends: bool = True


@dataclass
class Topology:
    clients: list[ClientSpec]
    members: dict[str, list[int]]  # conv -> client indexes
    epoch: str
    seconds: float = 0.0


class ProvisionError(RuntimeError):
    pass


async def _call(
    session: aiohttp.ClientSession,
    method: str,
    url: str,
    body: dict[str, Any],
    token: str | None = None,
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    for _ in range(MAX_ATTEMPTS):
        async with session.request(method, url, json=body, headers=headers) as resp:
            data: dict[str, Any] = await resp.json(content_type=None)
            if resp.status < 300:
                return data
            if resp.status in (429, 503):
                await asyncio.sleep(max(int(data.get("retry_after_ms") or 200), 50) / 1000)
                continue
            raise ProvisionError(f"{method} {url}: {resp.status} {data}")
    raise ProvisionError(f"{method} {url}: still refused after {MAX_ATTEMPTS} attempts")


async def _bounded(
    items: list[Any], work: Callable[[Any], Any], progress: Callable[[str], None], what: str
) -> None:
    sem = asyncio.Semaphore(CONCURRENCY)
    done = 0

    async def one(item: Any) -> None:
        nonlocal done
        async with sem:
            await work(item)
        done += 1
        if done % 100 == 0 or done == len(items):
            progress(f"{what} {done}/{len(items)}")

    await asyncio.gather(*(one(i) for i in items))


async def provision(
    url: str,
    n_clients: int,
    group_size: int,
    *,
    senders: int | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> Topology:
    """Register ``n_clients`` users, log each in once, and put them in conversations:
    direct pairs when ``group_size`` is 2, otherwise groups of ``group_size`` (the last
    group may be smaller). ``senders`` limits which clients send (default: all)."""
    began = time.monotonic()
    tag = secrets.token_hex(3)
    password = f"bench-{tag}-password"
    clients = [ClientSpec(i, f"b{tag}_{i}") for i in range(n_clients)]
    if senders is not None:
        for c in clients:
            c.sends = c.idx < senders
    members: dict[str, list[int]] = {}
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:

        async def register(c: ClientSpec) -> None:
            await _call(
                session, "POST", f"{url}/v1/register", {"handle": c.handle, "password": password}
            )
            data = await _call(
                session,
                "POST",
                f"{url}/v1/login",
                {"handle": c.handle, "password": password, "device": "bench"},
            )
            c.token = str(data["token"])

        await _bounded(clients, register, progress, "users")
        step = max(2, group_size)
        groups = [clients[i : i + step] for i in range(0, n_clients - 1, step)]
        groups = [g for g in groups if len(g) >= 2]

        async def create(group: list[ClientSpec]) -> None:
            owner = group[0]
            if group_size == 2:
                data = await _call(
                    session,
                    "POST",
                    f"{url}/v1/conversations/direct",
                    {"peer": group[1].handle},
                    owner.token,
                )
            else:
                data = await _call(
                    session,
                    "POST",
                    f"{url}/v1/conversations/group",
                    {"title": f"bench {owner.idx}", "members": [c.handle for c in group[1:]]},
                    owner.token,
                )
            conv = str(data["conv"])
            members[conv] = [c.idx for c in group]
            for c in group:
                c.convs.append(conv)

        await _bounded(groups, create, progress, "conversations")
        async with session.get(f"{url}/healthz") as resp:
            epoch = str((await resp.json())["epoch"])
    return Topology(clients, members, epoch, time.monotonic() - began)


def provision_sync(
    url: str,
    n_clients: int,
    group_size: int,
    *,
    senders: int | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> Topology:
    async def bounded() -> Topology:
        return await asyncio.wait_for(
            provision(url, n_clients, group_size, senders=senders, progress=progress),
            PROVISION_TIMEOUT_S,
        )

    return asyncio.run(bounded())
