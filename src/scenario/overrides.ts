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
import { UserError } from '../messages/catalog.js';
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
  let traced;
  try {
    traced = applyTraced(input, overrides);
  } catch (error) {
    // A refusal that names its override (a selector matching several elements) is returned as the
    // override's issue, as a value the schema rejects is: a sweep places it at the factor's line.
    if (error instanceof UserError && error.issues.every((i) => i.file.startsWith('override '))) return { ok: false, issues: error.issues };
    throw error;
  }
  const { result, touched } = traced;
  const validated = validateScenario(result, file);
  if (validated.ok) return validated;
  const reproduce = (subset: Record<string, unknown>) => {
    const r = validateScenario(applyTraced(input, subset).result, file);
    return r.ok ? [] : r.issues;
  };
  return { ok: false, issues: attributeToOverrides(validated.issues, touched, overrides, reproduce) };
}
