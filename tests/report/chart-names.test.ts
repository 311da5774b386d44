/**
 * What a reader sees in the report's charts names the services in the
 * report's language (`name_id` in Bahasa Indonesia, `name` in English, the
 * id when neither is given), as the explorer's charts do: the adoption
 * legend, the Callon panels, the outcomes of the sensitivity charts. The
 * data, the colours and their order stay keyed by the ids (a CSV column
 * keeps its ids), and two services that share a name are told apart by
 * their ids ("Name [id]"), never drawn as two entries that read alike.
 */
import { describe, expect, it } from 'vitest';
import { buildCharts, experimentCharts, runCharts } from '../../src/report/charts.js';
import { distinctNames } from '../../src/report/outcome-names.js';
import { reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { fixture, RUN_DIR, SENSITIVITY_DIR } from './helpers.js';

type Node = Record<string, unknown>;

/** Every object of a spec tree that `keep` accepts. */
function collect(spec: unknown, keep: (o: Node) => boolean): Node[] {
  const out: Node[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Node;
      if (keep(o)) out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(spec);
  return out;
}

/** The labels a legend's labelExpr gives its keys (namesExpr's `datum.label === "key" ? "name" : ...` chain), a name on several lines joined by a space. */
function legendLabels(expr: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of expr.matchAll(/datum\.label === ("(?:[^"\\]|\\.)*") \? ("(?:[^"\\]|\\.)*"|\[[^\]]*\]) :/g)) {
    const name = JSON.parse(m[2]!) as string | string[];
    out.set(JSON.parse(m[1]!) as string, Array.isArray(name) ? name.join(' ') : name);
  }
  return out;
}

/** The fixture's run with its services renamed: `names` id -> [name, name_id]. */
function renamed(run: ResultSet, names: Record<string, [string, string | undefined]>): ResultSet {
  const resolved = run.manifest.scenario.resolved as { innovations: Node[] };
  const innovations = resolved.innovations.map((i) => {
    const n = names[String(i['id'])];
    return n === undefined ? i : { ...i, name: n[0], ...(n[1] === undefined ? {} : { name_id: n[1] }) };
  });
  return { ...run, manifest: { ...run.manifest, scenario: { ...run.manifest.scenario, resolved: { ...resolved, innovations } } } };
}

const adoptionColor = (charts: ReturnType<typeof runCharts>): Node => {
  const spec = charts.find((c) => c.name === 'adoption')!.spec;
  const colors = collect(spec, (o) => o['field'] === 'series' && typeof o['scale'] === 'object' && o['type'] === 'nominal');
  expect(colors.length).toBeGreaterThan(0);
  return colors[0]!;
};

const panelTitles = (spec: unknown): string[] =>
  collect(spec, (o) => typeof o['title'] === 'object' && o['title'] !== null && typeof (o['title'] as Node)['text'] === 'string' && 'layer' in o).map((o) => (o['title'] as Node)['text'] as string);

describe("the report's charts name the services in the report's language", () => {
  it('adoption legend: name_id in Bahasa Indonesia, name in English, the id kept as the key, colours and order unchanged', async () => {
    const run = renamed(await fixture(RUN_DIR), { smart_health: ['Smart health', 'Layanan kesehatan cerdas'], bekasi_iconic: ['Bekasi Iconic super-app', undefined] });
    const en = adoptionColor(runCharts(run, 'en'));
    const id = adoptionColor(runCharts(run, 'id'));
    expect(legendLabels(String((id['legend'] as Node)['labelExpr']))).toEqual(
      new Map([
        ['smart_health', 'Layanan kesehatan cerdas'],
        // No name_id: its name.
        ['bekasi_iconic', 'Bekasi Iconic super-app'],
      ]),
    );
    expect(legendLabels(String((en['legend'] as Node)['labelExpr'])).get('smart_health')).toBe('Smart health');
    // The series stay keyed by id: same domain, colours and order in both languages.
    expect(id['scale']).toEqual(en['scale']);
    expect(id['sort']).toEqual(en['sort']);
    expect((id['scale'] as { domain: string[] }).domain).toEqual(expect.arrayContaining(['smart_health', 'bekasi_iconic']));
  });

  it('Callon panels are headed with the names, not the ids', async () => {
    const run = renamed(await fixture(RUN_DIR), { smart_health: ['Smart health', 'Layanan kesehatan cerdas'] });
    const titles = panelTitles(runCharts(run, 'id').find((c) => c.name === 'callon')!.spec);
    expect(titles.some((t) => t.startsWith('Layanan kesehatan cerdas'))).toBe(true);
    expect(titles.some((t) => t.startsWith('Bekasi Iconic super-app'))).toBe(true);
    for (const t of titles) expect(t).not.toMatch(/^(smart_health|bekasi_iconic)\b/);
  });

  it('no chart of a run shows a service id where the service has a name', async () => {
    const run = renamed(await fixture(RUN_DIR), { smart_health: ['Smart health', 'Layanan kesehatan cerdas'] });
    for (const chart of buildCharts(run, 'id')) {
      // What a reader sees: texts of the spec but its data (whose keys are the ids, as in the CSVs) and the label expressions' keys.
      const shown = JSON.stringify({ ...chart.spec, data: undefined }, (k, v) => (k === 'values' || k === 'domain' || k === 'sort' ? undefined : v)).replace(/datum\.label === \\"[^"\\]*\\"/g, '');
      expect(shown, chart.name).not.toContain('smart_health');
      expect(shown, chart.name).not.toContain('bekasi_iconic');
    }
  });

  it('two services that share a name are told apart by their ids, with the same colours and order as before', async () => {
    const base = await fixture(RUN_DIR);
    const same = renamed(base, { smart_health: ['Reporting app', 'Aplikasi pelaporan'], bekasi_iconic: ['Reporting app', 'Aplikasi pelaporan'] });
    const color = adoptionColor(runCharts(same, 'id'));
    const labels = legendLabels(String((color['legend'] as Node)['labelExpr']));
    expect(labels).toEqual(
      new Map([
        ['smart_health', 'Aplikasi pelaporan [smart_health]'],
        ['bekasi_iconic', 'Aplikasi pelaporan [bekasi_iconic]'],
      ]),
    );
    expect(color['scale']).toEqual(adoptionColor(runCharts(base, 'id'))['scale']);
    expect(color['sort']).toEqual(adoptionColor(runCharts(base, 'id'))['sort']);
    // The Kaplan-Meier cells are faceted by name: two services of one name stay two cells.
    const survival = runCharts(same, 'id').find((c) => c.name === 'survival')!.spec as unknown as Node;
    const facet = collect(survival, (o) => typeof o['facet'] === 'object' && o['facet'] !== null)[0]!;
    const cells = (facet['facet'] as { sort: string[] }).sort;
    expect(new Set(cells).size).toBe(cells.length);
    // Names given once stay as they are; a service without a name keeps its id.
    expect(distinctNames(new Map([['a', 'A'], ['b', 'B'], ['c', 'c']]))).toEqual(new Map([['a', 'A'], ['b', 'B'], ['c', 'c']]));
    expect(distinctNames(new Map([['a', 'b'], ['b', 'b']]))).toEqual(new Map([['a', 'b [a]'], ['b', 'b']]));
  });

  it("a long name is broken onto lines in the report's legend, not cut with an ellipsis", async () => {
    const long = 'Layanan kesehatan cerdas milik Dinas Kesehatan Kota Bekasi';
    const run = renamed(await fixture(RUN_DIR), { smart_health: ['Smart health', long] });
    const expr = String((adoptionColor(runCharts(run, 'id'))['legend'] as Node)['labelExpr']);
    const m = /datum\.label === "smart_health" \? (\[[^\]]*\]) :/.exec(expr);
    expect(m).not.toBeNull();
    const lines = JSON.parse(m![1]!) as string[];
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(long);
  });

  it('the sensitivity charts, tables and summary name a service outcome by the service', async () => {
    const sens = await fixture(SENSITIVITY_DIR);
    const run = renamed(await fixture(RUN_DIR), { smart_health: ['Smart health', 'Layanan kesehatan cerdas'] });
    const results: ResultSet = {
      ...sens,
      manifest: { ...sens.manifest, scenario: run.manifest.scenario },
      morris: sens.morris.map((r) => ({ ...r, outcome: 'sustained.smart_health' })),
      sobol: sens.sobol.map((r) => ({ ...r, outcome: 'sustained.smart_health' })),
    };
    const charts = experimentCharts(results, 'id');
    expect(charts.map((c) => c.name)).toEqual(expect.arrayContaining(['morris', 'sobol']));
    for (const c of charts) {
      const text = JSON.stringify(c.spec);
      expect(text, c.name).toContain('layanan kesehatan cerdas');
      expect(text, c.name).not.toContain('smart_health');
    }
    const model = reportModel(results, charts, 'id');
    for (const id of ['morris', 'sobol']) {
      const rows = model.tables.find((t) => t.id === id)!.rows;
      for (const cells of rows) expect(cells[0], id).toContain('layanan kesehatan cerdas');
    }
    const summary = model.summary.join('\n');
    expect(summary).toContain('layanan kesehatan cerdas');
    expect(summary).not.toContain('smart_health');
  });
});
