"""Idempotent sends (G2): a (conversation, sender, client_msg_id) names one event forever.

The cases, each tested (see the table in docs/PROTOCOL.md):

1. first send                         -> appended, new seq
2. retry, same content                -> the original ack (same seq, same ts), duplicate=True
3. retry after a reconnect or restart -> the same: the key is stored with the event
4. same id, different content/kind    -> ``conflict``; nothing is stored
5. same id from another sender        -> independent: keys are per sender
6. same id in another conversation    -> independent: keys are per conversation
7. two copies in one group commit     -> the second sees the first (same transaction): case 2
8. a send refused (4xx)               -> nothing stored; the same id may be used again
"""

from __future__ import annotations

from pigeon.core.records import AppendResult, Event, EventKind, MessageMeta
from pigeon.errors import ErrorCode, ProtocolViolation


def original_ack(
    existing: Event,
    *,
    kind: EventKind,
    body: str | None,
    meta: MessageMeta | None,
    target_seq: int | None,
) -> AppendResult:
    """The ack for a retried client id, or ``conflict`` if the retry differs from the original."""
    same = (
        existing.kind is kind
        and existing.body == body
        and existing.target_seq == target_seq
        and existing.meta == meta
    )
    if not same:
        raise ProtocolViolation(
            ErrorCode.CONFLICT, "client_msg_id was already used for different content"
        )
    return AppendResult(
        conv=existing.conv,
        seq=existing.seq,
        ts=existing.ts,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )
