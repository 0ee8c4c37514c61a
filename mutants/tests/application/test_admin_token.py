"""The node's admin token (item 13 of the hardening issue): made durably, refused when empty
or malformed, never compared as an empty secret."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from aiohttp.test_utils import make_mocked_request

from pigeon.application.control import Control
from pigeon.application.service import Service
from pigeon.errors import DataDirRefused, ErrorCode, ProtocolViolation
from pigeon.transport.admin_http import AdminApi, load_admin_token
from pigeon.transport.ws import WsEndpoint


def test_a_token_is_made_once_and_read_back(tmp_path: Path) -> None:
    token = load_admin_token(tmp_path)
    assert len(token) == 43
    assert load_admin_token(tmp_path) == token


@pytest.mark.parametrize("content", [b"", b"\n", b"   \n", b"abc\n", b"\xff" * 43, b"a b" * 20])
def test_an_empty_or_malformed_token_file_is_refused(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "admin.token").write_bytes(content)
    with pytest.raises(DataDirRefused, match="empty or malformed; delete it"):
        load_admin_token(tmp_path)
    assert (tmp_path / "admin.token").read_bytes() == content  # left for the operator


@pytest.mark.parametrize("header", [None, "Bearer ", "Bearer"])
def test_an_empty_configured_token_refuses_every_request(header: str | None) -> None:
    """Defence in depth: an AdminApi given an empty token authenticates nobody, not even a
    request with no credentials (whose token is also empty)."""
    api = AdminApi(cast(Service, None), cast(WsEndpoint, None), cast(Control, None), "")
    headers = {"Authorization": header} if header is not None else {}
    request = make_mocked_request("GET", "/v1/admin/connections", headers=headers)
    with pytest.raises(ProtocolViolation) as caught:
        api._check(request)
    assert caught.value.code is ErrorCode.UNAUTHENTICATED
