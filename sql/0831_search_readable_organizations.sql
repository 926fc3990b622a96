-- Contacts are matched only by the words of organizations the caller can read (issue: search
-- side channels, leak 2).
--
-- contacts.org_names (0009) held the names of ALL of a contact's current organizations, so a
-- visible contact working for an organization the caller cannot read was found by that
-- organization's words, and its hidden name could be read prefix by prefix. Which organizations
-- a caller can read depends on the caller, so one stored text per contact cannot be right for
-- everyone - except for the organizations on the contact's own line: an organization owned by
-- the contact's unit or one of its ancestors is readable by everyone who can read the contact
-- (they either sit in the caller's subtree above the contact, or are the caller's own
-- ancestors). So:
--   * contacts.org_names (and search_tsv/org_tsv, the fast path) keeps only those: a national
--     outlet, the province's outlets, the unit's own;
--   * the rare rest - an organization of another branch, or below the contact's unit - goes to
--     humas.search_outside_orgs, one row per (contact, organization) with the organization's
--     unit, and the search takes it into account only where the caller can read that unit.
-- A move of a contact or an organization to another unit changes which side an affiliation is
-- on, so it refreshes too.

-- The names of a set of contacts' current organizations on their own line ('' when none).
CREATE OR REPLACE FUNCTION humas.contacts_org_names(p_contact_ids bigint[])
RETURNS TABLE (contact_id bigint, org_names text)
LANGUAGE plpgsql STABLE SET search_path = humas, public, pg_temp
AS $fn$
BEGIN
    -- EXECUTE ... USING: planned for the actual array (0401).
    RETURN QUERY EXECUTE $sql$
        SELECT ids.id, coalesce(agg.names, '')
        FROM unnest($1::bigint[]) AS ids (id)
        LEFT JOIN (SELECT a.contact_id,
                          string_agg(concat_ws(' ', o.name, o.short_name), ' ' ORDER BY o.id, a.id) AS names
                   FROM humas.affiliations a
                   JOIN humas.organizations o ON o.id = a.organization_id
                   JOIN humas.contacts c ON c.id = a.contact_id
                   JOIN humas.units ou ON ou.id = o.unit_id
                   WHERE a.contact_id = ANY ($1::bigint[])
                     AND a.deleted_at IS NULL AND a.ended_on IS NULL AND o.deleted_at IS NULL
                     AND c.unit_id BETWEEN o.unit_id AND ou.subtree_end
                   GROUP BY a.contact_id) agg ON agg.contact_id = ids.id
    $sql$ USING p_contact_ids;
END
$fn$;

CREATE TABLE humas.search_outside_orgs (
    contact_id      bigint NOT NULL,
    organization_id bigint NOT NULL,
    org_unit_id     int NOT NULL,
    org_names       text NOT NULL,
    org_tsv         tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, humas.norm_text(org_names))) STORED,
    PRIMARY KEY (contact_id, organization_id)
);
CREATE INDEX search_outside_orgs_tsv_idx ON humas.search_outside_orgs USING gin (org_tsv);
ALTER TABLE humas.search_outside_orgs ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.search_outside_orgs FORCE ROW LEVEL SECURITY;
CREATE POLICY search_outside_orgs_owner_all ON humas.search_outside_orgs TO humas_owner USING (true) WITH CHECK (true);
-- No grant to humas_app: only the SECURITY DEFINER search reads it.

-- Recompute what search knows of a set of contacts' organizations, in a few statements.
CREATE OR REPLACE FUNCTION humas.refresh_contact_org_names(p_contact_ids bigint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $fn$
BEGIN
    -- Nothing to do, and nothing to update: an UPDATE of no rows would still fire the contacts
    -- statement triggers, which call this again.
    IF coalesce(cardinality(p_contact_ids), 0) = 0 THEN
        RETURN;
    END IF;
    UPDATE humas.contacts c
       SET org_names = x.org_names
      FROM humas.contacts_org_names(p_contact_ids) x
     WHERE c.id = x.contact_id AND c.org_names IS DISTINCT FROM x.org_names;
    EXECUTE $sql$
        DELETE FROM humas.search_outside_orgs x USING unnest($1::bigint[]) AS ids (id) WHERE x.contact_id = ids.id
    $sql$ USING p_contact_ids;
    EXECUTE $sql$
        INSERT INTO humas.search_outside_orgs (contact_id, organization_id, org_unit_id, org_names)
        SELECT DISTINCT ON (a.contact_id, o.id) a.contact_id, o.id, o.unit_id, concat_ws(' ', o.name, o.short_name)
        FROM humas.affiliations a
        JOIN humas.organizations o ON o.id = a.organization_id
        JOIN humas.contacts c ON c.id = a.contact_id
        JOIN humas.units ou ON ou.id = o.unit_id
        WHERE a.contact_id = ANY ($1::bigint[])
          AND a.deleted_at IS NULL AND a.ended_on IS NULL AND o.deleted_at IS NULL
          AND NOT (c.unit_id BETWEEN o.unit_id AND ou.subtree_end)
        ORDER BY a.contact_id, o.id
    $sql$ USING p_contact_ids;
END
$fn$;
REVOKE ALL ON FUNCTION humas.refresh_contact_org_names(bigint[]) FROM PUBLIC;

-- A contact moved to another unit: its affiliations may have changed sides.
CREATE FUNCTION humas.contacts_org_line_upd() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    PERFORM humas.refresh_contact_org_names(ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.unit_id <> o.unit_id));
    RETURN NULL;
END
$$;
CREATE TRIGGER contacts_org_line_upd AFTER UPDATE ON humas.contacts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION humas.contacts_org_line_upd();

-- organizations: as 0701, and a move to another unit refreshes its contacts too.
CREATE OR REPLACE FUNCTION humas.organizations_search_trg() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
BEGIN
    INSERT INTO humas.search_words (word)
    SELECT DISTINCT w
    FROM new_rows n,
         regexp_split_to_table(humas.organization_search_text(n.name, n.short_name), ' ') AS w
    WHERE w <> ''
    ORDER BY w
    ON CONFLICT DO NOTHING;
    IF TG_OP = 'UPDATE' THEN
        PERFORM humas.refresh_contact_org_names(ARRAY(
            SELECT DISTINCT a.contact_id
              FROM new_rows n JOIN old_rows o ON o.id = n.id
              JOIN humas.affiliations a ON a.organization_id = n.id
             WHERE (n.name, n.short_name, n.deleted_at, n.unit_id) IS DISTINCT FROM (o.name, o.short_name, o.deleted_at, o.unit_id)
               AND a.deleted_at IS NULL AND a.ended_on IS NULL));
    END IF;
    RETURN NULL;
END
$$;

-- What is there already: every contact with a current affiliation.
SELECT humas.refresh_contact_org_names(ARRAY(
    SELECT DISTINCT contact_id FROM humas.affiliations WHERE deleted_at IS NULL AND ended_on IS NULL));

-- The words of each organization, for finding the organizations a query names (step 3 of the
-- search), which is where the search now starts from: a contact's organizations are readable or
-- not depending on the caller. contacts.org_tsv's GIN index is no longer used; search_tsv's
-- stays for narrow queries with a broad word (step 3).
ALTER TABLE humas.organizations ADD COLUMN search_tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, humas.organization_search_text(name, short_name))) STORED;
CREATE INDEX organizations_search_tsv_idx ON humas.organizations USING gin (search_tsv);
-- The contacts with organizations on their line in name order, with what the walk of step 3
-- tests (scope, organization words) in the index itself: no heap visit for a contact it skips.
-- Current affiliations by organization with their (contact's) unit: step 3 counts and collects
-- the readable ones of the matching organizations from the index alone.
CREATE INDEX affiliations_current_org_idx ON humas.affiliations (organization_id, unit_id, contact_id)
    WHERE deleted_at IS NULL AND ended_on IS NULL;
CREATE INDEX contacts_org_walk_idx ON humas.contacts (search_name, id) INCLUDE (unit_id, org_tsv)
    WHERE deleted_at IS NULL AND org_names <> '';
DROP INDEX humas.contacts_org_tsv_idx;

-- The search with the signature 0810 made room for, drawing on readable words only (humas.contact_search_groups
-- with the scope, 0830) and on the readable organizations off a contact's line (the last branch).
CREATE FUNCTION humas.search_contacts(
    q text,
    filters jsonb DEFAULT '{}',
    after_score real DEFAULT NULL,
    after_name text DEFAULT NULL,
    after_id bigint DEFAULT NULL,
    max_rows int DEFAULT 50)
RETURNS TABLE (contact_id bigint, score real, search_name text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp
-- A search touches a few thousand rows at most: starting parallel workers costs more than it
-- saves and makes latency depend on what else the server is doing.
SET max_parallel_workers_per_gather = 0
AS $fn$
DECLARE
    -- The acting user's scope, from the same helpers the RLS policies use.
    v_lo    int   := humas.acting_unit_id();
    v_hi    int   := humas.acting_subtree_end();
    v_anc   int[] := humas.acting_ancestor_ids();
    v_f     jsonb := coalesce(filters, '{}');
    v_bad   text;
    v_q     text;
    v_qlen  int;            -- letters in the normalized query (for name_match_score)
    v_groups tsquery[];     -- one per query word (alternatives OR-ed)
    v_tsq   tsquery;        -- all groups AND-ed: what a match must satisfy
    v_orgq  tsquery;        -- any group: what an organization-name match must contain
    v_nameq tsquery;        -- v_tsq restricted to name lexemes (weight A in search_tsv)
    v_names text[];         -- matching names, best first, and their scores
    v_scores real[];
    v_from  int;
    v_chunk int;
    v_ids   bigint[] := '{}';   -- name matches collected so far (with score and name)
    v_sc    real[] := '{}';
    v_nm    text[] := '{}';
    v_more_ids bigint[];
    v_more_sc  real[];
    v_more_nm  text[];
    v_limit int   := least(greatest(coalesce(max_rows, 50), 1), 1000);
    v_under_lo int;
    v_under_hi int;
    v_category text;
    v_tag   text;
    v_has_email boolean;
    v_excl_opted_out boolean;
    v_kind  text;
    v_media text;
    v_beat  text;
    v_orgs  bigint[];       -- organization filter: org (or party) ids incl. branches
    v_aff   boolean;        -- any affiliation-level filter present
    v_after_name text COLLATE "C";
    -- Scope and filters on contacts c, shared by every query below. $3-$5: the acting scope
    -- (same rule as the RLS policies), $6/$7: `under` range, $8-$11: contact filters. With an
    -- EXECUTE ... USING one-shot plan the conditions of absent filters fold away.
    c_where CONSTANT text := $w$(
                  c.deleted_at IS NULL
              AND humas.unit_readable(c.unit_id, $3, $4, $5)
              AND ($6::int IS NULL OR c.unit_id BETWEEN $6 AND $7)
              AND ($8::text IS NULL OR c.category = $8)
              AND ($9::text IS NULL OR c.tags @> ARRAY[$9])
              AND ($10::boolean IS NULL OR (cardinality(c.emails) > 0) = $10)
              AND (NOT $11 OR c.opted_out_at IS NULL))$w$;
    -- Affiliation filters ($13-$16), appended only when present: as a plain top-level EXISTS the
    -- planner can turn it into a semi-join driven by the (often selective) organization side;
    -- inside an OR it would stay a per-row sub-plan.
    c_where_aff CONSTANT text := $w$
              AND EXISTS (
                    SELECT 1 FROM humas.affiliations a
                    JOIN humas.organizations o ON o.id = a.organization_id
                    WHERE a.contact_id = c.id
                      AND a.deleted_at IS NULL AND a.ended_on IS NULL AND o.deleted_at IS NULL
                      AND humas.unit_readable(a.unit_id, $3, $4, $5)
                      AND humas.unit_readable(o.unit_id, $3, $4, $5)
                      AND ($13::text IS NULL OR o.kind = $13)
                      AND ($14::text IS NULL OR o.media_type = $14)
                      AND ($15::text IS NULL OR a.beat = $15)
                      AND ($16::bigint[] IS NULL OR a.organization_id = ANY ($16)))$w$;
    v_where text;
    -- Organization matches (step 3).
    c_broad CONSTANT int := 2000;        -- affiliations beyond which a name-order walk is cheaper
    v_hit_orgs bigint[];    -- readable organizations whose names match a query word
    v_hit_affs int;         -- their current affiliations, counted up to c_broad + 1
    v_use_gin boolean;      -- broad, but narrowed by a word that must match the name
    v_scoped_where text;
    v_org_ids bigint[] := '{}';   -- organization matches collected (with name)
    v_org_nm  text[] := '{}';
    v_walk_ids bigint[];    -- one chunk of the walk: readable contacts in name order
    v_walk_nm  text[];
    v_walk_name text;       -- where the walk goes on from
    v_walk_id  bigint;
    v_walked   int := 0;    -- contacts the walk has checked
    c_walk_budget CONSTANT int := 3968;  -- 128 + ... + 2048: beyond, the GIN index takes over
BEGIN
    IF v_lo IS NULL THEN
        RETURN;             -- no (enabled) acting user: sees nothing
    END IF;
    IF jsonb_typeof(v_f) <> 'object' THEN
        RAISE EXCEPTION 'search filters must be a JSON object' USING ERRCODE = '22023';
    END IF;
    -- JSON nulls mean "absent".
    v_f := jsonb_strip_nulls(v_f);
    SELECT string_agg(k, ', ' ORDER BY k) INTO v_bad
    FROM jsonb_object_keys(v_f) AS k
    WHERE k <> ALL (ARRAY['category', 'tag', 'has_email', 'exclude_opted_out', 'under',
                          'organization_kind', 'organization', 'party', 'media_type', 'beat']);
    IF v_bad IS NOT NULL THEN
        RAISE EXCEPTION 'unknown search filter: %', v_bad USING ERRCODE = '22023';
    END IF;
    -- Types (checked up front rather than by catching cast errors: no subtransaction per call).
    SELECT string_agg(k, ', ' ORDER BY k) INTO v_bad
    FROM jsonb_each(v_f) AS e (k, v)
    WHERE (k IN ('category', 'tag', 'organization_kind', 'media_type', 'beat', 'under')
           AND jsonb_typeof(v) <> 'string')
       OR (k IN ('has_email', 'exclude_opted_out') AND jsonb_typeof(v) <> 'boolean')
       OR (k = 'organization' AND jsonb_typeof(v) <> 'number')
       OR (k = 'party' AND jsonb_typeof(v) NOT IN ('number', 'string'));
    IF v_bad IS NOT NULL THEN
        RAISE EXCEPTION 'search filter has the wrong type: %', v_bad USING ERRCODE = '22023';
    END IF;
    v_category := v_f->>'category';
    v_tag := v_f->>'tag';
    v_has_email := (v_f->'has_email')::boolean;
    v_excl_opted_out := coalesce((v_f->'exclude_opted_out')::boolean, false);
    v_kind := v_f->>'organization_kind';
    v_media := v_f->>'media_type';
    v_beat := lower(btrim(v_f->>'beat'));

    IF v_f ? 'under' THEN
        SELECT u.id, u.subtree_end INTO v_under_lo, v_under_hi
        FROM humas.units u WHERE u.code = upper(btrim(v_f->>'under'));
        IF NOT FOUND THEN
            RAISE EXCEPTION 'unknown unit: %', v_f->>'under' USING ERRCODE = 'P0002';
        END IF;
        IF NOT humas.unit_readable(v_under_lo, v_lo, v_hi, v_anc) THEN
            RAISE EXCEPTION 'unit % is outside your scope', v_f->>'under' USING ERRCODE = '42501';
        END IF;
    END IF;

    -- organization / party: resolve to visible organization ids, then add their branches. The
    -- root must be visible too: a hidden organization's visible branches would otherwise answer
    -- for it, telling apart a hidden id from an unknown one.
    IF v_f ? 'organization' OR v_f ? 'party' THEN
        WITH RECURSIVE roots AS (
            SELECT o.id FROM humas.organizations o
            WHERE v_f ? 'organization' AND o.id = (v_f->>'organization')::bigint
              AND o.deleted_at IS NULL AND humas.unit_readable(o.unit_id, v_lo, v_hi, v_anc)
            UNION
            -- party: ballot number of a national party first; else an organization id; or a name
            SELECT o.id FROM humas.organizations o
            WHERE v_f ? 'party' AND o.kind = 'political_party' AND o.parent_id IS NULL
              AND o.deleted_at IS NULL AND humas.unit_readable(o.unit_id, v_lo, v_hi, v_anc)
              AND CASE jsonb_typeof(v_f->'party')
                  WHEN 'number' THEN
                      o.ballot_number = (v_f->>'party')::numeric
                      OR (o.id = (v_f->>'party')::numeric
                          AND NOT EXISTS (SELECT 1 FROM humas.organizations p
                                          WHERE p.kind = 'political_party' AND p.parent_id IS NULL
                                            AND p.deleted_at IS NULL
                                            AND p.ballot_number = (v_f->>'party')::numeric))
                  ELSE lower(o.short_name) = lower(btrim(v_f->>'party'))
                       OR lower(o.name) = lower(btrim(v_f->>'party'))
                  END),
        tree AS (
            SELECT r.id, 0 AS depth FROM roots r
            UNION ALL
            SELECT o.id, t.depth + 1 FROM humas.organizations o JOIN tree t ON o.parent_id = t.id
            WHERE t.depth < 4)
        SELECT coalesce(array_agg(DISTINCT o.id), '{}') INTO v_orgs
        FROM tree t JOIN humas.organizations o ON o.id = t.id
        WHERE o.deleted_at IS NULL AND humas.unit_readable(o.unit_id, v_lo, v_hi, v_anc);
    END IF;
    v_aff := v_kind IS NOT NULL OR v_media IS NOT NULL OR v_beat IS NOT NULL OR v_orgs IS NOT NULL;
    v_where := c_where || CASE WHEN v_aff THEN c_where_aff ELSE '' END;

    v_groups := humas.contact_search_groups(q, v_lo, v_hi, v_anc);
    -- The cursor's name comes from the cursor itself, never from the row behind after_id: that
    -- row may be outside the caller's scope (or deleted), and reading it would leak its name.
    v_after_name := CASE WHEN after_id IS NOT NULL THEN coalesce(after_name, '') END;

    IF v_groups IS NOT NULL THEN
        v_q := humas.norm_text(q);
        v_qlen := length(replace(v_q, ' ', ''));
        SELECT to_tsquery('simple', string_agg('(' || g::text || ')', ' & ')),
               to_tsquery('simple', string_agg('(' || g::text || ')', ' | '))
          INTO v_tsq, v_orgq
          FROM unnest(v_groups) AS g;
        -- Every lexeme of v_tsq (letters/digits only, see contact_search_groups) marked :A.
        v_nameq := regexp_replace(regexp_replace(v_tsq::text,
                       '''([[:alnum:]]+)'':\*', '''\1'':*A', 'g'),
                       '''([[:alnum:]]+)''(?!:)', '''\1'':A', 'g')::tsquery;

        -- 2. Matching names, scored once each, best first, from the cursor on.
        SELECT coalesce(array_agg(n.search_name ORDER BY n.score DESC, n.search_name), '{}'),
               coalesce(array_agg(n.score ORDER BY n.score DESC, n.search_name), '{}')
          INTO v_names, v_scores
          FROM (SELECT sn.search_name, humas.name_match_score(sn.search_name, v_qlen) AS score
                  FROM humas.search_names sn
                 WHERE sn.tsv @@ v_tsq) n
         WHERE after_score IS NULL OR n.score < after_score
            OR (n.score = after_score AND n.search_name >= v_after_name);

        -- Their visible contacts, name by name in rank order, in chunks of 32, 64, 128, ...
        -- names, until the page is full. Each chunk is one ordered query ($20: names, $21:
        -- their scores); the cursor's own name only continues after the cursor's id.
        v_from := 1;
        v_chunk := 32;
        WHILE v_from <= cardinality(v_names) AND cardinality(v_ids) < v_limit LOOP
            EXECUTE replace($sql$
                SELECT coalesce(array_agg(x.id ORDER BY x.ord, x.id), '{}'),
                       coalesce(array_agg(x.score ORDER BY x.ord, x.id), '{}'),
                       coalesce(array_agg(x.search_name ORDER BY x.ord, x.id), '{}')
                FROM (SELECT c.id, n.score, n.search_name, n.ord
                      FROM unnest($20::text[], $21::real[]) WITH ORDINALITY AS n (search_name, score, ord)
                      CROSS JOIN LATERAL (
                          SELECT c.id FROM humas.contacts c
                          WHERE c.search_name = n.search_name AND $where) c
                      WHERE $17::real IS NULL OR n.score <> $17 OR n.search_name <> $22 OR c.id > $18
                      ORDER BY n.ord, c.id
                      LIMIT $19) x
            $sql$, '$where', v_where)
            INTO v_more_ids, v_more_sc, v_more_nm
            USING NULL::text, NULL::tsquery, v_lo, v_hi, v_anc, v_under_lo, v_under_hi, v_category, v_tag,
                  v_has_email, v_excl_opted_out, v_aff, v_kind, v_media, v_beat, v_orgs,
                  after_score, after_id, v_limit - cardinality(v_ids),
                  v_names[v_from : v_from + v_chunk - 1], v_scores[v_from : v_from + v_chunk - 1], v_after_name;
            v_ids := v_ids || v_more_ids;
            v_sc := v_sc || v_more_sc;
            v_nm := v_nm || v_more_nm;
            v_from := v_from + v_chunk;
            v_chunk := least(v_chunk * 2, 4096);
        END LOOP;

        -- 3. Organization matches: contacts found through the name of a current organization
        -- the caller can read, not through their own name. They rank after every name match
        -- (score 0), in name order. Which way is cheap depends on how many contacts the words'
        -- organizations have, so count (up to c_broad) the current affiliations of the readable
        -- organizations the words match:
        --   * a few (a rare outlet's name): start from those affiliations and match each
        --     contact on its name and its readable organizations' names together;
        --   * many ('suara', 'radio': thousands of contacts): walk the contacts in name order
        --     (contacts_search_name_idx, the scope checked in the index) and stop at a full
        --     page, matching on contacts.search_tsv - their name and their line's organizations,
        --     which whoever reads the contact reads too - plus, from search_outside_orgs, the
        --     few contacts of readable organizations off their line. When the query also has
        --     a word no such organization matches (so it must match the name), or the walk
        --     finds few matches, the GIN index on search_tsv intersects the words instead.
        -- Organization matches rank after every name match: a page the names filled needs none.
        IF cardinality(v_ids) < v_limit THEN
            -- `unit_id + 0` in the contacts' scope test keeps the planner from AND-ing a unit_id
            -- btree bitmap of the ancestors' rows (KPU RI's tens of thousands of national contacts)
            -- into the plans below.
            v_scoped_where := replace(v_where, 'c.unit_id', '(c.unit_id + 0)');
            v_hit_orgs := ARRAY(SELECT o.id FROM humas.organizations o
                                WHERE o.search_tsv @@ v_orgq AND o.deleted_at IS NULL
                                  AND humas.unit_readable(o.unit_id, v_lo, v_hi, v_anc));
            -- An affiliation belongs to its contact's unit: one the caller cannot read leads to
            -- no contact it may see (a national outlet's journalists all over the country, seen
            -- from one kabupaten), and is not counted.
            SELECT count(*) INTO v_hit_affs
            FROM (SELECT 1 FROM humas.affiliations a
                  WHERE a.organization_id = ANY (v_hit_orgs) AND a.deleted_at IS NULL AND a.ended_on IS NULL
                    AND humas.unit_readable(a.unit_id, v_lo, v_hi, v_anc)
                  LIMIT c_broad + 1) s;
            IF cardinality(v_hit_orgs) = 0 THEN
                NULL;   -- no readable organization has these words: no organization matches
            ELSIF v_hit_affs <= c_broad THEN
                EXECUTE replace($sql$
                    SELECT coalesce(array_agg(c.id ORDER BY c.search_name, c.id), '{}'),
                           coalesce(array_agg(c.search_name::text ORDER BY c.search_name, c.id), '{}')
                    FROM (SELECT c.id, c.search_name
                          FROM humas.contacts c
                          WHERE c.id IN (SELECT a.contact_id FROM humas.affiliations a
                                         WHERE a.organization_id = ANY ($26) AND a.deleted_at IS NULL AND a.ended_on IS NULL
                                           AND humas.unit_readable(a.unit_id, $3, $4, $5))
                            AND NOT (c.search_tsv @@ $25)     -- not already a name match
                            -- One word: those organizations match it. More: every word must match
                            -- the name or a readable organization.
                            AND ($1 = 1 OR to_tsvector('simple'::regconfig, humas.norm_text(concat_ws(' ', c.search_name,
                                    (SELECT string_agg(concat_ws(' ', o.name, o.short_name), ' ')
                                     FROM humas.affiliations a JOIN humas.organizations o ON o.id = a.organization_id
                                     WHERE a.contact_id = c.id AND a.deleted_at IS NULL AND a.ended_on IS NULL
                                       AND o.deleted_at IS NULL AND humas.unit_readable(o.unit_id, $3, $4, $5))))) @@ $2)
                            AND $where
                            AND ($17::real IS NULL OR $17 > 0 OR (c.search_name, c.id) > ($22, $18))
                          ORDER BY c.search_name, c.id
                          LIMIT $19) c
                $sql$, '$where', v_scoped_where)
                INTO v_org_ids, v_org_nm
                USING cardinality(v_groups), v_tsq, v_lo, v_hi, v_anc, v_under_lo, v_under_hi, v_category, v_tag, v_has_email,
                      v_excl_opted_out, v_aff, v_kind, v_media, v_beat, v_orgs, after_score, after_id, v_limit,
                      NULL::bigint[], NULL::real[], v_after_name, NULL::text[], v_orgq, v_nameq, v_hit_orgs;
            ELSE
                IF after_score = 0 THEN
                    v_walk_name := v_after_name;
                    v_walk_id := after_id;
                END IF;
                -- A query word that none of those organizations matches must match the name
                -- ('siti tan'): few contacts match both, and the GIN index on search_tsv
                -- intersects them at once. Otherwise ('radio', 'suara gema') the matches are
                -- dense: walk.
                PERFORM 1 FROM unnest(v_groups) AS g
                WHERE NOT EXISTS (SELECT 1 FROM humas.organizations o WHERE o.id = ANY (v_hit_orgs) AND o.search_tsv @@ g);
                v_use_gin := FOUND;
                -- The walk: readable contacts with a matching organization word on their line,
                -- in name order, from the cursor on, in chunks of 128, 256, ... (each an
                -- index-only scan of contacts_org_walk_idx that stops at the chunk's end: the
                -- scope and the organization words are read from the index, and `+ 0` keeps the
                -- unit_id indexes out of it), each chunk's contacts then checked on their rows
                -- (the whole query, not a name match, the filters) until the page is full. A walk
                -- whose contacts mostly fail that check hands over to the GIN index, from where
                -- it stopped.
                v_chunk := 128;
                WHILE NOT v_use_gin LOOP
                    EXECUTE $sql$
                        SELECT coalesce(array_agg(n.id ORDER BY n.search_name, n.id), '{}'),
                               coalesce(array_agg(n.search_name::text ORDER BY n.search_name, n.id), '{}')
                        FROM (SELECT n.id, n.search_name FROM humas.contacts n
                              WHERE n.deleted_at IS NULL AND n.org_names <> ''
                                AND humas.unit_readable(n.unit_id + 0, $1, $2, $3)
                                AND ($4::int IS NULL OR n.unit_id + 0 BETWEEN $4 AND $5)
                                AND ts_match_vq(n.org_tsv, $9)
                                AND ($6::text IS NULL OR (n.search_name, n.id) > ($6, $7))
                              ORDER BY n.search_name, n.id
                              LIMIT $8) n
                    $sql$
                    INTO v_walk_ids, v_walk_nm
                    USING v_lo, v_hi, v_anc, v_under_lo, v_under_hi, v_walk_name, v_walk_id, v_chunk, v_orgq;
                    EXIT WHEN cardinality(v_walk_ids) = 0;
                    EXECUTE replace($sql$
                        SELECT coalesce(array_agg(x.id ORDER BY x.ord), '{}'),
                               coalesce(array_agg(x.search_name ORDER BY x.ord), '{}')
                        FROM (SELECT w.id, w.search_name, w.ord
                              FROM unnest($20::bigint[], $23::text[]) WITH ORDINALITY AS w (id, search_name, ord)
                              JOIN humas.contacts c ON c.id = w.id
                              -- ts_match_vq(), not @@: a check of these rows, never an index scan.
                              WHERE ts_match_vq(c.search_tsv, $2) AND NOT ts_match_vq(c.search_tsv, $25)
                                AND $where
                              ORDER BY w.ord
                              LIMIT $19) x
                    $sql$, '$where', v_scoped_where)
                    INTO v_more_ids, v_more_nm
                    USING v_qlen, v_tsq, v_lo, v_hi, v_anc, v_under_lo, v_under_hi, v_category, v_tag, v_has_email,
                          v_excl_opted_out, v_aff, v_kind, v_media, v_beat, v_orgs, NULL::real, NULL::bigint,
                          v_limit - cardinality(v_org_ids), v_walk_ids, NULL::real[], NULL::text, v_walk_nm, v_orgq, v_nameq;
                    v_org_ids := v_org_ids || v_more_ids;
                    v_org_nm := v_org_nm || v_more_nm;
                    EXIT WHEN cardinality(v_org_ids) >= v_limit OR cardinality(v_walk_ids) < v_chunk;
                    v_walk_name := v_walk_nm[cardinality(v_walk_nm)];
                    v_walk_id := v_walk_ids[cardinality(v_walk_ids)];
                    v_walked := v_walked + cardinality(v_walk_ids);
                    v_chunk := v_chunk * 2;
                    v_use_gin := v_walked >= c_walk_budget;
                END LOOP;
                IF v_use_gin THEN
                    EXECUTE replace($sql$
                        SELECT coalesce(array_agg(x.id ORDER BY x.search_name, x.id), '{}'),
                               coalesce(array_agg(x.search_name::text ORDER BY x.search_name, x.id), '{}')
                        FROM (SELECT c.id, c.search_name FROM humas.contacts c
                              WHERE c.org_names <> '' AND c.search_tsv @@ $2
                                AND ts_match_vq(c.org_tsv, $24) AND NOT ts_match_vq(c.search_tsv, $25)
                                AND $where
                                AND ($26::text IS NULL OR (c.search_name, c.id) > ($26, $27))
                              ORDER BY c.search_name, c.id
                              LIMIT $19) x
                    $sql$, '$where', v_scoped_where)
                    INTO v_more_ids, v_more_nm
                    USING v_qlen, v_tsq, v_lo, v_hi, v_anc, v_under_lo, v_under_hi, v_category, v_tag, v_has_email,
                          v_excl_opted_out, v_aff, v_kind, v_media, v_beat, v_orgs, NULL::real, NULL::bigint,
                          v_limit - cardinality(v_org_ids), NULL::bigint[], NULL::real[], NULL::text, NULL::text[],
                          v_orgq, v_nameq, v_walk_name, v_walk_id;
                    v_org_ids := v_org_ids || v_more_ids;
                    v_org_nm := v_org_nm || v_more_nm;
                END IF;
                -- And the few contacts of readable organizations off their own line.
                EXECUTE replace($sql$
                    SELECT coalesce(array_agg(c.id ORDER BY c.search_name, c.id), '{}'),
                           coalesce(array_agg(c.search_name::text ORDER BY c.search_name, c.id), '{}')
                    FROM (SELECT c.id, c.search_name
                          FROM humas.contacts c
                          WHERE c.id IN (SELECT x.contact_id FROM humas.search_outside_orgs x
                                         WHERE x.org_tsv @@ $24 AND humas.unit_readable(x.org_unit_id, $3, $4, $5))
                            AND NOT (c.search_tsv @@ $2)      -- not found by the walk
                            AND to_tsvector('simple'::regconfig, humas.norm_text(concat_ws(' ', c.search_name, c.org_names,
                                    (SELECT string_agg(x.org_names, ' ') FROM humas.search_outside_orgs x
                                     WHERE x.contact_id = c.id AND humas.unit_readable(x.org_unit_id, $3, $4, $5))))) @@ $2
                            AND $where
                            AND ($17::real IS NULL OR $17 > 0 OR (c.search_name, c.id) > ($22, $18))
                          ORDER BY c.search_name, c.id
                          LIMIT $19) c
                $sql$, '$where', v_scoped_where)
                INTO v_more_ids, v_more_nm
                USING v_qlen, v_tsq, v_lo, v_hi, v_anc, v_under_lo, v_under_hi, v_category, v_tag, v_has_email,
                      v_excl_opted_out, v_aff, v_kind, v_media, v_beat, v_orgs, after_score, after_id, v_limit,
                      NULL::bigint[], NULL::real[], v_after_name, NULL::text[], v_orgq, v_nameq;
                v_org_ids := v_org_ids || v_more_ids;
                v_org_nm := v_org_nm || v_more_nm;
            END IF;
        END IF;

        -- 4. The merge of both, in the final order.
        RETURN QUERY
            SELECT s.id, s.score, s.search_name
            FROM (SELECT * FROM unnest(v_ids, v_sc, v_nm) AS m (id, score, search_name)
                  UNION ALL
                  SELECT o.id, 0::real, o.search_name FROM unnest(v_org_ids, v_org_nm) AS o (id, search_name)) s
            WHERE after_score IS NULL OR s.score < after_score
               OR (s.score = after_score AND (s.search_name COLLATE "C", s.id) > (v_after_name, after_id))
            ORDER BY s.score DESC, s.search_name COLLATE "C", s.id
            LIMIT v_limit;
    ELSE
        -- Filters only, in name order, from the cursor (its name comes with the cursor).
        RETURN QUERY EXECUTE replace($sql$
            SELECT c.id, 0::real, c.search_name::text
            FROM humas.contacts c
            WHERE $where
              AND ($1::text IS NULL OR (c.search_name, c.id) > ($1, $2::bigint))
            ORDER BY c.search_name, c.id
            LIMIT $19
        $sql$, '$where', v_where)
        USING v_after_name, after_id, v_lo, v_hi, v_anc, v_under_lo, v_under_hi, v_category, v_tag,
              v_has_email, v_excl_opted_out, v_aff, v_kind, v_media, v_beat, v_orgs,
              NULL::real, NULL::bigint, v_limit;
    END IF;
END
$fn$;

GRANT EXECUTE ON FUNCTION humas.search_contacts(text, jsonb, real, text, bigint, int) TO humas_app;
