/**
 * P9a's control sets vision_loss_coordinator to the case's vision_loss_other
 * (the coordinator keeps no more of the vision than anyone). That value is
 * the case's resolved parameter: the scenario's own when it sets one, the
 * package default when it does not. The check used to copy the default
 * (`?? 0.6`), which would silently part from the model's value the day the
 * default changed. Here the default is changed (the parameter table is
 * replaced for this file only), and the control must follow it.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CheckContext, Overrides } from '../../src/validation/check.js';
import { ROOT } from '../support/cli.js';

/** A default no version of difusi has had, so that a copied literal cannot agree with it. */
const { CHANGED_DEFAULT } = vi.hoisted(() => ({ CHANGED_DEFAULT: 0.45 }));

vi.mock('../../src/scenario/parameters.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/scenario/parameters.js')>();
  return { ...original, PARAMETER_DEFAULTS: Object.freeze({ ...original.PARAMETER_DEFAULTS, vision_loss_other: CHANGED_DEFAULT }) };
});

// The suite runs a fork's files in one module registry (vitest isolate: false): modules another
// file imported are cached unmocked, so they are imported afresh here; and the changed default
// must not reach the files that run after this one (it did: the ODD protocol then counted a
// changed parameter), so the mock is undone and the registry cleared when this file ends.
vi.resetModules();
const { runEnsemble } = await import('../../src/experiment/ensemble.js');
const { resolveParameters } = await import('../../src/scenario/crossref.js');
const { readScenarioFile } = await import('../../src/store/scenario-file.js');
const { p09 } = await import('../../src/validation/p09-learning.js');
afterAll(() => {
  vi.doUnmock('../../src/scenario/parameters.js');
  vi.resetModules();
});

const BEKASI = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');

/** The overrides P9's controls ask for, on the Bekasi file with `base` applied (2 replications, one worker). */
async function controlsOf(base: Overrides): Promise<Overrides[]> {
  const asked: Overrides[] = [];
  const ctx: CheckContext = {
    scenario: (_name, overrides = {}) => {
      asked.push(overrides);
      return readScenarioFile(BEKASI, { ...base, ...overrides }).scenario;
    },
    run: (scenario, replications, detail) => runEnsemble(scenario, { replications, workers: 1, detail }),
    replications: 2,
    bassReplications: 2,
  };
  await p09.measure(ctx);
  return asked;
}

const keeperControl = (asked: readonly Overrides[]) => asked.find((o) => 'parameters.vision_loss_coordinator' in o)?.['parameters.vision_loss_coordinator'];

describe("P9a's control: vision_loss_coordinator = the case's vision_loss_other", () => {
  it('a scenario without vision_loss_other: the resolved default, not a copy of it', { timeout: 120_000 }, async () => {
    const shipped = readScenarioFile(BEKASI).scenario;
    expect(shipped.parameters['vision_loss_other']).toBeUndefined();
    expect(resolveParameters(shipped)['vision_loss_other']).toBe(CHANGED_DEFAULT);
    expect(keeperControl(await controlsOf({}))).toBe(CHANGED_DEFAULT);
  });

  it("a scenario that sets vision_loss_other: the scenario's value", { timeout: 120_000 }, async () => {
    expect(keeperControl(await controlsOf({ 'parameters.vision_loss_other': 0.3 }))).toBe(0.3);
  });
});
