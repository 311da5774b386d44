/**
 * A scenario's problems in English or Bahasa Indonesia: the explorer's list
 * (explorer/app.ts, through explorer/issue-text.ts) and, under `--lang id`,
 * the command line's ✗ lines (cli/errors.ts exitWith, which loads this
 * module only then).
 * English: the command line's line (messages/catalog.ts formatIssues,
 * without its ✗), so the page says what `difusi validate` prints. Bahasa
 * Indonesia: the same line with its framing in Indonesian ("→ di <path>
 * (seharusnya ..., ditemukan ...)"), and the message itself in Indonesian
 * for the codes in ID_MESSAGES (a range's ends apart by a semicolon,
 * "[0; 1]", as the Indonesian reports write an interval, since "[0,1]"
 * reads as the number 0,1; a scenario field an "isian", GLOSSARY.id.md's
 * word, not "kolom", a CSV column): every problem the page can meet in a city
 * scenario opened, pasted, dropped or edited in it, or in a lever's value
 * (the whole file, shape, months, references, agencies, network, levers and
 * their paths, the page's own Seed and Replications). The other messages of
 * the catalog never reach the page (the command line's, files and folders
 * on disk, national files beyond the one line saying a file is national,
 * experiments, result folders): those below are said in Indonesian on the
 * command line under --lang id, and the rest (difusi generate-national's)
 * stay English there too: tests/explorer/issue-text.test.ts lists each
 * with the reason, and fails on a new message that is in neither list. Any part of "expected" the
 * patterns below do not know stays in English, as do the details that come
 * from the YAML and schema libraries (after "Kesalahan sintaks YAML:" and
 * "Nilai tidak valid:"); docs/EXPLORER.md says which.
 *
 * A message is translated only when its English is exactly what the catalog
 * makes of the arguments read back from it: a message that reads otherwise
 * (a name holding the words the pattern looks for) is shown in English, not
 * misquoted; so is one with a part (a reason, a subject) this file has no
 * Indonesian for, rather than half translated. The text is plain: the page
 * shows it with textContent, after safeText (app.ts), so a scenario string
 * in it can never become markup; the command line passes it through
 * terminalSafe (cli/errors.ts).
 *
 * Pure, no DOM, nothing of the explorer's (tests/explorer/issue-text.test.ts).
 */
import { formatIssues, formatPath, issueLead, MESSAGES, placeId, placeIsLabel, YAML_LAYOUT_HINT, type IssueCode, type ScenarioIssue } from './catalog.js';
import type { TerminalLang } from './terminal-lang.js';

/** The languages a problem is said in: the explorer's page and the command line's --lang (the terminal's languages). */
export type Language = TerminalLang;

/** A JSON string as the catalog's quote() writes it. */
const Q = '("(?:[^"\\\\]|\\\\.)*")';

/** The kinds of reference crossref.ts and a national file's checks name (unknown_reference, duplicate_id), in Indonesian; others as written. */
const KINDS: Readonly<Record<string, string>> = {
  OPD: 'perangkat daerah (OPD)',
  'OPD id or type': 'id atau jenis perangkat daerah (OPD)',
  innovation: 'inovasi',
  vendor: 'vendor',
  platform: 'platform',
  leader: 'kepala daerah',
  regulation: 'regulasi',
  'budget shock': 'guncangan anggaran',
  custodian: 'pengelola (custodian)',
  // A national file's lists (model/national/compile.ts: duplicate_id, unknown_reference), worded as its report words them.
  government: 'pemerintah daerah',
  'national innovation': 'inovasi nasional',
  'national regulation': 'regulasi nasional',
  programme: 'program',
  'election cycle': 'siklus pilkada',
  province: 'provinsi',
  cohort: 'kohort',
};
const kind = (k: string): string => KINDS[k] ?? k;
const didYouMean = (s: string | undefined): string => (s === undefined ? '' : ` (maksud Anda ${s}?)`);

interface IdMessage {
  /** Reads the catalog's arguments back from its English message (strings as shown: quoted ones still quoted). */
  readonly read?: RegExp;
  /** The arguments as the catalog takes them, from the pattern's groups (default: the groups, quoted ones parsed). */
  readonly args?: (groups: (string | undefined)[]) => unknown[];
  /** The Indonesian message from the groups as shown; undefined when a part of it has no Indonesian twin (the message stays English). */
  readonly id: (groups: (string | undefined)[]) => string | undefined;
}

/**
 * Groups of JSON strings given back as the strings they quote; others as they are (a group that only
 * starts with a quote, "[x]" is neither ..., too: the catalog then gives back another text, and the
 * message stays English).
 */
const unquote = (g: string | undefined): string | undefined => {
  if (g === undefined || !g.startsWith('"')) return g;
  try {
    const s: unknown = JSON.parse(g);
    return typeof s === 'string' ? s : g;
  } catch {
    return g;
  }
};

const ID_MESSAGES: Partial<Record<IssueCode, IdMessage>> = {
  // The scenario file itself, as the command line reads it (store/scenario-file.ts): never on the page, which is given its text.
  file_not_found: {
    read: /^File not found(?:: looked for ([\s\S]+?))?(?:; did you mean ([\s\S]+)\?)?$/,
    args: ([l, n]) => [l, n],
    id: ([l, n]) => `Berkas tidak ditemukan${l === undefined ? '' : `: dicari di ${l}`}${n === undefined ? '' : `; maksud Anda ${n}?`}`,
  },
  not_utf8: { id: () => 'Berkas ini bukan teks UTF-8' },
  // The reader's own words stay English (they name its grammar); the hint difusi adds after them is said in Indonesian.
  yaml_syntax: {
    read: /^YAML syntax error: ([\s\S]*)$/,
    id: ([d = '']) =>
      `Kesalahan sintaks YAML: ${d.endsWith(YAML_LAYOUT_HINT) ? `${d.slice(0, -YAML_LAYOUT_HINT.length)} (biasanya baris ini atau baris berikutnya yang indentasinya berbeda dari isian di sekitarnya, atau nilai berisi ": " yang perlu diberi tanda kutip)` : d}`,
  },
  yaml_version: {
    read: /^The file says it is YAML (\S+) \(a "%YAML \1" line\); difusi reads YAML 1\.2 only, where numbers, yes\/no and dates read differently: remove the line, and check the values it changed$/,
    id: ([v]) => `Berkas ini menyatakan dirinya YAML ${v} (baris "%YAML ${v}"); difusi hanya membaca YAML 1.2, yang membaca angka, yes/no, dan tanggal dengan cara lain: hapus baris itu, lalu periksa nilai yang berubah karenanya`,
  },
  yaml_multiple_documents: {
    id: () => 'Satu berkas hanya boleh memuat satu dokumen YAML; dokumen kedua dimulai di sini (baris "---" memulai dokumen baru: hapus baris itu beserta isi sesudahnya, atau pisahkan berkasnya)',
  },
  json_syntax: { read: /^JSON syntax error: ([\s\S]*)$/, id: ([d]) => `Kesalahan sintaks JSON: ${d}` },
  empty_file: { id: () => 'Berkas kosong' },
  experiment_not_scenario: {
    read: /^An experiment file \(it has base and no opds\), not a scenario; run it with difusi (\S+) ([\s\S]*)$/,
    id: ([c, f]) => `Ini berkas eksperimen (memuat base dan tidak memuat opds), bukan skenario; jalankan dengan difusi ${c} ${f}`,
  },
  national_not_city: {
    read: /^A national scenario \(it has governments\): the explorer takes city scenarios only; run it with difusi national ([\s\S]*)$/,
    id: ([f]) => `Ini skenario nasional (memuat governments): explorer hanya menerima skenario kota; jalankan dengan difusi national ${f}`,
  },
  // An experiment's base or variant file that is national (cli/national-hint.ts): never on the page, but under --lang id on the terminal.
  experiment_arm_national: {
    read: /^The file is a national scenario \(it has governments\): difusi (\S+) takes city scenarios; run it with difusi national ([\s\S]*?)(?:, or compare two variants with difusi national-compare [\s\S]* --set path=value)?$/,
    id: ([c, f]) =>
      `Berkas ini skenario nasional (memuat governments): difusi ${c} hanya menerima skenario kota; jalankan dengan difusi national ${f}${c === 'compare' ? `, atau bandingkan dua skenario pengandaian dengan difusi national-compare ${f} --set path=value` : ''}`,
  },
  wrong_type: {
    read: /^Wrong type(?:: numbers take no comma; write (.*))?$/,
    args: ([w]) => (w === undefined ? [] : [w]),
    id: ([w]) => (w === undefined ? 'Jenis nilai salah' : `Jenis nilai salah: angka ditulis dengan titik desimal, bukan koma; tulis ${orId(w)}`),
  },
  decimal_comma_key: {
    read: /^Numbers take no comma: ([\s\S]+?): ([+-]?\d+),(\d+) reads as [\s\S]*; write [\s\S]*?: ([+-]?[\d.]+(?: or [+-]?\d+)?)$/,
    args: ([f, w, d, a]) => [f, `${w},${d}`, a],
    id: ([f, w, d, a]) => `Angka ditulis dengan titik desimal, bukan koma: ${f}: ${w},${d} terbaca sebagai ${f}: ${w} dan isian "${d}"; tulis ${f}: ${orId(a!)}`,
  },
  missing_field: { read: new RegExp(`^Missing required field ${Q}$`), id: ([f]) => `Isian wajib ${f} tidak ada` },
  not_integer: { id: () => 'Bukan bilangan bulat' },
  out_of_range: { id: () => 'Nilai di luar rentang' },
  bad_format: { id: () => 'Format nilai salah' },
  no_such_month: { read: /^There is no month (.*): the month must be 01-12$/, id: ([m]) => `Tidak ada bulan ${m}: bulan harus 01-12` },
  not_an_option: { id: () => 'Bukan salah satu nilai yang diizinkan' },
  unknown_field: {
    read: new RegExp(`^Unknown field ${Q}(?: \\(did you mean ${Q}\\?\\))?$`),
    id: ([f, s]) => `Isian tidak dikenal ${f}${didYouMean(s)}`,
  },
  too_few_items: { id: () => 'Butirnya terlalu sedikit' },
  too_many_items: { id: () => 'Butirnya terlalu banyak' },
  // A national file's government offered no service (model/national/compile.ts noServiceCheck) is said as an invalid value (store/national-file.ts nationalIssue): its words in Indonesian too.
  invalid_value: {
    read: /^Invalid value: ([\s\S]*)$/,
    id: ([d]) => {
      const service = messageId({ code: 'government_no_service', message: d! });
      return `Nilai tidak valid: ${service}`;
    },
  },
  duplicate_id: { read: new RegExp(`^Duplicate (.+) id ${Q}$`), id: ([k, i]) => `Id ${i} dipakai lebih dari sekali (${kind(k!)})` },
  unknown_reference: {
    read: new RegExp(`^Unknown (.+) ${Q}(?: \\(did you mean ${Q}\\?\\))?$`),
    id: ([k, i, s]) => `${kind(k!)} ${i} tidak dikenal${didYouMean(s)}`,
  },
  pilot_months_required: {
    read: new RegExp(`^Innovation ${Q} is pilot-funded but gives no pilot_months$`),
    id: ([i]) => `Inovasi ${i} didanai sebagai uji coba (funding: pilot) tetapi tidak memberi pilot_months`,
  },
  month_outside_horizon: { read: /^(.+) lies outside the scenario's horizon$/, id: ([f]) => `${f} berada di luar periode simulasi skenario` },
  month_before_start: { read: /^(.+) lies before the scenario's start$/, id: ([f]) => `${f} berada sebelum awal skenario` },
  // The catalog takes (from, to) and writes "to comes before from".
  month_order: { read: new RegExp(`^${Q} comes before ${Q}$`), args: ([to, from]) => [unquote(from), unquote(to)], id: ([to, from]) => `${to} lebih awal daripada ${from}` },
  budget_shocks_overlap: { read: /^Budget shock overlaps budget_shocks\[(\d+)\]$/, args: ([n]) => [Number(n)], id: ([n]) => `Guncangan anggaran bertumpang tindih dengan budget_shocks[${n}]` },
  leaders_order: { id: () => 'Kepala daerah harus dicantumkan menurut urutan "from"' },
  leaders_same_month: { read: new RegExp(`^Leader takes office in the same month as ${Q}$`), id: ([o]) => `Kepala daerah mulai menjabat pada bulan yang sama dengan ${o}` },
  lever_path_missing: { read: new RegExp(`^Lever path ${Q} names no value of the scenario$`), id: ([p]) => `Jalur tuas ${p} tidak menunjuk nilai apa pun dalam skenario` },
  lever_kind_mismatch: { read: new RegExp(`^The value at this path cannot be set by a ${Q} lever$`), id: ([k]) => `Nilai pada jalur ini tidak dapat diatur oleh tuas ${k}` },
  lever_same_field: {
    read: new RegExp(`^Lever path ${Q} names the same field as levers\\[(\\d+)\\] \\(${Q}\\): two controls would set one value \\(keep one of the two\\)$`),
    args: ([p, i, f]) => [unquote(p), Number(i), unquote(f)],
    id: ([p, i, f]) => `Jalur tuas ${p} menunjuk isian yang sama dengan levers[${i}] (${f}): dua kendali akan mengatur satu nilai (pertahankan salah satunya)`,
  },
  lever_range: { id: () => 'min tuas harus lebih kecil daripada max-nya' },
  lever_outside_parameter: {
    read: /^The lever's (min|max) (\S+) lies outside the range of (.+), (.+): the explorer would offer a value the scenario check refuses$/,
    args: ([f, v, p, a]) => [f, Number(v), p, a],
    id: ([f, v, p, a]) => `${f} tuas ${v} berada di luar rentang ${p}, ${expectedId(a!)}: explorer akan menawarkan nilai yang ditolak pemeriksaan skenario`,
  },
  lever_outside_range: {
    read: /^The lever's (min|max) (\S+) lies outside the range of (.+), (.+): the explorer would offer a value the scenario check refuses$/,
    args: ([f, v, p, a]) => [f, Number(v), p, a],
    id: ([f, v, p, a]) => `${f} tuas ${v} berada di luar rentang ${p}, ${expectedId(a!)}: explorer akan menawarkan nilai yang ditolak pemeriksaan skenario`,
  },
  lever_not_whole: {
    read: /^The lever's (min|max|step) (\S+) is not a whole number, and (.+) takes (.+): the explorer would offer a value the scenario check refuses$/,
    args: ([f, v, p, a]) => [f, Number(v), p, a],
    id: ([f, v, p, a]) => `${f} tuas ${v} bukan bilangan bulat, sedangkan ${p} menerima ${expectedId(a!)}: explorer akan menawarkan nilai yang ditolak pemeriksaan skenario`,
  },
  override_missing: {
    read: new RegExp(`^Override path (.+?) names no existing element(?: \\(did you mean ${Q}\\?\\))?$`),
    id: ([p, s]) => `Jalur pengaturan ${p} tidak menunjuk elemen yang ada${didYouMean(s)}`,
  },
  invalid_option: { read: /^Invalid value for (.+)$/, id: ([o]) => `Nilai tidak valid untuk ${o}` },

  // The command line's own refusals, said under --lang id (cli/errors.ts); never on the page.
  option_repeated: {
    read: /^([\s\S]+?) is given (\d+) times; it takes one value$/,
    args: ([o, n]) => [o, Number(n)],
    id: ([o, n]) => `${o} diberikan ${n} kali; opsi ini hanya menerima satu nilai`,
  },
  option_needs: {
    read: /^(\S+) needs (\S+): ([\s\S]+) \(add \2, or leave \1 out\)$/,
    args: ([o, n, w]) => [o, n, w],
    id: ([o, n, w]) => {
      const why = OPTION_NEEDS_WHY_ID[w!];
      return why === undefined ? undefined : `${o} memerlukan ${n}: ${why} (tambahkan ${n}, atau hapus ${o})`;
    },
  },
  command_set_shadowed: {
    read: /^--set ([\s\S]+?) would change nothing: ([\s\S]+) wins over it; ([\s\S]+)$/,
    args: ([p, w, h]) => [p, w, h],
    id: ([p, w, h]) => {
      const winner = shadowWinnerId(w!);
      const hint = SHADOW_HINTS_ID[h!];
      return winner === undefined || hint === undefined ? undefined : `--set ${p} tidak mengubah apa pun: ${winner} yang berlaku; ${hint}`;
    },
  },
  command_set_repeated: {
    read: /^--set ([\s\S]+?) is given twice \(([\s\S]+), then ([\s\S]+)\): give each path once( \(to remove several list elements, name each one, e\.g\. by its id\))?$/,
    args: ([p, a, b, r]) => [p, a, b, r !== undefined],
    id: ([p, a, b, r]) => `--set ${p} diberikan dua kali (${a}, lalu ${b}): berikan setiap jalur sekali saja${r === undefined ? '' : REMOVALS_ID}`,
  },
  command_set_same_field: {
    read: /^--set ([\s\S]+?) (?:names the same field as --set ([\s\S]+?) \(([\s\S]+) in the file\): a field takes one value; give each field once( \(to remove several list elements, name each one, e\.g\. by its id\))?|names a field inside ([\s\S]+), which --set ([\s\S]+?) (removes|sets whole): the two would write over each other; give one of the two(?: \(write the field's value into the whole one\))?)$/,
    args: ([p, first, field, r, outerField, outer, verb]) =>
      outerField === undefined
        ? [p, first, field, undefined, r !== undefined]
        : // The inner path is the later or the earlier one; either way the message says only inner and outer.
          [p, p, '', { inner: p, outer, outerField, removes: verb === 'removes' }, false],
    id: ([p, first, field, r, outerField, outer, verb]) =>
      outerField === undefined
        ? `--set ${p} menunjuk isian yang sama dengan --set ${first} (${field} dalam berkas): satu isian hanya menerima satu nilai; berikan setiap isian sekali saja${r === undefined ? '' : REMOVALS_ID}`
        : `--set ${p} menunjuk isian di dalam ${outerField}, yang ${verb === 'removes' ? 'dihapus' : 'ditetapkan seluruhnya'} oleh --set ${outer}: keduanya akan saling menimpa; berikan salah satunya saja${verb === 'removes' ? '' : ' (tuliskan nilai isian itu ke dalam nilai keseluruhannya)'}`,
  },
  command_set_shifted_index: {
    read: /^--set ([\s\S]+?) names an element of ([\s\S]+?) by its index \(([\s\S]+?) in the file\), but --set ([\s\S]+?) before it removes one ahead of it, which moves the later ones up, so the index would name another element; (?:give it before the removal|name it by its id \(([\s\S]+)\), or give it before the removal)$/,
    args: ([p, list, named, first, byId]) => [p, first, list, named, byId],
    id: ([p, list, named, first, byId]) =>
      `--set ${p} menunjuk sebuah elemen ${list} dengan indeksnya (${named} dalam berkas), tetapi --set ${first} sebelumnya menghapus elemen di depannya, sehingga elemen sesudahnya bergeser naik dan indeks itu akan menunjuk elemen lain; ${byId === undefined ? 'berikan sebelum penghapusan itu' : `sebut dengan id-nya (${byId}), atau berikan sebelum penghapusan itu`}`,
  },
  // Result and shard folders named on the command line (report, merge, national-merge).
  result_folder_missing: { id: () => 'Bukan folder hasil: folder itu tidak ada atau bukan folder' },
  not_a_part: { id: () => 'Bukan folder bagian (shard) dari sebuah simulasi difusi' },
  // Merging shard parts (store/run-folder.ts, jobs/national.ts, store/sweep-store.ts): parts that do not add up to one run.
  merge_nothing: { id: () => 'Tidak ada bagian simulasi untuk digabungkan' },
  // The missing ones' numbers outside parentheses: to a reader of decimal commas "(1, 2)" reads as the number 1,2.
  merge_missing: {
    read: /^(\d+) replications? (?:is|are) missing \(([\s\S]*)\); run shards? ([\s\S]+)$/,
    args: ([n, r, s]) => [Number(n), r, s],
    id: ([n, r, s]) => `Replikasi yang belum ada: ${r} (${n} replikasi); jalankan shard ${s}`,
  },
  merge_duplicates: {
    read: /^Replications present in more than one part: ([\s\S]+?)(?: \(in ([\s\S]+)\); give each shard's folder once and leave copies out)?$/,
    args: ([r, h]) => [r, h],
    id: ([r, h]) => `Replikasi yang ada di lebih dari satu bagian: ${r}${h === undefined ? '' : ` (di ${inAllId(h)}); berikan folder setiap shard sekali saja, tanpa salinannya`}`,
  },
  merge_mismatch: {
    read: /^This part belongs to another run(?: \((another scenario|another scenario of the same name|another seed|another build)\))?: ([\s\S]+?) is ([\s\S]*?), the other part(s have| has) ([\s\S]*?)(?:; ([\s\S]+))?$/,
    args: ([why, k, v, plural, f, advice]) => [k, v, f, plural === ' has' ? 1 : 2, advice, why],
    id: ([why, k, v, , f, advice]) => {
      const differs = partDiffersId(k!, v!, f!, 'bagian lain');
      const adviceId = advice === undefined ? '' : mismatchAdviceId(advice);
      if (differs === undefined || adviceId === undefined) return undefined;
      return `Bagian ini berasal dari simulasi lain${why === undefined ? '' : ` (${PART_WHY_ID[why]})`}: ${differs}${advice === undefined ? '' : `; ${adviceId}`}`;
    },
  },
  sweep_merge_nothing: { id: () => 'Tidak ada bagian (shard) variasi parameter (sweep) untuk digabungkan' },
  sweep_merge_missing: {
    read: /^(\d+) design runs? (?:is|are) missing \(([\s\S]*)\); run shards? ([\s\S]+)$/,
    args: ([n, u, s]) => [Number(n), u, s],
    id: ([n, u, s]) => `Simulasi titik desain yang belum ada: ${u} (${n} simulasi); jalankan shard ${s}`,
  },
  sweep_merge_duplicates: {
    read: /^Design runs present in more than one shard: ([\s\S]+?)(?: \(in ([\s\S]+)\); give each shard's folder once and leave copies out)?$/,
    args: ([u, h]) => [u, h],
    id: ([u, h]) => `Simulasi titik desain yang ada di lebih dari satu shard: ${u}${h === undefined ? '' : ` (di ${inAllId(h)}); berikan folder setiap shard sekali saja, tanpa salinannya`}`,
  },
  sweep_merge_mismatch: {
    read: /^This sweep shard belongs to another sweep: ([\s\S]+?) is ([\s\S]*?), the first shard has ([\s\S]*)$/,
    id: ([k, v, f]) => {
      const differs = partDiffersId(k!, v!, f!, 'shard pertama');
      return differs === undefined ? undefined : `Shard sweep ini berasal dari sweep lain: ${differs}`;
    },
  },
  // A part another build of difusi wrote (store/part-seal.ts checkSealed).
  part_other_build: {
    read: /^([\s\S]+) was written by another build of difusi \(other sources, or a difusi from before parts recorded their build\), whose numbers may differ from this one's; ([\s\S]+) with this build, or merge with the build that wrote it$/,
    id: ([d, r]) => {
      const again = rerunId(r!);
      return again === undefined
        ? undefined
        : `${d} ditulis oleh versi difusi lain (kode sumber lain, atau difusi dari masa sebelum bagian mencatat versinya), yang angkanya bisa berbeda dengan versi ini; ${again} dengan versi ini, atau gabungkan dengan versi yang menulisnya`;
    },
  },
  // A scenario given to sweep or sensitivity (store/experiment-file.ts), an experiment with no variants or no design
  // (experiment/spec.ts), an unknown outcome (--precision-outcome, an experiment's outcomes): never on the page.
  scenario_not_experiment: {
    read: /^A scenario file \(it has opds and no base\), not an experiment; difusi (\S+) takes an experiment file \(a base scenario and a design\); run this scenario with difusi run ([\s\S]*)$/,
    id: ([c, f]) => `Ini berkas skenario (memuat opds dan tidak memuat base), bukan eksperimen; difusi ${c} menerima berkas eksperimen (skenario dasar dan sebuah desain); jalankan skenario ini dengan difusi run ${f}`,
  },
  experiment_no_variants: { id: () => 'Eksperimen ini tidak memiliki skenario pengandaian untuk dibandingkan (tambahkan "variants" atau sebutkan berkas-berkas skenario pengandaian)' },
  experiment_no_design: { read: /^The experiment has no design for ([\s\S]+) \(add "design"\)$/, id: ([c]) => `Eksperimen ini tidak memiliki desain untuk ${c} (tambahkan "design")` },
  unknown_outcome: { read: new RegExp(`^Unknown outcome ${Q}$`), id: ([n]) => `Keluaran tidak dikenal ${n}` },
  // national --detail (cli/national.ts, jobs/national.ts).
  detail_unknown_government: {
    read: new RegExp(`^Unknown government ${Q} for --detail(?: \\(did you mean ${Q}\\?\\))?$`),
    id: ([g, s]) => `Pemerintah daerah tidak dikenal ${g} untuk --detail${didYouMean(s)}`,
  },
  detail_empty: { id: () => 'national --detail tidak menyebut satu pun pemerintah daerah (id pemerintah daerah, dipisahkan koma, misalnya --detail kota-bekasi)' },
  detail_not_a_count: {
    read: new RegExp(`^national --detail takes government ids, comma-separated \\(--detail (\\S+)\\), not a count of replications as run --detail does; ${Q} is no government of the scenario$`),
    args: ([e, v]) => [unquote(v), e],
    id: ([e, v]) => `national --detail menerima id pemerintah daerah, dipisahkan koma (--detail ${e}), bukan jumlah replikasi seperti run --detail; ${v} bukan pemerintah daerah dalam skenario ini`,
  },
  national_compare_city: {
    id: () =>
      'Ini skenario kota (tidak memuat governments): difusi national-compare menerima skenario nasional; untuk membandingkan skenario pengandaian sebuah skenario kota, pakai difusi compare (docs/EXPERIMENTS-USAGE.md)',
  },
  // A shard folder of another kind than the merge takes (store/part-store.ts shardKindOf, checkShardKinds).
  part_of_other_kind: {
    read: /^A shard folder of ([\s\S]+?): merge it with ([\s\S]+)$/,
    id: ([k, c]) => {
      const kind = SHARD_KINDS_ID[k!];
      const command = c === 'difusi compare <experiment> --merge (with the same -r, --seed and --set as the shards)' ? 'difusi compare <eksperimen> --merge (dengan -r, --seed dan --set yang sama seperti shard-nya)' : /^difusi [a-z-]+$/.test(c!) ? c : undefined;
      return kind === undefined || command === undefined ? undefined : `Folder bagian (shard) dari ${kind}: gabungkan dengan ${command}`;
    },
  },
  merge_mixed_kinds: {
    read: /^A shard folder of ([\s\S]+?), given with ([\s\S]+), a shard folder of ([\s\S]+?): merge the shards of each run on their own$/,
    args: ([k, d, f]) => [k, f, d],
    id: ([k, d, f]) => {
      const kind = SHARD_KINDS_ID[k!];
      const first = SHARD_KINDS_ID[f!];
      return kind === undefined || first === undefined ? undefined : `Folder bagian (shard) dari ${kind}, diberikan bersama ${d}, folder bagian (shard) dari ${first}: gabungkan shard setiap simulasi secara terpisah`;
    },
  },
  // --shard-count reading the scheduler's array index (cli/options.ts shardOption).
  scheduler_index_disagree: {
    read: /^--shard-count takes this job's shard index from the scheduler, and the scheduler variables disagree: ([\s\S]+); unset the one that is not this job's array index \(or give --shard i\/n\)$/,
    id: ([f]) => `--shard-count mengambil indeks shard pekerjaan ini dari penjadwal, dan variabel penjadwal tidak sepakat: ${f}; hapus variabel yang bukan indeks pekerjaan ini (atau berikan --shard i/n)`,
  },
  national_compare_no_set: {
    id: () => 'difusi national-compare memerlukan sedikitnya satu --set path=value: variannya adalah berkas dengan pengaturan itu, dasarnya berkas sebagaimana tertulis',
  },

  // The whole file, as parse.ts and limits.ts check it before the schema (a dropped file's name chooses the syntax).
  unsupported_extension: {
    read: new RegExp(`^(?:The file has no extension|Unsupported file type ${Q})$`),
    args: ([e]) => [e === undefined ? '' : unquote(e)],
    id: ([e]) => (e === undefined ? 'Berkas tidak memiliki ekstensi' : `Jenis berkas ${e} tidak didukung`),
  },
  too_deep: { read: /^The data is nested too deeply \(more than (\d+) levels\)$/, args: ([n]) => [Number(n)], id: ([n]) => `Data bersarang terlalu dalam (lebih dari ${n} tingkat)` },
  too_many_aliases: {
    read: /^Too many alias expansions \(more than (\d+), counting the aliases inside what each alias names\), a guard against a small file that expands to gigabytes$/,
    args: ([n]) => [Number(n)],
    id: ([n]) => `Terlalu banyak perluasan alias (lebih dari ${n}, termasuk alias di dalam isi yang dirujuk setiap alias), pengaman terhadap berkas kecil yang mengembang menjadi gigabita`,
  },
  duplicate_key: { read: new RegExp(`^Duplicate key ${Q}$`), id: ([k]) => `Kunci ${k} ditulis lebih dari sekali` },
  unknown_tag: {
    read: new RegExp(`^Unknown YAML tag ${Q} \\(scenario files are data: tags are not allowed\\)$`),
    id: ([t]) => `Tag YAML ${t} tidak dikenal (berkas skenario berisi data: tag tidak diizinkan)`,
  },
  yaml_tag_not_data: {
    read: new RegExp(`^YAML tag ${Q} is not allowed \\(scenario files are plain data: numbers, text, lists and mappings\\)$`),
    id: ([t]) => `Tag YAML ${t} tidak diizinkan (berkas skenario hanya berisi data biasa: angka, teks, daftar, dan pemetaan)`,
  },
  not_a_scenario: {
    read: /^The file is not a difusi scenario: none of its top-level fields \(([\s\S]*)\) is, or is close to, one a scenario has; a city scenario needs ([\s\S]*) \(a national one: ([\s\S]*)\)$/,
    // Every argument is a list of quoted names, kept as written.
    args: ([k, n, m]) => [k, n, m],
    id: ([k, n, m]) =>
      `Berkas ini bukan skenario difusi: tidak satu pun isian tingkat atasnya (${k}) adalah, atau mirip dengan, isian sebuah skenario; skenario kota memerlukan ${n} (skenario nasional: ${m})`,
  },
  not_an_experiment: {
    read: /^The file is not a difusi experiment file: none of its top-level fields \(([\s\S]*)\) is, or is close to, one an experiment file has; an experiment file needs ([\s\S]*)$/,
    args: ([k, n]) => [k, n],
    id: ([k, n]) =>
      `Berkas ini bukan berkas eksperimen difusi: tidak satu pun isian tingkat atasnya (${k}) adalah, atau mirip dengan, isian sebuah berkas eksperimen; berkas eksperimen memerlukan ${n}`,
  },
  too_many_values: {
    read: /^The data holds too many values \(more than ([\d,]+), counting what each alias names once per alias\)$/,
    id: ([n]) => `Data memuat terlalu banyak nilai (lebih dari ${grouped(n!)}; isi yang dirujuk sebuah alias dihitung sekali untuk setiap alias)`,
  },
  reserved_path_segment: { read: new RegExp(`^${Q} cannot be used as a field name$`), id: ([f]) => `${f} tidak dapat dipakai sebagai nama isian` },
  // Only the schema's own "The text" (zod-issues.ts); another subject stays English.
  too_long: { read: /^(The text) is too long \(at most (\d+) characters\)$/, args: ([w, n]) => [w, Number(n)], id: ([, n]) => `Teks terlalu panjang (paling banyak ${n} karakter)` },

  // Agencies, coordinator, translation weights and network (crossref.ts).
  no_opds: { id: () => 'Skenario tidak memiliki OPD (isi opds.generate.count atau opds.list)' },
  type_mix_empty: { id: () => 'Komposisi jenis OPD tidak memiliki bobot yang positif' },
  opd_id_is_type: {
    read: new RegExp(`^OPD id ${Q} is also an OPD type, so references to it would be ambiguous$`),
    id: ([i]) => `Id OPD ${i} juga merupakan jenis OPD, sehingga rujukan kepadanya akan bermakna ganda`,
  },
  coordinator_required: {
    read: /^(owner|custodian) "coordinator" requires a coordinator \(set "coordinator"\)$/,
    args: ([f]) => [`${f} "coordinator"`],
    id: ([f]) => `Nilai "coordinator" pada ${f} memerlukan perangkat daerah koordinator (tetapkan "coordinator")`,
  },
  category_band_empty: { read: /^No threshold in \[0, 1\] falls in the (.+) band$/, id: ([c]) => `Tidak ada ambang (theta) dalam [0; 1] yang termasuk pita ${c}` },
  coordinator_conflict: { id: () => 'Ada lebih dari satu perangkat daerah koordinator' },
  translation_weights_sum: { id: () => 'Jumlah bobot translasi t_owner..t_users harus 1' },
  network_param_missing: { read: new RegExp(`^Network type ${Q} needs ${Q}$`), id: ([t, p]) => `Jaringan jenis ${t} memerlukan ${p}` },
  network_degree_odd: { id: () => 'Derajat jaringan small-world harus bilangan genap' },
  network_too_dense: {
    read: /^(.+) is too large for (\d+) agenc(?:y|ies)$/,
    args: ([p, n]) => [p, Number(n)],
    id: ([p, n]) => `${p} terlalu besar untuk ${n} perangkat daerah`,
  },
  network_too_many_links: {
    read: /^(.+) gives the network about ([\d,]+) peer links, more than the ([\d,]+) one network may have, a guard on memory far above any real place \(a city's network has tens or hundreds\)$/,
    id: ([p, l, n]) =>
      `${p} memberi jaringan sekitar ${grouped(l!)} tautan antarperangkat daerah, lebih dari ${grouped(n!)} yang boleh dimuat satu jaringan, batas pengaman memori yang jauh di atas daerah nyata mana pun (jaringan sebuah kota memiliki puluhan atau ratusan tautan)`,
  },
  network_too_many_pairs: {
    read: /^An Erdos-Renyi network draws every pair of its ([\d,]+) agencies; at most ([\d,]+) agencies fit \(([\d,]+) pair draws, about 10 s in every replication, a guard on time\); small-world or scale-free networks cost in proportion to their links$/,
    id: ([a, f, n]) =>
      `Jaringan Erdos-Renyi mengundi setiap pasangan dari ${grouped(a!)} perangkat daerahnya; paling banyak ${grouped(f!)} perangkat daerah yang muat (${grouped(n!)} undian pasangan, sekitar 10 detik pada setiap replikasi, batas pengaman waktu); jaringan small-world atau scale-free berbiaya sebanding dengan jumlah tautannya`,
  },
  network_hub_missing: { id: () => 'Jaringan jenis "hub" memerlukan "hub" atau perangkat daerah koordinator' },
  network_nested_hub: { id: () => 'Pembangkit jaringan "among" tidak boleh berjenis "hub"' },
  edge_self_loop: { read: new RegExp(`^Edge links ${Q} to itself$`), id: ([i]) => `Sisi jaringan (edge) menghubungkan ${i} dengan dirinya sendiri` },
  // Only crossref.ts's count of a city scenario's agencies; another count stays English.
  too_many_agencies: {
    read: /^Too many agencies: a scenario has at most ([\d,]+) \((generated and listed together)\), a guard on memory far above any real place \(a city has tens, the Indonesian national scenario 24,541 in all\)$/,
    id: ([n]) =>
      `Terlalu banyak perangkat daerah: sebuah skenario memuat paling banyak ${grouped(n!)} (yang dibangkitkan dan yang dicantumkan, bersama-sama), batas pengaman memori yang jauh di atas daerah nyata mana pun (sebuah kota memiliki puluhan, skenario nasional Indonesia 24.541 seluruhnya)`,
  },

  // A lever's path or value, applied as an override (override-path.ts).
  override_syntax: {
    read: new RegExp(`^Cannot read override ${Q}: ([\\s\\S]*)$`),
    args: ([t, r]) => [unquote(t), r],
    id: ([t, r]) => {
      const reason = overrideReasonId(r!);
      return reason === undefined ? undefined : `Jalur pengaturan ${t} tidak dapat dibaca: ${reason}`;
    },
  },
  override_not_container: {
    read: /^Override path (.+?) cannot step into (nothing|a list|a mapping|the value [\s\S]+)$/,
    id: ([p, k]) => `Jalur pengaturan ${p} tidak dapat diteruskan ke dalam ${k === 'nothing' ? 'nilai yang tidak ada' : k === 'a list' ? 'daftar' : k === 'a mapping' ? 'pemetaan' : `nilai ${k!.slice('the value '.length)}`}`,
  },
  override_ambiguous: {
    read: /^The selector (\[[^\]]*\]) matches (\d+) (\S+) \(([\s\S]*)\); (name one by its (?:id, e\.g\. \[id=[\s\S]*\]|index, e\.g\. \[\d+\]))$/,
    args: ([s, n, w, names, hint]) => [s, Number(n), w, names, hint],
    id: ([s, n, w, names, hint]) => {
      const byId = /^name one by its id, e\.g\. (\[id=[\s\S]*\])$/.exec(hint!);
      const example = byId?.[1] ?? hint!.slice(hint!.lastIndexOf(' ') + 1);
      return `Pemilih ${s} cocok dengan ${n} elemen${w === 'elements' ? '' : ` ${w}`} (${names}); sebut salah satunya dengan ${byId ? 'id-nya' : 'indeksnya'}, misalnya ${example}`;
    },
  },

  // Experiment files as compare, sweep and sensitivity read them (experiment/spec.ts, store/experiment-file.ts,
  // jobs/sweep.ts, jobs/compare.ts): never on the page, but under --lang id on the terminal.
  experiment_duplicate_name: {
    read: new RegExp(`^Duplicate (variant|factor) name ${Q}$`),
    id: ([k, n]) => `Nama ${k === 'variant' ? 'skenario pengandaian' : 'faktor'} ${n} dipakai lebih dari sekali`,
  },
  experiment_factor_common: {
    read: new RegExp(`^Factor ${Q} would change nothing: every design point runs under the experiment's own seed and replications \\(vary a scenario field instead\\)$`),
    id: ([n]) => `Faktor ${n} tidak mengubah apa pun: setiap titik desain dijalankan dengan seed dan jumlah replikasi milik eksperimen sendiri (variasikan sebuah isian skenario sebagai gantinya)`,
  },
  experiment_variant_common: {
    read: new RegExp(`^A variant's ${Q} would change nothing: every arm runs under the experiment's own seed and replications \\(set (\\S+) at the experiment's top level, or on the command line\\)$`),
    args: ([n]) => [unquote(n)],
    id: ([n, f]) => `${n} pada skenario pengandaian tidak mengubah apa pun: setiap skenario dijalankan dengan seed dan jumlah replikasi milik eksperimen sendiri (tetapkan ${f} di tingkat atas eksperimen, atau di baris perintah)`,
  },
  experiment_set_shadowed: {
    read: new RegExp(`^The override ${Q} would change nothing: the experiment's top-level ${Q} wins over it \\(keep one of the two\\)$`),
    args: ([, n]) => [unquote(n)],
    id: ([o, n]) => `Pengaturan ${o} tidak mengubah apa pun: ${n} di tingkat atas eksperimen yang berlaku (pertahankan salah satunya)`,
  },
  experiment_padded_name: {
    read: new RegExp(`^The (factor name|override path) ${Q} has spaces before or after it \\(write it without them: ${Q}\\)$`),
    args: ([k, n]) => [k === 'factor name' ? 'factor' : 'override', unquote(n)],
    id: ([k, n, t]) => `${k === 'factor name' ? 'Nama faktor' : 'Jalur pengaturan'} ${n} diawali atau diakhiri spasi (tulis tanpa spasi itu: ${t})`,
  },
  experiment_reserved_name: {
    read: new RegExp(`^The variant name ${Q} is reserved for the base scenario$`),
    id: ([n]) => `Nama skenario pengandaian ${n} disediakan untuk skenario dasar`,
  },
  experiment_case_only_name: {
    read: new RegExp(`^The variant name ${Q} differs from ${Q} only in case: their folders \\(arms/([\\s\\S]*), arms/([\\s\\S]*)\\) would be one on a file system that ignores case \\(macOS, Windows\\); rename one$`),
    args: ([n, o]) => [unquote(n), unquote(o)],
    id: ([n, o, a, b]) =>
      `Nama skenario pengandaian ${n} hanya berbeda huruf besar-kecilnya dengan ${o}: folder keduanya (arms/${a}, arms/${b}) akan menjadi satu pada sistem berkas yang tidak membedakan huruf besar-kecil (macOS, Windows); ganti salah satu namanya`,
  },
  experiment_duplicate_value: {
    read: new RegExp(`^The grid of factor ${Q} has the value ([\\s\\S]+) twice: the same design points would run twice$`),
    id: ([f, v]) => `Kisi faktor ${f} memuat nilai ${v} dua kali: titik desain yang sama akan dijalankan dua kali`,
  },
  experiment_factor_range: {
    read: new RegExp(`^Factor ${Q} needs values, or min and max with min <= max$`),
    id: ([f]) => `Faktor ${f} memerlukan values, atau min dan max dengan min <= max`,
  },
  experiment_design_needs: {
    read: new RegExp(`^Design method ${Q} needs ([\\s\\S]+)$`),
    // What it needs as written ('"points"' keeps its quotes).
    args: ([m, w]) => [unquote(m), w],
    id: ([m, w]) => {
      const what = DESIGN_NEEDS_ID[w!];
      return what === undefined ? undefined : `Metode desain ${m} memerlukan ${what}`;
    },
  },
  experiment_design_too_large: {
    read: /^The design would have ([\d,]+|more than 10\^308) (points|factor values|design runs) \(([\s\S]+)\), more than the limit of ([\d,]+): all of them are built before the first run \((?:fewer points or replications|fewer points or factors), or split the design into several experiments\)$/,
    id: ([c, w, h, l]) => {
      const how = designHowId(h!);
      if (how === undefined) return undefined;
      const what = w === 'points' ? 'titik' : w === 'factor values' ? 'nilai faktor' : 'simulasi titik desain';
      const fewer = w === 'design runs' ? 'lebih sedikit titik atau replikasi' : 'lebih sedikit titik atau faktor';
      return `Desain ini akan memiliki ${countId(c!)} ${what} (${how}), melebihi batas ${grouped(l!)}: semuanya dibangun sebelum simulasi pertama (${fewer}, atau pecah desain menjadi beberapa eksperimen)`;
    },
  },
  experiment_sobol_samples: {
    id: () =>
      'Indeks Sobol memerlukan sedikitnya 2 sampel dasar: dengan 1, variansi yang menjadi pembaginya adalah variansi keluaran A dan B dari satu sampel itu di sekitar rata-ratanya sendiri (separuh nilai harapannya, sehingga sebuah indeks dapat mencapai 2), dan bootstrap, yang mengambil ulang sampel dasar, hanya memiliki satu sampel itu untuk diundi (interval dengan lebar nol)',
  },
  experiment_arm_not_scenario: {
    read: /^The file is an experiment \(it has base and no opds\), not a scenario: (base|a variant's file) must name a scenario file$/,
    id: ([f]) => `Berkas ini berkas eksperimen (memuat base dan tidak memuat opds), bukan skenario: ${f === 'base' ? 'base' : 'isian file sebuah skenario pengandaian'} harus menyebut berkas skenario`,
  },
  sensitivity_sweep_design: {
    read: new RegExp(`^Design method ${Q} is a sweep: difusi sensitivity analyses a morris or sobol design; run this file with difusi sweep, or write design\\.method: morris or sobol with min and max for every factor( \\(or pass --method morris or --method sobol\\))?$`),
    args: ([m, r]) => [unquote(m), r !== undefined],
    id: ([m, r]) =>
      `Metode desain ${m} adalah variasi parameter (sweep): difusi sensitivity menganalisis desain morris atau sobol; jalankan berkas ini dengan difusi sweep, atau tulis design.method: morris atau sobol dengan min dan max untuk setiap faktor${r === undefined ? '' : ' (atau berikan --method morris atau --method sobol)'}`,
  },
  sensitivity_method_values: {
    read: /^--method (\S+) needs min and max \(not values\) for every factor: a factor's values are a grid's; run this file with difusi sweep, or give the factor min and max$/,
    id: ([m]) => `--method ${m} memerlukan min dan max (bukan values) untuk setiap faktor: values sebuah faktor adalah nilai-nilai kisi (grid); jalankan berkas ini dengan difusi sweep, atau beri faktor itu min dan max`,
  },
  experiment_same_field: {
    read: new RegExp(
      `^(?:Factor ${Q} names the same field as factor ${Q} \\(([\\s\\S]+)\\): every design point would run this one's value, and the other would show no effect \\(keep one of the two\\)` +
        `|The override ${Q} names the same field as ${Q} \\(([\\s\\S]+)\\) in the same set: only the last one would take effect \\(keep one of the two\\))$`,
    ),
    args: ([fn, ff, fl, on, of, ol]) => (fn !== undefined ? ['factor', unquote(fn), unquote(ff), fl] : ['override', unquote(on), unquote(of), ol]),
    id: ([fn, ff, fl, on, of, ol]) =>
      fn !== undefined
        ? `Faktor ${fn} menunjuk isian yang sama dengan faktor ${ff} (${fl}): setiap titik desain akan menjalankan nilai faktor ini, dan faktor yang lain tidak akan menunjukkan efek apa pun (pertahankan salah satunya)`
        : `Pengaturan ${on} menunjuk isian yang sama dengan ${of} (${ol}) dalam set yang sama: hanya yang terakhir yang akan berlaku (pertahankan salah satunya)`,
  },
  experiment_factor_set: {
    read: new RegExp(`^Factor ${Q} names a field that ([\\s\\S]+) also sets: the factor's values replace it at every design point, so it would change nothing \\(drop one of the two\\)$`),
    id: ([f, by]) => {
      const setBy = factorSetById(by!);
      return setBy === undefined
        ? undefined
        : `Faktor ${f} menunjuk isian yang juga ditetapkan oleh ${setBy}: nilai-nilai faktor itu menggantikannya di setiap titik desain, sehingga faktor itu tidak mengubah apa pun (hapus salah satunya)`;
    },
  },
  command_set_variant: {
    read: new RegExp(`^--set ([\\s\\S]+?) changes what the variant ${Q} sets itself \\(([\\s\\S]+), ([^,]+)\\): it would replace the variant's own what-if; drop the --set, or edit the variant$`),
    args: ([p, v, k, w]) => [p, unquote(v), k, w],
    id: ([p, v, k, w]) =>
      `--set ${p} mengubah apa yang ditetapkan sendiri oleh skenario pengandaian ${v} (${k}, ${w}): --set itu akan menggantikan pengandaian milik skenario itu sendiri; hapus --set tersebut, atau ubah skenario pengandaiannya`,
  },
  command_set_variant_file: {
    read: new RegExp(
      `^--set ([\\s\\S]+?) would erase a difference the comparison is about: ([\\s\\S]+?) is ([\\s\\S]*?) in the variant ${Q} \\(([\\s\\S]+)\\) and ([\\s\\S]*?) in the base scenario, and the --set makes them the same; drop the --set, or edit the files$`,
    ),
    args: ([p, f, o, v, file, b]) => [p, f, o, unquote(v), file, b],
    id: ([p, f, o, v, file, b]) =>
      `--set ${p} akan menghapus perbedaan yang justru dibandingkan: ${f} bernilai ${o} pada skenario pengandaian ${v} (${file}) dan ${b} pada skenario dasar, dan --set itu menyamakan keduanya; hapus --set tersebut, atau ubah berkasnya`,
  },
  experiment_set_variant_file: {
    read: new RegExp(
      `^The experiment's set ${Q} would erase a difference the comparison is about: ([\\s\\S]+?) is ([\\s\\S]*?) in the variant ${Q} \\(([\\s\\S]+)\\) and ([\\s\\S]*?) in the base scenario, and the set makes them the same in every arm; drop it from set, or edit the files$`,
    ),
    args: ([p, f, o, v, file, b]) => [unquote(p), f, o, unquote(v), file, b],
    id: ([p, f, o, v, file, b]) =>
      `Pengaturan set ${p} milik eksperimen akan menghapus perbedaan yang justru dibandingkan: ${f} bernilai ${o} pada skenario pengandaian ${v} (${file}) dan ${b} pada skenario dasar, dan set itu menyamakan keduanya di setiap skenario; hapus dari set, atau ubah berkasnya`,
  },
  compare_arm_file_name: {
    read: new RegExp(
      `^This variant has the base scenario's name, so its arm is named after the file, and ${Q} is not usable as a folder name \\(it starts with a dot, holds a control character or a backslash, or is longer than 100 characters\\): rename the file, or give its scenario a name of its own$`,
    ),
    id: ([n]) =>
      `Skenario pengandaian ini memiliki nama yang sama dengan skenario dasar, sehingga foldernya dinamai menurut berkasnya, dan ${n} tidak dapat dipakai sebagai nama folder (diawali titik, memuat karakter kontrol atau garis miring terbalik, atau lebih dari 100 karakter): ganti nama berkasnya, atau beri skenarionya nama sendiri`,
  },
  // The scenario's own reason after the colon (store/experiment-file.ts designPointScenario: another message, its first letter lower-cased), in Indonesian too, or the line stays English.
  experiment_point_invalid: {
    read: /^The design sets ([\s\S]+?) = ([\s\S]+?), which the scenario does not accept(?:: ([\s\S]+))?$/,
    args: ([f, v, r]) => [f, v, r],
    id: ([f, v, r]) => {
      const reason = r === undefined ? '' : nestedMessageId(r);
      return reason === undefined ? undefined : `Desain menetapkan ${f} = ${v}, yang tidak diterima skenario${r === undefined ? '' : `: ${reason}`}`;
    },
  },

  // A job stopped by a signal (store/folder-lock.ts stopOnSignal, its ⚠ line), --serve's port (store/explorer-write.ts),
  // --precision's closing line for a mean of 0 (cli/precision-options.ts, whose precisionLineId says the same), patterns --check.
  stopped_by_signal: {
    read: /^stopped by (\S+) \(exit status (\d+)\) before it was finished; (?:(the work done so far is kept in its hidden folder beside it: run the same command with --resume to continue from it \(without --resume it starts afresh\))|nothing was put in place: run the same command again)$/,
    args: ([s, n, k]) => [s, Number(n), k !== undefined],
    id: ([s, n, k]) =>
      `dihentikan oleh ${s} (kode keluar ${n}) sebelum selesai; ${
        k === undefined
          ? 'belum ada yang ditempatkan: jalankan lagi perintah yang sama'
          : 'pekerjaan yang sudah selesai disimpan di folder tersembunyinya di sebelahnya: jalankan perintah yang sama dengan --resume untuk melanjutkannya (tanpa --resume perintah itu mulai dari awal)'
      }`,
  },
  port_unavailable: {
    read: /^Cannot serve on (\S+): ([\s\S]+) \((E[A-Z]+)\); choose another --port, or --port 0 for any free one$/,
    args: ([a, r, c]) => [a, `${r} (${c})`],
    id: ([a, r, c]) => {
      const reason = PORT_REFUSED_ID[r!];
      return reason === undefined ? undefined : `Tidak dapat melayani halaman di ${a}: ${reason} (${c}); pilih --port lain, atau --port 0 untuk port bebas mana pun`;
    },
  },
  precision_zero_mean: {
    read: /^its mean is 0( in an arm)?, so a half-width relative to it is undefined and no count of replications can reach the target \(watch another outcome, or give a smaller --max-replications\)$/,
    args: ([a]) => [a !== undefined],
    id: ([a]) => precisionZeroMeanId(a !== undefined),
  },
  unknown_check: {
    read: new RegExp(`^Unknown check id ${Q} for --check(?: \\(did you mean ${Q}\\?\\))?$`),
    id: ([i, s]) => `Id pemeriksaan tidak dikenal ${i} untuk --check${didYouMean(s)}`,
  },

  // National files' own checks (model/national/compile.ts), and national-compare's (jobs/national-compare.ts).
  heads_order: { id: () => 'Kepala daerah dalam siklus pilkada harus dicantumkan menurut urutan "from"' },
  heads_same_month: { read: /^Head takes office in the same month as heads\[(\d+)\]$/, args: ([n]) => [Number(n)], id: ([n]) => `Kepala daerah mulai menjabat pada bulan yang sama dengan heads[${n}]` },
  national_platform_custodian: {
    id: () =>
      'Pengelola (custodian) platform nasional harus disebut (id vendor, atau "coordinator"): "vendor" akan berarti satu-satunya vendor yang kebetulan dimiliki masing-masing pemerintah daerah',
  },
  // Said inside invalid_value's line (store/national-file.ts nationalIssue), which puts it into Indonesian through nestedMessageId.
  government_no_service: {
    read: new RegExp(`^government ${Q} is offered no service: ([\\s\\S]+) and it has no service of its own$`),
    id: ([g, w]) => {
      const why = NO_SERVICE_WHY_ID[w!];
      return why === undefined ? undefined : `pemerintah daerah ${g} tidak ditawari layanan apa pun: ${why}, dan tidak memiliki layanan sendiri`;
    },
  },
  too_many_links: {
    read: /^Too many peer links: a scenario's agency networks have at most ([\d,]+) \(every government's together\), a guard on memory far above any real place \(a city's network has tens or hundreds, the Indonesian national scenario's 71,967 in all\)$/,
    id: ([n]) =>
      `Terlalu banyak tautan antarperangkat daerah: jaringan perangkat daerah sebuah skenario memuat paling banyak ${grouped(n!)} tautan (semua pemerintah daerah bersama-sama), batas pengaman memori yang jauh di atas daerah nyata mana pun (jaringan sebuah kota memiliki puluhan atau ratusan tautan, jaringan skenario nasional Indonesia 71.967 seluruhnya)`,
  },
  too_many_pairs: {
    read: /^Too many Erdos-Renyi pair draws: a scenario's erdos-renyi networks draw at most ([\d,]+) pairs \(every government's together; one network of ([\d,]+) agencies\), a guard on time: each pair has its own draw, in every replication; small-world or scale-free cost in proportion to their links \(the Indonesian national scenario's networks are small worlds\)$/,
    id: ([n, f]) =>
      `Terlalu banyak undian pasangan Erdos-Renyi: jaringan erdos-renyi sebuah skenario mengundi paling banyak ${grouped(n!)} pasangan (semua pemerintah daerah bersama-sama; satu jaringan berisi ${grouped(f!)} perangkat daerah), batas pengaman waktu: setiap pasangan diundi tersendiri, pada setiap replikasi; jaringan small-world atau scale-free berbiaya sebanding dengan jumlah tautannya (jaringan skenario nasional Indonesia berjenis small-world)`,
  },
  national_compare_same: {
    read: /^([\s\S]+?) changes? nothing: the variant's scenario hash is the file's own, so both arms would run the same scenario \(give a value the file does not have\)$/,
    id: ([s]) =>
      `${s} tidak mengubah apa pun: hash skenario pengandaiannya sama dengan hash berkas itu sendiri, sehingga skenario dasar dan skenario pengandaian akan sama persis (berikan nilai yang belum dimiliki berkas itu)`,
  },
  national_compare_arm_setting: {
    read: /^--set (\S+) would run the two arms differently: national-compare runs both with the same seed and replications \(common random numbers\); give (\S+) instead$/,
    id: ([p, o]) =>
      `--set ${p} akan menjalankan kedua skenario secara berbeda: national-compare menjalankan keduanya dengan seed dan jumlah replikasi yang sama (bilangan acak bersama); berikan ${o} sebagai gantinya`,
  },

  // Files and folders on disk (store/scenario-file.ts, store/durable.ts, store/folder-lock.ts, store/out-root.ts,
  // store/part-store.ts, cli/errors.ts systemError) and result folders (store/csv-read.ts, store/results-check.ts,
  // store/report-write.ts): each reason difusi words in Indonesian; a reason it does not know (the operating
  // system's or a library's own words) leaves the whole line English.
  file_unreadable: {
    read: /^Cannot read the file: ([\s\S]+)$/,
    id: ([r]) => {
      const reason = unreadableId(r!);
      return reason === undefined ? undefined : `Berkas tidak dapat dibaca: ${reason}`;
    },
  },
  file_too_large: {
    read: /^The file is too large \(([\d.,]+ (?:bytes|kB|MB)); at most ([\d.,]+ (?:bytes|kB|MB))\)$/,
    // No parentheses around the sizes: to a reader of decimal commas "(12,5 MB; ...)" is no interval, but the sizes are said plainly.
    id: ([s, l]) => `Berkas terlalu besar: ${bytesId(s!)}; paling banyak ${bytesId(l!)}`,
  },
  too_many: { read: /^Too many (replications) \(at most ([\d,]+)\)$/, id: ([, n]) => `Terlalu banyak replikasi (paling banyak ${grouped(n!)})` },
  io_failed: {
    read: /^The file system refused: ([\s\S]+)$/,
    id: ([r]) => {
      const reason = ioReasonId(r!);
      return reason === undefined ? undefined : `Sistem berkas menolak: ${reason}`;
    },
  },
  data_damaged: {
    read: /^([\s\S]+?) is damaged: ([\s\S]+); ([^;]+)$/,
    id: ([w, p, r]) => {
      const problem = damageId(p!);
      const again = rerunId(r!);
      return problem === undefined || again === undefined ? undefined : `${w} rusak: ${problem}; ${again}`;
    },
  },
  write_failed: {
    read: /^Cannot write ([\s\S]+?) \((E[A-Z0-9]+|[^()]*)\)(?:: ([\s\S]+))?$/,
    args: ([f, c, h]) => [f, c, h ?? ''],
    id: ([f, c, h]) => {
      const hint = h === undefined ? '' : writeHintId(h);
      return hint === undefined ? undefined : `Tidak dapat menulis ${f} (${c})${h === undefined ? '' : `: ${hint}`}`;
    },
  },
  folder_locked: {
    read: /^([\s\S]+?) is being written by ([\s\S]+); wait for it to finish, or stop it$/,
    id: ([d, h]) => {
      const holder = lockHolderId(h!);
      return holder === undefined ? undefined : `${d} sedang ditulis oleh ${holder}; tunggu sampai selesai, atau hentikan`;
    },
  },
  foreign_files: {
    read: /^([\s\S]+?) holds files difusi did not write \(([\s\S]*)\); nothing was deleted: move them away, or choose another --out$/,
    id: ([d, f]) => `${d} memuat berkas yang tidak ditulis difusi (${inAllId(f!)}); tidak ada yang dihapus: pindahkan berkas itu, atau pilih --out lain`,
  },
  foreign_file_at_folder: {
    read: /^([\s\S]+?) is a file difusi did not write, where the result folder goes; nothing was deleted: move it away, or choose another --out$/,
    id: ([d]) => `${d} adalah berkas yang tidak ditulis difusi, di tempat folder hasil akan dibuat; tidak ada yang dihapus: pindahkan berkas itu, atau pilih --out lain`,
  },
  bad_output_folder: {
    read: /^Cannot write results under ([\s\S]+?): ([^:]+)$/,
    id: ([d, r]) => {
      const reason = outFolderReasonId(r!);
      return reason === undefined ? undefined : `Tidak dapat menulis hasil di bawah ${d}: ${reason}`;
    },
  },
  record_too_long: {
    read: /^Replication (\d+)'s agents and events \(recorded for agents\.csv and events\.csv\) take more than ([\d,]+) characters, the longest text JavaScript can hold, so they cannot be saved; run with --detail 0 \(no agents\.csv or events\.csv\), or with fewer agencies or months$/,
    args: ([r, n]) => [Number(r), n],
    id: ([r, n]) =>
      `Agen dan kejadian replikasi ${r} (yang dicatat untuk agents.csv dan events.csv) memerlukan lebih dari ${grouped(n!)} karakter, teks terpanjang yang dapat ditampung JavaScript, sehingga tidak dapat disimpan; jalankan dengan --detail 0 (tanpa agents.csv dan events.csv), atau dengan lebih sedikit perangkat daerah atau bulan`,
  },
  result_file_invalid: {
    read: /^Cannot read this result file: ([\s\S]+)$/,
    id: ([w]) => {
      const what = resultFileId(w!);
      return what === undefined ? undefined : `Berkas hasil ini tidak dapat dibaca: ${what}`;
    },
  },
  report_unwritable: {
    read: /^Cannot write the report into this folder: ([\s\S]+)$/,
    id: ([r]) => {
      const reason = systemMessageId(r!);
      return reason === undefined ? undefined : `Tidak dapat menulis laporan ke dalam folder ini: ${reason}`;
    },
  },
  result_damaged: {
    read: /^Result folder ([\s\S]+?): (\S+) ([\s\S]+); rerun the command that wrote the folder$/,
    id: ([d, f, p]) => {
      const problem = resultDamageId(p!);
      return problem === undefined ? undefined : `Folder hasil ${d}: ${f} ${problem}; jalankan lagi perintah yang menulis folder itu`;
    },
  },
};

/** The fields a merge names when a part is of another run (store/run-folder.ts RUN_FIELDS, jobs/national.ts, store/sweep-store.ts; the shard count), in Indonesian; another stays English, the whole line with it. */
const PART_FIELDS_ID: Readonly<Record<string, string>> = {
  'shard count n': 'jumlah shard n',
  seed: 'seed',
  replications: 'jumlah replikasi',
  detail_replications: 'detail_replications',
  'scenario name': 'nama skenario',
  months: 'months',
  start: 'start',
  metrics: 'metrics',
  'overrides (--set)': 'pengaturan (--set)',
  'scenario hash': 'hash skenario',
  'resolved scenario': 'skenario yang sudah diuraikan',
  build: 'versi (build)',
  // A sweep's shards (store/sweep-store.ts indexSweepParts): the job's key, its count of design runs, its design.
  key: 'key',
  units: 'jumlah simulasi titik desain (units)',
  design: 'desain',
};

/**
 * How a part differs from the others (merge_mismatch, sweep_merge_mismatch): `<field> di sini <value>, di <others> <theirs>`,
 * or, where the merge says only that it differs (`different`, `another`), `<field> berbeda dengan milik <others>`; undefined
 * for a field with no Indonesian here.
 */
function partDiffersId(field: string, value: string, theirs: string, others: string): string | undefined {
  const name = PART_FIELDS_ID[field];
  if (name === undefined) return undefined;
  return value === 'different' && theirs === 'another' ? `${name} berbeda dengan milik ${others}` : `${name} di sini ${value}, di ${others} ${theirs}`;
}

/** The kinds of shard folder (store/part-store.ts shardKindOf), in Indonesian. */
const SHARD_KINDS_ID: Readonly<Record<string, string>> = {
  'a sweep or sensitivity design (difusi sweep --shard)': 'desain variasi parameter atau analisis sensitivitas (difusi sweep --shard)',
  'a comparison (difusi compare --shard)': 'perbandingan (difusi compare --shard)',
  'a national run (difusi national --shard)': 'simulasi nasional (difusi national --shard)',
  'a city run (difusi run --shard)': 'simulasi kota (difusi run --shard)',
};

/** merge_mismatch's reason before its field (store/run-folder.ts indexParts). */
const PART_WHY_ID: Readonly<Record<string, string>> = {
  'another scenario': 'skenario lain',
  'another scenario of the same name': 'skenario lain dengan nama yang sama',
  'another seed': 'seed lain',
  'another build': 'versi lain',
};

/** A list of folders (store/part-seal.ts folderList), its count of all in Indonesian: `a, b, c, d, … (semuanya 7)`. */
const inAllId = (list: string): string => list.replace(/, … \((\d+) in all\)$/, ', … (semuanya $1)');

/** What to run again for a part (store/part-seal.ts rerunShard, with the otherwise of store/part-store.ts, sweep-store.ts, national-file.ts), in Indonesian; undefined for another. */
function rerunId(rerun: string): string | undefined {
  const shard = /^run shard (\S+) again \(the same command with --shard \1\)$/.exec(rerun);
  if (shard) return `jalankan lagi shard ${shard[1]} (perintah yang sama dengan --shard ${shard[1]})`;
  if (rerun === 'run the same command again with --resume (damaged replications are run again)') return 'jalankan lagi perintah yang sama dengan --resume (replikasi yang rusak dijalankan lagi)';
  if (rerun === 'run the same command again with --resume') return 'jalankan lagi perintah yang sama dengan --resume';
  if (rerun === 'run its shard again') return 'jalankan lagi shard-nya';
  return undefined;
}

/** What merge_mismatch tells the user to do (store/part-seal.ts mismatchAdvice, with store/part-store.ts rerunAdvice), in Indonesian; undefined for another. */
function mismatchAdviceId(advice: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^leave it out: the other parts? (?:is a shard|are shards) of (\d+) \(--shard (\S+) to (\S+)\), and its index (\d+) is none of them$/.exec(advice))) {
    return `jangan sertakan bagian ini: bagian lain adalah shard dari ${m[1]} (--shard ${m[2]} sampai ${m[3]}), dan indeksnya, ${m[4]}, tidak termasuk di antaranya`;
  }
  if ((m = /^leave it out, or (.+) with the same settings as the others?$/.exec(advice))) {
    const again = rerunId(m[1]!);
    return again === undefined ? undefined : `jangan sertakan bagian ini, atau ${again} dengan pengaturan yang sama seperti bagian lain`;
  }
  return undefined;
}

/** The reasons option_needs gives (cli/precision-options.ts, cli/explore.ts), in Indonesian; another stays English, the whole line with it. */
const OPTION_NEEDS_WHY_ID: Readonly<Record<string, string>> = {
  "without --precision the replication count is fixed (-r or the scenario's), so it would be ignored":
    'tanpa --precision jumlah replikasi sudah tetap (-r atau milik skenario), sehingga opsi ini akan diabaikan',
  'without --serve the page is only written, never served': 'tanpa --serve halaman hanya ditulis, tidak pernah disajikan',
};

/** What command_set_shadowed says decides instead of the --set (scenario/apply-overrides.ts optionDecides, cli/options.ts, store/experiment-file.ts). */
function shadowWinnerId(winner: string): string | undefined {
  if (winner === '--seed' || winner === '--replications' || winner === '--precision') return winner;
  const m = /^the experiment's (seed|replications): ([\s\S]+)$/.exec(winner);
  return m === null ? undefined : `${m[1]} milik eksperimen: ${m[2]}`;
}

/** command_set_shadowed's advice, in Indonesian; another stays English, the whole line with it. */
const SHADOW_HINTS_ID: Readonly<Record<string, string>> = {
  'give only one of the two': 'berikan salah satunya saja',
  'it decides how many replications run (at most --max-replications); give only one of the two':
    '--precision yang menentukan berapa replikasi dijalankan (paling banyak --max-replications); berikan salah satunya saja',
  'run every arm under another seed with -s instead': 'untuk menjalankan setiap skenario dengan seed lain, pakai -s',
  'run every arm under another count with -r instead': 'untuk menjalankan setiap skenario dengan jumlah replikasi lain, pakai -r',
};

/** The advice command_set_repeated and command_set_same_field add when both --set remove a list element. */
const REMOVALS_ID = ' (untuk menghapus beberapa elemen daftar, sebut masing-masing, misalnya dengan id-nya)';

/** How to write a number given with a comma (catalog.ts decimalComma): "1.5 or 1500", both readings of "1,500", with "atau". */
const orId = (writeAs: string): string => writeAs.replace(' or ', ' atau ');

/** A count as the catalog writes it, grouped in thousands with commas (1,000,000): in Indonesian with points (1.000.000). */
const grouped = (n: string): string => n.replace(/,/g, '.');

/** Why override-path.ts cannot read a path (parseOverridePath), or apply-overrides.ts a value that holds itself, in Indonesian; undefined for any other reason. */
function overrideReasonId(reason: string): string | undefined {
  if (reason === 'the path is empty') return 'jalurnya kosong';
  if (reason === 'the path must start with a field name') return 'jalur harus diawali nama isian';
  if (reason === 'a "[" is not closed') return 'ada "[" yang tidak ditutup';
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^unexpected ${Q}$`).exec(reason))) return `${m[1]} tidak diharapkan di sini`;
  if ((m = /^the index (\d+) is too large$/.exec(reason))) return `indeks ${m[1]} terlalu besar`;
  if ((m = new RegExp(`^${Q} is neither an index nor field=value$`).exec(reason))) return `${m[1]} bukan indeks dan bukan field=value`;
  if ((m = new RegExp(`^${Q} cannot be used as a field name$`).exec(reason))) return `${m[1]} tidak dapat dipakai sebagai nama isian`;
  if ((m = new RegExp(`^expected a field name at ${Q}$`).exec(reason))) return `seharusnya nama isian di ${m[1]}`;
  // The value's own reasons (scenario/apply-overrides.ts parseOverride); a YAML reader's message stays English, the whole line with it.
  if (reason === 'there is no "="') return 'tidak ada "="';
  if (reason === 'a "[" is not closed before the "="') return 'ada "[" yang tidak ditutup sebelum "="';
  if (reason === 'the value is empty (write null to remove an element)') return 'nilainya kosong (tulis null untuk menghapus sebuah elemen)';
  if (reason === 'it holds bytes that are not UTF-8 text (shown as \uFFFD); write it in UTF-8, as a scenario file is') {
    return 'nilainya memuat bita yang bukan teks UTF-8 (tampil sebagai \uFFFD); tulis dalam UTF-8, seperti berkas skenario';
  }
  if ((m = new RegExp(`^${Q} would be read as a YAML comment and dropped; put the value in quotes \\(([\\s\\S]*)\\)$`).exec(reason))) {
    return `${m[1]} akan dibaca sebagai komentar YAML lalu dibuang; beri tanda kutip pada nilainya (${m[2]})`;
  }
  if (reason === 'a "%YAML" line other than %YAML 1.2 is not read (difusi reads YAML 1.2 only)') return 'baris "%YAML" selain %YAML 1.2 tidak dibaca (difusi hanya membaca YAML 1.2)';
  if ((m = /^nested more than (\d+) levels$/.exec(reason))) return `bersarang lebih dari ${m[1]} tingkat`;
  if (reason === 'YAML tags are not allowed in a value') return 'tag YAML tidak diizinkan dalam nilai';
  if ((m = /^more than ([\d,]+) values, counting what each alias names once per alias$/.exec(reason))) {
    return `lebih dari ${grouped(m[1]!)} nilai, dengan isi yang dinamai setiap alias dihitung sekali untuk setiap alias`;
  }
  // A value's alias inside the node its anchor names (scenario/apply-overrides.ts selfAlias).
  if ((m = /^the alias \*(\S+) is inside the value its anchor &(\S+) names, so the value would hold itself$/.exec(reason)) && m[1] === m[2]) {
    return `alias *${m[1]} berada di dalam nilai yang dinamai anchor-nya &${m[1]}, sehingga nilai itu akan memuat dirinya sendiri`;
  }
  return undefined;
}

/** What a design method needs (experiment/spec.ts checkExperiment: experiment_design_needs), in Indonesian. */
const DESIGN_NEEDS_ID: Readonly<Record<string, string>> = {
  'values or levels for every factor': 'values atau levels untuk setiap faktor',
  'min and max (not values) for every factor': 'min dan max (bukan values) untuk setiap faktor',
  '"points"': '"points"',
  'an even number of levels': 'levels berjumlah genap',
};

/** A count as experiment/spec.ts designSizeIssue writes it (1,234,567, or "more than 10^308"), in Indonesian. */
const countId = (n: string): string => (n === 'more than 10^308' ? 'lebih dari 10^308' : grouped(n));

/** What set a design's replications (jobs/sweep.ts replicationsSource), in Indonesian; undefined for another. */
const REPLICATIONS_FROM_ID: Readonly<Record<string, string>> = {
  '-r': '-r',
  replications: 'replications',
  '--set replications': '--set replications',
  "the experiment's set replications": 'set replications milik eksperimen',
  "the base scenario's": 'milik skenario dasar',
};

/** How a design's count is made (experiment/spec.ts designSizeIssue), in Indonesian; undefined for another form. */
function designHowId(how: string): string | undefined {
  const N = '([\\d,]+|more than 10\\^308)';
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^grid: ([\\d ×.]+) values of its ${N} factors?$`).exec(how))) return `grid: ${m[1]} nilai dari ${countId(m[2]!)} faktornya`;
  if ((m = /^lhs: design\.points( \(default 10\))?$/.exec(how))) return `lhs: design.points${m[1] === undefined ? '' : ' (bawaan 10)'}`;
  if ((m = new RegExp(`^(morris|sobol): (trajectories|samples) \\(${N}\\) × \\(factors \\(${N}\\) \\+ ([12])\\)$`).exec(how))) {
    return `${m[1]}: ${m[2]} (${countId(m[3]!)}) × (faktor (${countId(m[4]!)}) + ${m[5]})`;
  }
  if ((m = new RegExp(`^${N} points × ${N} factors$`).exec(how))) return `${countId(m[1]!)} titik × ${countId(m[2]!)} faktor`;
  if ((m = new RegExp(`^${N} points × ${N} replications \\(([\\s\\S]+)\\)$`).exec(how))) {
    const from = REPLICATIONS_FROM_ID[m[3]!];
    return from === undefined ? undefined : `${countId(m[1]!)} titik × ${countId(m[2]!)} replikasi (${from})`;
  }
  return undefined;
}

/** What else sets a factor's field (store/experiment-file.ts checkFactorFields: experiment_factor_set), in Indonesian. */
function factorSetById(by: string): string | undefined {
  if (/^--set \S/.test(by)) return by;
  const m = new RegExp(`^the experiment's set ${Q} \\(([\\s\\S]+)\\)$`).exec(by);
  return m === null ? undefined : `set ${m[1]} milik eksperimen (${m[2]})`;
}

/** A message of the catalog said inside another (a design point's reason), its first letter as written; undefined when no code has it in Indonesian. */
function nestedMessageId(text: string): string | undefined {
  const upper = text.charAt(0).toUpperCase() + text.slice(1);
  for (const code of Object.keys(ID_MESSAGES) as IssueCode[]) {
    for (const message of upper === text ? [text] : [upper, text]) {
      const id = messageId({ code, message });
      if (id === message) continue;
      return message === text ? id : id.replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());
    }
  }
  return undefined;
}

/** Why --serve cannot listen (store/explorer-write.ts PORT_REFUSED), in Indonesian. */
const PORT_REFUSED_ID: Readonly<Record<string, string>> = {
  'the port is in use': 'port itu sedang dipakai',
  'the port needs more rights than this user has': 'port itu memerlukan hak yang lebih besar daripada yang dimiliki pengguna ini',
  'the loopback address is not available': 'alamat loopback tidak tersedia',
};

/**
 * precision_zero_mean in Indonesian: the words of --precision's closing line under --lang id
 * (cli/precision-options.ts precisionLineId, which writes them itself to load none of this module).
 */
export function precisionZeroMeanId(arms: boolean): string {
  return `rata-ratanya 0${arms ? ' pada salah satu skenario' : ''}, sehingga setengah lebar interval 95% dibagi rata-ratanya tidak terdefinisi dan tidak ada jumlah replikasi yang dapat mencapai target (amati hasil lain, atau berikan --max-replications yang lebih kecil)`;
}

/** Why a government is offered no service (model/national/compile.ts noServiceCheck), in Indonesian. */
const NO_SERVICE_WHY_ID: Readonly<Record<string, string>> = {
  'its portfolio is false': 'portfolio-nya false',
  'the file has no national service': 'berkas ini tidak memiliki layanan nasional',
  "the national service's governments selector leaves it out": 'pemilih governments layanan nasional itu tidak menyertakannya',
  "every national service's governments selector leaves it out": 'pemilih governments setiap layanan nasional tidak menyertakannya',
};

/** Why a file cannot be read (store/scenario-file.ts UNREADABLE and its own checks, store/regular-file.ts), in Indonesian; a bare system code as it is. */
function unreadableId(reason: string): string | undefined {
  const fixed: Readonly<Record<string, string>> = {
    'it is a symbolic link that leads back to itself (a loop)': 'berkas itu tautan simbolik yang kembali ke dirinya sendiri (berputar)',
    'permission denied (the file, or a folder on its path, may not be read by this user)': 'izin ditolak (berkas itu, atau sebuah folder pada jalurnya, tidak boleh dibaca pengguna ini)',
    'the operation is not permitted (the file, or a folder on its path, may not be read by this user)': 'operasi itu tidak diizinkan (berkas itu, atau sebuah folder pada jalurnya, tidak boleh dibaca pengguna ini)',
    'the name is too long for the file system': 'namanya terlalu panjang untuk sistem berkas',
    'a part of its path is a file, not a folder': 'sebagian jalurnya adalah berkas, bukan folder',
    'it is a directory': 'itu sebuah folder',
    'it is not a regular file': 'itu bukan berkas biasa',
    'it is not a regular file but a named pipe, a device or a socket, which difusi does not read (a read from one can wait or run forever)':
      'itu bukan berkas biasa, melainkan named pipe, perangkat atau socket, yang tidak dibaca difusi (membacanya dapat menunggu atau berjalan tanpa akhir)',
    'the disk reported an input/output error': 'disk melaporkan kesalahan input/output',
    'too many files are open; try again': 'terlalu banyak berkas yang terbuka; coba lagi',
    'the file is busy (in use by another program)': 'berkas itu sedang dipakai program lain',
    'the file is not ready to be read (try again)': 'berkas itu belum siap dibaca (coba lagi)',
    'the path is not valid here': 'jalur itu tidak valid di sini',
    'it was replaced by another file while difusi read it (a program changed the folder): run the command again once the folder is left alone':
      'berkas itu diganti berkas lain ketika difusi membacanya (sebuah program mengubah foldernya): jalankan lagi perintahnya setelah folder itu tidak diubah lagi',
  };
  if (Object.hasOwn(fixed, reason)) return fixed[reason];
  if (/^E[A-Z0-9]+$/.test(reason)) return reason;
  const link = /^it is a link to ([\s\S]+), not a Markdown file beside the scenario: an Info page is read from beside the scenario only \(copy the page there instead of linking it\)$/.exec(reason);
  if (link) return `itu tautan ke ${link[1]}, bukan berkas Markdown di samping skenario: halaman Info hanya dibaca dari samping skenario (salin halamannya ke sana, jangan ditautkan)`;
  return undefined;
}

/** A size as the catalog writes it (scenario/limits.ts formatBytes: "5.2 MB", "900 bytes", "1,048,577 bytes"), in Indonesian: a decimal comma, thousands by points. */
const bytesId = (size: string): string => {
  const bytes = /^([\d,]+) bytes$/.exec(size);
  return bytes ? `${grouped(bytes[1]!)} bita` : size.replace(/(\d)\.(\d)/, '$1,$2');
};

/** What to run again after a full disk (store/durable.ts rerunAdvice, a report's advice), and a merge's (rerunId), in Indonesian. */
function thenId(then: string): string | undefined {
  if (then === 'run the same command with --resume') return 'jalankan perintah yang sama dengan --resume';
  if (then === 'run the same command again') return 'jalankan lagi perintah yang sama';
  // A report refused after its results were written (store/durable.ts WriteFailure.reportAdvice): the command that writes it alone.
  const report = /^write the report with: (difusi report [\s\S]+)$/.exec(then);
  if (report) return `tulis laporannya dengan: ${report[1]}`;
  return rerunId(then);
}

/** What the system refused (cli/errors.ts systemError: USER_CODES with its code), in Indonesian. */
function ioReasonId(reason: string): string | undefined {
  const codes: Readonly<Record<string, string>> = {
    'read-only file system': 'sistem berkas hanya-baca',
    'permission denied': 'izin ditolak',
    'operation not permitted': 'operasi tidak diizinkan',
    'file name too long': 'nama berkas terlalu panjang',
    'a part of the path is not a folder': 'sebagian jalurnya bukan folder',
    'is a folder': 'merupakan folder',
    'already exists': 'sudah ada',
    'no such file or folder': 'berkas atau folder itu tidak ada',
    'too many open files': 'terlalu banyak berkas yang terbuka',
    'input/output error': 'kesalahan input/output',
  };
  let m: RegExpExecArray | null;
  if ((m = /^a file is in the way where a folder is made \((E[A-Z]+)\): move it, or choose another --out$/.exec(reason))) {
    return `ada berkas di tempat sebuah folder akan dibuat (${m[1]}): pindahkan berkas itu, atau pilih --out lain`;
  }
  if ((m = /^(no space left on the device|disk quota exceeded) \(free space, then ([\s\S]+)\) \((E[A-Z]+)\)$/.exec(reason))) {
    const then = thenId(m[2]!);
    if (then === undefined) return undefined;
    return `${m[1] === 'no space left on the device' ? 'tidak ada ruang tersisa di perangkat penyimpanan' : 'kuota disk terlampaui'} (kosongkan ruang, lalu ${then}) (${m[3]})`;
  }
  if ((m = /^([\s\S]+) \((E[A-Z]+)\)$/.exec(reason)) && Object.hasOwn(codes, m[1]!)) return `${codes[m[1]!]} (${m[2]})`;
  return undefined;
}

/** What is damaged in a part or its records (store/part-seal.ts, store/part-store.ts, store/sweep-store.ts, store/durable.ts), in Indonesian. */
function damageId(problem: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\S+) does not match its checksum$/.exec(problem))) return `${m[1]} tidak cocok dengan checksum-nya`;
  if ((m = /^it ends (\d+) bytes before the data it declares$/.exec(problem))) return `berkas itu berakhir ${m[1]} bita sebelum akhir data yang dinyatakannya`;
  if ((m = /^(\S+) or (\S+) is missing$/.exec(problem))) return `${m[1]} atau ${m[2]} tidak ada`;
  if ((m = /^(\S+) is missing$/.exec(problem))) return `${m[1]} tidak ada`;
  if ((m = /^line (\d+) is not a record$/.exec(problem))) return `baris ${m[1]} bukan sebuah rekaman`;
  if ((m = /^replication (\d+) has two records \(line (\d+) and an earlier one\)$/.exec(problem))) return `replikasi ${m[1]} memiliki dua rekaman (baris ${m[2]} dan satu rekaman sebelumnya)`;
  if ((m = /^replication (\d+) does not match its checksum$/.exec(problem))) return `replikasi ${m[1]} tidak cocok dengan checksum-nya`;
  if ((m = /^the record of replication (\d+) changed while it was read$/.exec(problem))) return `rekaman replikasi ${m[1]} berubah ketika sedang dibaca`;
  if ((m = /^record (\d+) of (\S+) does not match its checksum$/.exec(problem))) return `rekaman ${m[1]} dari ${m[2]} tidak cocok dengan checksum-nya`;
  if ((m = /^design run (\d+) changed while it was read$/.exec(problem))) return `simulasi titik desain ${m[1]} berubah ketika sedang dibaca`;
  return undefined;
}

/** A write's advice (store/durable.ts writeHint, with its rerun advice), in Indonesian. */
function writeHintId(hint: string): string | undefined {
  const fixed: Readonly<Record<string, string>> = {
    'the file is too large for this file system': 'berkas itu terlalu besar untuk sistem berkas ini',
    'the folder is read-only: choose another --out': 'folder itu hanya-baca: pilih --out lain',
    'no permission to write there: choose another --out': 'tidak ada izin untuk menulis di sana: pilih --out lain',
    'a folder is in the way: move it, or choose another --out': 'ada folder yang menghalangi: pindahkan folder itu, atau pilih --out lain',
  };
  if (Object.hasOwn(fixed, hint)) return fixed[hint];
  const m = /^(the disk is full: free space|the disk quota is exhausted: free space|the device reported an error: check it), then ([\s\S]+)$/.exec(hint);
  if (m === null) return undefined;
  const then = thenId(m[2]!);
  if (then === undefined) return undefined;
  const first = m[1] === 'the disk is full: free space' ? 'disk penuh: kosongkan ruang' : m[1] === 'the disk quota is exhausted: free space' ? 'kuota disk habis: kosongkan ruang' : 'perangkat penyimpanan melaporkan kesalahan: periksa perangkat itu';
  return `${first}, lalu ${then}`;
}

/** Who holds a folder's lock (store/folder-lock.ts lockedBy, takeLock), in Indonesian. */
function lockHolderId(holder: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^another job \(the lock ([\s\S]+) keeps changing\)$/.exec(holder))) return `pekerjaan lain (kunci ${m[1]} terus berubah)`;
  if ((m = /^another job of this process (\d+) \(([\s\S]+), since ([^;]+); it releases the folder when it ends\)$/.exec(holder))) {
    return `pekerjaan lain dari proses ${m[1]} ini (${m[2]}, sejak ${m[3]}; folder itu dilepas ketika pekerjaan itu selesai)`;
  }
  if ((m = /^process (\d+)(?: on ([\s\S]+?))? \(([\s\S]+), since ([^;]+); if no such job runs any more, delete ([\s\S]+)\)$/.exec(holder))) {
    return `proses ${m[1]}${m[2] === undefined ? '' : ` di ${m[2]}`} (${m[3]}, sejak ${m[4]}; bila pekerjaan itu sudah tidak berjalan, hapus ${m[5]})`;
  }
  return undefined;
}

/** Why --out cannot take results (store/out-root.ts), in Indonesian. */
function outFolderReasonId(reason: string): string | undefined {
  const fixed: Readonly<Record<string, string>> = {
    'the path is empty': 'jalurnya kosong',
    'a part of the path is a file, not a folder': 'sebagian jalurnya adalah berkas, bukan folder',
    'the path is too long': 'jalurnya terlalu panjang',
    'it is a folder, not a file': 'itu folder, bukan berkas',
    'it is a device, pipe or socket, not a regular file': 'itu perangkat, pipe atau socket, bukan berkas biasa',
    'it is a file, not a folder': 'itu berkas, bukan folder',
    'the path holds a line break or another control character (choose a folder name without)': 'jalurnya memuat jeda baris atau karakter kontrol lain (pilih nama folder tanpa karakter itu)',
    'the path holds an invisible formatting character (a bidirectional-text mark or a zero-width character), which the terminal does not show as written (choose a folder name without)':
      'jalurnya memuat karakter format yang tidak terlihat (tanda teks dua arah atau karakter berlebar nol), yang tidak ditampilkan terminal sebagaimana tertulis (pilih nama folder tanpa karakter itu)',
  };
  if (Object.hasOwn(fixed, reason)) return fixed[reason];
  let m: RegExpExecArray | null;
  if ((m = /^([\s\S]+) is a file, not a folder$/.exec(reason))) return `${m[1]} adalah berkas, bukan folder`;
  if ((m = /^([\s\S]+) is a special file system, not a place for result folders$/.exec(reason))) return `${m[1]} adalah sistem berkas khusus, bukan tempat folder hasil`;
  if ((m = /^([\s\S]+) is on a read-only file system$/.exec(reason))) return `${m[1]} berada di sistem berkas hanya-baca`;
  if ((m = /^no permission to write in ([\s\S]+)$/.exec(reason))) return `tidak ada izin untuk menulis di ${m[1]}`;
  if (/^E[A-Z0-9]+$/.test(reason)) return reason;
  return undefined;
}

/** What is wrong with a result folder's CSV file (store/csv-read.ts), in Indonesian: a CSV column is a "kolom". */
function resultFileId(what: string): string | undefined {
  const fixed: Readonly<Record<string, string>> = {
    'empty file (no header line)': 'berkas kosong (tidak ada baris judul)',
    // results-read.ts: a folder without manifest.json, the first thing `difusi report` reads.
    'not found (is this a difusi result folder?)': 'tidak ada (apakah ini folder hasil difusi?)',
    'expected a JSON object': 'seharusnya sebuah objek JSON',
  };
  if (Object.hasOwn(fixed, what)) return fixed[what];
  const missing = /^missing columns? ((?:"[^"]*", )*"[^"]*")$/.exec(what);
  if (missing !== null) return `kolom ${missing[1]} tidak ada`;
  // A cell (csv-read.ts Cells: `column "c": expected …, found …`) or a manifest's field (results-read.ts: `"field": expected
  // <a type or one of …>, found <JSON or nothing>`), the expected said as every problem says it (expectedId).
  const m = /^(column "(?:[^"\\]|\\.)*"|"(?:[^"\\]|\\.)*"): expected ([\s\S]+?), found ([\s\S]+)$/.exec(what);
  if (m === null) return undefined;
  const where = m[1]!.startsWith('column ') ? `kolom ${m[1]!.slice('column '.length)}` : m[1]!;
  const expected = Object.hasOwn(MANIFEST_TYPES, m[2]!) ? MANIFEST_TYPES[m[2]!]! : expectedId(m[2]!);
  // Not known in Indonesian: the whole line stays English.
  if (expected === m[2]) return undefined;
  if (m[3] === 'an empty cell') return `${where}: seharusnya ${m[2] === 'a value' ? 'berisi nilai' : expected}, tetapi selnya kosong`;
  return `${where}: seharusnya ${expected}, ditemukan ${m[3] === 'nothing' ? 'tidak ada' : m[3]}`;
}

/** The types a manifest's field is checked for (zod's words, results-read.ts), in Indonesian. */
const MANIFEST_TYPES: Readonly<Record<string, string>> = { string: 'teks', number: 'angka', boolean: 'true atau false', object: 'objek', array: 'daftar' };

/** A file operation's own message (Node's "EACCES: permission denied, open '/x'", as report_unwritable gives it), in Indonesian for the usual codes. */
function systemMessageId(message: string): string | undefined {
  const words: Readonly<Record<string, string>> = {
    'permission denied': 'izin ditolak',
    'operation not permitted': 'operasi tidak diizinkan',
    'read-only file system': 'sistem berkas hanya-baca',
    'no space left on device': 'tidak ada ruang tersisa di perangkat penyimpanan',
    'no such file or directory': 'berkas atau folder itu tidak ada',
    'not a directory': 'bukan folder',
    'is a directory': 'merupakan folder',
    'file already exists': 'berkas sudah ada',
  };
  // The system call Node names (`open`, `mkdir`), said as what difusi was doing; another keeps its name.
  const calls: Readonly<Record<string, string>> = {
    open: 'saat membuka',
    mkdir: 'saat membuat folder',
    rename: 'saat mengganti nama',
    write: 'saat menulis',
    read: 'saat membaca',
    unlink: 'saat menghapus',
    rmdir: 'saat menghapus folder',
    scandir: 'saat membaca folder',
    copyfile: 'saat menyalin',
  };
  const m = /^(E[A-Z0-9]+): ([a-z -]+), (\w+)( '[\s\S]*')?$/.exec(message);
  if (m === null || !Object.hasOwn(words, m[2]!)) return undefined;
  return `${m[1]}: ${words[m[2]!]}, ${Object.hasOwn(calls, m[3]!) ? calls[m[3]!] : m[3]}${m[4] ?? ''}`;
}

/** What is wrong with a result folder's file (store/results-check.ts, store/national-tables.ts, jobs/national-compare-report.ts), in Indonesian. */
function resultDamageId(problem: string): string | undefined {
  const fixed: Readonly<Record<string, string>> = {
    'is missing': 'tidak ada',
    'is not valid JSON': 'bukan JSON yang valid',
    'is missing or not valid JSON': 'tidak ada atau bukan JSON yang valid',
    'is not the manifest of a national run': 'bukan manifest sebuah simulasi nasional',
    'is not the manifest of a national comparison': 'bukan manifest sebuah perbandingan nasional',
    'does not match its checksum in manifest.json (truncated or changed)': 'tidak cocok dengan checksum-nya di manifest.json (terpotong atau berubah)',
  };
  if (Object.hasOwn(fixed, problem)) return fixed[problem];
  let m: RegExpExecArray | null;
  if ((m = /^has (\d+) rows, the manifest says (\d+)$/.exec(problem))) return `memiliki ${m[1]} baris, sedangkan manifest menyebut ${m[2]}`;
  if ((m = /^has (\d+) rows for replication (\d+), expected (\d+)$/.exec(problem))) return `memiliki ${m[1]} baris untuk replikasi ${m[2]}, seharusnya ${m[3]}`;
  if ((m = /^line (\d+): replication (\d+) where (\d+) was expected$/.exec(problem))) return `baris ${m[1]}: replikasi ${m[2]} di tempat yang seharusnya ${m[3]}`;
  if ((m = /^holds replications 0\.\.(\d+), the manifest says (\d+)$/.exec(problem))) return `memuat replikasi 0..${m[1]}, sedangkan manifest menyebut ${m[2]}`;
  return undefined;
}

/** The issue's message in Indonesian where ID_MESSAGES has it and it reads back exactly; else the English message. */
export function messageId(issue: Pick<ScenarioIssue, 'code' | 'message'>): string {
  const entry = ID_MESSAGES[issue.code];
  if (entry === undefined) return issue.message;
  const match = entry.read === undefined ? (issue.message === (MESSAGES[issue.code] as () => string)() ? [''] : null) : entry.read.exec(issue.message);
  if (match === null) return issue.message;
  const groups = match.slice(1);
  const args = entry.args ? entry.args(groups) : groups.filter((g) => g !== undefined).map(unquote);
  let again: string;
  try {
    again = (MESSAGES[issue.code] as (...a: unknown[]) => string)(...args);
  } catch {
    return issue.message;
  }
  return again === issue.message ? (entry.id(groups) ?? issue.message) : issue.message;
}

const NOUNS: Readonly<Record<string, string>> = { 'a number': 'angka', 'an integer': 'bilangan bulat' };

/**
 * A range as the catalog writes it, "[0,1]", "(0,1]", "[0.2, 0.4)", with its
 * ends apart by a semicolon, "[0; 1]", as the Indonesian reports write an
 * interval: to a reader of decimal commas "[0,1]" is the number 0,1.
 */
const rangeId = (range: string): string => range.replace(/,\s*/, '; ');

/**
 * What a field accepts (an issue's "expected"), in Indonesian for the forms
 * zod-issues.ts and the page write most (number ranges, months, true or false,
 * a list of choices, list lengths, the page's whole numbers); any other as written.
 */
export function expectedId(text: string): string {
  const fixed: Readonly<Record<string, string>> = {
    ...NOUNS,
    'a month as YYYY-MM': 'bulan dalam bentuk YYYY-MM',
    'a month YYYY-MM': 'bulan YYYY-MM',
    'true or false': 'true atau false',
    // A cell of a result CSV (store/csv-read.ts Cells.bool).
    'true/false or 1/0': 'true/false atau 1/0',
    'a string': 'teks',
    // The patterns of ids and names (scenario/schema.ts), and the text a scenario file must be (store/scenario-file.ts readUserText).
    'an id of letters, digits, _ . -': 'id berupa huruf, angka, _ . -',
    'an id prefix of letters, digits, _ . - (may be empty)': 'awalan id berupa huruf, angka, _ . - (boleh kosong)',
    'a name usable as a folder name (letters, digits, _ . -)': 'nama yang dapat dipakai sebagai nama folder (huruf, angka, _ . -)',
    'UTF-8 text (save the file as UTF-8)': 'teks UTF-8 (simpan berkas sebagai UTF-8)',
    'a list': 'daftar',
    'a mapping of fields': 'pemetaan isian',
    'no further fields': 'tidak ada isian lain',
    'a valid value': 'nilai yang valid',
    'a path to a value the scenario has (or a known parameter)': 'jalur ke nilai yang dimiliki skenario (atau parameter yang dikenal)',
    // The scenario file the command line looks for (store/scenario-file.ts, store/experiment-file.ts).
    'an existing .yaml, .yml or .json file': 'berkas .yaml, .yml atau .json yang ada',
    'an existing scenario file': 'berkas skenario yang ada',
    // What the checks of the whole file, of references, of the network and of a lever's path take.
    '.yaml, .yml or .json': '.yaml, .yml atau .json',
    'a scenario mapping': 'pemetaan skenario',
    'a mapping': 'pemetaan',
    'an existing list': 'daftar yang sudah ada',
    'a non-empty list': 'daftar yang tidak kosong',
    'a path like regulations[id=perda-1].strength': 'jalur seperti regulations[id=perda-1].strength',
    'at least one agency': 'sedikitnya satu perangkat daerah',
    'at least one weight > 0': 'sedikitnya satu bobot > 0',
    'one coordinating agency': 'satu perangkat daerah koordinator',
    'a sum of 1': 'jumlah 1',
    'an OPD id': 'id OPD',
    'a network generator': 'pembangkit jaringan',
    'complete, erdos-renyi, small-world, scale-free or none': 'complete, erdos-renyi, small-world, scale-free atau none',
    'windows that do not overlap': 'rentang waktu yang tidak bertumpang tindih',
    'opds (a list of OPD ids or types) or opd': 'opds (daftar id atau jenis OPD) atau opd',
    'a category whose theta band overlaps [0, 1] (or an explicit theta)': 'kategori yang pita theta-nya beririsan dengan [0; 1] (atau theta yang ditulis langsung)',
    // The command line's options (cli/options.ts and the commands' own checks) and the files and folders it is given.
    'a value': 'sebuah nilai',
    'a whole number': 'bilangan bulat',
    'a decimal number': 'angka desimal',
    'a whole number of at least 1': 'bilangan bulat ≥ 1',
    'a whole number >= 0': 'bilangan bulat >= 0',
    'a whole number n >= 1': 'bilangan bulat n >= 1',
    'i/n with 0 <= i < n, e.g. 2/7': 'i/n dengan 0 <= i < n, misalnya 2/7',
    'path=value, e.g. --set parameters.takeover_vendor=0.9': 'path=value, misalnya --set parameters.takeover_vendor=0.9',
    'at least one outcome name, e.g. --outcomes live_share': 'sedikitnya satu nama keluaran, misalnya --outcomes live_share',
    'a number between 0 and 1, e.g. 0.95': 'angka antara 0 dan 1, misalnya 0.95',
    'a relative half-width > 0, e.g. 0.05': 'setengah lebar relatif > 0, misalnya 0.05',
    'no count with --precision (it finds the count)': 'tanpa jumlah replikasi bila ada --precision (--precision yang menentukan jumlahnya)',
    'no --shard (merge collects every shard)': 'tanpa --shard (merge mengumpulkan semua shard)',
    // national --detail (cli/national.ts, jobs/national.ts).
    'a government id of the scenario': 'id pemerintah daerah dalam skenario',
    // --precision with --shard (jobs/precision.ts), --precision-outcome naming a family (cli/precision-options.ts).
    'a run on one machine (not with --shard)': 'simulasi di satu mesin (tanpa --shard)',
    'one outcome, not a family (e.g. sustained.smart-health, not sustained.*)': 'satu keluaran, bukan satu keluarga keluaran (misalnya sustained.smart-health, bukan sustained.*)',
    // --shard-count with no --shard: the scheduler's array index (cli/options.ts shardOption).
    'a scheduler index (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX) in the environment':
      'indeks penjadwal (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX atau AWS_BATCH_JOB_ARRAY_INDEX) di environment',
    'an experiment file, or a base scenario and at least one variant': 'berkas eksperimen, atau skenario dasar dan sedikitnya satu skenario pengandaian',
    'one experiment file, or a base scenario and variant scenario files': 'satu berkas eksperimen, atau skenario dasar dan berkas-berkas skenario pengandaian',
    'an experiment file (.yaml)': 'berkas eksperimen (.yaml)',
    'a shard folder written by run --shard (with part.json)': 'folder bagian (shard) yang ditulis run --shard (berisi part.json)',
    'a shard folder written by national --shard (with part.json)': 'folder bagian (shard) yang ditulis national --shard (berisi part.json)',
    'a sweep or sensitivity shard folder': 'folder bagian (shard) sweep atau sensitivity',
  };
  if (Object.hasOwn(fixed, text)) return fixed[text]!;
  let m: RegExpExecArray | null;
  if ((m = /^([\s\S]+) or null$/.exec(text))) return `${expectedId(m[1]!)} atau null`;
  if ((m = /^(a number|an integer) in ([[(][^\]]*\])$/.exec(text))) return `${NOUNS[m[1]!]} dalam ${rangeId(m[2]!)}`;
  if ((m = /^(a number|an integer) (>=|>|<=|<) (\S+)$/.exec(text))) return `${NOUNS[m[1]!]} ${m[2]} ${m[3]}`;
  if ((m = /^an even integer(?: (>=|<=|<) (\S+))?$/.exec(text))) return `bilangan bulat genap${m[1] === undefined ? '' : ` ${m[1]} ${m[2]}`}`;
  if ((m = /^a month in (\S+)\.\.(\S+)$/.exec(text))) return `bulan dalam ${m[1]}..${m[2]}`;
  if ((m = /^a month from (\S+) on$/.exec(text))) return `bulan mulai ${m[1]}`;
  if ((m = /^a month up to (\S+)$/.exec(text))) return `bulan paling lambat ${m[1]}`;
  // A city's leaders, and a national election cycle's heads (model/national/compile.ts heads_order).
  if ((m = /^a month after (\S+)( \((?:leaders|heads)\[\d+\]\))?$/.exec(text))) return `bulan sesudah ${m[1]}${m[2] ?? ''}`;
  // A national platform's custodian (model/national/compile.ts national_platform_custodian), with the file's vendors when it has any.
  if ((m = /^a vendor id(?: \(([\s\S]+)\))? or "coordinator"$/.exec(text))) return `id vendor${m[1] === undefined ? '' : ` (${m[1]})`} atau "coordinator"`;
  if ((m = /^an index in 0\.\.(\d+)$/.exec(text))) return `indeks dalam 0..${m[1]}`;
  if ((m = /^an id not used before \(already used at index (\d+)\)$/.exec(text))) return `id yang belum dipakai (sudah dipakai pada indeks ${m[1]})`;
  if ((m = /^an id other than ([\s\S]+)$/.exec(text))) return `id selain ${m[1]}`;
  if ((m = /^an OPD id or a type \(([\s\S]+)\)$/.exec(text))) return `id atau jenis OPD (${m[1]})`;
  if ((m = /^an element with (\S+)$/.exec(text))) return `elemen yang memiliki ${m[1]}`;
  if ((m = /^a (.+) id, but none is defined$/.exec(text))) return `id ${kind(m[1]!)}, tetapi belum ada yang didefinisikan`;
  // --shard-count beside --shard, and the scheduler's index (cli/options.ts shardOption); sweep --merge with no shard (cli/sweep.ts).
  if ((m = /^(\d+), as in --shard (\S+) \(or only one of the two\)$/.exec(text))) return `${m[1]}, sesuai --shard ${m[2]} (atau berikan salah satunya saja)`;
  if ((m = /^a scheduler index in \[0, (\d+)\)$/.exec(text))) return `indeks penjadwal dalam [0; ${m[1]})`;
  if ((m = /^shard folders of this experiment under ([\s\S]+)$/.exec(text))) return `folder bagian (shard) eksperimen ini di bawah ${m[1]}`;
  if ((m = /^a whole number from (\S+) to (\S+)$/.exec(text))) return `bilangan bulat dari ${m[1]} sampai ${m[2]}`;
  if ((m = /^a whole number \(([\s\S]+)\)$/.exec(text))) return `bilangan bulat (${expectedId(m[1]!)})`;
  if ((m = /^a whole number from (\S+) to (\S+) \(0: any free port\)$/.exec(text))) return `bilangan bulat dari ${m[1]} sampai ${m[2]} (0: port bebas mana pun)`;
  if ((m = /^a list with at (least|most) (\d+) items?$/.exec(text))) return `daftar berisi ${m[1] === 'least' ? 'sedikitnya' : 'paling banyak'} ${m[2]} butir`;
  if ((m = /^a path to ([\s\S]+)$/.exec(text))) return `jalur ke ${expectedId(m[1]!)}`;
  // crossref.ts checkPairDraws (network_too_many_pairs).
  if ((m = /^small-world or scale-free, or erdos-renyi among at most ([\d,]+) agencies$/.exec(text))) return `small-world atau scale-free, atau erdos-renyi di antara paling banyak ${grouped(m[1]!)} perangkat daerah`;
  // crossref.ts: a platform's custodian (unknown_reference), with the vendors listed when there are any.
  if ((m = /^a vendor id, "coordinator", or "vendor" when exactly one vendor is listed(?: \(vendors: ([\s\S]+)\))?$/.exec(text))) {
    return `id vendor, "coordinator", atau "vendor" bila tepat satu vendor terdaftar${m[1] === undefined ? '' : ` (vendor: ${m[1].replace(/, … \((\d+) in all\)$/, ', … (semuanya $1)')})`}`;
  }
  if ((m = /^one of ([\s\S]+?)(?:, … \((\d+) in all\))?$/.exec(text))) return `salah satu dari ${m[1]}${m[2] === undefined ? '' : `, … (semuanya ${m[2]})`}`;
  // An option's choices (cli/options.ts checkChoices): `"en" or "id"`, `"a", "b" or "c"`.
  if ((m = /^((?:"[^"]*", )*"[^"]*") or ("[^"]*")$/.exec(text))) return `${m[1]} atau ${m[2]}`;
  return text;
}

/** What was found (an issue's "found"), its own words in Indonesian; the value itself as written. */
export function foundId(text: string): string {
  if (text === '(blank)') return '(kosong)';
  if (text === 'nothing') return 'tidak ada';
  // What the command line's option checks found (cli/options.ts foundText, checkEmptyArguments).
  if (text === 'not a number') return 'bukan angka';
  if (text === 'no value') return 'tidak ada nilai';
  if (text === 'an empty string') return 'teks kosong';
  if (text === 'none') return 'tidak ada';
  const items = /^(\d+) items?: ([\s\S]*)$/.exec(text);
  if (items) return `${items[1]} butir: ${items[2]}`;
  const chars = /^(\d+) characters$/.exec(text);
  if (chars) return `${chars[1]} karakter`;
  // crossref.ts: the agencies counted (too_many_agencies), a theta band (category_band_empty), two shocks' months (budget_shocks_overlap).
  const agencies = /^(\d{1,3}(?:,\d{3})*) agencies$/.exec(text);
  if (agencies) return `${grouped(agencies[1]!)} perangkat daerah`;
  // crossref.ts checkPairDraws (network_too_many_pairs): the generator among its agencies.
  const among = /^"erdos-renyi" among (\d{1,3}(?:,\d{3})*) agencies$/.exec(text);
  if (among) return `"erdos-renyi" di antara ${grouped(among[1]!)} perangkat daerah`;
  // The same check under theta_sd 0, where every theta is theta_mean (no band but the mean's own).
  const sd0 = /^theta_sd 0: every theta is theta_mean \((\d+)\.(\d+)\), in the (\S+) band$/.exec(text);
  if (sd0) return `theta_sd 0: setiap theta sama dengan theta_mean (${sd0[1]},${sd0[2]}), dalam pita ${sd0[3]}`;
  const band = /^theta band (\[\S+, \S+\))$/.exec(text);
  if (band) return `pita theta ${rangeId(band[1]!)}`;
  // A factor's range (experiment/spec.ts experiment_factor_range).
  const range = /^min (\S+), max (\S+)$/.exec(text);
  if (range) return `min ${foundId(range[1]!)}, max ${foundId(range[2]!)}`;
  // A national file's links and pair draws, counted up to a government (model/national/compile.ts too_many_links, too_many_pairs).
  const counted = /^(\d{1,3}(?:,\d{3})*) (links|pair draws) with government ("(?:[^"\\]|\\.)*")$/.exec(text);
  if (counted) return `${grouped(counted[1]!)} ${counted[2] === 'links' ? 'tautan' : 'undian pasangan'} sampai dengan pemerintah daerah ${counted[3]}`;
  const windows = /^(\S+\.\.\S+) and (\S+\.\.\S+)$/.exec(text);
  if (windows) return `${windows[1]} dan ${windows[2]}`;
  return text;
}

/** One problem as the page lists it: the command line's line without its ✗ (English), or that line in Bahasa Indonesia. */
export function issueText(issue: ScenarioIssue, lang: Language): string {
  if (lang === 'en') return formatIssues([issue]).replace(/^✗ /, '');
  const path = formatPath(issue.path);
  const detail = [issue.expected === undefined ? undefined : `seharusnya ${expectedId(issue.expected)}`, issue.found === undefined ? undefined : `ditemukan ${foundId(issue.found)}`].filter(
    (s): s is string => s !== undefined,
  );
  return `${issueLead(issue)}${messageId(issue)}${path === '' ? '' : ` → di ${path}`}${detail.length > 0 ? ` (${detail.join(', ')})` : ''}`;
}

/** messages/catalog.ts moreProblems in Bahasa Indonesia: the line after the first problems, counting the others. */
export function moreProblemsId(count: number): string {
  return `… dan ${grouped(count.toLocaleString('en-US'))} masalah lain (perbaiki yang di atas, lalu periksa lagi)`;
}

/**
 * Problems as the command line prints them under --lang id: formatIssues's
 * lines (✗ and all), each in Bahasa Indonesia when its message has
 * Indonesian here, else wholly English (difusi generate-national's, a
 * reason in the operating system's or a library's words, an option's rarer
 * forms): a line is one language or the other, where the page frames every line in
 * Indonesian around the few English messages it can meet.
 */
export function formatIssuesId(issues: readonly ScenarioIssue[]): string {
  return issues
    .map((issue) => {
      if (messageId(issue) === issue.message || englishDetail(issue)) return formatIssues([issue]);
      const lead = issueLead(issue);
      // Only a label (a place with no line: an option, an override), never a file that happens to be named so.
      return `✗ ${placeIsLabel(issue) ? placeId(lead) : lead}${issueText(issue, 'id').slice(lead.length)}`;
    })
    .join('\n');
}

/**
 * Whether the line's "expected" or "found" would stay English prose inside an
 * Indonesian frame: text the patterns above leave as written and that holds
 * words (two words in a row), such as the command line's options' "a whole
 * number of at least 1" or "an empty string". Such a line stays wholly English
 * on the command line; a value ("many", 1.7, [1; 1200]) is no prose.
 */
function englishDetail(issue: ScenarioIssue): boolean {
  const prose = (text: string | undefined, id: (t: string) => string) => text !== undefined && id(text) === text && /[A-Za-z]{2,} [A-Za-z]{2,}/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
  return prose(issue.expected, expectedId) || prose(issue.found, foundId);
}
