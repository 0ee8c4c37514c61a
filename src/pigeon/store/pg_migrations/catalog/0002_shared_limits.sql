-- Pigeon PostgreSQL store, catalog database, schema version 2: token buckets every gateway
-- shares (docs/DECISIONS.md D42). The admin token's hash is a row of meta.

-- Unlogged: a bucket is not worth a WAL flush per grant, and one lost in a crash or a
-- failover comes back full, which only admits a burst early. ``granted`` holds what the last
-- upsert granted, so that one statement can return it.
CREATE UNLOGGED TABLE rate_buckets (
    key        text PRIMARY KEY,
    tokens     double precision NOT NULL,
    updated_ms bigint NOT NULL,
    granted    integer NOT NULL
);
