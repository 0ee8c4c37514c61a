"""Conversation features end to end: groups, edits, deletes, read positions, typing."""

from __future__ import annotations

import asyncio

from tests.e2e.conftest import Connector
from tests.helpers.raw import Frame, Http, RawWs
from tests.helpers.timing import TIMEOUT_S

# How long a typist waits for its notice before typing again, on a bus that may lose it: the
# memory bus holds a message back for milliseconds, so a second means lost.
RETYPE_AFTER_S = 1.0


async def typing_seen(typist: RawWs, watcher: RawWs, conv: str) -> Frame:
    """What ``watcher`` gets once ``typist`` says it is typing. A typing notice is never
    repaired (it is ephemeral), so on a lossy bus the typist says it again, as a client does
    while its user types, until one arrives."""
    retype_after_s = RETYPE_AFTER_S if typist.lossy_bus else None
    async with asyncio.timeout(TIMEOUT_S):
        while True:
            await typist.ws.send_json({"type": "typing", "conv": conv})
            try:
                async with asyncio.timeout(retype_after_s):
                    return await watcher.other.get()
            except TimeoutError:
                continue


async def test_typing_reaches_other_members_and_is_never_stored(
    http: Http, connect: Connector
) -> None:
    """A typing frame is pushed to the other members' connections and leaves no log event."""
    alice = await http.user("alice")
    bob = await http.user("bob")
    conv = await http.direct(alice, "bob")
    alice_ws, bob_ws = await connect(alice), await connect(bob)
    notice = await typing_seen(alice_ws, bob_ws, conv)
    assert notice == {"type": "typing", "conv": conv, "user": "alice"}
    # The typist's own connections are not told; the next thing alice gets is bob's typing.
    assert await typing_seen(bob_ws, alice_ws, conv) == {
        "type": "typing",
        "conv": conv,
        "user": "bob",
    }
    status, page = await http.call("GET", f"/v1/conversations/{conv}/messages", token=bob)
    assert status == 200 and page["last_seq"] == 1


async def test_edit_and_delete_are_pushed_log_events(http: Http, connect: Connector) -> None:
    """Editing and deleting a message append events that point at it, pushed to members."""
    alice = await http.user("alice")
    bob = await http.user("bob")
    conv = await http.direct(alice, "bob")
    bob_ws = await connect(bob)
    alice_ws = await connect(alice)
    sent = await alice_ws.send(conv, "m1", "helo")
    edit = await alice_ws.request(
        {
            "type": "edit",
            "conv": conv,
            "client_msg_id": "e1",
            "target_seq": sent["seq"],
            "body": "hello",
        }
    )
    status, deleted = await http.call(
        "POST",
        f"/v1/conversations/{conv}/messages/{sent['seq']}/delete",
        {"client_msg_id": "d1"},
        alice,
    )
    assert edit["type"] == "ack" and status == 200
    pushed = await bob_ws.events(conv, after=1, count=3)
    assert [(e["kind"], e.get("target_seq")) for e in pushed] == [
        ("message", None),
        ("edit", sent["seq"]),
        ("delete", sent["seq"]),
    ]
    assert pushed[1]["body"] == "hello" and deleted["seq"] == pushed[2]["seq"]


async def test_conversation_list_shows_last_message_and_unread(
    http: Http, connect: Connector
) -> None:
    """My conversations come with the last message and an unread count that reading clears."""
    alice = await http.user("alice")
    bob = await http.user("bob")
    await http.user("carol")
    direct = await http.direct(alice, "bob")
    status, group = await http.call(
        "POST", "/v1/conversations/group", {"title": "trio", "members": ["bob", "carol"]}, alice
    )
    ws = await connect(alice)
    await ws.send(direct, "d1", "one")
    await ws.send(direct, "d2", "two")
    await ws.send(group["conv"], "g1", "three")
    status, listing = await http.call("GET", "/v1/conversations", token=bob)
    rows = {row["conv"]: row for row in listing["conversations"]}
    assert rows[direct]["unread"] == 2 and rows[direct]["last_message"]["body"] == "two"
    assert rows[group["conv"]]["title"] == "trio" and rows[group["conv"]]["unread"] == 1
    status, read = await http.call("POST", f"/v1/conversations/{direct}/read", {"seq": 3}, bob)
    assert (status, read["read_seq"]) == (200, 3)
    status, back = await http.call("POST", f"/v1/conversations/{direct}/read", {"seq": 1}, bob)
    assert back["read_seq"] == 3  # read positions never move back
    bob_ws = await connect(bob)
    listing_ws = await bob_ws.request({"type": "conversations"})
    rows = {row["conv"]: row for row in listing_ws["conversations"]}
    assert rows[direct]["unread"] == 0 and rows[group["conv"]]["unread"] == 1


async def test_conversation_list_comes_in_bounded_pages(http: Http, connect: Connector) -> None:
    """The list pages by conversation id over HTTP and the WebSocket, with a cursor and a
    bounded page size; every conversation is listed once."""
    alice = await http.user("alice")
    bob = await http.user("bob")
    convs = []
    for i in range(5):
        status, group = await http.call(
            "POST", "/v1/conversations/group", {"title": f"g{i}", "members": ["bob"]}, alice
        )
        assert status == 201
        convs.append(group["conv"])
    seen: list[str] = []
    query = "?limit=2"
    while True:
        status, page = await http.call("GET", f"/v1/conversations{query}", token=bob)
        assert status == 200 and len(page["conversations"]) <= 2, page
        seen += [row["conv"] for row in page["conversations"]]
        if "next_cursor" not in page:
            break
        query = f"?limit=2&cursor={page['next_cursor']}&epoch={page['epoch']}"
    assert seen == sorted(convs)
    status, refused = await http.call("GET", "/v1/conversations?limit=201", token=bob)
    assert (status, refused["code"]) == (400, "bad_request")
    ws = await connect(bob)
    first = await ws.request({"type": "conversations", "limit": 3})
    rest = await ws.request({"type": "conversations", "cursor": first["next_cursor"]})
    assert [r["conv"] for r in first["conversations"] + rest["conversations"]] == sorted(convs)
    assert "next_cursor" not in rest
    too_many = await ws.request({"type": "conversations", "limit": 201})
    assert (too_many["type"], too_many["code"]) == ("error", "bad_request")


async def test_only_owners_add_members_and_anyone_may_leave(http: Http) -> None:
    """Group membership: members cannot add, owners can; a member can leave on their own."""
    alice = await http.user("alice")
    bob = await http.user("bob")
    await http.user("carol")
    status, group = await http.call(
        "POST", "/v1/conversations/group", {"title": "g", "members": ["bob"]}, alice
    )
    conv = group["conv"]
    status, body = await http.call(
        "POST", f"/v1/conversations/{conv}/members", {"handle": "carol"}, bob
    )
    assert (status, body["code"]) == (403, "forbidden")
    status, _ = await http.call(
        "POST", f"/v1/conversations/{conv}/members", {"handle": "carol"}, alice
    )
    assert status == 200
    status, _ = await http.call("DELETE", f"/v1/conversations/{conv}/members/bob", token=bob)
    assert status == 200
    status, body = await http.call("GET", f"/v1/conversations/{conv}/messages", token=bob)
    assert (status, body["code"]) == (404, "not_found")
    status, page = await http.call("GET", f"/v1/conversations/{conv}/messages", token=alice)
    assert [e["kind"] for e in page["events"]] == ["created", "member_added", "member_removed"]
