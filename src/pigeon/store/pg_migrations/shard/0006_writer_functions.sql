-- Pigeon PostgreSQL store, shard database, schema version 6: the writer's round trips cut
-- (docs/DECISIONS.md D71). Each statement the writer sends is a round trip the gateway's
-- event loop pays for in the driver; these two functions do server-side what took several.

-- A write batch's fence (D43) in one call: FENCE_LOCK taken shared until the batch commits,
-- then the shards' states, read by a second query inside the function, whose snapshot (a
-- VOLATILE function's query takes a new one in READ COMMITTED) is newer than any fence step
-- that held the lock.
CREATE FUNCTION pigeon_fence(p_lock bigint, p_shards integer[])
RETURNS TABLE (o_shard integer, o_state text) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(p_lock);
    RETURN QUERY SELECT s.shard, s.state FROM shard_owner s WHERE s.shard = ANY(p_shards);
END
$$;

-- A message appended in one call: what the writer sent as five statements (a savepoint,
-- the conversation's row lock, the sender's role and an earlier event with this client id,
-- the counter, event and outbox insert, the savepoint's release).
--
-- It returns one row: the sender's role (NULL: not a member, nothing written), the new seq
-- (NULL unless appended), o_retry (true: a deadlock, a serialization failure or a duplicate
-- key rolled back this call's own subtransaction, and nothing of it stands: call it again),
-- and the earlier event with this client id, if any (e_seq not NULL; nothing written).
-- The EXCEPTION block is the savepoint the writer no longer sends: a failure inside it
-- leaves the batch's transaction usable.

CREATE FUNCTION pigeon_append(
    p_conv text,
    p_kind text,
    p_sender text,
    p_ts bigint,
    p_client_msg_id text,
    p_body text,
    p_meta text,
    p_shard integer
) RETURNS TABLE (
    o_role text,
    o_seq bigint,
    o_retry boolean,
    e_conv text,
    e_seq bigint,
    e_kind text,
    e_sender text,
    e_ts bigint,
    e_client_msg_id text,
    e_body text,
    e_meta text,
    e_target_seq bigint,
    e_members text,
    e_title text
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_role text;
    v_seq bigint;
BEGIN
    BEGIN
        -- The conversation's row first, as every write to the conversation takes it: a role
        -- read before this lock could miss a removal committed while the call waited for it.
        PERFORM 1 FROM conversations WHERE id = p_conv FOR UPDATE;
        SELECT m.role INTO v_role FROM members m WHERE m.conv = p_conv AND m.handle = p_sender;
        IF v_role IS NULL THEN
            RETURN QUERY SELECT NULL::text, NULL::bigint, false, NULL::text, NULL::bigint,
                NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::text, NULL::text,
                NULL::bigint, NULL::text, NULL::text;
            RETURN;
        END IF;
        RETURN QUERY SELECT v_role, NULL::bigint, false, e.conv, e.seq, e.kind, e.sender, e.ts,
            e.client_msg_id, e.body, e.meta, e.target_seq, e.members, e.title
            FROM events e
            WHERE e.conv = p_conv AND e.sender = p_sender AND e.client_msg_id = p_client_msg_id;
        IF FOUND THEN
            RETURN;
        END IF;
        -- The one place a seq is allocated, as in the writer's _append_event (G3).
        WITH counter AS (
            UPDATE conversations SET last_seq = last_seq + 1 WHERE id = p_conv
            RETURNING last_seq
        ), event AS (
            INSERT INTO events(conv, seq, kind, sender, ts, client_msg_id, body, meta, shard)
            SELECT p_conv, counter.last_seq, p_kind, p_sender, p_ts, p_client_msg_id, p_body,
                p_meta, p_shard
            FROM counter
            RETURNING events.seq
        ), outboxed AS (
            INSERT INTO outbox(conv, seq, shard, created_ms)
            SELECT p_conv, event.seq, p_shard, p_ts FROM event
        )
        SELECT event.seq INTO v_seq FROM event;
    EXCEPTION WHEN deadlock_detected OR serialization_failure OR unique_violation THEN
        RETURN QUERY SELECT NULL::text, NULL::bigint, true, NULL::text, NULL::bigint,
            NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::text, NULL::text,
            NULL::bigint, NULL::text, NULL::text;
        RETURN;
    END;
    RETURN QUERY SELECT v_role, v_seq, false, NULL::text, NULL::bigint, NULL::text,
        NULL::text, NULL::bigint, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::text,
        NULL::text;
END
$$;
