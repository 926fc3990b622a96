-- Users belong to one unit with one role; API tokens are stored as sha256 hashes only.
-- Policies for humas_app come in 0004_access_scope.sql, once the helpers that derive the acting
-- user's scope from this table exist.
-- Shared BEFORE UPDATE trigger: updated_at always reflects the last write, whoever made it.
CREATE FUNCTION humas.touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE TABLE humas.users (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL CONSTRAINT users_email_key UNIQUE,
    full_name   text NOT NULL,
    unit_id     int  NOT NULL REFERENCES humas.units (id),
    role        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz,
    CONSTRAINT users_email_lowercase_check CHECK (email = lower(email)),
    CONSTRAINT users_email_format_check CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    CONSTRAINT users_full_name_check CHECK (btrim(full_name) <> ''),
    CONSTRAINT users_role_check CHECK (role IN ('admin', 'editor', 'viewer'))
);
CREATE INDEX users_unit_id_idx ON humas.users (unit_id);
CREATE TRIGGER users_touch_updated_at BEFORE UPDATE ON humas.users
    FOR EACH ROW EXECUTE FUNCTION humas.touch_updated_at();

CREATE TABLE humas.api_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES humas.users (id),
    -- sha256 of the secret, computed by the service; the secret itself is never stored.
    token_hash   bytea  NOT NULL CONSTRAINT api_tokens_token_hash_key UNIQUE,
    label        text   NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT api_tokens_token_hash_check CHECK (octet_length(token_hash) = 32)
);
CREATE INDEX api_tokens_user_id_idx ON humas.api_tokens (user_id);

ALTER TABLE humas.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.users FORCE ROW LEVEL SECURITY;
ALTER TABLE humas.api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.api_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY users_owner_all ON humas.users TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY api_tokens_owner_all ON humas.api_tokens TO humas_owner USING (true) WITH CHECK (true);

-- No DELETE: users are disabled (disabled_at), tokens revoked (revoked_at).
GRANT SELECT, INSERT, UPDATE ON humas.users, humas.api_tokens TO humas_app;
GRANT USAGE ON SEQUENCE humas.users_id_seq, humas.api_tokens_id_seq TO humas_app;
