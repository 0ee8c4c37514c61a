"""Bugs planted on purpose, each behind its own switch (a class passed to ``simulate``), to show
that the simulation's checker finds what it claims to (docs/DECISIONS.md D47). Nothing here
ships: the simulation takes these only as arguments."""

from __future__ import annotations

import msgspec

from pigeon.core.records import Event, EventKind, MessageMeta
from pigeon.core.sequencing import Timeline
from pigeon.sdk.sync import Sync
from pigeon.simulation import SimStore
from pigeon.store.base import Appended, LogPage


class LosingStore(SimStore):
    """Acks the fifth message, then loses it: the next append takes its seq."""

    appended = 0

    async def append(
        self,
        sender: str,
        conv: str,
        kind: EventKind,
        *,
        client_msg_id: str,
        body: str | None,
        meta: MessageMeta | None,
        target_seq: int | None,
        now_ms: int,
    ) -> Appended:
        appended = await super().append(
            sender,
            conv,
            kind,
            client_msg_id=client_msg_id,
            body=body,
            meta=meta,
            target_seq=target_seq,
            now_ms=now_ms,
        )
        if appended.event is not None:
            self.appended += 1
            if self.appended == 5:
                state = self._conversations[conv]
                state.events.pop()
                del state.sent[(sender, client_msg_id)]
        return appended


class ForgetfulStore(SimStore):
    """Ignores client ids: a send retried after an unknown outcome is appended again."""

    async def append(
        self,
        sender: str,
        conv: str,
        kind: EventKind,
        *,
        client_msg_id: str,
        body: str | None,
        meta: MessageMeta | None,
        target_seq: int | None,
        now_ms: int,
    ) -> Appended:
        state = self._conversations.get(conv)
        if state is not None:
            state.sent.clear()
        return await super().append(
            sender,
            conv,
            kind,
            client_msg_id=client_msg_id,
            body=body,
            meta=meta,
            target_seq=target_seq,
            now_ms=now_ms,
        )


class SkippingStore(SimStore):
    """History pages leave out seq 4 of every conversation (an app that skips a seq)."""

    async def read_page(
        self, user: str, conv: str, *, after: int | None, before: int | None, limit: int
    ) -> LogPage:
        page = await super().read_page(user, conv, after=after, before=before, limit=limit)
        return LogPage([e for e in page.events if e.seq != 4], page.more, page.last_seq)


class GarblingStore(SimStore):
    """The gateways' reads after a doorbell return seq 3's body altered."""

    async def events_after(self, conv: str, after: int, limit: int) -> list[Event]:
        events = await super().events_after(conv, after, limit)
        return [
            msgspec.structs.replace(e, body="garbled")
            if e.seq == 3 and e.kind is EventKind.MESSAGE
            else e
            for e in events
        ]


class HastyTimeline(Timeline):
    """Applies an event past a hole instead of holding it until the hole is pulled."""

    def observe(self, event: Event) -> list[Event]:
        if event.seq > self.cursor(event.conv) + 1:
            self._cursors[event.conv] = event.seq - 1
        return super().observe(event)


def hasty_sync(page_size: int) -> Sync:
    sync = Sync(page_size=page_size)
    sync.timeline = HastyTimeline(max_ahead=page_size)
    return sync


class CrashingStore(SimStore):
    """The gateways' reads after a doorbell raise an error no caller expects, once."""

    crashed = False

    async def events_after(self, conv: str, after: int, limit: int) -> list[Event]:
        if not self.crashed:
            self.crashed = True
            raise ValueError("planted")
        return await super().events_after(conv, after, limit)


class RejoinForgettingSync(Sync):
    """The SDK's Sync before its fix (D47): any removal of ours it reads is taken for our
    leave, even an old one in a log we were added back to."""

    def _leaves(self, event: Event) -> bool:
        return event.kind is EventKind.MEMBER_REMOVED and self.user in (event.members or ())


def rejoin_forgetting_sync(page_size: int) -> Sync:
    return RejoinForgettingSync(page_size=page_size)
