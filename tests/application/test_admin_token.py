"""The admin token (item 13 of the hardening issue; D42): made durably, held by the store as a
hash so every node of a store takes the one token, refused when empty or malformed, never
compared as an empty secret."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from pigeon.application.hub import Hub
from pigeon.application.service import Service, hash_token
from pigeon.bus.memory import MemoryBus
from pigeon.config import Config
from pigeon.errors import DataDirRefused, ErrorCode, ProtocolViolation
from pigeon.ops.metrics import Metrics
from pigeon.store.memory import MemoryStore
from pigeon.transport.admin_http import read_admin_token, settle_admin_token


@pytest.fixture
async def store() -> AsyncIterator[MemoryStore]:
    memory = MemoryStore()
    await memory.open()
    yield memory
    await memory.close()


@pytest.fixture
def service(store: MemoryStore) -> Iterator[Service]:
    service = Service(Config(), store, Hub(MemoryBus(), store.events_after), Metrics())
    yield service
    service.close()


async def test_the_first_node_makes_the_token_and_the_store_keeps_its_hash(
    tmp_path: Path, store: MemoryStore, service: Service
) -> None:
    (tmp_path / "a").mkdir()
    await settle_admin_token(service, tmp_path / "a")
    token = read_admin_token(tmp_path / "a")
    assert token is not None and len(token) == 43
    assert await store.admin_token_hash() == hash_token(token)
    await settle_admin_token(service, tmp_path / "a")  # a restart keeps it
    assert read_admin_token(tmp_path / "a") == token


async def test_a_second_node_takes_the_stores_token_and_writes_none(
    tmp_path: Path, store: MemoryStore, service: Service
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    await settle_admin_token(service, tmp_path / "a")
    await settle_admin_token(service, tmp_path / "b")
    assert read_admin_token(tmp_path / "b") is None  # it does not know the token itself


async def test_an_operators_token_file_is_taken_into_the_store(
    tmp_path: Path, store: MemoryStore, service: Service
) -> None:
    """An install from before D42 keeps its token: the store had none, so the file's wins."""
    (tmp_path / "admin.token").write_text("x" * 40 + "\n")
    await settle_admin_token(service, tmp_path)
    assert await store.admin_token_hash() == hash_token("x" * 40)


async def test_a_stale_token_file_is_named_and_opens_nothing(
    tmp_path: Path,
    store: MemoryStore,
    service: Service,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await store.claim_admin_token(hash_token("y" * 40))
    (tmp_path / "admin.token").write_text("x" * 40 + "\n")
    with caplog.at_level(logging.WARNING, logger="pigeon.admin"):
        await settle_admin_token(service, tmp_path)
    assert "admin token file stale" in caplog.text
    assert await store.admin_token_hash() == hash_token("y" * 40)


@pytest.mark.parametrize("content", [b"", b"\n", b"   \n", b"abc\n", b"\xff" * 43, b"a b" * 20])
async def test_an_empty_or_malformed_token_file_is_refused(
    tmp_path: Path, store: MemoryStore, service: Service, content: bytes
) -> None:
    (tmp_path / "admin.token").write_bytes(content)
    with pytest.raises(DataDirRefused, match="empty or malformed; delete it"):
        await settle_admin_token(service, tmp_path)
    assert (tmp_path / "admin.token").read_bytes() == content  # left for the operator
    assert await store.admin_token_hash() is None


@pytest.mark.parametrize("given", [None, "", "x" * 40])
async def test_with_no_token_in_the_store_every_request_is_refused(
    store: MemoryStore, service: Service, given: str | None
) -> None:
    """Defence in depth: a store holding no admin token authenticates nobody, not even a
    request with no credentials."""
    with pytest.raises(ProtocolViolation) as caught:
        await service.check_admin_token(given)
    assert caught.value.code is ErrorCode.UNAUTHENTICATED
    await store.claim_admin_token(hash_token("x" * 40))
    await service.check_admin_token("x" * 40)
    with pytest.raises(ProtocolViolation):
        await service.check_admin_token("x" * 41)
