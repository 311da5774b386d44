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
import { sobolDrawn, sobolSpec } from './specs/sobol.js';
import { distinctNames, outcomeName } from './outcome-names.js';
import { sweepLineSpec } from './specs/sweep-line.js';
import { varyingParameters } from './specs/heatmap.js';
import { catalog, type Catalog, type Lang } from './i18n/index.js';
import { generatedOpdIds } from '../scenario/crossref.js';

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
  /** Services open to a single agency (shown as live or not). */
  readonly single: readonly string[];
  /** Display names of the services (scenario name in the report's language, else id). */
  readonly names: ReadonlyMap<string, string>;
  readonly t: Catalog;
}

export function runContext(results: ResultSet, lang: Lang = 'en'): RunContext {
  const t = catalog(lang);
  const facts = scenarioFacts(results.manifest.scenario.resolved, results.manifest.scenario.name, t.timelineKinds, t.decimal, lang);
  const axis = timeAxisOf(facts, results.summary, t);
  const fromScenario = facts.innovations.map((i) => i.id);
  const fromData = [
    ...new Set([
      ...(results.outcomes?.innovations() ?? []),
      ...results.summary.flatMap((r) => (/^(?:cumulative|live)\./.test(r.metric) ? [r.metric.slice(r.metric.indexOf('.') + 1)] : [])),
    ]),
  ].sort();
  const innovations = [...fromScenario, ...fromData.filter((id) => !fromScenario.includes(id))];
  const single = facts.innovations.filter((i) => i.singleAgency).map((i) => i.id);
  const names = new Map(innovations.map((id) => [id, facts.innovations.find((i) => i.id === id)?.name ?? id]));
  return { facts, axis, innovations, single, names, t };
}

/**
 * Eligible agencies per innovation, counted in the first detail replication
 * of agents.csv: an OPD is eligible when its id or type is listed (no list =
 * all agencies).
 */
export function eligibleCounts(agents: readonly AgentRow[], innovations: readonly InnovationFact[], ids: readonly string[]): Record<string, number> {
  if (agents.length === 0) return {};
  // A loop, not Math.min(...): a spread of a million agents' rows overflowed the stack (`difusi report` of a 1,000,000-agency run).
  let first = Infinity;
  for (const a of agents) if (a.replication < first) first = a.replication;
  const opds = agents.filter((a) => a.replication === first);
  const out: Record<string, number> = {};
  for (const id of ids) {
    const fact = innovations.find((i) => i.id === id);
    const list = fact?.eligible ?? null;
    out[id] = list === null ? opds.length : opds.filter((a) => list.includes(a.opd) || list.includes(a.type)).length;
  }
  return out;
}

/**
 * At most how many agencies each innovation can have, from a resolved
 * scenario, for a folder without agents.csv (a comparison's arms): the
 * agencies (generated ones and `opds.list`) it is open to by id or type. A
 * generated agency's type is drawn by the model, so where the list names a
 * type every generated agency without an explicit entry is counted: a bound,
 * not always the exact number. Null when the scenario gives no agencies.
 */
export function eligibleBounds(resolved: unknown, innovations: readonly InnovationFact[], ids: readonly string[]): Record<string, number> | null {
  const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const opds = obj(obj(resolved)?.['opds']);
  if (opds === null) return null;
  const generate = obj(opds['generate']);
  const count = typeof generate?.['count'] === 'number' ? generate['count'] : 0;
  const prefix = typeof generate?.['id_prefix'] === 'string' ? generate['id_prefix'] : '';
  const explicit = new Map<string, string | null>();
  for (const e of Array.isArray(opds['list']) ? opds['list'] : []) {
    const o = obj(e);
    if (o !== null && typeof o['id'] === 'string') explicit.set(o['id'], typeof o['type'] === 'string' ? o['type'] : null);
  }
  // Every agency with its type (undefined: a generated agency, its type drawn by the model). The generated
  // ids as the model names them (scenario/crossref.ts generatedOpdIds), not written again here.
  const agencies = new Map<string, string | null | undefined>();
  const generated = count > 0 ? generatedOpdIds({ opds: { generate: { count, id_prefix: prefix } } } as Parameters<typeof generatedOpdIds>[0]) : [];
  for (const id of generated) agencies.set(id, explicit.has(id) ? explicit.get(id) : undefined);
  for (const [id, type] of explicit) if (!agencies.has(id)) agencies.set(id, type);
  if (agencies.size === 0) return null;
  const out: Record<string, number> = {};
  for (const id of ids) {
    const list = innovations.find((i) => i.id === id)?.eligible ?? null;
    const types = list === null ? false : list.some((x) => !agencies.has(x));
    out[id] = list === null ? agencies.size : [...agencies].filter(([opd, type]) => list.includes(opd) || (type === undefined ? types : type !== null && list.includes(type))).length;
  }
  return out;
}

/** Eligible agencies per innovation: counted in agents.csv, else bounded from the scenario; null when neither says. */
function eligibleOf(results: ResultSet, context: RunContext): Record<string, number> | null {
  if (results.agents.length > 0) return eligibleCounts(results.agents, context.facts.innovations, context.innovations);
  return eligibleBounds(results.manifest.scenario.resolved, context.facts.innovations, context.innovations);
}

/** A comparison's bound per innovation: the largest over the arms' scenarios (an arm may add agencies), the base's without them. */
function armsEligible(results: ResultSet, context: RunContext): Record<string, number> | null {
  const scenarios = [results.manifest.scenario.resolved, ...(results.armScenarios ?? new Map<string, unknown>()).values()];
  const bounds = scenarios.map((resolved) => eligibleBounds(resolved, scenarioFacts(resolved).innovations, context.innovations));
  if (bounds.some((b) => b === null)) return null;
  const out: Record<string, number> = {};
  for (const id of context.innovations) out[id] = Math.max(...bounds.map((b) => (b as Record<string, number>)[id] ?? Infinity));
  return out;
}

/** The charts of a single run (kind 'run', and the base of any folder with summary/agents/events). */
export function runCharts(results: ResultSet, lang: Lang = 'en'): ChartEntry[] {
  const context = runContext(results, lang);
  const { facts, axis, innovations, single, t } = context;
  // What a reader sees names the services in the report's language (legends, panel titles); the data keep the ids.
  const names = distinctNames(context.names);
  const timeline = facts.timeline;
  const replications = results.manifest.replications;
  const metrics = new Set(results.summary.map((r) => r.metric));
  const has = (re: RegExp): boolean => [...metrics].some((m) => re.test(m));
  const out: ChartEntry[] = [];
  if (has(/^(cumulative|live)\.|^cumulative_adoption_share$/)) {
    out.push({
      name: 'adoption',
      title: t.adoptionName,
      caption: t.adoptionCaption,
      spec: adoptionSpec({ summary: results.summary, innovations, axis, timeline, replications, single, names, eligible: eligibleOf(results, context), t }),
    });
  }
  if (results.agents.length > 0) {
    out.push({
      name: 'rogers',
      title: t.rogersName,
      caption: t.rogersCaption,
      spec: rogersSpec({ agents: results.agents, axis, t }),
    });
  }
  if (results.events.length > 0 || has(/^discontinued_/)) {
    out.push({
      name: 'survival',
      title: t.survivalName,
      caption: t.survivalCaption,
      spec: survivalSpec({ summary: results.summary, events: results.events, innovations, axis, timeline, names, t }),
    });
  }
  if (has(/^stage_/)) {
    out.push({
      name: 'stages',
      title: t.stagesName,
      caption: t.stagesCaption,
      spec: stagesSpec({ summary: results.summary, axis, timeline, replications, t }),
    });
  }
  if (has(/^(launched|aware|live|routinized)\./)) {
    out.push({
      name: 'callon',
      title: t.callonName,
      caption: t.callonCaption,
      spec: callonSpec({
        summary: results.summary,
        innovations,
        eligible: eligibleCounts(results.agents, facts.innovations, innovations),
        axis,
        timeline,
        single,
        names,
        replications,
        t,
      }),
    });
  }
  if (has(/^learning_|^vision$|^leader_commitment$/)) {
    out.push({
      name: 'learning',
      title: t.learningName,
      caption: t.learningCaption,
      spec: learningSpec({ summary: results.summary, axis, timeline, replications, t }),
    });
  }
  return out;
}

/** The charts of comparisons, sweeps and sensitivity analyses, from whichever of their files are present. */
export function experimentCharts(results: ResultSet, lang: Lang = 'en'): ChartEntry[] {
  const out: ChartEntry[] = [];
  const context = runContext(results, lang);
  const { t } = context;
  // Services by name in the report's language, as in runCharts (outcome names, panel titles).
  const names = distinctNames(context.names);
  if (results.compare.length > 0) {
    out.push({ name: 'forest', title: t.forestName, caption: t.forestCaption, spec: forestSpec({ rows: results.compare, t, services: names }) });
  }
  if (results.arms.length > 0) {
    const { facts, axis, innovations, single } = context;
    const variants = [...new Set(results.arms.map((r) => r.variant))];
    const armTimelines = new Map(
      [...(results.armScenarios ?? new Map<string, unknown>()).entries()].map(([arm, resolved]) => [arm, scenarioFacts(resolved, '', t.timelineKinds, t.decimal, lang).timeline]),
    );
    out.push({
      name: 'arms',
      title: t.armsName,
      caption: t.armsCaption,
      spec: armsSpec({ arms: results.arms, variants, axis, timeline: facts.timeline, armTimelines, innovations, single, names, eligible: armsEligible(results, context), t }),
    });
  }
  const sweep = results.sweep;
  if (sweep && sweep.rows.length > 0 && sweep.outcomes.length > 0 && sweep.parameters.length > 0) {
    const varying = varyingParameters(sweep);
    if (varying.length === 1) {
      out.push({ name: 'sweep', title: t.sweepLineName, caption: t.sweepLineCaption, spec: sweepLineSpec({ sweep, factor: varying[0] as string, t, services: names }) });
    } else if (varying.length >= 2 && results.morris.length === 0) {
      // Not for a Morris design: its trajectories are not a balanced grid, so a cell's mean mixes in
      // whatever values the other factors had there (confounded cells); the Morris chart is the view.
      out.push({ name: 'heatmap', title: t.heatmapName, caption: t.heatmapCaption, spec: heatmapSpec({ sweep, t, services: names }) });
    }
  }
  if (results.morris.length > 0) {
    out.push({ name: 'morris', title: t.morrisName, caption: t.morrisCaption, spec: morrisSpec({ rows: results.morris, t, services: names }) });
  }
  // An outcome with no variance over the design has no Sobol' index to draw (the table and summary say so);
  // with no other outcome there is no chart.
  const sobol = sobolDrawn(results.sobol);
  if (sobol.drawn.length > 0) {
    const caption = sobol.constant.length > 0 ? `${t.sobolCaption} ${t.sobolNotDrawn(sobol.constant.map((o) => outcomeName(o, t, names)))}` : t.sobolCaption;
    out.push({ name: 'sobol', title: t.sobolName, caption, spec: sobolSpec({ rows: results.sobol, t, services: names }) });
  }
  return out;
}

/** Every chart the folder's rows allow: the run charts, then the experiment charts. */
export function buildCharts(results: ResultSet, lang: Lang = 'en'): ChartEntry[] {
  return [...runCharts(results, lang), ...experimentCharts(results, lang)];
}
