/**
 * Reading a scenario file: the only place a scenario touches the disk.
 *
 *     path ──read──> text ──parseScenarioText──> Scenario ──scenarioHash──> hash
 *       └── <basename>.md beside it ──> infoMarkdown (the Info tab, may be '')
 *
 * Problems the user can fix (missing file, syntax, schema, references,
 * overrides) are thrown as `UserError`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { scenarioHash } from '../scenario/hash.js';
import { UserError } from '../messages/catalog.js';
import { validateWithOverrides } from '../scenario/overrides.js';
import { parseScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';

export interface ScenarioFile {
  /** The validated scenario, defaults filled in (overrides applied). */
  scenario: Scenario;
  /** The input that produced `scenario`: the parsed file, with overrides applied. */
  input: unknown;
  /** The file's text as read. */
  text: string;
  /** sha256 hex of the canonical JSON of `scenario` (see scenario/hash.ts). */
  hash: string;
  /** The `.md` file beside the scenario with the same basename, or ''. */
  infoMarkdown: string;
}

/**
 * Reads, parses and validates a scenario file (`.yaml`, `.yml` or `.json`),
 * optionally applying overrides (`path -> value`, see scenario/overrides.ts)
 * before validation. Throws `UserError` on any problem the user can fix.
 */
export function readScenarioFile(path: string, overrides: Record<string, unknown> = {}): ScenarioFile {
  const text = readText(path).replace(/^\uFEFF/, '');
  const parsed = parseScenarioText(text, path);
  if (!parsed.ok) throw new UserError(parsed.issues);
  let { scenario, input } = parsed;
  if (Object.keys(overrides).length > 0) {
    const overridden = validateWithOverrides(input, overrides, path);
    if (!overridden.ok) throw new UserError(overridden.issues);
    ({ scenario, input } = overridden);
  }
  return { scenario, input, text, hash: scenarioHash(scenario), infoMarkdown: readInfo(path) };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') {
      throw UserError.of('file_not_found', [], { file: path }, { expected: 'an existing .yaml, .yml or .json file' });
    }
    if (code === 'EISDIR') throw UserError.of('file_unreadable', ['it is a directory'], { file: path });
    throw UserError.of('file_unreadable', [error instanceof Error ? error.message : String(error)], { file: path });
  }
}

/** The Info-tab markdown beside a scenario: `x.yaml` -> `x.md`. */
function readInfo(path: string): string {
  const info = join(dirname(path), `${basename(path, extname(path))}.md`);
  return existsSync(info) ? readFileSync(info, 'utf8') : '';
}
