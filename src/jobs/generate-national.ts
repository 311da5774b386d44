/**
 * `difusi generate-national`: writes the national scenario of Indonesia's
 * local governments (scenarios/indonesia-2015-2025.yaml) from the
 * administrative-area tables (data/idn-area/, idn-area-data, ODbL) and the
 * Bekasi city scenario (Kota Bekasi's government is that scenario).
 *
 * Cohort members and election cycles named by public sources come from
 * data/public-lists/ (sources in its NOTICE.md); each name must match exactly
 * one government of the area data.
 *
 * Everything here that is not in those files is a scenario choice, cited or
 * marked as an assumption in scenarios/indonesia-2015-2025.md: the agency
 * mix per government type, the national services, their owners, platforms
 * and attributes, the mandates, the cohort sizes, the election cycles' counts
 * and the (lottery) assignment of the governments no list names.
 */
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Document } from 'yaml';
import { keyOf } from '../engine/random.js';
import { UserError, formatPath, type IssueDraft } from '../messages/catalog.js';
import { IDN_AREA_FILES, onceEach, readCsvTable, readIdnAreas, type IdnRegency } from '../store/idn-area.js';
import { sniffScenarioFile } from '../store/national-sniff.js';
import { checkOutFile } from '../store/out-root.js';
import { infoPagePath, readScenarioFile } from '../store/scenario-file.js';
import { writeWholeFile } from '../store/durable.js';
import { NATIONAL_PARAMETER_DEFAULTS } from '../scenario/national-schema.js';
import { MAX_LABEL_LENGTH } from '../scenario/limits.js';
import { parseDataText } from '../scenario/parse.js';
import { nationalFromText } from '../store/national-file.js';
import { compileNational, NationalCompileError } from '../model/national/compile.js';
import { compile } from '../model/compile.js';

export interface GenerateNationalOptions {
  readonly dataDir: string;
  /** Public lists of cohort members and election cycles (data/public-lists/); default: `public-lists` beside dataDir. */
  readonly listsDir?: string;
  readonly bekasiFile: string;
  readonly outFile: string;
}

const title = (s: string) =>
  s
    .toLowerCase()
    .split(' ')
    .map((w) => (w === 'dki' || w === 'di' ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export function regencyId(name: string): string {
  const n = name.toUpperCase();
  if (n.startsWith('KABUPATEN ADMINISTRASI ')) return `kab-adm-${slug(n.slice(23))}`;
  if (n.startsWith('KOTA ADMINISTRASI ')) return `kota-adm-${slug(n.slice(18))}`;
  if (n.startsWith('KABUPATEN ')) return `kab-${slug(n.slice(10))}`;
  if (n.startsWith('KOTA ')) return `kota-${slug(n.slice(5))}`;
  return slug(n);
}
export const provinceId = (name: string) => `prov-${slug(name)}`;

/**
 * Governments on each cycle of the simultaneous regional elections (Pilkada
 * serentak), as published by the election commission (KPU): 2015: 9
 * provinces, 224 regencies, 36 cities; 2017: 7, 76, 18; 2018: 17, 115, 39.
 * Their successors were elected in 2020 (the 2015 cycle) and 2024 (all);
 * heads whose terms ended in 2022 and 2023 were replaced by appointed acting
 * heads until the 2024 winners took office (Law 10/2016, Art. 201).
 */
const CYCLE_COUNTS = {
  c2015: { province: 9, regency: 224, city: 36 },
  c2017: { province: 7, regency: 76, city: 18 },
  c2018: { province: 17, regency: 115, city: 39 },
} as const;
/** Kota Bekasi's cycle from the case record (mayor elected 2018); the public list must agree. */
const CASE_CYCLE: Record<string, string> = { 'kota-bekasi': 'c2018' };

/** A row of a public list (data/public-lists/*.csv), with its line for error messages. */
interface ListRow {
  readonly group: string;
  readonly type: string;
  readonly name: string;
  readonly idnName: string;
  readonly line: number;
}

/**
 * A public list: each row's group (its `groupColumn`, one of `groups`),
 * type, name and idn_area_name. A missing file or column, a row of another
 * length, a group that is not one of `groups`: a UserError naming the file
 * and line.
 */
function readList(file: string, groupColumn: string, groups: readonly string[]): ListRow[] {
  const expected = 'the public lists (data/public-lists/; generate-national reads them from public-lists beside the --data folder)';
  return readCsvTable(file, [groupColumn, 'name', 'idn_area_name'], expected).map(({ row, line }) => {
    const group = row[groupColumn]!;
    if (!groups.includes(group)) throw UserError.of('list_unknown_group', [groupColumn, group], { file, line }, { expected: `one of ${groups.join(', ')}` });
    return { group, type: row['type'] ?? '', name: row['name']!, idnName: row['idn_area_name']!, line };
  });
}

/** Names compare without case, spaces, hyphens or the "Provinsi" prefix ("Bau-Bau" = "BAU BAU"). */
const nameKey = (s: string) =>
  s
    .toUpperCase()
    .replace(/^PROVINSI /, '')
    .replace(/[^A-Z0-9]/g, '');

/**
 * Matches each row of a public list to one government of the data, by its
 * name (or its `idn_area_name`, for areas renamed since: e.g. Maluku
 * Tenggara Barat, now Kepulauan Tanimbar). A name that matches no
 * government, or more than one, or a government listed twice, is an error
 * naming the file and line: nothing is guessed.
 */
function matchList(
  file: string,
  rows: readonly ListRow[],
  governments: readonly { id: string; name: string; type: string }[],
  dataDir: string,
): Map<string, { group: string; line: number }> {
  const byKey = new Map<string, { id: string; type: string }[]>();
  for (const g of governments) {
    const k = nameKey(g.name);
    byKey.set(k, [...(byKey.get(k) ?? []), g]);
  }
  const out = new Map<string, { group: string; line: number }>();
  for (const r of rows) {
    const found = (byKey.get(nameKey(r.idnName !== '' ? r.idnName : r.name)) ?? []).filter((g) => r.type === '' || g.type === r.type);
    if (found.length !== 1) throw UserError.of('list_name_matches', [r.name, found.length, dataDir], { file, line: r.line });
    const id = found[0]!.id;
    const before = out.get(id);
    if (before !== undefined) throw UserError.of('list_name_twice', [r.name, before.line], { file, line: r.line });
    out.set(id, { group: r.group, line: r.line });
  }
  return out;
}

/** No elected head: the Sultan is governor (Law 13/2012); Jakarta's administrative cities and regency are headed by appointees. */
const NO_ELECTION = (id: string) => id === 'prov-daerah-istimewa-yogyakarta' || id.startsWith('kota-adm-') || id.startsWith('kab-adm-');
/** Provinces created in 2022 (Papua Selatan, Tengah, Pegunungan, Barat Daya): acting governors until the 2024 winners. */
const NEW_PROVINCE_CODES = new Set(['93', '94', '95', '96']);

/**
 * The smart-city movement's cohorts: 25 regencies and cities in 2017, 50 in
 * 2018, 25 in 2019 (Kominfo; see data/public-lists/NOTICE.md). Members named
 * in data/public-lists/smart-city-cohorts.csv join as listed; the rest of a
 * cohort's size is filled by the generator's fixed lottery (no public list
 * was found), written out as members.
 */
const SMART_CITY_COHORTS = [
  { id: 'smart-city-2017', from: '2017-05', size: 25 },
  { id: 'smart-city-2018', from: '2018-05', size: 50 },
  { id: 'smart-city-2019', from: '2019-05', size: 25 },
] as const;

const ELECTIONS = [
  {
    id: 'c2015',
    name: 'Pilkada 2015, 2020, 2024',
    name_id: 'Pilkada 2015, 2020, 2024',
    heads: [{ from: '2011-02' }, { from: '2016-02' }, { from: '2021-02' }, { from: '2025-02' }],
  },
  {
    id: 'c2017',
    name: 'Pilkada 2017, acting head 2022, Pilkada 2024',
    name_id: 'Pilkada 2017, penjabat kepala daerah 2022, Pilkada 2024',
    heads: [{ from: '2012-06' }, { from: '2017-06' }, { from: '2022-06', acting: true }, { from: '2025-02' }],
  },
  {
    id: 'c2018',
    name: 'Pilkada 2018, acting head 2023, Pilkada 2024',
    name_id: 'Pilkada 2018, penjabat kepala daerah 2023, Pilkada 2024',
    heads: [{ from: '2013-09' }, { from: '2018-09' }, { from: '2023-09', acting: true }, { from: '2025-02' }],
  },
  {
    id: 'new-2022',
    name: 'Provinces formed in 2022: acting governors, then Pilkada 2024',
    name_id: 'Provinsi yang dibentuk pada 2022: penjabat gubernur, lalu Pilkada 2024',
    heads: [{ from: '2015-01', acting: true }, { from: '2025-02' }],
  },
];

/** Agencies per government type besides kecamatan (an assumption: 31 at city and regency level, Kota Bekasi's non-kecamatan count). */
const AGENCIES = {
  province: { dinas: 24, badan: 7, secretariat: 2, other: 2 },
  regency: { dinas: 21, badan: 6, secretariat: 2, other: 2 },
  city: { dinas: 21, badan: 6, secretariat: 2, other: 2 },
};

const attrs = (ra: number, co: number, cx: number, tr: number, ob: number) => ({
  relative_advantage: ra,
  compatibility: co,
  complexity: cx,
  trialability: tr,
  observability: ob,
});

/** A service on a national platform: integrated through it from its launch (see SERVICES). */
const onPlatform = (platform: string, launch: string) => ({ platform, launch, integrated_from: launch });

/**
 * The national portfolio: ten e-services every local government could run
 * (attributes are knobs; see the Info page).
 *
 * Ownership and platforms (P14 calibration, docs/NATIONAL.md): a service
 * each agency runs for its own business is owned by the agency (`opd`: in
 * its own plan): e-procurement (each agency procures its own packages
 * through the LPSE), SIPD (each agency prepares its own budget in it) and
 * SRIKANDI (each agency's own correspondence and archives). Services the
 * coordinator rolls out for the others stay coordinator-owned (the
 * complaints channel, the village information system, SPBE integration).
 * The systems a ministry provides to every government (SPSE of LKPP for
 * e-procurement, OSS, SIPD, SRIKANDI, SP4N-LAPOR!) run on national
 * platforms, and each is integrated through its platform from its launch
 * (`integrated_from` = `launch`, onPlatform()): the platform is the
 * ministry's shared system, so an instance is never a standalone app, and a
 * ban on standalone apps (Perpres 82/2023, which promotes these shared
 * applications) does not replace it.
 */
const SERVICES = [
  { id: 'e-procurement', name: 'E-procurement service (LPSE)', name_id: 'Layanan Pengadaan Secara Elektronik (LPSE)', owner: 'opd', funding: 'apbd', ...onPlatform('spse-platform', '2015-01'), ...attrs(0.7, 0.6, 0.4, 0.5, 0.6) },
  { id: 'complaints-lapor', name: 'National complaints channel (SP4N-LAPOR!)', name_id: 'Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional (SP4N-LAPOR!)', owner: 'coordinator', funding: 'national', ...onPlatform('lapor-platform', '2016-06'), ...attrs(0.5, 0.5, 0.3, 0.6, 0.5) },
  { id: 'e-health-registration', name: 'Online health-service registration', name_id: 'Pendaftaran layanan kesehatan daring', owner: 'opd', funding: 'apbd', eligible: ['dinas'], launch: '2016-06', ...attrs(0.7, 0.7, 0.4, 0.5, 0.7) },
  { id: 'village-information', name: 'Kecamatan and village information system', name_id: 'Sistem Informasi Desa dan Kecamatan', owner: 'coordinator', funding: 'apbd', eligible: ['kecamatan'], launch: '2017-01', ...attrs(0.5, 0.5, 0.5, 0.5, 0.4) },
  { id: 'command-center', name: 'Smart-city command centre (vendor pilot)', name_id: 'Pusat komando (command center) kota cerdas (uji coba vendor)', owner: 'vendor', vendor: 'telco-vendor', funding: 'pilot', pilot_months: 36, launch: '2017-07', sponsor: 'leader', ...attrs(0.6, 0.4, 0.6, 0.4, 0.8), governments: { cohorts: ['smart-city-2017', 'smart-city-2018', 'smart-city-2019'] } },
  { id: 'citizen-app', name: 'Standalone citizen super-app (vendor pilot)', name_id: 'Aplikasi super warga yang berdiri sendiri (uji coba vendor)', owner: 'vendor', vendor: 'app-vendor', funding: 'pilot', pilot_months: 24, launch: '2018-03', ...attrs(0.5, 0.4, 0.5, 0.6, 0.6) },
  { id: 'e-licensing', name: 'Local licensing linked to the national OSS', name_id: 'Perizinan daerah yang terhubung dengan OSS nasional', owner: 'opd', funding: 'apbd', ...onPlatform('oss-platform', '2018-07'), ...attrs(0.6, 0.5, 0.5, 0.4, 0.5) },
  { id: 'spbe-integration', name: 'Integration into the national e-government (SPBE) platforms', name_id: 'Integrasi ke platform nasional Sistem Pemerintahan Berbasis Elektronik (SPBE)', owner: 'coordinator', funding: 'apbd', launch: '2019-01', ...attrs(0.5, 0.4, 0.6, 0.3, 0.4) },
  { id: 'e-budgeting-sipd', name: 'Regional government information system (SIPD, e-budgeting)', name_id: 'Sistem Informasi Pemerintahan Daerah (SIPD, penganggaran elektronik)', owner: 'opd', funding: 'apbd', ...onPlatform('sipd-platform', '2020-01'), ...attrs(0.5, 0.5, 0.6, 0.3, 0.5) },
  { id: 'e-office-srikandi', name: 'E-office and archives (SRIKANDI)', name_id: 'Perkantoran elektronik dan kearsipan (SRIKANDI)', owner: 'opd', funding: 'national', ...onPlatform('srikandi-platform', '2021-08'), ...attrs(0.6, 0.5, 0.4, 0.6, 0.5) },
];

/** A national service as the generator writes it: `eligible` agency types or ids, and an optional governments selector. */
type Service = (typeof SERVICES)[number] & { eligible?: readonly string[]; governments?: { types?: readonly string[]; except?: readonly string[]; cohorts?: readonly string[] } };

/**
 * The agency types and ids a generated government has: the template's mix
 * for its type, the coordinator (a dinas, id `kominfo`), and, for a regency
 * or city, one kecamatan agency per district. A government with its own
 * `city` block gives its agencies there.
 */
function agencyKinds(g: Record<string, unknown>): Set<string> {
  const opds = (g['city'] as { opds?: { list?: { id: string; type?: string }[]; generate?: { count: number; types?: Record<string, number> } } } | undefined)?.opds;
  if (opds !== undefined) {
    // Listed agencies by id and type; generated ones by the types of their mix (all `other` without one).
    const mix = opds.generate === undefined || opds.generate.count === 0 ? [] : Object.entries(opds.generate.types ?? { other: 1 }).filter(([, w]) => w > 0).map(([t]) => t);
    return new Set([...(opds.list ?? []).flatMap((o) => [o.id, o.type ?? 'other']), ...mix]);
  }
  const type = g['type'] as keyof typeof AGENCIES;
  const kinds = new Set<string>(Object.entries(AGENCIES[type]).filter(([, n]) => n > 0).map(([t]) => t));
  kinds.add('dinas').add('kominfo');
  if (type !== 'province' && (g['districts'] as number) > 0) kinds.add('kecamatan');
  return kinds;
}

/**
 * Each service offered only where a government has at least one agency
 * eligible for it: a service nobody in a government can adopt would be
 * launched there and counted a total failure (docs/NATIONAL.md, "Checks").
 * The governments left out are written with the scenario's own selector:
 * `types` for the government types none of whose governments has one
 * (village-information, for kecamatan only: no province), `except` for the
 * single governments of the other types. A government with `portfolio:
 * false` is offered nothing and is not named.
 */
export function offerWhereEligible<S extends Service>(services: readonly S[], governments: readonly Record<string, unknown>[]): S[] {
  return services.map((service) => {
    if (service.eligible === undefined) return service;
    const eligible = service.eligible;
    const offered = governments.filter((g) => g['portfolio'] !== false);
    const has = (g: Record<string, unknown>) => eligible.some((e) => agencyKinds(g).has(e));
    const types = ['province', 'regency', 'city'].filter((t) => offered.some((g) => g['type'] === t && has(g)) && (service.governments?.types ?? [t]).includes(t));
    const except = offered.filter((g) => types.includes(g['type'] as string) && !has(g)).map((g) => g['id'] as string);
    const allTypes = types.length === 3 && service.governments?.types === undefined;
    if (allTypes && except.length === 0) return service;
    const selector = {
      ...service.governments,
      ...(allTypes ? {} : { types }),
      ...(except.length > 0 || service.governments?.except !== undefined ? { except: [...(service.governments?.except ?? []), ...except] } : {}),
    };
    return { ...service, governments: selector };
  });
}

/**
 * The city scenario as the generated description names it: its path from
 * the folder the command runs in (scenarios/bekasi-2015-2025.yaml by
 * default), or its file name when it lies outside that folder (no path of
 * this machine goes into the scenario).
 */
function shownCityFile(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return basename(file);
  return rel.split(sep).join('/');
}

/**
 * The first problem `difusi validate` would find in a generated national
 * scenario (its shape, as a national file is read, then each government
 * compiled as a city), in words with its path; undefined when it validates.
 */
export function generatedProblem(text: string): string | undefined {
  const say = (d: IssueDraft) => {
    const detail = [d.expected === undefined ? undefined : `expected ${d.expected}`, d.found === undefined ? undefined : `found ${d.found}`].filter((x) => x !== undefined);
    return `${d.message}${d.path.length === 0 ? '' : ` → at ${formatPath(d.path)}`}${detail.length === 0 ? '' : ` (${detail.join(', ')})`}`;
  };
  try {
    compileNational(nationalFromText(parseDataText(text, 'generated.yaml'), 'generated.yaml').scenario);
    return undefined;
  } catch (error) {
    if (error instanceof UserError) return say(error.issues[0]!);
    if (error instanceof NationalCompileError) return say(error.drafts[0] ?? { code: 'invalid_value', path: error.path, message: error.message });
    throw error;
  }
}

export function generateNational(options: GenerateNationalOptions): { governments: number; agencies: number; bytes: number } {
  const listsDir = options.listsDir ?? join(dirname(options.dataDir), 'public-lists');
  const cyclesFile = join(listsDir, 'pilkada-cycles.csv');
  const cohortsFile = join(listsDir, 'smart-city-cohorts.csv');
  // Where the scenario goes, before any work: a folder, a device, a read-only place, or one of the files read here: one line, exit 2.
  checkOutFile(options.outFile, [
    ...IDN_AREA_FILES.map((f) => ({ path: join(options.dataDir, f), what: `the area table ${join(options.dataDir, f)}` })),
    { path: cyclesFile, what: `the public list ${cyclesFile}` },
    { path: cohortsFile, what: `the public list ${cohortsFile}` },
    { path: options.bekasiFile, what: 'the city scenario given as --bekasi' },
    { path: infoPagePath(options.bekasiFile), what: "the --bekasi scenario's Info page" },
    { path: infoPagePath(options.bekasiFile, 'id'), what: "the --bekasi scenario's Indonesian Info page" },
  ]);
  // Kota Bekasi's government runs a city scenario: one `difusi run` takes (a national file is refused in one line).
  if (sniffScenarioFile(options.bekasiFile).national) throw UserError.of('bekasi_not_city', [], { file: options.bekasiFile });
  // Read (and checked) as `difusi run` reads it; its fields as the file writes them (no overrides here).
  const bekasiFile = readScenarioFile(options.bekasiFile);
  const bekasiInput = bekasiFile.writtenInput as Record<string, unknown>;
  // The city block's agencies as its scenario runs them (listed and generated), for the count printed.
  const bekasiAgencies = compile(bekasiFile.scenario).opds.length;

  const { provinces, regencies } = readIdnAreas(options.dataDir);
  const provinceOf = new Map(provinces.map((p) => [p.code, provinceId(p.name)]));
  const type = (r: IdnRegency) => (regencyId(r.name).startsWith('kota') ? 'city' : 'regency');
  const named = [
    ...provinces.map((p) => ({ id: provinceId(p.name), name: p.name, written: `Provinsi ${title(p.name)}`, type: 'province', line: p.line, file: 'provinces.csv' })),
    ...regencies.map((r) => ({ id: regencyId(r.name), name: r.name, written: title(r.name), type: type(r), line: r.line, file: 'regencies.csv' })),
  ];
  // Each name gives a name and an id the scenario can hold: not empty, an id of letters or digits, neither over MAX_LABEL_LENGTH.
  for (const g of named) {
    const where = { file: join(options.dataDir, g.file), line: g.line };
    if (g.name.trim() === '') throw UserError.of('area_name_empty', [], where);
    if (g.id === '') throw UserError.of('area_name_no_id', [g.name], where);
    const length = Math.max(g.id.length, g.written.length);
    if (length > MAX_LABEL_LENGTH) throw UserError.of('area_name_too_long', [g.name, length, MAX_LABEL_LENGTH], where);
  }
  // Each government once: a row given twice (or two names that make one id) would write the id twice.
  const seen = new Map<string, (typeof named)[number]>();
  for (const g of named) {
    const before = seen.get(g.id);
    if (before !== undefined) throw UserError.of('area_duplicate_government', [g.name, g.id, before.line], { file: join(options.dataDir, g.file), line: g.line });
    seen.set(g.id, g);
  }
  // Each code once: a province code given twice (under another name) wrote each of its regencies twice.
  onceEach(join(options.dataDir, 'provinces.csv'), 'province', provinces);
  onceEach(join(options.dataDir, 'regencies.csv'), 'regency or city', regencies);
  const knownCycle = matchList(cyclesFile, readList(cyclesFile, 'cycle', Object.keys(CYCLE_COUNTS)), named, options.dataDir);
  for (const [id, c] of Object.entries(CASE_CYCLE)) {
    const known = knownCycle.get(id);
    if (known?.group !== c) throw UserError.of('list_case_cycle', [id, c, known?.group ?? 'no cycle'], { file: cyclesFile, ...(known && { line: known.line }) });
  }
  const knownCohort = matchList(cohortsFile, readList(cohortsFile, 'cohort', SMART_CITY_COHORTS.map((c) => c.id)), named, options.dataDir);
  const cohortMembers = (c: string) => [...knownCohort.entries()].filter(([, cc]) => cc.group === c).map(([id]) => id);

  // Election cycles: the known ones, then a lottery (keyed by id) that fills each cycle's count per type.
  const cycle = new Map<string, string>();
  const candidates: { id: string; type: 'province' | 'regency' | 'city' }[] = [
    ...provinces.map((p) => ({ id: provinceId(p.name), type: 'province' as const, code: p.code })).filter((p) => {
      if (NEW_PROVINCE_CODES.has(p.code)) cycle.set(p.id, 'new-2022');
      return !NEW_PROVINCE_CODES.has(p.code);
    }),
    ...regencies.map((r) => ({ id: regencyId(r.name), type: type(r) as 'regency' | 'city' })),
  ].filter((g) => !NO_ELECTION(g.id) && !cycle.has(g.id));
  for (const [id, { group: c }] of knownCycle) if (candidates.some((g) => g.id === id)) cycle.set(id, c);
  for (const t of ['province', 'regency', 'city'] as const) {
    const pool = candidates
      .filter((g) => g.type === t && !cycle.has(g.id))
      .sort((a, b) => keyOf(`pilkada:${a.id}`) - keyOf(`pilkada:${b.id}`) || (a.id < b.id ? -1 : 1));
    let at = 0;
    for (const c of ['c2015', 'c2017', 'c2018'] as const) {
      const known = [...cycle.entries()].filter(([id, cc]) => cc === c && candidates.some((g) => g.id === id && g.type === t)).length;
      const want = CYCLE_COUNTS[c][t] - known;
      for (let i = 0; i < want && at < pool.length; i++) cycle.set(pool[at++]!.id, c);
    }
    // Governments beyond the published counts (formed since) join the 2015 cycle.
    while (at < pool.length) cycle.set(pool[at++]!.id, 'c2015');
  }

  // Smart-city cohorts: the listed members, then a fixed lottery (keyed by cohort and id) among the
  // regencies and cities (not Jakarta's administrative ones) listed in no cohort and not yet drawn.
  // Done here rather than by the scenario's `select`, so that an earlier cohort's lottery cannot
  // draw a government a source names in a later cohort.
  const listed = new Set(knownCohort.keys());
  const cohorts = new Map<string, string[]>();
  for (const c of SMART_CITY_COHORTS) {
    const members = cohortMembers(c.id);
    if (members.length > c.size) {
      throw UserError.of('list_cohort_too_many', [c.id, members.length, c.size], { file: cohortsFile, line: knownCohort.get(members[c.size]!)!.line });
    }
    const pool = regencies
      .map((r) => regencyId(r.name))
      .filter((id) => !listed.has(id) && !NO_ELECTION(id))
      .sort((a, b) => keyOf(`smart-city:${c.id}:${a}`) - keyOf(`smart-city:${c.id}:${b}`) || (a < b ? -1 : 1));
    const drawn = pool.slice(0, c.size - members.length);
    for (const id of drawn) listed.add(id);
    cohorts.set(c.id, [...members, ...drawn]);
  }

  const { name: _n, description: _d, start: _s, months: _m, seed: _seed, replications: _r, ...bekasiCity } = bekasiInput;

  const governments: Record<string, unknown>[] = [];
  let agencies = 0;
  for (const p of provinces) {
    const id = provinceId(p.name);
    const c = cycle.get(id);
    governments.push({ id, name: `Provinsi ${title(p.name)}`, type: 'province', province: id, ...(c && { election: c }) });
    agencies += Object.values(AGENCIES.province).reduce((a, b) => a + b, 0);
    for (const r of regencies.filter((x) => x.provinceCode === p.code)) {
      const rid = regencyId(r.name);
      const rc = cycle.get(rid);
      const g: Record<string, unknown> = {
        id: rid,
        name: title(r.name),
        type: type(r),
        province: provinceOf.get(r.provinceCode)!,
        districts: r.districts,
        ...(rc && { election: rc }),
      };
      if (rid === 'kota-bekasi') {
        g['portfolio'] = false;
        delete g['election'];
        g['city'] = bekasiCity;
        agencies += bekasiAgencies;
      } else agencies += Object.values(AGENCIES[type(r)]).reduce((a, b) => a + b, 0) + r.districts;
      governments.push(g);
    }
  }

  // The description's counts, from the area data (not written in: other data, other counts).
  // Kabupaten, kota and administrative (Jakarta's, not autonomous) add up to the regencies and cities.
  const autonomous = regencies.filter((r) => !/^(kab|kota)-adm-/.test(regencyId(r.name)));
  const administrative = regencies.length - autonomous.length;
  const kota = autonomous.filter((r) => type(r) === 'city').length;
  const kabupaten = autonomous.length - kota;
  const all = provinces.length + regencies.length;

  const scenario = {
    name: 'indonesia-2015-2025',
    description:
      `Indonesia's ${all} local governments (${provinces.length} provinces, ${regencies.length} regencies and cities), 2015-2025: each runs the city model with its own agencies (kecamatan from the district counts), heads on its election cycle, budget and services; national mandates, the smart-city programme's cohorts, shared vendors and diffusion between governments above them. Kota Bekasi runs its own city scenario (${shownCityFile(options.bekasiFile)}) instead of the national services. Of the ${regencies.length} regencies and cities, the ${administrative} administrative ones of DKI Jakarta are not autonomous and hold no Pilkada. Areas: idn-area-data 3.1.2 (ODbL).`,
    description_id:
      `${all} pemerintah daerah di Indonesia, 2015-2025: ${all - administrative} daerah otonom (${provinces.length} provinsi, ${kabupaten} kabupaten, ${kota} kota) dan ${administrative} kota/kabupaten administrasi di DKI Jakarta, yang bukan daerah otonom dan tidak memiliki pilkada. Masing-masing menjalankan model kota dengan perangkat daerahnya sendiri (setiap kecamatan dihitung sebagai satu perangkat daerah), kepala daerah menurut siklus pilkadanya, anggaran dan layanannya; di atasnya mandat nasional, kohort Gerakan Menuju 100 Smart City, vendor bersama dan difusi antarpemerintah daerah. Kota Bekasi dijalankan dengan skenario kotanya sendiri (${shownCityFile(options.bekasiFile)}) sebagai pengganti layanan nasional. Wilayah: idn-area-data 3.1.2 (ODbL).`,
    start: '2015-01',
    months: 132,
    seed: 20250101,
    replications: 20,
    parameters: {},
    national_parameters: { ...NATIONAL_PARAMETER_DEFAULTS },
    template: {
      agencies: AGENCIES,
      coordinator: true,
      network: { type: 'hub', among: { type: 'small-world', degree: 4, rewire: 0.1 } },
      budget_shocks: [{ name: 'COVID-19 budget refocusing', from: '2020-04', to: '2021-12', factor: 0.7 }],
    },
    vendors: [
      { id: 'telco-vendor', name: 'National telecom vendor (command-centre pilots)', name_id: 'Vendor telekomunikasi nasional (uji coba pusat komando)', contract_end: '2020-12' },
      { id: 'app-vendor', name: 'App developer serving many governments (super-app pilots)', name_id: 'Pengembang aplikasi bagi banyak pemerintah daerah (uji coba aplikasi super)', contract_end: '2021-06' },
    ],
    // Systems a ministry provides to every government (their custody in each government: its coordinator).
    platforms: [
      { id: 'lapor-platform', name: 'SP4N-LAPOR! (national complaints platform)', name_id: 'SP4N-LAPOR! (platform pengaduan nasional)', custodian: 'coordinator' },
      { id: 'spse-platform', name: 'SPSE, the e-procurement system LKPP provides to every LPSE', name_id: 'Sistem Pengadaan Secara Elektronik (SPSE) yang disediakan LKPP bagi setiap LPSE', custodian: 'coordinator' },
      { id: 'oss-platform', name: 'OSS, the national business-licensing system', name_id: 'OSS, sistem Perizinan Berusaha Terintegrasi Secara Elektronik', custodian: 'coordinator' },
      { id: 'sipd-platform', name: 'SIPD, the regional government information system of the Ministry of Home Affairs', name_id: 'Sistem Informasi Pemerintahan Daerah (SIPD) Kementerian Dalam Negeri', custodian: 'coordinator' },
      { id: 'srikandi-platform', name: 'SRIKANDI, the shared e-office application', name_id: 'Sistem Informasi Kearsipan Dinamis Terintegrasi (SRIKANDI), aplikasi umum bidang kearsipan', custodian: 'coordinator' },
    ],
    innovations: offerWhereEligible(SERVICES as readonly Service[], governments),
    elections: ELECTIONS,
    national_regulations: [
      { id: 'pp-24-2018-oss', name: 'PP 24/2018: electronically integrated business licensing (OSS)', name_id: 'PP 24/2018 tentang Pelayanan Perizinan Berusaha Terintegrasi Secara Elektronik (OSS)', from: '2018-07', strength: 0.4, anchors: ['e-licensing'], money: false },
      { id: 'perpres-95-2018-spbe', name: 'Perpres 95/2018: electronic-based government system (SPBE)', name_id: 'Perpres 95/2018 tentang Sistem Pemerintahan Berbasis Elektronik (SPBE)', from: '2018-10', strength: 0.4, anchors: ['spbe-integration', 'complaints-lapor'], money: false },
      { id: 'permendagri-70-2019-sipd', name: 'Permendagri 70/2019: regional government information system (SIPD), provided by the ministry', name_id: 'Permendagri 70/2019 tentang Sistem Informasi Pemerintahan Daerah (SIPD), disediakan kementerian', from: '2020-01', strength: 0.6, anchors: ['e-budgeting-sipd'], money: true },
      { id: 'srikandi-mandate', name: 'SRIKANDI as the shared e-office application (KemenPANRB)', name_id: 'SRIKANDI sebagai aplikasi umum bidang kearsipan dinamis (KemenPANRB)', from: '2021-08', strength: 0.4, anchors: ['e-office-srikandi'], money: false },
      { id: 'perpres-82-2023', name: 'National directive: no new standalone apps, integrate existing ones (Perpres 82/2023)', name_id: 'Perpres 82/2023 tentang Percepatan Transformasi Digital dan Keterpaduan Layanan Digital Nasional', from: '2023-06', strength: 0.5, bans_standalone: true, anchors: ['spbe-integration'], money: false, governments: { except: ['kota-bekasi'] } },
    ],
    programmes: [
      {
        id: 'smart-city-movement',
        name: 'Gerakan Menuju 100 Smart City',
        name_id: 'Gerakan Menuju 100 Smart City',
        cohorts: SMART_CITY_COHORTS.map((c) => ({ id: c.id, from: c.from, members: cohorts.get(c.id)! })),
        strength: 0.3,
        anchors: ['command-center', 'citizen-app'],
        money: false,
        vision: 0.7,
      },
    ],
    government_network: { same_province: true, pioneers: { cohorts: ['smart-city-2017'] } },
    governments,
  };

  const doc = new Document(scenario);
  const govNode = doc.get('governments') as { items: { flow?: boolean; get: (k: string, keep?: boolean) => unknown }[] };
  for (const item of govNode.items) if (item.get('city', true) === undefined) item.flow = true;
  const header =
    '# Generated by `difusi generate-national` (src/jobs/generate-national.ts): do not edit by hand.\n' +
    '# Governments and district counts: idn-area-data 3.1.2 (data/idn-area/), Open Database License 1.0;\n' +
    '# this file is a Produced Work of that database. Smart-city cohort members and Pilkada cycles named\n' +
    '# by public sources: data/public-lists/ (NOTICE.md there). Every other number is cited or marked as an\n' +
    '# assumption in indonesia-2015-2025.md beside this file.\n';
  const text = header + doc.toString({ lineWidth: 0 });
  // A backstop for what the checks of the tables above miss: the file is validated as `difusi validate`
  // would (about 0.3 s) and refused rather than written invalid.
  const problem = generatedProblem(text);
  if (problem !== undefined) throw UserError.of('generated_invalid', [problem], { file: options.outFile });
  writeWholeFile(options.outFile, text);
  return { governments: governments.length, agencies, bytes: Buffer.byteLength(text) };
}
