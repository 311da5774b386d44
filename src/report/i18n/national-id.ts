/**
 * Teks laporan nasional dalam Bahasa Indonesia: the national report's
 * Indonesian catalog, of the type `NationalCatalog` (national-en.ts), so
 * every key of the English one must be here with the same arguments.
 * Terms follow Indonesian public-administration usage: pemerintah daerah
 * for a local government, perangkat daerah for an agency (OPD), provinsi,
 * kabupaten and kota for the government types, layanan for a service,
 * replikasi for a replication. Numbers arrive already written with a
 * decimal comma.
 */
import type { NationalCatalog } from './national-en.js';

export const nationalId: NationalCatalog = {
  // Closed up, as PUEBI, BPS and government documents write it (95%).
  percentSign: '%',
  title: (name) => `Laporan nasional difusi: ${name}`,
  kind: 'simulasi nasional',
  facts: { governments: 'pemerintah daerah', agencies: 'perangkat daerah', services: 'layanan nasional', description: 'deskripsi' },
  typeOne: { province: 'provinsi', regency: 'kabupaten', city: 'kota' },
  typeMany: { province: 'provinsi', regency: 'kabupaten', city: 'kota' },
  allGovernments: 'semua pemerintah daerah',
  and: 'dan',

  headline: 'Ringkasan utama',
  // The caller writes % after the upper end.
  interval: (low, high) => `interval 95%: ${low}% hingga ${high}`,
  tableInterval: (low, high) => `[${low}%; ${high}%]`,
  noInterval: 'satu replikasi: tanpa interval',
  noIntervalOld: 'tanpa interval: folder ini ditulis sebelum interval dicatat',
  typeAdministrative: (type, count) => `termasuk ${count} ${type === 'regency' ? 'kabupaten' : 'kota'} administrasi`,
  sumRun: (governments, byType, agencies, replications) =>
    `Simulasi ini mencakup ${governments} pemerintah daerah (${byType}) dengan total ${agencies} perangkat daerah, dalam ${replications} replikasi.`,
  sumWhatIf: (changes) => `Simulasi pengandaian: ${nationalId.whatIfChanges(changes)}. Semua angka di bawah adalah hasil skenario dengan perubahan itu, bukan hasil berkas sebagaimana tertulis.`,
  sumWarnings: (count, mandates, mandatesPartly, programmes, programmesPartly) => {
    const clauses = [
      mandates.count > 0 ? `${mandates.names} adalah mandat dalam skenario tetapi tidak berdampak apa pun dalam simulasi ini` : '',
      mandatesPartly.count > 0 ? `${mandatesPartly.names} tidak berdampak bagi sebagian layanan yang dipayunginya` : '',
      programmes.count > 0 ? `strength regulasi ${programmes.names} tidak berdampak apa pun (bergabung tetap meluncurkan layanannya)` : '',
      programmesPartly.count > 0 ? `strength regulasi ${programmesPartly.names} tidak berdampak bagi sebagian layanan yang dipayunginya` : '',
    ].filter((x) => x !== '');
    return (
      `Sebelum simulasi, difusi national memberi ${count} peringatan tentang skenario ini (tabel "Peringatan skenario" di bawah)` +
      (clauses.length > 0
        ? `: ${clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join('; ')}; dan ${clauses.at(-1)!}`}, karena tanpa dana (money: false) dan layanan yang dipayunginya tidak memiliki dana nasional di pemerintah daerah yang dijangkaunya. Angka-angka laporan ini tidak memuat pengaruhnya.`
        : '.')
    );
  },
  warningsTable: 'Peringatan skenario',
  warningsNote:
    'Yang disampaikan difusi national tentang skenario sebelum simulasi (baris ⚠ di terminal, dicatat dalam manifest.json): berkasnya sah, tetapi mungkin tidak bekerja seperti yang dimaksud penyusunnya. Semua angka dalam laporan ini adalah hasil skenario sebagaimana dijalankan, termasuk hal-hal ini; mandat atau program yang tidak berdampak tetap tercantum dalam daftar nama di bawah.',
  namesInert: (kind, partly) =>
    kind === 'programme'
      ? `(strength regulasinya tidak berdampak${partly ? ' bagi sebagian layanannya' : ' apa pun'} dalam simulasi ini, bergabung tetap meluncurkan layanannya: lihat peringatan skenario)`
      : `(tidak berdampak${partly ? ' bagi sebagian layanannya' : ' apa pun'} dalam simulasi ini: lihat peringatan skenario)`,
  cohortName: (programme, from) => `${programme}, kohort yang bergabung ${from}`,
  whatIfChanges: (changes) => `skenario dijalankan dengan perubahan berikut (berkas aslinya tidak diubah): ${changes}`,
  // "dan 0,0 (0,0% di setiap replikasi) tidak mempertahankan satu pun" read as a figure with no subject: none, in words.
  sumSpread: (governments, most, mostShare, none, noneShare, noneAtAll) =>
    `Pada akhir periode simulasi, rata-rata ${most} dari ${governments} pemerintah daerah (${mostShare}) mempertahankan sedikitnya separuh layanan yang diluncurkannya, ` +
    (noneAtAll ? `dan tidak ada pemerintah daerah (${noneShare}) yang tidak mempertahankan satu pun layanannya.` : `dan ${none} (${noneShare}) tidak mempertahankan satu pun.`),
  sumMean: (share) => `Rata-rata, setiap pemerintah daerah mempertahankan ${share} layanan yang diluncurkannya.`,
  sumTypes: (list) => `Menurut jenis pemerintah daerah: ${list}.`,
  sumProvinces: (count, low, high, medianWidth, span, replications, minReplications, few) =>
    `Di antara ${count} provinsi, rata-rata proporsi layanan yang bertahan berada antara ${low} dan ${high}, tetapi tidak ada provinsi yang menonjol: ` +
    (few
      ? `dengan ${replications} replikasi urutan provinsi belum stabil (simulasi lain dapat menempatkan provinsi lain di ujung atas atau bawah), sehingga laporan ini tidak menyebut provinsi tertinggi atau terendah; laporan ini baru menyebutnya mulai ${minReplications} replikasi, dan hanya bila intervalnya terpisah dari interval setiap provinsi lain.`
      : `interval tidak satu provinsi pun terpisah dari interval setiap provinsi lain (lebar interval pada mediannya ${medianWidth} poin persentase, sedangkan selisih rata-ratanya paling besar ${span} poin), sehingga laporan ini tidak menyebut provinsi tertinggi atau terendah.`),
  sumGovernmentsUnranked: (all, replications, medianWidth, atEachEnd, minReplications) =>
    `Laporan ini tidak mendaftar ${atEachEnd} pemerintah daerah dengan rata-rata proporsi bertahan tertinggi dan ${atEachEnd} yang terendah: ` +
    (replications === 1 ? 'dengan satu replikasi rata-rata suatu pemerintah daerah hanya satu hasil undian, tanpa interval, ' : `dengan ${replications} replikasi rata-rata suatu pemerintah daerah hanya bertumpu pada ${replications} hasil undian (lebar interval 95%-nya ${medianWidth ?? '–'} poin persentase pada mediannya), `) +
    `sehingga urutan ${all} pemerintah daerah belum stabil, dan yang berada di kedua ujungnya sebagian besar hanyalah hasil undian yang paling beruntung dan paling tidak beruntung (simulasi lain menempatkan pemerintah daerah lain di sana). ` +
    `Laporan ini baru mendaftarnya mulai ${minReplications} replikasi, sama seperti menyebut provinsi (jalankan lagi dengan -r ${minReplications} atau lebih); government_summary.csv memuat rata-rata dan interval setiap pemerintah daerah.`,
  sumProvinceEnd: (end, name, share) =>
    `${name} mempunyai rata-rata proporsi bertahan ${end === 'high' ? 'tertinggi' : 'terendah'} di antara provinsi (${share}): intervalnya berada ${end === 'high' ? 'di atas' : 'di bawah'} interval setiap provinsi lain.`,
  spreadControl:
    'Simulasi ini tidak menunjukkan asal sebaran antarpemerintah daerah: kontrol sebaran proyek ini (docs/NATIONAL.md, "The spread control"; dijalankan dengan npm run patterns pada skenario Indonesia bawaan, bukan pada folder ini) mendapati bahwa sebaran itu bukan bukti bahwa ia berasal dari perbedaan antarpemerintah daerah: ketika setiap pemerintah daerah diberi program, siklus pilkada dan mandat pemerintah daerah yang lazim, sebarannya tidak menyempit. Jadi perbedaan antarprovinsi, bahkan yang ditunjukkan oleh intervalnya, belum tentu berasal dari hal yang membedakan provinsi-provinsi itu dalam skenario.',
  laterProvinces: (names, count, year, parents) =>
    `${names} dibentuk pada ${year}, tetapi skenario menerapkan peta saat ini sejak bulan pertamanya: ${count > 1 ? 'provinsi-provinsi itu' : 'provinsi itu'} disimulasikan sebagai pemerintah daerah sejak awal, ` +
    `dan kabupaten/kota di dalamnya, yang sampai saat itu termasuk ${parents}, dihitung di bawahnya. ` +
    `Sebelum ${year}, baris ${count > 1 ? 'provinsi-provinsi itu' : 'provinsi itu'} serta baris ${parents} menggambarkan batas wilayah yang belum ada pada waktu itu.`,
  sumSustainedVsSuccess: (peakShare, successShare) =>
    `"Bertahan" pada ringkasan ini dan "berhasil" pada P14 menjawab pertanyaan yang berbeda. Suatu layanan bertahan bila pada akhir periode simulasi masih aktif di sedikitnya proporsi sustain_fraction = ${peakShare} dari jumlah perangkat daerah yang dicapainya pada puncaknya; layanan itu berhasil bila bertahan dan, selain itu, sedikitnya proporsi heeks_success_share = ${successShare} dari penerapannya yang aktif sudah rutin dan digunakan sesuai target. Perubahan yang membuat layanan yang sudah bertahan menjadi rutin menggerakkan proporsi keberhasilannya jauh lebih banyak daripada proporsi bertahannya. Bacalah proporsi bertahan untuk menjawab apakah layanan bertahan lama, dan proporsi keberhasilan untuk menjawab apakah layanan menjadi rutin.`,
  everyReplication: 'di setiap replikasi',
  everyReplicationCell: 'sama di setiap replikasi',
  terminalP14Reading: (totals, spread) =>
    'P14 membandingkan proporsi ini dengan Heeks (2003: sekitar 15% proyek e-government berhasil, 50% gagal sebagian, 35% gagal total; pita acuan memberi kelonggaran untuk perbedaannya) ' +
    'dan menuntut sebaran yang lebar antarpemerintah daerah (sebagian mempertahankan sebagian besar layanannya, banyak yang tidak mempertahankan satu pun). ' +
    'Pita acuan menjadi syarat bagi total nasional saja; baris setiap layanan menunjukkan perbandingannya dengan pita itu hanya sebagai keterangan. ' +
    (totals && spread
      ? 'Simulasi ini mereproduksinya; angka nasional tetap simulasi pengandaian di bawah asumsi model, bukan proyeksi.'
      : `Simulasi ini tidak mereproduksinya (${[totals ? '' : 'total keberhasilan dan kegagalan menurut Heeks di luar pita acuan', spread ? '' : 'sebaran antarpemerintah daerah tidak cukup lebar'].filter((x) => x !== '').join(', dan ')}): bacalah angka nasional sebagai simulasi pengandaian yang bersifat penjajakan, bukan proyeksi (docs/NATIONAL.md, P14).`),
  sumValidity: (totals, spread) =>
    'Angka-angka ini adalah hasil model simulasi, bukan ramalan dan bukan hasil pengukuran atas pemerintah daerah: riwayat simulasi di bawah asumsi skenario dan nilai parameter yang dikalibrasi (tercantum dalam tabel parameter di bawah, dalam docs/NATIONAL.md, dan dalam docs/ODD.md, bagian 12), yang intervalnya hanya mencerminkan keragaman acak antarreplikasi; angka nasional ini hendaknya dibaca sebagai simulasi pengandaian, bukan proyeksi.' +
    (totals === null || spread === null
      ? ''
      : totals && spread
        ? ' Dalam simulasi ini model mereproduksi P14 (total Heeks dan sebaran yang lebar antarpemerintah daerah), tetapi hal itu tidak menjadikan angka-angkanya proyeksi.'
        : ` Selain itu, dalam simulasi ini model tidak mereproduksi P14 (${[totals ? '' : 'total keberhasilan dan kegagalan menurut Heeks', spread ? '' : 'sebaran antarpemerintah daerah'].filter((x) => x !== '').join(' maupun ')}; lihat tabel P14).`),
  sumP14: (line) => `Kesimpulan P14 (tanpa layanan yang diganti, yang dihitung dalam tabel kelas Heeks di bawah): ${line}`,
  // One sentence with one colon: the shares first, each with its band, then the verdict.
  sumP14Totals: (outcomes, replications, success, partial, total, replaced, within) =>
    `Kesimpulan P14: dari ${outcomes} pasangan pemerintah daerah–layanan dalam ${replications} replikasi (tanpa ${replaced} yang diganti, yang dihitung dalam tabel kelas Heeks di bawah), ` +
    `${success} berhasil (pita acuan Heeks 10% hingga 25%), ${partial} gagal sebagian (35% hingga 65%) dan ${total} gagal total (20% hingga 50%); hasil ini berada ${within ? 'di dalam' : 'DI LUAR'} pita acuan.`,

  col: {
    group: 'kelompok',
    governments: 'pemerintah daerah',
    meanSustained: 'rata-rata proporsi bertahan',
    sustainMost: 'mempertahankan ≥ separuh',
    sustainNone: 'tidak mempertahankan satu pun',
    ci: 'interval 95%',
    government: 'pemerintah daerah',
    province: 'provinsi',
    type: 'jenis',
    success: 'berhasil',
    partial: 'gagal sebagian',
    totalFailure: 'gagal total',
    replaced: 'diganti',
    parameter: 'parameter',
    value: 'nilai',
    default: 'bawaan',
    line: 'pengukuran P14 (baris-baris p14.txt)',
    agencies: 'perangkat daerah',
    election: 'siklus pilkada',
    cohorts: 'kohort program',
    kind: 'jenis',
    name: 'nama dalam skenario',
    id: 'id dalam CSV',
    warning: 'peringatan (sebagaimana disampaikan difusi national, setelah nama berkas)',
  },
  namesTable: 'Nama dan id',
  namesNote:
    'Nama yang diberikan skenario kepada layanan nasional, program, mandat dan siklus pilkada yang disebut dalam laporan ini, di samping id yang tercatat dalam CSV: id layanan nasional ada di kolom innovation pada government_outcomes.csv dan national_series.csv, id program pada kelompok programme:<id>:members dan programme:<id>:others di national_series.csv, id kohort di kolom cohorts pada government_summary.csv (kohort disebut dengan nama programnya), id siklus pilkada di kolom election_cycle-nya (dan di tabel pemerintah daerah di atas). Regulasi nasional dan vendor tidak memiliki baris sendiri dalam CSV. – : skenario tidak memberinya nama.',
  kinds: { service: 'layanan nasional', programme: 'program', cohort: 'kohort program', regulation: 'regulasi nasional (mandat)', vendor: 'vendor (penyedia)', election: 'siklus pilkada' },
  p14NamesNote: 'Setiap layanan ditampilkan dengan namanya dalam skenario, diikuti id-nya dalam p14.txt di dalam kurung siku.',
  typeTable: 'Hasil menurut jenis pemerintah daerah',
  typeNote:
    'Rata-rata proporsi bertahan: dari layanan yang diluncurkan suatu pemerintah daerah, proporsi yang masih bertahan pada akhir periode simulasi, dirata-ratakan dari seluruh pemerintah daerah dalam kelompok dan dari seluruh replikasi. Mempertahankan ≥ separuh / tidak satu pun: proporsi pemerintah daerah dalam kelompok. Interval: interval kepercayaan 95% dari seluruh replikasi (group_summary.csv).',
  provinceTable: 'Hasil menurut provinsi',
  provinceNote: (minReplications) =>
    `Pemerintah daerah di setiap provinsi (pemerintah provinsi serta kabupaten/kota di dalamnya), seperti tabel di atas (group_summary.csv). Perbedaan dua provinsi baru dapat dianggap nyata (bukan keragaman acak antarreplikasi) bila interval keduanya tidak beririsan, dan hanya mulai ${minReplications} replikasi: dengan replikasi yang lebih sedikit, lebar interval bertumpu pada terlalu sedikit nilai (dengan 2 replikasi, pada satu selisih saja, sehingga dua replikasi yang kebetulan berdekatan memberi interval yang sempit karena kebetulan), dan di antara banyak provinsi sebagian interval tidak beririsan karena kebetulan semata.`,
  governmentTable: (shown, all) => `Pemerintah daerah dengan rata-rata proporsi bertahan tertinggi dan terendah (${shown} dari ${all})`,
  governmentNote: 'Rata-rata proporsi bertahan setiap pemerintah daerah dari seluruh replikasi, dengan interval 95% (government_summary.csv memuat semua pemerintah daerah).',
  governmentCaveat: (agencies, cycles, noCycle, inCohort, all, medianWidth, shown, extremes) =>
    `Bacalah kedua ujung tabel ini dengan hati-hati. Setiap pemerintah daerah menjalankan model kota yang sama dengan parameter yang sama (tabel parameter di bawah; ` +
    `blok city (skenario kota) milik suatu pemerintah daerah dalam berkas skenario, bila ada, menggantinya): dalam simulasi ini mereka hanya berbeda menurut jenis, ukuran (${agencies} perangkat daerah), ` +
    `siklus pilkada (${cycles} siklus${noCycle === '0' ? '' : `, dan ${noCycle} pemerintah daerah tanpa siklus: tanpa jadwal pergantian kepala daerah, atau dengan pimpinan dari blok city (skenario kota) miliknya sendiri`}), keanggotaan dalam kohort program (${inCohort} dari ${all} pemerintah daerah), tetangganya, dan peluang acak. ` +
    `Interval 95% satu pemerintah daerah lebarnya ${medianWidth} poin persentase pada mediannya` +
    (extremes
      ? `, dan ${shown} yang ditampilkan adalah ujung-ujung dari ${all}: sebagian adalah undian yang paling menguntungkan dan paling merugikan, dan kebanyakan akan bergeser ke tengah pada simulasi lain.`
      : '.') +
    ' Jangan memeringkat pemerintah daerah dengan angka ini.',
  governmentTieAtCut: (end, more, value) =>
    `Batas daftar ${end === 'highest' ? 'tertinggi' : 'terendah'} jatuh di tengah nilai yang sama: ${more} pemerintah daerah lain mempunyai rata-rata proporsi bertahan yang sama (${value}) dengan pemerintah daerah yang dicantumkan tepat di batas itu dan tidak dicantumkan; mana yang dicantumkan di antara mereka mengikuti id-nya, bukan hasilnya.`,
  governmentCohortsLow: (members, lowest, programmes, inCohort, all) =>
    // Not "9 dari 10 ...": no sentence starts with a numeral (docs/OUTPUTS.md); it follows "... dengan angka ini."
    `Dari ${lowest} pemerintah daerah terendah, ${members} adalah anggota kohort ${programmes}, padahal seluruh anggotanya hanya ${inCohort} dari ${all} pemerintah daerah.`,
  governmentMembersOnly: (service, sustained) =>
    `Hanya anggota yang ditawari ${service}, yang bertahan pada ${sustained} peluncurannya (setiap pemerintah daerah dan replikasi): satu layanan tambahan yang jarang bertahan menurunkan proporsi bertahan mereka.`,
  governmentMembersOther: (membersAll, othersAll, members, others, mostly) =>
    `Dari seluruh layanan nasionalnya, anggota mempertahankan ${membersAll} dan pemerintah daerah lainnya ${othersAll}; dari layanan lainnya saja, ${members} dan ${others} (digabung dari seluruh peluncuran dan replikasi)` +
    (mostly ? ': proporsi anggota yang lebih rendah terutama berasal dari layanan yang hanya ditawarkan kepada mereka, jadi jangan membaca baris-baris ini sebagai tanda bahwa program itu merugikan anggotanya.' : '.'),
  governmentOwnServices: (name, own, national) =>
    national
      ? `${name} menjalankan ${own} layanan miliknya sendiri (dari blok city (skenario kota) miliknya dalam berkas skenario) di samping layanan nasional, sehingga proporsinya tidak dihitung dari layanan yang sama dengan pemerintah daerah lain.`
      : `${name} tidak ditawari layanan nasional: pemerintah daerah ini menjalankan skenario kotanya sendiri (blok city (skenario kota) miliknya dalam berkas skenario, dengan ${own} layanan miliknya sendiri), sehingga proporsinya dihitung dari layanan-layanan itu dan tidak dapat dibandingkan dengan pemerintah daerah lain.`,
  governmentLaterProvince: (name, year) => `${name} dibentuk pada ${year}, tetapi disimulasikan sejak awal skenario (peta saat ini diterapkan sepanjang simulasi).`,
  heeksTable: 'Kelas Heeks',
  heeksNote:
    'Proporsi pasangan pemerintah daerah–layanan dalam setiap kelas Heeks, dari seluruh layanan dan replikasi (group_summary.csv): berhasil, gagal sebagian, gagal total, atau diganti oleh penerusnya. Penyebutnya semua pasangan, termasuk yang diganti, sehingga keempat kelas berjumlah 100%; total P14 di bawah mengeluarkan yang diganti dari penyebut, sehingga proporsinya sedikit lebih tinggi.',
  p14Table: 'P14: perbandingan dengan proporsi Heeks',
  p14Note:
    'Pengukuran P14 sebagaimana ditulis dalam p14.txt, diterjemahkan (berkas p14.txt sendiri ditulis dalam bahasa Inggris). Dua baris pertama adalah kesimpulannya: total nasional (tanpa layanan yang diganti) dibandingkan dengan pita acuan Heeks, dan sebaran antarpemerintah daerah dibandingkan dengan syaratnya; P14 terpenuhi bila keduanya terpenuhi. Baris per layanan membandingkan setiap layanan dengan pita acuan yang sama hanya sebagai keterangan: pita itu menjadi syarat bagi total nasional saja (docs/NATIONAL.md, "P14").',
  p14Local: (governments, services, replications) =>
    `Baris "(layanan milik daerah sendiri)" menggabungkan layanan yang dijalankan pemerintah daerah atas namanya sendiri (dari blok city (skenario kota) miliknya), bukan layanan nasional: di sini ${services} layanan milik ${governments} dalam setiap replikasi dari ${replications} replikasi, ${services * replications} hasil dikurangi yang diganti; jumlahnya terlalu sedikit untuk banyak disimpulkan dari proporsinya.`,
  enrolment: { t_budget: 'anggaran', t_regulation: 'regulasi', t_champion: 'penggerak (champion)', t_users: 'pemakai' },
  p14NoSuccess: (services, count, replications, successShare, terms, bound, stable, months, below) =>
    `Tidak satu pun inisiatif ${services} berhasil, dalam replikasi mana pun dari ${replications} replikasi. ` +
    `Keberhasilan menuntut sedikitnya proporsi heeks_success_share = ${successShare} dari penerapan aktif suatu layanan yang bertahan sudah rutin dan digunakan sesuai target, dan suatu penerapan baru menjadi rutin setelah ${months} bulan berturut-turut dengan skor translasi sedikitnya T_stable = ${stable} (docs/MODEL.md 7.4 dan 7.7). ` +
    (below
      ? `Sebagian jaringan aktor tidak pernah dapat mencapai skor itu, dan angka 0 itu lalu terjadi karena konstruksi skenario, bukan karena kebetulan: dengan bobot simulasi ini, layanan yang dimiliki koordinator, tanpa platform dan tanpa dukungan kepala daerah paling tinggi mendapat skor ${terms} = ${bound}, di bawah ${stable}, sehingga tidak satu pun penerapannya dapat menjadi rutin dalam replikasi mana pun. `
      : `Dengan bobot simulasi ini, bahkan layanan yang dimiliki koordinator, tanpa platform dan tanpa dukungan kepala daerah dapat mencapainya (${terms} = ${bound}), sehingga angka 0 itu bukan karena konstruksi semacam itu. `) +
    `Uji coba vendor tidak dapat menjadi rutin selama uji cobanya berjalan. Folder ini tidak mencatat jaringan setiap layanan (pemilik, platform, pendukung dan pendanaannya ada dalam berkas skenario): bacalah angka 0% ${count === 1 ? 'layanan itu' : 'layanan-layanan itu'} sebagai hal yang dimungkinkan oleh cara skenario mengodekannya sebelum membacanya sebagai temuan (docs/NATIONAL.md, P14, menyebutkannya untuk skenario Indonesia bawaan).`,
  nationalParameters: 'Difusi antarpemerintah daerah',
  nationalParametersNote:
    'national_parameters dari skenario (docs/NATIONAL.md): suatu pemerintah daerah meluncurkan layanan nasional yang tersedia dengan laju gov_launch_base + gov_imitation × L + gov_competition × C per tahun (L, C: proporsi pemerintah daerah sejawat dan pemerintah daerah satu provinsi yang menjalankannya).',
  nationalParameterInfo: {
    gov_launch_base: { unit: 'per tahun', note: 'laju peluncuran oleh pemerintah daerah sendiri (faktor internal)' },
    gov_imitation: { unit: 'per tahun, dikalikan dengan suatu proporsi', note: 'laju peluncuran karena meniru pemerintah daerah sejawat (satu provinsi, perintis) yang menjalankan layanan itu' },
    gov_competition: { unit: 'per tahun, dikalikan dengan suatu proporsi', note: 'laju peluncuran karena bersaing dengan pemerintah daerah satu provinsi yang menjalankan layanan itu' },
    gov_learning: { unit: 'utilitas, dikalikan dengan suatu proporsi', note: 'ditambahkan pada keputusan setiap perangkat daerah, dikalikan dengan proporsi pemerintah daerah sejawat tempat layanan itu sudah rutin (belajar dari keberhasilan)' },
  },
  parametersNote:
    'Parameter model kota yang dipakai setiap pemerintah daerah kecuali bila blok city (skenario kota) miliknya menggantinya, dikelompokkan menurut submodel ODD (docs/ODD.md); baris yang disorot berbeda dari nilai bawaan. Sumber: literatur = nilai dari literatur, asumsi = asumsi pemodelan (pengaturan untuk divariasikan, bukan hasil pengukuran). Tidak satu pun dikalibrasi untuk pemerintah daerah: suatu pemerintah daerah memakai nilai lain hanya bila blok city (skenario kota) miliknya menetapkannya (seperti skenario kota Bekasi yang terkalibrasi dalam berkas bawaan).',
  parametersNoteMd: 'Parameter model kota yang dipakai setiap pemerintah daerah kecuali bila blok city (skenario kota) miliknya menggantinya, menurut submodel ODD; * = berbeda dari nilai bawaan. Sumber: literatur = nilai dari literatur, asumsi = asumsi pemodelan. Tidak satu pun dikalibrasi untuk pemerintah daerah: suatu pemerintah daerah memakai nilai lain hanya bila blok city (skenario kota) miliknya menetapkannya (seperti skenario kota Bekasi yang terkalibrasi dalam berkas bawaan).',
  parametersUnknown:
    'Folder ini ditulis sebelum folder nasional mencatat parameternya: nilai yang ditampilkan adalah nilai bawaan, belum tentu yang dijalankan (lihat berkas skenario).',

  charts: {
    spread: {
      title: 'Sebaran antarpemerintah daerah',
      caption:
        'Jumlah pemerintah daerah menurut proporsi layanan yang diluncurkannya dan masih bertahan, dihitung dalam setiap replikasi lalu dirata-ratakan dari seluruh replikasi, seperti pada ringkasan utama: jumlah batang hijau sama dengan banyaknya pemerintah daerah yang mempertahankan sedikitnya separuh, dan batang merah sama dengan banyaknya pemerintah daerah yang tidak mempertahankan satu pun.',
    },
    provinces: { title: 'Proporsi bertahan menurut provinsi', caption: 'Rata-rata proporsi bertahan setiap pemerintah daerah, menurut provinsi.' },
    replacements: {
      title: 'Gelombang migrasi',
      caption: 'Jumlah penerapan layanan yang dimigrasikan per bulan (sejak larangan aplikasi mandiri berlaku, terutama karena larangan itu; sebelumnya, dan di sampingnya, karena pembelajaran dua putaran perangkat daerah), dan penerapan aplikasi mandiri yang aktif lalu diintegrasikan, di semua pemerintah daerah, rata-rata per replikasi.',
    },
    cohorts: {
      title: 'Kohort program',
      caption:
        'Dari pemerintah daerah yang ditawari setiap layanan nasional, proporsi yang layanannya pernah aktif di sedikitnya satu perangkat daerahnya (governments_ever_share dalam national_series.csv), bulan demi bulan: anggota program dibandingkan dengan pemerintah daerah lainnya.',
    },
  },
  replacementsNoBan:
    'Tidak ada regulasi nasional dalam simulasi ini yang melarang aplikasi mandiri dalam periode simulasinya, sehingga tidak ada gelombang migrasi: batang adalah penerapan layanan yang tetap dimigrasikan ke layanan penerus (oleh pembelajaran dua putaran perangkat daerah, atau karena larangan pemerintah daerah itu sendiri), garis adalah penerapan aplikasi mandiri yang aktif lalu diintegrasikan, per bulan, semua pemerintah daerah, rata-rata per replikasi.',
  cohortsTitle: (programme) => `Kohort program: ${programme}`,
  chartsOtherLanguage: (command) => `(Grafik ini berbahasa Inggris: simulasi folder ini dijalankan tanpa --lang id. Perintah yang sama dengan bahasanya, ${command}, menggambarnya dalam bahasa Indonesia; perintah itu menggantikan folder ini, lalu difusi report <folder> menulis ulang laporan berbahasa Inggris.)`,

  chart: {
    spreadTitle: 'Sebaran antarpemerintah daerah: proporsi layanan yang diluncurkan dan masih bertahan',
    spreadSubtitle: (governments, replications, half, none) => [
      `Sebanyak ${governments} pemerintah daerah dalam setiap replikasi dari ${replications} replikasi; batang: banyaknya pemerintah daerah dalam kelasnya, rata-rata per replikasi`,
      `mempertahankan sedikitnya separuh: ${half} pemerintah daerah, tidak satu pun: ${none} (angka ringkasan utama)`,
    ],
    spreadSubtitleMeans: (governments, replications) =>
      `Sebanyak ${governments} pemerintah daerah, masing-masing pada rata-ratanya dari ${replications} replikasi (bukan hitungan per replikasi pada ringkasan utama)`,
    spreadY: 'pemerintah daerah (rata-rata per replikasi)',
    spreadNone: 'tidak satu pun',
    spreadGroupNone: 'tidak mempertahankan satu pun',
    spreadGroupSome: 'mempertahankan sebagian, kurang dari separuh',
    spreadGroupHalf: 'mempertahankan sedikitnya separuh',
    spreadX: 'proporsi layanan yang diluncurkan dan masih bertahan pada akhir periode simulasi',
    governmentsAxis: 'pemerintah daerah',
    provincesTitle: 'Proporsi layanan yang diluncurkan dan masih bertahan, menurut provinsi',
    provincesSubtitle: (replications) =>
      `setiap garis pendek satu pemerintah daerah (rata-rata dari ${replications} replikasi); warna dan garis: provinsi (hitam, utuh), kabupaten (biru, putus-putus) atau kota (jingga, titik-titik); garis abu-abu pada 0,5: separuh layanan yang diluncurkannya bertahan`,
    provincesX: 'proporsi bertahan',
    wavesTitle: 'Gelombang migrasi: aplikasi mandiri yang dimigrasikan dan diintegrasikan, per bulan',
    wavesSubtitle: (replications) => [
      `penerapan layanan nasional di perangkat daerah seluruh pemerintah daerah, rata-rata dari ${replications} replikasi`,
      'batang: dimigrasikan ke layanan penerus (sejak larangan berlaku terutama karenanya; sebelumnya karena pembelajaran dua putaran); garis hitam: penerapan aplikasi mandiri yang aktif lalu diintegrasikan; putus-putus: larangan mulai berlaku',
    ],
    wavesSubtitleNoBan: 'tidak ada larangan nasional atas aplikasi mandiri yang mulai berlaku dalam periode simulasi; batang: dimigrasikan ke layanan penerus (karena pembelajaran dua putaran, atau larangan pemerintah daerah itu sendiri); garis hitam: penerapan aplikasi mandiri yang aktif lalu diintegrasikan',
    wavesY: 'penerapan per bulan',
    wavesLegend: 'dimigrasikan',
    otherServices: 'layanan lain',
    cohortsTitle: (programme) => `Adopsi oleh pemerintah daerah: anggota ${programme} dibandingkan dengan yang lain`,
    cohortsSubtitle: (replications) =>
      `di antara pemerintah daerah yang ditawari layanan itu, proporsi yang layanannya pernah aktif di salah satu perangkat daerahnya; rata-rata dari ${replications} replikasi; putus-putus: kohort bergabung`,
    cohortsBefore: (list, first) => `bergabung sebelum awal simulasi: ${list}; ditandai pada bulan pertama, ${first}`,
    cohortsAfter: (list) => `bergabung setelah akhir periode simulasi, tidak ditandai: ${list}`,
    cohortsY: 'proporsi pemerintah daerah',
    members: 'anggota',
    otherGovernments: 'pemerintah daerah lain',
  },
  p14: {
    totals: (outcomes, replications, success, partial, total, replaced, within) =>
      `P14 total Heeks nasional dari ${outcomes} pasangan pemerintah daerah–layanan dalam ${replications} replikasi, tanpa ${replaced} yang diganti: ` +
      `berhasil ${success} (pita acuan Heeks 10% hingga 25%), gagal sebagian ${partial} (35% hingga 65%), gagal total ${total} (20% hingga 50%): ${within ? 'di dalam pita acuan' : 'DI LUAR pita acuan'}`,
    spread: (most, mostMin, none, noneMin, wide) =>
      `P14 sebaran: ${most} pemerintah daerah mempertahankan sedikitnya separuh layanannya (syarat ≥ ${mostMin}), ${none} tidak mempertahankan satu pun (syarat ≥ ${noneMin}): ${wide ? 'cukup lebar' : 'TIDAK cukup lebar'}`,
    service: (service, success, partial, total, classed, outside) =>
      `  ${service}: berhasil ${success}, gagal sebagian ${partial}, gagal total ${total} dari ${classed}${outside ? ' (di luar pita acuan)' : ''}`,
    names: { '(local services)': '(layanan milik daerah sendiri)', '(all)': '(semua)' },
  },

  howToRead: 'Cara membaca laporan ini',
  howToReadNote: 'Apa arti angka-angka ini, dan apa yang dikatakan intervalnya.',
  terms: (minPeak, peakShare, minReplications) => [
    [
      'replikasi',
      'Satu riwayat simulasi seluruh pemerintah daerah sepanjang periode simulasi, dengan bilangan acaknya sendiri. Angka dalam laporan adalah rata-rata dari seluruh replikasi; replikasi yang lebih banyak mempersempit interval, dan rata-ratanya makin stabil (bergeser di dalam intervalnya, bukan tetap).',
    ],
    [
      'interval 95%',
      'Setiap replikasi memberi satu nilai angka suatu kelompok (misalnya rata-rata proporsi bertahan); intervalnya adalah interval t Student 95% untuk rata-rata nilai-nilai itu dari replikasi yang saling bebas, dibatasi pada 0% hingga 100%. Interval ini hanya mengukur keragaman acak antarreplikasi: bukan perbedaan antarpemerintah daerah dalam satu kelompok, dan bukan ketidakpastian parameter dan asumsi model. Bila setiap replikasi memberi nilai yang sama, laporan menulis "di setiap replikasi" (dalam tabel, "sama di setiap replikasi") alih-alih interval selebar nol; dengan sedikit replikasi hal itu tidak membuktikan nilainya tidak dapat berubah. Dengan satu replikasi tidak ada interval ("–").',
    ],
    [
      'membandingkan kelompok',
      `Perbedaan dua kelompok (jenis, provinsi, pemerintah daerah) baru dapat dianggap nyata (bukan keragaman acak antarreplikasi) bila interval keduanya tidak beririsan, asalkan simulasinya mempunyai sedikitnya ${minReplications} replikasi: dengan replikasi yang lebih sedikit, lebar interval bertumpu pada terlalu sedikit nilai untuk dipercaya satu per satu. Di antara banyak kelompok sebagian interval tidak beririsan karena kebetulan semata, sehingga suatu kelompok baru disebut tertinggi atau terendah bila intervalnya terpisah dari interval setiap kelompok lain. Interval yang beririsan tidak membuktikan keduanya sama: jalankan lebih banyak replikasi untuk memastikannya.`,
    ],
    [
      'proporsi bertahan',
      `Dari layanan yang diluncurkan suatu pemerintah daerah, proporsi yang masih bertahan pada akhir periode simulasi: aktif di sedikitnya satu perangkat daerah dan di sedikitnya proporsi sustain_fraction dari jumlah perangkat daerah pada puncaknya (${peakShare} dalam simulasi ini; bawaan 0,5, yaitu separuh), dan puncaknya mencapai min_peak perangkat daerah (${minPeak} dalam simulasi ini, seperti pada tabel parameter di bawah) atau, bila perangkat daerahnya yang memenuhi syarat lebih sedikit, semuanya. Layanan yang masih aktif tetapi puncaknya tidak mencapai itu dihitung menurun, bukan bertahan. Pemerintah daerah yang tidak meluncurkan layanan apa pun dihitung 0. Nilai-nilai ini adalah parameter nasional berkas skenario; pemerintah daerah yang bloknya sendiri menetapkan nilai lain dinilai dengan nilainya sendiri.`,
    ],
    [
      'mempertahankan ≥ separuh / tidak satu pun',
      'Suatu pemerintah daerah mempertahankan sedikitnya separuh layanannya bila proporsi bertahannya 50% atau lebih, dan tidak satu pun bila tidak ada satu pun layanan yang diluncurkannya masih bertahan.',
    ],
    [
      'kelas Heeks',
      'Kelas proyek e-government menurut Heeks (2003), diterapkan pada setiap layanan yang diluncurkan suatu pemerintah daerah: berhasil, gagal sebagian, gagal total, atau diganti oleh penerusnya.',
    ],
    ['P14', 'Pemeriksaan pola proyek ini: total nasional dibandingkan dengan proporsi yang dilaporkan Heeks (2003) untuk proyek e-government, dan sebaran antarpemerintah daerah (docs/NATIONAL.md).'],
  ],
};
