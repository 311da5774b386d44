/**
 * Teks laporan dalam Bahasa Indonesia: the Indonesian catalog. Its type is
 * the English catalog's (`Catalog`), so every key must be here with the
 * same arguments; `tests/report/i18n.test.ts` also checks it key by key.
 * Terms follow Indonesian public-administration usage: perangkat daerah
 * for OPD (any agency: a dinas is only one kind, beside badan, kecamatan,
 * sekretariat...), layanan for service, replikasi for replication. Every
 * number takes a decimal comma (docs/OUTPUTS.md), so an interval of
 * numbers is written [0; 1], not [0, 1].
 */
import type { Catalog, ClusterEvents } from './en.js';
import { PARAM_NOTES_ID } from './param-notes-id.js';
import { relativeShareThresholdTight, relativeThreshold } from '../format.js';

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A month YYYY-MM as an Indonesian sentence writes it ("Desember 2025"); anything else as given. */
export function bulan(iso: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(iso);
  const name = m === null ? undefined : BULAN[Number(m[2]) - 1];
  return name === undefined ? iso : `${name} ${m![1]}`;
}

/** "A, B dan C": Indonesian writes no comma before the last item's "dan". */
function daftar(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}

/** After the events named at an exit cluster: how many more the timeline holds (the catalog's sumMoreEvents). */
const lainnya = (count: number): string => `serta ${count} peristiwa lain`;

/**
 * A pilot is an uji coba: a text says "uji coba (pilot)" where it first names one and "uji coba"
 * after (inside brackets of its own, "uji coba" alone: no brackets in brackets).
 */
const PILOT_END = 'berakhirnya uji coba';
/** The exit clusters' sentence with its first pilot end glossed, "berakhirnya uji coba (pilot)", the others not. */
const pilotGlossed = (text: string): string => text.replace(`${PILOT_END} `, `${PILOT_END} (pilot) `);

/**
 * A service whose name already says it is a pilot ("Uji coba meteran parkir", "Pilot e-parkir",
 * any case): a sentence names its end "berakhirnya uji coba meteran parkir", not "berakhirnya uji
 * coba uji coba meteran parkir".
 */
const SELF_NAMED_PILOT = /^(uji\s*coba|pilot)(?![\p{L}\p{N}])/iu;

/**
 * The pilots that end together, after "berakhirnya": "uji coba" once before a run of names
 * ("uji coba A, B dan C", as before), again after a name that says it itself ("uji coba A,
 * Uji coba meteran parkir dan uji coba B"), never before such a name.
 */
function ujiCobaList(names: readonly string[]): string {
  return daftar(names.map((name, i) => (SELF_NAMED_PILOT.test(name) || (i > 0 && !SELF_NAMED_PILOT.test(names[i - 1]!)) ? name : `uji coba ${name}`)));
}

/** A cause of exit (cause, without its bracket) as "penghentian karena …" names it, where the cause's own word is a way of ending. */
const EXIT_CAUSE: Readonly<Record<string, string>> = { ditinggalkan: 'risiko dasar', dimigrasikan: 'migrasi' };

/** "a", "a dan b", "a, b dan c" (as sumMorrisTied joins). */
const danList = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`);

/**
 * The events at an exit cluster as a sentence names them: what happened, by kind, and the
 * subject alone (not the timeline's "akhir uji coba: ... – vendor", whose parentheses and dashes
 * read badly inside a list): "berakhirnya uji coba A, B dan C, serta 3 peristiwa lain".
 * Neighbouring events of one kind share its words.
 */
function peristiwaKlaster(events: ClusterEvents): string {
  const groups: { kind: string; names: string[]; factor: string | null }[] = [];
  for (const e of events.named) {
    const last = groups[groups.length - 1];
    // A service's name mid-sentence: a sentence-case name starts in lower case ("integrasi ke platform POC/SSP"), a proper
    // name stays (midSentence). Vendors, regulations (Perwal ...) and heads are named as written.
    const name = e.kind === 'pilot' ? midSentence(e.name) : e.name;
    if (last !== undefined && last.kind === e.kind && e.kind !== 'budget') last.names.push(name);
    else groups.push({ kind: e.kind, names: [name], factor: e.factor });
  }
  const phrases = groups.map((g) => {
    switch (g.kind) {
      case 'pilot':
        return `berakhirnya ${ujiCobaList(g.names)}`;
      case 'contract':
        return `berakhirnya kontrak ${daftar(g.names)}`;
      case 'regulation':
        return `berlakunya ${daftar(g.names)}`;
      case 'leader':
        return `mulai menjabatnya ${daftar(g.names)}`;
      case 'budget':
        return `guncangan anggaran${g.factor === null ? '' : ` ${g.factor}`}${g.names[0] ? ` berupa ${g.names[0]}` : ''}`;
      default:
        return daftar(g.names);
    }
  });
  if (events.more > 0) return `${phrases.join(', ')}, ${lainnya(events.more)}`;
  return phrases.length <= 1 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} serta ${phrases[phrases.length - 1]}`;
}

/**
 * A service's name as it reads inside a sentence: a sentence-case name ("Uji coba meteran parkir",
 * "Integrasi SPBE": a capitalised first word, then a word in lower case or an acronym) starts in lower
 * case; a name in title case or opening with an acronym or a single word ("Sistem Informasi Desa",
 * "CCTV dan sensor", "Bekasi Iconic") is a proper name and stays as written.
 */
export function midSentence(name: string): string {
  const m = /^(\p{Lu})(\p{Ll}+)\s+(\S+)/u.exec(name);
  if (m === null) return name;
  const second = m[3] as string;
  const lower = /^\p{Ll}/u.test(second);
  const acronym = second.length > 1 && /^\p{Lu}/u.test(second) && !/\p{Ll}/u.test(second);
  return lower || acronym ? `${(m[1] as string).toLowerCase()}${name.slice(1)}` : name;
}

export const id: Catalog = {
  lang: 'id',
  decimal: ',',
  // PUEBI, BPS and government documents write the percent sign closed up: 95%, 22% [17%; 28%].
  percentSign: '%',
  intervalSep: '; ',
  tableInterval: (lo, hi) => `[${lo}; ${hi}]`,
  // Sentences and chart notes name the month (bulan: "hingga Desember 2025"); tables keep YYYY-MM, with one range style (s.d.).
  tableRange: (from, to) => `${from} s.d. ${to}`,
  numberListSep: '; ',
  shareWithInterval: (p, lo, hi) => `${p} [${lo}; ${hi}]`,
  reportTitle: (name) => `Laporan difusi: ${name}`,

  summary: 'Ringkasan',
  glossary: 'Daftar istilah',
  glossaryNote: 'Istilah yang dipakai dalam laporan ini.',
  compared: 'Apa yang dibandingkan',
  experiment: 'Eksperimen',
  baseScenario: 'Skenario dasar',
  variantChanges: 'Perubahan dari skenario dasar',
  noChanges: 'tanpa perubahan (skenario dasar)',
  baseArmNote: 'skenario dasar',
  baseArm: 'dasar',
  comparedFiles: (base, variants) => `${base} dibandingkan dengan ${variants}`,
  chartsHeading: 'Grafik',
  scenarioInfo: 'Informasi skenario',
  // As the explorer says it (explorer/i18n.ts infoEnglish), and where: what of the scenario has no Indonesian twin.
  englishOnly: (parts) => {
    const items = [parts.description ? 'deskripsinya' : '', parts.names ? 'sebagian nama (layanan, kepala daerah, regulasi, vendor dan lainnya)' : '', parts.info ? 'halaman Informasi skenario' : ''].filter((x) => x !== '');
    const list = items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
    return `Sebagian informasi skenario ini hanya tersedia dalam bahasa Inggris: ${list} ditampilkan sebagaimana tertulis dalam berkas skenario, yang tidak menyediakan terjemahannya (description_id, name_id, berkas .id.md).`;
  },
  infoEnglishOnly: 'Informasi skenario ini hanya tersedia dalam bahasa Inggris.',
  timelineHeading: 'Linimasa skenario',
  timelineNote: 'Peristiwa terjadwal yang ditandai pada grafik waktu.',
  parametersHeading: 'Parameter (urutan ODD)',
  parametersNote:
    'Nilai skenario yang dijalankan, dikelompokkan menurut submodel ODD (docs/ODD.md); baris yang disorot berbeda dari nilai bawaan. Sumber: literatur = nilai dari literatur, asumsi = asumsi pemodelan (pengaturan untuk divariasikan, bukan hasil pengukuran).',
  parametersNoteMd: 'Nilai skenario yang dijalankan menurut submodel ODD; * = berbeda dari nilai bawaan. Sumber: literatur = nilai dari literatur, asumsi = asumsi pemodelan (pengaturan untuk divariasikan, bukan hasil pengukuran).',
  off: 'nonaktif',
  paramGroup: {
    '2.1 states': '2.1 keadaan',
    '5 initialization': '5 inisialisasi',
    '7.1 events': '7.1 peristiwa',
    '7.2 awareness': '7.2 kesadaran',
    '7.3 decision': '7.3 keputusan',
    '7.4 implementation': '7.4 implementasi',
    '7.5 usage': '7.5 pemakaian',
    '7.6 learning': '7.6 pembelajaran',
    '7.7 translation': '7.7 translasi',
    '7.8 discontinuance': '7.8 penghentian',
    '8 observation': '8 pengamatan',
  },
  paramUnit: {
    'per year': 'per tahun',
    'per month': 'per bulan',
    'months': 'bulan',
    'factor': 'faktor',
    'utility': 'utilitas',
    '[0,1]': '[0; 1]',
    'probability': 'peluang',
    'probability per trigger': 'peluang per pemicu',
    'probability per year': 'peluang per tahun',
    'fraction': 'pecahan',
    'commitment': 'komitmen',
    'B': 'B',
    'agencies': 'perangkat daerah',
    'attribute': 'atribut',
    'score': 'skor',
    'weight': 'bobot',
    'usage': 'pemakaian',
    'share': 'proporsi',
    'strength': 'kekuatan',
  },
  paramSource: { lit: 'literatur', knob: 'asumsi' },
  // A note changed in English and not yet translated shows in English (param-notes-id.ts).
  paramNote: (note) => PARAM_NOTES_ID[note] ?? note,
  manifestHeading: 'Manifes',
  chartNotRendered: (title) => `${title}: grafik tidak dapat digambar`,
  contents: 'Isi',

  factLabels: {
    kind: 'jenis',
    scenario: 'skenario',
    scenarioFile: 'berkas skenario',
    scenarioHash: 'hash skenario',
    runHash: 'hash skenario yang dijalankan (setelah nilai diubah dengan --set, termasuk seed dan jumlah replikasi)',
    armHashes: 'hash setiap skenario yang dijalankan (dasar dan pengandaian)',
    seed: 'benih acak (seed)',
    replications: 'replikasi',
    detailReplications: 'replikasi rinci',
    tool: 'perangkat lunak',
    command: 'perintah',
    shard: 'bagian (shard)',
    experiment: 'eksperimen',
    precision: 'jumlah replikasi menurut presisi (--precision)',
  },
  precisionFact: (target, outcome, replications, achieved, reached) =>
    reached
      ? `target ${target} untuk ${outcome} tercapai setelah ${replications} replikasi (nilai yang dicapai ${achieved}: setengah lebar interval 95% dibagi rata-ratanya)`
      : `target ${target} untuk ${outcome} TIDAK tercapai: berhenti pada batas maksimum, ${replications} replikasi (nilai yang dicapai ${achieved}: setengah lebar interval 95% dibagi rata-ratanya)`,
  precisionUndefined: 'tidak terdefinisi, rata-ratanya 0',
  shardOf: (i, n) => `${i} dari ${n}`,
  kinds: { run: 'simulasi', compare: 'perbandingan', sweep: 'variasi parameter (sweep)', sensitivity: 'analisis sensitivitas' },

  col: {
    date: 'tanggal',
    month: 'bulan',
    kind: 'jenis',
    event: 'peristiwa',
    group: 'kelompok',
    name: 'nama',
    value: 'nilai',
    default: 'bawaan',
    unit: 'satuan',
    source: 'sumber',
    note: 'catatan',
    service: 'layanan',
    replications: 'replikasi',
    mainCause: 'penyebab utama perangkat daerah berhenti',
    heeks: 'Heeks per perangkat daerah: berhasil / gagal sebagian / gagal total / diganti',
    metric: 'ukuran',
    mean: 'rata-rata',
    ci: 'interval kepercayaan 95%',
    range: 'persentil ke-5 s.d. ke-95',
    outcome: 'hasil',
    variant: 'skenario pengandaian',
    n: 'n',
    base: 'nilai dasar',
    variantMean: 'nilai skenario pengandaian',
    difference: 'selisih',
    interval: 'interval',
    relative: 'perubahan relatif',
    correlation: 'korelasi',
    level: 'tingkat kepercayaan',
    parameter: 'parameter',
    point: 'titik',
    muStarConf: 'mu* 95% ±',
    noiseFloor: 'batas derau',
  },
  timelineKinds: { leader: 'kepala daerah', regulation: 'regulasi', budget: 'anggaran', pilot: 'akhir uji coba', contract: 'akhir kontrak' },

  outcome: {
    sustained: 'bertahan',
    declining: 'menurun',
    discontinued: 'dihentikan',
    never_adopted: 'tidak pernah diadopsi',
  },
  cause: {
    defunded: 'tidak didanai (uji coba berakhir atau anggaran tidak diperpanjang)',
    vendor_exit: 'vendor keluar',
    disenchantment: 'kekecewaan',
    hazard: 'ditinggalkan (risiko dasar)',
    leadership: 'pergantian kepala daerah',
    replacement: 'dimigrasikan (ke layanan penerus)',
  },
  category: {
    innovator: 'inovator',
    early_adopter: 'pengadopsi awal',
    early_majority: 'mayoritas awal',
    late_majority: 'mayoritas akhir',
    laggard: 'kelompok lamban',
  },
  stage: { restructuring: 'restrukturisasi', clarifying: 'klarifikasi', routinized: 'rutinisasi' },
  moment: { problematization: 'problematisasi', interessement: 'interesemen', enrolment: 'enrolmen', mobilization: 'mobilisasi' },
  loop: { single: 'pembelajaran satu putaran', double: 'pembelajaran dua putaran', triple: 'pembelajaran tiga putaran' },
  level: { services: 'layanan', 'city vision': 'visi daerah', 'city rules': 'aturan daerah' },
  metric: {
    cumulative_adoption_share: 'layanan yang pernah diadopsi (proporsi pasangan perangkat daerah–layanan yang memenuhi syarat)',
    live_share: 'layanan aktif (proporsi pasangan perangkat daerah–layanan yang memenuhi syarat)',
    routinized_share: 'layanan yang sudah rutin (proporsi pasangan perangkat daerah–layanan yang memenuhi syarat)',
    integrated_share: 'perangkat daerah dengan layanan terintegrasi yang aktif (proporsi seluruh perangkat daerah)',
    failing_share: 'layanan aktif yang bermasalah (proporsi dari yang aktif)',
    mean_usage: 'rata-rata pemakaian (0-1)',
    mean_translation: 'rata-rata translasi T (0-1)',
    vision: 'visi daerah V (0-1)',
    leader_commitment: 'komitmen kepala daerah (0-1)',
    sustained_count: 'layanan bertahan (jumlah)',
    'discontinuations.total': 'penghentian, semua penyebab (per replikasi)',
  },
  // The name sits mid-sentence: a sentence-case name starts in lower case ("peluang uji coba meteran parkir bertahan").
  sustainedOf: (service) => `peluang ${midSentence(service)} bertahan`,
  // "Penghentian karena ditinggalkan" and "karena dimigrasikan" say the exit twice: the cause by what it is, as the English
  // "exits: everyday attrition", "exits: replacement" (outcome-names.ts gives the cause's short head, without its bracket).
  exitsOf: (cause) => `penghentian karena ${EXIT_CAUSE[cause] ?? cause} (per replikasi)`,

  outcomesTitle: 'Hasil per layanan',
  outcomesNote:
    'Per layanan: proporsi replikasi yang berakhir dengan setiap hasil pada akhir periode simulasi (interval Wilson 95%). Penyebab utama perangkat daerah berhenti: dalam setiap replikasi, penyebab yang paling banyak menghentikan pemakaian layanan oleh perangkat daerah (main_cause dalam outcomes.csv); yang ditampilkan adalah penyebab yang menjadi penyebab utama dalam replikasi terbanyak (bukan penyebab yang paling banyak menghentikan pemakaian bila semua replikasi digabung); kolom ini tetap terisi walaupun layanannya sendiri bertahan. Heeks: per perangkat daerah (pemakaian layanan oleh setiap perangkat daerah), digabung dari seluruh replikasi. Setiap persentase dibulatkan sendiri-sendiri, sehingga jumlah satu baris dapat 99% sampai 102%.',
  horizonTitle: 'Ukuran utama tingkat daerah pada akhir periode simulasi',
  horizonNote: (month, date) => `Bulan ke-${month}${/^\d{4}-\d{2}$/.test(date) ? ` (${bulan(date)})` : ''}; proporsi dalam [0; 1]. Interval: interval kepercayaan 95% (t Student) untuk rata-rata, dipotong ke [0; 1]; rentang: persentil ke-5 dan ke-95 dari replikasi.`,
  compareTitle: 'Perbandingan dengan skenario dasar',
  compareNote:
    `Selisih berpasangan (pengandaian − dasar) dari replikasi dengan bilangan acak yang sama. Peluang dan proporsi: selisih dalam poin persentase (pp); jumlah dalam satuannya. * = interval yang ditampilkan tidak memuat 0. Tanda (di ambang batas) sesudahnya: seperti dalam ringkasan, perubahan itu tidak akan jelas bila tingkat kepercayaannya juga disesuaikan untuk semua hasil yang dibandingkan (Bonferroni): pastikan dengan replikasi yang lebih banyak sebelum mengandalkannya. Nilai dasar, nilai skenario pengandaian dan selisih ditulis dengan jumlah desimal yang sama, sebanyak yang sesuai dengan lebar intervalnya (untuk poin persentase biasanya satu); ujung interval yang bukan 0 tetapi akan dibulatkan menjadi 0 diberi desimal tambahan, sehingga tandanya tetap terlihat. Setiap angka dibulatkan sendiri-sendiri, sehingga nilai skenario pengandaian yang tertulis dapat berbeda satu angka terakhir dari nilai dasar ditambah selisih yang tertulis (compare.csv memuat nilai yang belum dibulatkan). n: jumlah replikasi berpasangan. Perubahan relatif: selisih dibagi nilai dasar; tidak ditampilkan (–, dengan alasannya) bila nilai dasar di bawah ${relativeShareThresholdTight()} (proporsi; ${relativeThreshold(true, false).replace('.', ',')} untuk nilai lain antara 0 dan 1, misalnya indeks) atau ${relativeThreshold(false)} (hitungan), atau bila interval nilai dasar memuat 0, karena di situ selisih kecil terbaca sebagai perubahan relatif yang besar (compare.csv menyimpan semua nilainya). Korelasi: antara nilai dasar dan nilai skenario pengandaian dari replikasi berpasangan; bila mendekati 1, bilangan acak yang sama telah menghilangkan sebagian besar derau dari selisih (– bila nilai salah satu skenario tidak pernah berubah). Tingkat kepercayaan: tingkat kepercayaan interval (disesuaikan Bonferroni bila ada beberapa skenario pengandaian, bukan untuk jumlah hasil).`,
  morrisTableTitle: 'Efek elementer Morris',
  morrisNote:
    'Per hasil, parameter diurutkan dari mu* terbesar. mu, mu* dan sigma dinyatakan dalam satuan hasil itu sendiri: untuk proporsi atau peluang, 0,019 berarti 1,9 poin persentase. mu* 95% ±: setengah lebar interval bootstrap 95% untuk mu* (efek elementer disampel ulang). Batas derau: mu* yang dihasilkan derau replikasi saja untuk faktor itu, diukur pada langkahnya sendiri; faktor yang intervalnya tidak berada di atas batas deraunya (di atas 0 bila batas derau tidak ditampilkan) belum dapat dibedakan dari faktor tanpa pengaruh.',
  sobolTableTitle: 'Indeks Sobol',
  sobolNote: 'Indeks orde pertama (S1) dan total (ST) dengan interval bootstrap, menurut ST yang menurun.',
  sobolUndefinedCell: 'tak terdefinisi',
  sobolNoVariance: (outcomes) =>
    `Indeks untuk ${danList(outcomes)} tidak terdefinisi (sel kosong di sobol.csv): nilainya sama di setiap titik desain, sehingga tidak ada variasi yang dapat dibagi di antara faktor (0/0).`,
  sweepTitle: 'Variasi parameter (sweep): rata-rata hasil per titik desain',
  sweepNoteAll: 'Rata-rata dari seluruh replikasi setiap titik.',
  sweepNoteFirst: (shown, all) => `Hanya ${shown} titik pertama dari ${all} yang ditampilkan; semuanya ada di sweep_summary.csv.`,

  sumModelCaveat: (info) =>
    `Angka-angka ini adalah hasil model simulasi, bukan ramalan dan bukan hasil pengukuran atas daerah itu: riwayat simulasi di bawah asumsi skenario dan nilai parameter yang dikalibrasi (tercantum pada bagian ${info ? 'Informasi skenario dan ' : ''}Parameter di bawah, serta dalam docs/ODD.md, bagian 12). Interval hanya mencerminkan keragaman acak antarreplikasi.`,
  // The run changes what it runs, never the file: "proses ini mengubah berkas skenario" read as if the file were rewritten.
  sumWhatIf: (changes) =>
    `Simulasi pengandaian: skenario dijalankan dengan perubahan berikut (berkas aslinya tidak diubah): ${changes}. Semua angka di bawah adalah hasil skenario dengan perubahan itu, bukan hasil berkas sebagaimana tertulis.`,
  sumRunIntro: (services, reps, horizon) =>
    `${services === 1 ? 'Satu' : `Sebanyak ${services}`} layanan disimulasikan dalam ${reps} replikasi hingga ${bulan(horizon)}. Persentase adalah proporsi replikasi; rentang dalam kurung adalah interval kepercayaan 95% (Wilson) untuk proporsi model: interval ini hanya mencerminkan keragaman acak antarreplikasi dan menyempit bila replikasi ditambah.`,
  sumLasting: (list) => `Lebih mungkin bertahan daripada tidak (bertahan dalam lebih dari separuh replikasi, bahkan pada batas bawah intervalnya): ${list}.`,
  sumUnsure: (reps, _services, list) =>
    `Belum dapat dipastikan dengan ${reps} replikasi apakah layanan berikut bertahan (intervalnya memuat 50%; replikasi yang lebih banyak mempersempitnya): ${list}.`,
  sumNotLasting: (list) => `Lebih mungkin tidak bertahan (bertahan dalam kurang dari separuh replikasi, bahkan pada batas atas intervalnya): ${list}.`,
  sumNoneLasting: 'Tidak ada layanan yang bertahan dalam sedikitnya separuh replikasi.',
  sumSustainedMeans: (value, percent, half, unlikely) =>
    `"Bertahan" berarti pada akhir periode simulasi masih aktif di sedikitnya ${half ? 'separuh' : percent} dari jumlah perangkat daerah yang dicapai layanan itu pada puncaknya, batas yang dipilih proyek ini (parameter sustain_fraction = ${value}); ${unlikely ? 'layanan yang lebih mungkin tidak bertahan' : 'layanan yang tidak bertahan'} bisa saja masih berjalan di bawah batas itu (kolom "menurun" pada tabel Hasil per layanan).`,
  sumService: (name, p, lo, hi) => `${name} ${p} (${lo} hingga ${hi})`,
  sumSingle: (list) => `Layanan yang hanya dapat dipakai satu perangkat daerah (hasilnya menunjukkan apakah perangkat daerah itu masih menjalankannya): ${list}.`,
  sumCauses: (total, list) => `Rata-rata terjadi ${total} penghentian penerapan layanan per replikasi; penyebab utamanya: ${list}.`,
  sumCause: (cause, share) => `${cause} ${share}`,
  sumClusters: (list) => `Penghentian paling banyak terjadi pada ${pilotGlossed(list)}.`,
  sumMoreEvents: lainnya,
  // Commas, not parentheses: a service's name may hold its own ("Aplikasi pelaporan warga POT (Pemkot)").
  // Bertepatan dengan: events of the cluster's month; menyusul (following): those of the month before.
  sumCluster: (date, count, events, before = null) =>
    `${bulan(date)}, rata-rata ${count} per replikasi${events === null ? '' : `, bertepatan dengan ${peristiwaKlaster(events)}`}${before === null ? '' : `, ${events === null ? '' : 'dan '}menyusul ${peristiwaKlaster(before)} pada ${bulan(before.date)}`}`,
  sumNoExits: 'Tidak ada layanan yang berhenti dalam replikasi mana pun.',
  sumPerService:
    'Hasil dihitung per layanan (apakah layanan secara keseluruhan bertahan?); kelas Heeks dihitung per perangkat daerah (apakah pemakaian layanan oleh setiap perangkat daerah berhasil?), sehingga keduanya bisa berbeda.',

  sumCompareIntro: (_variants, reps) =>
    `Setiap skenario pengandaian dibandingkan dengan skenario dasar dalam ${reps} replikasi berpasangan (bilangan acak yang sama di setiap skenario). Efek adalah selisih pengandaian − dasar dengan intervalnya; "tidak ada efek yang jelas" berarti intervalnya memuat nol.`,
  sumCompareMany: (outcomes, variants, intervals, level) =>
    `Setiap skenario pengandaian diuji pada ${outcomes} hasil${intervals > outcomes ? ` (${intervals} interval seluruhnya)` : ''}. ${variants > 1 ? `Tingkat kepercayaan ${level} pada interval hanya disesuaikan untuk ${variants} skenario pengandaian (Bonferroni), bukan untuk jumlah hasil,` : `Tingkat kepercayaan ${level} berlaku untuk setiap interval secara terpisah, bukan untuk semua hasil bersama-sama,`} sehingga di antara interval sebanyak ini satu atau dua bisa tidak memuat nol karena kebetulan. Perubahan yang ditandai "di ambang batas" tidak akan jelas bila tingkat kepercayaannya juga disesuaikan untuk semua hasil: pastikan dengan replikasi yang lebih banyak sebelum mengandalkannya.`,
  // Inside the interval's parentheses (sumEffect), not in a second pair after them.
  sumBorderline: 'di ambang batas',
  compareBorderline: '(di ambang batas)',
  relativeNotShown: 'perubahan relatif tidak ditampilkan',
  relativeWhy: (why, threshold) => (why === 'small' ? `nilai dasar di bawah ${threshold}` : 'interval nilai dasar memuat 0'),
  sumEffect: (outcome, direction, amount, lo, hi, level, mark) => `${outcome} ${direction} ${amount} (interval ${level}: ${lo} hingga ${hi}${mark === null ? '' : `; ${mark}`})`,
  sumUp: 'naik',
  sumDown: 'turun',
  sumEffects: (variant, list) => `Skenario pengandaian ${variant} mengubah: ${list}.`,
  sumNoEffect: (variant, count) => `Skenario pengandaian ${variant} tidak menunjukkan efek yang jelas pada ${count} hasil yang dibandingkan.`,
  sumOthers: (count) => `Tidak ada efek yang jelas pada ${count} hasil lainnya.`,
  sumMore: (count) => `dan ${count} hasil lainnya (lihat tabel)`,
  ppUnit: 'pp',
  perReplication: 'per replikasi',

  sumSweepIntro: (reps, points, level, outcomes = 1) =>
    `Untuk setiap hasil, titik desain dengan rata-rata terendah dan tertinggi dibandingkan secara berpasangan dalam ${reps} replikasi yang sama (replikasi ke-r di setiap titik memakai bilangan acak yang sama). Selisihnya adalah tertinggi − terendah dengan interval t berpasangan (untuk proporsi bertahan sebuah layanan, ya atau tidak per replikasi, interval Newcombe untuk proporsi berpasangan, seperti dalam perbandingan)${points > 2 ? `, pada tingkat kepercayaan ${level}, bukan 95%: kedua titik adalah titik ekstrem dari ${points} titik yang dipilih setelah hasil diketahui, sehingga tingkatnya dikoreksi untuk ${(points * (points - 1)) / 2} pasangan yang mungkin terpilih (Bonferroni); tanpa koreksi itu, kebetulan saja sudah membuat titik ekstrem dari banyak titik tampak berbeda` : ' (95%)'}. "Tidak ada perubahan yang terdeteksi" berarti intervalnya memuat 0, dan itu bukan bukti bahwa tidak ada efek.${outcomes > 1 ? ` Setiap hasil (${outcomes} hasil) diuji sendiri-sendiri: tingkatnya ${points > 2 ? 'dikoreksi untuk pasangan titik' : 'adalah tingkat setiap interval'}, bukan untuk jumlah hasil, sehingga di antara sebanyak ini interval satu mungkin tidak memuat nol karena kebetulan.` : ''}`,
  sumSweepChange: (outcome, lo, at, hi, at2, diff, reps, level) =>
    `${outcome} berubah di seluruh desain: dari ${lo} (pada ${at}) menjadi ${hi} (pada ${at2}), selisih berpasangan ${diff.mean} (interval ${level}: ${diff.low} hingga ${diff.high}, ${reps} replikasi).`,
  sumSweepNone: (outcome, lo, at, hi, at2, diff, reps, level) =>
    `${outcome}: tidak ada perubahan yang terdeteksi dengan ${reps} replikasi per titik. Rata-ratanya berkisar dari ${lo} (pada ${at}) hingga ${hi} (pada ${at2}); selisih berpasangannya, ${diff.mean} (interval ${level}: ${diff.low} hingga ${diff.high}), memuat 0.`,
  sumSweepSame: (outcome, mean, reps) => `${outcome}: rata-rata yang sama, ${mean}, di setiap titik desain${reps === null ? '' : ` (${reps} replikasi per titik)`}.`,
  sumSweepTied: (more) => `; dan ${more} titik lain dengan rata-rata yang sama`,
  sumSweepUntested: (outcome, lo, at, hi, at2) =>
    `Rata-rata ${outcome} berkisar dari ${lo} (pada ${at}) hingga ${hi} (pada ${at2}); tanpa sweep.csv (replikasi setiap titik) selisih keduanya tidak diuji.`,
  sumSweepOneReplication: (outcome, lo, at, hi, at2) =>
    `Rata-rata ${outcome} berkisar dari ${lo} (pada ${at}) hingga ${hi} (pada ${at2}); dengan satu replikasi per titik selisih keduanya tidak dapat diuji (diperlukan sedikitnya dua).`,
  sumMorris: (outcome, list, pp) =>
    `Untuk ${outcome}, mu* Morris terbesar${pp ? ' (dalam poin persentase)' : ''}, diurutkan dari yang terbesar: ${list}. Penyaringan Morris mengurutkan faktor, tidak mengujinya: mu* merata-ratakan besarnya efek setiap faktor tanpa tanda, sehingga derau replikasi saja sudah membuatnya di atas 0, dan sebuah faktor tidak terbukti berpengaruh hanya karena interval mu*-nya di atas 0.`,
  // The noise floor is defined once, at the start of the first sentence that tests against it (not in every paragraph).
  sumMorrisFloor: (outcome, list, floor, pp, first) =>
    (first ? 'Batas derau suatu faktor adalah mu* Morris yang muncul dari derau replikasi saja bila faktor itu tidak berpengaruh (diukur pada langkah faktor itu sendiri). ' : '') +
    (list === ''
      ? `Untuk ${outcome}, tidak ada faktor yang interval mu*-nya berada di atas batas deraunya (${floor.low === floor.high ? `batas derau setiap faktor: ${floor.low}${floor.unit}` : `batas derau per faktor: ${floor.low}${floor.unit} sampai ${floor.high}${floor.unit}`}).`
      : `Untuk ${outcome}, faktor yang interval mu*-nya${pp ? ' (dalam poin persentase)' : ''} berada di atas batas deraunya, dari yang terbesar: ${list}.`),
  sumMorrisItem: (factor, mu, floor) => `${factor} (mu* ${mu}${floor === undefined ? '' : `; batas derau ${floor}`})`,
  sumMorrisMore: (n) => `; serta ${n} faktor lain di atas batas deraunya (lihat tabel)`,
  sumMorrisTied: (items) => `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}, setara`,
  sumSobol: (outcome, list, floor) => {
    const above = floor === null ? '0' : `batas derau ${floor} (proporsi variasi yang berasal dari derau replikasi)`;
    return list === ''
      ? `Untuk ${outcome}, tidak ada faktor dengan indeks total minimal 0.05 yang intervalnya berada di atas ${above}.`
      : `Untuk ${outcome}, faktor dengan indeks total minimal 0.05 yang intervalnya berada di atas ${above} adalah, dari yang terbesar: ${list}.`;
  },
  sumSobolItem: (factor, st) => `${factor} (indeks total ${st})`,
  sumSobolNoVariance: (outcome) =>
    `Untuk ${outcome}, indeks Sobol tidak terdefinisi: nilainya sama di setiap titik desain, sehingga tidak ada variasi yang dapat dibagi di antara faktor, dan tidak ada faktor yang dapat disebut berpengaruh atau tidak.`,
  sumSobolOneReplication: (outcome) =>
    `Untuk ${outcome}, tidak ada faktor yang disebut: dengan satu replikasi per titik desain, proporsi variasi yang berasal dari derau replikasi (batas derau) tidak dapat diperkirakan, sehingga tidak ada indeks total yang dapat dibedakan dari derau. Jalankan dua replikasi atau lebih.`,

  glossaryTerms: {
    sustained: ['bertahan', 'Pada akhir periode simulasi layanan masih aktif di sedikitnya satu perangkat daerah dan di sedikitnya proporsi sustain_fraction dari jumlah perangkat daerah pada puncaknya (bawaan separuh), dan puncaknya mencapai min_peak perangkat daerah (bawaan 3; atau semua perangkat daerah yang memenuhi syarat bila lebih sedikit).'],
    declining: ['menurun', 'Masih aktif pada akhir periode simulasi (dan tidak ditarik), tetapi tidak bertahan: aktif di kurang dari proporsi sustain_fraction dari perangkat daerah yang dicapai pada puncaknya (bawaan separuh), atau puncaknya tidak pernah mencapai min_peak perangkat daerah (bawaan 3; atau semua perangkat daerah yang memenuhi syarat bila lebih sedikit).'],
    discontinued: ['dihentikan', 'Layanan pernah dipakai tetapi tidak ada lagi pemakainya pada akhir periode simulasi (atau ditarik).'],
    never_adopted: ['tidak pernah diadopsi', 'Tidak ada perangkat daerah yang mengadopsi layanan sebelum akhir periode simulasi.'],
    replication: ['replikasi', 'Satu riwayat simulasi pemerintah daerah, dengan bilangan acaknya sendiri; laporan ini merangkum banyak replikasi, sehingga persentase adalah proporsi replikasi.'],
    interval: ['interval kepercayaan 95%', 'Rentang tempat rata-rata model dari sangat banyak replikasi (dengan skenario dan parameter yang sama) berada, dengan tingkat kepercayaan 95%; untuk proporsi replikasi dipakai interval Wilson. Interval ini hanya mengukur keragaman acak antarreplikasi, bukan ketidakpastian parameter yang dikalibrasi atau diasumsikan maupun ketidakpastian model itu sendiri, dan bukan nilai sesungguhnya di daerah itu. Rentang ini menyempit bila replikasi ditambah.'],
    pp: ['poin persentase (pp)', 'Selisih antara dua persentase: dari 20% menjadi 30% adalah +10 pp (perubahan relatif +50%).'],
    perService: ['per layanan / per perangkat daerah', 'Hasil menggambarkan layanan secara keseluruhan; kelas Heeks, adopsi dan jumlah pemakai menggambarkan pemakaian layanan oleh setiap perangkat daerah (pasangan perangkat daerah–layanan, sebuah "penerapan layanan").'],
    heeks: ['Heeks: berhasil / gagal sebagian / gagal total', 'Kelas proyek e-government menurut Heeks (2003), diterapkan pada setiap penerapan layanan (satu layanan di satu perangkat daerah): berhasil = aktif, sudah rutin dan banyak dipakai; gagal sebagian = aktif tetapi tidak demikian; gagal total = berhenti karena alasan selain migrasi ke layanan penerus; diganti = dimigrasikan ke layanan penerus.'],
    callon: ['momen Callon', 'Tahap pelibatan aktor menurut Callon (1986): problematisasi (layanan diluncurkan), interesemen (perangkat daerah mengetahuinya), enrolmen (layanan aktif di perangkat daerah), mobilisasi (perangkat daerah sudah menjadikannya rutin).'],
    categories: ['kategori pengadopsi', 'Rogers (2003): inovator, pengadopsi awal, mayoritas awal, mayoritas akhir dan kelompok lamban, menurut seberapa awal sebuah perangkat daerah mengadopsi (dengan batas pada rata-rata − 2 SB, rata-rata − 1 SB, rata-rata, dan rata-rata + 1 SB; SB = simpangan baku).'],
    causes: ['penyebab penghentian', 'tidak didanai: uji coba (pilot) berakhir atau anggaran tidak diperpanjang; vendor keluar: vendor mundur; kekecewaan: layanan bermasalah terlalu lama (setahun atau lebih); ditinggalkan (risiko dasar, hazard): layanan ditinggalkan tanpa sebab khusus, menurut risiko bulanan yang selalu ada; pergantian kepala daerah: kehilangan dukungan kepala daerah; dimigrasikan: pemakaian dipindahkan ke layanan penerus yang menggantikannya.'],
    stages: ['tahap implementasi', 'Tahap organisasi menurut Rogers: restrukturisasi (layanan dan perangkat daerah saling menyesuaikan), klarifikasi (maknanya menjadi jelas), rutinisasi (menjadi bagian pekerjaan sehari-hari).'],
    crn: ['bilangan acak bersama', 'Setiap skenario dalam perbandingan memakai undian acak yang sama, sehingga selisih berasal dari perubahan, bukan dari kebetulan; interval berpasangan pun jauh lebih sempit.'],
    morris: ['penyaringan Morris (mu*, sigma)', 'mu*: rata-rata efek mutlak bila sebuah faktor digeser sepanjang rentangnya (tingkat pengaruh); sigma: seberapa beragam efek itu (interaksi atau ketidaklinearan).'],
    instance: ['penerapan layanan', 'Pemakaian satu layanan oleh satu perangkat daerah (pasangan perangkat daerah–layanan): diadopsi, aktif, dan mungkin dihentikan.'],
    failing: ['bermasalah', 'Penerapan layanan yang aktif dengan pemakaian di bawah batas pemakaian bermasalah (u_fail); bila bermasalah selama setahun atau lebih, penerapan itu berhenti karena kekecewaan.'],
    translation: ['skor translasi (T)', 'Proporsi (berbobot) aktor yang dibutuhkan suatu layanan dan sudah terlibat di dalamnya: pemilik, anggaran, platform, regulasi, penggerak (champion), kepala daerah, pemakai; 0 sampai 1.'],
    usage: ['pemakaian', 'Seberapa banyak suatu perangkat daerah memakai layanan yang aktif padanya, 0 sampai 1: mengikuti apa yang diberikan layanan itu (atributnya, integrasi dan pendanaannya) ditambah upaya perangkat daerah. Di bawah batas bermasalah (u_fail) penerapan itu bermasalah.'],
    vision: ['visi daerah (V)', 'Visi kota/kabupaten cerdas pemerintah daerah, 0 sampai 1: melemah pada setiap pergantian kepala daerah, sedikit saja bila dijaga oleh perangkat daerah koordinator.'],
    commitment: ['komitmen kepala daerah', 'Seberapa kuat kepala daerah yang menjabat mendukung layanan kota/kabupaten cerdas, 0 sampai 1 (0 selama jabatan kosong).'],
    learning: [
      'putaran pembelajaran',
      'Pembelajaran satu putaran: perangkat daerah menyesuaikan upayanya bila pemakaian tidak mencapai target; dua putaran: perangkat daerah mengubah tata kelola layanan, yaitu kepemilikan, integrasi, penemuan ulang (reinvensi) atau migrasi ke layanan penerus; tiga putaran: pemerintah daerah mengubah aturannya (regulasi, koordinator, larangan aplikasi mandiri).',
    ],
    detail: [
      'replikasi rinci',
      // Plural made explicit ("sejumlah", "replikasi-replikasi"): "untuk replikasi pertama" read as the first replication only.
      'Catatan per perangkat daerah (adopsi setiap perangkat daerah dan setiap peristiwa) hanya disimpan untuk sejumlah replikasi pertama, yaitu replikasi-replikasi rinci yang jumlahnya tercantum di atas. Grafik Rogers dan kurva Kaplan-Meier pada grafik kelangsungan digambar dari replikasi-replikasi itu; angka lain memakai semua replikasi.',
    ],
    noise: [
      'derau replikasi (±)',
      'Pada peta panas variasi parameter: rata-rata, dari seluruh titik desain, setengah lebar interval 95% setiap titik (sweep_summary.csv), yaitu seberapa jauh warna sebuah sel bisa bergeser karena kebetulan saja. Ringkasan tidak membandingkan titik dengan derau ini: ringkasan membandingkan dua titik secara berpasangan dari replikasi yang sama, sehingga selisih yang lebih kecil pun terlihat.',
    ],
    hash: [
      'hash skenario yang dijalankan',
      'sha256 dari skenario persis seperti yang dijalankan (manifest.json, scenario.hash): isi berkas setelah nilai diubah dengan --set atau oleh eksperimen, termasuk seed dan jumlah replikasi, sehingga berkas yang sama yang dijalankan dengan -r lain memiliki hash lain. difusi validate mencetak 12 karakter pertama dari hash yang sama untuk berkas sebagaimana tertulis (dengan seed dan jumlah replikasinya sendiri, serta --set yang diberikan kepada validate); keduanya sama hanya bila proses tidak mengubah satu pun dari hal itu.',
    ],
    sobol: ['indeks Sobol (S1, ST)', 'Proporsi variasi hasil yang disebabkan sebuah faktor sendiri (S1) atau bersama semua interaksinya (ST).'],
  },

  axisDateShort: 'tanggal (bulan, TTTT-BB)',
  axisDateLong: 'tahun (tanda pada setiap Januari)',
  axisMonth: 'bulan sejak awal',
  rulesLegend: 'Garis tegak: pergantian kepala daerah (penuh), regulasi (putus-putus), akhir uji coba (pilot) dan kontrak vendor (titik-garis), guncangan anggaran (titik-titik, jendela diarsir).',
  overReps: (n) => ` dari ${n} replikasi`,
  // The bands' interval is said once, by bandIsT, on the line after this one.
  lineMean: (reps) => `Garis: rata-rata${reps}.`,
  serviceLegend: 'layanan',

  adoptionName: 'Kurva S adopsi',
  adoptionCaption: 'Per layanan: perangkat daerah yang pernah mengadopsinya dan perangkat daerah tempat layanan itu aktif, rata-rata dengan pita kepercayaan 95%, di bawah linimasa skenario.',
  adoptionTitle: 'Adopsi setiap layanan',
  axisCumulative: ['perangkat daerah yang pernah mengadopsi', '(proporsi perangkat daerah yang memenuhi syarat)'],
  axisLive: ['perangkat daerah dengan layanan aktif', '(jumlah)'],
  axisCumulativeAll: ['pernah diadopsi, semua layanan', '(proporsi pasangan perangkat daerah–layanan)'],
  axisLiveAll: ['layanan aktif, semua layanan', '(pasangan perangkat daerah–layanan)'],
  axisSingle: ['layanan untuk satu perangkat daerah:', 'proporsi replikasi saat aktif'],
  singleTitle: 'Layanan untuk satu perangkat daerah: aktif atau tidak (proporsi replikasi saat layanan aktif)',

  rogersName: 'Kategori pengadopsi Rogers',
  rogersCaption: 'Bulan adopsi pertama menurut kategori aktual, beserta proporsi tiap kategori menurut ambang dan menurut kejadian aktual.',
  rogersTitle: 'Kategori pengadopsi Rogers',
  rogersBoundary: { 'mean − 2 sd': 'rata-rata − 2 SB', 'mean − sd': 'rata-rata − 1 SB', mean: 'rata-rata', 'mean + sd': 'rata-rata + 1 SB' },
  rogersSub2: 'Kanan: proporsi menurut ambang (abu-abu) dan menurut bulan yang terjadi (gelap); tanda jingga kemerahan: luas kurva normal di antara batas rata-rata ± SB Rogers, 2,3 / 13,6 / 34,1 / 34,1 / 15,9% (Rogers membulatkannya menjadi 2,5 / 13,5 / 34 / 34 / 16%).',
  rogersHist: 'Bulan adopsi pertama',
  rogersNoAdopter: 'tidak ada pengadopsi',
  rogersShares: 'Proporsi per kategori',
  rogersSharesSub: (opds, reps, never) => `Dari ${opds} perangkat daerah × ${reps} replikasi, ${never} tidak pernah mengadopsi`,
  axisFirstAdoption: 'adopsi pertama (tanggal)',
  realizedCategory: 'kategori aktual',
  classification: 'klasifikasi',

  survivalName: 'Kelangsungan layanan',
  survivalCaption: 'Penghentian per bulan menurut penyebab di bawah linimasa; kelangsungan Kaplan-Meier per layanan.',
  survivalTitle: 'Kelangsungan layanan',
  survivalSub1: (cap, reps) =>
    `Atas: penerapan layanan yang berhenti per bulan menurut penyebab (rata-rata${reps === '' ? ' per replikasi' : reps}) dengan linimasa skenario${cap === null ? '' : `; sumbu dipotong pada ${String(cap).replace('.', ',')}; batang yang melewatinya digambar sampai ke atas dan dibagi menurut penyebabnya secara proporsional, dengan totalnya (↑) di sampingnya dan rata-rata setiap penyebab di atas panel`}.`,
  axisExits: ['penghentian per bulan', '(pasangan perangkat daerah–layanan)'],
  causeLegend: 'penyebab penghentian',
  axisSinceAdoption: 'bulan sejak adopsi',
  axisSurvival: 'peluang masih aktif',

  stagesName: 'Tahap organisasi',
  stagesCaption: 'Penerapan layanan yang aktif menurut tahap implementasi, ditumpuk.',
  stagesTitle: 'Tahap implementasi organisasi',
  stagesSub: (reps) => `Pasangan perangkat daerah–layanan yang aktif menurut tahap, ditumpuk (rata-rata${reps}); rutinisasi di bawah.`,
  axisStages: ['layanan aktif', '(pasangan perangkat daerah–layanan)'],
  stageLegend: 'tahap',

  callonName: 'Momen Callon',
  callonCaption: 'Problematisasi, interesemen, enrolmen dan mobilisasi per layanan.',
  callonTitle: 'Momen translasi Callon per layanan',
  callonSub1: 'problematisasi = diluncurkan (proporsi replikasi); interesemen = mengetahui, enrolmen = aktif,',
  callonSub2: (reps) => `mobilisasi = perangkat daerah yang sudah rutin (proporsi perangkat daerah yang memenuhi syarat); rata-rata${reps === '' ? ' dari seluruh replikasi' : reps}.`,
  momentLegend: 'momen Callon',
  axisShare: 'proporsi',
  axisInstances: 'perangkat daerah',
  singleAgency: (name) => `${name}: satu perangkat daerah, proporsi replikasi`,

  learningName: 'Putaran pembelajaran',
  learningCaption: 'Peristiwa pembelajaran per bulan menurut putaran, dengan visi daerah dan komitmen kepala daerah.',
  learningTitle: 'Putaran pembelajaran, visi daerah dan komitmen kepala daerah',
  learningSub1: (reps) => `Peristiwa pembelajaran per bulan menurut putaran (rata-rata${reps}; setiap putaran dengan skalanya sendiri), menurut tingkat tempat terjadinya.`,
  learningSub2: 'Bawah: visi daerah V dan komitmen kepala daerah, rata-rata dengan pitanya.',
  axisLoop: (loop) => [loop, '(peristiwa per bulan)'],
  axisCity: ['visi, komitmen kepala daerah', '(0-1)'],
  levelLegend: 'tingkat',
  // The legend's group holds the vision and the leaders' commitment ("daerah" alone read oddly beside "tingkat").
  cityLegend: 'visi dan komitmen',

  forestName: 'Selisih berpasangan',
  forestCaption: 'Setiap skenario pengandaian dikurangi skenario dasar, berpasangan per replikasi (bilangan acak bersama), dengan interval; peluang dan proporsi dalam poin persentase.',
  forestTitle: 'Efek setiap skenario pengandaian (pengandaian − dasar)',
  forestSub: (reps) => `Titik: rata-rata selisih berpasangan${reps}; garis: intervalnya; * interval tidak memuat 0. Kanan: selisih [interval] dan perubahan relatif.`,
  forestAxis: (outcome, unit, level) => `${outcome}: pengandaian − dasar (${unit === null ? '' : `${unit}, `}interval ${level})`,

  armsName: 'Perbandingan skenario per layanan',
  armsCaption: 'Kurva rata-rata setiap skenario dengan pita kepercayaan 95%, per layanan dan tingkat daerah; peristiwa milik setiap skenario pada linimasa.',
  armsTitle: 'Perbandingan skenario, per layanan',
  armsSub: (reps) => `Setiap skenario: rata-rata${reps === '' ? ' dari seluruh replikasi' : reps} (bilangan acak bersama) dengan pitanya. Peristiwa yang hanya ada di sebagian skenario diberi warna dan nama skenarionya.`,
  armLegend: 'skenario',
  onlyIn: (arms) => `hanya ${arms}`,

  sweepLineName: 'Variasi parameter (sweep)',
  sweepLineCaption: 'Setiap hasil terhadap faktor yang divariasikan: rata-rata dengan pita kepercayaan 95%.',
  sweepLineTitle: (factor) => `Hasil menurut ${factor}`,
  sweepLineSub: 'Garis: rata-rata dari seluruh replikasi setiap titik desain.',
  sumSweepUnbounded: (outcome, lo, at, hi, at2, diff, reps, level, bound, share) =>
    `${outcome}: belum dapat dipastikan dengan ${reps} replikasi per titik. Rata-ratanya berkisar dari ${lo} (pada ${at}) hingga ${hi} (pada ${at2}), selisih berpasangan ${diff}; interval ${level}-nya melampaui ${bound} (selisih terbesar yang ${share ? 'mungkin bagi sebuah proporsi' : 'mungkin bagi hasil ini, dari 0 sampai nilai terbesar dari replikasi mana pun'}), sehingga interval itu tidak membatasi apa pun: replikasinya terlalu sedikit (sweep_summary.csv menyimpan interval yang tidak dipotong). Replikasi yang lebih banyak mempersempitnya.`,
  descriptionReplications: (reps, quoted) => `Proses ini: ${reps} replikasi per titik (deskripsi menyebut ${quoted}).`,
  sensitivityTableTitle: 'Analisis sensitivitas: rata-rata hasil per titik desain',
  heatmapNoiseUnbounded: 'tidak terbatas: replikasi terlalu sedikit',
  heatmapScale: (lo, hi, why) =>
    `warna ${lo} hingga ${hi} (${why === 'share' ? 'seluruh rentang proporsi' : why === 'noise' ? 'rentang sel diperlebar sebesar derau replikasi' : why === 'count' ? 'dari 0: derau tidak dapat dibatasi' : 'rentang sel'})`,
  morrisFloor: (floor) => `tanda titik-titik pada setiap garis: batas derau faktor itu (${floor})`,
  morrisAxis: (name, pp) => (pp ? `${name} (poin persentase)` : name),
  morrisSubFloor: 'Tanda titik-titik pada sebuah garis: batas derau faktor itu, yaitu mu* yang muncul dari derau replikasi saja bagi faktor yang tidak berpengaruh (ringkasan mengujinya terhadap batas ini). Faktor dengan sigma yang hampir sama digeser beberapa piksel.',
  heatmapName: 'Peta panas variasi parameter',
  heatmapCaption: 'Rata-rata hasil menurut dua faktor; skala warna dan rentangnya ada di judul panel.',
  heatmapTitle: 'Variasi parameter: hasil menurut dua faktor',
  heatmapSub: (others) => `Sel: rata-rata setiap hasil dari seluruh replikasi${others === '' ? '' : ` dan dari seluruh ${others}`}.`,
  heatmapRange: (lo, hi, spread, noise, scale = '') => `sel ${lo} hingga ${hi}: sebaran ${spread}${noise === null ? '' : ` (derau replikasi ${noise})`}${scale === '' ? '' : `; ${scale}`}`,

  morrisName: 'Penyaringan Morris',
  morrisCaption: 'mu* (tingkat pengaruh, dengan interval bootstrap 95%) terhadap sigma per faktor.',
  morrisTitle: 'Penyaringan Morris: pengaruh dan interaksi',
  morrisSub: 'mu*: rata-rata efek elementer mutlak (garis mendatar: interval bootstrap 95%); sigma: simpangan bakunya. Putus-putus: sigma = mu*.',
  morrisUnlabelled: (list) => `tanpa label (terlalu rapat): ${list}`,
  sobolName: 'Indeks Sobol',
  sobolCaption: 'Indeks orde pertama dan total dengan interval.',
  sobolTitle: 'Indeks sensitivitas Sobol',
  sobolSub: 'S1: proporsi variasi dari faktor itu sendiri; ST: bersama semua interaksinya. Garis: interval bootstrap.',
  // The outcome's name may end in its own parentheses: the unit after a comma, not in a second pair.
  sobolAxis: (outcome) => `Indeks Sobol untuk ${outcome}, dalam proporsi variasi`,
  sobolNotDrawn: (outcomes) => `Tidak digambar: ${danList(outcomes)}, yang nilainya sama di setiap titik desain, sehingga indeksnya tidak terdefinisi.`,
  indexLegend: 'indeks',

  // Grafik (repcharts): kelangsungan Kaplan-Meier per layanan, dengan dasar setiap kurva.
  kmSub: (min) => [
    'Bawah: kelangsungan Kaplan-Meier penerapan layanan (satu sel per layanan), tersensor kanan pada akhir periode simulasi; pita: interval 95% per titik (log-log, Greenwood).',
    `Layanan dengan kurang dari ${min} penerapan (masa pakai perangkat daerah) tidak digambar kurvanya: tabel hasil (semua replikasi) memberikan proporsinya.`,
  ],
  kmTitleN: (reps) => `Kelangsungan Kaplan-Meier penerapan layanan (${reps} replikasi rinci)`,
  // Without the replications (the chart's title gives them): the longer Indonesian line was cut mid-word in a panel.
  kmCellNote: (instances, ended, _replications) => `n = ${instances.toLocaleString('id-ID')} penerapan, ${ended.toLocaleString('id-ID')} berhenti`,
  kmTooFew: (min) => `kurang dari ${min} penerapan: tanpa kurva`,
  eventWindow: (from, to) => `${bulan(from)} s.d. ${bulan(to)}`,
  // Grafik Rogers: rata-rata per replikasi dan kategori dari agents.csv.
  rogersSub1PerRep:
    'Kiri: adopsi pertama per kelas, rata-rata per replikasi rinci, diwarnai menurut kategori aktual setiap perangkat daerah seperti di agents.csv (digolongkan di dalam replikasinya). Putus-putus: kurva normal dari rata-rata dan simpangan baku bulan gabungan, dengan batas-batasnya.',
  rogersHistSubPooled: (n, reps, mean, sd, bin) =>
    `Sebanyak ${n.toLocaleString('id-ID')} adopsi pertama digabung dari ${reps} replikasi; rata-rata gabungan ${mean} bulan; simpangan baku ${sd} bulan; lebar kelas ${bin} bulan`,
  axisAdoptersPerRep: ['adopsi pertama per kelas', '(rata-rata per replikasi)'],
  axisShareOfWhat: 'proporsi (ambang: dari perangkat daerah; aktual: dari pengadopsi)',
  sourceThresholdOf: 'ambang (theta), proporsi perangkat daerah',
  sourceRealizedOf: 'aktual (agents.csv), proporsi pengadopsi',
  // Interval yang digambar sebagai pita (tabel laporan memakai interval Wilson untuk proporsi replikasi).
  bandIsT: (single) =>
    `Pita: interval kepercayaan 95% (t Student) untuk rata-rata.${single ? ' Untuk layanan yang hanya terbuka bagi satu perangkat daerah, tabel laporan memberikan proporsi replikasi dengan interval Wilson, yang sedikit berbeda dari pita ini.' : ''}`,
  // Satu replikasi: tidak ada interval, jadi tidak ada pita yang digambar.
  noBandOne: 'Satu replikasi: tanpa pita (interval memerlukan sedikitnya dua replikasi).',
  overRepsEach: (list) => ` dari replikasi setiap skenario (${list})`,
  bandClipped: 'Pita dipotong pada nilai yang mungkin: 0 sampai 1 untuk proporsi, 0 sampai jumlah perangkat daerah yang memenuhi syarat untuk hitungan.',
  bandClippedAtZero: 'Pita dipotong pada nilai yang mungkin: 0 sampai 1 untuk proporsi, tidak kurang dari 0 untuk hitungan (jumlah perangkat daerah yang memenuhi syarat tidak diketahui).',
  // The month named (Maret 2019), and the causes separated by semicolons: a decimal comma must not run into a list comma.
  survivalCutBar: (when, total, causes) => `Batang terpotong pada ${bulan(when)}: seluruhnya ${total} penghentian per bulan (${causes.join('; ')}).`,
  armsWindowSub: 'Jendela anggaran yang hanya ada di sebagian skenario diarsir dengan warna skenario pertamanya, dengan garis putus-putus berwarna sama pada akhirnya.',
};
