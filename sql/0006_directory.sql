-- The directory: organizations, contacts and their affiliations (with history).
-- Every row has an owning unit; the policies below are the access rule of 0004 applied to it.
-- Deletes are soft (deleted_at); soft-deleted rows stay visible to RLS (so the service can
-- UPDATE ... RETURNING them and offer restore) and the service filters `deleted_at IS NULL`.
-- CHECK constraint names are stable: the service maps them to field errors.

CREATE TABLE humas.organizations (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL,
    short_name    text,
    kind          text NOT NULL,
    media_type    text,
    ballot_number int,
    party_scope   text,
    region        text,
    parent_id     bigint REFERENCES humas.organizations (id),
    emails        text[] NOT NULL DEFAULT '{}',
    phones        text[] NOT NULL DEFAULT '{}',
    website       text,
    address       text,
    tags          text[] NOT NULL DEFAULT '{}',
    notes         text,
    unit_id       int NOT NULL REFERENCES humas.units (id),
    -- Optional key from an import source (or the seed), unique per owning unit: makes imports
    -- and seeds idempotent (ON CONFLICT (unit_id, external_ref)).
    external_ref  text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    CONSTRAINT organizations_external_ref_key UNIQUE (unit_id, external_ref),
    CONSTRAINT organizations_name_check CHECK (btrim(name) <> ''),
    CONSTRAINT organizations_kind_check CHECK (kind IN ('media_outlet', 'political_party', 'government_agency',
        'election_observer', 'civil_society', 'university', 'other')),
    CONSTRAINT organizations_media_type_check CHECK (media_type IS NULL
        OR (kind = 'media_outlet' AND media_type IN ('print', 'online', 'tv', 'radio', 'news_agency'))),
    CONSTRAINT organizations_ballot_number_check CHECK (ballot_number IS NULL
        OR (kind = 'political_party' AND ballot_number BETWEEN 1 AND 99)),
    CONSTRAINT organizations_party_scope_check CHECK (party_scope IS NULL
        OR (kind = 'political_party' AND party_scope IN ('national', 'aceh_local'))),
    CONSTRAINT organizations_parent_check CHECK (parent_id <> id),
    CONSTRAINT organizations_emails_check CHECK (humas.valid_emails(emails)),
    CONSTRAINT organizations_phones_check CHECK (humas.valid_phones(phones)),
    CONSTRAINT organizations_tags_check CHECK (humas.valid_tags(tags))
);
-- One national party per ballot number (branches are children via parent_id, without a number).
CREATE UNIQUE INDEX organizations_ballot_number_key ON humas.organizations (ballot_number)
    WHERE ballot_number IS NOT NULL AND parent_id IS NULL AND deleted_at IS NULL;
CREATE INDEX organizations_unit_id_idx ON humas.organizations (unit_id);
CREATE INDEX organizations_parent_id_idx ON humas.organizations (parent_id);
CREATE INDEX organizations_kind_idx ON humas.organizations (kind);
CREATE TRIGGER organizations_touch_updated_at BEFORE UPDATE ON humas.organizations
    FOR EACH ROW EXECUTE FUNCTION humas.touch_updated_at();

CREATE TABLE humas.contacts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    full_name    text NOT NULL,
    honorific    text,                          -- sapaan: Bapak, Ibu, ...
    category     text NOT NULL DEFAULT 'other',
    emails       text[] NOT NULL DEFAULT '{}',  -- primary first
    phones       text[] NOT NULL DEFAULT '{}',  -- E.164, primary first
    social       jsonb NOT NULL DEFAULT '{}',   -- {"x": "@handle", "instagram": "...", ...}
    unit_id      int NOT NULL REFERENCES humas.units (id),
    tags         text[] NOT NULL DEFAULT '{}',
    -- Personal-data legal basis (UU 27/2022 PDP, art. 20) and opt-out from mailings.
    legal_basis  text,
    consent_note text,
    opted_out_at timestamptz,
    notes        text,
    external_ref text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    deleted_at   timestamptz,
    CONSTRAINT contacts_external_ref_key UNIQUE (unit_id, external_ref),
    CONSTRAINT contacts_full_name_check CHECK (btrim(full_name) <> '' AND length(full_name) <= 200),
    CONSTRAINT contacts_honorific_check CHECK (honorific IS NULL OR (btrim(honorific) <> '' AND length(honorific) <= 40)),
    CONSTRAINT contacts_category_check CHECK (category IN ('journalist', 'party_official', 'agency_official',
        'observer', 'academic', 'community_leader', 'influencer', 'other')),
    CONSTRAINT contacts_emails_check CHECK (humas.valid_emails(emails)),
    CONSTRAINT contacts_phones_check CHECK (humas.valid_phones(phones)),
    CONSTRAINT contacts_social_check CHECK (jsonb_typeof(social) = 'object'),
    CONSTRAINT contacts_tags_check CHECK (humas.valid_tags(tags)),
    CONSTRAINT contacts_legal_basis_check CHECK (legal_basis IS NULL OR legal_basis IN ('consent', 'contract',
        'legal_obligation', 'vital_interest', 'public_task', 'legitimate_interest'))
);
CREATE INDEX contacts_unit_id_idx ON humas.contacts (unit_id);
-- Duplicate detection (humas.find_contact_duplicates, 0010): exact match on any address.
CREATE INDEX contacts_emails_idx ON humas.contacts USING gin (humas.lower_array(emails));
CREATE INDEX contacts_phones_idx ON humas.contacts USING gin (phones);
CREATE INDEX contacts_tags_idx ON humas.contacts USING gin (tags);
CREATE TRIGGER contacts_touch_updated_at BEFORE UPDATE ON humas.contacts
    FOR EACH ROW EXECUTE FUNCTION humas.touch_updated_at();

-- Contact <-> organization, with history: a journalist who moves keeps the old row, ended.
CREATE TABLE humas.affiliations (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id      bigint NOT NULL REFERENCES humas.contacts (id),
    organization_id bigint NOT NULL REFERENCES humas.organizations (id),
    title           text,          -- role / jabatan: Redaktur, Wartawan, Sekretaris DPD, ...
    beat            text,          -- desk: politik, pemilu, hukum, ...
    started_on      date,
    ended_on        date,
    unit_id         int NOT NULL REFERENCES humas.units (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz,
    CONSTRAINT affiliations_dates_check CHECK (ended_on >= started_on),
    CONSTRAINT affiliations_beat_check CHECK (beat IS NULL OR (beat = lower(btrim(beat)) AND beat <> ''))
);
CREATE INDEX affiliations_contact_id_idx ON humas.affiliations (contact_id);
CREATE INDEX affiliations_organization_id_idx ON humas.affiliations (organization_id);
CREATE INDEX affiliations_unit_id_idx ON humas.affiliations (unit_id);
CREATE TRIGGER affiliations_touch_updated_at BEFORE UPDATE ON humas.affiliations
    FOR EACH ROW EXECUTE FUNCTION humas.touch_updated_at();

-- Row-level security: owner sees all; humas_app gets the access rule.
ALTER TABLE humas.organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.organizations FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.contacts FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.affiliations ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.affiliations FORCE ROW LEVEL SECURITY;
CREATE POLICY organizations_owner_all ON humas.organizations TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY contacts_owner_all ON humas.contacts TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY affiliations_owner_all ON humas.affiliations TO humas_owner USING (true) WITH CHECK (true);

CREATE POLICY organizations_app_read ON humas.organizations FOR SELECT TO humas_app
    USING (humas.unit_readable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_ancestor_ids())));
CREATE POLICY organizations_app_insert ON humas.organizations FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));
CREATE POLICY organizations_app_update ON humas.organizations FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));

CREATE POLICY contacts_app_read ON humas.contacts FOR SELECT TO humas_app
    USING (humas.unit_readable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_ancestor_ids())));
CREATE POLICY contacts_app_insert ON humas.contacts FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));
CREATE POLICY contacts_app_update ON humas.contacts FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));

CREATE POLICY affiliations_app_read ON humas.affiliations FOR SELECT TO humas_app
    USING (humas.unit_readable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_ancestor_ids())));
-- An affiliation is part of its contact's record: the writer must be able to write the contact
-- too, and must be able to see the organization (foreign-key checks bypass RLS, so without this
-- a guessed id could link to a sibling's organization).
CREATE POLICY affiliations_app_insert ON humas.affiliations FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND EXISTS (SELECT 1 FROM humas.contacts c WHERE c.id = contact_id
                            AND c.unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()))
                AND EXISTS (SELECT 1 FROM humas.organizations o WHERE o.id = organization_id));
CREATE POLICY affiliations_app_update ON humas.affiliations FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND EXISTS (SELECT 1 FROM humas.contacts c WHERE c.id = contact_id
                            AND c.unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()))
                AND EXISTS (SELECT 1 FROM humas.organizations o WHERE o.id = organization_id));

GRANT SELECT, INSERT, UPDATE ON humas.organizations, humas.contacts, humas.affiliations TO humas_app;
GRANT USAGE ON SEQUENCE humas.organizations_id_seq, humas.contacts_id_seq, humas.affiliations_id_seq TO humas_app;
