-- Idempotency-Key for the HTTP API's POST requests: the first response to (user, key) is kept,
-- so a client that retries after a lost answer gets that same answer instead of a second write.
--
-- A request first claims its key (a row without a response), runs, then stores its response in
-- the row. A concurrent retry with the same key finds the claim and is told to wait; a claim
-- whose request died is taken over after a minute (the service decides, see IdempotencyKeys).
--
-- Keys are kept at least 24 hours; the service deletes the acting user's older keys whenever it
-- claims a new one (no background job needed). A row belongs to one user and only that user
-- sees it: the policy compares with the acting user, so another user's identical key is a
-- different row.
CREATE TABLE humas.idempotency_keys (
    user_id         bigint NOT NULL REFERENCES humas.users (id),
    key             text   NOT NULL,
    -- sha256 of the method, path and body: the same key with another request is refused.
    request_hash    bytea  NOT NULL,
    -- NULL while the first request is still running.
    response_status int,
    response_type   text,
    response_body   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key),
    CONSTRAINT idempotency_keys_key_check CHECK (octet_length(key) BETWEEN 1 AND 255),
    CONSTRAINT idempotency_keys_request_hash_check CHECK (octet_length(request_hash) = 32),
    CONSTRAINT idempotency_keys_response_check CHECK (
        (response_status IS NULL AND response_type IS NULL AND response_body IS NULL)
        OR (response_status BETWEEN 100 AND 599 AND response_type IS NOT NULL AND response_body IS NOT NULL))
);
CREATE INDEX idempotency_keys_created_at_idx ON humas.idempotency_keys (user_id, created_at);

ALTER TABLE humas.idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_owner_all ON humas.idempotency_keys TO humas_owner USING (true) WITH CHECK (true);
CREATE POLICY idempotency_keys_app_own ON humas.idempotency_keys TO humas_app
    USING (user_id = (SELECT humas.acting_user_id()))
    WITH CHECK (user_id = (SELECT humas.acting_user_id()));

GRANT SELECT, INSERT, UPDATE, DELETE ON humas.idempotency_keys TO humas_app;
