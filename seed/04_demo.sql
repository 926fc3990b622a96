-- Demo data set: FICTIONAL outlets, people, addresses and numbers (no real journalists), for
-- KPU RI, KPU Provinsi Jawa Tengah, KPU Kota Semarang and KPU Kabupaten Demak, plus demo users.
-- E-mail domains use the reserved .example TLD. Idempotent: organizations and contacts are keyed
-- by (unit, external_ref 'demo-...'), users by e-mail, affiliations by (contact, organization).

-- Users: an editor and a viewer at Kota Semarang, an editor at Jawa Tengah, an editor at Demak.
INSERT INTO humas.users (email, full_name, unit_id, role)
SELECT v.email, v.full_name, u.id, v.role
FROM (VALUES
    ('editor.kota-semarang@humas.example', 'Editor Humas Kota Semarang', 'ID-JT-KOTA-SEMARANG', 'editor'),
    ('viewer.kota-semarang@humas.example', 'Viewer Humas Kota Semarang', 'ID-JT-KOTA-SEMARANG', 'viewer'),
    ('editor.jateng@humas.example',        'Editor Humas Jawa Tengah',   'ID-JT',               'editor'),
    ('editor.demak@humas.example',         'Editor Humas Demak',         'ID-JT-KAB-DEMAK',     'editor')
) AS v (email, full_name, unit_code, role)
JOIN humas.units u ON u.code = v.unit_code
ON CONFLICT (email) DO NOTHING;

-- Organizations (fictional outlets, a party branch, an observer group).
INSERT INTO humas.organizations (unit_id, external_ref, name, short_name, kind, media_type, region,
                                 parent_id, emails, phones, website, tags)
SELECT u.id, v.ref, v.name, v.short_name, v.kind, v.media_type, v.region,
       (SELECT p.id FROM humas.organizations p
         WHERE p.kind = 'political_party' AND p.parent_id IS NULL AND p.ballot_number = v.parent_ballot),
       v.emails, v.phones, v.website, v.tags
FROM (VALUES
    ('ID', 'demo-org-warta-nusantara', 'Warta Nusantara', NULL, 'media_outlet', 'online', 'Indonesia', NULL::int,
        '{redaksi@wartanusantara.example}'::text[], '{+622150000001}'::text[], 'https://wartanusantara.example', '{media-nasional}'::text[]),
    ('ID', 'demo-org-nusantara-tv', 'Nusantara Televisi', 'NTV', 'media_outlet', 'tv', 'Indonesia', NULL,
        '{newsroom@nusantaratv.example}', '{+622150000002}', 'https://nusantaratv.example', '{media-nasional}'),
    ('ID', 'demo-org-kantor-berita-nusa', 'Kantor Berita Nusa', 'KBN', 'media_outlet', 'news_agency', 'Indonesia', NULL,
        '{desk@kbnusa.example}', '{}', 'https://kbnusa.example', '{media-nasional}'),
    ('ID', 'demo-org-jppb', 'Jaringan Pemantau Pemilu Bersih', 'JPPB', 'election_observer', NULL, 'Indonesia', NULL,
        '{sekretariat@jppb.example}', '{}', NULL, '{pemantau}'),
    ('ID-JT', 'demo-org-suara-jateng', 'Harian Suara Jateng', NULL, 'media_outlet', 'print', 'Jawa Tengah', NULL,
        '{redaksi@suarajateng.example}', '{+622480000001}', 'https://suarajateng.example', '{media-jateng}'),
    ('ID-JT', 'demo-org-radio-gema', 'Radio Gema Jawa Tengah', NULL, 'media_outlet', 'radio', 'Jawa Tengah', NULL,
        '{studio@gemajateng.example}', '{}', NULL, '{media-jateng}'),
    ('ID-JT', 'demo-org-dpw-pkb-jateng', 'DPW Partai Kebangkitan Bangsa Jawa Tengah', 'DPW PKB Jateng', 'political_party', NULL, 'Jawa Tengah', 1,
        '{}', '{+622480000002}', NULL, '{partai}'),
    ('ID-JT-KOTA-SEMARANG', 'demo-org-semarang-hari-ini', 'Semarang Hari Ini', NULL, 'media_outlet', 'online', 'Kota Semarang', NULL,
        '{redaksi@semaranghariini.example}', '{}', 'https://semaranghariini.example', '{media-lokal}'),
    ('ID-JT-KOTA-SEMARANG', 'demo-org-radio-lumpia', 'Radio Lumpia FM', NULL, 'media_outlet', 'radio', 'Kota Semarang', NULL,
        '{}', '{+622470000001}', NULL, '{media-lokal}'),
    ('ID-JT-KAB-DEMAK', 'demo-org-demak-terkini', 'Demak Terkini', NULL, 'media_outlet', 'online', 'Kabupaten Demak', NULL,
        '{redaksi@demakterkini.example}', '{}', 'https://demakterkini.example', '{media-lokal}')
) AS v (unit_code, ref, name, short_name, kind, media_type, region, parent_ballot, emails, phones, website, tags)
JOIN humas.units u ON u.code = v.unit_code
ON CONFLICT (unit_id, external_ref) DO UPDATE SET
    name = EXCLUDED.name, short_name = EXCLUDED.short_name, kind = EXCLUDED.kind, media_type = EXCLUDED.media_type,
    region = EXCLUDED.region, parent_id = EXCLUDED.parent_id, emails = EXCLUDED.emails, phones = EXCLUDED.phones,
    website = EXCLUDED.website, tags = EXCLUDED.tags
WHERE (humas.organizations.name, humas.organizations.short_name, humas.organizations.kind,
       humas.organizations.media_type, humas.organizations.region, humas.organizations.parent_id,
       humas.organizations.emails, humas.organizations.phones, humas.organizations.website, humas.organizations.tags)
      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.short_name, EXCLUDED.kind, EXCLUDED.media_type, EXCLUDED.region,
       EXCLUDED.parent_id, EXCLUDED.emails, EXCLUDED.phones, EXCLUDED.website, EXCLUDED.tags);

-- Contacts (fictional people).
INSERT INTO humas.contacts (unit_id, external_ref, full_name, honorific, category, emails, phones, social, tags,
                            legal_basis, notes)
SELECT u.id, v.ref, v.full_name, v.honorific, v.category, v.emails, v.phones, v.social::jsonb, v.tags,
       'legitimate_interest', 'Data demo (fiktif).'
FROM (VALUES
    ('ID', 'demo-c-rina', 'Rina Wulandari', 'Ibu', 'journalist',
        '{rina.wulandari@wartanusantara.example}'::text[], '{+6281100000001}'::text[], '{"x": "@rinawulan_demo"}', '{pemilu}'::text[]),
    ('ID', 'demo-c-agus', 'Agus Prasetyo', 'Bapak', 'journalist',
        '{agus.prasetyo@nusantaratv.example}', '{+6281100000002}', '{}', '{pemilu,tv}'),
    ('ID', 'demo-c-dewi', 'Dewi Kartikasari', 'Ibu', 'observer',
        '{dewi@jppb.example}', '{}', '{}', '{pemantau}'),
    ('ID-JT', 'demo-c-budi', 'Budi Santoso', 'Bapak', 'journalist',
        '{budi.santoso@suarajateng.example}', '{+6281200000001}', '{"instagram": "budisantoso.demo"}', '{pemilu,jateng}'),
    ('ID-JT', 'demo-c-sri', 'Sri Lestari', 'Ibu', 'journalist',
        '{sri.lestari@gemajateng.example}', '{+6281200000002}', '{}', '{radio}'),
    ('ID-JT', 'demo-c-hendra', 'Hendra Gunawan', 'Bapak', 'party_official',
        '{}', '{+6281200000003}', '{}', '{partai}'),
    ('ID-JT-KOTA-SEMARANG', 'demo-c-budiman', 'Budiman Saputra', 'Bapak', 'journalist',
        '{budiman@semaranghariini.example}', '{+6281300000001}', '{}', '{pemilu}'),
    ('ID-JT-KOTA-SEMARANG', 'demo-c-yoga', 'Yoga Pratama', 'Bapak', 'journalist',
        '{}', '{+6281300000002}', '{}', '{radio}'),
    ('ID-JT-KOTA-SEMARANG', 'demo-c-siti', 'Siti Rahmawati', 'Ibu', 'community_leader',
        '{siti.rahmawati@warga.example}', '{}', '{}', '{tokoh-masyarakat}'),
    ('ID-JT-KAB-DEMAK', 'demo-c-ahmad', 'Ahmad Fauzi', 'Bapak', 'journalist',
        '{ahmad.fauzi@demakterkini.example}', '{+6281400000001}', '{}', '{pemilu}'),
    ('ID-JT-KAB-DEMAK', 'demo-c-nur', 'Nur Hidayah', 'Ibu', 'academic',
        '{nur.hidayah@kampus.example}', '{}', '{}', '{akademisi}')
) AS v (unit_code, ref, full_name, honorific, category, emails, phones, social, tags)
JOIN humas.units u ON u.code = v.unit_code
ON CONFLICT (unit_id, external_ref) DO UPDATE SET
    full_name = EXCLUDED.full_name, honorific = EXCLUDED.honorific, category = EXCLUDED.category,
    emails = EXCLUDED.emails, phones = EXCLUDED.phones, social = EXCLUDED.social, tags = EXCLUDED.tags
WHERE (humas.contacts.full_name, humas.contacts.honorific, humas.contacts.category, humas.contacts.emails,
       humas.contacts.phones, humas.contacts.social, humas.contacts.tags)
      IS DISTINCT FROM (EXCLUDED.full_name, EXCLUDED.honorific, EXCLUDED.category, EXCLUDED.emails,
       EXCLUDED.phones, EXCLUDED.social, EXCLUDED.tags);

-- Affiliations (current unless ended_on); one ended one to show history.
INSERT INTO humas.affiliations (contact_id, organization_id, title, beat, started_on, ended_on, unit_id)
SELECT c.id, o.id, v.title, v.beat, v.started_on::date, v.ended_on::date, c.unit_id
FROM (VALUES
    ('demo-c-rina',    'demo-org-warta-nusantara',   'Wartawan',          'pemilu', '2019-03-01', NULL),
    ('demo-c-agus',    'demo-org-nusantara-tv',      'Produser',          'politik', '2020-01-15', NULL),
    ('demo-c-dewi',    'demo-org-jppb',              'Koordinator',       NULL,     '2018-06-01', NULL),
    ('demo-c-budi',    'demo-org-suara-jateng',      'Redaktur',          'politik', '2021-02-01', NULL),
    ('demo-c-budi',    'demo-org-radio-gema',        'Reporter',          'politik', '2015-01-01', '2021-01-31'),
    ('demo-c-sri',     'demo-org-radio-gema',        'Penyiar',           'pemilu', '2022-05-01', NULL),
    ('demo-c-hendra',  'demo-org-dpw-pkb-jateng',    'Sekretaris',        NULL,     '2020-09-01', NULL),
    ('demo-c-budiman', 'demo-org-semarang-hari-ini', 'Wartawan',          'pemilu', '2023-01-01', NULL),
    ('demo-c-yoga',    'demo-org-radio-lumpia',      'Reporter',          'hukum',  '2022-08-01', NULL),
    ('demo-c-ahmad',   'demo-org-demak-terkini',     'Pemimpin Redaksi',  'politik', '2019-11-01', NULL)
) AS v (contact_ref, org_ref, title, beat, started_on, ended_on)
JOIN humas.contacts c ON c.external_ref = v.contact_ref
JOIN humas.organizations o ON o.external_ref = v.org_ref
WHERE NOT EXISTS (SELECT 1 FROM humas.affiliations a
                  WHERE a.contact_id = c.id AND a.organization_id = o.id);

-- A static list and a segment.
INSERT INTO humas.lists (name, description, unit_id)
SELECT 'Media Pemilu Jawa Tengah', 'Wartawan peliput pemilu di Jawa Tengah (demo).', u.id
FROM humas.units u WHERE u.code = 'ID-JT'
ON CONFLICT (unit_id, lower(name)) WHERE deleted_at IS NULL DO NOTHING;

INSERT INTO humas.list_members (list_id, contact_id)
SELECT l.id, c.id
FROM humas.lists l
JOIN humas.units u ON u.id = l.unit_id AND u.code = 'ID-JT'
JOIN humas.contacts c ON c.external_ref IN ('demo-c-budi', 'demo-c-sri', 'demo-c-budiman', 'demo-c-ahmad')
WHERE l.name = 'Media Pemilu Jawa Tengah' AND l.deleted_at IS NULL
ON CONFLICT (list_id, contact_id) DO NOTHING;

INSERT INTO humas.segments (name, description, filter, unit_id)
SELECT 'Jurnalis desk politik', 'Wartawan dengan desk politik (demo).',
       '{"category": "journalist", "beat": "politik"}', u.id
FROM humas.units u WHERE u.code = 'ID'
ON CONFLICT (unit_id, lower(name)) WHERE deleted_at IS NULL DO NOTHING;
