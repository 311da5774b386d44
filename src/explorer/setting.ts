/**
 * A setting of the explorer: a scenario text, plus the lever values, seed and
 * replications chosen in the page, all expressed as `--set` overrides.
 *
 *     text --parseScenarioText--> input --validateWithOverrides(overrides)--> Scenario (what runs)
 *     text --parseDocument, setIn(each override)--> YAML (what is downloaded)
 *
 * The downloaded YAML is the scenario file with the overridden values
 * written in place (values, comments and key order kept; the yaml library
 * writes the layout again), so that `difusi run` on it
 * validates to the very scenario the explorer ran: same seed, same numbers.
 * Pure: no DOM, no node: modules.
 */
import { isAlias, isCollection, isNode, parseDocument, visit, type Document, type Node } from 'yaml';
import { YAML_QUIET } from '../scenario/yaml-quiet.js';
import { formatIssues, makeIssue, UserError, type ScenarioIssue } from '../messages/catalog.js';
import { parseDataText, parseScenarioText, type ParseResult } from '../scenario/parse.js';
import { validateWithOverrides } from '../scenario/overrides.js';
import { concreteOverridePath } from '../scenario/override-path.js';
import type { Scenario } from '../scenario/schema.js';

export type Overrides = Record<string, unknown>;

/**
 * Parses scenario text as the command line does (the file name chooses YAML
 * or JSON). A national scenario is refused in one line, as `difusi explore`
 * refuses one (nationalScenarioIssue).
 */
export function parseSource(text: string, file: string): ParseResult {
  try {
    const bare = text.replace(/^\uFEFF/, '');
    const parsed = parseScenarioText(bare, file);
    if (parsed.ok) return parsed;
    const national = nationalScenarioIssue(bare, file);
    return national === undefined ? parsed : { ok: false, issues: [national] };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/**
 * A national scenario (docs/NATIONAL.md) pasted or dropped into the page
 * fails the city schema on `opds` and on each national section (and on a
 * national innovation's own `governments`), one problem each (eight for
 * tests/national/fixtures/small-national.yaml), none saying what the file
 * is. The command line refuses one for every city command in one line
 * before any city check (cli/national-hint.ts), so this is the page's own
 * check, not the reader's (scenario/parse.ts), whose lines the command line
 * prints: one problem naming the command that runs the file. National
 * as the command line tells it (store/national-sniff.ts, which the page
 * cannot load: it reads files): a mapping with a `governments` section, in
 * a text that says the word (or has a backslash, which may spell it). Only for text the city check refused, so a
 * valid scenario is parsed once.
 */
export function nationalScenarioIssue(text: string, file: string): ScenarioIssue | undefined {
  // A backslash may spell the key with escapes ("gov\u0065rnments"), which only the parse reads as the word.
  if (!text.includes('governments') && !text.includes('\\')) return undefined;
  const data = parseDataText(text, file);
  if (!data.ok || typeof data.input !== 'object' || data.input === null || Array.isArray(data.input)) return undefined;
  return 'governments' in data.input ? makeIssue('national_not_city', [file], { file }) : undefined;
}

/** Applies overrides to a parsed input and validates, as `difusi run --set` does; never throws for user errors. */
export function applySetting(input: unknown, overrides: Overrides, file: string): ParseResult {
  try {
    return validateWithOverrides(input, overrides, file);
  } catch (error) {
    if (error instanceof UserError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** The issues as the command line prints them, one per line. */
export function issueLines(issues: readonly ScenarioIssue[]): string[] {
  return formatIssues([...issues]).split('\n');
}

/**
 * The scenario file with the overrides written in, as YAML, headed by a
 * comment that lists them. JSON input is read as YAML (JSON is YAML) and
 * written as YAML. Throws `UserError` if a path names nothing.
 */
export function settingYaml(text: string, input: unknown, overrides: Overrides): string {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), YAML_QUIET);
  for (const [path, value] of Object.entries(overrides)) {
    // Resolved as the override itself is (scenario/override-path.ts): a path that names nothing in the file is refused the same way.
    const at = concreteOverridePath(input, path);
    writeAliasesOut(doc, at);
    if (value === null) doc.deleteIn(at);
    else doc.setIn(at, doc.createNode(value, { flow: true }));
  }
  const changed = Object.entries(overrides).map(([p, v]) => ` ${p} = ${JSON.stringify(v)}`);
  const header = [' Saved by difusi explore. Run it again with: difusi run <this file>', ...(changed.length > 0 ? [' Values set in the explorer:', ...changed] : [])].join('\n');
  doc.commentBefore = doc.commentBefore ? `${header}\n\n${doc.commentBefore}` : header;
  return doc.toString({ lineWidth: 0 });
}

/**
 * Makes the place `at` names, and every list or mapping on the way to it,
 * the file's own and no alias's, as an override treats it (an override
 * changes only the place it names, as if every alias had been written out in
 * full: scenario/apply-overrides.ts applyTraced). A step that is an alias
 * (`*c`) becomes a copy of what it names; an alias elsewhere that names a
 * step, or anything inside the place edited, becomes a copy of the old
 * value. Editing `commitment: &c 0.7` then leaves `commitment: *c` at 0.7
 * (it was the YAML error "Unresolved alias" once the anchored value was
 * replaced). The copies carry no anchor (a second `&c` would change what a
 * later `*c` names).
 */
function writeAliasesOut(doc: Document, at: readonly (string | number)[]): void {
  for (let i = 1; i <= at.length; i++) {
    const prefix = at.slice(0, i);
    let node = doc.getIn(prefix, true);
    if (isAlias(node)) {
      const copy = unanchoredCopy(doc, node.resolve(doc));
      if (copy === undefined) return;
      doc.setIn(prefix, copy);
      node = copy;
    }
    if (!isNode(node)) return;
    // The step itself is changed below it: aliases of it keep the old value. The place edited: aliases of anything in it too.
    const named = new Set<Node>([node]);
    if (i === at.length && isCollection(node)) {
      visit(node, (_key, inner) => {
        if (isNode(inner) && !isAlias(inner) && inner.anchor) named.add(inner);
      });
    }
    if (![...named].some((n) => n.anchor)) continue;
    visit(doc, {
      Alias: (_key, alias) => {
        const target = alias.resolve(doc);
        return target !== undefined && named.has(target) ? unanchoredCopy(doc, target) : undefined;
      },
    });
  }
}

/** A deep copy of a node, its aliases resolved as in the file, with no anchor in it. */
function unanchoredCopy(doc: Document, node: Node | undefined): Node | undefined {
  if (node === undefined) return undefined;
  const copy = node.clone() as Node;
  visit(copy, (_key, inner) => {
    if (isNode(inner) && !isAlias(inner)) delete inner.anchor;
  });
  if (!isAlias(copy)) delete copy.anchor;
  return copy;
}

/** Checks that a downloaded YAML validates to `scenario` (used by the page before offering it). */
export function reproduces(yamlText: string, file: string, scenario: Scenario): boolean {
  const parsed = parseSource(yamlText, file.replace(/\.json$/i, '.yaml'));
  return parsed.ok && JSON.stringify(parsed.scenario) === JSON.stringify(scenario);
}

/** An issue for a problem with the page's own inputs (seed, replications). */
export function pageIssue(field: string, expected: string, found: string): ScenarioIssue {
  return makeIssue('invalid_option', [field], { file: 'explorer', path: [field] }, { expected, found });
}

/**
 * A problem with the page's own Seed or Replications as the page shows it:
 * the field named by its label in the page's language ("Replikasi", "Benih
 * acak (seed)"), not by its internal name ("Nilai tidak valid untuk
 * replications → di replications"), and no "→ at" (the label is the
 * field). Any other problem as it is. The problem itself keeps its path: the
 * page marks the field by it.
 */
export function pageIssueLabelled(issue: ScenarioIssue, labels: Readonly<Record<'seed' | 'replications', string>>): ScenarioIssue {
  const field = issue.path[0];
  if (issue.file !== 'explorer' || issue.code !== 'invalid_option' || (field !== 'seed' && field !== 'replications')) return issue;
  const detail = { ...(issue.expected !== undefined && { expected: issue.expected }), ...(issue.found !== undefined && { found: issue.found }) };
  return makeIssue('invalid_option', [labels[field]], { file: issue.file }, detail);
}

/** The page's limits for replications (the field's min and max). */
export const PAGE_REPLICATIONS = { min: 1, max: 100_000 } as const;
/** The largest seed (as the scenario schema). */
export const PAGE_SEED_MAX = 2 ** 32 - 1;

/**
 * The Seed and Replications fields as typed, or the problems with them: a
 * blank, fractional, negative or out-of-range value is a problem listed
 * like a scenario's, and nothing runs (the page never computes with a value
 * other than the one it shows).
 */
export function readPageSetting(seedText: string, repsText: string): { ok: true; seed: number; replications: number } | { ok: false; issues: ScenarioIssue[] } {
  const whole = (text: string, min: number, max: number): number | null => {
    const trimmed = text.trim();
    if (!/^\d+$/.test(trimmed)) return null;
    const n = Number(trimmed);
    return n >= min && n <= max ? n : null;
  };
  const seed = whole(seedText, 0, PAGE_SEED_MAX);
  const replications = whole(repsText, PAGE_REPLICATIONS.min, PAGE_REPLICATIONS.max);
  const issues: ScenarioIssue[] = [];
  const shown = (text: string) => (text.trim() === '' ? '(blank)' : text.trim());
  if (seed === null) issues.push(pageIssue('seed', `a whole number from 0 to ${PAGE_SEED_MAX}`, shown(seedText)));
  if (replications === null) issues.push(pageIssue('replications', `a whole number from ${PAGE_REPLICATIONS.min} to ${PAGE_REPLICATIONS.max}`, shown(repsText)));
  return seed === null || replications === null ? { ok: false, issues } : { ok: true, seed, replications };
}
