-- The figures of a quarterly or yearly report (laporan triwulan / tahunan) for one unit: the
-- unit itself, each direct sub-unit, and the total, in one pass over the period's activities.
--
-- An activity belongs to the period of its local date in its owning unit's zone
-- (interactions.starts_local), at every level. It counts once for each office that organized it
-- (owner and co-organizers) and once in any unit above them: each part (the unit itself, a
-- sub-unit's subtree) counts it once, the total counts it once, and the `overlap` bucket holds
-- what the parts counted more than once, so that for every additive figure
--     total = own + sum(sub-units) - overlap
-- holds exactly and can be shown as the report's arithmetic. Distinct counts (contacts,
-- organizations, parties reached) are distinct within each bucket and are not additive.
--
-- The functions are SECURITY DEFINER: they check the reader's scope themselves (a unit reads its
-- own and its sub-units' figures, never a sibling's or an ancestor's) and then aggregate without
-- row-level security's per-row checks. They return figures, never a person's name.

-- A kabupaten's activities of a period (its report, and whether it has started one).
CREATE INDEX interactions_unit_starts_idx ON humas.interactions (unit_id, starts_local) WHERE deleted_at IS NULL;

-- Refuses a report on a unit outside the acting scope.
CREATE FUNCTION humas.require_report_scope(p_unit int) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
BEGIN
    IF humas.acting_unit_id() IS NULL
       OR p_unit IS NULL OR NOT (p_unit BETWEEN humas.acting_unit_id() AND humas.acting_subtree_end()) THEN
        RAISE EXCEPTION 'a unit reads the reports of itself and the units below it only'
            USING ERRCODE = '42501';
    END IF;
END $$;

-- The parts of a report: the unit itself (its own activities only) and each direct sub-unit
-- (its whole subtree). The ranges are disjoint.
CREATE FUNCTION humas.report_parts(p_unit int)
RETURNS TABLE (id int, lo int, hi int, code text, name text, own boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
BEGIN
    PERFORM humas.require_report_scope(p_unit);
    RETURN QUERY
        SELECT u.id, u.id, u.id, u.code, u.name, true FROM humas.units u WHERE u.id = p_unit
        UNION ALL
        SELECT u.id, u.id, u.subtree_end, u.code, u.name, false FROM humas.units u WHERE u.parent_id = p_unit
        ORDER BY 1;
END $$;

-- Every figure of the period as rows (bucket, metric, key, value). bucket: a part's unit id, -1
-- the total, -2 the overlap. Metrics: status (key planned/done/cancelled); kind, mode, strategy,
-- month (YYYY-MM) of done activities; audience; followups_opened/_done/_overdue; contacts and
-- contacts_by_category, organizations and organizations_by_kind (distinct, attended, done
-- activities); party_invited / party_attended (key: the party's organization id; activities,
-- distinct). p_today is today on the unit's clocks, for overdue follow-ups.
CREATE FUNCTION humas.report_activity_figures(p_unit int, p_from date, p_to date, p_today date)
RETURNS TABLE (bucket int, metric text, key text, value bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
BEGIN
    PERFORM humas.require_report_scope(p_unit);
    RETURN QUERY
    WITH scope AS (SELECT u.id, u.subtree_end FROM humas.units u WHERE u.id = p_unit),
    parts AS (SELECT p.id, p.lo, p.hi FROM humas.report_parts(p_unit) p),
    organized AS (
        SELECT i.id, i.unit_id AS organizer
        FROM humas.interactions i, scope s
        WHERE i.unit_id BETWEEN s.id AND s.subtree_end AND i.deleted_at IS NULL
          AND i.starts_local >= p_from AND i.starts_local < p_to
        UNION ALL
        SELECT c.interaction_id, c.unit_id
        FROM humas.interaction_coorganizers c JOIN humas.interactions i ON i.id = c.interaction_id, scope s
        WHERE c.unit_id BETWEEN s.id AND s.subtree_end AND i.deleted_at IS NULL
          AND i.starts_local >= p_from AND i.starts_local < p_to
    ),
    membership AS (
        SELECT DISTINCT o.id, p.id AS part FROM organized o JOIN parts p ON o.organizer BETWEEN p.lo AND p.hi
    ),
    weighted AS (
        SELECT m.id, m.part AS bucket, 1 AS weight FROM membership m
        UNION ALL
        SELECT m.id, -1, 1 FROM membership m GROUP BY m.id
        UNION ALL
        SELECT m.id, -2, count(*)::int - 1 FROM membership m GROUP BY m.id HAVING count(*) > 1
    ),
    acts AS MATERIALIZED (
        SELECT w.bucket, w.weight, i.id, i.status, i.kind, i.mode, i.strategy, i.audience_count,
               to_char(i.starts_local, 'YYYY-MM') AS month
        FROM weighted w JOIN humas.interactions i ON i.id = w.id
    ),
    -- Who attended done activities, once per bucket (the overlap bucket has no distinct counts).
    attendance AS MATERIALIZED (
        SELECT DISTINCT a.bucket, p.contact_id, coalesce(p.organization_id, p.via_organization_id) AS organization_id
        FROM acts a JOIN humas.interaction_participants p ON p.interaction_id = a.id
        WHERE a.status = 'done' AND a.bucket <> -2 AND p.attended
    ),
    -- A party's branches (DPD, DPC) answer for it: every political organization with its root.
    party_tree AS (
        WITH RECURSIVE t AS (
            SELECT o.id, o.id AS party FROM humas.organizations o
            WHERE o.kind = 'political_party' AND o.parent_id IS NULL AND o.ballot_number IS NOT NULL
            UNION ALL
            SELECT o.id, t.party FROM humas.organizations o JOIN t ON o.parent_id = t.id
            WHERE o.kind = 'political_party'
        ) SELECT t.id, t.party FROM t
    ),
    party_engagement AS (
        SELECT a.bucket, pt.party, a.id, a.status, bool_or(p.invited) AS invited, bool_or(coalesce(p.attended, false)) AS attended
        FROM acts a
        JOIN humas.interaction_participants p ON p.interaction_id = a.id
        JOIN party_tree pt ON pt.id = coalesce(p.organization_id, p.via_organization_id)
        WHERE a.bucket <> -2 AND a.status <> 'cancelled'
        GROUP BY a.bucket, pt.party, a.id, a.status
    )
    SELECT a.bucket, 'status'::text, a.status, sum(a.weight)::bigint FROM acts a GROUP BY 1, 3
    UNION ALL
    SELECT a.bucket, 'kind', a.kind, sum(a.weight) FROM acts a WHERE a.status = 'done' GROUP BY 1, 3
    UNION ALL
    SELECT a.bucket, 'mode', a.mode, sum(a.weight) FROM acts a WHERE a.status = 'done' GROUP BY 1, 3
    UNION ALL
    SELECT a.bucket, 'strategy', a.strategy, sum(a.weight) FROM acts a WHERE a.status = 'done' GROUP BY 1, 3
    UNION ALL
    SELECT a.bucket, 'month', a.month, sum(a.weight) FROM acts a WHERE a.status = 'done' GROUP BY 1, 3
    UNION ALL
    SELECT a.bucket, 'audience', '', sum(a.weight * a.audience_count) FROM acts a WHERE a.status = 'done' GROUP BY 1
    UNION ALL
    SELECT a.bucket, f.metric, '', sum(a.weight)
    FROM acts a
    JOIN humas.followups fu ON fu.interaction_id = a.id
    CROSS JOIN LATERAL (VALUES ('followups_opened'), ('followups_done'), ('followups_overdue')) f (metric)
    WHERE f.metric = 'followups_opened'
       OR (f.metric = 'followups_done' AND fu.done_on IS NOT NULL)
       OR (f.metric = 'followups_overdue' AND fu.done_on IS NULL AND fu.due_on < p_today)
    GROUP BY 1, 2
    UNION ALL
    SELECT t.bucket, 'contacts', '', count(DISTINCT t.contact_id) FROM attendance t WHERE t.contact_id IS NOT NULL GROUP BY 1
    UNION ALL
    SELECT t.bucket, 'contacts_by_category', c.category, count(DISTINCT t.contact_id)
    FROM attendance t JOIN humas.contacts c ON c.id = t.contact_id GROUP BY 1, 3
    UNION ALL
    SELECT t.bucket, 'organizations', '', count(DISTINCT t.organization_id) FROM attendance t
    WHERE t.organization_id IS NOT NULL GROUP BY 1
    UNION ALL
    SELECT t.bucket, 'organizations_by_kind', o.kind, count(DISTINCT t.organization_id)
    FROM attendance t JOIN humas.organizations o ON o.id = t.organization_id GROUP BY 1, 3
    UNION ALL
    SELECT e.bucket, 'party_invited', e.party::text, count(*) FROM party_engagement e WHERE e.invited GROUP BY 1, 3
    UNION ALL
    SELECT e.bucket, 'party_attended', e.party::text, count(*) FROM party_engagement e
    WHERE e.attended AND e.status = 'done' GROUP BY 1, 3;
END $$;

-- The parties contesting in a unit: the national parties everywhere, the Aceh-local parties in
-- units whose area covers Aceh (Aceh's own offices, and KPU RI's national picture).
CREATE FUNCTION humas.report_parties(p_unit int)
RETURNS TABLE (id bigint, ballot_number int, name text, short_name text, party_scope text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
BEGIN
    PERFORM humas.require_report_scope(p_unit);
    RETURN QUERY
        SELECT o.id, o.ballot_number, o.name, o.short_name, o.party_scope
        FROM humas.organizations o, humas.units s
        WHERE s.id = p_unit AND o.kind = 'political_party' AND o.parent_id IS NULL
          AND o.ballot_number IS NOT NULL AND o.deleted_at IS NULL
          AND (o.party_scope = 'national'
               OR EXISTS (SELECT 1 FROM humas.units aceh WHERE aceh.code = 'ID-AC'
                          AND aceh.id <= s.subtree_end AND aceh.subtree_end >= s.id))
        ORDER BY o.ballot_number;
END $$;

-- The mailings the unit's subtree started in the period (their local date in the owner's zone),
-- each with its deliveries' outcomes.
CREATE FUNCTION humas.report_mailings(p_unit int, p_from date, p_to date)
RETURNS TABLE (id bigint, unit_id int, unit_code text, name text, started_at timestamptz,
               recipients bigint, sent bigint, failed bigint, bounced bigint, opted_out bigint, skipped bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
BEGIN
    PERFORM humas.require_report_scope(p_unit);
    RETURN QUERY
        SELECT m.id, m.unit_id, un.code, m.name, m.started_at,
               count(d.id), count(d.id) FILTER (WHERE d.sent_at IS NOT NULL),
               count(d.id) FILTER (WHERE d.status = 'failed'), count(d.id) FILTER (WHERE d.status = 'bounced'),
               count(d.id) FILTER (WHERE d.unsubscribed_at IS NOT NULL), count(d.id) FILTER (WHERE d.status = 'skipped')
        FROM humas.units s
        JOIN humas.mailings m ON m.unit_id BETWEEN s.id AND s.subtree_end
        JOIN humas.units un ON un.id = m.unit_id
        LEFT JOIN humas.deliveries d ON d.mailing_id = m.id
        WHERE s.id = p_unit AND m.deleted_at IS NULL AND m.started_at IS NOT NULL
          AND (m.started_at AT TIME ZONE un.time_zone) >= p_from AND (m.started_at AT TIME ZONE un.time_zone) < p_to
        GROUP BY m.id, un.code
        ORDER BY m.started_at, m.id;
END $$;

REVOKE ALL ON FUNCTION humas.require_report_scope(int), humas.report_parts(int),
    humas.report_activity_figures(int, date, date, date), humas.report_parties(int),
    humas.report_mailings(int, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION humas.require_report_scope(int), humas.report_parts(int),
    humas.report_activity_figures(int, date, date, date), humas.report_parties(int),
    humas.report_mailings(int, date, date) TO humas_app;
