-- Pigeon PostgreSQL store, catalog database, schema version 5: offline notifications
-- (docs/DECISIONS.md D50). The cluster's one VAPID key is kept in meta ('vapid_private_key').

-- A device's Web Push subscription: one per device, deleted when the device logs out.
CREATE TABLE push_subscriptions (
    id         text PRIMARY KEY,
    owner      text NOT NULL REFERENCES accounts(handle),
    device     text NOT NULL,
    endpoint   text NOT NULL UNIQUE,
    p256dh     text NOT NULL,
    auth       text NOT NULL,
    created_ms bigint NOT NULL,
    UNIQUE (owner, device)
);

-- One pending notification per member and conversation: a burst's messages merge into it.
-- Relays on every gateway claim due ones with FOR UPDATE SKIP LOCKED, moving due_ms ahead.
CREATE TABLE notifications (
    handle   text NOT NULL,
    conv     text NOT NULL,
    seq      bigint NOT NULL,
    due_ms   bigint NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    PRIMARY KEY (handle, conv)
);
CREATE INDEX notifications_due ON notifications(due_ms);

-- Which gateway holds a connection of whose, until when unless renewed.
CREATE TABLE presence (
    handle   text NOT NULL,
    node     text NOT NULL,
    until_ms bigint NOT NULL,
    PRIMARY KEY (handle, node)
);
