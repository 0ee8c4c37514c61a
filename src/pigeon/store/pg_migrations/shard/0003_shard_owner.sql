-- Pigeon PostgreSQL store, shard database, schema version 3: the fence for moving a virtual
-- shard (docs/DECISIONS.md D43). A row says what this database is for a virtual shard:
-- 'owned' (reads and writes served), 'moving' (a move is copying it out, or in: writes refused
-- with busy) or 'gone' (moved away: reads and writes refused, the gateway reloads the map).
-- Every write batch checks it under an advisory lock a move's fence step takes exclusive, and
-- every read checks it in its own snapshot, so a gateway holding an old shard map can never
-- read or write a copy that is not the record.
-- A node seeds 'owned' rows for the shards the catalog maps here, only where none exists.

CREATE TABLE shard_owner (
    shard integer PRIMARY KEY CHECK (shard >= 0 AND shard < 1024),
    state text NOT NULL CHECK (state IN ('owned', 'moving', 'gone'))
);
