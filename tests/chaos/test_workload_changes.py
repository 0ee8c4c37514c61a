"""The chaos workload settles a membership change of unknown outcome by retrying it, as
PROTOCOL.md says to after ``unavailable``, ``internal`` or a lost answer: the retry's
``not_found`` (already removed) records the removal as made. A CI run found the case: a
gateway killed while answering a removal, HAProxy's 502 read as a final refusal, and the
drain waiting for deliveries to a member who was gone. The gateway here is a stand-in HTTP
server answering as HAProxy and a failing node would, in turn."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web

from pigeon.chaos.run import read_history
from pigeon.chaos.workload import History, User, Workload

NOT_FOUND = (404, b'{"code": "not_found", "message": "not found"}', "application/json")


@dataclass
class Gateway:
    url: str = ""
    answers: list[tuple[int, bytes, str]] = field(default_factory=list)  # status, body, type
    requests: list[str] = field(default_factory=list)


@pytest.fixture
async def gateway() -> AsyncIterator[Gateway]:
    stand_in = Gateway()

    async def answer(request: web.Request) -> web.Response:
        stand_in.requests.append(f"{request.method} {request.path}")
        status, body, content_type = stand_in.answers.pop(0)
        return web.Response(status=status, body=body, content_type=content_type)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    stand_in.url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield stand_in
    finally:
        await runner.cleanup()


@pytest.mark.parametrize(
    "lost",
    [
        (502, b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
        (500, b'{"code": "internal", "message": "internal error"}', "application/json"),
    ],
    ids=["proxy_502", "internal"],
)
async def test_a_removal_whose_answer_was_lost_is_retried_and_found_made(
    gateway: Gateway, tmp_path: Path, lost: tuple[int, bytes, str]
) -> None:
    gateway.answers += [lost, NOT_FOUND]
    history = History(tmp_path / "history.jsonl")
    workload = Workload(gateway.url, history, seed=1)
    owner, member = User("alice", "token"), User("bob", "token")
    workload._join("c1", [owner, member])
    await workload._change("c1", owner, member, add=False)
    history.close()
    records = read_history(tmp_path / "history.jsonl")
    assert [(r.type, r.op, r.code) for r in records] == [
        ("invoke", "remove", None),
        ("ok", "remove", "not_found"),
    ]
    assert workload.members["c1"] == {"alice"} and member.convs == []
    assert gateway.requests == ["DELETE /v1/conversations/c1/members/bob"] * 2
