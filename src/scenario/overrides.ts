/**
 * What-if overrides with validation: the path notation, parsing and
 * application are in scenario/apply-overrides.ts (re-exported here, so
 * every importer of this module sees them as before);
 * `validateWithOverrides` applies overrides and validates the result
 * against the scenario schema.
 *
 *     input ──applyOverrides({path: value, ...})──> input' ──validateScenario──> Scenario | issues
 */
import { validateScenario, type ParseResult } from './parse.js';
import { applyTraced, overrideIssue } from './apply-overrides.js';

export * from './apply-overrides.js';

/**
 * Applies overrides and validates the result. Issues at or under an
 * overridden path are labelled `override <path>`; others carry the file name
 * (without lines: the text no longer matches).
 */
export function validateWithOverrides(
  input: unknown,
  overrides: Record<string, unknown>,
  file: string,
): ParseResult {
  const { result, touched } = applyTraced(input, overrides);
  const validated = validateScenario(result, file);
  if (validated.ok) return validated;
  return { ok: false, issues: validated.issues.map((issue) => overrideIssue(issue, touched)) };
}
