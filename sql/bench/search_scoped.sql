-- pgbench for contact search as the service does it: humas_app, one transaction, the acting user
-- set with set_config, then humas.search_contacts (which applies the access scope).
--
--   pgbench -h ... -U humas_app -d humas -n -M extended -D uid=<user id> -f sql/bench/search_scoped.sql -c 1 -T 30 -l
--
-- Run it once per level: a kabupaten/kota user, a province user, a KPU RI user (see
-- sql/bench/README.md). Same query mix as search.sql (the RLS-off baseline).
\set g random(1, 150)
\set f random(1, 150)
\set kind random(1, 4)
BEGIN;
SELECT set_config('humas.user_id', :uid, true);
SELECT s.contact_id, s.score
FROM (SELECT CASE WHEN :kind = 2 THEN g.name
                  ELSE g.name || ' ' || left(f.name, greatest(3, length(f.name) - 2)) END AS q
      FROM bench.given_names g, bench.family_names f WHERE g.i = :g AND f.i = :f) x,
     humas.search_contacts(x.q, '{}', NULL, NULL, NULL, 50) s;
COMMIT;
