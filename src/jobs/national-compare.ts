/**
 * `difusi national-compare <file> --set ...` as a library call
 * (docs/NATIONAL-COMPARE.md): the file as written (the base) and with the
 * --sets (the variant), the same seed and replications, each into its own
 * national result folder as `difusi national` writes it (a finished folder
 * of the same scenario, seed, replications and difusi build already in
 * the store is read, not run again), then paired replication by replication
 * into `<outRoot>/<name>-compare/<base key>-<variant key>/`:
 * national_compare.csv and manifest.json (kind `national-compare`), and with
 * `report` its report (jobs/national-compare-report.ts).
 *
 * Every refusal (a --set that changes nothing, one of the seed or the
 * replication count, a variant that does not validate) comes before any
 * run, so nothing is written.
 */
import path from 'node:path';
import { executeNationalRun, loadNational, nationalFolderDir, nationalWarningPlace, type NationalFolder, type NationalLoad } from './national.js';
import { claimFolder } from '../store/folder-lock.js';
import { isNotRegularFileRefusal, regularFileExists } from '../store/regular-file.js';
import { sayWarningsPlaced, warningIdentity } from '../store/scenario-file.js';
import { manifestFiles, readNationalFolder, writeJson, writeNationalFolderAsync, type NationalFolderTables, type WrittenFile } from '../store/national-tables.js';
import { compareNationalArms, type NationalArmTables, type NationalCompareRow } from '../experiment/national-compare.js';
import { writeCsvFile } from '../store/csv.js';
import { UserError, warning, warningText, type WarningText } from '../messages/catalog.js';
import { TOOL_NAME, buildIdentity, toolVersion } from '../store/version.js';
import type { ParsedText } from '../scenario/parse.js';
import type { Lang } from '../report/i18n/index.js';

export interface NationalCompareOptions {
  readonly file: string;
  /** The variant's `--set`s, by path (not the seed or the replication count). */
  readonly set: Readonly<Record<string, unknown>>;
  /** Both arms' master seed (default: the file's). */
  readonly seed?: number;
  /** Both arms' replications (default: the file's). */
  readonly replications?: number;
  readonly outRoot: string;
  readonly workers: number;
  /** Confidence level of the difference intervals (default 0.95). */
  readonly level?: number;
  readonly command: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** The arms' warnings, each said once: the file's own (the base's), then those only the variant's --sets give, named by them (nationalWarningPlace). */
  readonly onWarning?: (warning: string, where?: string) => void;
  /** How the warnings are worded (default English; messages/warning-text-id.ts under --lang id). */
  readonly warningText?: WarningText;
  /** The file as a caller parsed it (the city-file check): not parsed again. */
  readonly parsed?: ParsedText;
  /**
   * Write the comparison's report in this language into its folder (report.md and report.html; report.id.*
   * with charts.id/ in Indonesian, and the chart in English in charts/ as difusi national draws it:
   * jobs/national-compare-report.ts), before the folder is put in place; default none.
   */
  readonly report?: Lang;
}

/** One arm: its result folder, and whether it ran now or was read from the store. */
export interface NationalCompareArm {
  readonly dir: string;
  readonly hash: string;
  readonly ran: boolean;
}

export interface NationalCompareResult {
  readonly dir: string;
  readonly name: string;
  readonly seed: number;
  readonly replications: number;
  readonly level: number;
  readonly base: NationalCompareArm;
  readonly variant: NationalCompareArm;
  readonly rows: NationalCompareRow[];
}

/** The columns of national_compare.csv (docs/NATIONAL-COMPARE.md); extended at the end only. */
export const NATIONAL_COMPARE_COLUMNS = ['outcome', 'base_mean', 'variant_mean', 'diff_mean', 'diff_ci_low', 'diff_ci_high', 'level', 'replications'] as const;

/**
 * A finished national folder of this scenario (its hash as run), seed and
 * replications, written by this build of difusi (its manifest's `build`,
 * version.ts buildIdentity) with every table the pairing reads, and intact
 * (readNationalFolder checks each file against the manifest); undefined for
 * anything else, which is then run again (and replaced, as `difusi national`
 * replaces it). A folder of this run written by another build, or by a
 * difusi from before the manifest recorded its build (which cannot be
 * checked), is run again too, and `onOtherBuild` says so: two builds may
 * compute different numbers from the same scenario.
 */
async function storedArm(
  dir: string,
  asRun: string,
  seed: number,
  replications: number,
  onOtherBuild: (why: 'other-build' | 'unrecorded-build') => void,
): Promise<NationalFolderTables | undefined> {
  // A pipe or a device among its files (manifest.json first) is refused by name, as `difusi report` refuses it: taken
  // for a damaged folder, the arm ran again and its folder was replaced, pipe and all (a stored arm is read, not trusted).
  if (!regularFileExists(path.join(dir, 'manifest.json'))) return undefined;
  let t: NationalFolderTables;
  try {
    t = await readNationalFolder(dir);
  } catch (error) {
    if (error instanceof UserError && !isNotRegularFileRefusal(error)) return undefined;
    throw error;
  }
  const m = t.manifest as { tool?: { version?: unknown }; scenario?: { hash?: unknown }; seed?: unknown; replications?: unknown; build?: unknown };
  const same = m.tool?.version === toolVersion() && m.scenario?.hash === asRun && m.seed === seed && m.replications === replications;
  if (!same || t.replications === null || t.shares === null) return undefined;
  if (m.build === buildIdentity()) return t;
  onOtherBuild(typeof m.build === 'string' && m.build !== '' ? 'other-build' : 'unrecorded-build');
  return undefined;
}

function armTables(t: NationalFolderTables): NationalArmTables {
  return {
    spread: t.spread,
    replications: t.replications!,
    shares: t.shares!,
    summary: t.governmentSummary,
    services: (t.manifest['services'] as string[] | undefined) ?? [],
  };
}

export async function executeNationalCompare(options: NationalCompareOptions): Promise<NationalCompareResult> {
  const paths = Object.keys(options.set);
  if (paths.length === 0) throw UserError.of('national_compare_no_set', [], { file: 'command line' });
  for (const [key, option] of [['seed', '--seed'], ['replications', '-r']] as const) {
    if (paths.includes(key)) throw UserError.of('national_compare_arm_setting', [key, option], { file: 'command line' });
  }
  const level = options.level ?? 0.95;
  const seedOverride = options.seed !== undefined ? { seed: options.seed } : {};
  const parsed = options.parsed !== undefined ? { parsed: options.parsed } : {};
  // Both arms read and compiled before any run: a variant that does not validate is refused with nothing written.
  const warned = options.onWarning !== undefined;
  const wording = options.warningText !== undefined ? { warningText: options.warningText } : {};
  // The base's warnings are the file's own (the seed changes none): said, since the base arm runs them.
  const base = loadNational(options.file, { ...seedOverride }, { ...parsed, warnings: warned, ...wording });
  const variantOverrides = { ...options.set, ...seedOverride };
  // The file as read and the governments as validated for the base, not read or validated again (NationalReuse).
  const variant = loadNational(options.file, variantOverrides, {
    warnings: warned,
    ...wording,
    text: base.text,
    validator: base.validator,
  });
  if (variant.hash === base.hash) throw UserError.of('national_compare_same', [paths.map((p) => `--set ${p}`).join(', ')], { file: 'command line' });
  if (options.onWarning !== undefined) {
    // Each warning said once: the file's own as the base arm words them (a warning the file gives only the variant
    // never had were lost: a --set that removes its cause), then those only the variant gives, named by the --sets
    // that give them. The same warning of both arms is one, whatever its element's index in each (warningIdentity).
    for (const w of base.warnings) options.onWarning(w);
    const said = new Set(base.warnings.map(warningIdentity));
    const place = nationalWarningPlace(options.file, variantOverrides, { ...variant, written: base.warnings });
    sayWarningsPlaced(variant.warnings.filter((w) => !said.has(warningIdentity(w))), place, options.onWarning);
  }
  const R = options.replications ?? base.scenario.replications;
  const arms = [
    { read: base, overrides: { ...seedOverride } },
    { read: variant, overrides: variantOverrides },
  ].map(({ read, overrides }) => ({ read, overrides, ...nationalFolderDir(options.outRoot, read, R) }));
  const name = base.scenario.name;
  const dir = path.join(options.outRoot, `${name}-compare`, `${arms[0]!.key.slice(0, 12)}-${arms[1]!.key.slice(0, 12)}`);
  // One job per result folder (docs/RELIABILITY.md): the comparison's own folder is claimed before either arm
  // runs, so a second identical comparison is refused at once rather than after running its arms.
  const release = claimFolder(dir, options.command);
  try {
    return await compareArms(options, base, variant, arms, dir, R, level);
  } finally {
    release();
  }
}

async function compareArms(
  options: NationalCompareOptions,
  base: NationalLoad,
  variant: NationalLoad,
  arms: readonly (NationalFolder & { read: NationalLoad; overrides: Record<string, unknown> })[],
  dir: string,
  R: number,
  level: number,
): Promise<NationalCompareResult> {
  const seed = base.scenario.seed;
  const say = (dir: string) => (why: 'other-build' | 'unrecorded-build') =>
    options.onWarning?.((options.warningText ?? warningText)(warning('stored_arm_other_build', why)), dir);
  const stored = await Promise.all(arms.map((a) => storedArm(a.dir, a.asRun, seed, R, say(a.dir))));
  const toRun = stored.filter((t) => t === undefined).length;
  let done = 0;
  options.onProgress?.(0, toRun * R);
  const tables: NationalFolderTables[] = [];
  // An arm runs now when no stored folder serves.
  const ran = stored.map((t) => t === undefined);
  for (const [i, arm] of arms.entries()) {
    const kept = stored[i];
    if (kept !== undefined) {
      tables.push(kept);
      continue;
    }
    const result = await executeNationalRun({
      file: options.file,
      outRoot: options.outRoot,
      workers: options.workers,
      replications: R,
      overrides: arm.overrides,
      // The arm as loaded above (its warnings already reported): not read or compiled again.
      loaded: arm.read,
      command: options.command,
      onProgress: (d) => options.onProgress?.(done + d, toRun * R),
    });
    done += R;
    tables.push(await readNationalFolder(result.dir));
  }
  const rows = compareNationalArms(armTables(tables[0]!), armTables(tables[1]!), R, level);
  const name = base.scenario.name;
  const armRecord = (i: number, read: typeof base) => ({
    // The arm's folder from the comparison's, so that the store can be moved whole.
    folder: path.relative(dir, arms[i]!.dir),
    hash: arms[i]!.asRun,
    name: read.scenario.name,
    overrides: i === 0 ? {} : options.set,
    ran: ran[i],
  });
  await writeNationalFolderAsync(dir, async (d) => {
    // Abandoned on a failed write: no descriptor left open on the file whose folder the failure removes.
    const w = writeCsvFile(path.join(d, 'national_compare.csv'), NATIONAL_COMPARE_COLUMNS, rows.map((r) => NATIONAL_COMPARE_COLUMNS.map((c) => r[c])));
    const written: WrittenFile[] = [{ file: 'national_compare.csv', sha256: w.sha256, rows: w.rows }];
    writeJson(d, 'manifest.json', {
      tool: { name: TOOL_NAME, version: toolVersion() },
      kind: 'national-compare',
      file: options.file,
      seed,
      replications: R,
      level,
      base: armRecord(0, base),
      variant: armRecord(1, variant),
      command: options.command,
      ...manifestFiles(written),
    });
    // Read back from the files just written, as `difusi report` reads them: the same report either way. The
    // folder beside the final one, so the arms' folders (relative to it) are found from here too.
    if (options.report !== undefined) {
      const { writeNationalCompareReport } = await import('./national-compare-report.js');
      // In Indonesian the chart in English too (charts/), as difusi national --lang id draws its charts.
      await writeNationalCompareReport(d, options.report, { lock: false, englishChart: true });
    }
  });
  return {
    dir,
    name,
    seed,
    replications: R,
    level,
    base: { dir: arms[0]!.dir, hash: arms[0]!.asRun, ran: ran[0]! },
    variant: { dir: arms[1]!.dir, hash: arms[1]!.asRun, ran: ran[1]! },
    rows,
  };
}
