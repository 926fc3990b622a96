-- Submitted reports: a unit's figures for a period frozen with its narrative (highlights,
-- kendala, rencana tindak lanjut), acknowledged or returned by the parent unit. A returned
-- report is submitted again as a new version; every version is kept and none is ever changed
-- except for the parent's review of it.

CREATE TABLE humas.reports (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id        int NOT NULL REFERENCES humas.units (id),
    period         text NOT NULL,
    version        int NOT NULL,
    status         text NOT NULL DEFAULT 'submitted',
    -- The figures as they were when submitted (the service's report document, JSON).
    figures        jsonb NOT NULL,
    highlights     text NOT NULL,
    obstacles      text NOT NULL,
    next_steps     text NOT NULL,
    submitted_by   bigint NOT NULL REFERENCES humas.users (id) DEFAULT humas.acting_user_id(),
    -- Who, as people read it, kept with the row: a kabupaten reads its reviewer's name although
    -- the users of its province are outside its scope.
    submitted_by_name text NOT NULL,
    submitted_at   timestamptz NOT NULL DEFAULT now(),
    reviewed_by    bigint REFERENCES humas.users (id),
    reviewed_by_name text,
    reviewed_at    timestamptz,
    review_comment text,
    CONSTRAINT reports_version_key UNIQUE (unit_id, period, version),
    CONSTRAINT reports_period_check CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
    CONSTRAINT reports_status_check CHECK (status IN ('submitted', 'acknowledged', 'returned')),
    CONSTRAINT reports_review_check CHECK ((status = 'submitted') = (reviewed_at IS NULL)),
    CONSTRAINT reports_return_comment_check CHECK (status <> 'returned' OR btrim(review_comment) <> ''),
    CONSTRAINT reports_narrative_check CHECK (btrim(highlights) <> '' AND btrim(obstacles) <> '' AND btrim(next_steps) <> ''
        AND length(highlights) <= 20000 AND length(obstacles) <= 20000 AND length(next_steps) <= 20000),
    CONSTRAINT reports_figures_check CHECK (jsonb_typeof(figures) = 'object')
);
-- One report under review or accepted per unit and period: submitting again needs a return.
CREATE UNIQUE INDEX reports_open_key ON humas.reports (unit_id, period) WHERE status <> 'returned';
CREATE INDEX reports_period_idx ON humas.reports (period, unit_id);

-- A submitted report never changes; only its review is written, once.
CREATE FUNCTION humas.reports_frozen() RETURNS trigger
LANGUAGE plpgsql SET search_path = humas, public, pg_temp AS $$
BEGIN
    IF (NEW.unit_id, NEW.period, NEW.version, NEW.figures, NEW.highlights, NEW.obstacles, NEW.next_steps,
        NEW.submitted_by, NEW.submitted_by_name, NEW.submitted_at)
       IS DISTINCT FROM
       (OLD.unit_id, OLD.period, OLD.version, OLD.figures, OLD.highlights, OLD.obstacles, OLD.next_steps,
        OLD.submitted_by, OLD.submitted_by_name, OLD.submitted_at) THEN
        RAISE EXCEPTION 'a submitted report is never changed; return it and submit a new version'
            USING ERRCODE = '42501';
    END IF;
    IF OLD.status <> 'submitted' THEN
        RAISE EXCEPTION 'report % was already %', OLD.id, OLD.status USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER reports_frozen BEFORE UPDATE ON humas.reports
    FOR EACH ROW EXECUTE FUNCTION humas.reports_frozen();

-- The deadline of a period, when KPU RI set one; otherwise 10 days after the period ends.
CREATE TABLE humas.report_deadlines (
    period     text PRIMARY KEY,
    due_on     date NOT NULL,
    set_by     bigint REFERENCES humas.users (id) DEFAULT humas.acting_user_id(),
    set_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT report_deadlines_period_check CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$')
);

ALTER TABLE humas.reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.reports FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.report_deadlines ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.report_deadlines FORCE ROW LEVEL SECURITY;
CREATE POLICY reports_owner_all ON humas.reports TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY report_deadlines_owner_all ON humas.report_deadlines TO humas_owner USING (true) WITH CHECK (true);

-- Read in the owner's subtree: a unit and its ancestors, never a sibling or a descendant.
CREATE POLICY reports_app_read ON humas.reports FOR SELECT TO humas_app
    USING (unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()));
-- Submitted by the unit's editors and admins (or an ancestor's, for an office without one), as themselves.
CREATE POLICY reports_app_insert ON humas.reports FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND submitted_by = (SELECT humas.acting_user_id()) AND status = 'submitted');
-- Reviewed only by the parent unit's editors and admins, never by the submitter.
CREATE POLICY reports_app_review ON humas.reports FOR UPDATE TO humas_app
    USING ((SELECT humas.acting_role()) IN ('admin', 'editor')
           AND (SELECT humas.acting_unit_id()) = (SELECT u.parent_id FROM humas.units u WHERE u.id = reports.unit_id))
    WITH CHECK ((SELECT humas.acting_role()) IN ('admin', 'editor')
                AND (SELECT humas.acting_unit_id()) = (SELECT u.parent_id FROM humas.units u WHERE u.id = reports.unit_id)
                AND reviewed_by = (SELECT humas.acting_user_id())
                AND submitted_by <> (SELECT humas.acting_user_id()));

-- Deadlines are read by everyone and set by KPU RI's admins.
CREATE POLICY report_deadlines_app_read ON humas.report_deadlines FOR SELECT TO humas_app USING (true);
CREATE POLICY report_deadlines_app_write ON humas.report_deadlines FOR ALL TO humas_app
    USING ((SELECT humas.acting_role()) = 'admin'
           AND (SELECT humas.acting_unit_id()) = (SELECT u.id FROM humas.units u WHERE u.parent_id IS NULL))
    WITH CHECK ((SELECT humas.acting_role()) = 'admin'
                AND (SELECT humas.acting_unit_id()) = (SELECT u.id FROM humas.units u WHERE u.parent_id IS NULL));

GRANT SELECT, INSERT, UPDATE ON humas.reports TO humas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON humas.report_deadlines TO humas_app;
GRANT USAGE ON SEQUENCE humas.reports_id_seq TO humas_app;
