-- Pigeon PostgreSQL store, catalog database, schema version 1: everything keyed by user, and
-- the shard map (docs/DECISIONS.md, "PostgreSQL store").

CREATE TABLE meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- The shard map is data: which database holds each of the 1,024 virtual shards. A
-- conversation's shard is crc32(id) % 1024 (pigeon.store.postgres.shard_of).
CREATE TABLE shard_databases (
    name text PRIMARY KEY,
    url  text NOT NULL
);
CREATE TABLE shard_map (
    shard    integer PRIMARY KEY CHECK (shard >= 0 AND shard < 1024),
    database text NOT NULL REFERENCES shard_databases(name)
);

CREATE TABLE accounts (
    handle        text PRIMARY KEY,
    password_hash text NOT NULL,
    created_ms    bigint NOT NULL,
    disabled      boolean NOT NULL DEFAULT false,
    conversations integer NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
    token_hash bytea PRIMARY KEY,
    handle     text NOT NULL REFERENCES accounts(handle),
    device     text NOT NULL,
    created_ms bigint NOT NULL,
    expires_ms bigint NOT NULL
);
CREATE INDEX tokens_by_handle ON tokens(handle);

CREATE TABLE device_keys (
    key_hash bytea PRIMARY KEY,
    handle   text NOT NULL REFERENCES accounts(handle),
    device   text NOT NULL,
    used_ms  bigint NOT NULL
);
CREATE INDEX device_keys_by_handle ON device_keys(handle, used_ms);

CREATE TABLE blocks (
    blocker    text NOT NULL REFERENCES accounts(handle),
    blocked    text NOT NULL REFERENCES accounts(handle),
    created_ms bigint NOT NULL,
    PRIMARY KEY (blocker, blocked)
);

-- The user -> conversation index: a superset of the truth, which is each shard's members
-- table. A row is added before the shard's member row and removed after it, so a crash in
-- between leaves an extra row that every read filters out, never a missing one.
CREATE TABLE memberships (
    handle text NOT NULL,
    conv   text NOT NULL,
    PRIMARY KEY (handle, conv)
);

-- Direct conversations by their pair of users: one per pair across every database.
CREATE TABLE directs (
    direct_key bytea PRIMARY KEY,  -- core.conversation.direct_key, UTF-8
    conv       text NOT NULL
);
