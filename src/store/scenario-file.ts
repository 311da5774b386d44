/**
 * Reading a scenario file: the only place a scenario touches the disk.
 *
 *     path ──read──> text ──parseScenarioText──> Scenario ──scenarioHash──> hash
 *       └── <basename>.md beside it ──> infoMarkdown (the Info tab, may be '')
 *
 * Problems the user can fix (missing file, syntax, schema, references,
 * overrides) are thrown as `UserError`.
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { scenarioHash } from '../scenario/hash.js';
import { UserError } from '../messages/catalog.js';
import { refuseSameFieldSets, validateWithOverrides } from '../scenario/overrides.js';
import { parseScenarioText, type ParsedText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import { decodeUtf8, formatBytes, MAX_DESCRIPTION_LENGTH, MAX_FILE_BYTES, MAX_INFO_BYTES, MAX_NAME_LENGTH, MAX_REPLICATIONS } from '../scenario/limits.js';
import { makeIssue } from '../messages/catalog.js';
import { editDistance } from '../scenario/suggest.js';

export interface ScenarioFile {
  /** The validated scenario, defaults filled in (overrides applied). */
  scenario: Scenario;
  /** The scenario as the file is written, before overrides (`scenario` itself when there are none). */
  written: Scenario;
  /** The input that produced `scenario`: the parsed file, with overrides applied. */
  input: unknown;
  /** The parsed file as written, before overrides (`input` itself when there are none). */
  writtenInput: unknown;
  /** The file's text as read. */
  text: string;
  /** sha256 hex of the canonical JSON of `scenario` (see scenario/hash.ts). */
  hash: string;
  /** The `.md` file beside the scenario with the same basename, or ''. */
  infoMarkdown: string;
  /** The Indonesian Info page beside it (`<basename>.id.md`), or ''. */
  infoMarkdownId: string;
}

/**
 * Reads, parses and validates a scenario file (`.yaml`, `.yml` or `.json`),
 * optionally applying overrides (`path -> value`, see scenario/overrides.ts)
 * before validation. Throws `UserError` on any problem the user can fix.
 * `given`: what a caller parsed of the file (ParsedText: `difusi validate`'s
 * national sniff), not parsed again when the file still reads the same.
 * `commandLine`: the overrides are one command line's `--set` (with `-r`,
 * `-s`), so two that name one field are refused (refuseSameFieldSets); not
 * an experiment's layers, where a variant's `set` wins over the
 * experiment's on purpose (store/experiment-file.ts checks each layer).
 */
export function readScenarioFile(path: string, overrides: Record<string, unknown> = {}, given?: ParsedText, options: { commandLine?: boolean } = {}): ScenarioFile {
  const text = readScenarioText(path);
  const parsed = parseScenarioText(text, path, given);
  if (!parsed.ok) throw new UserError(parsed.issues);
  const read = { written: parsed.scenario, writtenInput: parsed.input };
  if (options.commandLine === true) refuseSameFieldSets(read.writtenInput, overrides);
  const { scenario, input, hash } = scenarioWith(read, overrides, path);
  return { scenario, written: read.written, input, writtenInput: read.writtenInput, text, hash, infoMarkdown: readInfo(path), infoMarkdownId: readInfo(path, 'id') };
}

/**
 * The scenario of a file already read (its `written` scenario and
 * `writtenInput`) with `overrides` in place of the ones it was read with,
 * exactly as readScenarioFile gives it (the same problems thrown), without
 * reading or parsing the file again: what a command's what-ifs check (whatIfs
 * in scenario/apply-overrides.ts: the scenario without each --set) takes
 * once for each --set. With no overrides, `scenario` is `written` itself.
 */
export function scenarioWith(
  file: Pick<ScenarioFile, 'written' | 'writtenInput'>,
  overrides: Record<string, unknown>,
  path: string,
): Pick<ScenarioFile, 'scenario' | 'input' | 'hash'> {
  let scenario = file.written;
  let input = file.writtenInput;
  if (Object.keys(overrides).length > 0) {
    const overridden = validateWithOverrides(input, overrides, path);
    if (!overridden.ok) throw new UserError(overridden.issues);
    ({ scenario, input } = overridden);
  }
  checkScenarioLimits(scenario, path, overrides);
  return { scenario, input, hash: scenarioHash(scenario) };
}

/**
 * `file` (read by readScenarioFile) as read with `overrides` instead of its
 * own (scenarioWith): its text and Info pages as read then, not read again.
 */
export function rereadScenarioFile(file: ScenarioFile, overrides: Record<string, unknown>, path: string): ScenarioFile {
  return { ...file, ...scenarioWith(file, overrides, path) };
}

/**
 * Which override gives a warning of a scenario read with overrides, so that
 * the warning names it and not the file, as if the file said it: undefined
 * when the file as written gives the warning too (the caller names the file,
 * as before), an override's path when that override alone (on the file as
 * written) gives it, the first such in `overrides`' order; null when only
 * overrides together give it. `warningsOf` is the caller's warnings of a
 * scenario; they are computed only for a warning the file as written does
 * not give, once for the file and once per override.
 */
export function warningOverride(
  file: Pick<ScenarioFile, 'scenario' | 'written' | 'writtenInput'>,
  overrides: Readonly<Record<string, unknown>>,
  path: string,
  warningsOf: (scenario: Scenario) => readonly string[],
): (warning: string) => string | null | undefined {
  // No override changed the scenario: every warning is the file's.
  if (file.written === file.scenario) return () => undefined;
  return overrideGivingWarning(Object.keys(overrides), (o) => {
    if (Object.keys(o).length === 0) return warningsOf(file.written);
    const r = validateWithOverrides(file.writtenInput, o, path);
    return r.ok ? warningsOf(r.scenario) : [];
  }, overrides);
}

/**
 * The rule warningOverride and a national file's warnings (jobs/national.ts
 * nationalWarningPlace) share: undefined when the file as written gives the
 * warning, the first of `keys` whose override alone gives it, null when only
 * they together do. `warningsWith(o)`: the warnings of the file as written
 * with the overrides `o` ({}: none), computed once each and only for a
 * warning the file does not give; one that throws (an override that needs
 * another first, a file that does not read without the others) gives none.
 */
export function overrideGivingWarning(
  keys: readonly string[],
  warningsWith: (overrides: Record<string, unknown>) => readonly string[],
  overrides: Readonly<Record<string, unknown>>,
): (warning: string) => string | null | undefined {
  const attempt = (o: Record<string, unknown>): readonly string[] => {
    try {
      return warningsWith(o);
    } catch {
      return [];
    }
  };
  let own: ReadonlySet<string> | undefined;
  const alone = new Map<string, ReadonlySet<string>>();
  return (warning) => {
    const same = warningIdentity(warning);
    own ??= new Set(attempt({}).map(warningIdentity));
    if (own.has(same)) return undefined;
    for (const key of keys) {
      if (!alone.has(key)) alone.set(key, new Set(attempt({ [key]: overrides[key] }).map(warningIdentity)));
      if (alone.get(key)!.has(same)) return key;
    }
    return null;
  };
}

/**
 * What makes two warnings the same warning, whatever the element's place in
 * its list: a warning names an element by its index and its id
 * (`national_regulations[1] "m-report"`, `innovations[3] "pilot-app"`), and
 * a --set that removes or inserts an element before it moves its index, not
 * its id. Matched by their exact text, the file's own warning about
 * "m-report", at index 0 once `--set national_regulations[id=m-permit]=null`
 * removed the element before it, was not the file's `[1]` one and was said as
 * that --set's. The index before a quoted id is left out (ids are unique in
 * their list, so two elements are never taken for one); an index named
 * without an id (`levers[2] (path ...)`, `heads[1]`) still counts.
 */
export function warningIdentity(warning: string): string {
  return warning.replace(/\[\d+\](?= ")/g, '[]');
}

/**
 * Where a warning of a scenario read with command-line overrides is named
 * (warningOverride): `command line --set <path>` when one override gives it,
 * as the experiment commands name one, every override when only together
 * they give it, undefined when the file gives it (the caller names the file).
 */
export function commandLineWarningPlace(
  file: Pick<ScenarioFile, 'scenario' | 'written' | 'writtenInput'>,
  overrides: Readonly<Record<string, unknown>>,
  path: string,
  warningsOf: (scenario: Scenario) => readonly string[],
): (warning: string) => string | undefined {
  const which = warningOverride(file, overrides, path, warningsOf);
  const option = (key: string) => (key === 'seed' || key === 'replications' ? `--${key}` : `--set ${key}`);
  return (warning) => {
    const key = which(warning);
    if (key === undefined) return undefined;
    const keys = key === null ? Object.keys(overrides) : [key];
    return keys.length === 0 ? undefined : `command line ${keys.map(option).join(', ')}`;
  };
}

/**
 * Says each warning through `say`, with its place when `place` names one (a `--set`), without when the file gives it:
 * the callers' `onWarning(w)` and `onWarning(w, where)` are told apart by their arity, so no `undefined` is passed.
 */
export function sayWarningsPlaced(warnings: readonly string[], place: (warning: string) => string | undefined, say: (warning: string, where?: string) => void): void {
  for (const w of warnings) {
    const where = place(w);
    if (where === undefined) say(w);
    else say(w, where);
  }
}

/**
 * Limits the schema does not state: a name short enough for a folder name,
 * a replication count that fits in memory (scenario/limits.ts).
 */
function checkScenarioLimits(scenario: Scenario, path: string, overrides: Record<string, unknown>): void {
  // An overridden field is the override's, as every other --set problem is (`override months`): -r over the
  // limit never gets here (cli/options.ts checkCountOptions), so `replications` is a `--set replications=N`.
  const where = (field: string) => (Object.hasOwn(overrides, field) ? { file: `override ${field}` } : { file: path });
  if (scenario.name.length > MAX_NAME_LENGTH) {
    throw new UserError([makeIssue('too_long', ['The scenario name', MAX_NAME_LENGTH], { ...where('name'), path: ['name'] }, { found: `${scenario.name.length} characters` })]);
  }
  if (scenario.description.length > MAX_DESCRIPTION_LENGTH) {
    throw new UserError([
      makeIssue('too_long', ['The description', MAX_DESCRIPTION_LENGTH], { ...where('description'), path: ['description'] }, { found: `${scenario.description.length} characters; put long text in the Info page (.md)` }),
    ]);
  }
  if (scenario.replications > MAX_REPLICATIONS) {
    throw new UserError([
      makeIssue('too_many', ['replications', MAX_REPLICATIONS.toLocaleString('en-US')], { ...where('replications'), path: ['replications'] }, { found: String(scenario.replications) }),
    ]);
  }
}

/**
 * Reads a data file the user names: a regular file (not a folder, a device
 * or a pipe), at most `limit` bytes, strict UTF-8. Every failure is a user error.
 *
 * The path is looked at first (stat, which opens nothing: a pipe or a tape
 * device is refused without being opened), then opened once, and what was
 * opened is checked again (fstat: a regular file within the limit) and read
 * through that descriptor, never by the name again: a file swapped in under
 * the name between the look and the read (a pipe, which a read would wait on
 * for ever, a huge file) is refused, not read. `opened`, when given, checks
 * the opened file further before a byte is read (readInfo: that it is the
 * file at an allowed name).
 */
export function readUserText(path: string, limit: number, expected: string, opened?: (st: Stats) => void): string {
  const refuseStat = (st: Stats, size = st.size): void => {
    if (st.isDirectory()) throw UserError.of('file_unreadable', ['it is a directory'], { file: path });
    if (!st.isFile()) throw UserError.of('file_unreadable', ['it is not a regular file'], { file: path }, { expected });
    if (size > limit) throw UserError.of('file_too_large', sizeAndLimit(size, limit), { file: path });
  };
  const refuseCode = (error: unknown): UserError => {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') return UserError.of('file_not_found', [], { file: path }, { expected });
    return UserError.of('file_unreadable', [unreadableReason(code, error)], { file: path });
  };
  try {
    refuseStat(statSync(path));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw refuseCode(error);
  }
  let fd: number;
  try {
    // Without waiting: a pipe swapped in since the look opens at once (and is refused below), as a file does.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw refuseCode(error);
  }
  let bytes: Buffer;
  try {
    const st = fstatSync(fd);
    refuseStat(st);
    opened?.(st);
    bytes = readAtMost(fd, limit + 1);
    // Grown since fstat: its size is at least what was read.
    if (bytes.length > limit) refuseStat(st, Math.max(st.size, bytes.length));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw refuseCode(error);
  } finally {
    closeSync(fd);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw UserError.of('not_utf8', [], { file: path, line: decoded.line, column: decoded.column }, { expected: 'UTF-8 text (save the file as UTF-8)' });
  return decoded.text;
}

/** At most `max` bytes of open file `fd`, from its start: the whole file when it is shorter. */
function readAtMost(fd: number, max: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < max) {
    const chunk = Buffer.allocUnsafe(Math.min(max - total, 1 << 20));
    const n = readSync(fd, chunk, 0, chunk.length, total);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Why the system would not read a file, in words (as "it is a directory"
 * is said), for the codes a path the user typed can meet: `ELOOP` alone
 * told nobody that the file is a link leading back to itself. A code not
 * listed is shown as it is (with the system's own words when there is no code).
 */
const UNREADABLE: Readonly<Record<string, string>> = {
  ELOOP: 'it is a symbolic link that leads back to itself (a loop)',
  EACCES: 'permission denied (the file, or a folder on its path, may not be read by this user)',
  EPERM: 'the operation is not permitted (the file, or a folder on its path, may not be read by this user)',
  ENAMETOOLONG: 'the name is too long for the file system',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EISDIR: 'it is a directory',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open; try again',
  ENFILE: 'too many files are open; try again',
  EBUSY: 'the file is busy (in use by another program)',
  EAGAIN: 'the file is not ready to be read (try again)',
  EINVAL: 'the path is not valid here',
};

function unreadableReason(code: string, error: unknown): string {
  const reason = UNREADABLE[code];
  if (reason !== undefined) return reason;
  return code || (error instanceof Error ? error.message : String(error));
}

/** A scenario file's text (city or national), without a byte order mark. */
export function readScenarioText(path: string): string {
  const expected = 'an existing .yaml, .yml or .json file';
  try {
    return readUserText(path, MAX_FILE_BYTES, expected).replace(/^\uFEFF/, '');
  } catch (error) {
    if (!(error instanceof UserError) || error.issues[0]?.code !== 'file_not_found') throw error;
    // Where it looked (a relative path is taken from the folder the command runs in), and a near miss there.
    const absolute = resolve(path);
    throw UserError.of('file_not_found', [absolute, nearMiss(absolute)], { file: path }, { expected });
  }
}

/**
 * A file's size and the limit it is over, as the message shows them: rounded (`5.2 MB`), or in bytes
 * when the rounding would print both alike ("1.0 MB; at most 1.0 MB" for a file one byte over).
 */
function sizeAndLimit(size: number, limit: number): [string, string] {
  const shown: [string, string] = [formatBytes(size), formatBytes(limit)];
  if (shown[0] !== shown[1]) return shown;
  return [`${size.toLocaleString('en-US')} bytes`, `${limit.toLocaleString('en-US')} bytes`];
}

const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * A scenario file beside a missing one that was probably meant: the same
 * name with another of the three extensions (`sukamaju.yml` for
 * `sukamaju.yaml`), else the closest name within edit distance 2, letter case aside
 * (`sukamaju.yaml` for `sukamaja.yaml`); undefined when there is none or
 * the folder cannot be listed.
 */
export function nearMiss(absolute: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dirname(absolute)).filter((n) => SCENARIO_EXTENSIONS.includes(extname(n).toLowerCase())).sort();
  } catch {
    return undefined;
  }
  const wanted = basename(absolute);
  const stem = (n: string): string => n.slice(0, n.length - extname(n).length);
  const sameStem = names.find((n) => stem(n) === stem(wanted) && n !== wanted);
  if (sameStem !== undefined) return sameStem;
  let best: string | undefined;
  let bestDistance = 3;
  for (const n of names) {
    const d = editDistance(wanted.toLowerCase(), n.toLowerCase());
    if (n !== wanted && d < bestDistance) {
      best = n;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The Info page read beside a scenario (city or national): `x.yaml` -> `x.md`;
 * its Indonesian twin (`lang` 'id'), which the Indonesian report shows instead: `x.id.md`.
 * A scenario reached through a symbolic link with no page beside the link (in either language) has
 * its pages beside the file the link leads to (`mine/kota.yaml` -> `scenarios/bekasi-2015-2025.yaml`:
 * `scenarios/bekasi-2015-2025.md`), where their author put them; before, such a run's reports and
 * manifest silently had no Info page, while a copy of both files beside each other had it. Both
 * languages' pages come from one folder: a page of the user's own beside the link is never paired
 * with the author's twin in the other language.
 */
export function infoPagePath(path: string, lang: 'en' | 'id' = 'en'): string {
  const page = (file: string, l: 'en' | 'id' = lang) => join(dirname(file), `${basename(file, extname(file))}${l === 'id' ? '.id' : ''}.md`);
  const beside = page(path);
  const present = (file: string): boolean => {
    try {
      lstatSync(file);
      return true;
    } catch {
      return false;
    }
  };
  // A page beside the name given, in either language (even a dangling link): the pages are the ones beside it.
  if (present(page(path, 'en')) || present(page(path, 'id'))) return beside;
  try {
    if (lstatSync(path).isSymbolicLink()) return page(realpathSync(path));
  } catch {
    // The scenario is missing or its link is dangling: its reading says so.
  }
  return beside;
}

/**
 * The Info-tab markdown beside a scenario (city or national), or its
 * Indonesian twin (`lang` 'id'), read as the scenario is: a regular file
 * (not a folder, device or pipe) of at most MAX_INFO_BYTES, UTF-8; '' when
 * there is none. A symbolic link is followed only to a Markdown file in the
 * scenario's folder (or the folder of the file the scenario's own link
 * points to): the page is read without being named on the command line and
 * copied into reports and manifests that get sent on, so a scenario folder
 * received from someone else must not pull in any other file the reader can
 * read (a key, a password file). Refused in one line otherwise.
 *
 * The file is opened once (readUserText) and the opened file is checked to
 * be the one at an allowed name (the page itself, or the link's target) after
 * it was opened: a link swapped in between the check and the read is refused,
 * never read. A hard link is read as the file it is (docs/RELIABILITY.md,
 * "An Info page that is a link"): it can only be made by one who can already
 * reach the file, and a received archive cannot make one outside itself.
 */
export function readInfo(path: string, lang: 'en' | 'id' = 'en'): string {
  const info = infoPagePath(path, lang);
  const what = lang === 'id' ? 'the scenario\'s Indonesian Info page (Markdown, UTF-8)' : 'the scenario\'s Info page (Markdown, UTF-8)';
  if (!existsSync(info)) return '';
  refuseLinkOutside(info, path, what);
  return readUserText(info, MAX_INFO_BYTES, what, (opened) => refuseOpenedElsewhere(info, path, what, opened)).replace(/^\uFEFF/, '');
}

/**
 * Refuses `info` when it is a symbolic link to anything but a Markdown file (`.md`) directly in the
 * folder of `scenario` (as given, or as its own link resolves): not a subfolder, where a scenario kept in a
 * home folder would reach `.ssh/`. Returns the path of the file read: `info` itself, or the link's target.
 */
function refuseLinkOutside(info: string, scenario: string, expected: string): string {
  if (!lstatSync(info).isSymbolicLink()) return info;
  const target = realpathSync(info);
  const folders = [dirname(scenario), dirname(realpathSync(scenario))].map((folder) => realpathSync(folder));
  if (extname(target).toLowerCase() === '.md' && folders.includes(dirname(target))) return target;
  throw UserError.of(
    'file_unreadable',
    [`it is a link to ${target}, not a Markdown file beside the scenario: an Info page is read from beside the scenario only (copy the page there instead of linking it)`],
    { file: info },
    { expected },
  );
}

/**
 * Refuses the Info page opened as `opened` (its fstat) unless it is, now that it is open, the file at an
 * allowed name: `info` itself when that is no link, else the Markdown file beside the scenario that the link
 * leads to (refuseLinkOutside, checked again). Its name, looked at again without following a link, must
 * give the very file opened (device and inode): a name changed between the first look and the open is
 * refused in one line, not read.
 */
function refuseOpenedElsewhere(info: string, scenario: string, expected: string, opened: Stats): void {
  let now: Stats;
  try {
    now = lstatSync(refuseLinkOutside(info, scenario, expected));
  } catch (error) {
    if (error instanceof UserError) throw error;
    // Gone (or become unreadable) since it was opened: a change too.
    throw UserError.of('file_unreadable', [INFO_CHANGED], { file: info }, { expected });
  }
  if (now.dev !== opened.dev || now.ino !== opened.ino) throw UserError.of('file_unreadable', [INFO_CHANGED], { file: info }, { expected });
}

/** Why an Info page whose name gave another file once opened than when it was checked is refused. */
const INFO_CHANGED = 'it was replaced by another file while difusi read it (a program changed the folder): run the command again once the folder is left alone';
