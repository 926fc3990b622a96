-- The 24 parties on the 2024 general-election ballot (18 national: 1-17 and 24; 6 Aceh-local:
-- 18-23), as national master organizations owned by KPU RI: every unit reads them, only KPU RI
-- (and the owner) writes them. Keyed by external_ref 'party-2024-<ballot number>' so re-running
-- updates in place. Source: KPU decision on the 2024 ballot (shared data parties_2024.csv).
INSERT INTO humas.organizations (unit_id, external_ref, kind, ballot_number, party_scope, name, short_name, region, tags)
SELECT u.id, v.ref, 'political_party', v.ballot, v.scope, v.name, v.short_name,
       CASE v.scope WHEN 'aceh_local' THEN 'Aceh' ELSE 'Indonesia' END,
       ARRAY['pemilu-2024', 'partai-' || replace(v.scope, '_', '-')]
FROM humas.units u,
     (VALUES
        ('party-2024-1', 1, 'national', 'Partai Kebangkitan Bangsa', 'PKB'),
        ('party-2024-2', 2, 'national', 'Partai Gerakan Indonesia Raya', 'Gerindra'),
        ('party-2024-3', 3, 'national', 'Partai Demokrasi Indonesia Perjuangan', 'PDI Perjuangan'),
        ('party-2024-4', 4, 'national', 'Partai Golongan Karya', 'Golkar'),
        ('party-2024-5', 5, 'national', 'Partai NasDem', 'NasDem'),
        ('party-2024-6', 6, 'national', 'Partai Buruh', 'Partai Buruh'),
        ('party-2024-7', 7, 'national', 'Partai Gelombang Rakyat Indonesia', 'Gelora'),
        ('party-2024-8', 8, 'national', 'Partai Keadilan Sejahtera', 'PKS'),
        ('party-2024-9', 9, 'national', 'Partai Kebangkitan Nusantara', 'PKN'),
        ('party-2024-10', 10, 'national', 'Partai Hati Nurani Rakyat', 'Hanura'),
        ('party-2024-11', 11, 'national', 'Partai Garda Republik Indonesia', 'Garuda'),
        ('party-2024-12', 12, 'national', 'Partai Amanat Nasional', 'PAN'),
        ('party-2024-13', 13, 'national', 'Partai Bulan Bintang', 'PBB'),
        ('party-2024-14', 14, 'national', 'Partai Demokrat', 'Demokrat'),
        ('party-2024-15', 15, 'national', 'Partai Solidaritas Indonesia', 'PSI'),
        ('party-2024-16', 16, 'national', 'Partai Persatuan Indonesia', 'Perindo'),
        ('party-2024-17', 17, 'national', 'Partai Persatuan Pembangunan', 'PPP'),
        ('party-2024-18', 18, 'aceh_local', 'Partai Nanggroe Aceh', 'PNA'),
        ('party-2024-19', 19, 'aceh_local', 'Partai Generasi Atjeh Beusaboh Thaat dan Taqwa', 'Gabthat'),
        ('party-2024-20', 20, 'aceh_local', 'Partai Darul Aceh', 'PDA'),
        ('party-2024-21', 21, 'aceh_local', 'Partai Aceh', 'Partai Aceh'),
        ('party-2024-22', 22, 'aceh_local', 'Partai Adil Sejahtera Aceh', 'PAS Aceh'),
        ('party-2024-23', 23, 'aceh_local', 'Partai Soliditas Independen Rakyat Aceh', 'SIRA'),
        ('party-2024-24', 24, 'national', 'Partai Ummat', 'Ummat')
     ) AS v (ref, ballot, scope, name, short_name)
WHERE u.code = 'ID'
ON CONFLICT (unit_id, external_ref) DO UPDATE SET
    kind = EXCLUDED.kind, ballot_number = EXCLUDED.ballot_number, party_scope = EXCLUDED.party_scope,
    name = EXCLUDED.name, short_name = EXCLUDED.short_name, region = EXCLUDED.region, tags = EXCLUDED.tags
WHERE (humas.organizations.kind, humas.organizations.ballot_number, humas.organizations.party_scope,
       humas.organizations.name, humas.organizations.short_name, humas.organizations.region, humas.organizations.tags)
      IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.ballot_number, EXCLUDED.party_scope,
       EXCLUDED.name, EXCLUDED.short_name, EXCLUDED.region, EXCLUDED.tags);
