-- humas.acting_coorganized_ids() once per policy in a statement, fast at every level.
--
-- 0900's SQL version read the scope through other functions inside its WHERE clause, so its
-- plan could not know the scope and took about 0.9 ms a call on 1,000,000 activities (39,000
-- co-organized), several times per list or timeline (each policy that uses it is its own
-- InitPlan): most of the gap between those reads and the same statements without RLS. Here the
-- scope is read once into variables and the query is planned for them each time (a kabupaten
-- reads its own rows of interaction_coorganizers_unit_idx; KPU RI, above every owner, has none).
CREATE OR REPLACE FUNCTION humas.acting_coorganized_ids() RETURNS bigint[]
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = humas, public, pg_temp SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
    lo int;
    hi int;
    ids bigint[];
BEGIN
    SELECT un.id, un.subtree_end INTO lo, hi
    FROM humas.users u JOIN humas.units un ON un.id = u.unit_id
    WHERE u.id = humas.setting_user_id() AND u.disabled_at IS NULL;
    -- No acting user reads nothing; KPU RI owns the whole tree, so no owner is outside its scope.
    IF lo IS NULL OR lo = (SELECT r.id FROM humas.units r WHERE r.parent_id IS NULL) THEN
        RETURN '{}';
    END IF;
    SELECT coalesce(array_agg(DISTINCT c.interaction_id), '{}') INTO ids
    FROM humas.interaction_coorganizers c
    WHERE c.unit_id BETWEEN lo AND hi AND c.common_unit_id < lo;
    RETURN ids;
END $$;
