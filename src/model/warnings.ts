/**
 * Scenario warnings: files that are valid but probably not what the author
 * meant. They are printed (stderr) by the commands that read scenario files;
 * they never stop a run.
 */
import { compile, type CompiledModel } from './compile.js';
import type { Scenario } from '../scenario/schema.js';

/** `model`: the scenario compiled, when the caller has it already. */
export function scenarioWarnings(scenario: Scenario, model?: CompiledModel): string[] {
  const warnings: string[] = [];
  if (scenario.decision === 'bass') return warnings;
  model ??= compile(scenario);
  const complexK = model.params.complex_k;
  if (!(complexK >= 1)) return warnings;
  model.innovations.forEach((inn, k) => {
    if (!scenario.innovations[k]!.costly) return;
    // Only eligible agencies adopt at launch (the others are skipped).
    const seeded = model.initialAdopters.some((a) => a.innovation === k && a.opds.some((on, o) => on === 1 && inn.eligible[o] === 1));
    if (seeded) return;
    // MODEL.md 7.3: a costly innovation needs min(complex_k, eligible peers)
    // live peers, so without adopters at launch only an agency with no
    // eligible peer can go first.
    warnings.push(
      `innovations[${k}] "${inn.id}" is costly but no eligible agency adopts it at launch: an agency adopts it only when ` +
        `min(complex_k = ${complexK}, its eligible peers) peers are live, so nobody can go first ` +
        `unless an eligible agency has no eligible peer (add initial_adopters among its eligible agencies, or costly: false)`,
    );
  });
  return warnings;
}
