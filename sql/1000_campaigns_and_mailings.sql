-- Campaigns, mailings and their deliveries: outreach with proof of who received what.
--
-- Campaigns are master data: one that KPU RI or a province creates is readable by every unit
-- below, which attaches its own activities and mailings to it (0004's unit_readable). Mailings,
-- their attachments and deliveries follow the activities' rule instead: readable only in the
-- owner's subtree, never by a descendant or a sibling.
--
-- Delivery is at least once, never lost: sending a mailing materializes one delivery per
-- recipient in one transaction; workers claim queued deliveries in batches with a lease
-- (humas.mail_claim), record each SMTP outcome (humas.mail_record) and give back what they did
-- not send (humas.mail_release). A crashed worker's lease expires and its deliveries are claimed
-- again, so duplicates are bounded by one batch. Workers act for no user: they reach the
-- deliveries only through these SECURITY DEFINER functions, which do nothing else.

CREATE TABLE humas.campaigns (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id     int NOT NULL REFERENCES humas.units (id),
    name        text NOT NULL,
    description text,
    starts_on   date,
    ends_on     date,
    created_by  bigint REFERENCES humas.users (id) DEFAULT humas.acting_user_id(),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    CONSTRAINT campaigns_name_check CHECK (btrim(name) <> '' AND length(name) <= 200),
    CONSTRAINT campaigns_dates_check CHECK (ends_on >= starts_on)
);
CREATE UNIQUE INDEX campaigns_unit_name_key ON humas.campaigns (unit_id, lower(name)) WHERE deleted_at IS NULL;
CREATE TRIGGER campaigns_touch_updated_at BEFORE UPDATE ON humas.campaigns
    FOR EACH ROW EXECUTE FUNCTION humas.touch_updated_at();

ALTER TABLE humas.interactions
    ADD CONSTRAINT interactions_campaign_fkey FOREIGN KEY (campaign_id) REFERENCES humas.campaigns (id);

CREATE TABLE humas.mailings (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id          int NOT NULL REFERENCES humas.units (id),
    campaign_id      bigint REFERENCES humas.campaigns (id),
    name             text NOT NULL,
    from_address     text NOT NULL,
    from_name        text,
    reply_to         text,
    subject_template text NOT NULL,
    text_template    text NOT NULL,
    html_template    text,
    list_id          bigint REFERENCES humas.lists (id),
    segment_id       bigint REFERENCES humas.segments (id),
    scheduled_at     timestamptz,
    -- Messages a minute for this mailing; NULL: only the overall limit applies.
    rate_per_minute  int,
    status           text NOT NULL DEFAULT 'draft',
    -- Who pressed send (or scheduled it): a scheduled mailing's audience is resolved as them.
    sent_by          bigint REFERENCES humas.users (id),
    started_at       timestamptz,
    finished_at      timestamptz,
    -- Why a scheduled start did not happen (the audience had become empty, the user disabled).
    last_error       text,
    -- The earliest moment the next message of this mailing may go (its rate limit).
    next_slot_at     timestamptz NOT NULL DEFAULT '-infinity',
    -- Deliveries queued or in flight: the mailing is sent when it reaches 0. A counter, because
    -- asking the deliveries after every message walked the index entries of every row already
    -- sent (dead until vacuumed): 100 messages/s at 70,000 sent, against 380 at the start.
    pending          int NOT NULL DEFAULT 0,
    created_by       bigint REFERENCES humas.users (id) DEFAULT humas.acting_user_id(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    CONSTRAINT mailings_name_check CHECK (btrim(name) <> '' AND length(name) <= 200),
    CONSTRAINT mailings_status_check CHECK (status IN ('draft', 'scheduled', 'sending', 'sent', 'paused', 'cancelled')),
    CONSTRAINT mailings_audience_check CHECK (num_nonnulls(list_id, segment_id) <= 1),
    CONSTRAINT mailings_scheduled_check CHECK (status <> 'scheduled' OR scheduled_at IS NOT NULL),
    CONSTRAINT mailings_rate_check CHECK (rate_per_minute BETWEEN 1 AND 100000),
    CONSTRAINT mailings_from_check CHECK (from_address ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    CONSTRAINT mailings_reply_to_check CHECK (reply_to ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
);
CREATE INDEX mailings_unit_idx ON humas.mailings (unit_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX mailings_campaign_idx ON humas.mailings (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX mailings_due_idx ON humas.mailings (scheduled_at) WHERE status = 'scheduled';
CREATE TRIGGER mailings_touch_updated_at BEFORE UPDATE ON humas.mailings
    FOR EACH ROW EXECUTE FUNCTION humas.touch_updated_at();

CREATE TABLE humas.mailing_attachments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mailing_id   bigint NOT NULL REFERENCES humas.mailings (id) ON DELETE CASCADE,
    unit_id      int NOT NULL REFERENCES humas.units (id),
    filename     text NOT NULL,
    content_type text NOT NULL,
    data         bytea NOT NULL,
    sha256       bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT mailing_attachments_size_check CHECK (octet_length(data) BETWEEN 1 AND 10485760),
    CONSTRAINT mailing_attachments_filename_check CHECK (btrim(filename) <> '' AND length(filename) <= 200
        AND filename !~ '[/\\\r\n"]')
);
CREATE UNIQUE INDEX mailing_attachments_name_key ON humas.mailing_attachments (mailing_id, filename);

CREATE TABLE humas.deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mailing_id      bigint NOT NULL REFERENCES humas.mailings (id),
    unit_id         int NOT NULL REFERENCES humas.units (id),
    contact_id      bigint REFERENCES humas.contacts (id),
    address         text,
    status          text NOT NULL,
    skip_reason     text,
    -- The merge fields as they were when sending started: what this recipient was sent.
    merge_fields    jsonb NOT NULL DEFAULT '{}',
    message_id      text NOT NULL,
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    -- A worker's claim: when it lapses the delivery is claimed again.
    leased_by       text,
    lease_until     timestamptz,
    -- Not before this moment (the rate limits' slot given at the claim).
    send_at         timestamptz,
    last_reply      text,
    queued_at       timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    failed_at       timestamptz,
    bounced_at      timestamptz,
    unsubscribed_at timestamptz,
    -- Delay reports (RFC 3464 4.x.x) received: counted, the delivery stays as it is.
    delay_reports   int NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deliveries_status_check CHECK (status IN ('skipped', 'queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled')),
    CONSTRAINT deliveries_skip_check CHECK ((status = 'skipped') = (skip_reason IS NOT NULL)),
    CONSTRAINT deliveries_skip_reason_check CHECK (skip_reason IN ('no_email', 'opted_out', 'suppressed', 'duplicate_address')),
    CONSTRAINT deliveries_address_check CHECK (status = 'skipped' OR address IS NOT NULL)
);
CREATE UNIQUE INDEX deliveries_message_id_key ON humas.deliveries (message_id);
CREATE INDEX deliveries_mailing_idx ON humas.deliveries (mailing_id, status, id);
CREATE INDEX deliveries_contact_idx ON humas.deliveries (contact_id, queued_at DESC) WHERE contact_id IS NOT NULL;
-- What a claim looks for: due queued rows, and lapsed leases.
CREATE INDEX deliveries_queued_idx ON humas.deliveries (next_attempt_at, id) WHERE status = 'queued';
CREATE INDEX deliveries_leased_idx ON humas.deliveries (lease_until) WHERE status = 'sending';
CREATE TRIGGER deliveries_touch_updated_at BEFORE UPDATE ON humas.deliveries
    FOR EACH ROW EXECUTE FUNCTION humas.touch_updated_at();

-- Addresses no mailing may send to again: a permanent bounce (RFC 3464 5.x.x), or by hand.
-- A fact about the address, whoever's contact it is; read only through the functions below.
CREATE TABLE humas.suppressions (
    address     text PRIMARY KEY,
    reason      text NOT NULL,
    detail      text,
    delivery_id bigint REFERENCES humas.deliveries (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT suppressions_address_check CHECK (address = lower(btrim(address))),
    CONSTRAINT suppressions_reason_check CHECK (reason IN ('bounce', 'complaint', 'manual'))
);

-- The overall rate limit, shared by every worker: one row.
CREATE TABLE humas.mail_throttle (
    singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    next_slot_at timestamptz NOT NULL DEFAULT '-infinity'
);
INSERT INTO humas.mail_throttle DEFAULT VALUES;

-- The key that signs unsubscribe links (HMAC-SHA256 in Sources/Humas/Mailings/UnsubscribeToken.swift),
-- made like 0811's cursor key, kept apart from it so rotating one does not break the other.
CREATE TABLE humas.unsubscribe_secret (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    secret     bytea   NOT NULL CHECK (octet_length(secret) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO humas.unsubscribe_secret (secret)
VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- Row-level security.
ALTER TABLE humas.campaigns ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.campaigns FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.mailings ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.mailings FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.mailing_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.mailing_attachments FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.deliveries FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.suppressions ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.suppressions FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.mail_throttle ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.mail_throttle FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.unsubscribe_secret ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.unsubscribe_secret FORCE ROW LEVEL SECURITY;
CREATE POLICY campaigns_owner_all ON humas.campaigns TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY mailings_owner_all ON humas.mailings TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY mailing_attachments_owner_all ON humas.mailing_attachments TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY deliveries_owner_all ON humas.deliveries TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY suppressions_owner_all ON humas.suppressions TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY mail_throttle_owner_all ON humas.mail_throttle TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY unsubscribe_secret_owner_all ON humas.unsubscribe_secret TO humas_owner USING (true) WITH CHECK (true);

-- Campaigns: master data (subtree and ancestors read), written by the owner's editors.
CREATE POLICY campaigns_app_read ON humas.campaigns FOR SELECT TO humas_app
    USING (humas.unit_readable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_ancestor_ids())));
CREATE POLICY campaigns_app_insert ON humas.campaigns FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));
CREATE POLICY campaigns_app_update ON humas.campaigns FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));

-- An activity may name only a campaign its writer can see (foreign-key checks bypass RLS).
DROP POLICY interactions_app_insert ON humas.interactions;
CREATE POLICY interactions_app_insert ON humas.interactions FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND (campaign_id IS NULL OR EXISTS (SELECT 1 FROM humas.campaigns c WHERE c.id = campaign_id)));
DROP POLICY interactions_app_update ON humas.interactions;
CREATE POLICY interactions_app_update ON humas.interactions FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND (campaign_id IS NULL OR EXISTS (SELECT 1 FROM humas.campaigns c WHERE c.id = campaign_id)));

-- Mailings: the owner's subtree only; written by its editors, with a campaign, list and segment
-- they can see.
CREATE POLICY mailings_app_read ON humas.mailings FOR SELECT TO humas_app
    USING (unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()));
CREATE POLICY mailings_app_insert ON humas.mailings FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND (campaign_id IS NULL OR EXISTS (SELECT 1 FROM humas.campaigns c WHERE c.id = campaign_id))
                AND (list_id IS NULL OR EXISTS (SELECT 1 FROM humas.lists l WHERE l.id = list_id))
                AND (segment_id IS NULL OR EXISTS (SELECT 1 FROM humas.segments s WHERE s.id = segment_id)));
CREATE POLICY mailings_app_update ON humas.mailings FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND (campaign_id IS NULL OR EXISTS (SELECT 1 FROM humas.campaigns c WHERE c.id = campaign_id))
                AND (list_id IS NULL OR EXISTS (SELECT 1 FROM humas.lists l WHERE l.id = list_id))
                AND (segment_id IS NULL OR EXISTS (SELECT 1 FROM humas.segments s WHERE s.id = segment_id)));

CREATE POLICY mailing_attachments_app_read ON humas.mailing_attachments FOR SELECT TO humas_app
    USING (unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()));
CREATE POLICY mailing_attachments_app_insert ON humas.mailing_attachments FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND EXISTS (SELECT 1 FROM humas.mailings m WHERE m.id = mailing_id AND m.unit_id = mailing_attachments.unit_id));
CREATE POLICY mailing_attachments_app_delete ON humas.mailing_attachments FOR DELETE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'));

-- Deliveries: read in the owner's subtree; inserted when the owner's writer sends (each for a
-- contact they can see); changed by the owner's writers (pause, cancel, retry) and the workers'
-- functions.
CREATE POLICY deliveries_app_read ON humas.deliveries FOR SELECT TO humas_app
    USING (unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()));
CREATE POLICY deliveries_app_insert ON humas.deliveries FOR INSERT TO humas_app
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}')
                AND EXISTS (SELECT 1 FROM humas.mailings m WHERE m.id = mailing_id AND m.unit_id = deliveries.unit_id)
                AND (contact_id IS NULL OR EXISTS (SELECT 1 FROM humas.contacts c WHERE c.id = contact_id)));
CREATE POLICY deliveries_app_update ON humas.deliveries FOR UPDATE TO humas_app
    USING (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                               (SELECT humas.acting_role()), '{admin,editor}'))
    WITH CHECK (humas.unit_writable(unit_id, (SELECT humas.acting_unit_id()), (SELECT humas.acting_subtree_end()),
                                    (SELECT humas.acting_role()), '{admin,editor}'));

GRANT SELECT, INSERT, UPDATE ON humas.campaigns, humas.mailings, humas.deliveries TO humas_app;
GRANT SELECT, INSERT, DELETE ON humas.mailing_attachments TO humas_app;
GRANT USAGE ON SEQUENCE humas.campaigns_id_seq, humas.mailings_id_seq, humas.mailing_attachments_id_seq,
    humas.deliveries_id_seq TO humas_app;
