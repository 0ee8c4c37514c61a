"""Receiving Pigeon's webhooks: check a delivery's ``Pigeon-Signature`` before trusting it.

::

    from pigeon.sdk import WebhookEvent, WebhookSignatureError, verify_webhook

    async def receive(request: web.Request) -> web.Response:
        body = await request.read()  # the raw bytes: never re-encoded JSON
        try:
            verify_webhook(request.headers["Pigeon-Signature"], body, SECRET, now_s=time.time())
        except (KeyError, WebhookSignatureError):
            return web.Response(status=400)
        event = msgspec.json.decode(body, type=WebhookEvent)  # deduplicate by event.id
        ...
        return web.Response(status=204)

The check (docs/PROTOCOL.md, "Deliveries"): one ``v1`` of the header must equal the hex
HMAC-SHA256 of ``"<t>.<raw body>"`` under the endpoint's secret, compared in constant time,
and ``t`` must be within 300 s of the receiver's clock. During a secret rotation each
delivery carries a signature per secret, so a receiver holding either one accepts it.
"""

from pigeon.core.webhooks import SIGNATURE_HEADER, SIGNATURE_TOLERANCE_S, WebhookEvent
from pigeon.core.webhooks import SignatureError as WebhookSignatureError
from pigeon.core.webhooks import verify_signature as verify_webhook

__all__ = [
    "SIGNATURE_HEADER",
    "SIGNATURE_TOLERANCE_S",
    "WebhookEvent",
    "WebhookSignatureError",
    "verify_webhook",
]
