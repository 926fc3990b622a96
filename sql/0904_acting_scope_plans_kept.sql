-- The acting-user helpers of 0004 in PL/pgSQL: the same answers, planned once per connection.
--
-- Every policy asks them in scalar sub-selects (one InitPlan each), and an activity list or a
-- timeline holds a dozen: its own policy, the participants' in the counts, the contacts' and
-- units' in the joins. As SQL functions that cannot be inlined (SECURITY DEFINER), each call
-- planned its one-line body anew: 0.12–0.6 ms apiece, measured with EXPLAIN ANALYZE on a
-- Kota Semarang timeline, 2–3 ms a statement, most of what row-level security cost these
-- reads. PL/pgSQL keeps each body's plan for the connection's life, so a call is a lookup by key.
-- The bodies are 0004's, unchanged: the enabled user named by the setting, else NULL.
CREATE OR REPLACE FUNCTION humas.acting_user_id() RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT u.id FROM humas.users u WHERE u.id = humas.setting_user_id() AND u.disabled_at IS NULL);
END $$;

CREATE OR REPLACE FUNCTION humas.acting_unit_id() RETURNS int
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT u.unit_id FROM humas.users u WHERE u.id = humas.setting_user_id() AND u.disabled_at IS NULL);
END $$;

CREATE OR REPLACE FUNCTION humas.acting_role() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT u.role FROM humas.users u WHERE u.id = humas.setting_user_id() AND u.disabled_at IS NULL);
END $$;

CREATE OR REPLACE FUNCTION humas.acting_subtree_end() RETURNS int
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT un.subtree_end
            FROM humas.users u JOIN humas.units un ON un.id = u.unit_id
            WHERE u.id = humas.setting_user_id() AND u.disabled_at IS NULL);
END $$;

CREATE OR REPLACE FUNCTION humas.acting_ancestor_ids() RETURNS int[]
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT array_remove(ARRAY[p.id, gp.id], NULL)
            FROM humas.users u
            JOIN humas.units un ON un.id = u.unit_id
            LEFT JOIN humas.units p ON p.id = un.parent_id
            LEFT JOIN humas.units gp ON gp.id = p.parent_id
            WHERE u.id = humas.setting_user_id() AND u.disabled_at IS NULL);
END $$;
