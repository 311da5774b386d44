/**
 * Each chart spec, built from the fixture's rows, tested as data: the rows
 * it inlines, its scales and its timeline; and as a vega-lite spec: valid
 * against vega-lite's JSON Schema and compiled without warnings.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { buildCharts, eligibleCounts, runContext } from '../../src/report/charts.js';
import { CAUSE_SCALE, CATEGORY_SCALE, STAGE_SCALE } from '../../src/report/palette.js';
import { compileChart } from '../../src/report/render.js';
import { CATEGORIES, type ResultSet } from '../../src/report/rows.js';
import { scenarioFacts, wrapLabel } from '../../src/report/scenario-facts.js';
import { adoptionData, adoptionSpec } from '../../src/report/specs/adoption.js';
import { armEvents, armsData, armsSpec } from '../../src/report/specs/arms.js';
import { callonData, callonSpec } from '../../src/report/specs/callon.js';
import { placeLaneLabels, placeWrappedLabels, timeAxisOf, timelineLane, tValue, type TimeAxis } from '../../src/report/specs/common.js';
import { forestData, forestSpec } from '../../src/report/specs/forest.js';
import { heatmapData, heatmapSpec, parameterTitle } from '../../src/report/specs/heatmap.js';
import { learningData, learningSpec } from '../../src/report/specs/learning.js';
import { morrisPanelData, morrisSpec, placePointLabels } from '../../src/report/specs/morris.js';
import { rogersData, rogersSpec } from '../../src/report/specs/rogers.js';
import { sobolData, sobolSpec } from '../../src/report/specs/sobol.js';
import { stagesData, stagesSpec } from '../../src/report/specs/stages.js';
import { exitsCap, survivalData, survivalSpec } from '../../src/report/specs/survival.js';
import { COMPARE_DIR, fixture, RUN_DIR, SENSITIVITY_DIR, SWEEP_DIR, units } from './helpers.js';
import { compareRow } from '../support/compare-rows.js';
import { id } from '../../src/report/i18n/id.js';
import { schemaCheck, type SchemaCheck } from './json-schema.js';

let run: ResultSet;
let axis: TimeAxis;
let check: SchemaCheck;
const timeline = () => scenarioFacts(run.manifest.scenario.resolved).timeline;
const innovations = ['smart_health', 'bekasi_iconic'];

beforeAll(async () => {
  run = await fixture(RUN_DIR);
  axis = runContext(run).axis;
  check = await schemaCheck();
});

/** Valid against vega-lite's JSON Schema and compiles without a warning. */
function expectValid(spec: TopLevelSpec): void {
  expect(check.validate(spec)).toEqual([]);
  expect(compileChart(spec).warnings).toEqual([]);
  expect(JSON.stringify(spec)).not.toMatch(/"url"/); // data inline only
}

/** Rule marks' data of a spec: the timeline. */
function ruleDates(spec: TopLevelSpec): string[] {
  return [...new Set(units(spec).filter((u) => u.mark === 'rule' && u.values.some((v) => 'kind' in v)).flatMap((u) => u.values.map((v) => String(v['t']))))].sort();
}

test('the schema check rejects an invalid spec (the validator is not a no-op)', () => {
  expect(check.validate({ mark: 'bogus', encoding: {} })).not.toEqual([]);
  expect(check.validate({ mark: 'bar', data: { values: [] }, encoding: { x: { field: 'a', type: 'quantitative' } }, colour: 1 })).not.toEqual([]);
  expect(check.validate({ mark: 'bar', data: { values: [] }, encoding: { x: { field: 'a', type: 'quantitative' } } })).toEqual([]);
});

describe('timeline', () => {
  test('events from the scenario: leader change, regulations, budget window clipped to the start', () => {
    expect(timeline().map((e) => [e.kind, e.date, e.month, e.endMonth])).toEqual([
      ['budget', '2021-01', 1, 12],
      ['leader', '2022-01', 13, null],
      // The Bekasi Iconic pilot's end (launch + pilot_months) and Telkomsel's contract end.
      ['pilot', '2022-03', 15, null],
      ['contract', '2022-03', 15, null],
      ['regulation', '2022-06', 18, null],
      ['regulation', '2022-07', 19, null],
    ]);
    // The leader in office at the start and the regulation enacted before it are not events of the window.
    expect(timeline().map((e) => e.id)).not.toContain('rahmat_effendi');
    expect(timeline().map((e) => e.id)).not.toContain('perda_02_2020');
  });

  test('lane labels never overlap; close events go to separate lanes', () => {
    const placed = placeLaneLabels(
      [
        { x: 100, text: 'leader: Tri Adhianto (acting)' },
        { x: 130, text: 'rule: SPBE master plan' },
        { x: 160, text: 'rule: Perwal SPBE governance' },
        { x: 600, text: 'far away' },
      ],
      640,
    );
    expect(placed.map((p) => p.lane)).toEqual([0, 1, 2, 0]);
    const lane = timelineLane(timeline(), axis)!;
    const lines = units(lane).filter((u) => u.mark === 'text').flatMap((u) => u.values.map((v) => ({ y: Number(v['y']), line: String(v['line']) })));
    expect(new Set(lines.map((l) => l.y)).size).toBeGreaterThan(1);
    // Full labels: every word of every event is drawn, none is cut with an ellipsis.
    const drawn = lines.map((l) => l.line).join(' ');
    for (const e of timeline()) for (const word of e.label.split(' ')) expect(drawn).toContain(word);
    expect(drawn).not.toContain('…');
  });

  test('wrapped labels: long labels on several lines, blocks never overlap', () => {
    expect(wrapLabel('leader: Acting mayor Tri Adhianto (after the arrest of the mayor)', 20)).toEqual(['leader: Acting mayor', 'Tri Adhianto (after', 'the arrest of the', 'mayor)']);
    const items = [
      { x: 100, lines: ['one two three', 'four'] },
      { x: 110, lines: ['five'] },
      { x: 400, lines: ['far'] },
    ];
    const placed = placeWrappedLabels(items, 640);
    expect(placed.map((p) => p.row)).toEqual([0, 2, 0]);
  });
});

describe('adoption', () => {
  test('per-innovation means with their 95 % bands', () => {
    const d = adoptionData({ summary: run.summary, innovations, axis, timeline: timeline(), replications: 3 });
    expect(d.series).toEqual(innovations);
    expect(d.cumulative).toHaveLength(2 * 24);
    expect(d.live).toHaveLength(2 * 24);
    for (const r of [...d.cumulative, ...d.live]) expect(Number(r['lo']) <= Number(r['mean']) + 1e-9 && Number(r['mean']) <= Number(r['hi']) + 1e-9).toBe(true);
    expect(d.live.some((r) => Number(r['hi']) - Number(r['lo']) > 0.5)).toBe(true); // bands have width
    expect(d.cumulative.every((r) => Number(r['lo']) >= 0 && Number(r['hi']) <= 1)).toBe(true); // shares clamped
    expect(d.cumulative[0]).toMatchObject({ series: 'smart_health', month: 1, t: '2021-01-01' });
  });

  test('spec: band layers (area) and lines, rules at the scenario dates, valid', () => {
    const spec = adoptionSpec({ summary: run.summary, innovations, axis, timeline: timeline(), replications: 3 });
    const u = units(spec);
    expect(u.filter((x) => x.mark === 'area')).toHaveLength(2);
    expect(u.filter((x) => x.mark === 'line')).toHaveLength(2);
    expect(ruleDates(spec)).toEqual(['2021-01-01', '2022-01-01', '2022-03-01', '2022-06-01', '2022-07-01']);
    // Axis titles in words, not metric names.
    expect(JSON.stringify(spec)).not.toContain('cumulative.<innovation>');
    expect(JSON.stringify(spec)).toContain('agencies that ever adopted');
    expectValid(spec);
  });

  test('a service open to one agency: drawn as live or not (share of replications), not among the shares of agencies', () => {
    const d = adoptionData({ summary: run.summary, innovations, axis, timeline: timeline(), replications: 3, single: ['smart_health'] });
    expect(d.series).toEqual(['bekasi_iconic']);
    expect(d.singleSeries).toEqual(['smart_health']);
    expect(d.cumulative.every((r) => r['series'] === 'bekasi_iconic')).toBe(true);
    const live = run.summary.filter((r) => r.metric === 'live.smart_health');
    expect(d.single.map((r) => r['mean'])).toEqual(live.map((r) => Math.round(r.mean * 1e6) / 1e6));
    const spec = adoptionSpec({ summary: run.summary, innovations, axis, timeline: timeline(), replications: 3, single: ['smart_health'] });
    expect(JSON.stringify(spec)).toContain('share of replications in which it is live');
    // Every panel paints its bands from the same colour domain as the shared legend.
    const domains = new Set(units(spec).filter((u) => u.mark === 'line').map((u) => JSON.stringify(((u.unit['encoding'] as Record<string, { scale: { domain: string[] } }>)['color']!).scale.domain)));
    expect(domains.size).toBe(1);
    expectValid(spec);
  });

  test('falls back to city-wide metrics without per-innovation rows', () => {
    const summary = run.summary.filter((r) => !r.metric.includes('.'));
    const d = adoptionData({ summary, innovations, axis, timeline: [], replications: 3 });
    expect(d.series).toEqual(['all innovations']);
    expect(d.cumulative).toHaveLength(24);
    expectValid(adoptionSpec({ summary, innovations, axis, timeline: [], replications: 3 }));
  });
});

describe('rogers', () => {
  test('histogram bins by category, boundaries, both shares', () => {
    const d = rogersData({ agents: run.agents, axis });
    const adopters = run.agents.filter((a) => a.first_adoption_month !== null).length;
    expect(d.bins.reduce((s, b) => s + Number(b['count']), 0)).toBe(adopters);
    expect(d.shares).toHaveLength(10);
    for (const source of ['threshold', 'realized']) {
      expect(d.shares.filter((s) => s['source'] === source).reduce((a, s) => a + Number(s['share']), 0)).toBeCloseTo(1, 3);
    }
    expect(d.expected.map((e) => e['category'])).toEqual([...CATEGORIES]);
    expect(d.boundaries.length).toBeGreaterThanOrEqual(3);
  });

  test('spec: five categories in fixed order and colours, valid', () => {
    const spec = rogersSpec({ agents: run.agents, axis });
    expect(CATEGORY_SCALE.domain).toEqual(['innovator', 'early_adopter', 'early_majority', 'late_majority', 'laggard']);
    expect(new Set(CATEGORY_SCALE.range).size).toBe(5);
    expect(JSON.stringify(spec)).toContain(JSON.stringify(CATEGORY_SCALE));
    expectValid(spec);
  });
});

describe('survival', () => {
  test('exits by cause where they happened; KM per innovation from 1', () => {
    const d = survivalData({ summary: run.summary, events: run.events, innovations, axis, timeline: timeline() });
    const at = (cause: string) => d.exits.filter((e) => e['cause'] === cause).map((e) => e['month']);
    expect(at('leadership')).toEqual([13]); // the leadership change, 2022-01
    expect(at('defunded')).toContain(15); // the pilot's end
    expect(d.series).toEqual(innovations);
    for (const id of innovations) {
      const curve = d.km.filter((k) => k['series'] === id);
      expect(curve[0]).toMatchObject({ time: 0, survival: 1 });
      const s = curve.map((k) => Number(k['survival']));
      expect(s.every((v, i) => i === 0 || v <= (s[i - 1] as number))).toBe(true);
    }
    expect(d.cap).toBeNull();
  });

  test('the exits axis is cut when one month dwarfs the rest', () => {
    expect(exitsCap([50, 2, 1.5, 0.3])).toBe(5);
    expect(exitsCap([5, 4, 1])).toBeNull();
    expect(exitsCap([3])).toBeNull();
  });

  test('spec: cause colours fixed, rules at the scenario dates, valid', () => {
    const spec = survivalSpec({ summary: run.summary, events: run.events, innovations, axis, timeline: timeline() });
    expect(JSON.stringify(spec)).toContain(JSON.stringify(CAUSE_SCALE));
    expect(ruleDates(spec)).toEqual(['2021-01-01', '2022-01-01', '2022-03-01', '2022-06-01', '2022-07-01']);
    expectValid(spec);
  });
});

describe('stages and Callon', () => {
  test('stages stacked in fixed order, last month extended to the horizon', () => {
    const d = stagesData({ summary: run.summary, axis, timeline: [], replications: 3 });
    expect([...new Set(d.map((r) => r['stage']))]).toEqual(['restructuring', 'clarifying', 'routinized']);
    expect(d.filter((r) => r['month'] === 25)).toHaveLength(3);
    expect(d.find((r) => r['month'] === 25)!['t']).toBe(tValue(axis, 25));
    const spec = stagesSpec({ summary: run.summary, axis, timeline: timeline(), replications: 3 });
    expect(JSON.stringify(spec)).toContain(JSON.stringify(STAGE_SCALE));
    expectValid(spec);
  });

  test("Callon's four moments per innovation, as shares of eligible agencies", () => {
    const eligible = eligibleCounts(run.agents, scenarioFacts(run.manifest.scenario.resolved).innovations, innovations);
    expect(eligible).toEqual({ smart_health: 12, bekasi_iconic: 12 });
    const d = callonData({ summary: run.summary, innovations, eligible, axis, timeline: [] });
    for (const id of innovations) {
      expect([...new Set(d.filter((r) => r['innovation'] === id).map((r) => r['moment']))]).toEqual(['problematization', 'interessement', 'enrolment', 'mobilization']);
    }
    expect(d.every((r) => Number(r['value']) >= 0 && Number(r['value']) <= 1)).toBe(true);
    const launched = d.filter((r) => r['innovation'] === 'bekasi_iconic' && r['moment'] === 'problematization');
    expect(launched.find((r) => r['month'] === 2)!['value']).toBe(0);
    expect(launched.find((r) => r['month'] === 3)!['value']).toBe(1); // launched 2021-03
    expectValid(callonSpec({ summary: run.summary, innovations, eligible, axis, timeline: timeline() }));
  });
});

describe('learning', () => {
  test('loops per month, the double loop split into services and the city vision', () => {
    const d = learningData({ summary: run.summary, axis, timeline: [], replications: 3 });
    expect([...new Set(d.loops.map((r) => r['loop']))]).toEqual(['single', 'double', 'triple']);
    const vision = d.loops.filter((r) => r['level'] === 'city vision' && Number(r['mean']) > 0).map((r) => r['month']);
    expect(vision).toEqual([13]); // reinterpreted at the leadership change
    expect([...new Set(d.city.map((r) => r['series']))]).toEqual(['vision', 'leader_commitment']);
    const spec = learningSpec({ summary: run.summary, axis, timeline: timeline(), replications: 3 });
    expect(ruleDates(spec)).toEqual(['2021-01-01', '2022-01-01', '2022-03-01', '2022-06-01', '2022-07-01']);
    expectValid(spec);
  });
});

describe('comparison, sweep and sensitivity', () => {
  test('forest plot: one row per (outcome, variant) with its interval', async () => {
    const cmp = await fixture(COMPARE_DIR);
    const d = forestData({ rows: cmp.compare });
    expect(d.map((r) => [r['outcome'], r['variant'], r['lo'], r['diff'], r['hi']])).toEqual([
      // A share: percentage points.
      ['sustained_share', 'budget_line', -25, 16.7, 58],
      ['sustained_share', 'no_leader_change', -10, 8.3, 27],
      ['live_end', 'budget_line', 0.4, 1.67, 2.9],
      ['live_end', 'no_leader_change', -0.6, 0.67, 1.9],
    ]);
    const spec = forestSpec({ rows: cmp.compare });
    expect(JSON.stringify(spec)).toContain('97.5 % interval');
    expectValid(spec);
  });

  test('forest plot: an axis title says its unit once, also when the outcome\'s name ends with it (EN and ID)', () => {
    const rows = [
      compareRow('discontinuations.defunded', 'perda', 45.4, 44.35, -1.46, -0.64, { n: 40, correlation: 0.99 }),
      compareRow('sustained.parking-meters', 'perda', 0.025, 0.075, -0.0314, 0.1314, { n: 40, correlation: 0.99 }),
      compareRow('sustained_count', 'perda', 3, 3.5, 0.1, 0.9, { n: 40, correlation: 0.99 }),
    ];
    const titles = (spec: TopLevelSpec): string[] =>
      ((spec as unknown as { vconcat: { layer: { encoding: { x: { title: string } } }[] }[] }).vconcat).map((p) => p.layer[0]!.encoding.x.title);
    expect(titles(forestSpec({ rows }))).toEqual([
      'exits: defunded (per replication): variant − base (97.5 % interval)',
      'parking-meters sustained (probability): variant − base (pp, 97.5 % interval)',
      'services sustained (count): variant − base (per replication, 97.5 % interval)',
    ]);
    expect(titles(forestSpec({ rows, t: id, services: new Map([['parking-meters', 'Parkir meter']]) }))).toEqual([
      'penghentian karena tidak didanai (per replikasi): pengandaian − dasar (interval 97,5%)',
      'peluang parkir meter bertahan: pengandaian − dasar (pp, interval 97,5%)',
      'layanan bertahan (jumlah): pengandaian − dasar (per replikasi, interval 97,5%)',
    ]);
  });

  test("arms' curves overlaid, base first", async () => {
    const cmp = await fixture(COMPARE_DIR);
    const variants = [...new Set(cmp.arms.map((r) => r.variant))];
    expect(variants).toEqual(['base', 'budget_line', 'no_leader_change']);
    const spec = armsSpec({ arms: cmp.arms, variants, axis: timeAxisOf(scenarioFacts(cmp.manifest.scenario.resolved)), timeline: timeline() });
    const lines = units(spec).filter((u) => u.mark === 'line');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(new Set(lines[0]!.values.map((v) => v['series']))).toEqual(new Set(variants));
    expectValid(spec);
  });

  test("arms per service; each arm's own events: a leader only the base has is marked as the base's", async () => {
    const cmp = await fixture(COMPARE_DIR);
    const variants = [...new Set(cmp.arms.map((r) => r.variant))];
    const base = timeline();
    const leader = base.find((e) => e.kind === 'leader')!;
    const armTimelines = new Map([
      ['base', base],
      ['budget_line', base],
      ['no_leader_change', base.filter((e) => e !== leader)],
    ]);
    const input = { arms: cmp.arms, variants, axis: timeAxisOf(scenarioFacts(cmp.manifest.scenario.resolved)), timeline: base, armTimelines, innovations };
    const events = armEvents(input, new Map([['base', '#0072B2'], ['budget_line', '#E69F00']]));
    const marked = events.find((e) => e.id === leader.id)!;
    expect(marked.label).toBe(`${leader.label} (only base, budget_line)`);
    expect(marked.color).toBe('#0072B2');
    expect(events.filter((e) => e.id !== leader.id).every((e) => e.color === undefined && !e.label.includes('only'))).toBe(true);
    // Per service: one panel per service with the arms' live counts.
    const panels = armsData(input);
    expect(panels.map((p) => p.metric).filter((m) => m.startsWith('live.'))).toEqual(innovations.filter((id) => cmp.arms.some((r) => r.metric === `live.${id}`)).map((id) => `live.${id}`));
    expectValid(armsSpec(input));
  });

  test('heat map over the two swept parameters, titled with their units', async () => {
    const sw = await fixture(SWEEP_DIR);
    expect(sw.sweep!.parameters).toEqual(['parameters.bass_q', 'parameters.w_peer']); // the manifest's design factors
    expect(sw.sweep!.outcomes).toEqual(['sustained_share', 'live_end']);
    const d = heatmapData({ sweep: sw.sweep! });
    expect([d.xName, d.yName]).toEqual(['parameters.bass_q', 'parameters.w_peer']);
    expect(d.panels.map((p) => p.values.length)).toEqual([9, 9]);
    expect(d.panels[0]!.values.every((v) => v['n'] === 2)).toBe(true);
    expect(parameterTitle('bass_q')).toBe('bass_q (per year)');
    expect(parameterTitle('parameters.bass_q')).toBe('bass_q (per year) (parameters.bass_q)');
    expect(parameterTitle('innovations.0.pilot_months')).toBe('innovations.0.pilot_months');
    const spec = heatmapSpec({ sweep: sw.sweep! });
    expect(JSON.stringify(spec)).toContain('w_peer (utility)');
    expectValid(spec);
  });

  test('Morris: placed labels never overlap each other or a point', async () => {
    const se = await fixture(SENSITIVITY_DIR);
    const d = morrisPanelData(se.morris.filter((r) => r.outcome === 'live_end'));
    expect(d.points).toHaveLength(12);
    expect(d.text.length + d.unlabelled).toBe(12);
    const crowd = Array.from({ length: 20 }, (_, i) => ({ x: 100 + (i % 4) * 3, y: 100 + Math.floor(i / 4) * 3, text: `parameter_${i}` }));
    const placed = placePointLabels(crowd, 300, 300);
    expect(placed.length).toBeLessThan(20);
    expectValid(morrisSpec({ rows: se.morris }));
  });

  test('Sobol: S1 and ST with intervals, parameters by decreasing ST', async () => {
    const se = await fixture(SENSITIVITY_DIR);
    const d = sobolData(se.sobol);
    expect(d.order).toEqual(['bass_p', 'bass_q', 'w_peer', 'w_mand', 'h0_other']);
    expect(d.values.filter((v) => v['index'] === 'ST').every((v) => Number(v['lo']) <= Number(v['value']) && Number(v['value']) <= Number(v['hi']))).toBe(true);
    expectValid(sobolSpec({ rows: se.sobol }));
  });
});

test('buildCharts: a run folder gets the six run charts, each valid', async () => {
  const charts = buildCharts(run);
  expect(charts.map((c) => c.name)).toEqual(['adoption', 'rogers', 'survival', 'stages', 'callon', 'learning']);
  for (const c of charts) expectValid(c.spec);
});

test('spec builders are pure: same rows, same spec', () => {
  const a = JSON.stringify(buildCharts(run).map((c) => c.spec));
  const b = JSON.stringify(buildCharts(run).map((c) => c.spec));
  expect(a).toBe(b);
});

test('heat map of a Latin hypercube: continuous values binned into 8 intervals', () => {
  const rows = Array.from({ length: 40 }, (_, i) => ({
    point: i,
    replication: 0,
    values: { bass_q: 0.1 + (i * 0.013) % 0.5, w_peer: 0.05 + ((i * 7) % 40) / 100, live_end: i % 5 },
  }));
  const d = heatmapData({ sweep: { parameters: ['bass_q', 'w_peer'], outcomes: ['live_end'], rows } });
  expect(d.xOrder).toHaveLength(8);
  expect(d.yOrder).toHaveLength(8);
  expect(d.panels[0]!.values.reduce((s, v) => s + Number(v['n']), 0)).toBe(40);
  expectValid(heatmapSpec({ sweep: { parameters: ['bass_q', 'w_peer'], outcomes: ['live_end'], rows } }));
});

test('without a calendar start, time charts use months on x', () => {
  const monthAxis: TimeAxis = { kind: 'month', months: 24 };
  const spec = adoptionSpec({ summary: run.summary, innovations, axis: monthAxis, timeline: [], replications: 3 });
  expect(JSON.stringify(spec)).toContain('months since start');
  expectValid(spec);
  expectValid(survivalSpec({ summary: run.summary, events: run.events, innovations, axis: monthAxis, timeline: [] }));
});

describe('national provinces chart', () => {
  test('long province names are not cut, and each panel is as wide as its name', async () => {
    const { nationalProvincesSpec } = await import('../../src/report/specs/national-provinces.js');
    const { renderSvg } = await import('../../src/report/render.js');
    const names = new Map([
      ['19', 'Kepulauan Bangka Belitung'],
      ['34', 'Daerah Istimewa Yogyakarta'],
      ['53', 'Nusa Tenggara Timur'],
    ]);
    const rows = [...names.keys()].flatMap((p) => [
      { government: `${p}`, province: p, type: 'province', sustainedShare: 0.5 },
      { government: `${p}.01`, province: p, type: 'regency', sustainedShare: 0.25 },
    ]);
    const spec = nationalProvincesSpec(rows, names, 2);
    const svg = await renderSvg(spec);
    for (const name of names.values()) expect(svg).toContain(`>${name}<`);
    expect(svg).not.toContain('…');
    // Panels at least as wide as the longest name needs at 0.6 em a character (11 px labels since session 39).
    expect(JSON.stringify(spec)).toContain(`"width":${Math.ceil('Daerah Istimewa Yogyakarta'.length * 0.6 * 11)}`);
  });
});
