/// Words for generated activities: what KPU offices talk about, where they meet, why an
/// activity is called off and what is left to do after it. Fictional, in Bahasa Indonesia as
/// the humas teams write their logs.
enum InteractionWords {
    /// Electoral programme topics of 2022–2027: the 2024 elections, the 2024 regional elections
    /// and the continuous work between them.
    static let topics = [
        "Pemutakhiran Data Pemilih Berkelanjutan", "Tahapan Pemilu 2024", "Tahapan Pilkada Serentak 2024",
        "Pendaftaran dan Verifikasi Partai Politik", "Pencalonan Anggota DPRD", "Rekapitulasi Hasil Penghitungan Suara",
        "Pembentukan Badan Ad Hoc", "Pendidikan Pemilih Pemula", "Pemilih Disabilitas", "Distribusi Logistik Pemilu",
        "Penataan Daerah Pemilihan", "Kampanye dan Alat Peraga", "Debat Publik Pasangan Calon", "Netralitas ASN",
        "Evaluasi Penyelenggaraan Pemilu", "Persiapan Pemilu 2029", "Keterbukaan Informasi Publik", "Aplikasi Sirekap",
        "Pengelolaan Media Sosial", "Rumah Pintar Pemilu", "Desa Peduli Pemilu", "Pemilih Perempuan dan Marginal",
    ]

    /// Hoaxes a humas team answers (none of them true).
    static let hoaxes = [
        "Surat Suara Sudah Tercoblos", "Data Pemilih Bocor", "Pemilu Ditunda", "Server KPU Diretas", "Kotak Suara Kardus Mudah Rusak",
        "Pemilih Ganda Jutaan", "Hasil Hitung Cepat Resmi KPU", "Petugas KPPS Dibayar Partai", "Formulir C1 Palsu",
    ]

    /// Where a luring activity takes place, before the town's name.
    static let places = [
        "Aula KPU", "Media Center KPU", "Ruang Rapat KPU", "Rumah Pintar Pemilu KPU", "Hotel Grand", "Gedung Serbaguna",
        "Balai Pertemuan", "Kampus Universitas",
    ]

    static let cancelReasons = [
        "Narasumber berhalangan hadir", "Bertepatan dengan agenda pimpinan", "Cuaca buruk", "Ditunda menunggu surat edaran KPU RI",
        "Anggaran belum tersedia", "Tempat kegiatan tidak tersedia",
    ]

    static let outcomes = [
        "Berita dimuat di beberapa media daring", "Disepakati jadwal rapat lanjutan", "Peserta memahami tahapan yang dibahas",
        "Masukan peserta dicatat untuk evaluasi", "Klarifikasi disebarkan melalui media sosial resmi", "Rilis dikutip media lokal",
        "Terbentuk grup koordinasi dengan media",
    ]

    static let followupActions = [
        "Kirim rilis hasil kegiatan ke media", "Unggah dokumentasi ke situs dan media sosial", "Susun notula dan kirim ke peserta",
        "Tindak lanjuti permintaan data dari wartawan", "Jadwalkan rapat lanjutan", "Laporkan hasil kegiatan ke pimpinan",
        "Perbarui daftar kontak peserta",
    ]
}
