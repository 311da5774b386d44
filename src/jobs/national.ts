/**
 * `difusi national <file>` as a library call: a national scenario ->
 * replications (in-process, or on worker threads) -> a national result
 * folder `<outRoot>/<name>/<key>/` with the tables of store/national-tables.ts,
 * P14 (validation/p14-national.ts) and a manifest. Replications are added to
 * the tally in replication order, so the folder's tables are the same bytes
 * on any worker count.
 */
import stringify from 'safe-stable-stringify';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { compileNational, NationalCompileError, type NationalModel } from '../model/national/compile.js';
import { GovernmentValidator } from '../model/national/validate-government.js';
import { NationalWarnings, type InertWarningEntry } from './national-warnings.js';
import { seriesGroups, simulateNationalReplication, type NationalReplicationResult } from '../model/national/simulate.js';
import { NationalTally, nationalPartProblem, type SpreadRow } from '../experiment/national-tally.js';
import { measureP14, type P14Result } from '../validation/p14-national.js';
import { NATIONAL_PART_FORMAT, nationalHash, nationalRerun, nationalWith, readNationalPart, sealedNationalPart, readNationalText, nationalIssue, placeNationalDrafts, type NationalText } from '../store/national-file.js';
import { folderList, mismatchAdvice } from '../store/part-seal.js';
import { manifestFiles, textSha256, writeJson, writeNationalFolder, writeNationalFolderAsync, writeNationalTables, writeText } from '../store/national-tables.js';
import { reportFiles, type Lang } from '../report/i18n/index.js';
import { runOnPool, workerFile } from '../engine/worker-pool.js';
import type { NationalTask } from '../experiment/national-worker.js';
import { TOOL_NAME, buildIdentity, toolVersion } from '../store/version.js';
import type { NationalScenario } from '../scenario/national-schema.js';
import { UserError, warningText, type ScenarioIssue, type WarningText } from '../messages/catalog.js';
import { overrideGivingWarning, sayWarningsPlaced } from '../store/scenario-file.js';
import { attributeToOverrides, whatIfs } from '../scenario/apply-overrides.js';
import type { Locator } from '../scenario/yaml-locate.js';
import type { ParsedText } from '../scenario/parse.js';
import { monthDate, monthIndex } from '../scenario/calendar.js';
import type { MandateStart } from '../report/specs/national-replacements.js';
import { readNationalFolder, writeChart } from '../store/national-tables.js';
import { claimFolder } from '../store/folder-lock.js';
import { missingShards } from '../store/part-store.js';
import { suggestReference } from '../scenario/suggest.js';
import { scenarioNames, scenarioNamesId } from '../report/national-names.js';

/** National regulations that ban standalone applications (Perpres 82/2023 in the Indonesian scenario), by their start inside the horizon. */
export function mandateStarts(model: NationalModel): MandateStart[] {
  const s = model.scenario;
  return s.national_regulations
    .filter((r) => r.bans_standalone && monthIndex(s.start, r.from) >= 1 && monthIndex(s.start, r.from) <= s.months)
    .map((r) => ({ id: r.id, name: r.name ?? r.id, date: r.from }));
}

export interface NationalRunOptions {
  readonly file: string;
  readonly outRoot: string;
  readonly workers: number;
  /** Overrides the scenario's replications. */
  readonly replications?: number;
  /** What-if overrides of scenario fields (`--seed`, `--set path=value`), applied before validation. */
  readonly overrides?: Record<string, unknown>;
  readonly command: string;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Receives each warning about the scenario (jobs/national-warnings.ts) before the run; none are computed without it.
   * `where`: the override that gives the warning when the file as written does not (nationalWarningPlace).
   */
  readonly onWarning?: (warning: string, where?: string) => void;
  /** How the warnings are worded (default English; messages/warning-text-id.ts under --lang id). */
  readonly warningText?: WarningText;
  /** Run only replications r with r % count === index and write a part folder for `national-merge`. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Government ids whose agents are written (government_agents.csv, first replication only). */
  readonly detail?: readonly string[];
  /** The file as a caller has parsed it (the city-file check of `difusi national`, store/national-sniff.ts): not parsed again. */
  readonly parsed?: ParsedText;
  /**
   * The file as the caller already loaded and compiled it with these `overrides` (loadNational; national-compare loads both
   * arms before running either): not read or compiled again. Its warnings are the caller's to report.
   */
  readonly loaded?: NationalLoad;
  /** Render the national charts (charts/*.svg); default false. */
  readonly charts?: boolean;
  /** Write the national report in this language (report.md and report.html; report.id.* in Indonesian); default none. */
  readonly report?: Lang;
}

export interface NationalRunResult {
  readonly dir: string;
  readonly scenario: NationalScenario;
  readonly model: NationalModel;
  readonly tally: NationalTally;
  readonly p14: P14Result;
  readonly secondsPerReplication: number;
}

/**
 * What a command's loadNational of a file made, handed on to the what-if
 * bookkeeping of the same command (nationalWarningPlace, the manifest's
 * what-ifs) so that it is not made again for each --set: `text`, the file
 * as read and parsed; `validator`, the cache of the governments' validated
 * city fields (model/national/validate-government.ts), which the variants
 * share for the most part; `warnings`, those of the file with every
 * override (loadNational with `warnings: true`): a variant with all of them
 * is that file, not compiled again; `warningText`, how they were worded
 * (the variants' are worded alike, so that they compare). `parsed`: what
 * the command's sniff parsed (store/national-sniff.ts), when nothing was read yet.
 */
export interface NationalReuse {
  readonly parsed?: ParsedText;
  readonly warningText?: WarningText;
  readonly text?: NationalText;
  readonly validator?: GovernmentValidator;
  readonly warnings?: readonly string[];
  /** The warnings of the file as written (no --set; the seed and the count change none), worded alike, when the caller has them. */
  readonly written?: readonly string[];
}

/**
 * Where a warning of a national file read with `overrides` is named, as a
 * city run's (store/scenario-file.ts commandLineWarningPlace): undefined
 * when the file as written gives it too (the caller names the file);
 * `command line --set <path>` when that --set alone gives it; every --set
 * when only together they give it. The file is compiled again, without the
 * overrides and with each alone, only for a warning the file does not give.
 * `reuse`: the caller's loadNational of the file with `overrides` (NationalReuse).
 */
export function nationalWarningPlace(file: string, overrides: Readonly<Record<string, unknown>>, reuse: NationalReuse = {}): (warning: string) => string | undefined {
  // The seed and the replication count change the draws, not what a warning says.
  const keys = Object.keys(overrides).filter((k) => k !== 'seed' && k !== 'replications');
  if (keys.length === 0) return () => undefined;
  // Every --set (the seed and the count aside, which change no warning) is the file the caller read.
  const all = keys.length;
  let { text, validator } = reuse;
  const which = overrideGivingWarning(
    keys,
    (o) => {
      // `o` is always some of `overrides`: all of them is the file the caller read, with its warnings.
      if (reuse.warnings !== undefined && Object.keys(o).length === all) return reuse.warnings;
      if (reuse.written !== undefined && Object.keys(o).length === 0) return reuse.written;
      const loaded = loadNational(file, o, {
        warnings: true,
        ...(text !== undefined ? { text } : reuse.parsed !== undefined && { parsed: reuse.parsed }),
        ...(validator !== undefined && { validator }),
        ...(reuse.warningText !== undefined && { warningText: reuse.warningText }),
      });
      ({ text, validator } = loaded);
      return loaded.warnings;
    },
    overrides,
  );
  return (warning) => {
    const key = which(warning);
    if (key === undefined) return undefined;
    return `command line ${(key === null ? keys : [key]).map((k) => `--set ${k}`).join(', ')}`;
  };
}

/**
 * Reads and compiles a national file; problems come back as one placed
 * UserError. A compile problem at or under a path an override changed, or
 * one that override alone brings about, is the override's, labelled
 * `override <path>` (scenario/apply-overrides.ts, attributeToOverrides) as
 * the schema's problems are, so the user sees which --set to fix rather
 * than a file line that no longer says what ran.
 */
/** A national file read with overrides, validated and compiled (loadNational). */
export interface NationalLoad {
  readonly scenario: NationalScenario;
  readonly hash: string;
  readonly info: string;
  readonly model: NationalModel;
  readonly warnings: string[];
  /** How `warnings` are worded, when not in English (loadNational's `warningText`). */
  readonly warningText?: WarningText;
  /** The same warnings worded by `text` (for the manifest's English and Indonesian lines); absent when none were computed. */
  readonly wordWarnings?: (text: WarningText) => string[];
  /** The mandates and programmes the warnings say do nothing, as data (the manifest's `inert_entries`); absent when no warnings were computed. */
  readonly inertEntries?: InertWarningEntry[];
  readonly text: NationalText;
  readonly validator: GovernmentValidator;
}

export function loadNational(
  file: string,
  overrides: Record<string, unknown> = {},
  options: { warnings?: boolean; warningText?: WarningText; parsed?: ParsedText; text?: NationalText; validator?: GovernmentValidator } = {},
): NationalLoad {
  // `parsed`: the file as the sniff of `difusi validate` or `difusi national` parsed it (store/national-sniff.ts), not parsed again;
  // `text` (of this `file`), `validator`: as this command read the file and validated its governments before (NationalReuse), not again.
  const text = options.text ?? readNationalText(file, options.parsed);
  const validator = options.validator ?? new GovernmentValidator();
  const read = nationalWith(text, overrides);
  try {
    // The city warnings of every government, and the file's own (jobs/national-warnings.ts), when asked for.
    const warnings = options.warnings === true ? new NationalWarnings(read.scenario, options.warningText) : undefined;
    const model = compileNational(read.scenario, validator, warnings?.onGovernment);
    return {
      scenario: read.scenario,
      hash: read.hash,
      info: read.infoMarkdown,
      model,
      warnings: warnings?.lines() ?? [],
      ...(options.warningText !== undefined && { warningText: options.warningText }),
      ...(warnings !== undefined && { wordWarnings: (wording: WarningText) => warnings.lines(wording), inertEntries: warnings.inertEntries() }),
      text,
      validator,
    };
  } catch (error) {
    if (error instanceof NationalCompileError) {
      // A problem elsewhere than the overridden paths is still the override's when the file without
      // it compiles (`template.coordinator=false` breaks the template's hub network): compiled again
      // to tell, on this error path only.
      const reproduce = (subset: Record<string, unknown>): ScenarioIssue[] => {
        const again = nationalWith(text, subset);
        try {
          compileNational(again.scenario, validator);
          return [];
        } catch (e) {
          if (e instanceof NationalCompileError) return compileIssues(file, again.locate, e);
          throw e;
        }
      };
      throw new UserError(attributeToOverrides(compileIssues(file, read.locate, error), read.touched, overrides, reproduce));
    }
    throw error;
  }
}

/** A compile error's problems, placed in the national file. */
function compileIssues(file: string, locate: Locator, error: NationalCompileError): ScenarioIssue[] {
  return error.drafts.length > 0 ? placeNationalDrafts(file, locate, error.drafts) : nationalIssue(file, locate, error.path, error.message).issues;
}

/** Runs replications `indices` and adds them to `tally` in order. */
export async function runNationalReplications(
  scenario: NationalScenario,
  hash: string,
  model: NationalModel,
  indices: readonly number[],
  workers: number,
  tally: NationalTally,
  onDone?: (done: number) => void,
  detail: readonly number[] = [],
): Promise<void> {
  // Agents' rows only for the first replication: enough to inspect a government, and small.
  const detailOf = (r: number) => (r === 0 ? detail : []);
  const pending = new Map<number, NationalReplicationResult>();
  let next = 0;
  let done = 0;
  const accept = (r: NationalReplicationResult) => {
    pending.set(r.replication, r);
    while (next < indices.length && pending.has(indices[next]!)) {
      tally.add(pending.get(indices[next]!)!);
      pending.delete(indices[next]!);
      next++;
    }
    onDone?.(++done);
  };
  if (workers <= 1 || indices.length <= 1) {
    for (const r of indices) accept(simulateNationalReplication(model, scenario.seed, r, detailOf(r)));
    return;
  }
  await runOnPool<NationalTask, NationalReplicationResult>({
    filename: workerFile(import.meta.url, '../experiment/national-worker.js'),
    workers,
    items: indices,
    task: (replication) => ({ hash, seed: scenario.seed, replication, detail: detailOf(replication) }),
    workerData: { scenario },
    onResult: accept,
  });
}

/**
 * The indices of the governments `--detail` names (a government named twice,
 * `--detail kab-a,kab-a`, is written once). An id the scenario does not have
 * is the command line's error, not the file's: one line naming --detail,
 * with the id it most likely meant; a number (city runs take `--detail N`
 * as a count) is told that national --detail takes government ids.
 * The indices are in the scenario's order of governments, whatever the
 * order named: government_agents.csv is then the same bytes for
 * `--detail kota-c,kota-a` and `--detail kota-a,kota-c`, and the same as
 * `difusi national-merge` writes from shards (which orders the rows by
 * replication, then government).
 */
export function detailGovernments(model: Pick<NationalModel, 'governments'>, ids: readonly string[]): number[] {
  const known = model.governments.map((g) => g.id);
  const indices = [...new Set(ids)].map((id) => {
    const gi = known.indexOf(id);
    if (gi >= 0) return gi;
    if (/^\d+$/.test(id)) throw UserError.of('detail_not_a_count', [id, known.slice(0, 2).join(',')], { file: 'command line' });
    throw UserError.of('detail_unknown_government', [id, suggestReference(id, known)], { file: 'command line' }, { expected: 'a government id of the scenario' });
  });
  return indices.sort((a, b) => a - b);
}

/**
 * The hash a national run's folder is keyed by (its first 12 characters):
 * `-r N` with the file's own N is the plain run, the same scenario and
 * folder; another N keys the folder by the file's hash and N (kept as it
 * was, so existing folders keep their keys).
 */
export function nationalFolderHash(readHash: string, fileReplications: number, replications: number): string {
  return replications === fileReplications ? readHash : createHash('sha256').update(`${readHash}:${replications}`).digest('hex');
}

/** A national result folder and the two hashes it is known by (nationalFolderDir). */
export interface NationalFolder {
  /** The hash the folder is keyed by (nationalFolderHash); its first 12 characters name the folder. */
  readonly key: string;
  /**
   * The hash of the scenario as it ran (its replication count included), the manifest's `scenario.hash`: the one
   * `difusi validate --set replications=N` prints, as a city run's is (docs/OUTPUTS.md, "Run key"). It differs from
   * `key` under `-r N` with another N than the file's (`key` is then sha256 of "<hash>:<N>", kept so existing folders keep theirs).
   */
  readonly asRun: string;
  /** `<outRoot>/<scenario name>/<key's first 12 characters>`. */
  readonly dir: string;
}

/** `<outRoot>/<name>/<key's first 12 characters>`: where a national result folder goes. */
function folderPath(outRoot: string, name: string, key: string): string {
  return path.join(outRoot, name, key.slice(0, 12));
}

/**
 * The result folder a run of the national file `read` (its hash and scenario, as loadNational read them) with
 * `replications` replications writes under `outRoot`, and the hashes it is known by (NationalFolder).
 */
export function nationalFolderDir(outRoot: string, read: { readonly hash: string; readonly scenario: NationalScenario }, replications: number): NationalFolder {
  const key = nationalFolderHash(read.hash, read.scenario.replications, replications);
  // The file's own count: the hash read with it (nationalHash of the same scenario); another count: that scenario's.
  const asRun = replications === read.scenario.replications ? read.hash : nationalHash({ ...read.scenario, replications });
  return { key, asRun, dir: folderPath(outRoot, read.scenario.name, key) };
}

export async function executeNationalRun(options: NationalRunOptions): Promise<NationalRunResult> {
  const started = new Date();
  const loaded =
    options.loaded ??
    loadNational(options.file, options.overrides, {
      // Computed for the manifest too (its `warnings`, which the report passes on), even when no caller says them.
      warnings: true,
      ...(options.warningText !== undefined && { warningText: options.warningText }),
      ...(options.parsed !== undefined && { parsed: options.parsed }),
    });
  const { scenario: read, hash: readHash, info, model: compiled, warnings } = loaded;
  // --detail checked before any warning is said: a refused command says its one ✗ line alone.
  const detail = detailGovernments(compiled, options.detail ?? []);
  if (options.onWarning !== undefined) {
    // The file as read and validated above is not read or validated again for each --set (NationalReuse).
    sayWarningsPlaced(warnings, nationalWarningPlace(options.file, options.overrides ?? {}, loaded), options.onWarning);
  }
  // The file without each --set: from its text as read above, not read and parsed again for each.
  const overrides = whatIfs(options.overrides, readHash, (others) => nationalWith(loaded.text, others).hash);
  const scenario = options.replications !== undefined ? { ...read, replications: options.replications } : read;
  const folder = nationalFolderDir(options.outRoot, { hash: readHash, scenario: read }, scenario.replications);
  const hash = folder.key;
  const model = { ...compiled, scenario };
  const R = scenario.replications;
  const tally = new NationalTally(model, seriesGroups(model));
  const shard = options.shard ?? { index: 0, count: 1 };
  const indices = Array.from({ length: R }, (_, r) => r).filter((r) => r % shard.count === shard.index);
  // A shard writes a part folder beside the result folder, for `national-merge`.
  const target = shard.count > 1 ? `${folder.dir}.shard-${shard.index}-of-${shard.count}` : folder.dir;
  // One job per result folder (a shard's part folder is its own), as a city run: a second job on it stops in one
  // line naming the process that holds it, a lock whose process is gone is taken over (store/folder-lock.ts). Then
  // files difusi did not write in the folder this run replaces stop it before any work (nothing deleted).
  const release = claimFolder(target, options.command);
  try {
    const t0 = performance.now();
    options.onProgress?.(0, indices.length);
    await runNationalReplications(scenario, hash, model, indices, options.workers, tally, (d) => options.onProgress?.(d, indices.length), detail);
    const seconds = (performance.now() - t0) / 1000;
    if (shard.count > 1) {
      writeNationalFolder(target, (d) => {
        // `info` (whether the scenario has an Info page) last: the merge writes it into the manifest as one run does.
        // `overrides` (the what-ifs the run applied to the file) after `info`: the merge writes them into the manifest too.
        // Sealed (store/part-seal.ts): the build that wrote it and a checksum of the rest, the tally included, appended last.
        writeJson(d, 'part.json', sealedNationalPart({ format: NATIONAL_PART_FORMAT, hash, file: options.file, shard, scenario, tally: tally.toPart(), info: info !== '', overrides }));
      });
      const p14 = measureP14({ pooled: tally.heeksPooled(), spread: tally.spread });
      return { dir: target, scenario, model, tally, p14, secondsPerReplication: seconds / Math.max(1, indices.length) };
    }
    const { dir: final, p14 } = await finishNational(folder, options.file, info !== '', model, tally, options.charts === true, options.report, {
      overrides,
      ...(loaded.wordWarnings !== undefined && { warnings: await manifestWarnings(loaded.wordWarnings, loaded.inertEntries ?? []) }),
      command: options.command,
      // To the millisecond, as a city run's (the difference of two dates): performance.now() gives 5.290652585000001.
      timings: { started: started.toISOString(), finished: new Date().toISOString(), seconds: Math.round(seconds * 1000) / 1000, workers: options.workers },
    });
    return { dir: final, scenario, model, tally, p14, secondsPerReplication: seconds / R };
  } finally {
    release();
  }
}

/** A run's scenario warnings in English and in Bahasa Indonesia (the manifest's `warnings` and `warnings_id`), and its inert mandates and programmes as data (`inert_entries`). */
interface ManifestWarnings {
  readonly en: string[];
  readonly id: string[];
  readonly inert: readonly InertWarningEntry[];
}

/** The warnings of a load (NationalLoad wordWarnings) in both languages; the Indonesian wording is loaded only here. */
async function manifestWarnings(word: (text: WarningText) => string[], inert: readonly InertWarningEntry[]): Promise<ManifestWarnings> {
  const { warningTextId } = await import('../messages/warning-text-id.js');
  return { en: word(warningText), id: word(warningTextId), inert };
}

/** Writes a finished national folder from a complete tally (one run, or merged shards). */
async function finishNational(
  folder: NationalFolder,
  file: string,
  /** Whether the scenario has an Info page (manifest `scenario.info`). */
  info: boolean,
  model: NationalModel,
  tally: NationalTally,
  charts: boolean,
  report: Lang | undefined,
  extra: { overrides: Record<string, unknown>; command: string; timings: Record<string, unknown>; warnings?: ManifestWarnings },
): Promise<{ dir: string; p14: P14Result }> {
  const scenario = model.scenario;
  const p14 = measureP14({ pooled: tally.heeksPooled(), spread: tally.spread });
  const final = folder.dir;
  await writeNationalFolderAsync(final, async (dir) => {
    const written = writeNationalTables(dir, tally);
    const p14Text = p14.lines.join('\n') + '\n';
    writeText(dir, 'p14.txt', p14Text);
    // Each file's SHA-256 and each table's rows, as a city folder's manifest has them (readNationalFolder checks them).
    // Files added after p14.txt existed (government_shares.csv, then national_replications.csv) are listed after it,
    // before manifest.json: the manifest's lists are only ever extended at their end.
    const shares = written.filter((w) => w.file === 'government_shares.csv' || w.file === 'national_replications.csv');
    const record = manifestFiles([...written.filter((w) => !shares.includes(w)), { file: 'p14.txt', sha256: textSha256(p14Text), rows: null }, ...shares]);
    writeJson(dir, 'manifest.json', {
      tool: { name: TOOL_NAME, version: toolVersion() },
      kind: 'national',
      scenario: { name: scenario.name, hash: folder.asRun, file, info, description: scenario.description },
      seed: scenario.seed,
      replications: tally.replications.length,
      governments: model.governments.length,
      agencies: model.governments.reduce((a, g) => a + g.model.opds.length, 0),
      services: model.services,
      // `from` (the month the cohort joins, YYYY-MM) was appended last: the cohort charts mark it.
      cohorts: model.cohorts.map((c) => ({ id: c.id, programme: c.programme, members: c.members.map((g) => model.governments[g]!.id), from: monthDate(scenario.start, c.from) })),
      // What every government's city model ran with unless its own block overrides it, and the diffusion weights: for the report.
      parameters: scenario.parameters,
      national_parameters: scenario.national_parameters,
      command: extra.command,
      timings: extra.timings,
      ...record,
      // Appended last (fields are an interface): the scenario's names of what the CSVs name by id, for the report.
      names: scenarioNames(scenario),
      // Appended after names: the bans on standalone applications starting within the horizon, which the replacement chart marks.
      ban_starts: mandateStarts(model),
      // Appended after ban_starts: the Indonesian names (`name_id`) and description, for the Indonesian report and charts.
      names_id: scenarioNamesId(scenario),
      ...(scenario.description_id !== undefined && { description_id: scenario.description_id }),
      // Appended last: the what-ifs applied to the file (`--set path=value`, not the seed or the replication
      // count), by path ({} for the file as written), so that the report can say the run is not the file's own scenario.
      overrides: extra.overrides,
      // Appended last: the build that wrote the folder (version.ts buildIdentity), so that national-compare reuses
      // a stored arm only of its own build (two builds may compute different numbers from the same scenario).
      build: buildIdentity(),
      // Appended after build: the scenario's warnings as the run said them (jobs/national-warnings.ts), in English and
      // in Bahasa Indonesia, so that the report passes them on (an unfunded mandate that does nothing reads as a
      // mandate otherwise). Absent in a folder written before they were recorded (national-merge writes them too).
      ...(extra.warnings !== undefined && { warnings: extra.warnings.en, warnings_id: extra.warnings.id }),
      // Appended after warnings_id: the mandates and programmes those warnings say do nothing, as data
      // (jobs/national-warnings.ts InertWarningEntry: code, kind, id, services; [] when none), which the report
      // reads rather than the wording of the lines. Absent in a folder written before (the report then reads the lines).
      ...(extra.warnings !== undefined && { inert_entries: extra.warnings.inert }),
    });
    // The charts are drawn from the files just written, as `difusi report` draws them (report/national-charts.ts):
    // a report written later in another language gets the same charts this run would draw in it.
    // charts/ is in English; a report in another language gets its charts in that language too (charts.<lang>/).
    // The folder is read back once, for the charts and the report alike.
    const tables = charts || report !== undefined ? await readNationalFolder(dir) : undefined;
    if (charts) {
      // Loaded here, not at the top: vega and the renderer cost every national command (validate, a refusal) about 1 s of start-up.
      const { drawNationalCharts, nationalChartData } = await import('../report/national-charts.js');
      const data = nationalChartData(tables!)!;
      for (const lang of report !== undefined && report !== 'en' ? (['en', report] as const) : (['en'] as const)) {
        for (const [name, svg] of await drawNationalCharts(data, lang)) writeChart(dir, name, svg, reportFiles(lang).charts);
      }
    }
    // Read back from the files just written (as `difusi report` would), before the folder is renamed into place.
    if (report !== undefined) {
      const { writeNationalReport } = await import('./national-report.js');
      await writeNationalReport(dir, report, { lock: false, draw: false, tables });
    }
  });
  return { dir: final, p14 };
}

/**
 * `difusi national-merge <part folders>`: the shards of one national run
 * (`difusi national --shard i/n`) into the folder one run would have
 * written, with the same table bytes.
 */
export async function executeNationalMerge(
  dirs: readonly string[],
  outRoot: string,
  command: string,
  charts: boolean,
  report?: Lang,
): Promise<{ dir: string; p14: P14Result; replications: number }> {
  const started = new Date();
  const parts = dirs.map((d) => readNationalPart(d));
  if (parts.length === 0) throw UserError.of('merge_nothing', [], { file: outRoot });
  // The run most shards belong to (the first shard's on a tie): a shard of another run is named, whatever its place.
  // Keys sorted: --set given in another order is the same run, as its scenario hash says.
  const runOf = (p: (typeof parts)[number]) => stringify([p.hash, p.scenario, p.overrides ?? {}, p.shard.count]);
  const groups = new Map<string, number>();
  for (const p of parts) groups.set(runOf(p), (groups.get(runOf(p)) ?? 0) + 1);
  let run = runOf(parts[0]!);
  for (const [key, n] of groups) if (n > groups.get(run)!) run = key;
  const first = parts.find((p) => runOf(p) === run)!;
  parts.forEach((p, i) => {
    if (runOf(p) === run) return;
    // Its shard index with the majority's shard count: a part of shard 1/4 among shards of 3 is run again as 1/3.
    const advice = mismatchAdvice(p.shard, first.shard.count, dirs[i]!, parts.length - 1, nationalRerun);
    // What the parts record says what the difference is, before the hash that follows from it: another scenario (by
    // name), another seed or replication count, other --sets; a hash that differs with all of these the same is a
    // changed file (another scenario of the same name).
    const differs = (k: 'name' | 'seed' | 'replications') => p.scenario[k] !== first.scenario[k];
    const otherSets = stringify(p.overrides ?? {}) !== stringify(first.overrides ?? {});
    const [key, value, other, why]: [string, string, string, string?] =
      p.hash !== first.hash && differs('name')
        ? ['scenario name', String(p.scenario.name), String(first.scenario.name), 'another scenario']
        : p.hash !== first.hash && differs('seed')
          ? ['seed', String(p.scenario.seed), String(first.scenario.seed), 'another seed']
          : p.hash !== first.hash && differs('replications')
            ? ['replications', String(p.scenario.replications), String(first.scenario.replications)]
            : p.hash !== first.hash && otherSets
              ? ['overrides (--set)', JSON.stringify(p.overrides ?? {}), JSON.stringify(first.overrides ?? {})]
              : p.hash !== first.hash
                ? ['scenario hash', p.hash.slice(0, 12), first.hash.slice(0, 12), 'another scenario of the same name']
                : p.shard.count !== first.shard.count
                  ? ['shard count n', String(p.shard.count), String(first.shard.count)]
                  : otherSets
                    ? ['overrides (--set)', JSON.stringify(p.overrides ?? {}), JSON.stringify(first.overrides ?? {})]
                    : ['resolved scenario', 'different', 'another'];
    throw UserError.of('merge_mismatch', [key, value, other, parts.length - 1, advice, why], { file: dirs[i]! });
  });
  const scenario = first.scenario;
  const at = dirs[parts.indexOf(first)]!;
  const seen = new Set<number>();
  // The shards' key; the scenario as they ran it (with its replication count) is what the manifest's hash is of.
  const folder: NationalFolder = { key: first.hash, asRun: nationalHash(scenario), dir: folderPath(outRoot, scenario.name, first.hash) };
  // One job per result folder, as `merge` takes it for a city folder (claimFolder: the lock, then no foreign files).
  const release = claimFolder(folder.dir, command);
  try {
    // The scenario each shard ran, compiled once (all shards ran the same one); it passed the checksum, but it is
    // compiled without the file's validation: what compile refuses is a damaged part, not an internal error.
    let compiled: NationalModel;
    // The scenario's warnings, collected while it compiles, for the manifest (as one run records them).
    const collected = new NationalWarnings(scenario);
    try {
      compiled = compileNational(scenario, undefined, collected.onGovernment);
    } catch (error) {
      if (!(error instanceof NationalCompileError)) throw error;
      throw UserError.of('data_damaged', [at, `part.json: its scenario does not compile (${error.message})`, nationalRerun(first, at)], { file: at });
    }
    const model = { ...compiled, scenario };
    const groups = seriesGroups(model);
    // Every tally's shape before a number of it is added (NationalTally.merge trusts it).
    parts.forEach((p, i) => {
      const problem = nationalPartProblem(model, groups, p.tally, scenario.replications);
      if (problem !== undefined) throw UserError.of('data_damaged', [dirs[i]!, `part.json: ${problem}`, nationalRerun(p, dirs[i]!)], { file: dirs[i]! });
    });
    const duplicates: number[] = [];
    const holders = new Set<string>();
    const holder = new Map<number, string>();
    parts.forEach((p, i) => {
      for (const r of p.tally.replications) {
        if (seen.has(r)) {
          duplicates.push(r);
          holders.add(holder.get(r)!).add(dirs[i]!);
        }
        seen.add(r);
        holder.set(r, dirs[i]!);
      }
    });
    if (duplicates.length > 0) {
      throw UserError.of('merge_duplicates', [duplicates.slice(0, 10).join(', '), folderList(holders)], { file: '(national-merge)' });
    }
    const missing = Array.from({ length: scenario.replications }, (_, r) => r).filter((r) => !seen.has(r));
    if (missing.length > 0) {
      throw UserError.of('merge_missing', [missing.length, missing.slice(0, 10).join(', '), missingShards(missing, first.shard.count)], { file: '(national-merge)' });
    }
    const tally = NationalTally.merge(model, groups, parts.map((p) => p.tally));
    // Shards written before part.json recorded the Info page read as without one.
    const { dir, p14 } = await finishNational(folder, first.file, first.info === true, model, tally, charts, report, {
      // Shards written before part.json recorded them: none known ({}), as the shards all ran the same scenario (one hash).
      overrides: first.overrides ?? {},
      warnings: await manifestWarnings((text) => collected.lines(text), collected.inertEntries()),
      command,
      timings: { started: started.toISOString(), finished: new Date().toISOString(), merged_parts: parts.length },
    });
    return { dir, p14, replications: tally.replications.length };
  } finally {
    release();
  }
}

/**
 * P14 on a national scenario without writing a folder, for `npm run
 * patterns` (the pattern registry calls this with the Indonesian scenario).
 */
export async function nationalP14(file: string, replications: number, workers: number): Promise<P14Result> {
  return (await nationalP14Rows(file, replications, workers)).p14;
}

/** `nationalP14` with each replication's spread row (`spread.csv`), for P14's spread control. */
export async function nationalP14Rows(file: string, replications: number, workers: number): Promise<{ p14: P14Result; spread: readonly SpreadRow[] }> {
  const { scenario, hash, model } = loadNational(file);
  return measureNationalP14Rows(scenario, hash, model, replications, workers);
}

/** P14 over `replications` replications of a validated, compiled national scenario. */
export async function measureNationalP14(
  read: NationalScenario,
  hash: string,
  compiled: NationalModel,
  replications: number,
  workers: number,
): Promise<P14Result> {
  return (await measureNationalP14Rows(read, hash, compiled, replications, workers)).p14;
}

/** `measureNationalP14` with each replication's spread row (replications 0 .. replications - 1: the same seeds on any file). */
export async function measureNationalP14Rows(
  read: NationalScenario,
  hash: string,
  compiled: NationalModel,
  replications: number,
  workers: number,
): Promise<{ p14: P14Result; spread: readonly SpreadRow[] }> {
  const scenario = { ...read, replications };
  const model = { ...compiled, scenario };
  const tally = new NationalTally(model, seriesGroups(model));
  await runNationalReplications(scenario, hash, model, Array.from({ length: replications }, (_, r) => r), workers, tally);
  return { p14: measureP14({ pooled: tally.heeksPooled(), spread: tally.spread }), spread: tally.spread };
}
