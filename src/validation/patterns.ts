/**
 * Pattern-oriented validation (Grimm et al. 2005): runs every registered
 * check (registry.ts) twice, on the shipped scenarios and with their
 * calibrated parameters removed, sharing identical runs.
 *
 *   shipped scenarios --PatternCheck.measure--> CheckRow[] --report.ts--> docs/VALIDATION.md
 */
import type { Scenario } from '../scenario/schema.js';
import type { Ensemble } from '../experiment/ensemble.js';
import { BEKASI, STYLIZED } from './case.js';
import type { CheckContext, CheckRow, Overrides, ScenarioName } from './check.js';
import { PATTERN_CHECKS, PENDING_CHECKS, type PendingCheck } from './registry.js';
import type { PatternReport } from './report.js';

export type { ScenarioName } from './check.js';
export { patternsMarkdown, type PatternReport } from './report.js';

export interface PatternInputs {
  /** The shipped scenario by role, with overrides by path. */
  scenario(name: ScenarioName, overrides?: Overrides): Scenario;
  run(scenario: Scenario, replications: number, detail: number): Promise<Ensemble>;
  readonly replications: number;
  readonly bassReplications: number;
  /** Only these check ids (all when absent); a fast subset for the test suite. */
  readonly only?: readonly string[];
  /** Skip the package-defaults pass. */
  readonly shippedOnly?: boolean;
}

/** The calibrated parameters of each scenario role, removed (null: as if never written) in the defaults pass. */
const CALIBRATED: Partial<Record<ScenarioName, readonly string[]>> = {
  bekasi: BEKASI.calibrated,
  vendor: STYLIZED.vendorCalibrated,
};

function context(inp: PatternInputs, defaults: boolean, cache: Map<string, Promise<Ensemble>>): CheckContext {
  return {
    scenario(name, overrides = {}) {
      const removed: Overrides = {};
      if (defaults) for (const p of CALIBRATED[name] ?? []) removed[`parameters.${p}`] = null;
      return inp.scenario(name, { ...removed, ...overrides });
    },
    run(scenario, replications, detail) {
      const key = `${replications}|${detail}|${JSON.stringify(scenario)}`;
      let e = cache.get(key);
      if (!e) cache.set(key, (e = inp.run(scenario, replications, detail)));
      return e;
    },
    replications: inp.replications,
    bassReplications: inp.bassReplications,
  };
}

async function pass(inp: PatternInputs, defaults: boolean, cache: Map<string, Promise<Ensemble>>): Promise<CheckRow[]> {
  const ctx = context(inp, defaults, cache);
  const rows: CheckRow[] = [];
  for (const check of PATTERN_CHECKS) {
    if (inp.only && !check.ids.some((id) => inp.only!.includes(id))) continue;
    for (const row of await check.measure(ctx)) if (!inp.only || inp.only.includes(row.id)) rows.push(row);
  }
  return rows;
}

export async function measurePatterns(inp: PatternInputs): Promise<PatternReport> {
  // One cache for both passes: a scenario without calibrated values (the
  // validation scenarios) is the same run in both and runs once.
  const cache = new Map<string, Promise<Ensemble>>();
  const shipped = await pass(inp, false, cache);
  const defaults = inp.shippedOnly ? [] : await pass(inp, true, cache);
  const pending: readonly PendingCheck[] = inp.only ? [] : PENDING_CHECKS;
  return { shipped, defaults, pending };
}
