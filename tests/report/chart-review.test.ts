/**
 * Charts as a reader of a budget report reads them: a service keeps one
 * colour across the charts, a colour means one thing inside a figure, a
 * curve says what it rests on, and nothing is left out without saying so.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { experimentCharts, runContext } from '../../src/report/charts.js';
import { CAUSE_SCALE, serviceScale } from '../../src/report/palette.js';
import type { ResultSet } from '../../src/report/rows.js';
import { scenarioFacts } from '../../src/report/scenario-facts.js';
import { adoptionSpec } from '../../src/report/specs/adoption.js';
import { armEvents, armsSpec } from '../../src/report/specs/arms.js';
import { heatmapData, heatmapSpec } from '../../src/report/specs/heatmap.js';
import { morrisPanelData } from '../../src/report/specs/morris.js';
import { nationalSpreadSpec } from '../../src/report/specs/national-spread.js';
import { renderSvg } from '../../src/report/render.js';
import { rogersData, rogersSpec } from '../../src/report/specs/rogers.js';
import { MIN_KM_INSTANCES, survivalData, survivalSpec } from '../../src/report/specs/survival.js';
import { labelWidth, PANEL_WIDTH, placeWrappedLabels, type TimeAxis } from '../../src/report/specs/common.js';
import { catalog, type Catalog } from '../../src/report/i18n/index.js';
import { COMPARE_DIR, fixture, RUN_DIR, SENSITIVITY_DIR, SWEEP_DIR, units } from './helpers.js';

let run: ResultSet;
let axis: TimeAxis;
const timeline = () => scenarioFacts(run.manifest.scenario.resolved).timeline;
const innovations = ['smart_health', 'bekasi_iconic'];

beforeAll(async () => {
  run = await fixture(RUN_DIR);
  axis = runContext(run).axis;
});

type Scale = { domain: string[]; range: string[] };

/** Every colour scale with an explicit domain in a spec: value -> colour. */
function colourScales(spec: TopLevelSpec): Map<string, string>[] {
  return units(spec).flatMap((u) => {
    const enc = u.unit['encoding'] as Record<string, { scale?: Scale | null }> | undefined;
    const scale = enc?.['color']?.scale;
    if (!scale || !Array.isArray(scale.domain) || !Array.isArray(scale.range)) return [];
    return [new Map(scale.domain.map((d, i) => [d, scale.range[i] as string]))];
  });
}

describe('one colour per service (item 3)', () => {
  test('a service keeps its colour whatever order a chart lists the services in', () => {
    const all = ['a', 'b', 'c'];
    expect(serviceScale(['c', 'a'], all)).toEqual({ domain: ['c', 'a'], range: [serviceScale(all, all).range[2], serviceScale(all, all).range[0]] });
  });

  test('the adoption chart paints each service with the colour of its place in the scenario, single-agency ones too', () => {
    const plain = colourScales(adoptionSpec({ summary: run.summary, innovations, axis, timeline: timeline(), replications: 3 }))[0]!;
    // With smart_health open to one agency, the chart lists it last; its colour must not move.
    const single = colourScales(adoptionSpec({ summary: run.summary, innovations, axis, timeline: timeline(), replications: 3, single: ['smart_health'] }))[0]!;
    for (const id of innovations) expect(single.get(id)).toBe(plain.get(id));
  });

  test('in the survival figure a colour means a cause only: no service is colour-coded with the cause palette', () => {
    const spec = survivalSpec({ summary: run.summary, events: run.events, innovations, axis, timeline: timeline() });
    const scales = colourScales(spec);
    expect(scales.length).toBeGreaterThan(0);
    for (const s of scales) {
      for (const id of innovations) expect(s.has(id)).toBe(false);
      for (const key of s.keys()) expect(CAUSE_SCALE.domain as string[]).toContain(key);
    }
  });
});

describe('the Kaplan-Meier cells say what they rest on (item 5)', () => {
  test('each service: instances, ended, replications; a curve on too few instances is not drawn', () => {
    // smart_health kept in one replication only: too few instances for a curve.
    const first = Math.min(...run.events.map((e) => e.replication));
    const events = run.events.filter((e) => e.innovation !== 'smart_health' || e.replication === first);
    const d = survivalData({ summary: run.summary, events, innovations, axis, timeline: timeline() });
    expect(d.replications).toBe(new Set(events.map((e) => e.replication)).size);
    for (const i of d.info) {
      expect(i.drawn).toBe(i.instances >= MIN_KM_INSTANCES);
      expect(d.km.some((k) => k['series'] === i.series)).toBe(i.drawn);
    }
    const health = d.info.find((i) => i.series === 'smart_health')!;
    expect(health.instances).toBeLessThan(MIN_KM_INSTANCES);
    expect(health.drawn).toBe(false);
    expect(d.info.find((i) => i.series === 'bekasi_iconic')!.drawn).toBe(true);
    expect(health.replications).toBe(1);
    const json = JSON.stringify(survivalSpec({ summary: run.summary, events, innovations, axis, timeline: timeline() }));
    expect(json).toContain(`n = ${health.instances} instance`);
    expect(json).toContain(`fewer than ${MIN_KM_INSTANCES} instances`);
    expect(json).toContain(`the ${d.replications} detail replication`);
  });
});

describe("a Kaplan-Meier cell's note without a curve fits its cell", () => {
  /** The note's text marks' lines, and the cells' width, of the survival spec laid out for a plotting width. */
  const noteLines = (width: number, t: Catalog) => {
    const first = Math.min(...run.events.map((e) => e.replication));
    const events = run.events.filter((e) => e.innovation !== 'smart_health' || e.replication === first);
    const spec = survivalSpec({ summary: run.summary, events, innovations, axis: { ...axis, width }, timeline: timeline(), t });
    // The data rows of kind 'note' (the timeline's rows have a `line` too).
    const notes: string[] = [];
    JSON.stringify(spec, (key, value: unknown) => {
      if (value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'note') notes.push((value as { line: string }).line);
      return value;
    });
    expect(notes.length).toBeGreaterThan(0);
    return [...new Set(notes)].flatMap((line) => line.split('\n'));
  };

  test('on a phone in Bahasa Indonesia its lines fit a one-column cell (one line of it widened the chart past its box)', () => {
    const id = catalog('id');
    // The explorer's plotting width on a 360 px phone: one column of cells that wide.
    const lines = noteLines(212, id);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(id.kmTooFew(MIN_KM_INSTANCES));
    for (const line of lines) expect(labelWidth(line, 11) + 10).toBeLessThanOrEqual(212);
  });

  test("in the report's width it stays one line, as before", () => {
    expect(noteLines(PANEL_WIDTH, catalog('id'))).toEqual([catalog('id').kmTooFew(MIN_KM_INSTANCES)]);
    expect(noteLines(PANEL_WIDTH, catalog('en'))).toEqual([catalog('en').kmTooFew(MIN_KM_INSTANCES)]);
  });
});

describe('the arms chart marks an event whose dates differ between arms (item 2)', () => {
  test('a variant whose only change is a shorter budget shock gets its own window, with its dates and its arm', async () => {
    const cmp = await fixture(COMPARE_DIR);
    const variants = [...new Set(cmp.arms.map((r) => r.variant))];
    const base = timeline();
    const shock = base.find((e) => e.kind === 'budget' && e.endMonth !== null)!;
    expect(shock).toBeDefined();
    const shorter = { ...shock, endMonth: shock.month + 1, endDate: '2099-12' };
    const armTimelines = new Map([
      ['base', base],
      ['budget_line', base.map((e) => (e === shock ? shorter : e))],
      ['no_leader_change', base],
    ]);
    const input = { arms: cmp.arms, variants, axis: runContext(cmp).axis, timeline: base, armTimelines, innovations };
    const events = armEvents(input, new Map([['base', '#0072B2'], ['budget_line', '#009E73'], ['no_leader_change', '#56B4E9']]));
    const windows = events.filter((e) => e.id === shock.id);
    expect(windows).toHaveLength(2);
    expect(windows.map((e) => e.label)).toEqual(
      expect.arrayContaining([
        `${shock.label} ${shock.date} to ${shock.endDate} (only base, no_leader_change)`,
        `${shock.label} ${shock.date} to 2099-12 (only budget_line)`,
      ]),
    );
    // Each window is shaded in its arm's colour, its end marked by a rule.
    const spec = armsSpec(input);
    const rects = units(spec)
      .filter((u) => u.mark === 'rect' && JSON.stringify(u.unit['encoding']).includes('"fill"'))
      .flatMap((u) => u.values.map((v) => v['color']));
    expect(new Set(rects)).toEqual(new Set(['#0072B2', '#009E73']));
    expect(JSON.stringify(spec)).toContain('dashed rule in that colour at its end');
  });

  test("the arms' colours are not the budget shock's vermillion nor the orange next to it", async () => {
    const cmp = await fixture(COMPARE_DIR);
    const variants = [...new Set(cmp.arms.map((r) => r.variant))];
    const spec = armsSpec({ arms: cmp.arms, variants, axis: runContext(cmp).axis, timeline: timeline() });
    const arms = colourScales(spec).find((s) => s.has('base'))!;
    for (const c of arms.values()) expect(['#D55E00', '#E69F00']).not.toContain(c);
  });
});

describe('the Rogers chart: per-replication counts and agents.csv categories (item 4)', () => {
  test("realized shares are agents.csv's realized_category (classified within each replication), as shares of adopters", () => {
    // Give every adopter a category the pooled classification would not: the chart must follow the file.
    const agents = run.agents.map((a) => (a.first_adoption_month === null ? a : { ...a, realized_category: 'laggard' as const }));
    const d = rogersData({ agents, axis });
    const realized = Object.fromEntries(d.shares.filter((s) => s['source'] === 'realized').map((s) => [s['category'], s['share']]));
    expect(realized).toMatchObject({ laggard: 1, innovator: 0, early_majority: 0 });
    expect(d.bins.every((b) => b['category'] === 'laggard')).toBe(true);
  });

  test('the histogram draws first adoptions per replication and says they are pooled over N replications', () => {
    const d = rogersData({ agents: run.agents, axis });
    const reps = new Set(run.agents.map((a) => a.replication)).size;
    expect(d.replications).toBe(reps);
    const adopters = run.agents.filter((a) => a.first_adoption_month !== null).length;
    expect(d.bins.reduce((s, b) => s + Number(b['per_rep']), 0)).toBeCloseTo(adopters / reps, 2);
    const json = JSON.stringify(rogersSpec({ agents: run.agents, axis }));
    expect(json).toContain('"field":"per_rep"');
    expect(json).toContain(`${adopters} first adoptions pooled over ${reps} replications`);
    expect(json).toContain('(mean per replication)');
    expect(json).toContain('realized (agents.csv), share of adopters');
  });
});

describe('the sweep heat map (items 6 and 8)', () => {
  test('draws every outcome: none is silently dropped', () => {
    const outcomes = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'];
    const rows = Array.from({ length: 9 }, (_, i) => ({
      point: i,
      replication: 0,
      values: { bass_q: i % 3, w_peer: Math.floor(i / 3), ...Object.fromEntries(outcomes.map((o, k) => [o, i + k])) },
    }));
    const sweep = { parameters: ['bass_q', 'w_peer'], outcomes, rows };
    expect(heatmapData({ sweep }).panels.map((p) => p.outcome)).toEqual(outcomes);
    const rects = units(heatmapSpec({ sweep })).filter((u) => u.mark === 'rect');
    expect(rects).toHaveLength(6);
  });

  test('a cell label of a mean above 10 is the mean rounded, not cut to two significant digits', () => {
    const rows = [106.6, 100.4, 2.875, 0.1432].map((v, i) => ({ point: i, replication: 0, values: { a: i % 2, b: Math.floor(i / 2), exits: v } }));
    const labels = heatmapData({ sweep: { parameters: ['a', 'b'], outcomes: ['exits'], rows } }).panels[0]!.values.map((v) => v['label']);
    // One format per outcome since session 39: the sweep table's decimals for the panel (one above 100), not two significant digits per cell.
    expect(labels).toEqual(['106.6', '100.4', '2.9', '0.1']);
  });

  test('is not drawn for a Morris design, whose cells would be confounded by the other factors', async () => {
    const sw = await fixture(SWEEP_DIR);
    const sens = await fixture(SENSITIVITY_DIR);
    expect(sens.morris.length).toBeGreaterThan(0);
    expect(experimentCharts(sw).map((c) => c.name)).toContain('heatmap');
    const morrisWithDesign = { ...sens, sweep: sw.sweep } as ResultSet;
    const names = experimentCharts(morrisWithDesign).map((c) => c.name);
    expect(names).toContain('morris');
    expect(names).not.toContain('heatmap');
  });
});

/** The texts of an SVG that the overlap removal hid (opacity 0). */
function hiddenTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*opacity="0"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
}

describe('no key label hidden by overlap removal (item 13)', () => {
  test('the Rogers chart over eleven years shows every year, the launch year too', async () => {
    const long: TimeAxis = { kind: 'date', start: '2015-01', months: 132 };
    const svg = await renderSvg(rogersSpec({ agents: run.agents, axis: long }));
    expect(hiddenTexts(svg).filter((x) => /^\d{4}$/.test(x))).toEqual([]);
    for (let y = 2015; y <= 2025; y++) expect(svg).toContain(`>${y}</text>`);
    // The horizon ends in 2025-12: no tick at 2026 (time-axis-horizon.test.ts).
    expect(svg).not.toContain('>2026</text>');
  });

  test('the national spread chart in Indonesian shows every category label', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ government: `g${i}`, province: 'p', type: 'city', sustainedShare: i / 19, replicationShares: [i / 19, i / 19] }));
    const svg = await renderSvg(nationalSpreadSpec(rows, 2, 'id'));
    expect(hiddenTexts(svg)).toEqual([]);
    // Closed up in Indonesian (PUEBI): "0–10%".
    expect(svg).toContain('0–10%');
  });
});

describe('Morris factor labels (item 17)', () => {
  test('a label is not put on its own interval line', () => {
    const row = (parameter: string, mu_star: number, conf: number, sigma: number) =>
      ({ method: 'morris', parameter, outcome: 'o', mu: mu_star, mu_star, sigma, mu_star_conf: conf }) as never;
    // champion_rotation's interval runs far on both sides of its point: beside the point, the label would sit on the line.
    const d = morrisPanelData([row('parameters.champion_rotation', 0.05, 0.04, 0.03), row('parameters.leader_shock', 0.01, 0.005, 0.08)]);
    const label = d.text.find((t) => t['parameter'] === 'champion_rotation')!;
    expect(label).toBeDefined();
    expect(Number(label['ly'])).not.toBeCloseTo(0.03, 6); // moved off the line's height
  });
});

describe('each band says which interval it is (item 14)', () => {
  test('adoption: t interval of the mean, and the Wilson interval of the tables named for a single-agency service', () => {
    const plain = JSON.stringify(adoptionSpec({ summary: run.summary, innovations, axis, timeline: timeline(), replications: 3 }));
    expect(plain).toContain('Student t interval (95 %) of the mean over replications');
    expect(plain).not.toContain('Wilson');
    const single = JSON.stringify(adoptionSpec({ summary: run.summary, innovations, axis, timeline: timeline(), replications: 3, single: ['smart_health'] }));
    expect(single).toContain('Wilson interval');
  });

  test('arms: the same sentence under the arms', async () => {
    const cmp = await fixture(COMPARE_DIR);
    const variants = [...new Set(cmp.arms.map((r) => r.variant))];
    const spec = JSON.stringify(armsSpec({ arms: cmp.arms, variants, axis: runContext(cmp).axis, timeline: timeline(), innovations, single: ['smart_health'] }));
    expect(spec).toContain('Student t interval (95 %) of the mean over replications');
    expect(spec).toContain('Wilson interval');
  });
});

describe('timeline lane: no event tick crosses another event label (item 17)', () => {
  test('a tick runs from its label down to the lane bottom without crossing a label', () => {
    // C fits in the top row right of A, but its tick would run down through B's label (row 1).
    const items = [
      { x: 0, lines: ['a'.repeat(30)] },
      { x: 10, lines: ['b'.repeat(45)] },
      { x: 250, lines: ['c'] },
      { x: 600, lines: ['a very long label near the right edge of the panel'] },
      { x: 590, lines: ['x'] },
    ];
    const placed = placeWrappedLabels(items, 640);
    const boxes = items.map((it, i) => {
      const w = Math.max(...it.lines.map((l) => l.length * 0.62 * 10)) + 3;
      const p = placed[i]!;
      const [x0, x1] = p.align === 'left' ? [it.x, it.x + w] : [it.x - w, it.x];
      return { x0, x1, r0: p.row, r1: p.row + it.lines.length };
    });
    items.forEach((it, j) => {
      boxes.forEach((b, i) => {
        if (i === j) return;
        const crosses = it.x > b.x0 + 1 && it.x < b.x1 - 1 && b.r1 > placed[j]!.row;
        expect(crosses, `tick of ${j} crosses label ${i}`).toBe(false);
      });
    });
  });
});
