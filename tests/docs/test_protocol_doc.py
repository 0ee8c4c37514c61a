"""``docs/PROTOCOL.md`` against the code: every error code, frame, field, route, event kind,
session transition and configuration default the client reference names must match the source.

When one of these fails, the code changed and the doc did not: update ``docs/PROTOCOL.md``.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import msgspec
import pytest

from pigeon.config import Config
from pigeon.core import frames, http_api, idempotency
from pigeon.core.records import ConversationSummary, Event, EventKind
from pigeon.core.session import TRANSITIONS, SessionState
from pigeon.errors import ErrorCode

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "PROTOCOL.md"

# Configuration that is not a G6 bound: where to listen, where to store, how to log, the
# password hashing cost, and the handles refused at register (documented there).
NOT_PROTOCOL_CONFIG = frozenset(
    {
        "reserved_handles",
        "host",
        "port",
        "listen_backlog",
        "data_dir",
        "log_level",
        "argon2_time_cost",
        "argon2_memory_kib",
        "store_probe_interval_s",
        "allowed_hosts",
        "allowed_origins",
        "metrics_host",
        "metrics_port",
        "store",
        "bus",
        "bus_backstop_s",
        "trusted_proxies",  # who the client is behind a proxy: OPERATIONS.md
        "push_subject",  # the operator's contact in VAPID tokens: OPERATIONS.md
        "outbound_allowed_networks",  # where deliveries may go: OPERATIONS.md, PROTOCOL.md
    }
)


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC_PATH.read_text(encoding="utf-8")


def table_rows(text: str) -> list[list[str]]:
    """The cells of every Markdown table row in ``text`` (separator rows excluded)."""
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|") or re.fullmatch(r"\|[\s|:-]*\|", line):
            continue
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def headings(text: str) -> list[str]:
    return [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]


def section(text: str, heading: str) -> str:
    """The text from the heading line ``heading`` up to the next heading of its level or above."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == heading)
    level = len(heading) - len(heading.lstrip("#"))
    end = len(lines)
    for i in range(start + 1, len(lines)):
        hashes = len(lines[i]) - len(lines[i].lstrip("#"))
        if 0 < hashes <= level:
            end = i
            break
    return "\n".join(lines[start:end])


def frame_classes(union: object) -> list[type[msgspec.Struct]]:
    return list(typing.get_args(union))


def tag_of(cls: type[msgspec.Struct]) -> str:
    tag = cls.__struct_config__.tag
    assert isinstance(tag, str), cls
    return tag


def wire_fields(cls: type[msgspec.Struct]) -> list[str]:
    return [field.encode_name for field in msgspec.structs.fields(cls)]


def error_table(doc: str) -> dict[str, list[str]]:
    """Rows of the error code table, by code: the rows whose first cell is a backticked code."""
    codes = {code.value for code in ErrorCode}
    table: dict[str, list[str]] = {}
    for row in table_rows(section(doc, "## 5. Error codes")):
        match = re.fullmatch(r"`([a-z_]+)`", row[0])
        if match and match.group(1) in codes:
            table[match.group(1)] = row
    return table


def test_every_error_code_is_in_the_error_table(doc: str) -> None:
    """Each ErrorCode wire value has a row in the error table of section 5."""
    missing = {code.value for code in ErrorCode} - set(error_table(doc))
    assert not missing, f"error codes missing from PROTOCOL.md's error table: {sorted(missing)}"


def test_error_table_statuses_match_the_code(doc: str) -> None:
    """Each error table row gives the HTTP status its ErrorCode has."""
    table = error_table(doc)
    wrong = {
        code.value: (table[code.value][1], code.status)
        for code in ErrorCode
        if code.value in table and table[code.value][1] != str(code.status)
    }
    assert not wrong, f"documented vs actual HTTP status: {wrong}"


def test_error_table_explains_each_code(doc: str) -> None:
    """Each error table row says when the code happens and what the client does."""
    for code, row in error_table(doc).items():
        assert len(row) == 4 and all(row[2:]), f"row for {code} is incomplete: {row}"


@pytest.mark.parametrize(
    "cls",
    frame_classes(frames.ClientFrame) + frame_classes(frames.ServerFrame),
    ids=lambda cls: cls.__name__,
)
def test_every_frame_tag_is_documented(doc: str, cls: type[msgspec.Struct]) -> None:
    """The frame's ``type`` tag appears as a heading or in backticks."""
    tag = tag_of(cls)
    in_heading = any(re.search(rf"\b{re.escape(tag)}\b", h) for h in headings(doc))
    assert in_heading or f"`{tag}`" in doc, f"frame type {tag!r} is not in PROTOCOL.md"


@pytest.mark.parametrize(
    "cls",
    frame_classes(frames.ClientFrame) + frame_classes(frames.ServerFrame),
    ids=lambda cls: cls.__name__,
)
def test_every_frame_field_is_documented(doc: str, cls: type[msgspec.Struct]) -> None:
    """Each field of the frame appears in backticks in PROTOCOL.md."""
    missing = [name for name in wire_fields(cls) if f"`{name}`" not in doc]
    assert not missing, f"fields of {tag_of(cls)!r} missing from PROTOCOL.md: {missing}"


def test_every_http_route_is_documented(doc: str) -> None:
    """Each route of core.http_api.ROUTES appears as ``METHOD /path``."""
    missing = [
        f"{route.method} {route.path}"
        for route in http_api.ROUTES
        if f"{route.method} {route.path}" not in doc
    ]
    assert not missing, f"routes missing from PROTOCOL.md: {missing}"


def test_every_http_body_field_is_documented(doc: str) -> None:
    """Each field of every route's request and response body appears in backticks."""
    bodies = {kind for route in http_api.ROUTES for kind in (route.request, route.response) if kind}
    bodies.add(http_api.ErrorResponse)
    missing = sorted(
        f"{kind.__name__}.{name}"
        for kind in bodies
        if issubclass(kind, msgspec.Struct)
        for name in wire_fields(kind)
        if f"`{name}`" not in doc
    )
    assert not missing, f"HTTP body fields missing from PROTOCOL.md: {missing}"


def test_every_event_kind_is_documented(doc: str) -> None:
    """Each EventKind value appears in backticks."""
    missing = [kind.value for kind in EventKind if f"`{kind.value}`" not in doc]
    assert not missing, f"event kinds missing from PROTOCOL.md: {missing}"


@pytest.mark.parametrize("cls", [Event, ConversationSummary], ids=lambda cls: cls.__name__)
def test_every_record_field_is_documented(doc: str, cls: type[msgspec.Struct]) -> None:
    """Each field of an event and of a conversation row appears in backticks."""
    missing = [name for name in wire_fields(cls) if f"`{name}`" not in doc]
    assert not missing, f"fields of {cls.__name__} missing from PROTOCOL.md: {missing}"


def test_session_transitions_table_matches_the_code(doc: str) -> None:
    """The rendered TRANSITIONS table has exactly the transitions of core.session."""
    states = {state.name for state in SessionState}
    documented = set()
    for row in table_rows(doc):
        cells = [re.fullmatch(r"`(\w+)`", cell) for cell in row]
        if len(row) == 3 and all(cells) and row[0].strip("`") in states:
            documented.add(tuple(cell.strip("`") for cell in row))
    actual = {(state.name, what, target.name) for (state, what), target in TRANSITIONS.items()}
    assert documented == actual


def test_config_defaults_match_the_code(doc: str) -> None:
    """Each documented configuration limit exists, and its default is the code's."""
    fields = set(Config.__struct_fields__)
    defaults = Config()
    documented: dict[str, str] = {}
    for row in table_rows(section(doc, "### G6: graceful overload")):
        match = re.fullmatch(r"`(\w+)`", row[0])
        if match and match.group(1) in fields:
            documented[match.group(1)] = row[1]
    missing = fields - NOT_PROTOCOL_CONFIG - set(documented)
    assert not missing, f"configuration missing from the G6 table: {sorted(missing)}"
    wrong = {}
    for name, cell in documented.items():
        number = re.search(r"\d[\d,_]*(\.\d+)?", cell)
        expected = float(getattr(defaults, name))
        if number is None or float(re.sub(r"[,_]", "", number.group())) != expected:
            wrong[name] = (cell, getattr(defaults, name))
    assert not wrong, f"documented vs actual defaults: {wrong}"


def test_every_idempotency_case_is_in_the_g2_table(doc: str) -> None:
    """The G2 table has a row for each numbered case of core.idempotency."""
    assert idempotency.__doc__ is not None
    cases = set(re.findall(r"^(\d+)\. ", idempotency.__doc__, flags=re.MULTILINE))
    assert cases, "no numbered cases found in pigeon.core.idempotency"
    rows = {row[0] for row in table_rows(section(doc, "### G2: idempotent send"))}
    assert cases <= rows, f"G2 cases missing from the table: {sorted(cases - rows, key=int)}"
