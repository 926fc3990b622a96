-- What contact search runs on (the search itself is humas.search_contacts, 0010).
--
-- Measured at 1M contacts (DESIGN.md, Performance notes): trigram similarity over whole names is
-- too slow (Indonesian names share few tokens), a full-text tsvector with prefix terms on GIN is
-- fast, and typos are best corrected first against a small dictionary of the words that occur
-- in names. Measured here too: a BROAD query ('wahyu' -> Wahyu, Wahyudi, Wahyuni, ...: 21,000 of
-- 1M contacts) is still slow that way (35-160 ms: one heap page and one similarity() per
-- candidate), yet it matches only ~5,000 DISTINCT names, and a page needs only the best few. So:
--   * contacts.search_name  - normalized name (unaccented, lower case): ranking and name order;
--   * contacts.org_names    - names of the contact's current organizations (kept by triggers);
--   * contacts.search_tsv   - 'simple' tsvector of name (weight A) + organization names (B);
--   * contacts.org_tsv      - 'simple' tsvector of the organization names alone;
--   * humas.search_names    - every distinct normalized contact name, with its tsvector (GIN):
--                             matching names are found and ranked here, once per name;
--   * contacts_search_name_idx (search_name, id) INCLUDE (unit_id) - name -> its live contacts
--                             in id order with their unit: index-only, scope checked in the index;
--   * GIN on search_tsv and org_tsv, for the ~20% of contacts with current organizations only
--                             (org_names <> ''): finds contacts through an organization's name;
--   * humas.search_words    - every distinct word of names and organization names,
--                             trigram-indexed, for spell correction.
-- search_names and search_words are maintained by STATEMENT-level triggers with transition
-- tables (one INSERT ... SELECT DISTINCT per statement), so a 1M-row COPY pays once, not per
-- row. They only grow (ON CONFLICT DO NOTHING takes no lock on an existing row, so concurrent
-- writers never contend); a stale entry costs nothing but a useless candidate, and
-- humas.rebuild_search_words() prunes them if ever needed.

ALTER TABLE humas.contacts
    ADD COLUMN org_names text NOT NULL DEFAULT '',
    ADD COLUMN search_name text COLLATE "C" GENERATED ALWAYS AS (humas.norm_text(full_name)) STORED,
    ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, humas.norm_text(full_name)), 'A')
        || setweight(to_tsvector('simple'::regconfig, humas.norm_text(org_names)), 'B')) STORED,
    ADD COLUMN org_tsv tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, humas.norm_text(org_names))) STORED;

CREATE INDEX contacts_search_name_idx ON humas.contacts (search_name, id) INCLUDE (unit_id)
    WHERE deleted_at IS NULL;
CREATE INDEX contacts_search_tsv_idx ON humas.contacts USING gin (search_tsv) WHERE org_names <> '';
CREATE INDEX contacts_org_tsv_idx ON humas.contacts USING gin (org_tsv) WHERE org_names <> '';
-- Name order within a unit range (an empty query, filters only, by a kabupaten/province user).
CREATE INDEX contacts_unit_name_idx ON humas.contacts (unit_id, search_name, id) WHERE deleted_at IS NULL;

CREATE TABLE humas.search_names (
    search_name text COLLATE "C" PRIMARY KEY,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_name)) STORED
);
CREATE INDEX search_names_tsv_idx ON humas.search_names USING gin (tsv);
ALTER TABLE humas.search_names ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.search_names FORCE ROW LEVEL SECURITY;
CREATE POLICY search_names_owner_all ON humas.search_names TO humas_owner USING (true) WITH CHECK (true);

CREATE TABLE humas.search_words (
    word text COLLATE "C" PRIMARY KEY     -- the btree also answers "is w a prefix of a word?"
);
CREATE INDEX search_words_trgm_idx ON humas.search_words USING gin (word public.gin_trgm_ops);
ALTER TABLE humas.search_words ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.search_words FORCE ROW LEVEL SECURITY;
CREATE POLICY search_words_owner_all ON humas.search_words TO humas_owner USING (true) WITH CHECK (true);
-- No grant to humas_app on search_names/search_words: only the SECURITY DEFINER search reads them.

-- The searchable organization names of a set of contacts: their current (not ended, not
-- deleted) affiliations to live organizations, name and short name; '' when none.
CREATE FUNCTION humas.contacts_org_names(p_contact_ids bigint[])
RETURNS TABLE (contact_id bigint, org_names text)
LANGUAGE sql STABLE SET search_path = humas, public, pg_temp
AS $$
    -- A join against unnest() (not `= ANY (array)`), so that 200,000 ids from a bulk import
    -- hash-join instead of being compared linearly row by row.
    SELECT ids.id,
           coalesce(string_agg(concat_ws(' ', o.name, o.short_name), ' ' ORDER BY o.id, a.id)
                        FILTER (WHERE o.id IS NOT NULL), '')
    FROM unnest(p_contact_ids) AS ids (id)
    LEFT JOIN humas.affiliations a
           ON a.contact_id = ids.id AND a.deleted_at IS NULL AND a.ended_on IS NULL
    LEFT JOIN humas.organizations o
           ON o.id = a.organization_id AND o.deleted_at IS NULL
    GROUP BY ids.id
$$;

-- contacts: add inserted/renamed names to search_names and their words to the dictionary.
CREATE FUNCTION humas.contacts_search_words_trg() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    INSERT INTO humas.search_names (search_name)
    SELECT DISTINCT search_name FROM new_rows WHERE search_name <> ''
    ON CONFLICT DO NOTHING;
    INSERT INTO humas.search_words (word)
    SELECT DISTINCT w
    FROM (SELECT DISTINCT search_name FROM new_rows) n,
         regexp_split_to_table(n.search_name, ' ') AS w
    WHERE w <> ''
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER contacts_search_words_ins AFTER INSERT ON humas.contacts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.contacts_search_words_trg();
CREATE TRIGGER contacts_search_words_upd AFTER UPDATE ON humas.contacts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.contacts_search_words_trg();

-- Recompute org_names for a set of contacts, in one statement (only changed rows are written).
CREATE FUNCTION humas.refresh_contact_org_names(p_contact_ids bigint[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
    UPDATE humas.contacts c
       SET org_names = x.org_names
      FROM humas.contacts_org_names(p_contact_ids) x
     WHERE c.id = x.contact_id AND c.org_names IS DISTINCT FROM x.org_names
$$;

-- affiliations: a new, ended, moved or deleted affiliation changes its contact's org_names.
CREATE FUNCTION humas.affiliations_search_trg() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM humas.refresh_contact_org_names(ARRAY(SELECT DISTINCT contact_id FROM new_rows));
    ELSE
        PERFORM humas.refresh_contact_org_names(ARRAY(
            SELECT n.contact_id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.contact_id, n.organization_id, n.ended_on, n.deleted_at)
                   IS DISTINCT FROM (o.contact_id, o.organization_id, o.ended_on, o.deleted_at)
            UNION
            SELECT o.contact_id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE n.contact_id IS DISTINCT FROM o.contact_id));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER affiliations_search_ins AFTER INSERT ON humas.affiliations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.affiliations_search_trg();
CREATE TRIGGER affiliations_search_upd AFTER UPDATE ON humas.affiliations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.affiliations_search_trg();

-- organizations: their name words join the dictionary; a rename or delete changes the
-- org_names of every contact currently affiliated.
CREATE FUNCTION humas.organizations_search_trg() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    INSERT INTO humas.search_words (word)
    SELECT DISTINCT w
    FROM new_rows n,
         regexp_split_to_table(humas.norm_text(concat_ws(' ', n.name, n.short_name)), ' ') AS w
    WHERE w <> ''
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
CREATE TRIGGER organizations_search_ins AFTER INSERT ON humas.organizations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.organizations_search_trg();
CREATE TRIGGER organizations_search_upd AFTER UPDATE ON humas.organizations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.organizations_search_trg();

-- Maintenance (owner only): rebuild the word dictionary and the name list from live rows,
-- dropping stale entries. Returns the number of words kept.
CREATE FUNCTION humas.rebuild_search_words() RETURNS bigint
LANGUAGE sql SET search_path = humas, public, pg_temp
AS $$
    WITH live AS (
        SELECT DISTINCT w AS word
        FROM (SELECT search_name AS t FROM humas.contacts WHERE deleted_at IS NULL
              UNION
              SELECT humas.norm_text(concat_ws(' ', name, short_name))
              FROM humas.organizations WHERE deleted_at IS NULL) s,
             regexp_split_to_table(s.t, ' ') AS w
        WHERE w <> ''),
    pruned AS (
        DELETE FROM humas.search_words sw
        WHERE NOT EXISTS (SELECT 1 FROM live WHERE live.word = sw.word)),
    added AS (
        INSERT INTO humas.search_words (word) SELECT word FROM live ON CONFLICT DO NOTHING),
    live_names AS (
        SELECT DISTINCT search_name FROM humas.contacts WHERE deleted_at IS NULL AND search_name <> ''),
    pruned_names AS (
        DELETE FROM humas.search_names sn
        WHERE NOT EXISTS (SELECT 1 FROM live_names l WHERE l.search_name = sn.search_name)),
    added_names AS (
        INSERT INTO humas.search_names (search_name) SELECT search_name FROM live_names ON CONFLICT DO NOTHING)
    SELECT count(*) FROM live
$$;
REVOKE ALL ON FUNCTION humas.rebuild_search_words() FROM PUBLIC;
REVOKE ALL ON FUNCTION humas.refresh_contact_org_names(bigint[]) FROM PUBLIC;
