"""A proxy's own error page in front of Pigeon (HAProxy's 502 when the gateway behind it dies
during a request, 503 when none is up, 504 when it stalls) becomes the ApiError that says
what to do: ``unavailable`` or ``busy``, both retryable. Before, a 502 was ``internal`` (not
retryable), and a membership change the dying gateway had committed was taken as refused."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from pigeon.errors import ErrorCode
from pigeon.sdk import ApiError, HttpClient

# A proxy's page: HTML, not Pigeon's JSON error.
PAGE = b"<html><body><h1>%d Bad Gateway</h1>The server returned an invalid response.</body></html>"


@pytest.fixture
async def proxy_page() -> AsyncIterator[tuple[str, list[int]]]:
    """A real HTTP server on 127.0.0.1 that answers every request with the status at the
    head of its list, as a proxy's error page."""
    statuses: list[int] = []

    async def answer(request: web.Request) -> web.Response:
        status = statuses.pop(0)
        return web.Response(status=status, body=PAGE % status, content_type="text/html")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}", statuses
    finally:
        await runner.cleanup()


@pytest.mark.parametrize(
    ("status", "code", "retryable"),
    [
        (502, ErrorCode.UNAVAILABLE, True),
        (503, ErrorCode.BUSY, True),
        (504, ErrorCode.UNAVAILABLE, True),
        (500, ErrorCode.INTERNAL, False),
        (404, ErrorCode.NOT_FOUND, False),
    ],
)
async def test_a_proxys_error_page_is_the_error_its_status_means(
    proxy_page: tuple[str, list[int]], status: int, code: ErrorCode, retryable: bool
) -> None:
    url, statuses = proxy_page
    statuses.append(status)
    async with HttpClient(url, "token") as http:
        with pytest.raises(ApiError) as caught:
            await http.remove_member("c1", "bob")
    assert caught.value.code is code
    assert caught.value.retryable is retryable
    assert "<html>" not in str(caught.value)  # the page's body is not shown as the message
