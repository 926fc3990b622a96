-- The audit's snapshot of a segment (0812) showed the organization of its stored filter to every
-- reader, also one the reader cannot read (a province saving a segment for Kabupaten Demak that
-- narrows to an outlet of Kota Semarang): it is null for them now, as a hidden parent is.
CREATE OR REPLACE FUNCTION humas.audit_snapshot_for_reader(entity text, snapshot jsonb) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = humas, public, pg_temp
AS $$
    SELECT CASE
        WHEN snapshot IS NULL THEN NULL
        WHEN entity = 'list' AND jsonb_typeof(snapshot->'members') = 'array' THEN
            (SELECT snapshot || jsonb_build_object(
                        'members', coalesce(jsonb_agg(m.id ORDER BY m.id) FILTER (WHERE c.id IS NOT NULL), '[]'),
                        'hidden_members', count(*) FILTER (WHERE c.id IS NULL))
             FROM jsonb_array_elements_text(snapshot->'members') AS e (id)
             CROSS JOIN LATERAL (SELECT e.id::bigint AS id) m
             LEFT JOIN humas.contacts c ON c.id = m.id)
        WHEN entity = 'affiliation' THEN
            snapshot
            || jsonb_build_object('contact_id', (SELECT c.id FROM humas.contacts c
                                                 WHERE c.id = (snapshot->>'contact_id')::bigint))
            || jsonb_build_object('organization_id', (SELECT o.id FROM humas.organizations o
                                                      WHERE o.id = (snapshot->>'organization_id')::bigint))
        WHEN entity = 'organization' AND snapshot->>'parent_id' IS NOT NULL THEN
            snapshot || jsonb_build_object('parent_id', (SELECT o.id FROM humas.organizations o
                                                         WHERE o.id = (snapshot->>'parent_id')::bigint))
        WHEN entity = 'segment' AND snapshot->'filter'->>'organization' IS NOT NULL THEN
            jsonb_set(snapshot, '{filter,organization}',
                      coalesce((SELECT to_jsonb(o.id) FROM humas.organizations o
                                WHERE o.id = (snapshot->'filter'->>'organization')::bigint), 'null'))
        ELSE snapshot
    END
$$;

