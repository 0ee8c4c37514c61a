"""The Pigeon Python SDK: an async client that hides failures from the app.

- :class:`Client`: the WebSocket client (auto-reconnect, outbox with retry, exactly-once
  in-order delivery with gap fill, resume from a state file). Start here.
- :class:`HttpClient`: every HTTP route (accounts, conversations, messages).
- :class:`ApiError`: the server refused a request; ``code`` is its :class:`ErrorCode`.
- :func:`verify_webhook`: check a webhook delivery's signature (:mod:`pigeon.sdk.webhooks`).

The SDK imports :mod:`pigeon.core` and :mod:`pigeon.errors`, never the server.
"""

from pigeon.core.frames import TypingNotice
from pigeon.core.http_api import (
    AckResponse,
    ConversationCreated,
    LoginResponse,
    PageResponse,
)
from pigeon.core.records import (
    AppendResult,
    ConversationKind,
    ConversationSummary,
    Event,
    EventKind,
    Role,
)
from pigeon.errors import ErrorCode, PigeonError, PigeonTimeoutError
from pigeon.sdk.client import Client, ClientStatistics
from pigeon.sdk.errors import ApiError, ClientClosed, InvalidServerUrl, ServerUnreachable
from pigeon.sdk.http import HttpClient, new_client_msg_id
from pigeon.sdk.outbox import OutboxFull
from pigeon.sdk.sync import Delivery, Resynced, SyncState
from pigeon.sdk.webhooks import WebhookEvent, WebhookSignatureError, verify_webhook

__all__ = [
    "AckResponse",
    "ApiError",
    "AppendResult",
    "Client",
    "ClientClosed",
    "ClientStatistics",
    "ConversationCreated",
    "ConversationKind",
    "ConversationSummary",
    "Delivery",
    "ErrorCode",
    "Event",
    "EventKind",
    "HttpClient",
    "InvalidServerUrl",
    "LoginResponse",
    "OutboxFull",
    "PageResponse",
    "PigeonError",
    "PigeonTimeoutError",
    "Resynced",
    "Role",
    "ServerUnreachable",
    "SyncState",
    "TypingNotice",
    "WebhookEvent",
    "WebhookSignatureError",
    "new_client_msg_id",
    "verify_webhook",
]
