/**
 * Reading a national scenario file (docs/NATIONAL.md): the only place one
 * touches the disk. Shape problems come back as `UserError`s placed on
 * their line; `locate` lets the caller place later problems (compiling the
 * governments) the same way.
 */
import { createHash } from 'node:crypto';
import { UserError, draft, makeIssue, type IssueDraft, type ScenarioIssue } from '../messages/catalog.js';
import { applyTraced, attributeToOverrides, overrideIssue, refuseSameFieldSets, type Touched } from '../scenario/overrides.js';
import { nationalSchema, type NationalScenario } from '../scenario/national-schema.js';
import { issuePlacer, type Locator } from '../scenario/yaml-locate.js';
import { parseDataText, type DataResult, type ParsedText } from '../scenario/parse.js';
import { readInfo, readScenarioText } from './scenario-file.js';
import { checkInput, inputProblemDraft, MAX_REPLICATIONS } from '../scenario/limits.js';
import { fromZodIssues } from '../scenario/zod-issues.js';
import { notDifusiFileIssue } from '../scenario/not-a-scenario.js';
import type { NationalPart } from '../experiment/national-tally.js';
import { readPartJson, shardKindOf } from './part-store.js';
import { checkSealed, isRecord, rerunShard, sealMeta, shardOf } from './part-seal.js';

export interface NationalFile {
  readonly scenario: NationalScenario;
  readonly hash: string;
  readonly infoMarkdown: string;
  readonly locate: Locator;
  /** The paths the overrides changed, so a caller can label its later problems `override <path>` too. */
  readonly touched: readonly Touched[];
}

export { isNationalFile } from './national-sniff.js';

/** The hash a national scenario's results are keyed by (the validated scenario's JSON). */
export function nationalHash(scenario: NationalScenario): string {
  return createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
}

/** `given`: what a caller parsed of the file (ParsedText: `difusi validate`'s sniff), not parsed again when the file still reads the same. */
export function readNationalFile(path: string, overrides: Record<string, unknown> = {}, given?: ParsedText): NationalFile {
  return nationalWith(readNationalText(path, given), overrides);
}

/**
 * A national file as read and parsed (readNationalText), before any
 * override: what a command with --sets reads once and then takes with each
 * set of overrides its what-if bookkeeping checks (jobs/national.ts: the
 * warning places, the what-ifs of the manifest), rather than reading and
 * parsing the file again for each.
 */
export interface NationalText {
  readonly path: string;
  readonly read: DataResult;
  /** The Info page beside the file (readInfo), read at the first call only. */
  readonly info: () => string;
}

/** `given`: as readNationalFile's. */
export function readNationalText(path: string, given?: ParsedText): NationalText {
  // Read and parsed as a city file is (store/scenario-file.ts, scenario/parse.ts): a folder, a file too large,
  // not UTF-8, of another extension, empty, or not YAML (JSON for .json) gets the same one line.
  const read = parseDataText(readScenarioText(path), path, given);
  let info: string | undefined;
  return { path, read, info: () => (info ??= readInfo(path)) };
}

/** The file `text` with `overrides`, as readNationalFile gives it (the same problems thrown), without reading it again. */
export function nationalWith(text: NationalText, overrides: Record<string, unknown> = {}): NationalFile {
  const checked = nationalFromText(text.read, text.path, overrides);
  // The Info page beside it, read as a city scenario's (a pipe or device there used to hang the read).
  return { ...checked, infoMarkdown: text.info() };
}

/**
 * A national scenario's text as read (parseDataText), with `overrides`,
 * checked and validated as readNationalFile does, without touching the disk
 * (`difusi generate-national` checks the file it is about to write);
 * problems are a UserError placed in `path`.
 */
export function nationalFromText(read: ReturnType<typeof parseDataText>, path: string, overrides: Record<string, unknown> = {}): Omit<NationalFile, 'infoMarkdown'> {
  if (!read.ok) throw new UserError(read.issues);
  const { locate } = read;
  // Overrides of a national file are a command line's (national, validate): two --set on one field are refused.
  refuseSameFieldSets(read.input, overrides);
  // What-ifs (--seed, --set) change the input before validation, as for a city scenario.
  const { result: input, touched } = applyTraced(read.input, overrides);
  const place = issuePlacer(path, locate);
  // As a city file's input (scenario/parse.ts validateScenario): no reserved key, not too deep, at most
  // MAX_VALUES values counting each alias as the copy it stands for, before the schema walks them all.
  const problem = checkInput(input);
  if (problem !== undefined) throw new UserError([overrideIssue(place(inputProblemDraft(problem), 'key'), touched)]);
  const schemaIssues = (value: unknown): ScenarioIssue[] => {
    const r = nationalSchema.safeParse(value);
    return r.success ? [] : fromZodIssues(nationalSchema, r.error.issues, value).map(({ issue, target }) => place(issue, target));
  };
  const parsed = nationalSchema.safeParse(input);
  if (!parsed.success) {
    // A file that is no difusi file at all (a docker-compose.yml) gets one line saying so, as a city file does.
    const notScenario = notDifusiFileIssue(read.input, path, 'scenario');
    if (notScenario !== undefined) throw new UserError([notScenario]);
    const issues = fromZodIssues(nationalSchema, parsed.error.issues, input).map(({ issue, target }) => place(issue, target));
    // As a city file's (scenario/overrides.ts validateWithOverrides): an issue the overrides brought about is the
    // override's, also above the path it touched (`template.parameters.x=1` creates the unknown field
    // `template.parameters`, which was blamed on the file's line of `template:`). Validated again to tell, on this
    // error path only.
    const reproduce = (subset: Record<string, unknown>): ScenarioIssue[] | undefined => {
      const again = applyTraced(read.input, subset).result;
      return checkInput(again) === undefined ? schemaIssues(again) : undefined;
    };
    throw new UserError(attributeToOverrides(issues, touched, overrides, reproduce));
  }
  // At most MAX_REPLICATIONS (each replication's tally is kept: 10^9 ran out of memory), at the file's line or the --set's.
  if (parsed.data.replications > MAX_REPLICATIONS) {
    const issue = draft('too_many', ['replications', MAX_REPLICATIONS.toLocaleString('en-US')], ['replications'], { found: String(parsed.data.replications) });
    throw new UserError([overrideIssue(place(issue, 'value'), touched)]);
  }
  return { scenario: parsed.data, hash: nationalHash(parsed.data), locate, touched };
}

/**
 * Problems a government's city scenario has (compile.ts: paths already in
 * the national file), placed in the file: an unknown field at its key, as
 * for a city file.
 */
export function placeNationalDrafts(path: string, locate: Locator, drafts: readonly IssueDraft[]): ScenarioIssue[] {
  return drafts.map((d) => ({ ...d, file: path, ...locate(d.path, d.code === 'unknown_field' ? 'key' : 'value') }));
}

/** A problem found while compiling the governments, placed in the file. */
export function nationalIssue(path: string, locate: Locator, at: (string | number)[], message: string): UserError {
  const where = locate(at, 'value');
  return new UserError([
    makeIssue('invalid_value', [message], { file: path, path: at, ...(where.line !== undefined && { line: where.line }), ...(where.column !== undefined && { column: where.column }) }),
  ]);
}

/** A shard's part folder (`difusi national --shard`): its tally and the scenario it ran. */
export interface NationalPartFile {
  readonly hash: string;
  readonly file: string;
  readonly shard: { index: number; count: number };
  readonly scenario: NationalScenario;
  readonly tally: NationalPart;
  /** Whether the scenario has an Info page (absent in parts of earlier versions). */
  readonly info?: boolean;
  /** The what-ifs the run applied to the file (`--set`), by path (absent in parts of earlier versions). */
  readonly overrides?: Record<string, unknown>;
  /** The seal (store/part-seal.ts), last: the build that wrote the part and the checksum of everything else, the tally included. */
  readonly build?: string;
  readonly checksum?: string;
}

/** What to tell the user to run again for the national shard `dir`. */
export function nationalRerun(part: unknown, dir: string): string {
  return rerunShard(part, dir, 'run its shard again');
}

/** What is wrong with the shape of a sealed national part.json's own fields (its tally is checked at the merge), or undefined. */
function nationalPartShapeProblem(part: Partial<NationalPartFile>): string | undefined {
  if (typeof part.hash !== 'string' || !/^[0-9a-f]+$/.test(part.hash)) return 'hash is not a hash';
  if (!isRecord(part.scenario)) return 'scenario is not a scenario';
  if (typeof part.tally !== 'object' || part.tally === null) return 'tally is not a tally';
  // shardOf reads a shard only when it is one (0 <= i < n); without a folder name it has nothing else to go on.
  if (shardOf(part, '') === undefined) return 'shard is not a shard i of n (0 <= i < n)';
  if (typeof part.file !== 'string' || (part.info !== undefined && typeof part.info !== 'boolean') || (part.overrides !== undefined && !isRecord(part.overrides)))
    return 'file, info or overrides is not of its type';
  return undefined;
}

/** A national shard's part.json as written: its fields, then the seal (the build, and a checksum of the rest with the whole tally). */
export function sealedNationalPart(part: Omit<NationalPartFile, 'build' | 'checksum'> & { readonly format: string }): NationalPartFile & { readonly format: string } {
  return sealMeta(part);
}

/**
 * The `format` of part.json. 2 added the replacement and integration
 * series (`tally.flows`), 3 each replication's counts by service
 * (`tally.counts`, national_replications.csv); a part of an earlier format
 * cannot be merged with this version and reads as not a part (run its shard again).
 */
export const NATIONAL_PART_FORMAT = 'difusi-national-part-3';

export function readNationalPart(dir: string): NationalPartFile {
  const expected = { expected: 'a shard folder written by national --shard (with part.json)' };
  // Read once: what it is, then what it holds.
  const read = readPartJson(dir);
  // The shard of a city run or of a sweep or sensitivity design: difusi merge joins it.
  const other = shardKindOf(dir, read);
  if (other !== undefined && other.merge !== 'difusi national-merge') throw UserError.of('part_of_other_kind', [other.kind, other.merge], { file: dir });
  if (read === undefined) throw UserError.of('not_a_part', [], { file: dir }, expected);
  // A part.json of `null` (or a number, a string) is no part either: it used to end in an internal error.
  const part = (typeof read.value === 'object' && read.value !== null ? read.value : {}) as Partial<NationalPartFile> & { format?: string };
  if (part.format !== NATIONAL_PART_FORMAT) {
    throw UserError.of('not_a_part', [], { file: dir }, { ...expected, ...(typeof part.format === 'string' && { found: `format ${part.format}` }) });
  }
  // The whole tally is in part.json: nothing of it is used before its checksum verifies and this build is known to have written it.
  checkSealed(dir, 'part.json', part, nationalRerun(part, dir), () => nationalPartShapeProblem(part));
  return part as NationalPartFile;
}
