-- A contact is at an organization once at a time: two current (not ended) affiliations of one
-- contact with the same organization are a double entry, which would count the contact twice in
-- segments and reports. The service refuses it with a message; this index holds it against
-- concurrent writers. Earlier double entries, if any, keep the newest as current and end the
-- others on the day they started (or today), so the history stays.
UPDATE humas.affiliations a
SET ended_on = coalesce(a.started_on, current_date)
FROM (
    SELECT id, row_number() OVER (PARTITION BY contact_id, organization_id
                                  ORDER BY started_on DESC NULLS LAST, id DESC) AS rank
    FROM humas.affiliations
    WHERE ended_on IS NULL AND deleted_at IS NULL
) d
WHERE a.id = d.id AND d.rank > 1;

CREATE UNIQUE INDEX affiliations_one_current_key ON humas.affiliations (contact_id, organization_id)
    WHERE ended_on IS NULL AND deleted_at IS NULL;
