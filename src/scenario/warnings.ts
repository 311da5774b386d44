/**
 * Scenario warnings: files that are valid but probably not what the author
 * meant. They are printed (stderr) by `validate` and `run`; they never stop a
 * run.
 */
import { resolveParameters } from './crossref.js';
import type { Scenario } from './schema.js';

export function scenarioWarnings(scenario: Scenario): string[] {
  const warnings: string[] = [];
  if (scenario.decision === 'bass') return warnings;
  const complexK = resolveParameters(scenario)['complex_k'] ?? 0;
  for (const [i, inn] of scenario.innovations.entries()) {
    if (!inn.costly || complexK < 1) continue;
    const seeded =
      (inn.initial_adopters?.length ?? 0) > 0 ||
      scenario.initial_adopters.some((a) => a.innovation === inn.id && ((a.opds?.length ?? 0) > 0 || a.opd !== undefined));
    if (seeded) continue;
    // MODEL.md 7.3: a costly innovation needs min(complex_k, eligible peers)
    // live peers, so without adopters at launch only an agency with no
    // eligible peer can go first.
    warnings.push(
      `innovations[${i}] "${inn.id}" is costly but has no initial adopters: an agency adopts it only when ` +
        `min(complex_k = ${complexK}, its eligible peers) peers are live, so nobody can go first ` +
        `unless an eligible agency has no eligible peer (add initial_adopters, or costly: false)`,
    );
  }
  return warnings;
}
