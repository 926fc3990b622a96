-- What the audit trail shows of a snapshot: only references the reader can read.
--
-- A record of the reader's subtree may point at records the reader may not read: a list of
-- Kabupaten Demak to which KPU Provinsi Jawa Tengah added contacts of Kota Semarang, an
-- affiliation with an organization above or beside it, a branch whose parent is hidden, a
-- segment saved for Demak by the province that narrows to an outlet of Kota Semarang. The
-- audit row keeps the whole truth (the province's admins see it); a reader gets the snapshot
-- with each reference to a record they cannot read replaced: list members they cannot read are
-- left out and counted in `hidden_members`, other ids become null.
--
-- SECURITY INVOKER on purpose: "can read" is the reader's own row-level security on contacts
-- and organizations, the very rule every other read obeys.
CREATE FUNCTION humas.audit_snapshot_for_reader(entity text, snapshot jsonb) RETURNS jsonb
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

GRANT EXECUTE ON FUNCTION humas.audit_snapshot_for_reader(text, jsonb) TO humas_app;
