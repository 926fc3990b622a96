-- humas.contacts_org_names (0009), planned for the ids it is given.
--
-- The 0009 version is a SQL function, so its query runs with a generic plan that guesses 10
-- ids. For a statement that affiliates many contacts at once (an import, `humas dev generate`)
-- that plan re-runs the aggregate over `affiliations WHERE contact_id = ANY (ids)` once per id:
-- quadratic. Measured with 30,000 ids and 1.2M contacts: 22 s, against 0.15 s for the same
-- query planned with the real array. Here the same query (same result, row for row) runs through
-- EXECUTE ... USING, which plans it for the actual array each call: a hash join over the
-- affiliations of those ids for a big batch, index probes for a few ids.
CREATE OR REPLACE FUNCTION humas.contacts_org_names(p_contact_ids bigint[])
RETURNS TABLE (contact_id bigint, org_names text)
LANGUAGE plpgsql STABLE SET search_path = humas, public, pg_temp
AS $fn$
BEGIN
    RETURN QUERY EXECUTE $sql$
        SELECT ids.id, coalesce(agg.names, '')
        FROM unnest($1::bigint[]) AS ids (id)
        LEFT JOIN (SELECT a.contact_id,
                          string_agg(concat_ws(' ', o.name, o.short_name), ' ' ORDER BY o.id, a.id) AS names
                   FROM humas.affiliations a
                   JOIN humas.organizations o ON o.id = a.organization_id
                   WHERE a.contact_id = ANY ($1::bigint[])
                     AND a.deleted_at IS NULL AND a.ended_on IS NULL AND o.deleted_at IS NULL
                   GROUP BY a.contact_id) agg ON agg.contact_id = ids.id
    $sql$ USING p_contact_ids;
END
$fn$;
