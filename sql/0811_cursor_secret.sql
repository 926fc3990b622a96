-- The key that signs page cursors (HMAC-SHA256, see Sources/Humas/Paging/CursorSigner.swift).
--
-- Every API instance must verify a cursor another instance signed, so the key lives in the
-- database they share, created once here from PostgreSQL's strong random source (two v4 UUIDs:
-- 244 random bits; pgcrypto is not needed). Only humas_owner reads the table; the service reads
-- the key through humas.cursor_secret() and keeps it in memory, never in a log. Rotating it
-- (UPDATE as humas_owner, then restart the instances) only invalidates cursors in flight.
CREATE TABLE humas.cursor_secret (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    secret     bytea   NOT NULL CHECK (octet_length(secret) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE humas.cursor_secret ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.cursor_secret FORCE ROW LEVEL SECURITY;
CREATE POLICY cursor_secret_owner_all ON humas.cursor_secret TO humas_owner USING (true) WITH CHECK (true);

INSERT INTO humas.cursor_secret (secret)
VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

CREATE FUNCTION humas.cursor_secret() RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, pg_temp
AS $$ SELECT s.secret FROM humas.cursor_secret s $$;

REVOKE ALL ON FUNCTION humas.cursor_secret() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION humas.cursor_secret() TO humas_app;
