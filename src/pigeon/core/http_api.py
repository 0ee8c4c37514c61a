"""Bodies of the HTTP API, as msgspec Structs: validated in one pass, and the source of
``/openapi.json``. The routes themselves are listed in :data:`ROUTES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import msgspec

from pigeon.core import notifications
from pigeon.core.conversation import MAX_GROUP_MEMBERS, MAX_TITLE_CHARS
from pigeon.core.notifications import ENDPOINT_PATTERN
from pigeon.core.records import (
    CONV_ID_PATTERN,
    MAX_SEQ,
    NUL_FREE_PATTERN,
    ClientMsgId,
    ConversationSummary,
    ConvId,
    Event,
    Handle,
    MessageMeta,
    Seq,
)
from pigeon.core.webhooks import MAX_URL_CHARS, URL_PATTERN

# Each limit is defined once, here or in the core module whose rule it is (docs/PROTOCOL.md).
PASSWORD_MIN_CHARS = 8
PASSWORD_MAX_CHARS = 256
DEVICE_MAX_CHARS = 64
Password = Annotated[
    str, msgspec.Meta(min_length=PASSWORD_MIN_CHARS, max_length=PASSWORD_MAX_CHARS)
]
Device = Annotated[
    str, msgspec.Meta(min_length=1, max_length=DEVICE_MAX_CHARS, pattern=NUL_FREE_PATTERN)
]
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TITLE_CHARS)]


class _Body(msgspec.Struct, kw_only=True, omit_defaults=True):
    pass


class RegisterRequest(_Body):
    handle: Handle
    password: Password


class RegisterResponse(_Body):
    handle: str


class LoginRequest(_Body):
    handle: Handle
    password: Annotated[str, msgspec.Meta(max_length=PASSWORD_MAX_CHARS)]
    device: Device = "default"
    # The key a previous login on this device returned: such a login is not locked out by
    # other people's failed logins to the handle (docs/PROTOCOL.md, known devices).
    device_key: Annotated[str, msgspec.Meta(max_length=64)] | None = None


class LoginResponse(_Body):
    token: str
    handle: str
    device: str
    expires_at_ms: int
    device_key: str | None = None  # keep it, and send it with this device's next login


class DirectRequest(_Body):
    peer: Handle


class GroupRequest(_Body):
    title: Title
    # The creator is a member too: the group itself is capped by check_group.
    members: Annotated[list[Handle], msgspec.Meta(max_length=MAX_GROUP_MEMBERS)] = msgspec.field(
        default_factory=list
    )


class ConversationCreated(_Body):
    conv: str
    created: bool  # False when the direct conversation already existed


class MemberRequest(_Body):
    handle: Handle


class BlockRequest(_Body):
    handle: Handle


class BlocksResponse(_Body):
    blocks: list[str]


class SendRequest(_Body):
    client_msg_id: ClientMsgId
    body: str
    meta: MessageMeta | None = None


class EditRequest(_Body):
    client_msg_id: ClientMsgId
    body: str


class DeleteRequest(_Body):
    client_msg_id: ClientMsgId


class AckResponse(_Body):
    conv: str
    seq: int
    ts: int
    client_msg_id: str | None = None
    duplicate: bool = False


class ReadRequest(_Body):
    seq: Seq


class ReadResponse(_Body):
    conv: str
    read_seq: int


class PageResponse(_Body):
    conv: str
    events: list[Event]
    more: bool
    last_seq: int
    epoch: str  # the store's epoch: seqs of another epoch are from another history (G4)


class ConversationListResponse(_Body):
    """One page of my conversations, in conversation id order. ``next_cursor`` is set when
    more follow: pass it as ``cursor`` to get the next page."""

    conversations: list[ConversationSummary]
    epoch: str
    next_cursor: str | None = None


class ErrorResponse(_Body):
    code: str
    message: str
    retry_after_ms: int | None = None


class Health(_Body):
    status: str
    epoch: str | None = None


class ConnectionInfo(_Body):
    conn: str
    user: str
    device: str
    connected_at_ms: int
    queued: int  # frames waiting to be written to it


class AdminConnections(_Body):
    connections: list[ConnectionInfo]


class AdminUserResult(_Body):
    handle: str
    disabled: bool | None = None
    tokens_revoked: int = 0
    connections_closed: int = 0


WebhookUrl = Annotated[str, msgspec.Meta(max_length=MAX_URL_CHARS, pattern=URL_PATTERN)]


PushEndpoint = Annotated[
    str, msgspec.Meta(max_length=notifications.MAX_ENDPOINT_CHARS, pattern=ENDPOINT_PATTERN)
]


class PushKeys(_Body):
    """PushSubscription.toJSON().keys: base64url without padding."""

    p256dh: Annotated[str, msgspec.Meta(pattern=notifications.P256DH_PATTERN)]
    auth: Annotated[str, msgspec.Meta(pattern=notifications.AUTH_PATTERN)]


class PushSubscriptionRequest(_Body):
    """A browser's PushSubscription.toJSON(): its push service endpoint and keys."""

    endpoint: PushEndpoint
    keys: PushKeys


class PushSubscriptionResponse(_Body):
    id: str
    device: str  # the device (token) it belongs to: logging it out deletes it
    endpoint: str
    created_ms: int


class PushSubscriptionList(_Body):
    subscriptions: list[PushSubscriptionResponse]


class PushKeyResponse(_Body):
    # The VAPID public key (uncompressed P-256 point, base64url): the browser's
    # pushManager.subscribe({applicationServerKey}) needs it.
    public_key: str


class LimitsResponse(_Body):
    # What this server accepts, for a client to check input before it acts on it (a CLI
    # refuses an over-long message before it opens a conversation for it).
    max_body_bytes: int
    max_title_chars: int
    max_group_members: int


class WebhookRequest(_Body):
    url: WebhookUrl
    # Only this conversation's events (its owner must be a member); absent: all of theirs.
    conv: ConvId | None = None


class WebhookResponse(_Body):
    id: str
    url: str
    created_ms: int
    conv: str | None = None
    # The signing secret: shown only when the endpoint is created and when it is rotated.
    secret: str | None = None
    # During a rotation, the previous secret still signs deliveries until then.
    previous_secret_expires_ms: int | None = None


class WebhookList(_Body):
    webhooks: list[WebhookResponse]


class DeliveryInfo(_Body):
    id: int
    webhook: str
    owner: str
    url: str
    event_id: str
    state: str  # pending, delivered or dead
    attempts: int
    created_ms: int
    next_ms: int  # when a pending one is due; when a finished one was last tried
    last_error: str | None = None


class AdminDeliveries(_Body):
    deliveries: list[DeliveryInfo]


class ReplayRequest(_Body):
    # The deliveries to try again; absent: every dead one.
    ids: (
        Annotated[list[Annotated[int, msgspec.Meta(ge=1)]], msgspec.Meta(max_length=1000)] | None
    ) = None


class ReplayResponse(_Body):
    replayed: int


@dataclass(frozen=True)
class IntParam:
    """An integer query or path parameter. The server checks it against these bounds and
    ``/openapi.json`` documents them, so the two cannot drift."""

    name: str
    low: int = 0
    high: int = MAX_SEQ
    default: int | None = None


@dataclass(frozen=True)
class TextParam:
    """A text query parameter: not empty, bounded in length, optionally by a pattern."""

    name: str
    max_length: int
    pattern: str | None = None


Param = IntParam | TextParam

# Names the store's epoch the client's seqs are from: another epoch answers resync_required.
EPOCH = TextParam("epoch", max_length=64)
HISTORY_AFTER = IntParam("after")
HISTORY_BEFORE = IntParam("before", low=1)
HISTORY_LIMIT = IntParam("limit", low=1, high=1000, default=100)
# A summary carries up to 50 members and a last message of up to 16 KiB: 200 of them keep a
# page under about 4 MiB, while 10,000 conversations still take only 50 requests.
CONVERSATIONS_LIMIT = IntParam("limit", low=1, high=200, default=100)
CONVERSATIONS_CURSOR = TextParam("cursor", max_length=17, pattern=CONV_ID_PATTERN)
TARGET_SEQ = IntParam("seq", low=1)
# How long the previous secret keeps signing after a rotation (at most a week; 0: not at all).
PREVIOUS_SECRET_S = IntParam("previous_valid_s", low=0, high=7 * 86_400, default=86_400)
DELIVERY_STATE = TextParam("state", max_length=9, pattern=r"^(pending|delivered|dead)$")
DELIVERIES_LIMIT = IntParam("limit", low=1, high=1000, default=100)


@dataclass(frozen=True)
class Route:
    """One HTTP operation. ``status`` is its success status; ``also`` lists other statuses it
    answers with the same ``response`` body. ``params`` are its bounded parameters (in the
    path when the path names them, else in the query); other path parameters are strings."""

    method: str
    path: str
    summary: str
    request: type | None
    response: type | None
    auth: bool = True
    params: tuple[Param, ...] = ()
    status: int = 200
    also: tuple[int, ...] = ()
    content_type: str = "application/json"


REGISTER = Route(
    "POST",
    "/v1/register",
    "Create an account",
    RegisterRequest,
    RegisterResponse,
    auth=False,
    status=201,
)
LOGOUT = Route("POST", "/v1/logout", "Revoke this device's token", None, None, status=204)
CONVERSATIONS = Route(
    "GET",
    "/v1/conversations",
    "A page of my conversations, last message, unread counts",
    None,
    ConversationListResponse,
    params=(CONVERSATIONS_CURSOR, CONVERSATIONS_LIMIT, EPOCH),
)
DIRECT = Route(
    "POST",
    "/v1/conversations/direct",
    "Open (201) or find (200) the direct conversation with a user",
    DirectRequest,
    ConversationCreated,
    status=201,
    also=(200,),
)
GROUP = Route(
    "POST",
    "/v1/conversations/group",
    "Create a group",
    GroupRequest,
    ConversationCreated,
    status=201,
)
HISTORY = Route(
    "GET",
    "/v1/conversations/{conv}/messages",
    "A page of the log",
    None,
    PageResponse,
    params=(HISTORY_AFTER, HISTORY_BEFORE, HISTORY_LIMIT, EPOCH),
)
EDIT = Route(
    "POST",
    "/v1/conversations/{conv}/messages/{seq}/edit",
    "Edit my message",
    EditRequest,
    AckResponse,
    params=(TARGET_SEQ,),
)
DELETE = Route(
    "POST",
    "/v1/conversations/{conv}/messages/{seq}/delete",
    "Delete my message",
    DeleteRequest,
    AckResponse,
    params=(TARGET_SEQ,),
)
WEBHOOK_CREATE = Route(
    "POST",
    "/v1/webhooks",
    "Register a webhook endpoint for my conversations, or one of them (its secret is shown once)",
    WebhookRequest,
    WebhookResponse,
    status=201,
)
WEBHOOK_ROTATE = Route(
    "POST",
    "/v1/webhooks/{webhook}/rotate-secret",
    "A new signing secret; the previous one also signs for previous_valid_s",
    None,
    WebhookResponse,
    params=(PREVIOUS_SECRET_S,),
)
ADMIN_DELIVERIES = Route(
    "GET",
    "/v1/admin/webhook-deliveries",
    "Admin: the latest webhook deliveries, newest first (pending, delivered or dead)",
    None,
    AdminDeliveries,
    params=(DELIVERY_STATE, DELIVERIES_LIMIT),
)
PUSH_SUBSCRIBE = Route(
    "POST",
    "/v1/push/subscriptions",
    "Register this device's Web Push subscription (replaces its previous one)",
    PushSubscriptionRequest,
    PushSubscriptionResponse,
    status=201,
)
READYZ = Route(
    "GET",
    "/readyz",
    "Readiness: the store answers and the node is not draining (503 otherwise)",
    None,
    Health,
    auth=False,
    also=(503,),
)


ROUTES: tuple[Route, ...] = (
    REGISTER,
    Route(
        "POST",
        "/v1/login",
        "Log in: a token for one device",
        LoginRequest,
        LoginResponse,
        auth=False,
    ),
    LOGOUT,
    CONVERSATIONS,
    DIRECT,
    GROUP,
    Route(
        "POST",
        "/v1/conversations/{conv}/members",
        "Add a member (owners)",
        MemberRequest,
        AckResponse,
    ),
    Route(
        "DELETE",
        "/v1/conversations/{conv}/members/{handle}",
        "Remove a member (owners), or leave",
        None,
        AckResponse,
    ),
    Route(
        "POST",
        "/v1/blocks",
        "Block a user from adding me to groups or opening a direct conversation with me",
        BlockRequest,
        None,
        status=204,
    ),
    Route("GET", "/v1/blocks", "The users I block", None, BlocksResponse),
    Route(
        "GET",
        "/v1/limits",
        "The sizes this server accepts (message body, group title, group members)",
        None,
        LimitsResponse,
        auth=False,
    ),
    Route("DELETE", "/v1/blocks/{handle}", "Unblock a user", None, None, status=204),
    Route("POST", "/v1/conversations/{conv}/messages", "Send a message", SendRequest, AckResponse),
    HISTORY,
    EDIT,
    DELETE,
    Route(
        "POST",
        "/v1/conversations/{conv}/read",
        "Move my read position forward",
        ReadRequest,
        ReadResponse,
    ),
    WEBHOOK_CREATE,
    Route("GET", "/v1/webhooks", "My webhook endpoints (without secrets)", None, WebhookList),
    Route(
        "DELETE",
        "/v1/webhooks/{webhook}",
        "Delete my webhook endpoint and its queued deliveries",
        None,
        None,
        status=204,
    ),
    WEBHOOK_ROTATE,
    Route(
        "GET",
        "/v1/push/key",
        "The server's VAPID public key, for pushManager.subscribe (applicationServerKey)",
        None,
        PushKeyResponse,
        auth=False,
    ),
    PUSH_SUBSCRIBE,
    Route(
        "GET",
        "/v1/push/subscriptions",
        "My devices' push subscriptions",
        None,
        PushSubscriptionList,
    ),
    Route(
        "DELETE",
        "/v1/push/subscriptions/{subscription}",
        "Delete one of my push subscriptions",
        None,
        None,
        status=204,
    ),
    Route(
        "GET",
        "/v1/ws",
        "Upgrade to the WebSocket protocol (see PROTOCOL.md); without an upgrade, bad_request",
        None,
        None,
        auth=False,
        status=101,
    ),
    Route(
        "GET", "/healthz", "Liveness: 200 once the server accepts work", None, Health, auth=False
    ),
    READYZ,
    Route(
        "GET",
        "/v1/admin/connections",
        "Admin: open connections and their users",
        None,
        AdminConnections,
    ),
    Route(
        "POST",
        "/v1/admin/users/{handle}/disable",
        "Admin: disable an account and close its connections",
        None,
        AdminUserResult,
    ),
    Route(
        "POST",
        "/v1/admin/users/{handle}/enable",
        "Admin: re-enable an account",
        None,
        AdminUserResult,
    ),
    Route(
        "POST",
        "/v1/admin/users/{handle}/revoke-tokens",
        "Admin: revoke every token of a user and close their connections",
        None,
        AdminUserResult,
    ),
    ADMIN_DELIVERIES,
    Route(
        "POST",
        "/v1/admin/webhook-deliveries/replay",
        "Admin: try webhook deliveries again from now (the named ones, or every dead one)",
        ReplayRequest,
        ReplayResponse,
    ),
    Route("GET", "/openapi.json", "This document", None, None, auth=False),
)
