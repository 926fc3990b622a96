-- A website is a link people click: only http and https (a `javascript:` value would run in the
-- reader's browser). The service normalizes and names the field; this keeps any other writer to
-- the same rule. NOT VALID: rows stored before the rule are left for their owners to correct.
ALTER TABLE humas.organizations ADD CONSTRAINT organizations_website_check
    CHECK (website IS NULL OR website ~* '^https?://[^/?#[:space:]]+') NOT VALID;
