-- An organization may not become its own ancestor (A under B under A). The service checks
-- this before it writes, but only through the rows the caller can read; this trigger walks the
-- whole chain as the owner, so a cycle through an office's hidden branch is refused too.
-- Parent changes take one lock each so that two crossing changes (A under B, B under A) in
-- concurrent transactions cannot both pass: the second one waits and then sees the first.
CREATE FUNCTION humas.organizations_refuse_parent_cycle() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    IF NEW.parent_id IS NULL THEN
        RETURN NEW;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('humas.organizations.parent_id'));
    IF EXISTS (
        WITH RECURSIVE chain (id, depth) AS (
            SELECT NEW.parent_id, 1
            UNION ALL
            SELECT o.parent_id, chain.depth + 1
            FROM humas.organizations o JOIN chain ON o.id = chain.id
            WHERE o.parent_id IS NOT NULL AND chain.depth < 10000
        )
        SELECT 1 FROM chain WHERE chain.id = NEW.id
    ) THEN
        RAISE EXCEPTION 'organization % would be its own ancestor', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'organizations_parent_cycle';
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION humas.organizations_refuse_parent_cycle() FROM PUBLIC;

CREATE TRIGGER organizations_refuse_parent_cycle BEFORE UPDATE OF parent_id ON humas.organizations
    FOR EACH ROW WHEN (NEW.parent_id IS DISTINCT FROM OLD.parent_id)
    EXECUTE FUNCTION humas.organizations_refuse_parent_cycle();
