-- Why a token does not log in, for the 401's message: a disabled user should hear that an
-- admin must enable them, not that their token is unknown. Called only after humas.token_user
-- found nobody, so a good token never pays for it. Whoever holds the secret learns only the
-- state of their own token.
CREATE FUNCTION humas.token_refusal(hash bytea) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
    SELECT CASE WHEN t.revoked_at IS NOT NULL THEN 'revoked'
                WHEN u.disabled_at IS NOT NULL THEN 'user_disabled'
           END
    FROM humas.api_tokens t JOIN humas.users u ON u.id = t.user_id
    WHERE t.token_hash = token_refusal.hash
$$;
REVOKE ALL ON FUNCTION humas.token_refusal(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION humas.token_refusal(bytea) TO humas_app;
