-- Static lists (hand-picked contacts) and segments (saved search filters, evaluated when used).
-- Both are owned by a unit and follow the directory's access rule.

CREATE TABLE humas.lists (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    description text,
    unit_id     int NOT NULL REFERENCES humas.units (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    CONSTRAINT lists_name_check CHECK (btrim(name) <> '')
);
-- Names are unique per owning unit among live lists.
CREATE UNIQUE INDEX lists_unit_name_key ON humas.lists (unit_id, lower(name)) WHERE deleted_at IS NULL;
CREATE TRIGGER lists_touch_updated_at BEFORE UPDATE ON humas.lists
    FOR EACH ROW EXECUTE FUNCTION humas.touch_updated_at();

-- Membership. No DELETE for humas_app: removing sets removed_at; adding again is an upsert
-- (INSERT ... ON CONFLICT (list_id, contact_id) DO UPDATE SET removed_at = NULL).
CREATE TABLE humas.list_members (
    list_id    bigint NOT NULL REFERENCES humas.lists (id),
    contact_id bigint NOT NULL REFERENCES humas.contacts (id),
    added_at   timestamptz NOT NULL DEFAULT now(),
    removed_at timestamptz,
    PRIMARY KEY (list_id, contact_id)
);
CREATE INDEX list_members_contact_id_idx ON humas.list_members (contact_id);

CREATE TABLE humas.segments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    description text,
    -- The filters object humas.search_contacts() takes (category, organization_kind,
    -- organization, party, media_type, beat, tag, under, has_email, exclude_opted_out); the
    -- service may keep the text query beside them under "q" and pass it separately.
    filter      jsonb NOT NULL DEFAULT '{}',
    unit_id     int NOT NULL REFERENCES humas.units (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    CONSTRAINT segments_name_check CHECK (btrim(name) <> ''),
    CONSTRAINT segments_filter_check CHECK (jsonb_typeof(filter) = 'object')
);
CREATE UNIQUE INDEX segments_unit_name_key ON humas.segments (unit_id, lower(name)) WHERE deleted_at IS NULL;
CREATE TRIGGER segments_touch_updated_at BEFORE UPDATE ON humas.segments
    FOR EACH ROW EXECUTE FUNCTION humas.touch_updated_at();

ALTER TABLE humas.lists ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.lists FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.list_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.list_members FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.segments ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.segments FORCE ROW LEVEL SECURITY;
CREATE POLICY lists_owner_all ON humas.lists TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY list_members_owner_all ON humas.list_members TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY segments_owner_all ON humas.segments TO humas_owner USING (true) WITH CHECK (true);

CREATE POLICY lists_app_read ON humas.lists FOR SELECT TO humas_app
    USING (humas.unit_readable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_ancestor_ids())));
CREATE POLICY lists_app_insert ON humas.lists FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));
CREATE POLICY lists_app_update ON humas.lists FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));

-- A membership row is visible when both its list and its contact are (a national list seen from
-- a kabupaten shows only the members that kabupaten may see). The sub-selects run under
-- humas_app's own policies on lists and contacts.
CREATE POLICY list_members_app_read ON humas.list_members FOR SELECT TO humas_app
    USING (EXISTS (SELECT 1 FROM humas.lists l WHERE l.id = list_id)
           AND EXISTS (SELECT 1 FROM humas.contacts c WHERE c.id = contact_id));
-- Written by whoever may write the list, for contacts they can see.
CREATE POLICY list_members_app_insert ON humas.list_members FOR INSERT TO humas_app
    WITH CHECK (EXISTS (SELECT 1 FROM humas.lists l WHERE l.id = list_id
                        AND humas.unit_writable(l.unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                                (SELECT humas.acting_role()), '{admin,editor}'))
                AND EXISTS (SELECT 1 FROM humas.contacts c WHERE c.id = contact_id));
CREATE POLICY list_members_app_update ON humas.list_members FOR UPDATE TO humas_app
    USING (EXISTS (SELECT 1 FROM humas.lists l WHERE l.id = list_id
                   AND humas.unit_writable(l.unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                           (SELECT humas.acting_role()), '{admin,editor}'))
           AND EXISTS (SELECT 1 FROM humas.contacts c WHERE c.id = contact_id))
    WITH CHECK (EXISTS (SELECT 1 FROM humas.lists l WHERE l.id = list_id
                        AND humas.unit_writable(l.unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                                (SELECT humas.acting_role()), '{admin,editor}'))
                AND EXISTS (SELECT 1 FROM humas.contacts c WHERE c.id = contact_id));

CREATE POLICY segments_app_read ON humas.segments FOR SELECT TO humas_app
    USING (humas.unit_readable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_ancestor_ids())));
CREATE POLICY segments_app_insert ON humas.segments FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));
CREATE POLICY segments_app_update ON humas.segments FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));

GRANT SELECT, INSERT, UPDATE ON humas.lists, humas.list_members, humas.segments TO humas_app;
GRANT USAGE ON SEQUENCE humas.lists_id_seq, humas.segments_id_seq TO humas_app;
