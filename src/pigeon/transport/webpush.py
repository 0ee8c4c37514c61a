"""The Web Push notifier: RFC 8030 (the push protocol), RFC 8291 (message encryption,
``aes128gcm`` of RFC 8188) and RFC 8292 (VAPID), on one aiohttp session.

Built from the ``cryptography`` package's primitives (P-256 ECDH and ECDSA, HKDF-SHA256,
AES-128-GCM): the RFCs' constructions are short and fixed, and pywebpush (which wraps the
same primitives through http_ece and py_vapid) pulls a synchronous HTTP client we would run
in threads (docs/DECISIONS.md D50).
"""

from __future__ import annotations

import base64
import json
import os
import time

import aiohttp
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pigeon.core import notifications
from pigeon.core.destinations import Network
from pigeon.core.notifications import PushResult
from pigeon.transport.outbound import DestinationRefused, OutboundSession

RECORD_SIZE = 4096  # RFC 8291 section 4: a push message is one record of at most 4096 bytes
CONNECTIONS_PER_HOST = 8  # a handful of push services serve every browser
# A VAPID token is reused until this close to its expiry, then made again.
TOKEN_RENEW_S = 3600


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_private_key() -> str:
    """A new VAPID key (P-256), as PKCS#8 PEM: what the store keeps."""
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def _public_bytes(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


def _hkdf(salt: bytes, ikm: bytes, info: bytes, length: int) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


def encrypt(payload: bytes, p256dh: str, auth: str, *, salt: bytes | None = None) -> bytes:
    """The ``aes128gcm`` body of RFC 8291 section 4 for this subscription's keys: a header
    (salt, record size, the sender's ephemeral public key) and one record."""
    ua_public = b64url_decode(p256dh)
    auth_secret = b64url_decode(auth)
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    as_public = _public_bytes(ephemeral.public_key())
    ua_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), ua_public)
    ecdh_secret = ephemeral.exchange(ec.ECDH(), ua_key)
    ikm = _hkdf(auth_secret, ecdh_secret, b"WebPush: info\x00" + ua_public + as_public, 32)
    salt = salt if salt is not None else os.urandom(16)
    cek = _hkdf(salt, ikm, b"Content-Encoding: aes128gcm\x00", 16)
    nonce = _hkdf(salt, ikm, b"Content-Encoding: nonce\x00", 12)
    record = AESGCM(cek).encrypt(nonce, payload + b"\x02", None)  # 0x02: the last record
    header = salt + RECORD_SIZE.to_bytes(4, "big") + bytes([len(as_public)]) + as_public
    return header + record


class Vapid:
    """The cluster's VAPID key (RFC 8292): signs a token per push service origin."""

    def __init__(self, private_pem: str, subject: str) -> None:
        key = serialization.load_pem_private_key(private_pem.encode(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError("the VAPID key is not an elliptic-curve key")
        self._key = key
        self._subject = subject
        self.public_key = b64url(_public_bytes(key.public_key()))  # applicationServerKey
        self._tokens: dict[str, tuple[str, int]] = {}  # audience -> token, expiry

    def authorization(self, endpoint: str, now_s: int) -> str:
        audience = notifications.audience(endpoint)
        cached = self._tokens.get(audience)
        if cached is None or cached[1] - now_s < TOKEN_RENEW_S:
            claims = notifications.vapid_claims(endpoint, self._subject, now_s)
            cached = (self._token(claims), int(claims["exp"]))
            self._tokens[audience] = cached
        return f"vapid t={cached[0]}, k={self.public_key}"

    def _token(self, claims: dict[str, str | int]) -> str:
        header = b64url(json.dumps({"typ": "JWT", "alg": "ES256"}).encode())
        body = b64url(json.dumps(claims, separators=(",", ":")).encode())
        signed = f"{header}.{body}".encode()
        r, s = decode_dss_signature(self._key.sign(signed, ec.ECDSA(hashes.SHA256())))
        return f"{header}.{body}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"


class WebPushNotifier(OutboundSession):
    """POSTs encrypted notifications to subscriptions' push services (the notifier of
    :mod:`pigeon.application.notify`), each within ``timeout_s``."""

    per_host = CONNECTIONS_PER_HOST

    def __init__(
        self,
        vapid: Vapid,
        timeout_s: float,
        *,
        connections: int,
        allowed_networks: tuple[Network, ...] = (),
    ) -> None:
        super().__init__(timeout_s, connections=connections, allowed_networks=allowed_networks)
        self.vapid = vapid

    async def push(
        self, endpoint: str, p256dh: str, auth: str, payload: bytes, *, topic: str
    ) -> PushResult:
        if self._session is None:
            return PushResult.RETRY
        try:
            body = encrypt(payload, p256dh, auth)
        except ValueError:  # keys that are no P-256 point: the subscription is unusable
            return PushResult.GONE
        headers = {
            "TTL": str(notifications.PUSH_TTL_S),
            "Content-Encoding": "aes128gcm",
            "Content-Type": "application/octet-stream",
            "Topic": topic,
            "Urgency": "normal",
            "Authorization": self.vapid.authorization(endpoint, int(time.time())),
        }
        try:
            async with self._session.post(
                endpoint, data=body, headers=headers, allow_redirects=False
            ) as response:
                return notifications.push_result(response.status)
        except TimeoutError:
            return notifications.push_result(None)
        except aiohttp.ClientConnectorError as exc:
            if isinstance(exc.os_error, DestinationRefused):
                return PushResult.GONE  # an endpoint it may never reach: unusable
            return notifications.push_result(None)
        except (aiohttp.ClientError, OSError, ValueError):
            return notifications.push_result(None)
