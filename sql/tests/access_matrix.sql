-- RLS access matrix: proves the access rule as humas_app, the way the service connects.
--
--   psql -h ... -U humas_app -d humas -v ON_ERROR_STOP=1 -f sql/tests/access_matrix.sql
--
-- Needs the migrations and seed/ (03_admin, 04_demo). Everything runs in ONE transaction that is
-- rolled back, so the database is left as it was. Fixtures made here, through RLS, by the
-- national admin: a Kabupaten Bandung (Jawa Barat: another province) editor, contact and outlet,
-- a disabled user, and one audit row per user in its own unit.
-- Prints the matrix (who sees / may update what) and PASS/FAIL per check; any FAIL makes the
-- script fail (psql exits 3 with ON_ERROR_STOP). Only rows with external_ref 'demo-%'/'test-%'
-- are looked at, so benchmark data in the same database does not disturb it.
\set ON_ERROR_STOP 1
\pset pager off
BEGIN;
\o /dev/null

CREATE TEMP TABLE checks (n serial, who text, what text, got text, expected text) ON COMMIT DROP;

-- Act as a user, by e-mail (NULL e-mail: no user at all).
CREATE FUNCTION pg_temp.act(p_email text) RETURNS bigint LANGUAGE sql AS $$
    SELECT nullif(set_config('humas.user_id', coalesce(humas.lookup_user_id(p_email)::text, ''), true), '')::bigint $$;

-- Record one check.
CREATE FUNCTION pg_temp.expect(p_who text, p_what text, p_got text, p_expected text) RETURNS void
LANGUAGE sql AS $$ INSERT INTO pg_temp.checks (who, what, got, expected) VALUES (p_who, p_what, coalesce(p_got, ''), p_expected) $$;

-- Run a statement that must be refused by RLS/privileges (SQLSTATE 42501); returns 'denied' or 'ALLOWED'.
CREATE FUNCTION pg_temp.denied(p_sql text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE p_sql;
    RETURN 'ALLOWED';
EXCEPTION WHEN insufficient_privilege THEN
    RETURN 'denied';
END $$;

------------------------------------------------------------------------------------------------
-- Fixtures, created by the national admin through RLS.
SELECT pg_temp.act('admin@kpu.go.id') IS NOT NULL AS admin_found;
INSERT INTO humas.users (email, full_name, unit_id, role)
SELECT v.email, v.name, u.id, v.role
FROM (VALUES ('editor.bandung@humas.example', 'Editor Humas Bandung', 'ID-JB-KAB-BANDUNG', 'editor'),
             ('disabled.semarang@humas.example', 'Mantan Operator Semarang', 'ID-JT-KOTA-SEMARANG', 'editor'))
     AS v (email, name, unit_code, role)
JOIN humas.units u ON u.code = v.unit_code;
INSERT INTO humas.organizations (unit_id, external_ref, name, kind, media_type)
SELECT id, 'test-org-bandung', 'Bandung Ekspres', 'media_outlet', 'online' FROM humas.units WHERE code = 'ID-JB-KAB-BANDUNG';
INSERT INTO humas.contacts (unit_id, external_ref, full_name, honorific, category, emails)
SELECT id, 'test-c-asep', 'Asep Kurniawan', 'Bapak', 'journalist', '{asep@bandungekspres.example}'
FROM humas.units WHERE code = 'ID-JB-KAB-BANDUNG';
-- The disabled user keeps its row but must see nothing.
UPDATE humas.users SET disabled_at = now() WHERE email = 'disabled.semarang@humas.example';

-- One audit row per user, in its own unit (this also proves every role may append audit).
SELECT pg_temp.act('admin@kpu.go.id');
INSERT INTO humas.audit_log (unit_id, action, entity, after) SELECT id, 'test', 'matrix', '{"by":"admin RI"}' FROM humas.units WHERE code = 'ID';
SELECT pg_temp.act('editor.jateng@humas.example');
INSERT INTO humas.audit_log (unit_id, action, entity, after) SELECT id, 'test', 'matrix', '{"by":"editor JT"}' FROM humas.units WHERE code = 'ID-JT';
SELECT pg_temp.act('editor.kota-semarang@humas.example');
INSERT INTO humas.audit_log (unit_id, action, entity, after) SELECT id, 'test', 'matrix', '{"by":"editor Semarang"}' FROM humas.units WHERE code = 'ID-JT-KOTA-SEMARANG';
SELECT pg_temp.act('viewer.kota-semarang@humas.example');
INSERT INTO humas.audit_log (unit_id, action, entity, after) SELECT id, 'test', 'matrix', '{"by":"viewer Semarang"}' FROM humas.units WHERE code = 'ID-JT-KOTA-SEMARANG';
SELECT pg_temp.act('editor.demak@humas.example');
INSERT INTO humas.audit_log (unit_id, action, entity, after) SELECT id, 'test', 'matrix', '{"by":"editor Demak"}' FROM humas.units WHERE code = 'ID-JT-KAB-DEMAK';
SELECT pg_temp.act('editor.bandung@humas.example');
INSERT INTO humas.audit_log (unit_id, action, entity, after) SELECT id, 'test', 'matrix', '{"by":"editor Bandung"}' FROM humas.units WHERE code = 'ID-JB-KAB-BANDUNG';

------------------------------------------------------------------------------------------------
-- The matrix. For each user: which demo contacts/organizations/audit rows/users it SEES, and
-- which contacts/organizations it may UPDATE (a no-op UPDATE ... RETURNING: RLS silently limits
-- it to writable rows, exactly what the service relies on for "not found").
CREATE FUNCTION pg_temp.row_for(p_who text, p_email text,
    e_contacts text, e_contacts_upd text, e_orgs text, e_orgs_upd text, e_audit text, e_users text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE got text;
BEGIN
    PERFORM pg_temp.act(p_email);
    SELECT string_agg(full_name, ', ' ORDER BY full_name) INTO got FROM humas.contacts
     WHERE external_ref LIKE 'demo-%' OR external_ref LIKE 'test-%';
    PERFORM pg_temp.expect(p_who, 'contacts: sees', got, e_contacts);
    WITH u AS (UPDATE humas.contacts SET notes = notes
               WHERE external_ref LIKE 'demo-%' OR external_ref LIKE 'test-%' RETURNING full_name)
    SELECT string_agg(full_name, ', ' ORDER BY full_name) INTO got FROM u;
    PERFORM pg_temp.expect(p_who, 'contacts: updates', got, e_contacts_upd);
    SELECT string_agg(name, ', ' ORDER BY name) INTO got FROM humas.organizations
     WHERE (external_ref LIKE 'demo-%' OR external_ref LIKE 'test-%') AND kind = 'media_outlet';
    PERFORM pg_temp.expect(p_who, 'outlets: sees', got, e_orgs);
    WITH u AS (UPDATE humas.organizations SET notes = notes
               WHERE (external_ref LIKE 'demo-%' OR external_ref LIKE 'test-%') AND kind = 'media_outlet' RETURNING name)
    SELECT string_agg(name, ', ' ORDER BY name) INTO got FROM u;
    PERFORM pg_temp.expect(p_who, 'outlets: updates', got, e_orgs_upd);
    SELECT count(*)::text INTO got FROM humas.organizations WHERE kind = 'political_party' AND parent_id IS NULL;
    PERFORM pg_temp.expect(p_who, 'national parties: sees', got, CASE WHEN p_email IS NULL OR p_email LIKE 'disabled%' THEN '0' ELSE '24' END);
    SELECT string_agg(after->>'by', ', ' ORDER BY after->>'by') INTO got FROM humas.audit_log WHERE entity = 'matrix';
    PERFORM pg_temp.expect(p_who, 'audit: sees', got, e_audit);
    SELECT string_agg(split_part(email, '@', 1), ', ' ORDER BY email) INTO got FROM humas.users;
    PERFORM pg_temp.expect(p_who, 'users: sees', got, e_users);
END $$;

SELECT pg_temp.row_for('admin RI', 'admin@kpu.go.id',
    'Agus Prasetyo, Ahmad Fauzi, Asep Kurniawan, Budi Santoso, Budiman Saputra, Dewi Kartikasari, Hendra Gunawan, Nur Hidayah, Rina Wulandari, Siti Rahmawati, Sri Lestari, Yoga Pratama',
    'Agus Prasetyo, Ahmad Fauzi, Asep Kurniawan, Budi Santoso, Budiman Saputra, Dewi Kartikasari, Hendra Gunawan, Nur Hidayah, Rina Wulandari, Siti Rahmawati, Sri Lestari, Yoga Pratama',
    'Bandung Ekspres, Demak Terkini, Harian Suara Jateng, Kantor Berita Nusa, Nusantara Televisi, Radio Gema Jawa Tengah, Radio Lumpia FM, Semarang Hari Ini, Warta Nusantara',
    'Bandung Ekspres, Demak Terkini, Harian Suara Jateng, Kantor Berita Nusa, Nusantara Televisi, Radio Gema Jawa Tengah, Radio Lumpia FM, Semarang Hari Ini, Warta Nusantara',
    'admin RI, editor Bandung, editor Demak, editor JT, editor Semarang, viewer Semarang',
    'admin, disabled.semarang, editor.bandung, editor.demak, editor.jateng, editor.kota-semarang, viewer.kota-semarang');
SELECT pg_temp.row_for('editor Jawa Tengah', 'editor.jateng@humas.example',
    'Agus Prasetyo, Ahmad Fauzi, Budi Santoso, Budiman Saputra, Dewi Kartikasari, Hendra Gunawan, Nur Hidayah, Rina Wulandari, Siti Rahmawati, Sri Lestari, Yoga Pratama',
    'Ahmad Fauzi, Budi Santoso, Budiman Saputra, Hendra Gunawan, Nur Hidayah, Siti Rahmawati, Sri Lestari, Yoga Pratama',
    'Demak Terkini, Harian Suara Jateng, Kantor Berita Nusa, Nusantara Televisi, Radio Gema Jawa Tengah, Radio Lumpia FM, Semarang Hari Ini, Warta Nusantara',
    'Demak Terkini, Harian Suara Jateng, Radio Gema Jawa Tengah, Radio Lumpia FM, Semarang Hari Ini',
    'editor Demak, editor JT, editor Semarang, viewer Semarang',
    'disabled.semarang, editor.demak, editor.jateng, editor.kota-semarang, viewer.kota-semarang');
SELECT pg_temp.row_for('editor Kota Semarang', 'editor.kota-semarang@humas.example',
    'Agus Prasetyo, Budi Santoso, Budiman Saputra, Dewi Kartikasari, Hendra Gunawan, Rina Wulandari, Siti Rahmawati, Sri Lestari, Yoga Pratama',
    'Budiman Saputra, Siti Rahmawati, Yoga Pratama',
    'Harian Suara Jateng, Kantor Berita Nusa, Nusantara Televisi, Radio Gema Jawa Tengah, Radio Lumpia FM, Semarang Hari Ini, Warta Nusantara',
    'Radio Lumpia FM, Semarang Hari Ini',
    'editor Semarang, viewer Semarang',
    'disabled.semarang, editor.kota-semarang, viewer.kota-semarang');
SELECT pg_temp.row_for('viewer Kota Semarang', 'viewer.kota-semarang@humas.example',
    'Agus Prasetyo, Budi Santoso, Budiman Saputra, Dewi Kartikasari, Hendra Gunawan, Rina Wulandari, Siti Rahmawati, Sri Lestari, Yoga Pratama',
    '',
    'Harian Suara Jateng, Kantor Berita Nusa, Nusantara Televisi, Radio Gema Jawa Tengah, Radio Lumpia FM, Semarang Hari Ini, Warta Nusantara',
    '',
    'editor Semarang, viewer Semarang',
    'disabled.semarang, editor.kota-semarang, viewer.kota-semarang');
SELECT pg_temp.row_for('editor Kab. Demak (sibling)', 'editor.demak@humas.example',
    'Agus Prasetyo, Ahmad Fauzi, Budi Santoso, Dewi Kartikasari, Hendra Gunawan, Nur Hidayah, Rina Wulandari, Sri Lestari',
    'Ahmad Fauzi, Nur Hidayah',
    'Demak Terkini, Harian Suara Jateng, Kantor Berita Nusa, Nusantara Televisi, Radio Gema Jawa Tengah, Warta Nusantara',
    'Demak Terkini',
    'editor Demak',
    'editor.demak');
SELECT pg_temp.row_for('editor Kab. Bandung (cousin)', 'editor.bandung@humas.example',
    'Agus Prasetyo, Asep Kurniawan, Dewi Kartikasari, Rina Wulandari',
    'Asep Kurniawan',
    'Bandung Ekspres, Kantor Berita Nusa, Nusantara Televisi, Warta Nusantara',
    'Bandung Ekspres',
    'editor Bandung',
    'editor.bandung');
SELECT pg_temp.row_for('disabled user', 'disabled.semarang@humas.example', '', '', '', '', '', '');
SELECT pg_temp.row_for('no user set', NULL, '', '', '', '', '', '');
SELECT set_config('humas.user_id', 'not-a-number', true);
SELECT pg_temp.expect('garbage setting', 'contacts: sees', (SELECT count(*)::text FROM humas.contacts), '0');
SELECT pg_temp.expect('garbage setting', 'units: sees', (SELECT count(*)::text FROM humas.units), '0');
SELECT pg_temp.act('editor.demak@humas.example');
SELECT pg_temp.expect('editor Kab. Demak (sibling)', 'units: sees', (SELECT count(*)::text FROM humas.units), '553');

------------------------------------------------------------------------------------------------
-- Writes that must be refused (SQLSTATE 42501).
SELECT pg_temp.act('editor.kota-semarang@humas.example');
SELECT pg_temp.expect('editor Kota Semarang', 'insert contact at sibling Demak',
    pg_temp.denied($$INSERT INTO humas.contacts (unit_id, full_name) SELECT id, 'X' FROM humas.units WHERE code = 'ID-JT-KAB-DEMAK'$$), 'denied');
SELECT pg_temp.expect('editor Kota Semarang', 'insert contact at parent Jawa Tengah',
    pg_temp.denied($$INSERT INTO humas.contacts (unit_id, full_name) SELECT id, 'X' FROM humas.units WHERE code = 'ID-JT'$$), 'denied');
SELECT pg_temp.expect('editor Kota Semarang', 'move own contact to Demak',
    pg_temp.denied($$UPDATE humas.contacts SET unit_id = (SELECT id FROM humas.units WHERE code = 'ID-JT-KAB-DEMAK') WHERE external_ref = 'demo-c-yoga'$$), 'denied');
SELECT pg_temp.expect('editor Kota Semarang', 'create a user (not admin)',
    pg_temp.denied($$INSERT INTO humas.users (email, full_name, unit_id, role) SELECT 'x@humas.example', 'X', id, 'viewer' FROM humas.units WHERE code = 'ID-JT-KOTA-SEMARANG'$$), 'denied');
SELECT pg_temp.expect('editor Kota Semarang', 'affiliate own contact to a sibling''s outlet (guessed id)',
    pg_temp.denied($$INSERT INTO humas.affiliations (contact_id, organization_id, unit_id)
                     SELECT c.id, (SELECT id FROM humas.organizations WHERE external_ref = 'demo-org-demak-terkini' LIMIT 1), c.unit_id
                     FROM humas.contacts c WHERE c.external_ref = 'demo-c-yoga'$$), 'denied');
SELECT pg_temp.expect('editor Kota Semarang', 'affiliate own contact to a national outlet',
    pg_temp.denied($$INSERT INTO humas.affiliations (contact_id, organization_id, unit_id, beat)
                     SELECT c.id, o.id, c.unit_id, 'pemilu' FROM humas.contacts c, humas.organizations o
                     WHERE c.external_ref = 'demo-c-yoga' AND o.external_ref = 'demo-org-warta-nusantara'$$), 'ALLOWED');
SELECT pg_temp.expect('editor Kota Semarang', 'audit row for parent unit',
    pg_temp.denied($$INSERT INTO humas.audit_log (unit_id, action, entity) SELECT id, 'x', 'x' FROM humas.units WHERE code = 'ID-JT'$$), 'denied');
SELECT pg_temp.expect('editor Kota Semarang', 'audit row naming another actor',
    pg_temp.denied($$INSERT INTO humas.audit_log (actor_id, unit_id, action, entity)
                     SELECT humas.lookup_user_id('viewer.kota-semarang@humas.example'), id, 'x', 'x' FROM humas.units WHERE code = 'ID-JT-KOTA-SEMARANG'$$), 'denied');
SELECT pg_temp.expect('editor Kota Semarang', 'update an audit row (append-only)',
    pg_temp.denied($$UPDATE humas.audit_log SET action = 'x'$$), 'denied');
SELECT pg_temp.expect('editor Kota Semarang', 'hard-delete a contact (soft deletes only)',
    pg_temp.denied($$DELETE FROM humas.contacts WHERE external_ref = 'demo-c-yoga'$$), 'denied');
SELECT pg_temp.expect('editor Kota Semarang', 'write units',
    pg_temp.denied($$UPDATE humas.units SET name = name$$), 'denied');
SELECT pg_temp.expect('editor Kota Semarang', 'read the search dictionary directly',
    pg_temp.denied($$SELECT count(*) FROM humas.search_words$$), 'denied');
SELECT pg_temp.act('viewer.kota-semarang@humas.example');
SELECT pg_temp.expect('viewer Kota Semarang', 'insert contact in own unit (viewer)',
    pg_temp.denied($$INSERT INTO humas.contacts (unit_id, full_name) SELECT id, 'X' FROM humas.units WHERE code = 'ID-JT-KOTA-SEMARANG'$$), 'denied');
SELECT pg_temp.act('editor.jateng@humas.example');
SELECT pg_temp.expect('editor Jawa Tengah', 'insert contact in child Kota Semarang',
    pg_temp.denied($$INSERT INTO humas.contacts (unit_id, full_name) SELECT id, 'Kontak Uji' FROM humas.units WHERE code = 'ID-JT-KOTA-SEMARANG'$$), 'ALLOWED');
WITH u AS (UPDATE humas.contacts SET deleted_at = now() WHERE external_ref = 'demo-c-nur' RETURNING 1)
SELECT pg_temp.expect('editor Jawa Tengah', 'soft-delete a Demak contact (UPDATE ... RETURNING)', (SELECT count(*)::text FROM u), '1');

------------------------------------------------------------------------------------------------
-- Search and duplicate detection apply the same rule (SECURITY DEFINER functions).
-- All matches, fetched page by page through the keyset cursor (this also exercises paging:
-- benchmark rows, when present, come in between), then narrowed to the demo/test contacts.
CREATE FUNCTION pg_temp.search_names(q text, f jsonb DEFAULT '{}') RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_score real;
    v_name text;
    v_id bigint;
    v_ids bigint[] := '{}';
    v_page int;
    r record;
BEGIN
    LOOP
        v_page := 0;
        FOR r IN SELECT * FROM humas.search_contacts(q, f, v_score, v_name, v_id, 500) LOOP
            v_ids := v_ids || r.contact_id;
            v_score := r.score;
            v_name := r.search_name;
            v_id := r.contact_id;
            v_page := v_page + 1;
        END LOOP;
        EXIT WHEN v_page < 500;
    END LOOP;
    IF cardinality(v_ids) <> (SELECT count(DISTINCT x) FROM unnest(v_ids) x) THEN
        RETURN 'DUPLICATES ACROSS PAGES';
    END IF;
    RETURN (SELECT string_agg(c.full_name, ', ' ORDER BY s.ord)
            FROM unnest(v_ids) WITH ORDINALITY AS s (id, ord)
            JOIN humas.contacts c ON c.id = s.id
            WHERE c.external_ref LIKE 'demo-%' OR c.external_ref LIKE 'test-%');
END $$;
SELECT pg_temp.act('editor.kota-semarang@humas.example');
SELECT pg_temp.expect('editor Kota Semarang', 'search "budi santos"', pg_temp.search_names('budi santos'), 'Budi Santoso');
SELECT pg_temp.expect('editor Kota Semarang', 'search "BUDI"', pg_temp.search_names('BUDI'), 'Budi Santoso, Budiman Saputra');
SELECT pg_temp.expect('editor Kota Semarang', 'search "Búdi"', pg_temp.search_names('Búdi'), 'Budi Santoso, Budiman Saputra');
SELECT pg_temp.expect('editor Kota Semarang', 'search "budi santsoo" (typo)', pg_temp.search_names('budi santsoo'), 'Budi Santoso');
SELECT pg_temp.expect('editor Kota Semarang', 'search "ahmad" (sibling''s contact)', pg_temp.search_names('ahmad'), '');
SELECT pg_temp.expect('editor Kota Semarang', 'search "asep" (cousin''s contact)', pg_temp.search_names('asep'), '');
SELECT pg_temp.expect('editor Kota Semarang', 'search by outlet name "suara jateng"', pg_temp.search_names('suara jateng'), 'Budi Santoso');
SELECT pg_temp.expect('editor Kota Semarang', 'filter media_type radio', pg_temp.search_names('', '{"media_type": "radio"}'), 'Sri Lestari, Yoga Pratama');
SELECT pg_temp.expect('editor Kota Semarang', 'filter under own unit', pg_temp.search_names('', '{"under": "ID-JT-KOTA-SEMARANG"}'), 'Budiman Saputra, Siti Rahmawati, Yoga Pratama');
SELECT pg_temp.expect('editor Kota Semarang', 'filter under sibling Demak',
    pg_temp.denied($$SELECT pg_temp.search_names('', '{"under": "ID-JT-KAB-DEMAK"}')$$), 'denied');
SELECT pg_temp.expect('editor Kota Semarang', 'duplicates of Demak''s e-mail (invisible)',
    (SELECT count(*)::text FROM humas.find_contact_duplicates('{Ahmad.Fauzi@DemakTerkini.example}', '{}')), '0');
SELECT pg_temp.expect('editor Kota Semarang', 'duplicates of Budi''s e-mail (visible, case-insensitive)',
    (SELECT string_agg(c.full_name || ':' || d.matched_on, ', ') FROM humas.find_contact_duplicates('{BUDI.SANTOSO@suarajateng.example}', '{+6281200000001}') d
       JOIN humas.contacts c ON c.id = d.contact_id), 'Budi Santoso:email,phone');
SELECT pg_temp.act('editor.jateng@humas.example');
SELECT pg_temp.expect('editor Jawa Tengah', 'search "ahmad" (child Demak)', pg_temp.search_names('ahmad'), 'Ahmad Fauzi');
SELECT pg_temp.expect('editor Jawa Tengah', 'search "nur hidayah" (soft-deleted)', pg_temp.search_names('nur hidayah'), '');
SELECT pg_temp.expect('editor Jawa Tengah', 'filter party 1 (PKB, incl. branch)', pg_temp.search_names('', '{"party": 1}'), 'Hendra Gunawan');
SELECT pg_temp.act('admin@kpu.go.id');
SELECT pg_temp.expect('admin RI', 'search "asep"', pg_temp.search_names('asep'), 'Asep Kurniawan');
SELECT pg_temp.act(NULL);
SELECT pg_temp.expect('no user set', 'search "budi"', (SELECT count(*)::text FROM humas.search_contacts('budi')), '0');

------------------------------------------------------------------------------------------------
-- Tokens: authenticate before any user is set; revoked tokens and disabled users fail.
SELECT pg_temp.act('editor.demak@humas.example');
INSERT INTO humas.api_tokens (user_id, token_hash, label)
VALUES (humas.acting_user_id(), sha256('demak-secret'), 'test'), (humas.acting_user_id(), sha256('demak-revoked'), 'test-revoked');
UPDATE humas.api_tokens SET revoked_at = now() WHERE token_hash = sha256('demak-revoked');
SELECT pg_temp.act(NULL);
SELECT pg_temp.expect('no user set', 'authenticate valid token',
    (SELECT (humas.authenticate_token(sha256('demak-secret')) = humas.lookup_user_id('editor.demak@humas.example'))::text), 'true');
SELECT pg_temp.expect('no user set', 'authenticate revoked token', coalesce(humas.authenticate_token(sha256('demak-revoked'))::text, 'null'), 'null');
SELECT pg_temp.expect('no user set', 'authenticate unknown token', coalesce(humas.authenticate_token(sha256('nope'))::text, 'null'), 'null');
SELECT pg_temp.act('editor.kota-semarang@humas.example');
SELECT pg_temp.expect('editor Kota Semarang', 'sees tokens of Demak', (SELECT count(*)::text FROM humas.api_tokens), '0');
SELECT pg_temp.act('admin@kpu.go.id');
UPDATE humas.users SET disabled_at = now() WHERE email = 'editor.demak@humas.example';
SELECT pg_temp.act(NULL);
SELECT pg_temp.expect('no user set', 'authenticate token of a disabled user', coalesce(humas.authenticate_token(sha256('demak-secret'))::text, 'null'), 'null');

------------------------------------------------------------------------------------------------
\o
\echo 'Access matrix (one row per check):'
SELECT n, CASE WHEN got = expected THEN 'PASS' ELSE 'FAIL' END AS result, who, what,
       CASE WHEN got = expected THEN got ELSE 'got [' || got || '] expected [' || expected || ']' END AS detail
FROM checks ORDER BY n;
SELECT count(*) FILTER (WHERE got = expected) AS passed, count(*) FILTER (WHERE got <> expected) AS failed FROM checks;
-- Fail the script on any FAIL.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_temp.checks WHERE got <> expected) THEN
        RAISE EXCEPTION 'access matrix: % check(s) FAILED',
            (SELECT count(*) FROM pg_temp.checks WHERE got <> expected);
    END IF;
END $$;
ROLLBACK;
