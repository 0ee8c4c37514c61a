"""The Web Push notifier's cryptography against an independent receiving end
(tests/helpers/push_service.py, as a browser and a push service do it): RFC 8291's
aes128gcm body decrypts with the subscription's private key, RFC 8292's VAPID header
verifies against its own public key, and the key survives its PEM form (the store keeps it)."""

from __future__ import annotations

import ipaddress
import time

import pytest
from aiohttp import web
from cryptography.exceptions import InvalidSignature, InvalidTag

from pigeon.core.notifications import PushResult
from pigeon.transport.webpush import Vapid, WebPushNotifier, encrypt, new_private_key
from tests.helpers.push_service import BrowserKeys, verify_vapid


def test_a_notification_decrypts_with_the_browsers_key() -> None:
    browser = BrowserKeys()
    keys = browser.keys()
    body = encrypt(b'{"type":"messages"}', keys["p256dh"], keys["auth"])
    assert browser.decrypt(body) == b'{"type":"messages"}'
    again = encrypt(b"x", keys["p256dh"], keys["auth"])
    assert again != encrypt(b"x", keys["p256dh"], keys["auth"])  # a new salt and key each time


def test_another_browser_cannot_decrypt_it() -> None:
    keys = BrowserKeys().keys()
    with pytest.raises(InvalidTag):
        BrowserKeys().decrypt(encrypt(b"secret", keys["p256dh"], keys["auth"]))


def test_the_vapid_header_verifies_against_its_key() -> None:
    pem = new_private_key()
    vapid = Vapid(pem, "mailto:ops@example.org")
    now = int(time.time())
    header = vapid.authorization("https://push.example.net/wpush/abc", now)
    claims = verify_vapid(header, "https://push.example.net", now)
    assert claims["sub"] == "mailto:ops@example.org"
    assert Vapid(pem, "mailto:ops@example.org").public_key == vapid.public_key
    assert header == vapid.authorization("https://push.example.net/other", now + 60)  # reused
    forged = header.replace(vapid.public_key, Vapid(new_private_key(), "mailto:x").public_key)
    with pytest.raises(InvalidSignature):
        verify_vapid(forged, "https://push.example.net", now)


async def test_a_push_service_on_an_internal_address_is_never_reached() -> None:
    """A subscription's endpoint is a user's choice (D59): on loopback it gets no request
    and the subscription is dropped (GONE), unless the operator allows that network."""
    received: list[str] = []

    async def take(request: web.Request) -> web.Response:
        received.append(request.path)
        return web.Response(status=201)

    app = web.Application()
    app.router.add_post("/{name}", take)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    keys = BrowserKeys().keys()
    vapid = Vapid(new_private_key(), "mailto:ops@example.org")
    try:
        for allowed, endpoint, expected in [
            ((), f"http://127.0.0.1:{port}/a", PushResult.GONE),
            ((), f"http://localhost:{port}/b", PushResult.GONE),
            (
                (ipaddress.ip_network("127.0.0.0/8"),),
                f"http://127.0.0.1:{port}/c",
                PushResult.DELIVERED,
            ),
        ]:
            notifier = WebPushNotifier(vapid, 5.0, connections=2, allowed_networks=allowed)
            await notifier.open()
            try:
                result = await notifier.push(
                    endpoint, keys["p256dh"], keys["auth"], b"{}", topic="t"
                )
            finally:
                await notifier.close()
            assert result is expected, endpoint
        assert received == ["/c"]
    finally:
        await runner.cleanup()
