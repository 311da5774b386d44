/** Shared test helpers: fixture paths and a valid base scenario to mutate. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateWithOverrides } from '../../src/scenario/overrides.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import type { ScenarioIssue } from '../../src/messages/catalog.js';
import type { Scenario } from '../../src/scenario/schema.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));

export function fixture(name: string): string {
  return `${FIXTURES}${name}`;
}

export function fixtureText(name: string): string {
  return readFileSync(fixture(name), 'utf8');
}

/** The raw input of tests/fixtures/scenarios/full.yaml (valid, every section). */
export function fullInput(): unknown {
  const parsed = parseScenarioText(fixtureText('full.yaml'), 'full.yaml');
  if (!parsed.ok) throw new Error('full.yaml must be valid');
  return parsed.input;
}

/** full.yaml's scenario after the given overrides, which must leave it valid (the tests of its warnings). */
export function validScenarioWith(overrides: Record<string, unknown>): Scenario {
  const r = validateWithOverrides(fullInput(), overrides, 'full.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
}

/** The issues of full.yaml after the given overrides ([] when valid). */
export function issuesWith(overrides: Record<string, unknown>): ScenarioIssue[] {
  const result = validateWithOverrides(fullInput(), overrides, 'full.yaml');
  return result.ok ? [] : result.issues;
}

/** An issue reduced to what the tests compare: code, path, message, expected, found. */
export function brief(issue: ScenarioIssue): Record<string, unknown> {
  const out: Record<string, unknown> = { code: issue.code, path: issue.path, message: issue.message };
  if (issue.expected !== undefined) out.expected = issue.expected;
  if (issue.found !== undefined) out.found = issue.found;
  return out;
}
