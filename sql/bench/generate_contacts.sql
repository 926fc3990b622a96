-- Benchmark data (a TOOL, not a migration): N fictional contacts spread over all 553 units, for
-- measuring search at realistic scale (DESIGN.md: "measure at 1M rows, not 1k").
--
--   psql -h ... -U humas_owner -d humas -v n=1000000 -f sql/bench/generate_contacts.sql
--
-- Run as humas_owner after the migrations and seed. Deterministic (setseed) and idempotent
-- (rows are keyed by external_ref 'bench-<n>'; re-running adds nothing). Takes a few minutes
-- at 1M: the rows go in with a plain INSERT ... SELECT, so the statement-level search triggers
-- run once for the whole batch, as they would for a COPY import.
--
-- Shape: Indonesian given names (150) x family/second names (150), which share few tokens;
-- 5% single names, 15% three-part names; 5% of contacts owned by KPU RI, 15% by provinces,
-- 80% by kabupaten/kota; ~70% with an e-mail, ~80% with a phone; three fictional outlets per
-- unit, and ~20% of contacts (journalists) affiliated to an outlet of their own unit.
-- The name lists stay in schema `bench` for the pgbench scripts (sql/bench/search*.sql).
\set ON_ERROR_STOP 1
\if :{?n}
\else
\set n 1000000
\endif
\timing on

CREATE SCHEMA IF NOT EXISTS bench;
GRANT USAGE ON SCHEMA bench TO humas_app;
CREATE TABLE IF NOT EXISTS bench.given_names (i int PRIMARY KEY, name text NOT NULL, gender char(1) NOT NULL);
CREATE TABLE IF NOT EXISTS bench.family_names (i int PRIMARY KEY, name text NOT NULL);
GRANT SELECT ON bench.given_names, bench.family_names TO humas_app;

INSERT INTO bench.given_names (i, name, gender)
SELECT row_number() OVER (), v.name, v.gender FROM (VALUES
    ('Budi','m'), ('Agus','m'), ('Ahmad','m'), ('Andi','m'), ('Arif','m'), ('Bambang','m'), ('Dedi','m'), ('Deni','m'),
    ('Eko','m'), ('Fajar','m'), ('Hadi','m'), ('Hendra','m'), ('Heru','m'), ('Imam','m'), ('Indra','m'), ('Joko','m'),
    ('Rudi','m'), ('Rizky','m'), ('Slamet','m'), ('Sugeng','m'), ('Teguh','m'), ('Wahyu','m'), ('Yoga','m'), ('Yusuf','m'),
    ('Bayu','m'), ('Dimas','m'), ('Dodi','m'), ('Edi','m'), ('Fauzan','m'), ('Gilang','m'), ('Hari','m'), ('Irfan','m'),
    ('Iwan','m'), ('Jaka','m'), ('Lukman','m'), ('Made','m'), ('Nyoman','m'), ('Ketut','m'), ('Wayan','m'), ('Muhammad','m'),
    ('Rahmat','m'), ('Ridwan','m'), ('Sigit','m'), ('Taufik','m'), ('Umar','m'), ('Wawan','m'), ('Yanto','m'), ('Zainal','m'),
    ('Asep','m'), ('Ujang','m'), ('Dadang','m'), ('Cecep','m'), ('Ade','m'), ('Hasan','m'), ('Husein','m'), ('Ilham','m'),
    ('Reza','m'), ('Rizal','m'), ('Tono','m'), ('Heri','m'), ('Adi','m'), ('Aditya','m'), ('Anton','m'), ('Ari','m'),
    ('Aris','m'), ('Bagus','m'), ('Benny','m'), ('Yudi','m'), ('Fikri','m'), ('Galih','m'), ('Hafiz','m'), ('Ikhsan','m'),
    ('Danu','m'), ('Fadli','m'), ('Gunadi','m'), ('Irwan','m'), ('Krisna','m'), ('Lutfi','m'), ('Rendi','m'), ('Siti','f'),
    ('Sri','f'), ('Dewi','f'), ('Ani','f'), ('Ayu','f'), ('Dian','f'), ('Endang','f'), ('Fitri','f'), ('Indah','f'),
    ('Lina','f'), ('Maya','f'), ('Nur','f'), ('Putri','f'), ('Rina','f'), ('Ratna','f'), ('Wati','f'), ('Yuni','f'),
    ('Yanti','f'), ('Ika','f'), ('Intan','f'), ('Lia','f'), ('Mega','f'), ('Nia','f'), ('Novi','f'), ('Rani','f'),
    ('Ratih','f'), ('Rika','f'), ('Sinta','f'), ('Tuti','f'), ('Wulan','f'), ('Yulia','f'), ('Eka','f'), ('Anisa','f'),
    ('Citra','f'), ('Desi','f'), ('Diah','f'), ('Dina','f'), ('Evi','f'), ('Fatimah','f'), ('Hana','f'), ('Ira','f'),
    ('Kiki','f'), ('Laras','f'), ('Mira','f'), ('Nadia','f'), ('Nining','f'), ('Rahma','f'), ('Rosa','f'), ('Septi','f'),
    ('Suci','f'), ('Tika','f'), ('Umi','f'), ('Vina','f'), ('Winda','f'), ('Yeni','f'), ('Zahra','f'), ('Nurul','f'),
    ('Aisyah','f'), ('Bunga','f'), ('Cahya','f'), ('Dinda','f'), ('Elsa','f'), ('Farah','f'), ('Gita','f'), ('Hesti','f'),
    ('Ida','f'), ('Melati','f'), ('Okta','f'), ('Kirana','f'), ('Tiara','f'), ('Sekar','f')
) AS v (name, gender)
ON CONFLICT (i) DO NOTHING;

INSERT INTO bench.family_names (i, name)
SELECT row_number() OVER (), v.name FROM (VALUES
    ('Santoso'), ('Wijaya'), ('Saputra'), ('Hidayat'), ('Pratama'), ('Setiawan'), ('Kurniawan'), ('Gunawan'), ('Susanto'), ('Hartono'),
    ('Siregar'), ('Nasution'), ('Lubis'), ('Harahap'), ('Simanjuntak'), ('Sitompul'), ('Pane'), ('Tanjung'), ('Situmorang'), ('Sinaga'),
    ('Hutapea'), ('Panjaitan'), ('Manurung'), ('Sembiring'), ('Ginting'), ('Tarigan'), ('Purba'), ('Damanik'), ('Saragih'), ('Rangkuti'),
    ('Wibowo'), ('Prasetyo'), ('Nugroho'), ('Suryadi'), ('Firmansyah'), ('Hakim'), ('Rahman'), ('Syahputra'), ('Maulana'), ('Ramadhan'),
    ('Hasibuan'), ('Batubara'), ('Daulay'), ('Pohan'), ('Matondang'), ('Sihombing'), ('Pardede'), ('Silalahi'), ('Napitupulu'), ('Hutagalung'),
    ('Sutrisno'), ('Wahyudi'), ('Kusuma'), ('Permana'), ('Hermawan'), ('Sulistyo'), ('Utomo'), ('Purnomo'), ('Wibisono'), ('Handoko'),
    ('Yulianto'), ('Haryanto'), ('Budiman'), ('Mulyadi'), ('Suparman'), ('Sukmana'), ('Sumarno'), ('Rahayu'), ('Lestari'), ('Wulandari'),
    ('Rahmawati'), ('Safitri'), ('Anggraini'), ('Puspitasari'), ('Kartikasari'), ('Permatasari'), ('Handayani'), ('Wahyuni'), ('Susanti'), ('Fitriani'),
    ('Maharani'), ('Novitasari'), ('Oktaviani'), ('Pertiwi'), ('Utami'), ('Astuti'), ('Nurhayati'), ('Marpaung'), ('Tambunan'), ('Pasaribu'),
    ('Sitorus'), ('Simatupang'), ('Gultom'), ('Hutabarat'), ('Aritonang'), ('Lumbantobing'), ('Manullang'), ('Sianturi'), ('Silaban'), ('Simbolon'),
    ('Sinurat'), ('Situngkir'), ('Tobing'), ('Wenas'), ('Lumenta'), ('Mandagi'), ('Pangemanan'), ('Rumondor'), ('Sondakh'), ('Wowor'),
    ('Latuconsina'), ('Ohorella'), ('Tuasikal'), ('Rasyid'), ('Syamsuddin'), ('Hamzah'), ('Baharuddin'), ('Darmawan'), ('Effendi'), ('Fadillah'),
    ('Iskandar'), ('Jamaluddin'), ('Kadir'), ('Latif'), ('Malik'), ('Nasir'), ('Rusli'), ('Salim'), ('Yunus'), ('Zulkarnain'),
    ('Abdullah'), ('Ismail'), ('Pangaribuan'), ('Sagala'), ('Munthe'), ('Surbakti'), ('Sasmita'), ('Adiputra'), ('Kusnadi'), ('Hendrawan'),
    ('Suganda'), ('Wirawan'), ('Anwar'), ('Hasyim'), ('Mansur'), ('Sofyan'), ('Purwanto'), ('Cahyadi'), ('Saleh'), ('Nainggolan')
) AS v (name)
ON CONFLICT (i) DO NOTHING;

SELECT setseed(0.2024);

-- Three fictional outlets per unit: '<Region> Pos' (print), 'Kabar <Region>' (online),
-- 'Radio Suara <Region>' (radio).
INSERT INTO humas.organizations (unit_id, external_ref, name, kind, media_type, region, tags)
SELECT u.id, 'bench-outlet-' || k,
       CASE k WHEN 1 THEN r.bare || ' Pos' WHEN 2 THEN 'Kabar ' || r.bare ELSE 'Radio Suara ' || r.bare END,
       'media_outlet', (ARRAY['print', 'online', 'radio'])[k], u.region_name, '{bench}'
FROM humas.units u
CROSS JOIN LATERAL (SELECT regexp_replace(u.region_name, '^(Kabupaten|Kota)( Adm\.)? ', '') AS bare) r
CROSS JOIN generate_series(1, 3) AS k
ON CONFLICT (unit_id, external_ref) DO NOTHING;

INSERT INTO humas.contacts (unit_id, external_ref, full_name, honorific, category, emails, phones, tags,
                            legal_basis, opted_out_at)
SELECT CASE WHEN s.ur < 0.05 THEN 1
            WHEN s.ur < 0.20 THEN un.p[1 + floor(s.up * cardinality(un.p))::int]
            ELSE un.r[1 + floor(s.up * cardinality(un.r))::int] END,
       'bench-' || s.g,
       s.full_name,
       CASE gn.s[s.gi] WHEN 'm' THEN 'Bapak' ELSE 'Ibu' END,
       CASE WHEN s.cat < 0.35 THEN 'journalist' WHEN s.cat < 0.55 THEN 'party_official'
            WHEN s.cat < 0.75 THEN 'agency_official' WHEN s.cat < 0.80 THEN 'observer'
            WHEN s.cat < 0.85 THEN 'academic' WHEN s.cat < 0.95 THEN 'community_leader'
            WHEN s.cat < 0.98 THEN 'influencer' ELSE 'other' END,
       CASE WHEN s.e < 0.70 THEN ARRAY[replace(lower(s.full_name), ' ', '.') || s.g || '@mail.example'] ELSE '{}' END,
       CASE WHEN s.ph < 0.80 THEN ARRAY['+628' || (1100000000 + s.g)::text] ELSE '{}' END,
       CASE WHEN s.t < 0.30 THEN '{pemilu}'::text[] WHEN s.t < 0.40 THEN '{pilkada}'
            WHEN s.t < 0.45 THEN '{pemilu,vip}' ELSE '{}' END,
       'legitimate_interest',
       CASE WHEN s.t > 0.98 THEN now() END
FROM (SELECT r.*,
             CASE WHEN r.shape < 0.05 THEN gn.n[r.gi]
                  WHEN r.shape < 0.20 THEN gn.n[r.gi] || ' ' || fn.n[r.mi] || ' ' || fn.n[r.fi]
                  ELSE gn.n[r.gi] || ' ' || fn.n[r.fi] END AS full_name
      FROM (SELECT g, 1 + floor(random() * 150)::int AS gi, 1 + floor(random() * 150)::int AS fi,
                   1 + floor(random() * 150)::int AS mi, random() AS shape, random() AS ur, random() AS up,
                   random() AS cat, random() AS e, random() AS ph, random() AS t
            FROM generate_series(1, :n) AS g) r,
           (SELECT array_agg(name ORDER BY i) AS n FROM bench.given_names) gn,
           (SELECT array_agg(name ORDER BY i) AS n FROM bench.family_names) fn) s,
     (SELECT array_agg(name ORDER BY i) AS n, array_agg(gender ORDER BY i) AS s FROM bench.given_names) gn,
     (SELECT array_agg(id ORDER BY id) FILTER (WHERE level = 'province') AS p,
             array_agg(id ORDER BY id) FILTER (WHERE level IN ('regency', 'city')) AS r
      FROM humas.units) un
ON CONFLICT (unit_id, external_ref) DO NOTHING;

-- ~20% of all contacts: journalists get a current affiliation to an outlet of their own unit.
INSERT INTO humas.affiliations (contact_id, organization_id, title, beat, started_on, unit_id)
SELECT c.id, o.id,
       (ARRAY['Wartawan', 'Redaktur', 'Reporter', 'Kontributor'])[1 + (c.id % 4)::int],
       (ARRAY['politik', 'pemilu', 'hukum', 'ekonomi', 'daerah'])[1 + (c.id % 5)::int],
       date '2015-01-01' + (c.id % 3000)::int,
       c.unit_id
FROM humas.contacts c
JOIN humas.organizations o ON o.unit_id = c.unit_id AND o.external_ref = 'bench-outlet-' || (1 + c.id % 3)
WHERE c.external_ref LIKE 'bench-%' AND c.category = 'journalist' AND random() < 0.57
  AND NOT EXISTS (SELECT 1 FROM humas.affiliations a WHERE a.contact_id = c.id);

VACUUM ANALYZE humas.contacts;
VACUUM ANALYZE humas.affiliations;
VACUUM ANALYZE humas.organizations;
VACUUM ANALYZE humas.search_words;
VACUUM ANALYZE humas.search_names;
SELECT count(*) AS contacts, (SELECT count(*) FROM humas.affiliations) AS affiliations,
       (SELECT count(*) FROM humas.search_words) AS words
FROM humas.contacts;
