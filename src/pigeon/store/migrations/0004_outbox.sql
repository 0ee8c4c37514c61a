-- Pigeon embedded store, schema version 4: the transactional outbox and outgoing webhooks
-- (docs/DECISIONS.md D48).

-- One row per event, written in the event's own transaction; a relay claims rows by moving
-- leased_until_ms ahead (a relay that dies lets its lease lapse), and deletes them once the
-- event's deliveries are queued. The event itself is read from the log: the row is small.
CREATE TABLE outbox (
    conv            TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    created_ms      INTEGER NOT NULL,
    leased_until_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conv, seq)
) WITHOUT ROWID;
CREATE INDEX outbox_by_age ON outbox(created_ms);

CREATE TABLE webhooks (
    id                TEXT PRIMARY KEY,
    owner             TEXT NOT NULL REFERENCES accounts(handle),
    url               TEXT NOT NULL,
    conv              TEXT,  -- NULL: every conversation of the owner's
    secret            TEXT NOT NULL,
    previous_secret   TEXT,
    previous_until_ms INTEGER NOT NULL DEFAULT 0,
    created_ms        INTEGER NOT NULL
);
CREATE INDEX webhooks_by_owner ON webhooks(owner);

-- One event for one endpoint. next_ms is when it is due (pending: a claim moves it ahead by
-- the lease), or when it was last tried (delivered, dead).
CREATE TABLE deliveries (
    id         INTEGER PRIMARY KEY,
    webhook    TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event_id   TEXT NOT NULL,
    payload    BLOB NOT NULL,
    state      TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    next_ms    INTEGER NOT NULL,
    last_error TEXT,
    UNIQUE (webhook, event_id)
);
CREATE INDEX deliveries_due ON deliveries(state, next_ms);
