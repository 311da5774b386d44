/**
 * `--help` in Bahasa Indonesia (`difusi --help --lang id`, `difusi <command>
 * --help --lang id`): every command's and option's description, and the
 * words yargs adds to a help text ("Commands:", "[boolean]", "[default:
 * ...]", "Show help"). Loaded by cli/program.ts only when the command line
 * has --lang id (cli/errors.ts commandLang), so an English command line
 * loads none of it and prints its help as before.
 *
 * Keyed by command and option name; tests/cli/help-id.test.ts checks that
 * every command and every option of every command has its text here (an
 * option added without one fails there) and that none is left over. Words
 * as docs/GLOSSARY.id.md and the Indonesian reports have them (skenario,
 * replikasi, benih acak (seed), perangkat daerah, pemerintah daerah, bagian
 * (shard), menggabungkan (merge), laporan, grafik, isian). What is typed
 * stays as typed: option and command names, field names, file names,
 * values (`--set parameters.takeover_vendor=0.9`, `en`, `id`) and the
 * positional names yargs shows in the usage line (`<scenario>`), which are
 * the command's own syntax.
 */
import type { Argv, CommandModule } from 'yargs';

/** The top of `difusi --help` (program.ts's usage in English). */
export const USAGE_ID = '$0 <perintah> [opsi]\n\nSimulasi berbasis agen tentang difusi inovasi e-government.';

/** The global --quiet of every command that has no --quiet of its own (program.ts). */
export const QUIET_ID = 'tanpa keterangan kemajuan di stderr';

/**
 * yargs's own words in a help text, under a locale of difusi's own
 * (HELP_LOCALE), which has no other entry: yargs's messages about a command
 * line (usage-message.ts reads them) stay English, as program.ts pins them.
 */
export const YARGS_WORDS_ID: Readonly<Record<string, string>> = {
  'Commands:': 'Perintah:',
  'Options:': 'Opsi:',
  'Positionals:': 'Argumen:',
  'Examples:': 'Contoh:',
  boolean: 'ya/tidak',
  string: 'teks',
  number: 'angka',
  array: 'daftar',
  count: 'jumlah',
  required: 'wajib',
  default: 'bawaan',
  'default:': 'bawaan:',
  'choices:': 'pilihan:',
  'aliases:': 'alias:',
  deprecated: 'usang',
  'deprecated: %s': 'usang: %s',
  'Show help': 'Tampilkan bantuan',
  'Show version number': 'Tampilkan nomor versi',
};

/** A locale no yargs file has: only YARGS_WORDS_ID in it, every other message in yargs's English. */
export const HELP_LOCALE = 'difusi-id';

/** One command's texts: its description and each of its options' (positionals included; --help and --version are yargs's words). */
export interface CommandHelpId {
  readonly describe: string;
  readonly options: Readonly<Record<string, string>>;
}

// Texts several commands share (cli/options.ts commonRunOptions, shardOptions; precision-options.ts).
const REPLICATIONS = 'jumlah replikasi (menggantikan nilai dalam skenario)';
const SEED = 'benih acak (seed) induk (menggantikan nilai dalam skenario)';
const OUT_RUN = 'folder induk keluaran: hasil ditulis ke <out>/<nama skenario>/<kunci simulasi>/';
const OUT_EXPERIMENT = 'folder induk keluaran: hasil ditulis ke <out>/<nama eksperimen>/<kunci simulasi>/';
const WORKERS = 'jumlah thread yang menghitung replikasi, termasuk thread utama (bawaan: semua inti prosesor); hasilnya sama berapa pun jumlahnya';
const SET = 'mengubah nilai sebuah isian skenario: --set parameters.takeover_vendor=0.9';
const QUIET_BAR = 'tanpa bilah kemajuan';
const CHARTS = 'menulis grafik, report.html dan report.md (--no-charts untuk melewatinya)';
const PNG =
  'menggambar setiap grafik sebagai PNG di samping SVG-nya (--no-png: grafik SVG saja, yang kemudian ditampilkan report.md; menggambar PNG memakan sebagian besar waktu laporan sebuah simulasi kecil)';
const LANG_TABLE = 'bahasa laporan dan tabel di terminal: en (bahasa Inggris) atau id (bahasa Indonesia)';
const LANG_REPORT = 'bahasa laporan: en (bahasa Inggris) atau id (bahasa Indonesia)';
const SHARD_COUNT = 'n, dengan i dari SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX atau AWS_BATCH_JOB_ARRAY_INDEX';
const RESUME = 'melanjutkan simulasi yang terhenti dari apa yang sudah ditulisnya';
const PRECISION = 'menambah replikasi sampai setengah lebar interval kepercayaan 95% hasil yang diamati, relatif terhadap rata-ratanya, paling besar X (sedikitnya 10 replikasi)';
const PRECISION_OUTCOME = 'hasil yang diamati --precision (pada akhir periode simulasi): live_share, routinized_share, sustained.<innovation>, ...';
const MAX_REPLICATIONS = 'jumlah replikasi terbanyak yang boleh dijalankan --precision';
const MERGE_EXPERIMENT = 'menggabungkan bagian (shard) eksperimen ini yang sudah selesai (di bawah --out) menjadi folder hasilnya';
const OUTCOMES_RECORD = 'hasil yang dicatat (bawaan: hasil dalam berkas eksperimen)';
const EXPERIMENT = 'berkas eksperimen dengan desain (experiments/*.yaml)';
const SHARD_DESIGN = 'hanya menjalankan titik desain dengan indeks % n == i: --shard i/n';
const NATIONAL_LANG =
  'bahasa laporan dan ringkasan di terminal: en (report.md, report.html) atau id (bahasa Indonesia: report.id.md, report.id.html, dengan grafiknya di charts.id/)';
const SHARD_FOLDERS = 'folder bagian (shard)';
const NATIONAL_FILE = 'berkas skenario nasional (.yaml atau .json)';

/** The options sweep and sensitivity share (cli/sweep.ts). */
const SWEEP_OPTIONS = {
  experiment: EXPERIMENT,
  quiet: QUIET_BAR,
  replications: REPLICATIONS,
  seed: SEED,
  out: OUT_EXPERIMENT,
  workers: WORKERS,
  set: SET,
  charts: CHARTS,
  png: PNG,
  lang: LANG_TABLE,
  shard: SHARD_DESIGN,
  'shard-count': SHARD_COUNT,
  resume: RESUME,
  merge: MERGE_EXPERIMENT,
  outcomes: OUTCOMES_RECORD,
};

/** Every command (program.ts COMMANDS), by name. */
export const COMMANDS_ID: Readonly<Record<string, CommandHelpId>> = {
  run: {
    describe: 'Menjalankan replikasi sebuah skenario dan menulis folder hasilnya',
    options: {
      scenario: 'berkas skenario (.yaml, .yml atau .json)',
      quiet: QUIET_BAR,
      replications: REPLICATIONS,
      seed: SEED,
      out: OUT_RUN,
      workers: WORKERS,
      set: SET,
      charts: CHARTS,
      png: PNG,
      lang: LANG_TABLE,
      shard: 'hanya menjalankan replikasi dengan indeks % n == i: --shard i/n',
      'shard-count': SHARD_COUNT,
      resume: RESUME,
      detail: 'jumlah replikasi yang mencatat agents.csv dan events.csv (bawaan 10)',
      precision: PRECISION,
      'precision-outcome': PRECISION_OUTCOME,
      'max-replications': MAX_REPLICATIONS,
    },
  },
  validate: {
    describe: 'Memeriksa sebuah berkas skenario; mencetak ringkasan satu baris atau kesalahannya',
    options: {
      file: 'berkas skenario',
      seed: SEED,
      set: 'mengubah nilai sebuah isian skenario, seperti pada difusi run dan difusi national: --set parameters.takeover_vendor=0.9',
      lang: 'bahasa ringkasan (baris ✓), pesan kesalahan (baris ✗) dan peringatan (baris ⚠): en (bahasa Inggris) atau id (bahasa Indonesia)',
    },
  },
  schema: {
    describe: 'Mencetak JSON Schema berkas skenario',
    options: {
      national: 'JSON Schema skenario nasional (docs/NATIONAL.md)',
    },
  },
  merge: {
    describe: 'Menggabungkan folder bagian (shard) yang ditulis run, sweep atau sensitivity dengan --shard i/n menjadi folder hasil, sama dengan yang ditulis oleh satu mesin',
    options: {
      dirs: SHARD_FOLDERS,
      out: 'folder induk keluaran, seperti pada run',
      charts: CHARTS,
      png: PNG,
      lang: LANG_REPORT,
    },
  },
  patterns: {
    describe:
      'Mengukur pola P1-P13 kasus Bekasi beserta kontrol negatifnya pada skenario bawaan (dan pada nilai parameter bawaan paket), serta P14 pada skenario nasional dengan kedua kontrolnya; menulis docs/VALIDATION.md',
    options: {
      replications: 'jumlah replikasi per skenario kasus',
      'bass-replications': 'jumlah replikasi pemeriksaan Bass dengan 2.000 perangkat daerah',
      out: 'tempat laporan ditulis',
      workers: 'jumlah thread yang menghitung replikasi, termasuk thread utama (bawaan: semua inti prosesor)',
      check: 'hanya pemeriksaan dengan id ini, dipisahkan koma (misalnya P4a,P8); laporannya lalu hanya memuat pemeriksaan itu',
      'shipped-only': 'melewati pengukuran pada nilai parameter bawaan paket',
      'national-replications':
        'jumlah replikasi skenario nasional untuk P14 dan untuk setiap kontrolnya (0 melewatinya; masing-masing memakan beberapa detik; interval berpasangan kontrol sebaran memerlukan sedikitnya 2)',
    },
  },
  report: {
    describe: 'Menulis grafik (SVG, PNG), report.html dan report.md untuk sebuah folder hasil',
    options: {
      folder: 'folder yang ditulis oleh run, compare, sweep, sensitivity, national atau national-compare',
      png: 'juga menggambar PNG (aktif secara bawaan; --no-png untuk melewatinya; folder nasional hanya memiliki grafik SVG)',
      lang: 'bahasa laporan: en (bahasa Inggris) atau id (bahasa Indonesia: report.id.md, report.id.html); hanya berkas bahasa itu yang ditulis ulang, laporan bahasa lain di folder dibiarkan, sehingga folder dapat memuat laporan kedua bahasa (report.md dan report.id.md)',
    },
  },
  compare: {
    describe: 'Membandingkan skenario dasar dengan skenario pengandaian (berkas eksperimen, atau berkas skenario), berpasangan per replikasi',
    options: {
      files: 'berkas eksperimen (experiments/*.yaml), atau berkas skenario dasar diikuti berkas skenario pengandaian',
      quiet: QUIET_BAR,
      replications: REPLICATIONS,
      seed: SEED,
      out: 'folder induk keluaran: hasil ditulis ke <out>/<nama eksperimen>/<kunci simulasi>/ (berkas skenario: <nama skenario dasar>-compare)',
      workers: WORKERS,
      set: SET,
      charts: CHARTS,
      png: PNG,
      lang: LANG_TABLE,
      shard: 'hanya menjalankan replikasi (setiap skenario) dengan indeks % n == i: --shard i/n',
      'shard-count': SHARD_COUNT,
      resume: RESUME,
      merge: 'menggabungkan bagian (shard) perbandingan ini yang sudah selesai (di bawah --out) dan memasangkannya',
      detail: 'jumlah replikasi per skenario yang mencatat agents.csv dan events.csv (bawaan 10)',
      outcomes: 'hasil yang dibandingkan, misalnya sustained.* live_share (bawaan: hasil dalam berkas eksperimen)',
      precision: PRECISION,
      'precision-outcome': PRECISION_OUTCOME,
      'max-replications': MAX_REPLICATIONS,
    },
  },
  sweep: {
    describe: 'Menjalankan desain kisi atau Latin hypercube atas isian skenario: sweep.csv dan sweep_summary.csv',
    options: SWEEP_OPTIONS,
  },
  sensitivity: {
    describe: 'Efek elementer Morris atau indeks Sobol setiap hasil terhadap faktor-faktor desain',
    options: {
      ...SWEEP_OPTIONS,
      method: 'morris (mu*, sigma) atau sobol (S1, ST dengan interval kepercayaan bootstrap); bawaan: desain dalam berkas eksperimen',
    },
  },
  odd: {
    describe: 'Menulis protokol ODD skenario (Markdown): tujuan, entitas beserta jumlahnya, jadwal, submodel, parameter',
    options: {
      scenario: 'berkas skenario',
      out: 'menulis ke berkas ini, bukan ke stdout',
    },
  },
  explore: {
    describe: 'Menulis explorer untuk peramban (satu berkas HTML, dapat dibuka tanpa internet) dan mencetak path-nya',
    options: {
      scenario: 'berkas skenario yang dibuka lebih dahulu (skenario bawaan selalu disertakan)',
      out: 'folder untuk difusi-explorer.html',
      serve: 'juga menyajikannya di http://127.0.0.1 (hanya loopback) sampai dihentikan',
      port: 'port untuk --serve (0, bawaannya: port bebas mana pun); hanya dengan --serve',
      open: 'membukanya di peramban bila ada (--no-open: hanya mencetak path-nya)',
    },
  },
  national: {
    describe: 'Menjalankan skenario nasional (banyak pemerintah daerah, docs/NATIONAL.md) dan menulis folder hasilnya',
    options: {
      scenario: NATIONAL_FILE,
      quiet: QUIET_BAR,
      out: 'folder untuk hasil',
      workers: 'jumlah thread pekerja (bawaan: semua inti prosesor)',
      replications: 'jumlah replikasi (bawaan: nilai dalam skenario)',
      seed: SEED,
      set: 'mengubah nilai sebuah isian skenario: --set national_parameters.gov_imitation=0 (docs/NATIONAL.md)',
      check: 'hanya memvalidasi dan mengompilasi skenario, lalu mencetak ukurannya',
      shard: 'i/n: menjalankan replikasi r dengan r % n == i dan menulis folder bagian; gabungkan bagian-bagiannya dengan difusi national-merge',
      detail: 'id pemerintah daerah, dipisahkan koma, yang agennya ditulis ke government_agents.csv (replikasi pertama)',
      charts:
        'menggambar grafik nasional (charts/*.svg; dengan --lang id juga charts.id/*.svg) dan menulis laporan (report.md, report.html; report.id.* dengan --lang id); --no-charts untuk melewati keduanya',
      lang: NATIONAL_LANG,
    },
  },
  'generate-national': {
    describe: 'Menulis skenario nasional pemerintah daerah Indonesia dari data wilayah administrasi',
    options: {
      data: 'folder berisi provinces.csv, regencies.csv, districts.csv; daftar publik (pilkada-cycles.csv, smart-city-cohorts.csv) dibaca dari public-lists di sampingnya (DIR/../public-lists)',
      bekasi: 'skenario kota yang dijalankan pemerintah daerah Kota Bekasi dalam skenario nasional (skenario kota, seperti yang diterima difusi run)',
      out: 'berkas skenario yang ditulis (bukan salah satu berkas yang dibaca perintah ini)',
    },
  },
  'national-merge': {
    describe: 'Menggabungkan folder bagian (shard) sebuah simulasi nasional (difusi national --shard i/n) menjadi folder hasilnya',
    options: {
      parts: SHARD_FOLDERS,
      out: 'folder untuk hasil',
      charts: 'menggambar grafik nasional dan menulis laporan; --no-charts untuk melewati keduanya',
      lang: NATIONAL_LANG,
    },
  },
  'national-compare': {
    describe: 'Membandingkan skenario nasional sebagaimana tertulis dengan skenario yang sama beserta --set-nya, berpasangan per replikasi (docs/NATIONAL-COMPARE.md)',
    options: {
      scenario: NATIONAL_FILE,
      quiet: QUIET_BAR,
      set: 'skenario pengandaian: berkas dengan isian ini diubah, misalnya --set national_parameters.gov_imitation=0 (satu atau lebih)',
      replications: 'jumlah replikasi setiap skenario (bawaan: nilai dalam skenario)',
      seed: 'benih acak (seed) induk kedua skenario (bawaan: nilai dalam skenario)',
      out: 'folder induk keluaran: kedua skenario ditulis ke <out>/<nama>/<kunci>/ seperti yang ditulis difusi national, perbandingannya ke <out>/<nama>-compare/<kunci dasar>-<kunci pengandaian>/',
      workers: 'jumlah thread pekerja (bawaan: semua inti prosesor); hasilnya sama berapa pun jumlahnya',
      level: 'tingkat kepercayaan interval selisih',
      charts:
        'menulis laporan perbandingan (report.md, report.html, charts/national-compare.svg; dengan --lang id report.id.* dan grafiknya di charts.id/ serta, seperti difusi national menggambar grafiknya, dalam bahasa Inggris di charts/); --no-charts untuk CSV saja',
      lang: 'bahasa laporan dan tabel di terminal: en (report.md, report.html) atau id (bahasa Indonesia: report.id.md, report.id.html)',
    },
  },
};

/** A command's name: the first word of its yargs `command` ('run <scenario>' -> 'run'). */
export function commandName(command: CommandModule<object, any>): string {
  const spec = Array.isArray(command.command) ? command.command[0] : command.command;
  return String(spec ?? '').split(' ')[0]!;
}

/**
 * `command` with its description and its options' in Bahasa Indonesia: the
 * same command, its builder followed by each option's Indonesian text (only
 * for an option the builder declared, so a text never adds an option).
 */
export function commandInIndonesian(command: CommandModule<object, any>): CommandModule<object, any> {
  const texts = COMMANDS_ID[commandName(command)];
  if (texts === undefined || typeof command.builder !== 'function') return command;
  const builder = command.builder;
  return {
    ...command,
    describe: texts.describe,
    builder: (y: Argv<object>) => {
      const built = (builder(y) ?? y) as Argv<object>;
      // yargs has getOptions() (program.ts's middleware reads it too); its types leave it out.
      const declared = (built as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key;
      for (const [option, text] of Object.entries(texts.options)) if (option in declared) built.describe(option, text);
      booleanDefaultsInIndonesian(built);
      return built;
    },
  };
}

/** How --help shows a flag's default under --lang id: `[bawaan: tidak]`, not yargs's `[bawaan: false]`. */
export const booleanDefaultId = (value: boolean): string => (value ? 'ya' : 'tidak');

/**
 * Each flag declared with a default (`--charts`, `--png`, `--resume`) shown in --help with its default as
 * ya or tidak, the words of its type (`[ya/tidak]`); its value is the same.
 */
function booleanDefaultsInIndonesian(built: Argv<object>): void {
  // yargs has getOptions() (program.ts's middleware reads it too); its types leave it out.
  const options = (built as unknown as { getOptions(): { boolean: readonly string[]; default: Record<string, unknown> } }).getOptions();
  for (const flag of options.boolean) {
    const value = options.default[flag];
    if (typeof value === 'boolean') built.default(flag, value, booleanDefaultId(value));
  }
}

/** The program's yargs with yargs's own words in Bahasa Indonesia (YARGS_WORDS_ID): set after program.ts pins English. */
export function yargsWordsInIndonesian(cli: Argv<object>): void {
  cli.locale(HELP_LOCALE).updateLocale(YARGS_WORDS_ID);
}
