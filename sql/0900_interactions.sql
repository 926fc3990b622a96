-- Interactions (kegiatan): what an office did or plans to do, with whom, for which Bakohumas
-- strategy; their participants, co-organizing units and follow-ups (tindak lanjut).
--
-- The access rule differs from the directory's: an interaction is read only within its owner's
-- subtree (the owner and its ancestors' users), plus by the units that co-organized it and
-- theirs, never by a descendant or a sibling because it is an ancestor's (0004's unit_readable
-- is for master data, which flows down; this does not).

-- Local wall-clock time of a moment in a unit's zone. The three zones have had fixed offsets
-- (WIB +7, WITA +8, WIT +9) since 1988; Swift renders times with the same offsets.
CREATE FUNCTION humas.unit_local_time(at timestamptz, unit_id int) RETURNS timestamp
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = humas, public, pg_temp
RETURN at AT TIME ZONE (SELECT u.time_zone FROM humas.units u WHERE u.id = unit_local_time.unit_id);

-- The lowest unit whose subtree holds both `a` and `b` (the tree is three levels deep).
CREATE FUNCTION humas.common_unit(a int, b int) RETURNS int
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = humas, public, pg_temp
RETURN (SELECT max(x.id) FROM humas.units x
        WHERE a BETWEEN x.id AND x.subtree_end AND b BETWEEN x.id AND x.subtree_end);

CREATE TABLE humas.interactions (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id            int NOT NULL REFERENCES humas.units (id),
    external_ref       text,
    kind               text NOT NULL,
    mode               text NOT NULL,
    title              text NOT NULL,
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz,
    -- starts_at on the owning unit's wall clock: quarters, years and list order are local.
    starts_local       timestamp NOT NULL,
    place              text,
    meeting_url        text,
    summary            text,
    outcome            text,
    strategy           text NOT NULL,
    status             text NOT NULL DEFAULT 'planned',
    cancel_reason      text,
    campaign_id        bigint,          -- the campaigns issue adds the table and the key
    documentation_urls text[] NOT NULL DEFAULT '{}',
    audience_count     int NOT NULL DEFAULT 0,
    created_by         bigint REFERENCES humas.users (id) DEFAULT humas.acting_user_id(),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz,
    CONSTRAINT interactions_kind_check CHECK (kind IN ('press_conference', 'press_release', 'coordination_meeting',
        'media_gathering', 'interview', 'talkshow', 'audience', 'socialization', 'visit', 'focus_group', 'call',
        'message', 'hoax_clarification', 'other')),
    CONSTRAINT interactions_mode_check CHECK (mode IN ('daring', 'luring', 'hybrid')),
    CONSTRAINT interactions_strategy_check CHECK (strategy IN ('jejaring', 'pertemuan', 'informasi', 'partisipasi',
        'sarana', 'citra', 'evaluasi', 'sdm')),
    CONSTRAINT interactions_status_check CHECK (status IN ('planned', 'done', 'cancelled')),
    CONSTRAINT interactions_cancel_reason_check CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
    CONSTRAINT interactions_title_check CHECK (btrim(title) <> '' AND length(title) <= 300),
    CONSTRAINT interactions_dates_check CHECK (ends_at >= starts_at),
    CONSTRAINT interactions_audience_check CHECK (audience_count BETWEEN 0 AND 100000000),
    CONSTRAINT interactions_links_check CHECK (cardinality(documentation_urls) <= 20)
);
CREATE UNIQUE INDEX interactions_external_ref_key ON humas.interactions (unit_id, external_ref);
-- A kabupaten's or a province's list (unit range, then strategy, then newest first) and the
-- national one (strategy or all, newest first): see Interactions+List.swift.
CREATE INDEX interactions_unit_strategy_idx ON humas.interactions (unit_id, strategy, starts_local DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX interactions_strategy_idx ON humas.interactions (strategy, starts_local DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX interactions_starts_idx ON humas.interactions (starts_local DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX interactions_campaign_idx ON humas.interactions (campaign_id) WHERE campaign_id IS NOT NULL;

CREATE FUNCTION humas.interactions_set_local_time() RETURNS trigger
LANGUAGE plpgsql SET search_path = humas, public, pg_temp AS $$
BEGIN
    NEW.starts_local := humas.unit_local_time(NEW.starts_at, NEW.unit_id);
    RETURN NEW;
END $$;
CREATE TRIGGER interactions_local_time BEFORE INSERT OR UPDATE OF starts_at, unit_id ON humas.interactions
    FOR EACH ROW EXECUTE FUNCTION humas.interactions_set_local_time();
-- Participants carry the start for timelines: they follow a moved activity.
CREATE FUNCTION humas.interactions_move_participants() RETURNS trigger
LANGUAGE plpgsql SET search_path = humas, public, pg_temp AS $$
BEGIN
    UPDATE humas.interaction_participants p SET starts_at = NEW.starts_at WHERE p.interaction_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER interactions_move_participants AFTER UPDATE OF starts_at ON humas.interactions
    FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at)
    EXECUTE FUNCTION humas.interactions_move_participants();
CREATE TRIGGER interactions_touch_updated_at BEFORE UPDATE ON humas.interactions
    FOR EACH ROW EXECUTE FUNCTION humas.touch_updated_at();

-- Units that held an activity together with its owner. common_unit_id is the lowest unit over
-- both: a scope that holds the co-organizer but not the owner lies strictly below it (a smaller
-- pre-order id is an ancestor), which is what humas.acting_coorganized_ids() looks for.
CREATE TABLE humas.interaction_coorganizers (
    interaction_id bigint NOT NULL REFERENCES humas.interactions (id) ON DELETE CASCADE,
    unit_id        int NOT NULL REFERENCES humas.units (id),
    owner_unit_id  int NOT NULL REFERENCES humas.units (id),
    common_unit_id int NOT NULL REFERENCES humas.units (id),
    PRIMARY KEY (interaction_id, unit_id),
    CONSTRAINT interaction_coorganizers_not_owner_check CHECK (unit_id <> owner_unit_id)
);
CREATE INDEX interaction_coorganizers_scope_idx ON humas.interaction_coorganizers (common_unit_id, unit_id)
    INCLUDE (interaction_id);
CREATE INDEX interaction_coorganizers_unit_idx ON humas.interaction_coorganizers (unit_id, common_unit_id)
    INCLUDE (interaction_id);

CREATE FUNCTION humas.coorganizers_set_common_unit() RETURNS trigger
LANGUAGE plpgsql SET search_path = humas, public, pg_temp AS $$
BEGIN
    NEW.common_unit_id := humas.common_unit(NEW.unit_id, NEW.owner_unit_id);
    RETURN NEW;
END $$;
CREATE TRIGGER interaction_coorganizers_common_unit BEFORE INSERT OR UPDATE ON humas.interaction_coorganizers
    FOR EACH ROW EXECUTE FUNCTION humas.coorganizers_set_common_unit();

-- A contact or an organization at an activity: invited, attended, or both. Rows carry the
-- owner's unit and the start so that policies and timelines need no join. via_organization_id
-- is the outlet or party a contact represented when added (their current affiliation then), so
-- an organization's timeline shows its people's activities too.
CREATE TABLE humas.interaction_participants (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    interaction_id      bigint NOT NULL REFERENCES humas.interactions (id) ON DELETE CASCADE,
    unit_id             int NOT NULL REFERENCES humas.units (id),
    starts_at           timestamptz NOT NULL,
    contact_id          bigint REFERENCES humas.contacts (id),
    organization_id     bigint REFERENCES humas.organizations (id),
    via_organization_id bigint REFERENCES humas.organizations (id),
    role                text NOT NULL DEFAULT 'attendee',
    invited             boolean NOT NULL DEFAULT true,
    attended            boolean,
    added_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT interaction_participants_one_check CHECK (num_nonnulls(contact_id, organization_id) = 1),
    CONSTRAINT interaction_participants_role_check CHECK (role IN ('speaker', 'attendee', 'organizer',
        'interviewer', 'interviewee', 'host', 'moderator', 'guest', 'observer'))
);
CREATE UNIQUE INDEX interaction_participants_contact_key ON humas.interaction_participants (interaction_id, contact_id)
    WHERE contact_id IS NOT NULL;
CREATE UNIQUE INDEX interaction_participants_organization_key ON humas.interaction_participants (interaction_id, organization_id)
    WHERE organization_id IS NOT NULL;
CREATE INDEX interaction_participants_contact_idx ON humas.interaction_participants (contact_id, starts_at DESC, interaction_id DESC)
    WHERE contact_id IS NOT NULL;
CREATE INDEX interaction_participants_organization_idx
    ON humas.interaction_participants ((coalesce(organization_id, via_organization_id)), starts_at DESC, interaction_id DESC)
    WHERE coalesce(organization_id, via_organization_id) IS NOT NULL;

-- Follow-ups (tindak lanjut) of an activity, assigned to a user of the owning unit or below.
CREATE TABLE humas.followups (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    interaction_id bigint NOT NULL REFERENCES humas.interactions (id) ON DELETE CASCADE,
    unit_id        int NOT NULL REFERENCES humas.units (id),
    action         text NOT NULL,
    assignee_id    bigint REFERENCES humas.users (id),
    due_on         date,
    done_on        date,
    created_by     bigint REFERENCES humas.users (id) DEFAULT humas.acting_user_id(),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT followups_action_check CHECK (btrim(action) <> '' AND length(action) <= 1000)
);
CREATE INDEX followups_interaction_idx ON humas.followups (interaction_id);
CREATE INDEX followups_open_idx ON humas.followups (assignee_id, due_on) WHERE done_on IS NULL;
CREATE INDEX followups_unit_idx ON humas.followups (unit_id, due_on);
CREATE TRIGGER followups_touch_updated_at BEFORE UPDATE ON humas.followups
    FOR EACH ROW EXECUTE FUNCTION humas.touch_updated_at();

-- The activities the acting scope reads only as a co-organizer: a co-organizer in the scope, the
-- owner outside it. An array computed once per statement (policies call it in a scalar
-- sub-select), small for every scope: empty for KPU RI, a kabupaten's own joint activities.
CREATE FUNCTION humas.acting_coorganized_ids() RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path = humas, public, pg_temp
AS $$
    SELECT coalesce(array_agg(DISTINCT c.interaction_id), '{}')
    FROM humas.interaction_coorganizers c
    WHERE c.common_unit_id < humas.acting_unit_id()
      AND c.unit_id BETWEEN humas.acting_unit_id() AND humas.acting_subtree_end()
$$;
REVOKE ALL ON FUNCTION humas.acting_coorganized_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION humas.acting_coorganized_ids(), humas.unit_local_time(timestamptz, int),
    humas.common_unit(int, int) TO humas_app;

ALTER TABLE humas.interactions ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.interactions FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.interaction_coorganizers ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.interaction_coorganizers FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.interaction_participants ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.interaction_participants FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.followups ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.followups FORCE ROW LEVEL SECURITY;
CREATE POLICY interactions_owner_all ON humas.interactions TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY interaction_coorganizers_owner_all ON humas.interaction_coorganizers TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY interaction_participants_owner_all ON humas.interaction_participants TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY followups_owner_all ON humas.followups TO humas_owner USING (true) WITH CHECK (true);

-- Read: owned in the scope's subtree, or co-organized from it.
CREATE POLICY interactions_app_read ON humas.interactions FOR SELECT TO humas_app
    USING (unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end())
           OR id = ANY (coalesce((SELECT humas.acting_coorganized_ids()), '{}')));
CREATE POLICY interactions_app_insert ON humas.interactions FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));
CREATE POLICY interactions_app_update ON humas.interactions FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));

-- Co-organizer rows: seen by the owner's scope and the co-organizer's; written by the owner's writers.
CREATE POLICY interaction_coorganizers_app_read ON humas.interaction_coorganizers FOR SELECT TO humas_app
    USING (owner_unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end())
           OR unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()));
CREATE POLICY interaction_coorganizers_app_insert ON humas.interaction_coorganizers FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(owner_unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND EXISTS (SELECT 1 FROM humas.interactions i WHERE i.id = interaction_id AND i.unit_id = owner_unit_id));
CREATE POLICY interaction_coorganizers_app_delete ON humas.interaction_coorganizers FOR DELETE TO humas_app
    USING (humas.unit_writable(owner_unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'));

-- Participants: read with their activity. A co-organizer reading through the second arm sees a
-- row only if it may see the contact or organization as well (the owner's scope always may:
-- participants are added from what the owner can see, which its ancestors see too).
CREATE POLICY interaction_participants_app_read ON humas.interaction_participants FOR SELECT TO humas_app
    USING (unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end())
           OR (interaction_id = ANY (coalesce((SELECT humas.acting_coorganized_ids()), '{}'))
               AND (contact_id IS NULL OR EXISTS (SELECT 1 FROM humas.contacts c WHERE c.id = contact_id))
               AND (organization_id IS NULL OR EXISTS (SELECT 1 FROM humas.organizations o WHERE o.id = organization_id))));
-- Written by the activity's writers, only with contacts and organizations they can see
-- (foreign-key checks bypass RLS, so without this a guessed id could add a sibling's contact).
CREATE POLICY interaction_participants_app_insert ON humas.interaction_participants FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND EXISTS (SELECT 1 FROM humas.interactions i WHERE i.id = interaction_id AND i.unit_id = interaction_participants.unit_id)
                AND (contact_id IS NULL OR EXISTS (SELECT 1 FROM humas.contacts c WHERE c.id = contact_id AND c.deleted_at IS NULL))
                AND (organization_id IS NULL OR EXISTS (SELECT 1 FROM humas.organizations o WHERE o.id = organization_id AND o.deleted_at IS NULL))
                AND (via_organization_id IS NULL OR EXISTS (SELECT 1 FROM humas.organizations o WHERE o.id = via_organization_id)));
CREATE POLICY interaction_participants_app_update ON humas.interaction_participants FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));
CREATE POLICY interaction_participants_app_delete ON humas.interaction_participants FOR DELETE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'));

-- Follow-ups: read with their activity; written by its writers, and marked done by the assignee.
CREATE POLICY followups_app_read ON humas.followups FOR SELECT TO humas_app
    USING (unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end())
           OR interaction_id = ANY (coalesce((SELECT humas.acting_coorganized_ids()), '{}')));
CREATE POLICY followups_app_insert ON humas.followups FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND EXISTS (SELECT 1 FROM humas.interactions i WHERE i.id = interaction_id AND i.unit_id = followups.unit_id)
                AND (assignee_id IS NULL OR EXISTS (
                    SELECT 1 FROM humas.users u JOIN humas.units un ON un.id = followups.unit_id
                    WHERE u.id = assignee_id AND u.disabled_at IS NULL AND u.unit_id BETWEEN un.id AND un.subtree_end)));
CREATE POLICY followups_app_update ON humas.followups FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}')
           OR assignee_id = (SELECT humas.acting_user_id()))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                OR assignee_id = (SELECT humas.acting_user_id()));

GRANT SELECT, INSERT, UPDATE ON humas.interactions, humas.followups TO humas_app;
GRANT SELECT, INSERT, DELETE ON humas.interaction_coorganizers TO humas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON humas.interaction_participants TO humas_app;
GRANT USAGE ON SEQUENCE humas.interactions_id_seq, humas.interaction_participants_id_seq, humas.followups_id_seq TO humas_app;
