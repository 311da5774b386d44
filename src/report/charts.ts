/**
 * Which charts a result folder gets, as data.
 *
 *   ResultSet --scenarioFacts, timeAxisOf--> calendar and timeline
 *             --runCharts------------------> adoption, rogers, survival, stages, callon, learning
 *             --experimentCharts-----------> forest, arms, heatmap, morris, sobol
 *
 * A chart is built only when the rows it needs are present ("build what the
 * files allow"). Pure: nothing is rendered or written here.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AgentRow, ResultSet } from './rows.js';
import { scenarioFacts, type InnovationFact, type ScenarioFacts } from './scenario-facts.js';
import { timeAxisOf, type TimeAxis } from './specs/common.js';
import { adoptionSpec } from './specs/adoption.js';
import { rogersSpec } from './specs/rogers.js';
import { survivalSpec } from './specs/survival.js';
import { stagesSpec } from './specs/stages.js';
import { callonSpec } from './specs/callon.js';
import { learningSpec } from './specs/learning.js';
import { forestSpec } from './specs/forest.js';
import { armsSpec } from './specs/arms.js';
import { heatmapSpec } from './specs/heatmap.js';
import { morrisSpec } from './specs/morris.js';
import { sobolSpec } from './specs/sobol.js';

/** One chart of the report: file stem, heading, one-line caption, spec. */
export interface ChartEntry {
  /** File stem under charts/ (`<name>.svg`, `<name>.png`). */
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** The calendar, timeline and innovation order shared by the run charts. */
export interface RunContext {
  readonly facts: ScenarioFacts;
  readonly axis: TimeAxis;
  readonly innovations: readonly string[];
}

export function runContext(results: ResultSet): RunContext {
  const facts = scenarioFacts(results.manifest.scenario.resolved, results.manifest.scenario.name);
  const axis = timeAxisOf(facts, results.summary);
  const fromScenario = facts.innovations.map((i) => i.id);
  const fromData = [
    ...new Set([
      ...(results.outcomes?.innovations() ?? []),
      ...results.summary.flatMap((r) => (/^(?:cumulative|live)\./.test(r.metric) ? [r.metric.slice(r.metric.indexOf('.') + 1)] : [])),
    ]),
  ].sort();
  const innovations = [...fromScenario, ...fromData.filter((id) => !fromScenario.includes(id))];
  return { facts, axis, innovations };
}

/**
 * Eligible agencies per innovation, counted in the first detail replication
 * of agents.csv: an OPD is eligible when its id or type is listed (no list =
 * all agencies).
 */
export function eligibleCounts(agents: readonly AgentRow[], innovations: readonly InnovationFact[], ids: readonly string[]): Record<string, number> {
  if (agents.length === 0) return {};
  const first = Math.min(...agents.map((a) => a.replication));
  const opds = agents.filter((a) => a.replication === first);
  const out: Record<string, number> = {};
  for (const id of ids) {
    const fact = innovations.find((i) => i.id === id);
    const list = fact?.eligible ?? null;
    out[id] = list === null ? opds.length : opds.filter((a) => list.includes(a.opd) || list.includes(a.type)).length;
  }
  return out;
}

/** The charts of a single run (kind 'run', and the base of any folder with summary/agents/events). */
export function runCharts(results: ResultSet): ChartEntry[] {
  const { facts, axis, innovations } = runContext(results);
  const timeline = facts.timeline;
  const replications = results.manifest.replications;
  const metrics = new Set(results.summary.map((r) => r.metric));
  const has = (re: RegExp): boolean => [...metrics].some((m) => re.test(m));
  const out: ChartEntry[] = [];
  if (has(/^(cumulative|live)\.|^cumulative_adoption_share$/)) {
    out.push({
      name: 'adoption',
      title: 'Adoption S-curves',
      caption: 'Cumulative adoption and live instances per innovation, mean with 95 % band, under the scenario timeline.',
      spec: adoptionSpec({ summary: results.summary, innovations, axis, timeline, replications }),
    });
  }
  if (results.agents.length > 0) {
    out.push({
      name: 'rogers',
      title: "Rogers' adopter categories",
      caption: 'Realized first adoption months by category, beside threshold-based and realized shares.',
      spec: rogersSpec({ agents: results.agents, axis }),
    });
  }
  if (results.events.length > 0 || has(/^discontinued_/)) {
    out.push({
      name: 'survival',
      title: 'Survival of services',
      caption: 'Exits per month by cause under the timeline; Kaplan-Meier survival per innovation.',
      spec: survivalSpec({ summary: results.summary, events: results.events, innovations, axis, timeline }),
    });
  }
  if (has(/^stage_/)) {
    out.push({
      name: 'stages',
      title: 'Organizational stages',
      caption: 'Live instances by implementation stage, stacked.',
      spec: stagesSpec({ summary: results.summary, axis, timeline, replications }),
    });
  }
  if (has(/^(launched|aware|live|routinized)\./)) {
    out.push({
      name: 'callon',
      title: "Callon's moments",
      caption: 'Problematization, interessement, enrolment and mobilization per innovation.',
      spec: callonSpec({
        summary: results.summary,
        innovations,
        eligible: eligibleCounts(results.agents, facts.innovations, innovations),
        axis,
        timeline,
      }),
    });
  }
  if (has(/^learning_|^vision$|^leader_commitment$/)) {
    out.push({
      name: 'learning',
      title: 'Learning loops',
      caption: 'Learning events by loop per month, with the vision and the leader commitment.',
      spec: learningSpec({ summary: results.summary, axis, timeline, replications }),
    });
  }
  return out;
}

/** The charts of comparisons, sweeps and sensitivity analyses, from whichever of their files are present. */
export function experimentCharts(results: ResultSet): ChartEntry[] {
  const out: ChartEntry[] = [];
  if (results.compare.length > 0) {
    out.push({
      name: 'forest',
      title: 'Paired differences',
      caption: 'Each variant minus the base, paired by replication (common random numbers), with intervals.',
      spec: forestSpec({ rows: results.compare }),
    });
  }
  if (results.arms.length > 0) {
    const { facts, axis } = runContext(results);
    const variants = [...new Set(results.arms.map((r) => r.variant))];
    out.push({
      name: 'arms',
      title: 'Arms overlaid',
      caption: "Each arm's mean curve with its 95 % band.",
      spec: armsSpec({ arms: results.arms, variants, axis, timeline: facts.timeline }),
    });
  }
  if (results.sweep && results.sweep.rows.length > 0 && results.sweep.outcomes.length > 0 && results.sweep.parameters.length > 0) {
    out.push({
      name: 'heatmap',
      title: 'Sweep heat map',
      caption: 'Mean outcome over two parameters.',
      spec: heatmapSpec({ sweep: results.sweep }),
    });
  }
  if (results.morris.length > 0) {
    out.push({ name: 'morris', title: 'Morris screening', caption: 'mu* against sigma per parameter.', spec: morrisSpec({ rows: results.morris }) });
  }
  if (results.sobol.length > 0) {
    out.push({ name: 'sobol', title: 'Sobol indices', caption: 'First-order and total indices with intervals.', spec: sobolSpec({ rows: results.sobol }) });
  }
  return out;
}

/** Every chart the folder's rows allow: the run charts, then the experiment charts. */
export function buildCharts(results: ResultSet): ChartEntry[] {
  return [...runCharts(results), ...experimentCharts(results)];
}
