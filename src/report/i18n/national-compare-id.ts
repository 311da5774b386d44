/**
 * Teks laporan perbandingan nasional dalam Bahasa Indonesia: the Indonesian
 * catalog of the national comparison's report, of the type
 * `NationalCompareCatalog` (national-compare-en.ts). Terms as the national
 * report's (national-id.ts): pemerintah daerah, layanan, replikasi,
 * bertahan, berhasil; the base is "skenario dasar" and the variant
 * "skenario pengandaian", as the city comparison's report names them
 * (id.ts); common random numbers are "bilangan acak bersama". Numbers
 * arrive already written with a decimal comma and the percent sign closed up.
 */
import type { CompareSubject, NationalCompareCatalog } from './national-compare-en.js';

const heeksWords: Readonly<Record<'success' | 'partial' | 'total_failure' | 'replaced', string>> = {
  success: 'berhasil',
  partial: 'gagal sebagian',
  total_failure: 'gagal total',
  replaced: 'diganti oleh layanan penerusnya',
};

export const nationalCompareId: NationalCompareCatalog = {
  title: (name) => `Perbandingan nasional difusi: ${name}`,
  kind: 'perbandingan nasional (difusi national-compare)',
  headline: 'Ringkasan utama',
  sumCompared: (name, file, changes) =>
    `Laporan ini membandingkan dua simulasi nasional skenario ${name} (berkas ${file}): skenario dasar, yaitu berkas sebagaimana tertulis, dan skenario pengandaian, yaitu ketika ${changes}.`,
  changedNames: (items) => `Di sini ${items}.`,
  changedName: (id, name) => `${id} adalah ${name}`,
  // "isian" for a field, as GLOSSARY.id.md and ADAPTING.id.md write it.
  changedFields: (items) => `Arti setiap isian yang diubah dan pengaruhnya dalam model: ${items}.`,
  changedField: (field, list, section) => `${field}${list === '' ? '' : ` (dalam ${list})`}, lihat ${section}`,
  caveatSame: (rows, replications, minReplications) =>
    `${rows.length === 1 ? `Satu baris, ${rows[0]},` : `Sebanyak ${rows.length} baris (${rows.join('; ')})`} menunjukkan selisih yang bukan 0 dan sama di ${replications === 2 ? 'kedua replikasi' : 'setiap replikasi'} ("sama di setiap replikasi"): dengan ${replications === 2 ? 'hanya dua replikasi' : `hanya ${replications} replikasi`}, kesamaan itu bisa saja kebetulan, sehingga interval dengan lebar nol tidak membuktikan bahwa selisihnya selalu sama; baris seperti itu baru dapat dianggap mantap bila dijalankan dengan sedikitnya ${minReplications} replikasi.`,
  sameRow: (label, diff) => `"${label}" (${diff})`,
  sumArms: (replications, seed, level) =>
    `Keduanya disimulasikan dalam ${replications} replikasi dengan benih acak (seed) yang sama, ${seed}. Dalam setiap replikasi keduanya memakai bilangan acak yang sama untuk setiap pemerintah daerah (bilangan acak bersama), sehingga setiap selisih di bawah adalah hasil skenario pengandaian dikurangi hasil skenario dasar dalam replikasi yang sama, dirata-ratakan dari seluruh replikasi: kedua simulasi dalam satu replikasi mendapat nasib acak yang sama, sehingga selisihnya bukan perbedaan nasib acak di antara keduanya.` +
    (replications > 1 ? ` Keragaman acak yang masih tersisa ditunjukkan oleh interval ${level} setiap selisih.` : ''),
  sumClear: (clear, total, shown, groupsHeld, level, c) =>
    // A sentence does not start with a numeral (PUEBI): "Sebanyak 7 dari 81 ...", "Berikut 5 selisih terbesar".
    // "Rata-rata tidak berdampak", not "tidak berdampak apa pun": a change that acts nowhere gives every difference exactly 0.
    `Sebanyak ${clear} dari ${total} hasil yang dibandingkan memiliki interval ${level} yang tidak memuat 0. ` +
    `Seandainya perubahan itu rata-rata tidak berdampak, ${c.byChance >= 1 ? `sekitar ${c.byChance} hasil` : 'kurang dari 1 hasil'} tetap akan begitu karena kebetulan semata: ${c.share} dari ${c.counted} hasil yang selisihnya tidak selalu 0` +
    (c.notCounted === 0 ? '.' : ` (${c.notCounted} hasil lainnya bernilai tepat 0 di setiap replikasi atau tidak mempunyai nilai, sehingga tidak dihitung).`) +
    (shown === 0 ? '' : ` ${clear > shown ? `Berikut ${shown === 1 ? 'selisih terbesar' : `${shown} selisih terbesar`}${groupsHeld ? ', tidak termasuk baris per provinsi dan per kohort' : ''}` : clear === 1 ? 'Hasil itu' : 'Berikut hasil-hasil itu, mulai dari yang terbesar'}:`),
  sumGroupsHeld: (count, table, replications, minReplications) =>
    `${count === 0 ? 'Provinsi dan kohort program satu per satu tidak disebut' : `${count === 1 ? 'Satu baris provinsi atau kohort' : `Sebanyak ${count} baris provinsi dan kohort`} juga memiliki interval yang tidak memuat 0 tetapi tidak disebut`} dalam ringkasan ini: baris-baris kelompok ada dalam tabel "${table}", dan setiap baris baru dapat dibaca sendiri-sendiri dengan sedikitnya ${minReplications} replikasi (perbandingan ini memakai ${replications}): di antara baris sebanyak itu, sebagian dapat tidak memuat 0 karena kebetulan semata.`,
  sumEffect: (sentence, up, amount, interval) => `Dengan perubahan ini, ${sentence}: ${up ? 'naik' : 'turun'} ${amount} poin persentase (${interval}).`,
  interval: (low, high, level) => `interval ${level}: ${low} hingga ${high}`,
  sameEvery: 'selisihnya sama di setiap replikasi',
  sameEveryCell: 'sama di setiap replikasi',
  sumMoreClear: (count) => `${count === 1 ? 'Satu' : `Sebanyak ${count}`} hasil lain juga memiliki interval yang tidak memuat 0: lihat tabel di bawah.`,
  sumNoneClear: (total, replications) =>
    `Tidak satu pun dari ${total} selisih mempunyai interval yang tidak memuat 0: dengan ${replications} replikasi, perubahan ini tidak menunjukkan dampak yang melampaui keragaman acak antarreplikasi. Hal ini bukan bukti bahwa perubahan tidak berdampak: replikasi yang lebih banyak (-r) mempersempit interval.`,
  sumAllZero: (total) =>
    `Setiap selisih dari ${total} selisih bernilai tepat 0 dalam setiap replikasi: perubahan ini tidak menyentuh apa pun yang dibaca model (kedua skenario memakai bilangan acak yang sama, sehingga perubahan yang tidak berpengaruh memberi hasil yang persis sama).`,
  sumOneReplication: (shown, total) =>
    `Dengan satu replikasi tidak ada selisih yang mempunyai interval, sehingga tidak satu pun dapat dibedakan dari keragaman acak. ${shown} selisih terbesar dari ${total}, tanpa pengujian:`,
  sumEffectNoInterval: (sentence, up, amount) => `Dengan perubahan ini, ${sentence}: ${up ? 'naik' : 'turun'} ${amount} poin persentase (tanpa interval).`,
  outcomeSentence: (s: CompareSubject, variant, base, end) => {
    switch (s.kind) {
      case 'mean':
        // "pemerintah X rata-rata mempertahankan": a clause opening "rata-rata pemerintah" reads as "most governments".
        return `setiap pemerintah daerah rata-rata mempertahankan ${variant} layanan yang diluncurkannya, dibandingkan ${base} tanpa perubahan`;
      case 'most':
        return `${variant} pemerintah daerah mempertahankan sedikitnya separuh layanan yang diluncurkannya, dibandingkan ${base} tanpa perubahan`;
      case 'none':
        return `${variant} pemerintah daerah tidak mempertahankan satu pun layanan yang diluncurkannya, dibandingkan ${base} tanpa perubahan`;
      case 'heeks':
        return `${variant} dari seluruh layanan yang diluncurkan (setiap peluncuran suatu layanan oleh satu pemerintah daerah dihitung sekali) ${heeksWords[s.heeks]} ${end}, dibandingkan ${base} tanpa perubahan`;
      case 'launched':
        return `${s.service} diluncurkan oleh ${variant} pemerintah daerah yang ditawari layanan itu, dibandingkan ${base} tanpa perubahan`;
      case 'sustained':
        return `${s.service} bertahan ${end} di ${variant} pemerintah daerah yang ditawari layanan itu, dibandingkan ${base} tanpa perubahan`;
      case 'success':
        return `${s.service} berhasil (kelas Heeks) di ${variant} pemerintah daerah yang meluncurkannya, dibandingkan ${base} tanpa perubahan`;
      case 'group':
        return `${s.group} rata-rata mempertahankan ${variant} layanan yang diluncurkannya, dibandingkan ${base} tanpa perubahan`;
    }
  },
  atEnd: (year) => `pada akhir periode simulasi${year === null ? '' : ` (${year})`}`,
  groupSubject: {
    // "pemerintah provinsi", "pemerintah kabupaten", "pemerintah kota": the governments, not the territories.
    type: (types) => `pemerintah ${types}`,
    province: (name) => `pemerintah daerah di ${name}`,
    cohort: (cohort, programme) => `anggota kohort ${cohort} dari ${programme}`,
  },
  caveatEach: (level, rows, counted) =>
    `Setiap interval berlaku pada tingkat ${level} untuk hasilnya sendiri, bukan untuk ${rows} baris sekaligus: di antara sebanyak itu, sebagian dapat tidak memuat 0 karena kebetulan semata${counted ? ' (perkiraan jumlahnya disebutkan di atas)' : ''}, jadi bacalah dengan hati-hati interval yang nyaris memuat 0 dan pastikan dengan replikasi yang lebih banyak.`,
  caveatNoise:
    'Interval hanya mengukur keragaman acak antarreplikasi, bukan ketidakpastian parameter dan asumsi model: angka-angka ini adalah simulasi pengandaian di bawah asumsi model, bukan proyeksi.',
  caveatReach:
    'Dampak suatu perubahan tidak terbatas pada layanan yang disebut dalam perubahan itu: dampaknya menjalar di dalam setiap pemerintah daerah melalui hal yang dipakai bersama oleh layanan-layanannya (anggaran, pegawai, pimpinan), dan antarpemerintah daerah melalui difusi. Jadi perhatikan juga baris-baris lain, bukan hanya layanan yang disebut perubahan itu.',
  caveatOneReplication:
    'Dengan satu replikasi tidak ada interval: sebaran tidak dapat diperkirakan dari satu pasang simulasi, sehingga tidak satu pun selisih dapat dibedakan dari keragaman acak. Jalankan perbandingan lagi dengan -r 2 atau lebih.',
  caveatEmpty: (count) =>
    `${count === 1 ? 'Satu' : `Sebanyak ${count}`} baris tidak mempunyai nilai ("–"): proporsi dari nol dalam suatu replikasi (misalnya proporsi keberhasilan suatu layanan yang tidak diluncurkan pemerintah daerah mana pun dalam replikasi itu).`,
  namesMissing: (folder) =>
    `Folder nasional skenario dasar (${folder}, sebagaimana dicatat dalam manifest.json perbandingan ini) tidak dapat dibaca, sehingga layanan, provinsi dan kohort ditampilkan dengan id-nya, dan parameter skenario tidak ditampilkan.`,

  baseArm: (file) => `berkas sebagaimana tertulis (${file})`,
  variantName: 'skenario pengandaian',
  variantNote: 'berkas yang sama, dengan perubahan berikut (berkas aslinya tidak diubah)',

  col: {
    outcome: 'hasil',
    service: 'layanan nasional',
    measure: 'ukuran',
    base: 'skenario dasar',
    variant: 'skenario pengandaian',
    difference: 'selisih (pengandaian − dasar)',
    interval: (level) => `interval ${level}`,
    row: 'baris dalam national_compare.csv',
  },
  outcomes: {
    mean: 'rata-rata proporsi bertahan per pemerintah daerah',
    most: 'pemerintah daerah yang mempertahankan sedikitnya separuh layanannya',
    none: 'pemerintah daerah yang tidak mempertahankan satu pun layanannya',
    heeks: { success: 'berhasil', partial: 'gagal sebagian', total_failure: 'gagal total', replaced: 'diganti oleh penerusnya' },
    launched: 'diluncurkan (proporsi pemerintah daerah yang ditawari)',
    sustained: 'bertahan (proporsi pemerintah daerah yang ditawari)',
    success: 'berhasil menurut Heeks (proporsi pemerintah daerah yang meluncurkannya)',
    type: (types) => `pemerintah ${types}: rata-rata proporsi bertahan`,
    province: (name) => `${name}: rata-rata proporsi bertahan pemerintah daerahnya`,
    cohort: (cohort, programme) => `kohort ${cohort} dari ${programme}: rata-rata proporsi bertahan anggotanya`,
  },
  totalsTable: 'Total nasional',
  totalsNote: (end) =>
    `Rata-rata proporsi bertahan: dari layanan yang diluncurkan suatu pemerintah daerah, proporsi yang masih bertahan ${end}, dirata-ratakan dari seluruh pemerintah daerah. Dua baris lainnya: proporsi pemerintah daerah yang mempertahankan sedikitnya separuh, atau tidak satu pun, layanan yang diluncurkannya.`,
  heeksTable: 'Kelas Heeks seluruh layanan yang diluncurkan',
  heeksNote: (end) =>
    `Setiap peluncuran suatu layanan (nasional atau milik daerah sendiri) oleh satu pemerintah daerah adalah satu inisiatif; baris-barisnya adalah proporsi seluruh inisiatif yang diluncurkan dalam setiap kelas Heeks ${end}, sehingga dalam setiap skenario keempatnya berjumlah 100%.`,
  heeksDefinition:
    'Proporsi Heeks ini memasukkan semua inisiatif yang diluncurkan, termasuk yang diganti, ke dalam penyebut, sama seperti tabel "Kelas Heeks" dalam laporan nasional. Total P14 (p14.txt, dan kalimat P14 dalam ringkasan utama laporan nasional) mengeluarkan yang diganti dari penyebut, sehingga untuk skenario yang sama proporsinya sedikit lebih tinggi (proporsi berhasil skenario dasar di sana sedikit di atas angka di sini): keduanya adalah simulasi yang sama dengan dua definisi, bukan dua hasil.',
  servicesTable: 'Per layanan nasional',
  servicesNote: 'Diluncurkan dan bertahan: proporsi pemerintah daerah yang ditawari layanan itu. Berhasil menurut Heeks: proporsi pemerintah daerah yang meluncurkannya.',
  groupsTable: 'Menurut jenis pemerintah daerah, provinsi dan kohort program',
  groupsNote: 'Rata-rata proporsi bertahan pemerintah daerah dalam setiap kelompok (untuk kohort program: pemerintah daerah yang bergabung dengan program itu bersama kohort tersebut).',
  otherTable: 'Hasil lain',
  otherNote:
    'Hasil dalam national_compare.csv yang tidak diuraikan oleh versi difusi ini (folder ditulis oleh versi lain), ditampilkan dengan namanya dalam berkas itu dan tidak disebut dalam ringkasan utama.',
  tableNote: (level, replications) =>
    `Skenario dasar: berkas sebagaimana tertulis; skenario pengandaian: dengan perubahan. Nilai keduanya dalam %, rata-rata dari ${replications} replikasi; selisih: pengandaian − dasar dalam replikasi yang sama, dirata-ratakan, dalam poin persentase (pp). ` +
    (replications > 1
      ? `Interval: rentang ${level} bagi selisih itu (lihat "Cara membaca laporan ini"); * = interval tidak memuat 0.`
      : 'Tanpa interval dengan satu replikasi.') +
    ' Selisih dihitung dari nilai sebelum pembulatan, sehingga angka terakhirnya dapat berbeda satu dari selisih kedua kolom yang sudah dibulatkan. Kolom terakhir menyebut baris national_compare.csv, yang memuat setiap angka tanpa pembulatan.',
  noValue: '–',
  noIntervalCell: 'tanpa interval (satu replikasi)',
  // As in a sentence ("−0,1 hingga +0,9"), the form of the English table's "−0.1 to +0.9".
  intervalCell: (low, high) => `${low} hingga ${high}`,

  chartTitle: 'Per layanan nasional: dampak perubahan (pengandaian − dasar)',
  chartCaption:
    'Selisih setiap layanan nasional (pengandaian − dasar pada replikasi yang sama, dalam poin persentase) pada tiga ukuran tabel "Per layanan nasional", dengan intervalnya; titik gelap: interval tidak memuat 0.',
  chartChanges: (changes) => `perubahan (pengandaian dibandingkan dasar): ${changes}`,
  chartSubtitle: (replications, level) => [
    replications > 1
      ? `titik: rata-rata selisih (dasar dan pengandaian pada replikasi yang sama) dari ${replications} replikasi; garis: interval ${level}; garis putus-putus: selisih nol`
      : 'titik: selisih dalam satu replikasi (tanpa interval); garis putus-putus: selisih nol',
  ],
  chartAxis: (measure) => `${measure} (pp)`,
  chartMeasures: { launched: 'diluncurkan', sustained: 'bertahan', success: 'berhasil menurut Heeks' },
  chartClear: 'interval tidak memuat 0',
  chartNotClear: 'interval memuat 0',

  facts: { level: 'tingkat kepercayaan interval', base: 'skenario dasar: folder nasional', variant: 'skenario pengandaian: folder nasional', hashes: 'hash skenario yang dijalankan: dasar, pengandaian', report: 'laporan' },
  reportAfterwards: 'ditulis kemudian dengan difusi report (perintah di atas dijalankan dengan --no-charts, yang tidak menulis laporan)',
  parametersNote:
    'Parameter model kota yang dipakai setiap pemerintah daerah kecuali bila blok city (skenario kota) miliknya menggantinya, sebagaimana dijalankan skenario dasar (skenario pengandaian hanya berbeda bila suatu perubahan di atas mengubah parameter), dikelompokkan menurut submodel ODD (docs/ODD.md); baris yang disorot berbeda dari nilai bawaan. Sumber: literatur = nilai dari literatur, asumsi = asumsi pemodelan (pengaturan untuk divariasikan, bukan hasil pengukuran).',
  parametersNoteMd:
    'Parameter model kota yang dipakai setiap pemerintah daerah kecuali bila blok city (skenario kota) miliknya menggantinya, sebagaimana dijalankan skenario dasar (skenario pengandaian hanya berbeda bila suatu perubahan di atas mengubah parameter), menurut submodel ODD; * = berbeda dari nilai bawaan. Sumber: literatur = nilai dari literatur, asumsi = asumsi pemodelan (pengaturan untuk divariasikan, bukan hasil pengukuran).',
  howToRead: 'Cara membaca laporan ini',
  howToReadNote: 'Apa arti angka-angkanya, dan apa yang dikatakan intervalnya.',
  terms: (level, example, end) => [
    ['skenario dasar, skenario pengandaian', 'Skenario dasar adalah berkas skenario sebagaimana tertulis; skenario pengandaian adalah berkas yang sama yang dijalankan dengan perubahan yang tercantum di atas. Keduanya dijalankan dengan benih acak (seed) dan jumlah replikasi yang sama.'],
    [
      'replikasi',
      'Satu riwayat simulasi setiap pemerintah daerah sepanjang periode simulasi. Replikasi ke-r skenario dasar dan skenario pengandaian memakai bilangan acak yang sama (bilangan acak bersama), sehingga selisih keduanya adalah dampak perubahan dalam riwayat itu.',
    ],
    ['selisih, poin persentase (pp)',
      'Pengandaian − dasar dalam replikasi yang sama, dirata-ratakan dari seluruh replikasi. Setiap hasil adalah proporsi, sehingga selisih 0,01 adalah 1 poin persentase' +
        (example === null ? ', bukan 1%.' : `: pada selisih terbesar dalam perbandingan ini, dari ${example.base} menjadi ${example.variant} adalah ${example.diff}, selisih dalam poin, bukan perubahan dalam persen.`),
    ],
    [
      `interval ${level}`,
      `Rentang nilai yang wajar bagi selisih rata-rata, dilihat dari seberapa berbeda hasil antarreplikasi; makin banyak replikasi, makin sempit rentangnya. Bila rentang ini tidak memuat 0 (tanda *), selisihnya lebih besar daripada keragaman acak antarreplikasi. Cara hitung: interval t Student berpasangan dari rata-rata selisih atas seluruh replikasi, pada tingkat ${level}, dibatasi −100 hingga +100 pp (Law dan Kelton 2000, 10.2.1; docs/NATIONAL-COMPARE.md). Interval ini hanya mengukur keragaman acak antarreplikasi, bukan ketidakpastian asumsi model, dan hanya berlaku untuk barisnya sendiri. Interval yang memuat 0 tidak menunjukkan bahwa perubahan tidak berdampak. Dengan satu replikasi tidak ada interval.`,
    ],
    ['proporsi bertahan', `Dari layanan yang diluncurkan suatu pemerintah daerah, proporsi yang masih bertahan ${end}, yaitu masih aktif di cukup banyak perangkat daerah yang dicapainya pada puncaknya (docs/NATIONAL.md). Pemerintah daerah yang tidak meluncurkan satu pun dihitung 0.`],
    [
      'kelas Heeks',
      // Kelas per layanan docs/GLOSSARY.id.md, "kelas Heeks" (src/validation/heeks.ts), dengan kata-katanya.
      `Kelas proyek pemerintahan berbasis elektronik (e-government) menurut Heeks (2003), diterapkan ${end} pada setiap layanan yang diluncurkan suatu pemerintah daerah. Berhasil: bertahan pada saat itu, dan sedikitnya heeks_success_share dari penerapannya yang aktif (satu per perangkat daerah yang memakainya; bawaan separuh) sudah rutin dan dipakai mencapai target pemakaian u_target. Gagal sebagian: aktif tetapi tidak demikian (layanan dipertahankan tetapi tidak dipakai sebagaimana mestinya), atau berhenti setelah berjalan heeks_failure_months atau lebih (bawaan 12 bulan). Gagal total: tidak pernah aktif, atau berhenti dalam heeks_failure_months. Diganti: tidak ada penerapan yang aktif pada saat itu, dan lebih banyak penerapannya yang berakhir karena migrasi daripada karena gagal (dimigrasikan di bawah larangan aplikasi mandiri, atau digantikan lewat pembelajaran dua putaran sebuah perangkat daerah). Ketiga parameter itu ada dalam tabel di bawah (docs/GLOSSARY.id.md, "kelas Heeks").`,
    ],
  ],
};
