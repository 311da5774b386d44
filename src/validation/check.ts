/**
 * What every pattern check has in common (pattern-oriented validation,
 * Grimm et al. 2005): a measurement, a band chosen from the case or the
 * literature, and a negative control, the same measurement on a variant in
 * which the mechanism the pattern stands for is removed or reversed, run
 * with the same seeds (common random numbers). A check is evidence only when
 * the case passes and the control fails.
 *
 *   registry.ts --PatternCheck.measure(ctx)--> CheckRow[] --> report.ts (VALIDATION.md)
 */
import type { Scenario } from '../scenario/schema.js';
import type { Ensemble } from '../experiment/ensemble.js';
import { shifted, toDecimal } from '../messages/decimal.js';

/** The scenarios the checks run on, by role (src/jobs/patterns.ts maps them to files). */
export type ScenarioName = 'bekasi' | 'sustained' | 'vendor' | 'bass' | 'bass-small-world' | 'rogers' | 'null-model';

/** Overrides by path, as `difusi run --set` takes them (src/scenario/overrides.ts). */
export type Overrides = Record<string, unknown>;

export interface CheckContext {
  /** The shipped scenario of a role, with overrides applied (calibration removed in the defaults pass). */
  scenario(name: ScenarioName, overrides?: Overrides): Scenario;
  /** An ensemble; identical (scenario, replications, detail) requests run once. */
  run(scenario: Scenario, replications: number, detail: number): Promise<Ensemble>;
  /** Replications for the case scenarios. */
  readonly replications: number;
  /** Replications for the 2,000-agency Bass check. */
  readonly bassReplications: number;
}

/** One arm's reading: what was measured and whether it lies in the band. */
export interface Reading {
  readonly measured: string;
  readonly pass: boolean;
}

export interface ControlReading extends Reading {
  /** The variant, in words (what is removed or reversed). */
  readonly variant: string;
  /** Why this variant removes the mechanism the check stands for. */
  readonly why: string;
  /**
   * Set on an arm that cannot come out in band by construction (a sanity
   * check on the measurement, not a test of the mechanism): shown, but a
   * check with only such arms out of band is not evidence.
   */
  readonly sanity?: string;
}

export interface CheckRow {
  readonly id: string;
  readonly pattern: string;
  readonly metric: string;
  /** The band, with where it comes from. */
  readonly target: string;
  readonly case: Reading;
  /** One or more negative controls; the check is evidence only if every one fails. */
  readonly controls: readonly ControlReading[];
  /** Set when part of the reading is a scenario input, not a model result. */
  readonly note?: string;
  /**
   * Set when the check is known not to meet the rule for evidence whatever
   * this run's controls read (e.g. a control's failure that does not hold at
   * other seeds or more replications): the reason, shown in the report. The
   * verdict is then "not evidence".
   */
  readonly notEvidence?: string;
}

export interface PatternCheck {
  /** The check ids this pattern produces, in order (P4 -> P4a, P4b). */
  readonly ids: readonly string[];
  readonly title: string;
  measure(ctx: CheckContext): Promise<CheckRow[]>;
}

/**
 * A check is evidence when the case passes and every control fails, at least
 * one of them a real control (not a sanity arm), and no known reason says
 * otherwise.
 */
export type Verdict = 'pass' | 'FAIL' | 'not evidence';

export function verdict(row: CheckRow): Verdict {
  if (!row.case.pass) return 'FAIL';
  if (row.notEvidence !== undefined) return 'not evidence';
  const real = row.controls.filter((c) => c.sanity === undefined);
  return real.length === 0 || row.controls.some((c) => c.pass) ? 'not evidence' : 'pass';
}

/** A row for a check whose inputs are missing from the scenario: it fails, it is not dropped. */
export function missingRow(id: string, pattern: string, what: string): CheckRow {
  return {
    id,
    pattern,
    metric: '-',
    target: '-',
    case: { measured: `${what} not in the scenario`, pass: false },
    controls: [],
  };
}

// Formatting and small statistics shared by the checks.
export const pct = (x: number) => `${shifted(x, 2, 1)} %`;
export const num = (x: number, d = 3) => toDecimal(x, d);
export const ci = (mean: number, low: number, high: number, f: (x: number) => string = num) => `${f(mean)} [${f(low)}, ${f(high)}]`;
export const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Central interval of integer counts: the `lo` and `hi` quantiles (nearest rank). */
export function centralInterval(xs: readonly number[], level = 0.9): [number, number] {
  const s = [...xs].sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return [at(tail), at(1 - tail)];
}
