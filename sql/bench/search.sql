-- pgbench BASELINE for contact search: the same search SQL as the service runs
-- (humas.search_contacts, 0010), but as humas_owner - no RLS policy of humas_app at work - and
-- acting as the national admin, whose scope (units 1..553) filters nothing. Compare with
-- search_scoped.sql (humas_app, a scoped user per level). Target: scoped p95 <= 25 ms at 1M
-- contacts and <= 1.5x this baseline.
--
--   pgbench -h ... -U humas_owner -d humas -n -M extended -f sql/bench/search.sql -c 1 -T 30 -l
--
-- Needs sql/bench/generate_contacts.sql (the bench.* name lists). Query mix: 3 in 4 are a random
-- given name plus the first letters of a random family name, as a user types them
-- ('budi santo'); 1 in 4 a given name alone ('wahyu' -> Wahyu, Wahyudi, Wahyuni, ...: the
-- broadest common case).
\set g random(1, 150)
\set f random(1, 150)
\set kind random(1, 4)
BEGIN;
SELECT set_config('humas.user_id', humas.lookup_user_id('admin@kpu.go.id')::text, true);
SELECT s.contact_id, s.score
FROM (SELECT CASE WHEN :kind = 2 THEN g.name
                  ELSE g.name || ' ' || left(f.name, greatest(3, length(f.name) - 2)) END AS q
      FROM bench.given_names g, bench.family_names f WHERE g.i = :g AND f.i = :f) x,
     humas.search_contacts(x.q, '{}', NULL, NULL, NULL, 50) s;
COMMIT;
