-- A party's ballot number is national master data: KPU RI sets it, and KIP Aceh for the
-- Aceh-local parties (party_scope 'aceh_local'). The service refuses anyone else first, with the
-- rule in the message; this trigger holds the rule for every other path.
--
-- It runs BEFORE the row is written, so for anyone else the unique index on ballot numbers is
-- never reached: a regency office cannot learn which numbers are taken by trying them.
-- Maintenance as humas_owner (the seed of the 2024 parties) is not an acting user and passes.
CREATE FUNCTION humas.check_ballot_number_setter() RETURNS trigger
LANGUAGE plpgsql SET search_path = humas, public, pg_temp
AS $fn$
DECLARE
    v_unit text;
BEGIN
    IF current_user <> 'humas_app' OR NEW.ballot_number IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.ballot_number IS NOT DISTINCT FROM OLD.ballot_number
       AND NEW.party_scope IS NOT DISTINCT FROM OLD.party_scope THEN
        RETURN NEW;
    END IF;
    SELECT u.code INTO v_unit FROM humas.units u WHERE u.id = humas.acting_unit_id();
    IF v_unit = 'ID' OR (v_unit = 'ID-AC' AND NEW.party_scope = 'aceh_local') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'only KPU RI sets ballot numbers (and KIP Aceh for Aceh-local parties): they are national master data'
        USING ERRCODE = '42501';
END
$fn$;

CREATE TRIGGER organizations_ballot_number_setter
    BEFORE INSERT OR UPDATE OF ballot_number, party_scope ON humas.organizations
    FOR EACH ROW EXECUTE FUNCTION humas.check_ballot_number_setter();
