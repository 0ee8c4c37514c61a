-- Pigeon embedded store, schema version 3: blocks, and what membership limits need.

-- blocker refuses to be put into conversations by blocked (docs/DECISIONS.md, "Blocks").
CREATE TABLE blocks (
    blocker    TEXT NOT NULL REFERENCES accounts(handle),
    blocked    TEXT NOT NULL REFERENCES accounts(handle),
    created_ms INTEGER NOT NULL,
    PRIMARY KEY (blocker, blocked)
) WITHOUT ROWID;

-- How many conversations each user is in, kept with every membership change, so the cap of
-- 10,000 is checked in O(1) even for a group created with 10,000 members.
ALTER TABLE accounts ADD COLUMN conversations INTEGER NOT NULL DEFAULT 0;
UPDATE accounts SET conversations =
    (SELECT COUNT(*) FROM members WHERE members.handle = accounts.handle);

-- The seq of the event that added the member: the longest-standing member succeeds an owner
-- who leaves. Filled from the log in one pass over the events, not one per member.
ALTER TABLE members ADD COLUMN joined_seq INTEGER NOT NULL DEFAULT 0;
CREATE TEMP TABLE joins (
    conv   TEXT NOT NULL,
    handle TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    PRIMARY KEY (conv, handle)
) WITHOUT ROWID;
INSERT INTO joins
    SELECT e.conv, j.value, MAX(e.seq) FROM events e, json_each(e.members) j
    WHERE e.kind IN ('created', 'member_added')
    GROUP BY e.conv, j.value;
UPDATE members SET joined_seq = COALESCE(
    (SELECT seq FROM joins WHERE joins.conv = members.conv AND joins.handle = members.handle),
    0);
DROP TABLE joins;
