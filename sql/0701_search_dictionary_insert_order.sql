-- The dictionary triggers of 0009 insert new names and words with ON CONFLICT DO NOTHING. That
-- skips a key another transaction has committed, but WAITS on one it has inserted and not yet
-- committed. Two statements adding overlapping new names in different orders each waited on the
-- other: a deadlock (seen between two `humas dev generate` runs, 40P01). Inserting in key order
-- makes every statement take the keys in the same order, so one waits and neither deadlocks.
-- (A transaction that adds names in several statements can still meet another's earlier ones;
-- `humas dev generate` takes a lock of its own for that.)
CREATE OR REPLACE FUNCTION humas.contacts_search_words_trg() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    INSERT INTO humas.search_names (search_name)
    SELECT DISTINCT search_name FROM new_rows WHERE search_name <> ''
    ORDER BY search_name
    ON CONFLICT DO NOTHING;
    INSERT INTO humas.search_words (word)
    SELECT DISTINCT w
    FROM (SELECT DISTINCT search_name FROM new_rows) n,
         regexp_split_to_table(n.search_name, ' ') AS w
    WHERE w <> ''
    ORDER BY w
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION humas.organizations_search_trg() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    INSERT INTO humas.search_words (word)
    SELECT DISTINCT w
    FROM new_rows n,
         regexp_split_to_table(humas.norm_text(concat_ws(' ', n.name, n.short_name)), ' ') AS w
    WHERE w <> ''
    ORDER BY w
    ON CONFLICT DO NOTHING;
    IF TG_OP = 'UPDATE' THEN
        PERFORM humas.refresh_contact_org_names(ARRAY(
            SELECT DISTINCT a.contact_id
              FROM new_rows n JOIN old_rows o ON o.id = n.id
              JOIN humas.affiliations a ON a.organization_id = n.id
             WHERE (n.name, n.short_name, n.deleted_at) IS DISTINCT FROM (o.name, o.short_name, o.deleted_at)
               AND a.deleted_at IS NULL AND a.ended_on IS NULL));
    END IF;
    RETURN NULL;
END
$$;
