"""Callbacks as well as the iterator: handlers registered per kind of event.

The iterator (:meth:`pigeon.sdk.Client.events`) stays the primary API. An app that prefers
handlers, as matrix-nio and the Slack SDK allow, registers them with
:meth:`~pigeon.sdk.Client.on_message` and its siblings and then awaits
:meth:`~pigeon.sdk.Client.run`, which takes events in the same exactly-once order and calls
the handlers of each one in registration order. A handler is a plain function or a coroutine
function; an event counts as consumed (for the state file) once its handlers have returned.

This module does no network I/O; the Client drives it.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

from pigeon.core.records import Event, EventKind
from pigeon.sdk.sync import Delivery, Resynced

EventHandler = Callable[[Event], Awaitable[None] | None]
ResyncHandler = Callable[[Resynced], Awaitable[None] | None]
H = TypeVar("H", EventHandler, ResyncHandler)

# Which handler list each kind of event goes to. `created` opens the membership (it names the
# first members), so it goes with the member changes.
MEMBER_KINDS = (
    EventKind.CREATED,
    EventKind.MEMBER_ADDED,
    EventKind.MEMBER_REMOVED,
    EventKind.OWNER_CHANGED,
)


class Handlers:
    """The handlers registered on one client, by kind of delivery."""

    def __init__(self) -> None:
        self.by_kind: dict[EventKind, list[EventHandler]] = {kind: [] for kind in EventKind}
        self.resync: list[ResyncHandler] = []

    def add(self, kinds: Iterable[EventKind], handler: EventHandler) -> None:
        """Call ``handler`` for every event of these ``kinds``."""
        for kind in kinds:
            self.by_kind[kind].append(handler)

    async def dispatch(self, item: Delivery) -> None:
        """Call every handler of ``item``, in registration order, awaiting coroutines.
        A handler's exception propagates (the event is then not consumed)."""
        if isinstance(item, Resynced):
            for on_resync in self.resync:
                await _settle(on_resync(item))
        else:
            for handler in self.by_kind[item.kind]:
                await _settle(handler(item))


async def _settle(result: Awaitable[None] | None) -> None:
    if inspect.isawaitable(result):
        await result
