-- Typo correction from the words the caller can read (issue: search side channels, leak 3).
--
-- humas.search_words (0009) is one dictionary of every name word in the country. The search
-- corrected a typo against it, so which corrections happened told a caller which words exist in
-- other offices' records: a hidden surname was recovered in about 100 requests. Here every word
-- is recorded with the unit and the record it comes from, and the search only takes a word as a
-- correction, or as "a known word starting with what was typed", when a record the caller can
-- read (live, owned in its scope) carries it.
--
-- One row per (word, unit, record), not a count per (word, unit): a count would be a hot row
-- that concurrent writers in one unit queue on (and deadlock on, across multi-statement
-- transactions); a record's own rows are touched only by whoever holds that record's row lock.
-- Reads stay cheap because the primary key leads with (word, unit_id): "does a readable record
-- carry this word" is two index range probes, whatever the scope (humas.word_readable).
-- search_words stays as it was, the candidate index for trigram similarity (a superset: every
-- candidate is checked here before it is used).

CREATE TABLE humas.search_word_units (
    word        text COLLATE "C" NOT NULL,
    unit_id     int NOT NULL,
    record_kind "char" NOT NULL,        -- 'c' a contact's name, 'o' an organization's names
    record_id   bigint NOT NULL,
    PRIMARY KEY (word, unit_id, record_kind, record_id)
);
ALTER TABLE humas.search_word_units ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.search_word_units FORCE ROW LEVEL SECURITY;
CREATE POLICY search_word_units_owner_all ON humas.search_word_units TO humas_owner USING (true) WITH CHECK (true);
-- No grant to humas_app: only the SECURITY DEFINER search reads it.

-- The words of records (their normalized name texts), added or removed in key order: every
-- statement takes the keys in the same order, so two writers wait rather than deadlock.
CREATE FUNCTION humas.word_units_add(kind "char", ids bigint[], units int[], texts text[]) RETURNS void
LANGUAGE sql SET search_path = humas, public, pg_temp
AS $$
    INSERT INTO humas.search_word_units (word, unit_id, record_kind, record_id)
    SELECT DISTINCT w, r.unit_id, kind, r.id
    FROM unnest(ids, units, texts) AS r (id, unit_id, t), regexp_split_to_table(r.t, ' ') AS w
    WHERE w <> ''
    ORDER BY 1, 2, 3, 4
    ON CONFLICT DO NOTHING
$$;

CREATE FUNCTION humas.word_units_remove(kind "char", ids bigint[], units int[], texts text[]) RETURNS void
LANGUAGE sql SET search_path = humas, public, pg_temp
AS $$
    DELETE FROM humas.search_word_units wu
    USING (SELECT DISTINCT w, r.unit_id, r.id
           FROM unnest(ids, units, texts) AS r (id, unit_id, t), regexp_split_to_table(r.t, ' ') AS w
           WHERE w <> '') x
    WHERE wu.word = x.w AND wu.unit_id = x.unit_id AND wu.record_kind = kind AND wu.record_id = x.id
$$;

-- contacts: a live contact's name words under its unit; a rename, a move to another unit, a
-- delete or a restore changes them. Only rows whose (name, unit, liveness) changed are touched,
-- so the frequent updates that change none of these (org_names, phones, …) cost one join.
CREATE FUNCTION humas.contacts_word_units_ins() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    PERFORM humas.word_units_add('c', array_agg(n.id), array_agg(n.unit_id), array_agg(n.search_name))
    FROM new_rows n WHERE n.deleted_at IS NULL;
    RETURN NULL;
END
$$;

CREATE FUNCTION humas.contacts_word_units_upd() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    PERFORM humas.word_units_remove('c', array_agg(o.id), array_agg(o.unit_id), array_agg(o.search_name))
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.deleted_at IS NULL
      AND (o.unit_id, o.search_name, o.deleted_at IS NULL) IS DISTINCT FROM (n.unit_id, n.search_name, n.deleted_at IS NULL);
    PERFORM humas.word_units_add('c', array_agg(n.id), array_agg(n.unit_id), array_agg(n.search_name))
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE n.deleted_at IS NULL
      AND (o.unit_id, o.search_name, o.deleted_at IS NULL) IS DISTINCT FROM (n.unit_id, n.search_name, n.deleted_at IS NULL);
    RETURN NULL;
END
$$;

CREATE FUNCTION humas.contacts_word_units_del() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    PERFORM humas.word_units_remove('c', array_agg(o.id), array_agg(o.unit_id), array_agg(o.search_name))
    FROM old_rows o WHERE o.deleted_at IS NULL;
    RETURN NULL;
END
$$;

CREATE TRIGGER contacts_word_units_ins AFTER INSERT ON humas.contacts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.contacts_word_units_ins();
CREATE TRIGGER contacts_word_units_upd AFTER UPDATE ON humas.contacts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.contacts_word_units_upd();
CREATE TRIGGER contacts_word_units_del AFTER DELETE ON humas.contacts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.contacts_word_units_del();

-- organizations: the words of name and short name, as the dictionary (0009) takes them.
CREATE FUNCTION humas.organization_search_text(name text, short_name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = humas, public, pg_temp
RETURN humas.norm_text(concat_ws(' ', name, short_name));

CREATE FUNCTION humas.organizations_word_units_ins() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    PERFORM humas.word_units_add('o', array_agg(n.id), array_agg(n.unit_id),
                                 array_agg(humas.organization_search_text(n.name, n.short_name)))
    FROM new_rows n WHERE n.deleted_at IS NULL;
    RETURN NULL;
END
$$;

CREATE FUNCTION humas.organizations_word_units_upd() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    PERFORM humas.word_units_remove('o', array_agg(o.id), array_agg(o.unit_id),
                                    array_agg(humas.organization_search_text(o.name, o.short_name)))
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.deleted_at IS NULL
      AND (o.unit_id, o.name, o.short_name, o.deleted_at IS NULL) IS DISTINCT FROM (n.unit_id, n.name, n.short_name, n.deleted_at IS NULL);
    PERFORM humas.word_units_add('o', array_agg(n.id), array_agg(n.unit_id),
                                 array_agg(humas.organization_search_text(n.name, n.short_name)))
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE n.deleted_at IS NULL
      AND (o.unit_id, o.name, o.short_name, o.deleted_at IS NULL) IS DISTINCT FROM (n.unit_id, n.name, n.short_name, n.deleted_at IS NULL);
    RETURN NULL;
END
$$;

CREATE FUNCTION humas.organizations_word_units_del() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    PERFORM humas.word_units_remove('o', array_agg(o.id), array_agg(o.unit_id),
                                    array_agg(humas.organization_search_text(o.name, o.short_name)))
    FROM old_rows o WHERE o.deleted_at IS NULL;
    RETURN NULL;
END
$$;

CREATE TRIGGER organizations_word_units_ins AFTER INSERT ON humas.organizations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.organizations_word_units_ins();
CREATE TRIGGER organizations_word_units_upd AFTER UPDATE ON humas.organizations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.organizations_word_units_upd();
CREATE TRIGGER organizations_word_units_del AFTER DELETE ON humas.organizations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.organizations_word_units_del();

-- What is there already.
SELECT humas.word_units_add('c', array_agg(id), array_agg(unit_id), array_agg(search_name))
FROM humas.contacts WHERE deleted_at IS NULL;
SELECT humas.word_units_add('o', array_agg(id), array_agg(unit_id), array_agg(humas.organization_search_text(name, short_name)))
FROM humas.organizations WHERE deleted_at IS NULL;

-- Does a record readable in the scope (see humas.unit_readable) carry `w`? Two index range
-- probes on (word, unit_id): the subtree range, then the (at most two) ancestors.
CREATE FUNCTION humas.word_readable(w text, scope_lo int, scope_hi int, ancestors int[]) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM humas.search_word_units wu
                   WHERE wu.word = w AND wu.unit_id BETWEEN scope_lo AND scope_hi)
        OR EXISTS (SELECT 1 FROM humas.search_word_units wu
                   WHERE wu.word = w AND wu.unit_id = ANY (ancestors))
$$;

-- Turn a free-text query into tsquery groups, one per word, each an OR of alternatives; NULL for
-- an empty query (as 0010's one-argument version, which it replaces), with every word it draws on
-- readable in the scope (scope_lo/scope_hi/ancestors, as humas.unit_readable takes them):
--   * every word is normalized like the indexed names (norm_text);
--   * a word of 2+ letters matches as a prefix (type-ahead: 'santos' finds Santoso);
--   * a word of 3+ letters that no readable word starts with is a probable typo: its closest
--     readable words (pg_trgm similarity >= pg_trgm.similarity_threshold, default 0.3) are OR-ed
--     in, at most 3. The prefix test walks the distinct words with that prefix (search_words'
--     btree) and stops at the first readable one.
CREATE FUNCTION humas.contact_search_groups(q text, scope_lo int, scope_hi int, ancestors int[]) RETURNS tsquery[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
DECLARE
    v_words  text[];
    v_word   text;
    v_terms  text[];
    v_groups tsquery[] := '{}';
BEGIN
    v_words := (regexp_split_to_array(humas.norm_text(coalesce(q, '')), ' '))[1:8];
    FOREACH v_word IN ARRAY v_words LOOP
        CONTINUE WHEN v_word = '';
        -- norm_text leaves only letters, digits and single spaces: safe as tsquery lexemes.
        v_terms := ARRAY[CASE WHEN length(v_word) >= 2 THEN v_word || ':*' ELSE v_word END];
        IF length(v_word) >= 3 AND NOT EXISTS (
               SELECT 1 FROM humas.search_words sw
               WHERE sw.word >= v_word AND sw.word < v_word || chr(1114111)
                 AND humas.word_readable(sw.word, scope_lo, scope_hi, ancestors)) THEN
            v_terms := v_terms || ARRAY(
                SELECT sw.word FROM humas.search_words sw
                WHERE sw.word OPERATOR(public.%) v_word
                  AND humas.word_readable(sw.word, scope_lo, scope_hi, ancestors)
                ORDER BY public.similarity(sw.word, v_word) DESC, sw.word
                LIMIT 3);
        END IF;
        v_groups := v_groups || to_tsquery('simple', array_to_string(v_terms, ' | '));
    END LOOP;
    RETURN nullif(v_groups, '{}');
END
$$;

-- The whole query for the acting user, all groups AND-ed: for inspection and the benchmark scripts.
CREATE OR REPLACE FUNCTION humas.contact_search_query(q text) RETURNS tsquery
LANGUAGE sql STABLE SET search_path = humas, public, pg_temp
AS $$
    SELECT to_tsquery('simple', string_agg('(' || g::text || ')', ' & ' ORDER BY i))
    FROM unnest(humas.contact_search_groups(q, humas.acting_unit_id(), humas.acting_subtree_end(),
                                            humas.acting_ancestor_ids())) WITH ORDINALITY AS t (g, i)
$$;

DROP FUNCTION humas.contact_search_groups(text);
REVOKE ALL ON FUNCTION humas.contact_search_groups(text, int, int, int[]), humas.word_readable(text, int, int, int[]),
    humas.word_units_add("char", bigint[], int[], text[]), humas.word_units_remove("char", bigint[], int[], text[])
    FROM PUBLIC;
