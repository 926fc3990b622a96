-- Extensions the directory needs: fuzzy, accent-blind name search (pg_trgm, unaccent) and
-- unit paths (ltree). All three are trusted extensions, so the database owner may create them
-- without superuser rights (managed PostgreSQL included).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS ltree WITH SCHEMA public;

-- Every Humas object lives in its own schema, owned by humas_owner. The application role
-- (humas_app) may use it but owns nothing in it, so row-level security binds it.
CREATE SCHEMA IF NOT EXISTS humas;
GRANT USAGE ON SCHEMA humas TO humas_app;
