-- The access rule, derived by the database from ONE per-transaction setting.
--
-- The service sets exactly one thing per transaction:
--     SELECT set_config('humas.user_id', $1, true);   -- the acting user's id, as text
-- Everything else (unit, role, scope) is looked up here from humas.users/humas.units. No setting,
-- a malformed setting, an unknown user or a disabled user all give NULLs, and every policy
-- compares against NULL, so such a session simply sees nothing (no error).
--
-- The helpers are SECURITY DEFINER (they read humas.users, which is itself under RLS) and STABLE.
-- Policies call them inside scalar sub-selects, `(SELECT humas.acting_unit_id())`, so each runs
-- once per query as an InitPlan instead of once per row.
--
-- The rule itself is written once, in unit_readable() / unit_writable(): plain IMMUTABLE SQL
-- functions of (row's unit, scope bounds) that the planner inlines, so a policy costs two integer
-- comparisons per row whatever the scope (a national user tests 1 <= unit_id <= 553, not a
-- 553-element array). humas.search_contacts() (0009) applies the very same functions.

-- The raw setting, or NULL when unset/empty/not an integer.
CREATE FUNCTION humas.setting_user_id() RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE WHEN current_setting('humas.user_id', true) ~ '^[0-9]{1,18}$'
            THEN current_setting('humas.user_id', true)::bigint END;

-- The acting user: the one named by the setting, if it exists and is not disabled.
CREATE FUNCTION humas.acting_user_id() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$ SELECT u.id FROM humas.users u WHERE u.id = humas.setting_user_id() AND u.disabled_at IS NULL $$;

-- The acting user's unit (the low end of the write/read subtree range).
CREATE FUNCTION humas.acting_unit_id() RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$ SELECT u.unit_id FROM humas.users u WHERE u.id = humas.setting_user_id() AND u.disabled_at IS NULL $$;

-- The acting user's role: 'admin' | 'editor' | 'viewer'.
CREATE FUNCTION humas.acting_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$ SELECT u.role FROM humas.users u WHERE u.id = humas.setting_user_id() AND u.disabled_at IS NULL $$;

-- The high end of the acting unit's subtree range.
CREATE FUNCTION humas.acting_subtree_end() RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$
    SELECT un.subtree_end
    FROM humas.users u JOIN humas.units un ON un.id = u.unit_id
    WHERE u.id = humas.setting_user_id() AND u.disabled_at IS NULL
$$;

-- The acting unit's ancestors (parent, grandparent): at most two ids; '{}' for KPU RI.
CREATE FUNCTION humas.acting_ancestor_ids() RETURNS int[]
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$
    SELECT array_remove(ARRAY[p.id, gp.id], NULL)
    FROM humas.users u
    JOIN humas.units un ON un.id = u.unit_id
    LEFT JOIN humas.units p ON p.id = un.parent_id
    LEFT JOIN humas.units gp ON gp.id = p.parent_id
    WHERE u.id = humas.setting_user_id() AND u.disabled_at IS NULL
$$;

-- THE READ RULE: a row owned by `unit_id` is readable in the scope (scope_lo = acting unit,
-- scope_hi = its subtree end, ancestors) if it is in the subtree or owned by an ancestor.
-- NULL scope (no acting user) -> NULL -> not readable.
CREATE FUNCTION humas.unit_readable(unit_id int, scope_lo int, scope_hi int, ancestors int[])
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN unit_id BETWEEN scope_lo AND scope_hi OR unit_id = ANY (ancestors);

-- THE WRITE RULE: only rows of the acting unit or below, and only for a role allowed to write
-- this kind of record (directory: admin and editor; users: admin).
CREATE FUNCTION humas.unit_writable(unit_id int, scope_lo int, scope_hi int, acting_role text, allowed_roles text[])
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN unit_id BETWEEN scope_lo AND scope_hi AND acting_role = ANY (allowed_roles);

GRANT EXECUTE ON FUNCTION humas.setting_user_id(), humas.acting_user_id(), humas.acting_unit_id(),
    humas.acting_role(), humas.acting_subtree_end(), humas.acting_ancestor_ids(),
    humas.unit_readable(int, int, int, int[]), humas.unit_writable(int, int, int, text, text[])
    TO humas_app;

-- Units: the tree is not secret; any valid acting user reads all of it. Nobody but the owner writes.
CREATE POLICY units_app_read ON humas.units FOR SELECT TO humas_app
    USING ((SELECT humas.acting_user_id()) IS NOT NULL);

-- Users: readable within the acting unit's own subtree (not ancestors), plus oneself.
CREATE POLICY users_app_read ON humas.users FOR SELECT TO humas_app
    USING (id = (SELECT humas.acting_user_id())
           OR unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()));
-- Users: written only by admins, only within their own subtree (before and after the change).
CREATE POLICY users_app_insert ON humas.users FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin}'));
CREATE POLICY users_app_update ON humas.users FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin}'));

-- API tokens: a user manages their own tokens; an admin also those of users in their subtree.
-- (The user sub-select runs under humas_app's own users policy.)
CREATE POLICY api_tokens_app_all ON humas.api_tokens FOR ALL TO humas_app
    USING (user_id = (SELECT humas.acting_user_id())
           OR ((SELECT humas.acting_role()) = 'admin'
               AND EXISTS (SELECT 1 FROM humas.users u
                           WHERE u.id = api_tokens.user_id
                             AND u.unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()))))
    WITH CHECK (user_id = (SELECT humas.acting_user_id())
           OR ((SELECT humas.acting_role()) = 'admin'
               AND EXISTS (SELECT 1 FROM humas.users u
                           WHERE u.id = api_tokens.user_id
                             AND u.unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()))));

-- Token login happens BEFORE any user is set, so it cannot go through RLS: this definer
-- function maps sha256(token) to the user id, or NULL when the token is unknown, revoked or its
-- user disabled, and records the use. The caller then does set_config('humas.user_id', id, true).
CREATE FUNCTION humas.authenticate_token(hash bytea) RETURNS bigint
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
    UPDATE humas.api_tokens t
       SET last_used_at = now()
      FROM humas.users u
     WHERE t.token_hash = authenticate_token.hash
       AND t.revoked_at IS NULL
       AND u.id = t.user_id
       AND u.disabled_at IS NULL
    RETURNING t.user_id
$$;
REVOKE ALL ON FUNCTION humas.authenticate_token(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION humas.authenticate_token(bytea) TO humas_app;

-- Login by e-mail (local CLI `--as`, tests), also before any user is set: the id of the enabled
-- user with that e-mail, or NULL. Reveals nothing a token login would not.
CREATE FUNCTION humas.lookup_user_id(email text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$ SELECT u.id FROM humas.users u WHERE u.email = lower(btrim(lookup_user_id.email)) AND u.disabled_at IS NULL $$;
REVOKE ALL ON FUNCTION humas.lookup_user_id(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION humas.lookup_user_id(text) TO humas_app;
