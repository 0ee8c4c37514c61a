"""The conformance suite every Store must pass (STYLE.md 3: one suite per interface).

A backend's test module subclasses :class:`StoreConformance` and provides a ``store`` fixture
that yields an opened store on fresh storage, and a ``hold_writer`` fixture
(:data:`HoldWriter`). A durable backend (one whose data outlives the process) subclasses
:class:`DurableStoreConformance` instead, and also provides a ``reopen`` fixture that closes
the store and opens the same storage again, and a ``new_store`` fixture that makes an
unopened store on fresh storage under a directory (what a restore goes into); those tests
cover backup and restore too. The ``memory:`` store is not durable, so it runs
every test but those, and refuses backup and restore (tests/store/test_memory.py).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from pigeon.core.notifications import MAX_SUBSCRIPTIONS_PER_USER
from pigeon.core.records import Event, EventKind, Role
from pigeon.core.webhooks import MAX_WEBHOOKS_PER_USER
from pigeon.errors import DataDirRefused, ErrorCode, ProtocolViolation
from pigeon.store.base import (
    MAX_DEVICE_KEYS,
    DeliveryState,
    NewDelivery,
    NewNotification,
    PushSubscription,
    Store,
    Webhook,
)

Reopen = Callable[[], Awaitable[Store]]
# Holds still the writer of a conversation's writes from outside the store (a lock another
# connection holds); yields whether the backend has a writer that can be made to wait (the
# memory store writes at once, so it has none).
HoldWriter = Callable[[Store, str], contextlib.AbstractAsyncContextManager[bool]]
NewStore = Callable[[Path], Store]  # an unopened store on fresh storage under that directory
NOW = 1_700_000_000_000


async def make_users(store: Store, *handles: str) -> None:
    for handle in handles:
        await store.create_account(handle, "hash", NOW)


async def check_the_conversation_cap(
    store: Store, fill_to_cap: Callable[[str], Awaitable[None]]
) -> None:
    """G4: a user in MAX_CONVERSATIONS_PER_USER conversations is refused one more, so their
    hello always fits; others are told not_found (G5), the user too_large. Leaving one makes
    room again. ``fill_to_cap(handle)`` counts the user in all but one more conversation, the
    backend's own way (creating 10,000 would be slow)."""
    await make_users(store, "alice", "bob", "carol")
    conv = (await store.create_group("bob", "team", [], NOW)).result.conv
    mine = (await store.create_group("alice", "mine", [], NOW)).result.conv
    await fill_to_cap("alice")
    for attempt, code in (
        (store.change_member("bob", conv, "alice", adding=True, now_ms=NOW), "not_found"),
        (store.create_group("carol", "t", ["alice"], NOW), "not_found"),
        (store.create_direct("bob", "alice", NOW), "not_found"),
        (store.create_group("alice", "t", [], NOW), "too_large"),
        (store.create_direct("alice", "carol", NOW), "too_large"),
    ):
        with pytest.raises(ProtocolViolation) as err:
            await attempt
        assert err.value.code == code
    await store.change_member("alice", mine, "alice", adding=False, now_ms=NOW)
    await store.change_member("bob", conv, "alice", adding=True, now_ms=NOW)


async def until_write_delay(store: Store, *, above: float) -> float:
    """Wait until the store's write delay exceeds ``above``; return it."""
    async with asyncio.timeout(10):
        while (delay := store.write_delay_s()) <= above:  # noqa: ASYNC110
            await asyncio.sleep(0.005)  # a number read from the store: nothing to await
    return delay


async def send(store: Store, user: str, conv: str, cmid: str, body: str = "hi") -> int:
    appended = await store.append(
        user,
        conv,
        EventKind.MESSAGE,
        client_msg_id=cmid,
        body=body,
        meta=None,
        target_seq=None,
        now_ms=NOW,
    )
    return appended.result.seq


def subscription(
    subscription_id: str, owner: str, device: str, endpoint: str | None = None
) -> PushSubscription:
    return PushSubscription(
        id=subscription_id,
        owner=owner,
        device=device,
        endpoint=f"https://push.example.net/{endpoint or subscription_id}",
        p256dh="B" * 87,
        auth="A" * 22,
        created_ms=NOW,
    )


def webhook(webhook_id: str, owner: str, conv: str | None) -> Webhook:
    return Webhook(
        id=webhook_id,
        owner=owner,
        url="http://127.0.0.1:9/hook",
        conv=conv,
        secret=f"whsec_{webhook_id}",
        created_ms=NOW,
    )


async def all_events(store: Store, user: str, conv: str) -> list[Event]:
    page = await store.read_page(user, conv, after=0, before=None, limit=1000)
    return page.events


class StoreConformance:
    """G1, G2, G3 and G5 at the store's interface."""

    # Whether a hello's presence write goes through the writer a held conversation holds
    # (SQLite: its one writer's critical lane). False where it is written elsewhere: then it
    # is answered while that writer is still held.
    PRESENCE_IN_THE_HELD_WRITER = True

    async def test_account_handle_is_unique(self, store: Store) -> None:
        """A second account with the same handle is refused with conflict."""
        await make_users(store, "alice")
        with pytest.raises(ProtocolViolation) as err:
            await store.create_account("alice", "other", NOW)
        assert err.value.code is ErrorCode.CONFLICT

    async def test_token_resolves_until_it_expires_or_is_revoked(self, store: Store) -> None:
        """A token names its device while live; never after expiry or revocation."""
        await make_users(store, "alice")
        await store.create_token(b"t1", "alice", "phone", NOW, NOW + 1000)
        device = await store.device_for_token(b"t1", NOW + 999)
        assert device is not None and device.handle == "alice" and device.device == "phone"
        assert await store.device_for_token(b"t1", NOW + 1000) is None
        await store.revoke_token(b"t1")
        assert await store.device_for_token(b"t1", NOW) is None

    async def test_a_shared_bucket_grants_whole_tokens_at_its_rate(self, store: Store) -> None:
        """A bucket starts full, grants up to what is asked and what it holds, refills at its
        rate from the wall clock passed in, never from a clock behind an earlier call, and
        takes back tokens up to its burst (D42)."""

        async def take(want: int, now_ms: int, key: str = "send:alice") -> int:
            return await store.take_tokens(key, want, rate_per_s=2, burst=10, now_ms=now_ms)

        assert await take(4, NOW) == 4
        assert await take(100, NOW) == 6
        assert await take(1, NOW + 400) == 0  # 0.8 of a token
        assert await take(5, NOW + 1000) == 2
        assert await take(1, NOW) == 0  # a gateway whose clock is behind mints nothing
        await store.give_back_tokens("send:alice", 3, burst=10)
        assert await take(5, NOW + 1000) == 3
        await store.give_back_tokens("send:alice", 50, burst=10)
        assert await take(50, NOW + 1000) == 10  # given back up to the burst only
        assert await take(3, NOW, key="send:bob") == 3  # buckets are per key
        await store.give_back_tokens("send:nobody", 1, burst=10)  # a missing bucket is full

    async def test_a_bucket_without_a_time_is_dated_by_the_stores_clock(self, store: Store) -> None:
        """Gateways pass no time: the store's own clock dates the call, one clock for every
        gateway (D42). A new bucket is full, then holds what was not taken."""

        async def take(want: int) -> int:
            return await store.take_tokens("send:carol", want, rate_per_s=0.001, burst=3)

        assert await take(2) == 2
        assert await take(5) == 1
        assert await take(1) == 0

    async def test_concurrent_takes_never_grant_a_token_twice(self, store: Store) -> None:
        """Gateways take from one bucket at once: together they get what it held."""
        grants = await asyncio.gather(
            *(
                store.take_tokens("send:alice", 3, rate_per_s=1, burst=20, now_ms=NOW)
                for _ in range(12)
            )
        )
        assert sum(grants) == 20 and all(0 <= grant <= 3 for grant in grants)

    async def test_the_first_admin_token_claimed_is_kept(self, store: Store) -> None:
        """The first node to claim the admin token sets it; later claims get that one back;
        a rotation replaces it."""
        assert await store.admin_token_hash() is None
        assert await store.claim_admin_token(b"a" * 32) == b"a" * 32
        assert await store.claim_admin_token(b"b" * 32) == b"a" * 32
        assert await store.admin_token_hash() == b"a" * 32
        await store.set_admin_token(b"c" * 32)
        assert await store.admin_token_hash() == b"c" * 32

    async def test_a_device_key_stays_known_to_its_account_only(self, store: Store) -> None:
        """A remembered device key is known to its account, after its tokens are gone too;
        the oldest keys beyond the bound per account are forgotten."""
        await make_users(store, "alice", "bob")
        await store.remember_device(b"k1", "alice", "phone", NOW)
        await store.revoke_tokens("alice")
        assert await store.is_known_device("alice", b"k1")
        assert not await store.is_known_device("bob", b"k1")
        assert not await store.is_known_device("alice", b"k2")
        for i in range(MAX_DEVICE_KEYS):
            await store.remember_device(b"n%d" % i, "alice", "laptop", NOW + 1 + i)
        assert not await store.is_known_device("alice", b"k1")
        assert await store.is_known_device("alice", b"n0")

    async def test_direct_conversation_is_created_once(self, store: Store) -> None:
        """Creating the direct conversation twice, from either side, returns the same one."""
        await make_users(store, "alice", "bob")
        first, created = await store.create_direct("alice", "bob", NOW)
        again, created_again = await store.create_direct("bob", "alice", NOW)
        assert created and not created_again
        assert first.result.conv == again.result.conv
        assert first.event is not None and first.event.kind is EventKind.CREATED

    async def test_seqs_are_gapless_under_concurrent_appends(self, store: Store) -> None:
        """G3: many concurrent appends to one conversation get exactly 1..N, no gap, no repeat."""
        await make_users(store, "alice", "bob")
        appended, _ = await store.create_direct("alice", "bob", NOW)
        conv = appended.result.conv
        seqs = await asyncio.gather(
            *(send(store, "alice" if i % 2 else "bob", conv, f"m{i}") for i in range(200))
        )
        assert sorted(seqs) == list(range(2, 202))
        events = await all_events(store, "alice", conv)
        assert [e.seq for e in events] == list(range(1, 202))

    async def test_retried_client_id_returns_the_original(self, store: Store) -> None:
        """G2: the same (conv, sender, client id) yields the same seq and ts, stored once."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        first = await store.append(
            "alice",
            conv,
            EventKind.MESSAGE,
            client_msg_id="x",
            body="hi",
            meta=None,
            target_seq=None,
            now_ms=NOW,
        )
        again = await store.append(
            "alice",
            conv,
            EventKind.MESSAGE,
            client_msg_id="x",
            body="hi",
            meta=None,
            target_seq=None,
            now_ms=NOW + 5,
        )
        assert again.result.seq == first.result.seq and again.result.ts == first.result.ts
        assert again.result.duplicate and again.event is None
        other = await send(store, "bob", conv, "x")  # keys are per sender
        assert other == first.result.seq + 1
        assert len(await all_events(store, "alice", conv)) == 3

    async def test_reused_client_id_with_other_content_conflicts(self, store: Store) -> None:
        """G2: a client id reused for a different body is refused and stores nothing."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        await send(store, "alice", conv, "x", "one")
        with pytest.raises(ProtocolViolation) as err:
            await send(store, "alice", conv, "x", "two")
        assert err.value.code is ErrorCode.CONFLICT
        assert len(await all_events(store, "alice", conv)) == 2

    async def test_outsider_learns_nothing(self, store: Store) -> None:
        """G5: a non-member gets not_found for reads and writes, as for a missing conversation."""
        await make_users(store, "alice", "bob", "eve")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        for missing in (conv, "c0000000000000000"):
            for attempt in (
                send(store, "eve", missing, "x"),
                store.read_page("eve", missing, after=0, before=None, limit=10),
                store.mark_read("eve", missing, 1),
                store.members("eve", missing),
                store.change_member("eve", missing, "eve", adding=True, now_ms=NOW),
            ):
                with pytest.raises(ProtocolViolation) as err:
                    await attempt
                assert err.value.code is ErrorCode.NOT_FOUND

    async def test_membership_changes_are_log_events(self, store: Store) -> None:
        """G3: adding and removing members are events in the log; removed members lose access."""
        await make_users(store, "alice", "bob", "carol")
        created = await store.create_group("alice", "team", ["bob"], NOW)
        conv = created.result.conv
        added = await store.change_member("alice", conv, "carol", adding=True, now_ms=NOW)
        assert added.event is not None and added.event.kind is EventKind.MEMBER_ADDED
        assert await store.members("carol", conv) == ["alice", "bob", "carol"]
        with pytest.raises(ProtocolViolation) as err:
            await store.change_member("bob", conv, "carol", adding=False, now_ms=NOW)
        assert err.value.code is ErrorCode.FORBIDDEN
        await store.change_member("carol", conv, "carol", adding=False, now_ms=NOW)
        kinds = [e.kind for e in await all_events(store, "alice", conv)]
        assert kinds == [EventKind.CREATED, EventKind.MEMBER_ADDED, EventKind.MEMBER_REMOVED]
        with pytest.raises(ProtocolViolation):
            await store.read_page("carol", conv, after=0, before=None, limit=10)

    async def test_last_owner_leaving_hands_the_group_on(self, store: Store) -> None:
        """G3: when the last owner leaves, the longest-standing member becomes the owner, by an
        owner_changed event right after the member_removed, in the same commit."""
        seen: list[Event] = []
        store.on_commit = seen.extend
        await make_users(store, "alice", "bob", "carol")
        conv = (await store.create_group("alice", "team", ["carol"], NOW)).result.conv
        await store.change_member("alice", conv, "bob", adding=True, now_ms=NOW)
        left = await store.change_member("alice", conv, "alice", adding=False, now_ms=NOW)
        assert left.event is not None and left.event.kind is EventKind.MEMBER_REMOVED
        (promoted,) = left.also
        assert promoted.kind is EventKind.OWNER_CHANGED
        assert (promoted.seq, promoted.sender, promoted.members) == (4, "alice", ("carol",))
        assert [e.kind for e in seen[-2:]] == [EventKind.MEMBER_REMOVED, EventKind.OWNER_CHANGED]
        # carol joined at seq 1, bob at seq 2: carol owns the group now, and acts as owner.
        (summary,) = (await store.conversations("carol", after=None, limit=10)).conversations
        assert summary.role is Role.OWNER
        await store.change_member("carol", conv, "alice", adding=True, now_ms=NOW)
        # A plain member leaving changes no owner; the last one out leaves nobody to promote.
        alice_left = await store.change_member("alice", conv, "alice", adding=False, now_ms=NOW)
        assert alice_left.also == ()
        carol_left = await store.change_member("carol", conv, "carol", adding=False, now_ms=NOW)
        assert [e.members for e in carol_left.also] == [("bob",)]
        bob_left = await store.change_member("bob", conv, "bob", adding=False, now_ms=NOW)
        assert bob_left.also == ()

    async def test_a_block_stops_adds_and_new_direct_conversations(self, store: Store) -> None:
        """A blocked user gets not_found, as for an unknown handle, when they try to put the
        blocker into a group or a new direct conversation; others still can."""
        await make_users(store, "alice", "bob", "mallory")
        await store.block("alice", "mallory", NOW)
        await store.block("alice", "mallory", NOW)  # blocking twice is no change
        assert await store.blocks("alice") == ["mallory"]
        assert await store.blocks("mallory") == []
        conv = (await store.create_group("mallory", "spam", [], NOW)).result.conv
        for attempt in (
            store.create_group("mallory", "spam", ["alice"], NOW),
            store.change_member("mallory", conv, "alice", adding=True, now_ms=NOW),
            store.create_direct("mallory", "alice", NOW),
        ):
            with pytest.raises(ProtocolViolation) as err:
                await attempt
            assert err.value.code is ErrorCode.NOT_FOUND
        await store.create_group("bob", "team", ["alice", "mallory"], NOW)
        await store.unblock("alice", "mallory")
        await store.unblock("alice", "mallory")  # so is unblocking twice
        assert await store.blocks("alice") == []
        await store.change_member("mallory", conv, "alice", adding=True, now_ms=NOW)
        for target, code in (("alice", ErrorCode.BAD_REQUEST), ("ghost", ErrorCode.NOT_FOUND)):
            with pytest.raises(ProtocolViolation) as err:
                await store.block("alice", target, NOW)
            assert err.value.code is code

    async def test_pages_both_ways(self, store: Store) -> None:
        """History pages after and before a seq, with a limit and a correct `more` flag."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        for i in range(9):
            await send(store, "alice", conv, f"m{i}")
        page = await store.read_page("bob", conv, after=3, before=None, limit=4)
        assert [e.seq for e in page.events] == [4, 5, 6, 7] and page.more and page.last_seq == 10
        page = await store.read_page("bob", conv, after=7, before=None, limit=4)
        assert [e.seq for e in page.events] == [8, 9, 10] and not page.more
        page = await store.read_page("bob", conv, after=None, before=6, limit=3)
        assert [e.seq for e in page.events] == [3, 4, 5] and page.more
        page = await store.read_page("bob", conv, after=None, before=3, limit=5)
        assert [e.seq for e in page.events] == [1, 2] and not page.more
        page = await store.read_page("bob", conv, after=None, before=None, limit=2)
        assert [e.seq for e in page.events] == [9, 10] and page.more

    async def test_events_after_reads_the_log_from_a_position(self, store: Store) -> None:
        """The gateways' read after a doorbell: events after a seq, ascending, at most
        ``limit``, the same events members page; nothing for an unknown conversation."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        for i in range(5):
            await send(store, "alice", conv, f"m{i}")
        everything = await all_events(store, "bob", conv)
        assert await store.events_after(conv, 0, 100) == everything
        assert [e.seq for e in await store.events_after(conv, 2, 2)] == [3, 4]
        assert await store.events_after(conv, 6, 10) == []
        assert await store.events_after("no-such-conversation", 0, 10) == []

    async def test_read_position_only_moves_forward(self, store: Store) -> None:
        """Read positions max-merge and clamp to the log's end; unread counts follow them."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        for i in range(4):
            await send(store, "alice", conv, f"m{i}")
        assert await store.mark_read("bob", conv, 3) == 3
        assert await store.mark_read("bob", conv, 2) == 3
        assert await store.mark_read("bob", conv, 99) == 5
        await send(store, "alice", conv, "m9")
        (summary,) = (await store.conversations("bob", after=None, limit=10)).conversations
        assert summary.unread == 1 and summary.read_seq == 5 and summary.last_seq == 6
        assert summary.last_message is not None and summary.last_message.seq == 6
        (mine,) = (await store.conversations("alice", after=None, limit=10)).conversations
        assert mine.unread == 0  # my own messages are never unread

    async def test_conversations_come_in_pages_by_id(self, store: Store) -> None:
        """The list pages in id order with a cursor; the last page has no cursor, and a
        conversation gaining messages between pages is neither skipped nor repeated."""
        await make_users(store, "alice", "bob", "carol")
        convs = [
            (await store.create_group("alice", f"g{i}", ["bob"], NOW)).result.conv for i in range(5)
        ]
        await store.create_group("carol", "not mine", [], NOW)
        first = await store.conversations("bob", after=None, limit=2)
        assert [s.conv for s in first.conversations] == sorted(convs)[:2]
        assert first.next_cursor == sorted(convs)[1]
        await send(store, "alice", sorted(convs)[0], "late")
        await send(store, "alice", sorted(convs)[4], "late")
        seen = [s.conv for s in first.conversations]
        cursor: str | None = first.next_cursor
        while cursor is not None:
            page = await store.conversations("bob", after=cursor, limit=2)
            seen += [s.conv for s in page.conversations]
            cursor = page.next_cursor
        assert seen == sorted(convs)
        exact = await store.conversations("bob", after=None, limit=5)
        assert len(exact.conversations) == 5 and exact.next_cursor is None

    async def test_edit_and_delete_only_own_messages(self, store: Store) -> None:
        """Edits and deletes are log events allowed only to the sender of the message."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        seq = await send(store, "alice", conv, "m1", "helo")
        edit = await store.append(
            "alice",
            conv,
            EventKind.EDIT,
            client_msg_id="e1",
            body="hello",
            meta=None,
            target_seq=seq,
            now_ms=NOW,
        )
        assert edit.event is not None and edit.event.target_seq == seq
        with pytest.raises(ProtocolViolation) as err:
            await store.append(
                "bob",
                conv,
                EventKind.DELETE,
                client_msg_id="d1",
                body=None,
                meta=None,
                target_seq=seq,
                now_ms=NOW,
            )
        assert err.value.code is ErrorCode.FORBIDDEN
        with pytest.raises(ProtocolViolation) as err:
            await store.append(
                "alice",
                conv,
                EventKind.DELETE,
                client_msg_id="d2",
                body=None,
                meta=None,
                target_seq=1,
                now_ms=NOW,
            )
        assert err.value.code is ErrorCode.NOT_FOUND  # seq 1 is not a message
        await store.append(
            "alice",
            conv,
            EventKind.DELETE,
            client_msg_id="d3",
            body=None,
            meta=None,
            target_seq=seq,
            now_ms=NOW,
        )
        with pytest.raises(ProtocolViolation) as err:
            await store.append(
                "alice",
                conv,
                EventKind.EDIT,
                client_msg_id="e2",
                body="again",
                meta=None,
                target_seq=seq,
                now_ms=NOW,
            )
        assert err.value.code is ErrorCode.NOT_FOUND  # deleted messages are gone

    async def test_commit_listener_sees_events_in_commit_order(self, store: Store) -> None:
        """Only committed events are published, each once, in seq order per conversation."""
        seen: list[Event] = []
        store.on_commit = seen.extend
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        await asyncio.gather(*(send(store, "alice", conv, f"m{i}") for i in range(50)))
        await send(store, "alice", conv, "m0")  # a retry publishes nothing
        assert [e.seq for e in seen] == list(range(1, 52))

    async def test_concurrent_duplicates_store_one_event(self, store: Store) -> None:
        """G2: copies of one send racing each other store one event; every copy gets its seq."""
        seen: list[Event] = []
        store.on_commit = seen.extend
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        results = await asyncio.gather(
            *(
                store.append(
                    "alice",
                    conv,
                    EventKind.MESSAGE,
                    client_msg_id="same",
                    body="hi",
                    meta=None,
                    target_seq=None,
                    now_ms=NOW + i,
                )
                for i in range(20)
            )
        )
        assert {r.result.seq for r in results} == {2} and {r.result.ts for r in results} == {NOW}
        assert sum(r.event is not None for r in results) == 1
        assert sum(r.result.duplicate for r in results) == 19
        assert [e.seq for e in seen] == [1, 2]
        assert [e.seq for e in await all_events(store, "bob", conv)] == [1, 2]

    async def test_membership_rules(self, store: Store) -> None:
        """Only owners add and remove others; a direct conversation's members are fixed; an
        existing member is not added twice; an unknown user or non-member is not_found."""
        await make_users(store, "alice", "bob", "carol")
        conv = (await store.create_group("alice", "team", ["bob"], NOW)).result.conv
        direct = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        for attempt, code in (
            (store.change_member("bob", conv, "carol", adding=True, now_ms=NOW), "forbidden"),
            (store.change_member("bob", conv, "alice", adding=False, now_ms=NOW), "forbidden"),
            (store.change_member("alice", conv, "bob", adding=True, now_ms=NOW), "conflict"),
            (store.change_member("alice", conv, "ghost", adding=True, now_ms=NOW), "not_found"),
            (store.change_member("alice", conv, "carol", adding=False, now_ms=NOW), "not_found"),
            (store.change_member("alice", direct, "carol", adding=True, now_ms=NOW), "forbidden"),
            (store.change_member("alice", direct, "alice", adding=False, now_ms=NOW), "forbidden"),
            (store.create_group("alice", " ", [], NOW), "bad_request"),
            (store.create_group("alice", "t", ["ghost"], NOW), "not_found"),
            (store.create_direct("alice", "alice", NOW), "bad_request"),
            (store.create_direct("alice", "ghost", NOW), "not_found"),
        ):
            with pytest.raises(ProtocolViolation) as err:
                await attempt
            assert err.value.code == code
        # Nothing refused left a trace: the logs and member lists are as before.
        assert [e.seq for e in await all_events(store, "alice", conv)] == [1]
        assert await store.members("bob", conv) == ["alice", "bob"]
        assert await store.last_seqs("alice") == {conv: 1, direct: 1}
        assert await store.last_seqs("carol") == {}
        removed = await store.change_member("alice", conv, "bob", adding=False, now_ms=NOW)
        assert removed.event is not None and removed.event.members == ("bob",)
        assert await store.last_seqs("bob") == {direct: 1}

    async def test_read_positions_merge_under_concurrent_marks(self, store: Store) -> None:
        """Concurrent marks end at the furthest one, whatever order they ran in; a mark below
        1 moves nothing."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        for i in range(20):
            await send(store, "alice", conv, f"m{i}")
        positions = await asyncio.gather(*(store.mark_read("bob", conv, s) for s in (5, 17, 9)))
        assert max(positions) == 17
        assert await store.mark_read("bob", conv, 0) == 17
        (summary,) = (await store.conversations("bob", after=None, limit=10)).conversations
        assert summary.read_seq == 17 and summary.unread == 4

    async def test_page_edges(self, store: Store) -> None:
        """A page past the end is empty with its last_seq; after and before together bound a
        window; a page before 1 is empty; the latest page of a short log is all of it."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        for i in range(5):
            await send(store, "alice", conv, f"m{i}")
        page = await store.read_page("bob", conv, after=6, before=None, limit=10)
        assert page.events == [] and not page.more and page.last_seq == 6
        page = await store.read_page("bob", conv, after=1, before=5, limit=10)
        assert [e.seq for e in page.events] == [2, 3, 4] and not page.more
        page = await store.read_page("bob", conv, after=1, before=5, limit=2)
        assert [e.seq for e in page.events] == [2, 3] and page.more
        page = await store.read_page("bob", conv, after=None, before=1, limit=10)
        assert page.events == [] and not page.more
        page = await store.read_page("bob", conv, after=None, before=None, limit=10)
        assert [e.seq for e in page.events] == [1, 2, 3, 4, 5, 6] and not page.more
        page = await store.read_page("bob", conv, after=0, before=None, limit=6)
        assert len(page.events) == 6 and not page.more

    async def test_disabled_accounts_and_revoked_tokens(self, store: Store) -> None:
        """A disabled account says so at login and on its tokens; revoking a user's tokens
        counts and ends them all, and no one else's."""
        await make_users(store, "alice", "bob")
        await store.create_token(b"a1", "alice", "phone", NOW, NOW + 1000)
        await store.create_token(b"a2", "alice", "laptop", NOW, NOW + 1000)
        await store.create_token(b"b1", "bob", "phone", NOW, NOW + 1000)
        assert await store.set_disabled("alice", True)
        assert not await store.set_disabled("ghost", True)
        found = await store.password_hash("alice")
        assert found is not None and found[0] == "hash" and found[1].disabled
        assert await store.password_hash("ghost") is None
        device = await store.device_for_token(b"a1", NOW)
        assert device is not None and device.disabled
        assert await store.set_disabled("alice", False)
        device = await store.device_for_token(b"a1", NOW)
        assert device is not None and not device.disabled
        assert await store.revoke_tokens("alice") == 2
        assert await store.device_for_token(b"a2", NOW) is None
        assert await store.device_for_token(b"b1", NOW) is not None
        assert await store.account_exists("bob") and not await store.account_exists("ghost")

    async def test_epoch_and_health(self, store: Store) -> None:
        """An open store has a non-empty epoch that stays put, answers check() and commits
        probe writes."""
        epoch = store.epoch
        assert epoch and store.epoch == epoch
        await store.probe_write(NOW)
        await store.check()
        stats = store.statistics()
        assert stats.write_queue_depth >= 0 and stats.read_queue_depth >= 0

    # -- the writer's queueing delay and its lane for critical writes (D55) -----------------

    async def test_the_write_delay_is_the_age_of_the_oldest_write_waiting(
        self, store: Store, hold_writer: HoldWriter
    ) -> None:
        """The shedder's measure of the writer: 0 with nothing waiting; while writes wait for
        a held writer, how long the oldest has waited, growing; 0 again once they committed.
        A read marker and a presence write (a hello waits for it) queued behind sends are
        committed before them (their lane is taken first into a batch; presence, where it is
        written elsewhere, while the writer is still held), and the sends keep their order."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        await send(store, "alice", conv, "m0")
        assert store.write_delay_s() == 0.0
        answered: list[str] = []
        tasks: list[asyncio.Future[Any]] = []

        def track(name: str, work: Awaitable[Any]) -> None:
            task = asyncio.ensure_future(work)
            task.add_done_callback(lambda _: answered.append(name))
            tasks.append(task)

        async with hold_writer(store, conv) as held:
            track("m1", send(store, "alice", conv, "m1"))
            if held:
                first = await until_write_delay(store, above=0.0)
                await until_write_delay(store, above=first)  # it grows while it waits
            for cmid in ("m2", "m3", "m4"):
                track(cmid, send(store, "alice", conv, cmid))
            await asyncio.sleep(0)  # the sends are queued before the marker
            track("read", store.mark_read("bob", conv, 1))
            track("presence", store.update_presence("n1", ["bob"], [], NOW))  # a hello's
            if held and not self.PRESENCE_IN_THE_HELD_WRITER:
                await tasks[-1]  # it does not wait for the held writer at all
            await asyncio.sleep(0)
        results = await asyncio.gather(*tasks)
        assert results == [3, 4, 5, 6, 1, None]  # seq 1 is the conversation's creation, 2 m0
        assert [name for name in answered if name.startswith("m")] == ["m1", "m2", "m3", "m4"]
        if held:
            assert answered.index("read") < answered.index("m2"), answered
            assert answered.index("presence") < answered.index("m2"), answered
        assert store.write_delay_s() == 0.0

    # -- the outbox and webhooks (D48) -----------------------------------------------------

    async def test_every_event_enters_the_outbox_with_its_write(self, store: Store) -> None:
        """Each committed event has one outbox record, written with it: a refused write and
        a retried client id add none. A claim leases records: no second claim takes them
        until the lease lapses; finished ones are gone."""
        await make_users(store, "alice", "bob", "carol")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        await send(store, "alice", conv, "m1")
        await send(store, "alice", conv, "m1")  # a retry: the original's ack, no new event
        with pytest.raises(ProtocolViolation):
            await send(store, "carol", conv, "m2")  # not a member: refused, nothing written
        assert await store.outbox_oldest_ms() == NOW
        claimed = await store.claim_outbox(NOW, lease_ms=1000, limit=10)
        assert [(r.event.conv, r.event.seq, r.event.kind) for r in claimed] == [
            (conv, 1, EventKind.CREATED),
            (conv, 2, EventKind.MESSAGE),
        ]
        assert claimed[1].members == ("alice", "bob") and claimed[1].created_ms == NOW
        assert await store.claim_outbox(NOW + 999, lease_ms=1000, limit=10) == []
        again = await store.claim_outbox(NOW + 1000, lease_ms=1000, limit=1)
        assert [r.event.seq for r in again] == [1]  # the lease lapsed: the oldest first
        await store.finish_outbox(claimed, [])
        assert await store.claim_outbox(NOW + 5000, lease_ms=1000, limit=10) == []
        assert await store.outbox_oldest_ms() is None

    async def test_concurrent_claims_never_share_a_record(self, store: Store) -> None:
        """Relays claiming at once (other gateways, in a cluster) split the records."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        for i in range(20):
            await send(store, "alice", conv, f"m{i}")
        parts = await asyncio.gather(
            *(store.claim_outbox(NOW, lease_ms=60_000, limit=7) for _ in range(4))
        )
        seqs = [r.event.seq for part in parts for r in part]
        assert sorted(seqs) == list(range(1, 22))

    async def test_webhooks_belong_to_their_owner(self, store: Store) -> None:
        """Only the owner lists, rotates or deletes an endpoint; one for a conversation needs
        its owner to be in it (G5); an owner has at most MAX_WEBHOOKS_PER_USER."""
        await make_users(store, "alice", "bob", "carol")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        everything = webhook("wh_a", "alice", None)
        await store.create_webhook(everything)
        await store.create_webhook(webhook("wh_b", "alice", conv))
        with pytest.raises(ProtocolViolation) as err:
            await store.create_webhook(webhook("wh_c", "carol", conv))
        assert err.value.code is ErrorCode.NOT_FOUND
        assert [w.id for w in await store.webhooks("alice")] == ["wh_a", "wh_b"]
        assert await store.webhooks("carol") == []
        for attempt in (
            store.delete_webhook("carol", "wh_a"),
            store.rotate_webhook_secret("carol", "wh_a", "new", previous_until_ms=NOW),
            store.delete_webhook("alice", "wh_none"),
        ):
            with pytest.raises(ProtocolViolation) as err:
                await attempt
            assert err.value.code is ErrorCode.NOT_FOUND
        rotated = await store.rotate_webhook_secret(
            "alice", "wh_a", "whsec_new", previous_until_ms=NOW + 10
        )
        assert rotated.secret == "whsec_new" and rotated.previous_secret == everything.secret
        assert rotated.signing_secrets(NOW) == ["whsec_new", everything.secret]
        assert rotated.signing_secrets(NOW + 10) == ["whsec_new"]
        assert {w.id for w in await store.webhooks_of(["alice", "bob"])} == {"wh_a", "wh_b"}
        assert await store.webhooks_of(["bob", "carol"]) == []
        await store.delete_webhook("alice", "wh_b")
        assert [w.id for w in await store.webhooks("alice")] == ["wh_a"]
        for i in range(MAX_WEBHOOKS_PER_USER - 1):
            await store.create_webhook(webhook(f"wh_{i}", "alice", None))
        with pytest.raises(ProtocolViolation) as err:
            await store.create_webhook(webhook("wh_over", "alice", None))
        assert err.value.code is ErrorCode.TOO_LARGE

    async def test_deliveries_are_claimed_retried_and_replayed(self, store: Store) -> None:
        """A delivery queued twice is kept once; a claim takes at most ``per_webhook`` of an
        endpoint's and hides them for the lease; attempts are recorded; dead ones replay;
        delivered ones are pruned; deleting the endpoint drops its deliveries."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        await store.create_webhook(webhook("wh_a", "alice", None))
        await store.create_webhook(webhook("wh_b", "bob", conv))
        records = await store.claim_outbox(NOW, lease_ms=1000, limit=10)
        queued = [
            NewDelivery(w, f"evt_{i}", b'{"n":%d}' % i, NOW)
            for i in range(3)
            for w in ("wh_a", "wh_b")
        ]
        queued.append(NewDelivery("wh_gone", "evt_9", b"{}", NOW))  # deleted meanwhile
        await store.finish_outbox(records, queued)
        await store.finish_outbox([], queued[:2])  # a relay that crashed queues them again
        claimed = await store.claim_deliveries(NOW, lease_ms=500, limit=10, per_webhook=2)
        assert sorted((d.webhook.id, d.event_id) for d in claimed) == [
            ("wh_a", "evt_0"),
            ("wh_a", "evt_1"),
            ("wh_b", "evt_0"),
            ("wh_b", "evt_1"),
        ]
        first = next(d for d in claimed if d.webhook.id == "wh_a" and d.event_id == "evt_0")
        assert first.payload == b'{"n":0}' and first.attempts == 0
        assert first.state is DeliveryState.PENDING and first.webhook.owner == "alice"
        later = await store.claim_deliveries(NOW + 1, lease_ms=500, limit=10, per_webhook=2)
        assert sorted((d.webhook.id, d.event_id) for d in later) == [
            ("wh_a", "evt_2"),
            ("wh_b", "evt_2"),
        ]
        for d in claimed + later:
            if d.webhook.id == "wh_a":
                await store.finish_delivery(
                    d.id, now_ms=NOW + 2, state=DeliveryState.DELIVERED, next_ms=NOW + 2, error=None
                )
            elif d.event_id == "evt_0":
                await store.finish_delivery(
                    d.id, now_ms=NOW + 2, state=DeliveryState.DEAD, next_ms=NOW + 2, error="500"
                )
            else:
                await store.finish_delivery(
                    d.id, now_ms=NOW + 2, state=DeliveryState.PENDING, next_ms=NOW + 100, error="x"
                )
        assert await store.claim_deliveries(NOW + 99, lease_ms=5, limit=10, per_webhook=9) == []
        skipped = await store.claim_deliveries(
            NOW + 100, lease_ms=5, limit=10, per_webhook=9, skip=frozenset({"wh_b"})
        )
        assert skipped == []  # wh_b has enough in flight
        retried = await store.claim_deliveries(NOW + 100, lease_ms=5, limit=10, per_webhook=9)
        assert sorted(d.event_id for d in retried) == ["evt_1", "evt_2"]
        assert all(d.attempts == 1 and d.last_error == "x" for d in retried)
        for d in retried:
            await store.finish_delivery(
                d.id, now_ms=NOW + 101, state=DeliveryState.DELIVERED, next_ms=NOW + 101, error=None
            )
        (dead,) = await store.deliveries(DeliveryState.DEAD, limit=10)
        assert (dead.webhook.id, dead.event_id, dead.last_error) == ("wh_b", "evt_0", "500")
        assert len(await store.deliveries(DeliveryState.DELIVERED, limit=10)) == 5
        assert len(await store.deliveries(None, limit=2)) == 2
        assert await store.replay_deliveries(None, NOW + 200) == 1
        (replayed,) = await store.claim_deliveries(NOW + 200, lease_ms=5, limit=10, per_webhook=9)
        assert (replayed.event_id, replayed.attempts) == ("evt_0", 0)
        assert await store.replay_deliveries([replayed.id], NOW + 300) == 1
        delivered = DeliveryState.DELIVERED
        assert await store.prune_deliveries(delivered, NOW + 3, limit=2) == 2
        assert await store.prune_deliveries(delivered, NOW + 3, limit=2) == 1
        await store.finish_delivery(
            replayed.id, now_ms=NOW + 400, state=DeliveryState.DEAD, next_ms=NOW + 400, error="x"
        )
        assert await store.prune_deliveries(DeliveryState.DEAD, NOW + 400, limit=9) == 0
        assert await store.prune_deliveries(DeliveryState.DEAD, NOW + 401, limit=9) == 1
        await store.delete_webhook("bob", "wh_b")
        assert await store.deliveries(None, limit=10) == []

    # -- offline notifications (D50) --------------------------------------------------------

    async def test_push_subscriptions_belong_to_their_device(self, store: Store) -> None:
        """One per device (a new one replaces it, and any with the same endpoint); only the
        owner lists or deletes one; a logout deletes the device's, a revocation all; at most
        MAX_SUBSCRIPTIONS_PER_USER."""
        await make_users(store, "alice", "bob")
        await store.create_push_subscription(subscription("ps_1", "alice", "phone"))
        await store.create_push_subscription(subscription("ps_2", "alice", "laptop"))
        await store.create_push_subscription(subscription("ps_3", "alice", "phone"))
        await store.create_push_subscription(subscription("ps_4", "bob", "tablet", "ps_2"))
        assert [(s.id, s.device) for s in await store.push_subscriptions("alice")] == [
            ("ps_3", "phone")
        ]
        assert [s.id for s in await store.push_subscriptions_of(["alice", "bob"])] == [
            "ps_3",
            "ps_4",
        ]
        with pytest.raises(ProtocolViolation) as err:
            await store.delete_push_subscription("alice", "ps_4")
        assert err.value.code is ErrorCode.NOT_FOUND
        assert await store.delete_push_subscriptions("alice", "laptop") == 0
        assert await store.delete_push_subscriptions("alice", "phone") == 1
        await store.delete_push_subscription("bob", "ps_4")
        assert await store.push_subscriptions_of(["alice", "bob"]) == []
        for i in range(MAX_SUBSCRIPTIONS_PER_USER):
            await store.create_push_subscription(subscription(f"ps_m{i}", "bob", f"d{i}"))
        with pytest.raises(ProtocolViolation) as err:
            await store.create_push_subscription(subscription("ps_x", "bob", "one-more"))
        assert err.value.code is ErrorCode.TOO_LARGE
        assert await store.delete_push_subscriptions("bob", None) == MAX_SUBSCRIPTIONS_PER_USER

    async def test_a_burst_is_one_pending_notification(self, store: Store) -> None:
        """Notifications of one member and conversation merge (the greater seq, the earlier
        due time), also when queued again after a crash; a claim leases them and carries the
        member's read position; finishing one keeps it if a later message merged in since."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        seqs = [await send(store, "alice", conv, f"m{i}") for i in range(3)]
        await store.mark_read("bob", conv, seqs[0])
        records = await store.claim_outbox(NOW, lease_ms=1000, limit=10)
        first = NewNotification("bob", conv, seqs[0], NOW + 100)
        await store.finish_outbox(records[:2], [], [first])
        await store.finish_outbox(records, [], [NewNotification("bob", conv, seqs[1], NOW + 150)])
        await store.finish_outbox(records, [], [first])  # again, after a crash
        assert await store.claim_notifications(NOW + 99, lease_ms=1000, limit=10) == []
        [due] = await store.claim_notifications(NOW + 100, lease_ms=1000, limit=10)
        assert (due.user, due.conv, due.seq, due.read_seq, due.attempts) == (
            "bob",
            conv,
            seqs[1],
            seqs[0],
            0,
        )
        assert await store.claim_notifications(NOW + 1099, lease_ms=1000, limit=10) == []
        # A later message while it was being sent: the row stays, for the next one.
        await store.finish_outbox([], [], [NewNotification("bob", conv, seqs[2], NOW + 400)])
        await store.finish_notifications([due], [])
        [later] = await store.claim_notifications(NOW + 400, lease_ms=1000, limit=10)
        assert later.seq == seqs[2]
        await store.finish_notifications([], [(later, NOW + 2000)])  # a retry
        [retried] = await store.claim_notifications(NOW + 2000, lease_ms=1000, limit=10)
        assert (retried.seq, retried.attempts) == (seqs[2], 1)
        await store.finish_notifications([retried], [])
        assert await store.claim_notifications(NOW + 10**6, lease_ms=1000, limit=10) == []

    async def test_concurrent_notification_claims_never_share_one(self, store: Store) -> None:
        await make_users(store, *(f"u{i}" for i in range(12)))
        convs = [
            (await store.create_direct("u0", f"u{i}", NOW))[0].result.conv for i in range(1, 12)
        ]
        notes = [NewNotification("u0", conv, 2, NOW) for conv in convs]
        await store.finish_outbox([], [], notes)
        parts = await asyncio.gather(
            *(store.claim_notifications(NOW, lease_ms=60_000, limit=4) for _ in range(4))
        )
        assert sorted(n.conv for part in parts for n in part) == sorted(convs)

    async def test_presence_is_per_node_and_lapses(self, store: Store) -> None:
        """A user is online while any node's row for them is live; a node's goodbye or the
        end of its TTL takes it away."""
        await make_users(store, "alice", "bob")
        await store.update_presence("n1", ["alice", "bob"], [], NOW + 100)
        await store.update_presence("n2", ["alice"], [], NOW + 500)
        assert await store.online(["alice", "bob", "carol"], NOW) == {"alice", "bob"}
        await store.update_presence("n1", [], ["bob"], NOW + 100)
        assert await store.online(["alice", "bob"], NOW) == {"alice"}
        assert await store.online(["alice", "bob"], NOW + 500) == frozenset()
        await store.update_presence("n2", ["alice"], [], NOW + 900)  # renewed
        assert await store.online(["alice"], NOW + 800) == {"alice"}

    async def test_the_push_key_is_made_once(self, store: Store) -> None:
        assert await store.claim_push_key("first") == "first"
        assert await store.claim_push_key("second") == "first"


class DurableStoreConformance(StoreConformance):
    """G1 across a restart: what a store acked is there when it is opened again."""

    async def test_retry_survives_reopen(self, store: Store, reopen: Reopen) -> None:
        """G1+G2: an acked append is there after reopening, and its retry gets the same seq."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        seq = await send(store, "alice", conv, "x")
        store = await reopen()
        assert await send(store, "alice", conv, "x") == seq
        assert [e.seq for e in await all_events(store, "bob", conv)] == [1, 2]

    async def test_the_outbox_survives_reopen(self, store: Store, reopen: Reopen) -> None:
        """A record claimed by a relay that then died is claimed again after its lease."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        assert len(await store.claim_outbox(NOW, lease_ms=1000, limit=10)) == 1
        await send(store, "alice", conv, "x")
        store = await reopen()
        assert [r.event.seq for r in await store.claim_outbox(NOW, lease_ms=1, limit=9)] == [2]
        assert [r.event.seq for r in await store.claim_outbox(NOW + 1000, lease_ms=1, limit=9)] == [
            1,
            2,
        ]

    async def test_the_admin_token_survives_reopen(self, store: Store, reopen: Reopen) -> None:
        """Every node of a store, and the same node after a restart, knows the one token."""
        await store.claim_admin_token(b"a" * 32)
        store = await reopen()
        assert await store.admin_token_hash() == b"a" * 32

    async def test_restore_brings_back_the_backup_under_a_new_epoch(
        self, store: Store, new_store: NewStore, tmp_path: Path
    ) -> None:
        """A backup taken while the store serves holds what was committed before it; a store
        restored from it has that, not what came after, under a new epoch (G4: clients with
        later cursors resync). Restoring into a place with no store keeps nothing."""
        await make_users(store, "alice", "bob")
        conv = (await store.create_direct("alice", "bob", NOW))[0].result.conv
        await send(store, "alice", conv, "m1")
        backup = tmp_path / "backups" / "first"
        backup.parent.mkdir()
        await store.backup(backup)
        await send(store, "alice", conv, "m2")
        restored = new_store(tmp_path / "restored")
        outcome = await restored.restore(backup)
        await restored.open()
        try:
            assert restored.epoch == outcome.epoch
            assert outcome.epoch not in ("", store.epoch)
            assert outcome.kept is None  # there was no store to keep
            assert await restored.last_seqs("alice") == {conv: 2}
        finally:
            await restored.close()

    async def test_backup_refuses_an_existing_file_and_a_place_without_a_store(
        self, store: Store, new_store: NewStore, tmp_path: Path
    ) -> None:
        """Overwriting a backup could destroy the only good copy; backing up a mistyped
        location would copy an empty store. Both are refused, creating nothing."""
        files = tmp_path / "backups"
        files.mkdir()
        older = files / "older"
        older.write_bytes(b"an older backup")
        with pytest.raises(DataDirRefused, match="exists"):
            await store.backup(older)
        assert older.read_bytes() == b"an older backup"
        with pytest.raises(DataDirRefused, match="no Pigeon store"):
            await new_store(tmp_path / "nothing").backup(files / "new")
        assert sorted(p.name for p in files.iterdir()) == ["older"]

    async def test_restore_refuses_a_bad_file_and_a_served_store(
        self, store: Store, new_store: NewStore, tmp_path: Path
    ) -> None:
        """A restore checks the file before touching anything, and never replaces a store a
        node is serving: the served store answers as before."""
        await make_users(store, "alice")
        epoch = store.epoch
        not_a_backup = tmp_path / "notes.txt"
        not_a_backup.write_text("hello")
        with pytest.raises(DataDirRefused):
            await new_store(tmp_path / "restored").restore(not_a_backup)
        with pytest.raises(DataDirRefused, match="no such file"):
            await new_store(tmp_path / "restored").restore(tmp_path / "missing")
        backup = tmp_path / "backup"
        await store.backup(backup)
        with pytest.raises(DataDirRefused, match="in use"):
            await store.restore(backup)  # the open store is the node serving it
        assert store.epoch == epoch and await store.account_exists("alice")
