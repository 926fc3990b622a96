-- Demo activity: a few months of FICTIONAL humas work (August 2025 to January 2026, and some
-- planned for December 2026 to February 2027) of the demo units of 04_demo.sql, with their demo
-- contacts as participants. Times are the units' wall clock (all four are WIB, +07).
-- Idempotent: activities are keyed by (unit, external_ref 'demo-act-...'); participants by
-- (activity, contact), co-organizers by (activity, unit), follow-ups by (activity, action).

INSERT INTO humas.interactions (unit_id, external_ref, kind, mode, strategy, status, starts_at, ends_at, title,
                                place, meeting_url, outcome, cancel_reason, audience_count, created_by)
SELECT u.id, v.ref, v.kind, v.mode, v.strategy, v.status, v.starts_at::timestamptz, v.ends_at::timestamptz, v.title,
       v.place, v.meeting_url, v.outcome, v.cancel_reason, v.audience,
       (SELECT w.id FROM humas.users w WHERE w.email = v.author)
FROM (VALUES
    -- KPU RI (entered by the national administrator)
    ('ID', 'demo-act-ri-01', 'press_conference', 'hybrid', 'informasi', 'done', '2025-08-12 10:00+07', '2025-08-12 12:00+07',
        'Konferensi Pers Evaluasi Pilkada Serentak 2024', 'Media Center KPU RI, Jakarta', 'https://meet.kpu.example/ri-evaluasi-pilkada',
        'Berita dimuat di media nasional', NULL, 0, 'admin@kpu.go.id'),
    ('ID', 'demo-act-ri-02', 'press_release', 'daring', 'informasi', 'done', '2025-09-03 14:00+07', '2025-09-03 15:00+07',
        'Siaran Pers: Pemutakhiran Data Pemilih Berkelanjutan Semester II 2025', NULL, NULL,
        'Rilis dikutip kantor berita', NULL, 0, 'admin@kpu.go.id'),
    ('ID', 'demo-act-ri-03', 'focus_group', 'luring', 'evaluasi', 'done', '2025-10-21 09:00+07', '2025-10-21 13:00+07',
        'Diskusi Kelompok Terpumpun Evaluasi Kehumasan Pemilu 2024', 'Ruang Rapat KPU RI, Jakarta', NULL,
        'Masukan pemantau dicatat untuk rencana kehumasan', NULL, 0, 'admin@kpu.go.id'),
    ('ID', 'demo-act-ri-04', 'hoax_clarification', 'daring', 'citra', 'done', '2025-11-18 15:00+07', '2025-11-18 16:00+07',
        'Klarifikasi Hoaks: Data Pemilih Bocor', NULL, NULL,
        'Klarifikasi disebarkan melalui media sosial resmi', NULL, 0, 'admin@kpu.go.id'),
    ('ID', 'demo-act-ri-05', 'talkshow', 'hybrid', 'partisipasi', 'done', '2026-01-20 10:00+07', '2026-01-20 11:30+07',
        'Talkshow: Menuju Pemilu 2029', 'Studio Nusantara Televisi, Jakarta', 'https://meet.kpu.example/ri-talkshow-2029',
        NULL, NULL, 12000, 'admin@kpu.go.id'),
    ('ID', 'demo-act-ri-06', 'coordination_meeting', 'daring', 'pertemuan', 'planned', '2027-01-12 09:00+07', '2027-01-12 12:00+07',
        'Rapat Koordinasi Nasional Kehumasan 2027', NULL, 'https://meet.kpu.example/ri-rakornas-humas-2027',
        NULL, NULL, 0, 'admin@kpu.go.id'),
    -- KPU Provinsi Jawa Tengah
    ('ID-JT', 'demo-act-jt-01', 'coordination_meeting', 'luring', 'pertemuan', 'done', '2025-08-19 09:00+07', '2025-08-19 12:00+07',
        'Rapat Koordinasi Kehumasan KPU se-Jawa Tengah', 'Aula KPU Provinsi Jawa Tengah, Semarang', NULL,
        'Disepakati kalender rilis bersama', NULL, 0, 'editor.jateng@humas.example'),
    ('ID-JT', 'demo-act-jt-02', 'media_gathering', 'luring', 'jejaring', 'done', '2025-09-10 10:00+07', '2025-09-10 13:00+07',
        'Media Gathering KPU Provinsi Jawa Tengah', 'Hotel Grand Candi, Semarang', NULL,
        'Terbentuk grup koordinasi dengan media', NULL, 0, 'editor.jateng@humas.example'),
    ('ID-JT', 'demo-act-jt-03', 'socialization', 'luring', 'partisipasi', 'done', '2025-10-07 08:30+07', '2025-10-07 11:30+07',
        'Sosialisasi Pendidikan Pemilih Pemula di SMA Negeri 3 Semarang', 'SMA Negeri 3 Semarang', NULL,
        NULL, NULL, 250, 'editor.jateng@humas.example'),
    ('ID-JT', 'demo-act-jt-04', 'interview', 'daring', 'informasi', 'done', '2025-10-28 13:00+07', '2025-10-28 14:00+07',
        'Wawancara Radio Gema: Pemutakhiran Data Pemilih', NULL, 'https://meet.kpu.example/jt-radio-gema',
        NULL, NULL, 0, 'editor.jateng@humas.example'),
    ('ID-JT', 'demo-act-jt-05', 'audience', 'luring', 'jejaring', 'done', '2025-11-12 10:00+07', '2025-11-12 11:30+07',
        'Audiensi DPW PKB Jawa Tengah', 'Ruang Rapat KPU Provinsi Jawa Tengah', NULL,
        NULL, NULL, 0, 'editor.jateng@humas.example'),
    ('ID-JT', 'demo-act-jt-06', 'press_release', 'daring', 'informasi', 'done', '2025-12-16 15:00+07', '2025-12-16 16:00+07',
        'Siaran Pers: Rekapitulasi Pemutakhiran Data Pemilih Triwulan IV 2025', NULL, NULL,
        'Rilis dimuat di media lokal', NULL, 0, 'editor.jateng@humas.example'),
    ('ID-JT', 'demo-act-jt-07', 'visit', 'luring', 'jejaring', 'cancelled', '2026-01-14 10:00+07', '2026-01-14 12:00+07',
        'Kunjungan ke Redaksi Harian Suara Jateng', 'Kantor Redaksi Harian Suara Jateng, Semarang', NULL,
        NULL, 'Pimpinan redaksi berhalangan; dijadwalkan ulang', 0, 'editor.jateng@humas.example'),
    ('ID-JT', 'demo-act-jt-08', 'focus_group', 'hybrid', 'evaluasi', 'planned', '2027-01-26 09:00+07', '2027-01-26 13:00+07',
        'Diskusi Kelompok Terpumpun Rencana Kehumasan 2027', 'Aula KPU Provinsi Jawa Tengah, Semarang',
        'https://meet.kpu.example/jt-fgd-2027', NULL, NULL, 0, 'editor.jateng@humas.example'),
    -- KPU Kota Semarang
    ('ID-JT-KOTA-SEMARANG', 'demo-act-smg-01', 'press_release', 'daring', 'informasi', 'done', '2025-08-05 14:00+07', '2025-08-05 15:00+07',
        'Siaran Pers: Jadwal Pencocokan dan Penelitian Data Pemilih Kota Semarang', NULL, NULL,
        'Rilis dimuat di dua media daring', NULL, 0, 'editor.kota-semarang@humas.example'),
    ('ID-JT-KOTA-SEMARANG', 'demo-act-smg-02', 'socialization', 'luring', 'partisipasi', 'done', '2025-08-23 09:00+07', '2025-08-23 12:00+07',
        'Sosialisasi Pemilih Disabilitas di Kota Semarang', 'Balai Kelurahan Tembalang', NULL,
        NULL, NULL, 120, 'editor.kota-semarang@humas.example'),
    ('ID-JT-KOTA-SEMARANG', 'demo-act-smg-03', 'coordination_meeting', 'hybrid', 'pertemuan', 'done', '2025-09-17 09:00+07', '2025-09-17 11:00+07',
        'Rapat Koordinasi Pemutakhiran Data Pemilih bersama KPU Provinsi Jawa Tengah', 'Ruang Rapat KPU Kota Semarang',
        'https://meet.kpu.example/smg-rakor-data-pemilih', 'Disepakati jadwal rapat lanjutan', NULL, 0, 'editor.kota-semarang@humas.example'),
    ('ID-JT-KOTA-SEMARANG', 'demo-act-smg-04', 'interview', 'luring', 'informasi', 'done', '2025-10-02 10:00+07', '2025-10-02 11:00+07',
        'Wawancara Semarang Hari Ini: Data Pemilih Berkelanjutan', 'Kantor KPU Kota Semarang', NULL,
        NULL, NULL, 0, 'editor.kota-semarang@humas.example'),
    ('ID-JT-KOTA-SEMARANG', 'demo-act-smg-05', 'talkshow', 'luring', 'informasi', 'done', '2025-10-14 09:00+07', '2025-10-14 10:30+07',
        'Talkshow Radio Lumpia FM: Ayo Cek Data Pemilihmu', 'Studio Radio Lumpia FM, Semarang', NULL,
        NULL, NULL, 3500, 'editor.kota-semarang@humas.example'),
    ('ID-JT-KOTA-SEMARANG', 'demo-act-smg-06', 'hoax_clarification', 'daring', 'citra', 'done', '2025-11-05 13:00+07', '2025-11-05 14:00+07',
        'Klarifikasi Hoaks: Pemilih Ganda di Kota Semarang', NULL, NULL,
        'Klarifikasi dimuat media lokal', NULL, 0, 'editor.kota-semarang@humas.example'),
    ('ID-JT-KOTA-SEMARANG', 'demo-act-smg-07', 'media_gathering', 'luring', 'jejaring', 'done', '2025-12-03 10:00+07', '2025-12-03 13:00+07',
        'Media Gathering Akhir Tahun KPU Kota Semarang', 'Rumah Pintar Pemilu KPU Kota Semarang', NULL,
        NULL, NULL, 0, 'editor.kota-semarang@humas.example'),
    ('ID-JT-KOTA-SEMARANG', 'demo-act-smg-08', 'call', 'daring', 'jejaring', 'done', '2026-01-08 10:00+07', '2026-01-08 11:00+07',
        'Telepon Konfirmasi Undangan Rapat Koordinasi Media', NULL, NULL,
        NULL, NULL, 0, 'editor.kota-semarang@humas.example'),
    ('ID-JT-KOTA-SEMARANG', 'demo-act-smg-09', 'socialization', 'luring', 'partisipasi', 'cancelled', '2026-01-22 09:00+07', '2026-01-22 12:00+07',
        'Sosialisasi Pemilih Pemula di Kampus', 'Kampus Universitas Diponegoro, Semarang', NULL,
        NULL, 'Kampus libur semester; dijadwalkan ulang', 0, 'editor.kota-semarang@humas.example'),
    ('ID-JT-KOTA-SEMARANG', 'demo-act-smg-10', 'press_conference', 'luring', 'informasi', 'planned', '2026-12-15 10:00+07', '2026-12-15 11:30+07',
        'Konferensi Pers Capaian Kehumasan 2026', 'Media Center KPU Kota Semarang', NULL,
        NULL, NULL, 0, 'editor.kota-semarang@humas.example'),
    ('ID-JT-KOTA-SEMARANG', 'demo-act-smg-11', 'socialization', 'luring', 'partisipasi', 'planned', '2027-02-09 09:00+07', '2027-02-09 12:00+07',
        'Sosialisasi Pemilih Pemula di Kampus (jadwal ulang)', 'Kampus Universitas Diponegoro, Semarang', NULL,
        NULL, NULL, 0, 'editor.kota-semarang@humas.example'),
    -- KPU Kabupaten Demak
    ('ID-JT-KAB-DEMAK', 'demo-act-dmk-01', 'press_release', 'daring', 'informasi', 'done', '2025-08-14 13:00+07', '2025-08-14 14:00+07',
        'Siaran Pers: Rekrutmen Relawan Demokrasi Kabupaten Demak', NULL, NULL,
        'Rilis dimuat Demak Terkini', NULL, 0, 'editor.demak@humas.example'),
    ('ID-JT-KAB-DEMAK', 'demo-act-dmk-02', 'socialization', 'luring', 'partisipasi', 'done', '2025-09-06 08:00+07', '2025-09-06 11:00+07',
        'Sosialisasi Desa Peduli Pemilu di Kabupaten Demak', 'Balai Desa Karangrejo, Demak', NULL,
        NULL, NULL, 300, 'editor.demak@humas.example'),
    ('ID-JT-KAB-DEMAK', 'demo-act-dmk-03', 'focus_group', 'luring', 'evaluasi', 'done', '2025-10-16 09:00+07', '2025-10-16 12:00+07',
        'Diskusi Kelompok Terpumpun Partisipasi Pemilih Demak', 'Aula KPU Kabupaten Demak', NULL,
        'Rekomendasi disusun untuk KPU Provinsi', NULL, 0, 'editor.demak@humas.example'),
    ('ID-JT-KAB-DEMAK', 'demo-act-dmk-04', 'interview', 'daring', 'informasi', 'done', '2025-11-20 10:00+07', '2025-11-20 11:00+07',
        'Wawancara Demak Terkini: Data Pemilih Pemula', NULL, 'https://meet.kpu.example/dmk-wawancara',
        NULL, NULL, 0, 'editor.demak@humas.example'),
    ('ID-JT-KAB-DEMAK', 'demo-act-dmk-05', 'coordination_meeting', 'luring', 'pertemuan', 'done', '2025-12-09 09:00+07', '2025-12-09 11:00+07',
        'Rapat Koordinasi dengan Pemerintah Kabupaten Demak', 'Pendopo Kabupaten Demak', NULL,
        'Disepakati dukungan fasilitas sosialisasi', NULL, 0, 'editor.demak@humas.example'),
    ('ID-JT-KAB-DEMAK', 'demo-act-dmk-06', 'visit', 'luring', 'jejaring', 'done', '2026-01-27 10:00+07', '2026-01-27 12:00+07',
        'Kunjungan Redaksi Demak Terkini', 'Kantor Redaksi Demak Terkini', NULL,
        NULL, NULL, 0, 'editor.demak@humas.example'),
    ('ID-JT-KAB-DEMAK', 'demo-act-dmk-07', 'socialization', 'hybrid', 'partisipasi', 'planned', '2027-01-19 09:00+07', '2027-01-19 12:00+07',
        'Sosialisasi Pendidikan Pemilih di Pondok Pesantren', 'Pondok Pesantren Darul Ulum, Demak',
        'https://meet.kpu.example/dmk-sosialisasi-pesantren', NULL, NULL, 0, 'editor.demak@humas.example')
) AS v (unit_code, ref, kind, mode, strategy, status, starts_at, ends_at, title, place, meeting_url, outcome, cancel_reason,
        audience, author)
JOIN humas.units u ON u.code = v.unit_code
ON CONFLICT (unit_id, external_ref) DO NOTHING;

-- Co-organizers: Jawa Tengah's coordination meeting with Kota Semarang and Demak, and Kota
-- Semarang's with its province (common_unit_id is set by the table's trigger).
INSERT INTO humas.interaction_coorganizers (interaction_id, unit_id, owner_unit_id)
SELECT i.id, u.id, i.unit_id
FROM (VALUES
    ('demo-act-jt-01', 'ID-JT-KOTA-SEMARANG'),
    ('demo-act-jt-01', 'ID-JT-KAB-DEMAK'),
    ('demo-act-smg-03', 'ID-JT')
) AS v (activity_ref, unit_code)
JOIN humas.interactions i ON i.external_ref = v.activity_ref
JOIN humas.units u ON u.code = v.unit_code
ON CONFLICT (interaction_id, unit_id) DO NOTHING;

-- Participants: invited, and for done activities whether they came. Each comes for their
-- current organization, if any. Only contacts the owning unit can read take part: its own or
-- an ancestor's (a contact's unit whose subtree holds the activity's unit).
INSERT INTO humas.interaction_participants (interaction_id, unit_id, starts_at, contact_id, via_organization_id, role,
                                            invited, attended)
SELECT i.id, i.unit_id, i.starts_at, c.id,
       (SELECT min(a.organization_id) FROM humas.affiliations a WHERE a.contact_id = c.id AND a.ended_on IS NULL),
       v.role, true, v.attended
FROM (VALUES
    ('demo-act-ri-01', 'demo-c-rina', 'attendee', true), ('demo-act-ri-01', 'demo-c-agus', 'attendee', true),
    ('demo-act-ri-01', 'demo-c-dewi', 'observer', true),
    ('demo-act-ri-02', 'demo-c-rina', 'attendee', true), ('demo-act-ri-02', 'demo-c-agus', 'attendee', true),
    ('demo-act-ri-03', 'demo-c-dewi', 'speaker', true), ('demo-act-ri-03', 'demo-c-rina', 'attendee', false),
    ('demo-act-ri-04', 'demo-c-agus', 'attendee', true),
    ('demo-act-ri-05', 'demo-c-agus', 'host', true), ('demo-act-ri-05', 'demo-c-dewi', 'guest', true),
    ('demo-act-ri-06', 'demo-c-rina', 'attendee', NULL), ('demo-act-ri-06', 'demo-c-dewi', 'observer', NULL),
    ('demo-act-jt-01', 'demo-c-budi', 'attendee', true), ('demo-act-jt-01', 'demo-c-sri', 'attendee', true),
    ('demo-act-jt-01', 'demo-c-hendra', 'attendee', false),
    ('demo-act-jt-02', 'demo-c-budi', 'attendee', true), ('demo-act-jt-02', 'demo-c-sri', 'attendee', true),
    ('demo-act-jt-02', 'demo-c-rina', 'guest', true),
    ('demo-act-jt-03', 'demo-c-sri', 'speaker', true),
    ('demo-act-jt-04', 'demo-c-sri', 'interviewer', true),
    ('demo-act-jt-05', 'demo-c-hendra', 'guest', true),
    ('demo-act-jt-06', 'demo-c-budi', 'attendee', true),
    ('demo-act-jt-07', 'demo-c-budi', 'host', NULL),
    ('demo-act-jt-08', 'demo-c-budi', 'attendee', NULL), ('demo-act-jt-08', 'demo-c-sri', 'attendee', NULL),
    ('demo-act-jt-08', 'demo-c-dewi', 'speaker', NULL),
    ('demo-act-smg-01', 'demo-c-budiman', 'attendee', true), ('demo-act-smg-01', 'demo-c-yoga', 'attendee', true),
    ('demo-act-smg-02', 'demo-c-siti', 'speaker', true), ('demo-act-smg-02', 'demo-c-budiman', 'attendee', true),
    ('demo-act-smg-03', 'demo-c-budi', 'attendee', true), ('demo-act-smg-03', 'demo-c-budiman', 'attendee', true),
    ('demo-act-smg-04', 'demo-c-budiman', 'interviewer', true),
    ('demo-act-smg-05', 'demo-c-yoga', 'host', true),
    ('demo-act-smg-06', 'demo-c-budiman', 'attendee', true), ('demo-act-smg-06', 'demo-c-yoga', 'attendee', false),
    ('demo-act-smg-07', 'demo-c-budiman', 'attendee', true), ('demo-act-smg-07', 'demo-c-yoga', 'attendee', true),
    ('demo-act-smg-07', 'demo-c-budi', 'guest', true), ('demo-act-smg-07', 'demo-c-siti', 'guest', false),
    ('demo-act-smg-08', 'demo-c-yoga', 'attendee', true),
    ('demo-act-smg-09', 'demo-c-siti', 'speaker', NULL),
    ('demo-act-smg-10', 'demo-c-budiman', 'attendee', NULL), ('demo-act-smg-10', 'demo-c-yoga', 'attendee', NULL),
    ('demo-act-smg-11', 'demo-c-siti', 'speaker', NULL),
    ('demo-act-dmk-01', 'demo-c-ahmad', 'attendee', true),
    ('demo-act-dmk-02', 'demo-c-nur', 'speaker', true), ('demo-act-dmk-02', 'demo-c-ahmad', 'attendee', true),
    ('demo-act-dmk-03', 'demo-c-nur', 'moderator', true), ('demo-act-dmk-03', 'demo-c-ahmad', 'attendee', true),
    ('demo-act-dmk-03', 'demo-c-hendra', 'attendee', false),
    ('demo-act-dmk-04', 'demo-c-ahmad', 'interviewer', true),
    ('demo-act-dmk-05', 'demo-c-ahmad', 'attendee', false), ('demo-act-dmk-05', 'demo-c-nur', 'attendee', true),
    ('demo-act-dmk-06', 'demo-c-ahmad', 'host', true),
    ('demo-act-dmk-07', 'demo-c-nur', 'speaker', NULL)
) AS v (activity_ref, contact_ref, role, attended)
JOIN humas.interactions i ON i.external_ref = v.activity_ref
JOIN humas.contacts c ON c.external_ref = v.contact_ref
JOIN humas.units cu ON cu.id = c.unit_id
WHERE i.unit_id BETWEEN cu.id AND cu.subtree_end
ON CONFLICT (interaction_id, contact_id) WHERE contact_id IS NOT NULL DO NOTHING;

-- Follow-ups (tindak lanjut), assigned to the unit's demo editor (KPU RI's: its administrator).
INSERT INTO humas.followups (interaction_id, unit_id, action, assignee_id, due_on, done_on, created_by)
SELECT i.id, i.unit_id, v.action, w.id, v.due_on::date, v.done_on::date, w.id
FROM (VALUES
    ('demo-act-ri-03', 'Laporkan hasil FGD evaluasi kehumasan ke pimpinan', 'admin@kpu.go.id', '2025-10-31', NULL),
    ('demo-act-jt-01', 'Kirim notula rapat koordinasi ke KPU kabupaten/kota', 'editor.jateng@humas.example', '2025-08-26', '2025-08-25'),
    ('demo-act-smg-06', 'Pantau penyebaran hoaks di media sosial selama sepekan', 'editor.kota-semarang@humas.example', '2025-11-12', NULL),
    ('demo-act-smg-07', 'Kirim rilis dan dokumentasi media gathering ke media', 'editor.kota-semarang@humas.example', '2025-12-10', '2025-12-09'),
    ('demo-act-smg-10', 'Siapkan bahan paparan konferensi pers', 'editor.kota-semarang@humas.example', '2026-12-11', NULL),
    ('demo-act-dmk-03', 'Susun rekomendasi hasil FGD untuk KPU Provinsi', 'editor.demak@humas.example', '2025-10-30', '2025-10-29')
) AS v (activity_ref, action, assignee, due_on, done_on)
JOIN humas.interactions i ON i.external_ref = v.activity_ref
JOIN humas.users w ON w.email = v.assignee
WHERE NOT EXISTS (SELECT 1 FROM humas.followups f WHERE f.interaction_id = i.id AND f.action = v.action);
