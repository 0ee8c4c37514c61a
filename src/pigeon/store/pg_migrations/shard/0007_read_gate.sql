-- Pigeon PostgreSQL store, shard database, schema version 7: a read's fence check inside the
-- read's own statement (docs/DECISIONS.md D71). A read of a conversation's rows must see the
-- shard's fence row in the same snapshot as the rows (D43); that took a transaction of its
-- own: BEGIN, the check, the read, COMMIT, four round trips. In one statement it is one.
--
-- pigeon_readable(shards, readable states) is true when every shard's fence row here is in
-- one of the readable states (the rule is Python's, pigeon.core.shard_move.readable; the
-- caller passes its states), and raises SQLSTATE PF001 otherwise, naming the first shard
-- that is not and its state ('' for no row: a missing row is never trusted). STABLE: it
-- reads with the snapshot of the statement that calls it. Used as a WHERE condition without
-- a column of the query, the planner makes it a gate evaluated once before any row is read.

CREATE FUNCTION pigeon_readable(p_shards integer[], p_readable text[])
RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_shard integer;
    v_state text;
BEGIN
    FOREACH v_shard IN ARRAY p_shards LOOP
        SELECT s.state INTO v_state FROM shard_owner s WHERE s.shard = v_shard;
        IF v_state IS NULL OR NOT (v_state = ANY(p_readable)) THEN
            RAISE EXCEPTION 'shard % is %', v_shard, coalesce(v_state, 'not here')
                USING ERRCODE = 'PF001', DETAIL = v_shard || ' ' || coalesce(v_state, '');
        END IF;
    END LOOP;
    RETURN true;
END
$$;
