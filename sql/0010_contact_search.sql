-- Contact search and duplicate detection, as SECURITY DEFINER functions.
--
-- Why not plain SELECTs under RLS: a policy's condition is evaluated before any query condition
-- that is not LEAKPROOF, and `@@`, similarity(), `%` and array `&&`/`@>` are not, so under RLS the
-- planner cannot use the GIN indexes for them (DESIGN.md measured ~38 s for a national user).
-- These functions run as the owner and apply THE SAME access rule themselves, through the same
-- helpers the policies use (acting_unit_id / acting_subtree_end / acting_ancestor_ids and
-- unit_readable), so there is still exactly one definition of who may see what. They return ids
-- (and a score) only; the service then loads the rows through ordinary RLS'd SELECTs.
-- Deleted rows are never returned. No acting user -> no rows, no error.
--
-- The query texts are constant: every value (including the tsquery) is passed as a parameter
-- with EXECUTE ... USING, which plans once per call with the actual values, so the planner
-- drops the conditions of absent filters and picks indexes on real estimates. No user input is
-- ever spliced into SQL.
--
-- How a text search runs (indexes in 0009), all under the acting user's scope:
--   1. the query becomes groups of alternatives, one per word (prefix + typo corrections);
--   2. NAME matches: the distinct names matching all groups are scored once each
--      (name_match_score) in the small humas.search_names table and ranked; the contacts
--      carrying them are then fetched name by name, in rank order, through an index-only scan
--      of contacts_search_name_idx, in growing chunks of names, and the fetching STOPS as soon
--      as a page is full. A national user searching 'siti' reads a dozen names' contacts, not
--      the 6,600 Sitis; a kabupaten user reads a few hundred (most Sitis are out of scope);
--   3. ORGANIZATION matches (contacts found through the name of their current organization but
--      not through their own name) from the GIN indexes on search_tsv and org_tsv, or, for a
--      broad organization word, by walking the name index in order (they rank in name order);
--   4. the two are merged. Order: score DESC (name_match_score: how much of the name the query
--      covers; organization matches 0, after all name matches), then name, then id - so
--      contacts with the same name stay together and a page boundary can be resumed from
--      (score, name, id); the name is looked up from the cursor's id.

-- Turn a free-text query into tsquery groups, one per word, each an OR of alternatives; NULL
-- for an empty query. 'Búdi santsoo' -> {'budi:*', 'santsoo:* | santoso'}:
--   * every word is normalized like the indexed names (norm_text);
--   * a word of 2+ letters matches as a prefix (type-ahead: 'santos' finds Santoso);
--   * a word of 3+ letters that is not the start of any known word is a probable typo: its
--     closest known words (pg_trgm similarity >= pg_trgm.similarity_threshold, default 0.3, the
--     spell-check approach of the pg_trgm documentation) are OR-ed in, at most 3.
CREATE FUNCTION humas.contact_search_groups(q text) RETURNS tsquery[]
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
               SELECT 1 FROM humas.search_words
               WHERE word >= v_word AND word < v_word || chr(1114111)) THEN
            v_terms := v_terms || ARRAY(
                SELECT sw.word FROM humas.search_words sw
                WHERE sw.word OPERATOR(public.%) v_word
                ORDER BY public.similarity(sw.word, v_word) DESC, sw.word
                LIMIT 3);
        END IF;
        v_groups := v_groups || to_tsquery('simple', array_to_string(v_terms, ' | '));
    END LOOP;
    RETURN nullif(v_groups, '{}');
END
$$;

-- The whole query: all groups AND-ed ('budi:* & ( santsoo:* | santoso )'). For inspection and
-- for the benchmark scripts.
CREATE FUNCTION humas.contact_search_query(q text) RETURNS tsquery
LANGUAGE sql STABLE SET search_path = humas, public, pg_temp
AS $$
    SELECT to_tsquery('simple', string_agg('(' || g::text || ')', ' & ' ORDER BY i))
    FROM unnest(humas.contact_search_groups(q)) WITH ORDINALITY AS t (g, i)
$$;

-- The rank of a matching name: how much of it the query covers, as letters typed / letters in
-- the name (spaces ignored), capped at 1. 'budi santoso' for "Budi Santoso" = 1, 'budi sant'
-- = 0.73, and a longer name ("Budi Santoso Wibowo") ranks below a shorter one. Every candidate
-- already contains every query word (as a prefix or a typo correction), so this is what is left
-- to rank on; unlike pg_trgm similarity() it costs nothing per candidate, which matters when a
-- broad query ('wahyu' -> Wahyu, Wahyudi, Wahyuni ...) matches thousands of distinct names.
CREATE FUNCTION humas.name_match_score(search_name text, query_letters int) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN least(1.0, query_letters::real / greatest(1, length(replace(search_name, ' ', ''))))::real;

-- Search contacts visible to the acting user.
--   q           free text ('' or NULL: filters only, ordered by name then id)
--   filters     jsonb object, every key optional (JSON null = absent):
--                 category           contact category ('journalist', ...)
--                 tag                one tag the contact has
--                 has_email          true/false
--                 exclude_opted_out  true: drop opted-out contacts
--                 under              unit code: only rows owned in that unit's subtree; the unit
--                                    must itself be visible (own subtree or an ancestor)
--               and, matched together on ONE current affiliation to a visible organization:
--                 organization_kind  'media_outlet', 'political_party', ...
--                 organization       organization id (its branches included)
--                                    (organization and party together: either one)
--                 party              ballot number (number), or party short name/name (string);
--                                    the party's branches included
--                 media_type         'print' | 'online' | 'tv' | 'radio' | 'news_agency'
--                 beat               'politik', 'pemilu', ...
--   after_score, after_id   keyset cursor: the score and id of the last row of the previous page
--                           (NULL, NULL for the first page; with an empty q only after_id counts)
--   max_rows    page size, 1..1000 (default 50)
-- Returns (contact_id, score), best first: score DESC, then the contact's normalized name, then
-- id (empty q: name, id, with score 0). Score = name_match_score (0..1]; contacts found only
-- through the name of their organization come after all name matches, with score 0.
-- Errors: 22023 bad filter (unknown key / wrong type), P0002 unknown unit code in `under`,
-- 42501 `under` unit outside the acting user's scope.
CREATE FUNCTION humas.search_contacts(
    q text,
    filters jsonb DEFAULT '{}',
    after_score real DEFAULT NULL,
    after_id bigint DEFAULT NULL,
    max_rows int DEFAULT 50)
RETURNS TABLE (contact_id bigint, score real)
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
    v_after_name text;
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

    -- organization / party: resolve to visible organization ids, then add their branches.
    IF v_f ? 'organization' OR v_f ? 'party' THEN
        WITH RECURSIVE roots AS (
            SELECT o.id FROM humas.organizations o
            WHERE v_f ? 'organization' AND o.id = (v_f->>'organization')::bigint
            UNION
            -- party: ballot number of a national party first; else an organization id; or a name
            SELECT o.id FROM humas.organizations o
            WHERE v_f ? 'party' AND o.kind = 'political_party' AND o.parent_id IS NULL
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

    v_groups := humas.contact_search_groups(q);
    -- The cursor's name (its position inside a score, and the order of an empty-q listing).
    IF after_id IS NOT NULL THEN
        SELECT c.search_name INTO v_after_name FROM humas.contacts c WHERE c.id = after_id;
    END IF;

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
        -- but not through their own name. They rank after every name match (score 0), in name
        -- order, so a broad organization word ('suara', 'radio': thousands of contacts) can be
        -- served by walking contacts_search_name_idx in order, or a rare one from the GIN
        -- indexes - the planner picks on real estimates. `unit_id + 0` in the scope test keeps
        -- it from AND-ing the GIN bitmaps with a unit_id btree bitmap of the ancestors' rows
        -- (KPU RI's tens of thousands of national contacts).
        -- 4. The merge of both, in the final order.
        RETURN QUERY EXECUTE replace($sql$
            SELECT s.id, s.score
            FROM (
                SELECT * FROM unnest($20::bigint[], $21::real[], $23::text[]) AS m (id, score, search_name)
                UNION ALL
                (SELECT c.id, 0::real, c.search_name
                 FROM humas.contacts c
                 WHERE c.org_names <> '' AND c.search_tsv @@ $2 AND c.org_tsv @@ $24
                   AND NOT (c.search_tsv @@ $25)     -- not already a name match
                   AND $where
                   AND ($17::real IS NULL OR $17 > 0 OR (c.search_name, c.id) > ($22, $18))
                 ORDER BY c.search_name, c.id
                 LIMIT $19)
            ) s
            WHERE $17::real IS NULL OR s.score < $17
               OR (s.score = $17 AND (s.search_name, s.id) > ($22, $18))
            ORDER BY s.score DESC, s.search_name, s.id
            LIMIT $19
        $sql$, '$where', replace(v_where, 'c.unit_id', '(c.unit_id + 0)'))
        USING v_qlen, v_tsq, v_lo, v_hi, v_anc, v_under_lo, v_under_hi, v_category, v_tag, v_has_email,
              v_excl_opted_out, v_aff, v_kind, v_media, v_beat, v_orgs, after_score, after_id, v_limit,
              v_ids, v_sc, v_after_name, v_nm, v_orgq, v_nameq;
    ELSE
        -- Filters only, in name order, from the cursor (its name was looked up above).
        RETURN QUERY EXECUTE replace($sql$
            SELECT c.id, 0::real
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

-- Duplicate detection: visible, live contacts sharing any e-mail (case-insensitive) or phone
-- (E.164, exact) with the given ones. `except_id` leaves out the contact being edited.
-- Returns each match once, with what matched ('email', 'phone' or 'email,phone').
CREATE FUNCTION humas.find_contact_duplicates(emails text[], phones text[], except_id bigint DEFAULT NULL)
RETURNS TABLE (contact_id bigint, matched_on text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$
    WITH scope AS (
        SELECT humas.acting_unit_id() AS lo, humas.acting_subtree_end() AS hi, humas.acting_ancestor_ids() AS anc),
    hits AS (
        SELECT c.id, c.unit_id, 'email' AS what FROM humas.contacts c
        WHERE humas.lower_array(c.emails) && humas.lower_array(coalesce(find_contact_duplicates.emails, '{}'))
          AND c.deleted_at IS NULL
        UNION ALL
        SELECT c.id, c.unit_id, 'phone' FROM humas.contacts c
        WHERE c.phones && coalesce(find_contact_duplicates.phones, '{}')
          AND c.deleted_at IS NULL)
    SELECT h.id, string_agg(DISTINCT h.what, ',' ORDER BY h.what)
    FROM hits h, scope s
    WHERE humas.unit_readable(h.unit_id, s.lo, s.hi, s.anc)
      AND h.id IS DISTINCT FROM except_id
    GROUP BY h.id
    ORDER BY h.id
$$;

GRANT EXECUTE ON FUNCTION humas.search_contacts(text, jsonb, real, bigint, int), humas.name_match_score(text, int),
    humas.find_contact_duplicates(text[], text[], bigint) TO humas_app;
-- The query builders read the country-wide word dictionary (typo corrections): not for humas_app,
-- which could otherwise probe for names outside its scope.
REVOKE ALL ON FUNCTION humas.contact_search_groups(text), humas.contact_search_query(text) FROM PUBLIC;
