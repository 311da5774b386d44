/**
 * Catatan parameter dalam Bahasa Indonesia: the note column of the
 * parameter table in Indonesian, keyed by the English note of
 * PARAMETER_SPECS (src/scenario/parameters.ts, where docs, the JSON Schema
 * and `difusi odd` read it in English). Keyed by the English text, not the
 * parameter's name, so that a note changed in English no longer matches
 * and shows in English until it is translated again
 * (tests/report/param-notes.test.ts names every note without a
 * translation). Citations (author, year, chapter) and identifiers stay as
 * written.
 */
export const PARAM_NOTES_ID: Readonly<Record<string, string>> = {
  'Sultan, Farley and Lehmann 1990 (mean innovation coefficient)': 'Sultan, Farley dan Lehmann 1990 (rata-rata koefisien inovasi)',
  'Sultan, Farley and Lehmann 1990 (mean imitation coefficient)': 'Sultan, Farley dan Lehmann 1990 (rata-rata koefisien imitasi)',
  'centralized launch channel (Rogers ch. 9-10)': 'saluran peluncuran terpusat (Rogers bab 9–10)',
  'length of the launch campaign': 'lama kampanye peluncuran',
  'mean adoption threshold': 'rata-rata ambang adopsi',
  'SD of adoption thresholds': 'simpangan baku ambang adopsi',
  'mean capacity and slack': 'rata-rata kapasitas dan sumber daya cadangan',
  'SD of capacity and slack': 'simpangan baku kapasitas dan sumber daya cadangan',
  'share of agencies with a champion': 'proporsi perangkat daerah yang memiliki penggerak (champion)',
  'Rushintadevi 2023 finds service-level double loop rare': 'Rushintadevi 2023: pembelajaran dua putaran di tingkat layanan jarang ditemukan',
  'civil-service rotation (uncalibrated default; the Bekasi scenario calibrates 0.1)': 'rotasi ASN (nilai bawaan belum dikalibrasi; dalam skenario Bekasi dikalibrasi menjadi 0,1)',
  'new champions (uncalibrated default; the Bekasi scenario calibrates 0.1)': 'penggerak (champion) baru (nilai bawaan belum dikalibrasi; dalam skenario Bekasi dikalibrasi menjadi 0,1)',
  'initial smart-city vision (uncalibrated default; the Bekasi scenario calibrates 0.8)': 'visi kota/kabupaten cerdas awal (nilai bawaan belum dikalibrasi; dalam skenario Bekasi dikalibrasi menjadi 0,8)',
  'vision level that counts as kept': 'tingkat visi yang dianggap masih terjaga',
  'Rushintadevi 2023: vision kept by Diskominfostandi': 'Rushintadevi 2023: visi dijaga oleh Diskominfostandi',
  'vision lost without a coordinator': 'visi yang hilang tanpa koordinator',
  'random leadership changes': 'pergantian kepala daerah secara acak',
  'sponsorship carried over by a new leader': 'dukungan (sponsorship) yang diteruskan oleh kepala daerah baru',
  'mechanism lit: Kumar and Best 2006 (services collapsed after officials moved; no rate given)':
    'mekanisme dari literatur: Kumar dan Best 2006 (layanan runtuh setelah pejabatnya dimutasi; tanpa angka peluang)',
  'commitment at which a leader counts as enrolled': 'komitmen yang membuat kepala daerah dihitung ikut dalam enrolmen',
  "budget-line renewal when anchored by a regulation or in the agency's own plan (uncalibrated default; the Bekasi scenario calibrates 0.99)":
    'perpanjangan mata anggaran bila memiliki payung regulasi atau masuk rencana perangkat daerah sendiri (nilai bawaan belum dikalibrasi; dalam skenario Bekasi dikalibrasi menjadi 0,99)',
  "budget-line renewal otherwise (neither anchored nor in the agency's own plan)":
    'perpanjangan mata anggaran lainnya (tanpa payung regulasi dan tidak masuk rencana perangkat daerah sendiri)',
  'a line not renewed ends the service (uncalibrated default; the Bekasi scenario calibrates 0.1)':
    'mata anggaran yang tidak diperpanjang mengakhiri layanan (nilai bawaan belum dikalibrasi; dalam skenario Bekasi dikalibrasi menjadi 0,1)',
  'city takes over an agency-owned pilot': 'pemerintah daerah mengambil alih uji coba (pilot) milik perangkat daerah',
  'city takes over a coordinator-owned pilot': 'pemerintah daerah mengambil alih uji coba (pilot) milik koordinator',
  'city takes over a vendor-owned pilot (uncalibrated default; the Bekasi scenario calibrates 0.15)':
    'pemerintah daerah mengambil alih uji coba (pilot) milik vendor (nilai bawaan belum dikalibrasi; dalam skenario Bekasi dikalibrasi menjadi 0,15)',
  'a pilot not taken over is withdrawn (uncalibrated default; the Bekasi scenario calibrates 0.9)':
    'uji coba (pilot) yang tidak diambil alih ditarik (nilai bawaan belum dikalibrasi; dalam skenario Bekasi dikalibrasi menjadi 0,9)',
  'vendor exit ends a service not owned': 'keluarnya vendor mengakhiri layanan yang bukan milik sendiri',
  'budget climate at which apbd funding is open (uncalibrated default; the Bekasi scenario calibrates 0.8)':
    'iklim anggaran yang membuka pendanaan APBD (nilai bawaan belum dikalibrasi; dalam skenario Bekasi dikalibrasi menjadi 0,8)',
  'relative advantage; sign lit (Rogers ch. 6)': 'keunggulan relatif; arah dari literatur (Rogers bab 6)',
  'compatibility; sign lit (Rogers ch. 6)': 'kesesuaian; arah dari literatur (Rogers bab 6)',
  'complexity; sign lit (Rogers ch. 6)': 'kerumitan; arah dari literatur (Rogers bab 6)',
  'trialability; sign lit (Rogers ch. 6)': 'kemudahan diuji coba; arah dari literatur (Rogers bab 6)',
  'observability; sign lit (Rogers ch. 6)': 'keteramatan; arah dari literatur (Rogers bab 6)',
  'imitation of adopting peers': 'imitasi terhadap rekan yang mengadopsi',
  'negative word of mouth; direction lit: Parthasarathy 1995': 'getok tular negatif; arah dari literatur: Parthasarathy 1995',
  'memory of disenchanted peers': 'ingatan tentang rekan yang kecewa',
  'regulation (mandate) pressure': 'tekanan regulasi (mandat)',
  'leader sponsorship pressure': 'tekanan dukungan kepala daerah',
  'capacity and slack': 'kapasitas dan sumber daya cadangan',
  'cost under budget stress': 'biaya saat anggaran tertekan',
  'SD of the decision noise': 'simpangan baku derau keputusan',
  'complex contagion: Centola and Macy 2007': 'penularan kompleks: Centola dan Macy 2007',
  'stage advance probability': 'peluang maju ke tahap berikutnya',
  'advance slow-down without a line': 'perlambatan kemajuan tanpa mata anggaran',
  'a champion speeds implementation (factor 2: docs/MODEL.md 7.4)': 'penggerak (champion) mempercepat implementasi (faktor 2: docs/MODEL.md 7.4)',
  're-invention: Rice and Rogers 1980': 'penemuan ulang (reinvensi): Rice dan Rogers 1980',
  'translation score of a stable network': 'skor translasi jaringan yang stabil',
  'months of stable translation to routinize': 'bulan translasi stabil hingga menjadi rutin',
  'weak translation': 'translasi lemah',
  'enrolment weight: owner': 'bobot enrolmen: pemilik',
  'enrolment weight: budget': 'bobot enrolmen: anggaran',
  'enrolment weight: platform': 'bobot enrolmen: platform',
  'enrolment weight: regulation': 'bobot enrolmen: regulasi',
  'enrolment weight: champion': 'bobot enrolmen: penggerak (champion)',
  'enrolment weight: leader': 'bobot enrolmen: kepala daerah',
  'enrolment weight: users': 'bobot enrolmen: pemakai',
  'Callon 1986: an enrolled actor leaves': 'Callon 1986: aktor yang sudah terlibat (enrolmen) menarik diri',
  'usage adjustment speed': 'kecepatan penyesuaian pemakaian',
  'integration benefit': 'manfaat integrasi',
  'usage attainable without a line': 'pemakaian yang dapat dicapai tanpa mata anggaran',
  'usage target': 'target pemakaian',
  'failing usage': 'pemakaian yang dianggap bermasalah',
  'single-loop effort correction': 'koreksi upaya pada pembelajaran satu putaran',
  'maximum extra effort': 'upaya tambahan maksimum',
  'effort kept each month without a line (a halving: docs/MODEL.md 7.6)': 'upaya yang tersisa setiap bulan tanpa mata anggaran (separuh: docs/MODEL.md 7.6)',
  'gap months that trigger the double loop': 'bulan kesenjangan yang memicu pembelajaran dua putaran',
  'failing share that triggers the triple loop': 'proporsi bermasalah yang memicu pembelajaran tiga putaran',
  'months above F_star': 'bulan di atas F_star',
  'city rule change probability': 'peluang perubahan aturan daerah',
  'strength of a triple-loop regulation': 'kekuatan regulasi dari pembelajaran tiga putaran',
  'base hazard, routinized': 'risiko dasar, sudah rutin',
  'base hazard, not routinized (uncalibrated default; the Bekasi scenario calibrates 0.06)': 'risiko dasar, belum rutin (nilai bawaan belum dikalibrasi; dalam skenario Bekasi dikalibrasi menjadi 0,06)',
  'hazard multiplier: regulation anchor': 'pengali risiko: payung regulasi',
  'hazard multiplier: integrated': 'pengali risiko: terintegrasi',
  'hazard multiplier: champion; championed services last (Rogers ch. 10; uncalibrated default; the Bekasi scenario calibrates 0.5)':
    'pengali risiko: penggerak (champion); layanan yang memiliki penggerak lebih bertahan (Rogers bab 10; nilai bawaan belum dikalibrasi; dalam skenario Bekasi dikalibrasi menjadi 0,5)',
  'hazard multiplier: authority adoption': 'pengali risiko: adopsi atas keputusan otoritas',
  'direction lit: Prins, Verhoef and Franses 2009': 'pengali risiko: pengadopsi akhir (mayoritas akhir dan kelompok lamban); arah dari literatur: Prins, Verhoef dan Franses 2009',
  'hazard multiplier: failing service': 'pengali risiko: layanan yang bermasalah',
  'failing months before disenchantment': 'jumlah bulan bermasalah sebelum perangkat daerah kecewa',
  'hazard multiplier: weak translation': 'pengali risiko: translasi lemah',
  'hazard multiplier: no line': 'pengali risiko: tanpa mata anggaran',
  'Perpres 82/2023 replacement wave': 'gelombang migrasi akibat Perpres 82/2023',
  'months before a discontinued instance is aware again (null = off)': 'jumlah bulan sampai perangkat daerah yang berhenti memakai suatu layanan dapat mempertimbangkannya lagi (nonaktif bila tidak diisi)',
  'peak needed to call a service sustained': 'puncak yang diperlukan agar layanan disebut bertahan',
  'share of its peak a service must keep live at the end of the run to count as sustained (this project reads sustained as at least half; no source)':
    'proporsi puncaknya yang harus tetap aktif pada akhir periode simulasi agar layanan disebut bertahan (proyek ini menafsirkan bertahan sebagai sedikitnya separuh; tanpa sumber)',
  "months a service must run before its end counts as a partial (sustainability), not a total, failure: the project's reading, as one year, of Heeks' sustainability failure that fails after a year or so (his eGov4Dev definitions page); not a number from Heeks":
    'lama (bulan) layanan harus berjalan sebelum berakhir agar dihitung gagal sebagian (gagal keberlanjutan), bukan gagal total: tafsiran proyek ini, sebagai satu tahun, atas gagal keberlanjutan menurut Heeks yang berhenti setelah sekitar setahun (halaman definisi eGov4Dev-nya); bukan angka dari Heeks',
  'share of the live instances of a sustained service that must be successes for a Heeks service success (this project reads mostly as at least half; no source)':
    'proporsi penerapan aktif dari layanan yang bertahan yang harus berhasil agar layanan itu dihitung berhasil menurut Heeks (proyek ini menafsirkan sebagian besar sebagai sedikitnya separuh; tanpa sumber)',
};
