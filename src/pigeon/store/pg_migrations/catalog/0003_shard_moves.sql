-- Pigeon PostgreSQL store, catalog database, schema version 3: moves of virtual shards in
-- progress (docs/DECISIONS.md D43). A row is written before a move changes anything and
-- deleted when it is done, so a re-run finishes a crashed move and another target is refused.

CREATE TABLE shard_moves (
    shard      integer PRIMARY KEY CHECK (shard >= 0 AND shard < 1024),
    source     text NOT NULL REFERENCES shard_databases(name),
    target     text NOT NULL REFERENCES shard_databases(name),
    started_ms bigint NOT NULL
);
