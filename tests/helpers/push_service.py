"""A local stand-in for a Web Push service (RFC 8030), since a real one cannot be reached
from the tests: it accepts ``POST /<name>`` the way a push service does, checks what a push
service checks, and decrypts the message as the browser would.

- ``TTL`` must be a number, ``Content-Encoding`` ``aes128gcm``;
- ``Authorization: vapid t=<JWT>, k=<public key>`` (RFC 8292): the ES256 signature must
  verify against ``k``, ``aud`` be this service's origin, ``exp`` in the next 24 hours;
- the body is decrypted (RFC 8291) with the private key of the subscription ``<name>``
  (:class:`BrowserKeys`, made by the test, registered through the API).

Each request is answered as ``schedule(name, attempt)`` says: 201, 404/410 (the subscription
is gone), 429/5xx (try later), or None to hang until the test ends. A request that fails a
check is answered 400 and recorded in ``refused``: a test asserts there are none.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tests.helpers.timing import TIMEOUT_S

Answer = int | None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _hkdf(salt: bytes, ikm: bytes, info: bytes, length: int) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


class BrowserKeys:
    """What a browser's PushManager makes for a subscription: a P-256 key pair and a 16-byte
    auth secret; it alone can decrypt what is sent to it."""

    def __init__(self) -> None:
        self._private = ec.generate_private_key(ec.SECP256R1())
        self.public = self._private.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.auth_secret = os.urandom(16)

    def keys(self) -> dict[str, str]:
        return {"p256dh": _b64(self.public), "auth": _b64(self.auth_secret)}

    def decrypt(self, body: bytes) -> bytes:
        """RFC 8291 section 4 from the receiving end (one record, RFC 8188)."""
        salt, record_size, id_length = body[:16], int.from_bytes(body[16:20], "big"), body[20]
        sender_public = body[21 : 21 + id_length]
        record = body[21 + id_length :]
        assert len(record) <= record_size, "one record of at most rs bytes"
        sender = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), sender_public)
        shared = self._private.exchange(ec.ECDH(), sender)
        info = b"WebPush: info\x00" + self.public + sender_public
        ikm = _hkdf(self.auth_secret, shared, info, 32)
        key = _hkdf(salt, ikm, b"Content-Encoding: aes128gcm\x00", 16)
        nonce = _hkdf(salt, ikm, b"Content-Encoding: nonce\x00", 12)
        padded = AESGCM(key).decrypt(nonce, record, None).rstrip(b"\x00")
        assert padded.endswith(b"\x02"), "the last record's delimiter"
        return padded[:-1]


def verify_vapid(authorization: str, audience: str, now_s: float) -> dict[str, Any]:
    """The claims of a valid VAPID header; AssertionError or InvalidSignature otherwise."""
    scheme, _, params = authorization.partition(" ")
    assert scheme == "vapid", authorization
    fields = dict(p.strip().split("=", 1) for p in params.split(","))
    token, public = fields["t"], _unb64(fields["k"])
    header, claims, signature = token.split(".")
    assert json.loads(_unb64(header)) == {"typ": "JWT", "alg": "ES256"}
    raw = _unb64(signature)
    assert len(raw) == 64, "ES256: r and s, 32 bytes each"
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), public)
    key.verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
    found: dict[str, Any] = json.loads(_unb64(claims))
    assert found["aud"] == audience, found
    assert now_s < found["exp"] <= now_s + 24 * 3600, found
    assert str(found["sub"]).startswith(("mailto:", "https:")), found
    return found


@dataclass
class Pushed:
    name: str
    payload: dict[str, Any]
    ttl: int
    topic: str | None


@dataclass
class PushService:
    schedule: Callable[[str, int], Answer] = lambda name, attempt: 201
    subscribers: dict[str, BrowserKeys] = field(default_factory=dict)
    received: list[Pushed] = field(default_factory=list)  # decrypted, every attempt
    attempts: dict[str, int] = field(default_factory=dict)  # name -> requests
    refused: list[str] = field(default_factory=list)
    arrived: asyncio.Condition = field(default_factory=asyncio.Condition)
    url: str = ""
    _release: asyncio.Event = field(default_factory=asyncio.Event)

    def subscribe(self, name: str) -> dict[str, Any]:
        """A new browser subscription at ``/<name>``: the body of POST /v1/push/subscriptions."""
        keys = self.subscribers[name] = BrowserKeys()
        return {"endpoint": f"{self.url}/{name}", "keys": keys.keys()}

    async def handle(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        body = await request.read()
        try:
            assert request.headers["Content-Encoding"] == "aes128gcm"
            ttl = int(request.headers["TTL"])
            verify_vapid(request.headers["Authorization"], self.url, time.time())
            payload = json.loads(self.subscribers[name].decrypt(body))
        except (AssertionError, KeyError, ValueError, InvalidSignature, InvalidTag) as exc:
            self.refused.append(f"{name}: {exc!r}")
            return web.Response(status=400)
        attempt = self.attempts[name] = self.attempts.get(name, 0) + 1
        answer = self.schedule(name, attempt)
        async with self.arrived:
            self.received.append(Pushed(name, payload, ttl, request.headers.get("Topic")))
            self.arrived.notify_all()
        if answer is None:
            await self._release.wait()
            return web.Response(status=201)
        return web.Response(status=answer)

    async def wait_for(self, ready: Callable[[], bool]) -> None:
        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(ready), TIMEOUT_S)

    def to(self, name: str) -> list[Pushed]:
        return [p for p in self.received if p.name == name]


@asynccontextmanager
async def push_service() -> AsyncIterator[PushService]:
    service = PushService()
    app = web.Application()
    app.router.add_post("/{name}", service.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    service.url = f"http://127.0.0.1:{port}"
    try:
        yield service
    finally:
        service._release.set()
        await runner.cleanup()
