-- Pigeon PostgreSQL store, shard database, schema version 4: the transactional outbox
-- (docs/DECISIONS.md D48). One row per event, inserted by the statement that inserts the
-- event. Relays on any gateway claim rows with FOR UPDATE SKIP LOCKED and move
-- leased_until_ms ahead (a relay that dies lets its lease lapse); a shard move copies the
-- shard's rows with its events, and relays claim only the rows of shards owned here.

CREATE TABLE outbox (
    conv            text NOT NULL,
    seq             bigint NOT NULL,
    shard           integer NOT NULL,
    created_ms      bigint NOT NULL,
    leased_until_ms bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (conv, seq)
);
CREATE INDEX outbox_by_age ON outbox(created_ms);
CREATE INDEX outbox_by_shard ON outbox(shard);
