-- Recording a token's use on every request made each API call a write transaction, whose
-- commit waits for the WAL to reach disk. What an admin needs is when a token was last used, to
-- the minute: touch last_used_at only when it is older than that, and otherwise just read.
CREATE OR REPLACE FUNCTION humas.authenticate_token(hash bytea) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
DECLARE
    v_token_id  bigint;
    v_user_id   bigint;
    v_last_used timestamptz;
BEGIN
    SELECT t.id, t.user_id, t.last_used_at INTO v_token_id, v_user_id, v_last_used
    FROM humas.api_tokens t JOIN humas.users u ON u.id = t.user_id
    WHERE t.token_hash = authenticate_token.hash
      AND t.revoked_at IS NULL
      AND u.disabled_at IS NULL;
    IF v_token_id IS NOT NULL AND (v_last_used IS NULL OR v_last_used < now() - interval '1 minute') THEN
        UPDATE humas.api_tokens SET last_used_at = now() WHERE id = v_token_id;
    END IF;
    RETURN v_user_id;
END
$$;
