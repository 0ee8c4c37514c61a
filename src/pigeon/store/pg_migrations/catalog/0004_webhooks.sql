-- Pigeon PostgreSQL store, catalog database, schema version 4: outgoing webhooks and their
-- deliveries (docs/DECISIONS.md D48). Relays on every gateway claim due deliveries with
-- FOR UPDATE SKIP LOCKED, moving next_ms ahead by a lease: no two claim one at once.

CREATE TABLE webhooks (
    id                text PRIMARY KEY,
    owner             text NOT NULL REFERENCES accounts(handle),
    url               text NOT NULL,
    conv              text,  -- NULL: every conversation of the owner's
    secret            text NOT NULL,
    previous_secret   text,
    previous_until_ms bigint NOT NULL DEFAULT 0,
    created_ms        bigint NOT NULL
);
CREATE INDEX webhooks_by_owner ON webhooks(owner);

-- next_ms: when a pending delivery is due, or when a finished one was last tried.
CREATE TABLE deliveries (
    id         bigserial PRIMARY KEY,
    webhook    text NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event_id   text NOT NULL,
    payload    bytea NOT NULL,
    state      text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts   integer NOT NULL DEFAULT 0,
    created_ms bigint NOT NULL,
    next_ms    bigint NOT NULL,
    last_error text,
    UNIQUE (webhook, event_id)
);
CREATE INDEX deliveries_due ON deliveries(next_ms) WHERE state = 'pending';
CREATE INDEX deliveries_by_state ON deliveries(state, id);
