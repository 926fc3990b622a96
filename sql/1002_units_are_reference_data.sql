-- The unit tree is public reference data (seed/01_units.sql, from KPU's own list of offices):
-- `humas unit list` and `unit show` answer without an acting user, so a new operator can look
-- up their office's code before anyone has given them an account. The table itself keeps its
-- rule (no acting user sees no row of any table); this function is the one way around it, and
-- gives nothing but the tree.
CREATE FUNCTION humas.reference_units()
RETURNS TABLE (id int, code text, name text, region_name text, level text, time_zone text, capital text,
               subtree_end int, parent_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
    SELECT u.id, u.code, u.name, u.region_name, u.level, u.time_zone, u.capital, u.subtree_end, p.code
    FROM humas.units u LEFT JOIN humas.units p ON p.id = u.parent_id
    ORDER BY u.id
$$;
REVOKE ALL ON FUNCTION humas.reference_units() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION humas.reference_units() TO humas_app;
