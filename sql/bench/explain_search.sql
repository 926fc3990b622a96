-- EXPLAIN (ANALYZE, BUFFERS) of contact search at each level, against the owner baseline, on a
-- database filled by generate_contacts.sql. Run as a SUPERUSER on a scratch cluster: it LOADs
-- auto_explain so the plans of the statements INSIDE humas.search_contacts are shown (a plain
-- EXPLAIN only shows "Function Scan"), then SET ROLE humas_app / humas_owner for each run.
--
--   psql -h ... -U postgres -d humas -v q='budi santo' -f sql/bench/explain_search.sql
--
-- Users: Kota Semarang editor (kabupaten/kota), Jawa Tengah editor (province), the KPU RI
-- admin (national), all from seed/04_demo.sql and seed/03_admin.sql. Each search runs twice;
-- read the second (warm) one.
\set ON_ERROR_STOP 1
\if :{?q}
\else
\set q 'budi santo'
\endif
\pset pager off
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 1;   -- ms: only the statements that matter
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_analyze = on;
SET auto_explain.log_buffers = on;
SET auto_explain.log_timing = off;
SET auto_explain.log_level = notice;

\echo '=== kabupaten/kota: editor Kota Semarang (humas_app) ==='
SET ROLE humas_app;
BEGIN;
SELECT set_config('humas.user_id', humas.lookup_user_id('editor.kota-semarang@humas.example')::text, true) AS acting_user;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM humas.search_contacts(:'q');
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM humas.search_contacts(:'q');
COMMIT;

\echo '=== province: editor Jawa Tengah (humas_app) ==='
BEGIN;
SELECT set_config('humas.user_id', humas.lookup_user_id('editor.jateng@humas.example')::text, true) AS acting_user;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM humas.search_contacts(:'q');
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM humas.search_contacts(:'q');
COMMIT;

\echo '=== national: admin KPU RI (humas_app) ==='
BEGIN;
SELECT set_config('humas.user_id', humas.lookup_user_id('admin@kpu.go.id')::text, true) AS acting_user;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM humas.search_contacts(:'q');
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM humas.search_contacts(:'q');
COMMIT;
RESET ROLE;

\echo '=== baseline: the same search as humas_owner (no humas_app policy at work; national scope filters nothing) ==='
SET ROLE humas_owner;
BEGIN;
SELECT set_config('humas.user_id', humas.lookup_user_id('admin@kpu.go.id')::text, true) AS acting_user;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM humas.search_contacts(:'q');
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM humas.search_contacts(:'q');
COMMIT;
RESET ROLE;

\echo '=== for contrast, the trap: a plain full-text SELECT under RLS as humas_app, national user   ==='
\echo '=== (the policy runs first and @@ is not LEAKPROOF, so the GIN index cannot be used), then   ==='
\echo '=== the same SELECT as humas_owner, which can use it                                        ==='
SET auto_explain.log_min_duration = -1;
SELECT humas.contact_search_query(:'q')::text AS tsq \gset
SET ROLE humas_app;
BEGIN;
SELECT set_config('humas.user_id', humas.lookup_user_id('admin@kpu.go.id')::text, true) AS acting_user;
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id FROM humas.contacts c
WHERE c.org_names <> '' AND c.search_tsv @@ :'tsq'::tsquery AND c.deleted_at IS NULL
ORDER BY c.search_name, c.id LIMIT 50;
COMMIT;
SET ROLE humas_owner;
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id FROM humas.contacts c
WHERE c.org_names <> '' AND c.search_tsv @@ :'tsq'::tsquery AND c.deleted_at IS NULL
ORDER BY c.search_name, c.id LIMIT 50;
RESET ROLE;
