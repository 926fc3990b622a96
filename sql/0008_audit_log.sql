-- Audit trail. The service writes one row per change, in the same transaction as the change.
-- For humas_app it is append-only (SELECT + INSERT, no UPDATE/DELETE grant), a row must name
-- the acting user as its actor and a unit in the actor's own subtree, and rows are readable only
-- within the reader's own subtree (not ancestors': a kabupaten does not read national audit).
CREATE TABLE humas.audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor_id  bigint REFERENCES humas.users (id) DEFAULT humas.acting_user_id(),
    unit_id   int NOT NULL REFERENCES humas.units (id),
    action    text NOT NULL,          -- create | update | delete | restore | login | export | ...
    entity    text NOT NULL,          -- contact | organization | affiliation | user | token | ...
    entity_id bigint,
    before    jsonb,
    after     jsonb,
    CONSTRAINT audit_log_action_check CHECK (action ~ '^[a-z][a-z_.]*$'),
    CONSTRAINT audit_log_entity_check CHECK (entity ~ '^[a-z][a-z_.]*$')
);
CREATE INDEX audit_log_unit_at_idx ON humas.audit_log (unit_id, at DESC);
CREATE INDEX audit_log_entity_idx ON humas.audit_log (entity, entity_id);

ALTER TABLE humas.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_owner_all ON humas.audit_log TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY audit_log_app_read ON humas.audit_log FOR SELECT TO humas_app
    USING (unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()));
CREATE POLICY audit_log_app_insert ON humas.audit_log FOR INSERT TO humas_app
    WITH CHECK (actor_id = (SELECT humas.acting_user_id())
                AND unit_id BETWEEN (SELECT humas.acting_unit_id()) AND (SELECT humas.acting_subtree_end()));

GRANT SELECT, INSERT ON humas.audit_log TO humas_app;
GRANT USAGE ON SEQUENCE humas.audit_log_id_seq TO humas_app;
