/**
 * A scenario's problems as the explorer lists them, in the page's language.
 * English: the command line's line (messages/catalog.ts formatIssues,
 * without its ✗), so the page says what `difusi validate` prints. Bahasa
 * Indonesia: the same line with its framing in Indonesian ("→ di <path>
 * (seharusnya ..., ditemukan ...)"), and the message itself in Indonesian
 * for the codes in ID_MESSAGES, the problems a planning officer editing a
 * scenario in the page meets most (shape, months, references, levers, the
 * page's own Seed and Replications). Any other message, and any part of
 * "expected" the patterns below do not know, stays in English, as do the
 * details that come from the YAML and schema libraries (after "Kesalahan
 * sintaks YAML:" and "Nilai tidak valid:"); docs/EXPLORER.md says which.
 *
 * A message is translated only when its English is exactly what the catalog
 * makes of the arguments read back from it: a message that reads otherwise
 * (a name holding the words the pattern looks for) is shown in English, not
 * misquoted. The text is plain: the page shows it with textContent, after
 * safeText (app.ts), so a scenario string in it can never become markup.
 *
 * Pure, no DOM (tests/explorer/issue-text.test.ts).
 */
import { formatIssues, formatPath, issueLead, MESSAGES, type IssueCode, type ScenarioIssue } from '../messages/catalog.js';
import type { Language } from './i18n.js';

/** A JSON string as the catalog's quote() writes it. */
const Q = '("(?:[^"\\\\]|\\\\.)*")';

/** The kinds of reference crossref.ts names (unknown_reference, duplicate_id), in Indonesian; others as written. */
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
};
const kind = (k: string): string => KINDS[k] ?? k;
const didYouMean = (s: string | undefined): string => (s === undefined ? '' : ` (maksud Anda ${s}?)`);

interface IdMessage {
  /** Reads the catalog's arguments back from its English message (strings as shown: quoted ones still quoted). */
  readonly read?: RegExp;
  /** The arguments as the catalog takes them, from the pattern's groups (default: the groups, quoted ones parsed). */
  readonly args?: (groups: (string | undefined)[]) => unknown[];
  /** The Indonesian message from the groups as shown. */
  readonly id: (groups: (string | undefined)[]) => string;
}

/** Groups of JSON strings given back as the strings they quote; others as they are. */
const unquote = (g: string | undefined): string | undefined => (g !== undefined && g.startsWith('"') ? (JSON.parse(g) as string) : g);

const ID_MESSAGES: Partial<Record<IssueCode, IdMessage>> = {
  yaml_syntax: { read: /^YAML syntax error: ([\s\S]*)$/, id: ([d]) => `Kesalahan sintaks YAML: ${d}` },
  yaml_multiple_documents: {
    id: () => 'Satu berkas hanya boleh memuat satu dokumen YAML; dokumen kedua dimulai di sini (baris "---" memulai dokumen baru: hapus baris itu beserta isi sesudahnya, atau pisahkan berkasnya)',
  },
  json_syntax: { read: /^JSON syntax error: ([\s\S]*)$/, id: ([d]) => `Kesalahan sintaks JSON: ${d}` },
  empty_file: { id: () => 'Berkas kosong' },
  experiment_not_scenario: {
    read: /^An experiment file \(it has base and no opds\), not a scenario; run it with difusi (\S+) ([\s\S]*)$/,
    id: ([c, f]) => `Ini berkas eksperimen (memuat base dan tidak memuat opds), bukan skenario; jalankan dengan difusi ${c} ${f}`,
  },
  wrong_type: {
    read: /^Wrong type(?:: numbers take no comma; write (.*))?$/,
    args: ([w]) => (w === undefined ? [] : [w]),
    id: ([w]) => (w === undefined ? 'Jenis nilai salah' : `Jenis nilai salah: angka ditulis dengan titik desimal, bukan koma; tulis ${w}`),
  },
  missing_field: { read: new RegExp(`^Missing required field ${Q}$`), id: ([f]) => `Kolom wajib ${f} tidak ada` },
  not_integer: { id: () => 'Bukan bilangan bulat' },
  out_of_range: { id: () => 'Nilai di luar rentang' },
  bad_format: { id: () => 'Format nilai salah' },
  no_such_month: { read: /^There is no month (.*): the month must be 01-12$/, id: ([m]) => `Tidak ada bulan ${m}: bulan harus 01-12` },
  not_an_option: { id: () => 'Bukan salah satu nilai yang diizinkan' },
  unknown_field: {
    read: new RegExp(`^Unknown field ${Q}(?: \\(did you mean ${Q}\\?\\))?$`),
    id: ([f, s]) => `Kolom tidak dikenal ${f}${didYouMean(s)}`,
  },
  too_few_items: { id: () => 'Butirnya terlalu sedikit' },
  too_many_items: { id: () => 'Butirnya terlalu banyak' },
  invalid_value: { read: /^Invalid value: ([\s\S]*)$/, id: ([d]) => `Nilai tidak valid: ${d}` },
  duplicate_id: { read: new RegExp(`^Duplicate (.+) id ${Q}$`), id: ([k, i]) => `Id ${i} dipakai lebih dari sekali (${kind(k!)})` },
  unknown_reference: {
    read: new RegExp(`^Unknown (.+) ${Q}(?: \\(did you mean ${Q}\\?\\))?$`),
    id: ([k, i, s]) => `${kind(k!)} ${i} tidak dikenal${didYouMean(s)}`,
  },
  pilot_months_required: {
    read: new RegExp(`^Innovation ${Q} is pilot-funded but gives no pilot_months$`),
    id: ([i]) => `Inovasi ${i} didanai sebagai uji coba (funding: pilot) tetapi tidak memberi pilot_months`,
  },
  month_outside_horizon: { read: /^(.+) lies outside the scenario's horizon$/, id: ([f]) => `${f} berada di luar horizon skenario` },
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
    id: ([p, i, f]) => `Jalur tuas ${p} menunjuk kolom yang sama dengan levers[${i}] (${f}): dua kendali akan mengatur satu nilai (pertahankan salah satunya)`,
  },
  lever_range: { id: () => 'min tuas harus lebih kecil daripada max-nya' },
  lever_outside_parameter: {
    read: /^The lever's (min|max) (\S+) lies outside the range of (.+), (.+): the explorer would offer a value the scenario check refuses$/,
    args: ([f, v, p, a]) => [f, Number(v), p, a],
    id: ([f, v, p, a]) => `${f} tuas ${v} berada di luar rentang ${p}, ${expectedId(a!)}: penjelajah akan menawarkan nilai yang ditolak pemeriksaan skenario`,
  },
  lever_outside_range: {
    read: /^The lever's (min|max) (\S+) lies outside the range of (.+), (.+): the explorer would offer a value the scenario check refuses$/,
    args: ([f, v, p, a]) => [f, Number(v), p, a],
    id: ([f, v, p, a]) => `${f} tuas ${v} berada di luar rentang ${p}, ${expectedId(a!)}: penjelajah akan menawarkan nilai yang ditolak pemeriksaan skenario`,
  },
  lever_not_whole: {
    read: /^The lever's (min|max|step) (\S+) is not a whole number, and (.+) takes (.+): the explorer would offer a value the scenario check refuses$/,
    args: ([f, v, p, a]) => [f, Number(v), p, a],
    id: ([f, v, p, a]) => `${f} tuas ${v} bukan bilangan bulat, sedangkan ${p} menerima ${expectedId(a!)}: penjelajah akan menawarkan nilai yang ditolak pemeriksaan skenario`,
  },
  override_missing: {
    read: new RegExp(`^Override path (.+?) names no existing element(?: \\(did you mean ${Q}\\?\\))?$`),
    id: ([p, s]) => `Jalur pengaturan ${p} tidak menunjuk elemen yang ada${didYouMean(s)}`,
  },
  invalid_option: { read: /^Invalid value for (.+)$/, id: ([o]) => `Nilai tidak valid untuk ${o}` },
};

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
  return again === issue.message ? entry.id(groups) : issue.message;
}

const NOUNS: Readonly<Record<string, string>> = { 'a number': 'angka', 'an integer': 'bilangan bulat' };

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
    'a string': 'teks',
    'a list': 'daftar',
    'a mapping of fields': 'pemetaan kolom',
    'no further fields': 'tidak ada kolom lain',
    'a valid value': 'nilai yang valid',
    'a path to a value the scenario has (or a known parameter)': 'jalur ke nilai yang dimiliki skenario (atau parameter yang dikenal)',
  };
  if (Object.hasOwn(fixed, text)) return fixed[text]!;
  let m: RegExpExecArray | null;
  if ((m = /^([\s\S]+) or null$/.exec(text))) return `${expectedId(m[1]!)} atau null`;
  if ((m = /^(a number|an integer) in ([[(][^\]]*\])$/.exec(text))) return `${NOUNS[m[1]!]} dalam ${m[2]}`;
  if ((m = /^(a number|an integer) (>=|>|<=) (\S+)$/.exec(text))) return `${NOUNS[m[1]!]} ${m[2]} ${m[3]}`;
  if ((m = /^a whole number from (\S+) to (\S+)$/.exec(text))) return `bilangan bulat dari ${m[1]} sampai ${m[2]}`;
  if ((m = /^a whole number \(([\s\S]+)\)$/.exec(text))) return `bilangan bulat (${expectedId(m[1]!)})`;
  if ((m = /^a list with at (least|most) (\d+) items?$/.exec(text))) return `daftar berisi ${m[1] === 'least' ? 'sedikitnya' : 'paling banyak'} ${m[2]} butir`;
  if ((m = /^a path to ([\s\S]+)$/.exec(text))) return `jalur ke ${expectedId(m[1]!)}`;
  if ((m = /^one of ([\s\S]+?)(?:, … \((\d+) in all\))?$/.exec(text))) return `salah satu dari ${m[1]}${m[2] === undefined ? '' : `, … (semuanya ${m[2]})`}`;
  return text;
}

/** What was found (an issue's "found"), its own words in Indonesian; the value itself as written. */
export function foundId(text: string): string {
  if (text === '(blank)') return '(kosong)';
  if (text === 'nothing') return 'tidak ada';
  const items = /^(\d+) items?: ([\s\S]*)$/.exec(text);
  if (items) return `${items[1]} butir: ${items[2]}`;
  const chars = /^(\d+) characters$/.exec(text);
  if (chars) return `${chars[1]} karakter`;
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
