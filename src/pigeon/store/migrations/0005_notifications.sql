-- Pigeon embedded store, schema version 5: offline notifications (docs/DECISIONS.md D50).
-- The cluster's VAPID key is kept in meta ('vapid_private_key').

-- A device's Web Push subscription: one per device, deleted when the device logs out.
CREATE TABLE push_subscriptions (
    id         TEXT PRIMARY KEY,
    owner      TEXT NOT NULL REFERENCES accounts(handle),
    device     TEXT NOT NULL,
    endpoint   TEXT NOT NULL UNIQUE,
    p256dh     TEXT NOT NULL,
    auth       TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    UNIQUE (owner, device)
);

-- One pending notification per member and conversation: a burst's messages merge into it
-- (seq moves forward). due_ms: when it is sent (a claim moves it ahead by the lease).
CREATE TABLE notifications (
    handle   TEXT NOT NULL,
    conv     TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    due_ms   INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (handle, conv)
) WITHOUT ROWID;
CREATE INDEX notifications_due ON notifications(due_ms);

-- Which node holds a connection of whose, until when unless renewed (a node that dies
-- without a goodbye lapses).
CREATE TABLE presence (
    handle   TEXT NOT NULL,
    node     TEXT NOT NULL,
    until_ms INTEGER NOT NULL,
    PRIMARY KEY (handle, node)
) WITHOUT ROWID;
