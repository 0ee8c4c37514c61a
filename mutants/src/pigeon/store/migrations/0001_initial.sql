-- Pigeon embedded store, schema version 1.
-- Events are stored in arrival order (rowid) with a unique (conv, seq) index: measured twice
-- as fast for group commits over many conversations as clustering by (conv, seq)
-- (docs/DECISIONS.md, "SQLite log schema").

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE accounts (
    handle        TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    created_ms    INTEGER NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE tokens (
    token_hash BLOB PRIMARY KEY,
    handle     TEXT NOT NULL REFERENCES accounts(handle),
    device     TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX tokens_by_handle ON tokens(handle);

CREATE TABLE conversations (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    title      TEXT,
    direct_key TEXT UNIQUE,
    last_seq   INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE members (
    conv     TEXT NOT NULL REFERENCES conversations(id),
    handle   TEXT NOT NULL REFERENCES accounts(handle),
    role     TEXT NOT NULL,
    read_seq INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conv, handle)
) WITHOUT ROWID;
CREATE INDEX members_by_handle ON members(handle, conv);

CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    conv          TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    sender        TEXT NOT NULL,
    ts            INTEGER NOT NULL,
    client_msg_id TEXT,
    body          TEXT,
    meta          TEXT,
    target_seq    INTEGER,
    members       TEXT,
    title         TEXT
);
CREATE UNIQUE INDEX events_by_seq ON events(conv, seq);
CREATE INDEX events_by_target ON events(conv, target_seq) WHERE target_seq IS NOT NULL;
CREATE UNIQUE INDEX events_by_client_id ON events(conv, sender, client_msg_id)
    WHERE client_msg_id IS NOT NULL;
