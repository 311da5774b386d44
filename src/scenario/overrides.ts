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
import { applyTraced, attributeToOverrides } from './apply-overrides.js';

export * from './apply-overrides.js';

/**
 * Applies overrides and validates the result. Issues the overrides caused
 * are labelled `override <path>` (attributeToOverrides: at or under an
 * overridden path, or elsewhere when one override alone gives them); others
 * carry the file name (without lines: the text no longer matches).
 */
export function validateWithOverrides(
  input: unknown,
  overrides: Record<string, unknown>,
  file: string,
): ParseResult {
  const { result, touched } = applyTraced(input, overrides);
  const validated = validateScenario(result, file);
  if (validated.ok) return validated;
  const reproduce = (subset: Record<string, unknown>) => {
    const r = validateScenario(applyTraced(input, subset).result, file);
    return r.ok ? [] : r.issues;
  };
  return { ok: false, issues: attributeToOverrides(validated.issues, touched, overrides, reproduce) };
}
