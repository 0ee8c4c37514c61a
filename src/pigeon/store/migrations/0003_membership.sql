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
-- who leaves.
ALTER TABLE members ADD COLUMN joined_seq INTEGER NOT NULL DEFAULT 0;
UPDATE members SET joined_seq = COALESCE(
    (SELECT MAX(e.seq) FROM events e, json_each(e.members) j
     WHERE e.conv = members.conv AND e.kind IN ('created', 'member_added')
       AND j.value = members.handle),
    0);
