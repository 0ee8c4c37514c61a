-- Pigeon PostgreSQL store, shard database, schema version 1: conversation logs and their
-- members. Every row carries its virtual shard, so a shard can be copied out by that column.

CREATE TABLE conversations (
    id         text PRIMARY KEY,
    shard      integer NOT NULL,
    kind       text NOT NULL,
    title      text,
    last_seq   bigint NOT NULL DEFAULT 0,  -- the counter row: seqs are gapless (G3)
    created_ms bigint NOT NULL
);
CREATE INDEX conversations_by_shard ON conversations(shard);

CREATE TABLE members (
    conv       text NOT NULL REFERENCES conversations(id),
    handle     text NOT NULL,
    role       text NOT NULL,
    read_seq   bigint NOT NULL DEFAULT 0,
    joined_seq bigint NOT NULL,
    PRIMARY KEY (conv, handle)
);
CREATE INDEX members_by_handle ON members(handle, conv);

CREATE TABLE events (
    conv          text NOT NULL,
    seq           bigint NOT NULL,
    shard         integer NOT NULL,
    kind          text NOT NULL,
    sender        text NOT NULL,
    ts            bigint NOT NULL,
    client_msg_id text,
    body          text,
    meta          text,
    target_seq    bigint,
    members       text,
    title         text,
    PRIMARY KEY (conv, seq)
);
CREATE INDEX events_by_target ON events(conv, target_seq) WHERE target_seq IS NOT NULL;
-- Idempotency: a concurrent duplicate (another gateway) waits on this key, then fails and is
-- retried, and the retry returns the original ack.
CREATE UNIQUE INDEX events_by_client_id ON events(conv, sender, client_msg_id)
    WHERE client_msg_id IS NOT NULL;
