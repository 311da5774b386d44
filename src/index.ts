/**
 * difusi as a library (docs/API.md). The ladder, each step returning data:
 *
 *   readScenario / validateScenario   a scenario from a file or an object; problems as data (issues)
 *   compile                           the scenario's model (parameters resolved, ids indexed)
 *   simulate                          one replication: monthly series, outcomes, agents, events
 *   runScenario                       an ensemble: every replication, summary.csv's and outcomes.csv's rows
 *                                     (a fixed count, or the count a precision rule finds)
 *   compareScenarios                  arms paired by replication: compare.csv's rows
 *   sweepScenario, sensitivity        a design from an experiment file: sweep and sensitivity rows
 *
 * and the file jobs of the command line (executeRun, executeCompare,
 * executeSweep), which write result folders that the same tables read back
 * (readResults). Everything a user can get wrong is thrown as a UserError
 * whose `issues` say the code, file, line, path and message.
 */
import { compile as compileModel, type CompiledModel } from './model/compile.js';
import { simulateReplication, type ReplicationResult } from './model/simulate.js';
import { parseScenarioText, validateScenario as validate, type ParseResult } from './scenario/parse.js';
import type { Scenario } from './scenario/schema.js';
import { readScenarioFile, type ScenarioFile } from './store/scenario-file.js';

// ------------------------------------------------------------------ scenarios

export type { Scenario, ScenarioFile, ParseResult };
export { scenarioSchema, type ScenarioInput } from './scenario/schema.js';

/**
 * Reads, parses and validates a scenario file (.yaml, .yml or .json), with
 * optional overrides (`{ 'parameters.takeover_vendor': 0.9, replications: 50 }`,
 * the paths of `--set`). Throws a UserError naming file, line and field.
 */
export function readScenario(file: string, overrides: Record<string, unknown> = {}): ScenarioFile {
  return readScenarioFile(file, overrides);
}

/**
 * Checks a scenario given as an object (or as YAML/JSON text with
 * `parseScenarioText`) and returns the problems as data instead of throwing:
 * `{ ok: true, scenario }` with every default filled in, or
 * `{ ok: false, issues }` (code, path, message, expected, found).
 * `name` is what the issues call the input (a file name, or "scenario").
 */
export function validateScenario(input: unknown, name = 'scenario'): ParseResult {
  return validate(input, name);
}
export { parseScenarioText };

// ------------------------------------------------------------------- the model

export type { CompiledModel, ReplicationResult };

/** The model of a validated scenario. */
export function compile(scenario: Scenario): CompiledModel {
  return compileModel(scenario);
}

/**
 * Replication `replication` of a scenario under its master seed: the same
 * numbers as replication `replication` of `runScenario` and `difusi run`.
 * `detail` records agents and events.
 */
export function simulate(scenario: Scenario, replication = 0, options: { detail?: boolean } = {}): ReplicationResult {
  return simulateReplication(compileModel(scenario), scenario.seed, replication, { detail: options.detail ?? true });
}

export { metricNames } from './model/observation.js';
export {
  CATEGORIES,
  CAUSES,
  EVENT_KINDS,
  LOOPS,
  OUTCOMES,
  STAGES,
  metricFacets,
  type Category,
  type Cause,
  type EventKind,
  type Loop,
  type Outcome,
  type Stage,
} from './model/vocabulary.js';

// -------------------------------------------------------- jobs returning data

export {
  compareScenarios,
  runScenario,
  sensitivity,
  sweepScenario,
  type CompareData,
  type CompareDataOptions,
  type CompareVariant,
  type DesignData,
  type DesignDataOptions,
  type RunData,
  type RunDataOptions,
} from './jobs/in-memory.js';
export type { PrecisionOptions, PrecisionReport } from './jobs/precision.js';
export type { ComparisonRow } from './experiment/compare.js';
export type { SensitivityRow } from './experiment/design.js';
export type { OutcomeShare } from './experiment/outcome-table.js';
export { DEFAULT_OUTCOMES, type OutcomeSpec } from './experiment/outcomes.js';
export { formatOutcomeTable } from './experiment/outcome-table.js';
export { formatCompareTable } from './experiment/compare.js';

// ---------------------------------------------------------- pure Bass kernel

/**
 * Pure Bass diffusion on a graph of the caller's own (compressed sparse
 * rows), the kernel `decision: bass` scenarios run: for comparing difusi
 * with another implementation on the same graph (docs/API.md).
 */
export { bassCurve } from './model/bass.js';
export { buildNetwork, type Network } from './model/network.js';
export type { NetworkSpec } from './scenario/schema.js';
export { Streams, replicationSeed } from './engine/random.js';

// ------------------------------------------------------ file jobs and folders

export { executeRun, type RunOptions, type RunResult } from './jobs/run.js';
export { executeCompare, type CompareOptions, type CompareResult } from './jobs/compare.js';
export { executeSweep, type SweepOptions, type DesignRunResult } from './jobs/sweep.js';
export { readResults, type ResultSet } from './store/results-read.js';
export { writeReport } from './store/report-write.js';
export { executeNationalRun, type NationalRunOptions, type NationalRunResult } from './jobs/national.js';
export { writeNationalReport } from './jobs/national-report.js';
export * as tables from './store/tables.js';
export type { AgentRow, CompareRow, EventRow, OutcomeRow, ResultManifest, SummaryRow, SweepRow } from './store/tables.js';
export { csvText } from './store/csv.js';

// -------------------------------------------------------------------- errors

export { MESSAGES, UserError, formatIssues, type IssueCode, type ScenarioIssue } from './messages/catalog.js';
