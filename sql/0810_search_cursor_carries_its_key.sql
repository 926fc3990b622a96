-- Contact search whose page cursor carries its own sort key (issue: search side channels).
--
-- The 0010 version resumed a page from (after_score, after_id) and looked the name up from the
-- row behind after_id, with no scope check: a crafted cursor naming a hidden contact's id made
-- the listing start where that contact's name sorts, which revealed the name bit by bit. Now
-- the caller passes the name as well (the service signs it into the cursor) and nothing is
-- read from the row behind the id. The function also returns each row's normalized name, so
-- the service can build the next cursor from the last visible row alone.
DROP FUNCTION humas.search_contacts(text, jsonb, real, bigint, int);

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

    v_groups := humas.contact_search_groups(q);
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
        -- but not through their own name. They rank after every name match (score 0), in name
        -- order, so a broad organization word ('suara', 'radio': thousands of contacts) can be
        -- served by walking contacts_search_name_idx in order, or a rare one from the GIN
        -- indexes - the planner picks on real estimates. `unit_id + 0` in the scope test keeps
        -- it from AND-ing the GIN bitmaps with a unit_id btree bitmap of the ancestors' rows
        -- (KPU RI's tens of thousands of national contacts).
        -- 4. The merge of both, in the final order.
        RETURN QUERY EXECUTE replace($sql$
            SELECT s.id, s.score, s.search_name
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
