-- Who made an audit row, for whoever may read the row.
--
-- An audit row is readable within the reader's own subtree, but its actor may be a user the
-- reader cannot read (users are visible only within one's own subtree): a province admin reads
-- the rows of a kabupaten's users created by the national admin. A plain join to humas.users
-- would then lose the actor's e-mail. This definer function returns the actor's e-mail of ONE
-- audit row, and only when that row is itself in the acting user's scope (the same rule as the
-- audit_log_app_read policy), so it reveals nothing beyond the audit rows the reader already sees.
CREATE FUNCTION humas.audit_actor_email(audit_id bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
    SELECT u.email
    FROM humas.audit_log a JOIN humas.users u ON u.id = a.actor_id
    WHERE a.id = audit_actor_email.audit_id
      AND a.unit_id BETWEEN humas.acting_unit_id() AND humas.acting_subtree_end()
$$;
REVOKE ALL ON FUNCTION humas.audit_actor_email(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION humas.audit_actor_email(bigint) TO humas_app;
