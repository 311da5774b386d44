import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.js';
import { compile, type CompiledModel } from '../../src/model/compile.js';

/** A compiled model from an inline scenario (validated by the real schema). */
export function model(input: Partial<ScenarioInput> & Pick<ScenarioInput, 'innovations'>): CompiledModel {
  return compile(
    scenarioSchema.parse({
      name: 'test',
      start: '2020-01',
      months: 24,
      opds: { generate: { count: 10 } },
      ...input,
    }),
  );
}

export const ATTRS = {
  relative_advantage: 0.6,
  compatibility: 0.6,
  complexity: 0.4,
  trialability: 0.5,
  observability: 0.5,
} as const;
