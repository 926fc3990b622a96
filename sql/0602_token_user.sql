-- Logging in with an API token in one statement: every API request pays it, and one statement
-- outside an explicit transaction costs one round trip where BEGIN, the token check, the user's
-- row and COMMIT cost four. Returns the token owner's row and unit, or no row when the token is
-- unknown or revoked or its user disabled; records the token's use as authenticate_token does.
CREATE FUNCTION humas.token_user(hash bytea)
RETURNS TABLE (id bigint, email text, full_name text, role text, unit_id int, unit_code text, unit_name text)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
    -- In FROM, the volatile check runs once, not once per user row.
    SELECT u.id, u.email, u.full_name, u.role, u.unit_id, un.code, un.name
    FROM (SELECT humas.authenticate_token(token_user.hash) AS user_id) t
    JOIN humas.users u ON u.id = t.user_id
    JOIN humas.units un ON un.id = u.unit_id
$$;
REVOKE ALL ON FUNCTION humas.token_user(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION humas.token_user(bytea) TO humas_app;
