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


from mutmut.mutation.trampoline import wrap_in_trampoline as _mutmut_mutated, MutantDict
mutants_x_original_ack__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_original_ack__mutmut)
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


def x_original_ack__mutmut_orig(
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


def x_original_ack__mutmut_1(
    existing: Event,
    *,
    kind: EventKind,
    body: str | None,
    meta: MessageMeta | None,
    target_seq: int | None,
) -> AppendResult:
    """The ack for a retried client id, or ``conflict`` if the retry differs from the original."""
    same = None
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


def x_original_ack__mutmut_2(
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
        and existing.target_seq == target_seq or existing.meta == meta
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


def x_original_ack__mutmut_3(
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
        and existing.body == body or existing.target_seq == target_seq
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


def x_original_ack__mutmut_4(
    existing: Event,
    *,
    kind: EventKind,
    body: str | None,
    meta: MessageMeta | None,
    target_seq: int | None,
) -> AppendResult:
    """The ack for a retried client id, or ``conflict`` if the retry differs from the original."""
    same = (
        existing.kind is kind or existing.body == body
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


def x_original_ack__mutmut_5(
    existing: Event,
    *,
    kind: EventKind,
    body: str | None,
    meta: MessageMeta | None,
    target_seq: int | None,
) -> AppendResult:
    """The ack for a retried client id, or ``conflict`` if the retry differs from the original."""
    same = (
        existing.kind is not kind
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


def x_original_ack__mutmut_6(
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
        and existing.body != body
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


def x_original_ack__mutmut_7(
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
        and existing.target_seq != target_seq
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


def x_original_ack__mutmut_8(
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
        and existing.meta != meta
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


def x_original_ack__mutmut_9(
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
    if same:
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


def x_original_ack__mutmut_10(
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
            None, "client_msg_id was already used for different content"
        )
    return AppendResult(
        conv=existing.conv,
        seq=existing.seq,
        ts=existing.ts,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_11(
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
            ErrorCode.CONFLICT, None
        )
    return AppendResult(
        conv=existing.conv,
        seq=existing.seq,
        ts=existing.ts,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_12(
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
            "client_msg_id was already used for different content"
        )
    return AppendResult(
        conv=existing.conv,
        seq=existing.seq,
        ts=existing.ts,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_13(
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
            ErrorCode.CONFLICT, )
    return AppendResult(
        conv=existing.conv,
        seq=existing.seq,
        ts=existing.ts,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_14(
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
            ErrorCode.CONFLICT, "XXclient_msg_id was already used for different contentXX"
        )
    return AppendResult(
        conv=existing.conv,
        seq=existing.seq,
        ts=existing.ts,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_15(
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
            ErrorCode.CONFLICT, "CLIENT_MSG_ID WAS ALREADY USED FOR DIFFERENT CONTENT"
        )
    return AppendResult(
        conv=existing.conv,
        seq=existing.seq,
        ts=existing.ts,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_16(
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
        conv=None,
        seq=existing.seq,
        ts=existing.ts,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_17(
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
        seq=None,
        ts=existing.ts,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_18(
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
        ts=None,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_19(
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
        client_msg_id=None,
        duplicate=True,
    )


def x_original_ack__mutmut_20(
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
        duplicate=None,
    )


def x_original_ack__mutmut_21(
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
        seq=existing.seq,
        ts=existing.ts,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_22(
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
        ts=existing.ts,
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_23(
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
        client_msg_id=existing.client_msg_id,
        duplicate=True,
    )


def x_original_ack__mutmut_24(
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
        duplicate=True,
    )


def x_original_ack__mutmut_25(
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
        )


def x_original_ack__mutmut_26(
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
        duplicate=False,
    )

mutants_x_original_ack__mutmut['_mutmut_orig'] = x_original_ack__mutmut_orig # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_1'] = x_original_ack__mutmut_1 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_2'] = x_original_ack__mutmut_2 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_3'] = x_original_ack__mutmut_3 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_4'] = x_original_ack__mutmut_4 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_5'] = x_original_ack__mutmut_5 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_6'] = x_original_ack__mutmut_6 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_7'] = x_original_ack__mutmut_7 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_8'] = x_original_ack__mutmut_8 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_9'] = x_original_ack__mutmut_9 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_10'] = x_original_ack__mutmut_10 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_11'] = x_original_ack__mutmut_11 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_12'] = x_original_ack__mutmut_12 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_13'] = x_original_ack__mutmut_13 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_14'] = x_original_ack__mutmut_14 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_15'] = x_original_ack__mutmut_15 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_16'] = x_original_ack__mutmut_16 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_17'] = x_original_ack__mutmut_17 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_18'] = x_original_ack__mutmut_18 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_19'] = x_original_ack__mutmut_19 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_20'] = x_original_ack__mutmut_20 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_21'] = x_original_ack__mutmut_21 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_22'] = x_original_ack__mutmut_22 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_23'] = x_original_ack__mutmut_23 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_24'] = x_original_ack__mutmut_24 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_25'] = x_original_ack__mutmut_25 # type: ignore # mutmut generated
mutants_x_original_ack__mutmut['x_original_ack__mutmut_26'] = x_original_ack__mutmut_26 # type: ignore # mutmut generated
