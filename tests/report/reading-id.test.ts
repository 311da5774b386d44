/**
 * What an Indonesian reader meets in the city and comparison charts: an
 * interval written [a; b] (a comma is the decimal separator), the survival
 * chart's cut with a decimal comma, the Rogers chart's boundaries in
 * Indonesian and its share axis written "10%" as the Indonesian text writes it
 * (the sign closed up; English "10 %").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { buildCharts, runContext } from '../../src/report/charts.js';
import { exitClusters, runSummary } from '../../src/report/summary.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { learningSpec } from '../../src/report/specs/learning.js';
import { nationalCohortsSpec } from '../../src/report/specs/national-cohorts.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { renderSvg } from '../../src/report/render.js';
import type { ResultSet } from '../../src/report/rows.js';
import { forestData } from '../../src/report/specs/forest.js';
import { rogersSpec } from '../../src/report/specs/rogers.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { compared, reportModel } from '../../src/report/report-model.js';
import { COMPARE_DIR, fixture, RUN_DIR, maxDepth } from './helpers.js';

let run: ResultSet;
let cmp: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
  cmp = await fixture(COMPARE_DIR);
});

/** The texts drawn in an SVG. */
const texts = (svg: string) => [...svg.matchAll(/>([^<>]+)</g)].map((m) => m[1]!.trim()).filter((x) => x !== '');

describe('the forest plot', () => {
  it("writes an interval [a; b] in Indonesian and [a, b] in English", () => {
    const idText = forestData({ rows: cmp.compare, t: id }).map((r) => String(r['text']));
    const enText = forestData({ rows: cmp.compare }).map((r) => String(r['text']));
    expect(idText.length).toBeGreaterThan(0);
    for (const x of idText) expect(x).toMatch(/\[[^\],;]+(,\d+)?; [^\];]+\]/);
    for (const x of enText) expect(x).toMatch(/\[[^\],;]+, [^\];]+\]/);
    expect(idText.some((x) => /\d,\d/.test(x))).toBe(true);
  });
});

describe('the survival chart', () => {
  it('writes its cut with a decimal comma in Indonesian', () => {
    expect(id.survivalSub1(2.5, '')).toContain('sumbu dipotong pada 2,5;');
    expect(en.survivalSub1(2.5, '')).toContain('the axis is cut at 2.5,');
  });
});

describe('the Rogers chart', () => {
  it('names its boundaries in Indonesian and writes its shares "10%", closed up as the text (English "10 %")', async () => {
    const axis = runContext(run).axis;
    const idSvg = texts(await renderSvg(rogersSpec({ agents: run.agents, axis, t: id })));
    expect(idSvg).toContain('rata-rata');
    expect(idSvg.some((x) => /^rata-rata [−+] [12] SB$/.test(x))).toBe(true);
    expect(idSvg.filter((x) => /\bmean\b|\bsd\b/.test(x))).toEqual([]);
    expect(idSvg).toContain('0%');
    expect(idSvg.filter((x) => /\d %/.test(x))).toEqual([]);
    const enSvg = texts(await renderSvg(rogersSpec({ agents: run.agents, axis })));
    expect(enSvg.some((x) => /^mean [−+] (2 )?sd$/.test(x))).toBe(true);
    expect(enSvg).toContain('0 %');
    // Its expected-share ticks are drawn vermillion, which the subtitle names as such.
    expect(id.rogersSub2).toContain('tanda jingga kemerahan');
    expect(en.rogersSub2).toContain('vermillion ticks');
  });
});

describe("a comparison's generated texts and columns in Indonesian", () => {
  const manifest = (file: string, description: string) => ({
    experiment: { name: 'x', file, description },
    arms: [
      { name: 'base', note: 'the base scenario', file: 'my.yaml', set: {} },
      { name: 'longer', note: 'longer-pilot.yaml', file: 'longer-pilot.yaml', set: {} },
    ],
    scenario: { name: 'my', resolved: {} },
  });

  it("words difusi's own base note and command-line description in the report's language; a user's text stays as written", () => {
    const generated = manifest('(command line)', 'my.yaml against longer-pilot.yaml');
    const idCompared = compared(generated, id)!;
    expect(idCompared.variants[0]!.note).toBe('skenario dasar');
    expect(idCompared.description).toBe('my.yaml dibandingkan dengan longer-pilot.yaml');
    const enCompared = compared(generated, en)!;
    expect(enCompared.variants[0]!.note).toBe('the base scenario');
    expect(enCompared.description).toBe('my.yaml against longer-pilot.yaml');
    // An experiment file's own description is the user's text, even when it reads alike.
    expect(compared(manifest('experiments/x.yaml', 'red against blue'), id)!.description).toBe('red against blue');
    expect(compared(manifest('experiments/x.yaml', 'red against blue'), id)!.variants[1]!.note).toBe('longer-pilot.yaml');
  });

  it('heads the variant name and the variant mean differently, and calls arms skenario, not lengan', () => {
    expect(id.col.variant).not.toBe(id.col.variantMean);
    expect(new Set([id.col.outcome, id.col.variant, id.col.base, id.col.variantMean, id.col.difference]).size).toBe(5);
    // The catalog's source, so that its sentences (functions) are read too.
    expect(readFileSync(join(ROOT, 'src', 'report', 'i18n', 'id.ts'), 'utf8')).not.toMatch(/\blengan/);
  });
});

describe('the city report in Indonesian, as a newcomer reads it', () => {
  it('names more events at an exit cluster in words, not "+3"', () => {
    const events = Array.from({ length: 5 }, (_, i) => ({ month: 10, endMonth: null, label: `e${i}` })) as never[];
    const [cluster] = exitClusters(new Map([[10, 5]]), events, '2020-01', id.sumMoreEvents);
    expect(cluster!.event).toBe('e0, e1, e2, serta 2 peristiwa lain');
    expect(exitClusters(new Map([[10, 5]]), events, '2020-01', en.sumMoreEvents)[0]!.event).toBe('e0, e1, e2, and 2 more events');
  });

  it('names the events at an exit cluster by their services alone, without the timeline\'s kind words or vendors, and with no parentheses inside parentheses', () => {
    // The shipped Bekasi timeline: six events in March 2019, three pilots named, two of them with a vendor "PT Telkomsel (CSR, SSP/POC)".
    const parsed = parseScenarioText(readFileSync(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), 'utf8'), 'bekasi-2015-2025.yaml');
    if (!parsed.ok) throw new Error('the shipped scenario does not parse');
    const exit = run.summary.find((r) => r.metric === 'discontinued_defunded')!;
    const results: ResultSet = {
      ...run,
      manifest: { ...run.manifest, scenario: { ...run.manifest.scenario, resolved: parsed.scenario } },
      summary: [...run.summary.filter((r) => !r.metric.startsWith('discontinued_')), { ...exit, month: 51, mean: 51.4 }],
    };
    const sentence = (lang: 'en' | 'id') => runSummary(results, runContext(results, lang)).find((s) => /^(Penghentian paling banyak|Exits cluster)/.test(s))!;
    const idText = sentence('id');
    expect(idText).toBe(
      'Penghentian paling banyak terjadi pada Maret 2019, rata-rata 51,4 per replikasi, bertepatan dengan berakhirnya uji coba (pilot) CCTV dan sensor lingkungan, integrasi ke platform POC/SSP dan aplikasi pelaporan warga POT (Pemkot), serta 3 peristiwa lain.',
    );
    expect(idText).not.toMatch(/akhir uji coba:|Telkomsel/);
    expect(maxDepth(idText)).toBe(1);
    // English as it was: the timeline's labels.
    expect(sentence('en')).toMatch(/^Exits cluster in 2019-03 \(51\.4 per replication, at pilot end: .* – PT Telkomsel \(CSR, SSP\/POC\), .*, and 3 more events\)\.$/);
  });

  it('words each kind of event at an exit cluster, neighbours of a kind together, without nesting parentheses', () => {
    const idText = runSummary(run, runContext(run, 'id')).find((s) => s.startsWith('Penghentian paling banyak'))!;
    expect(idText).toContain('bertepatan dengan berakhirnya uji coba (pilot) Bekasi Iconic super-app serta berakhirnya kontrak PT Telkomsel;');
    // The mayor took office in the cluster's month; the budget window ended the month before, the Perwal took effect then:
    // the exits follow those (menyusul), they do not coincide with them (exit-cluster-timing.test.ts).
    expect(idText).toContain('bertepatan dengan mulai menjabatnya Tri Adhianto (acting), dan menyusul guncangan anggaran ×0,4 berupa refocusing pada Desember 2021;');
    expect(idText).toContain('menyusul berlakunya Perwal SPBE governance pada Juli 2022.');
    expect(maxDepth(idText)).toBeLessThanOrEqual(1);
  });

  it("gives every learning panel's bars a legend (single loop too), and the loops one name each", () => {
    const axis = runContext(run).axis;
    const spec = learningSpec({ summary: run.summary, axis, timeline: [], replications: 3, t: id });
    const bars: Record<string, any>[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        const o = v as Record<string, any>;
        if (o['mark']?.type === 'bar') bars.push(o);
        Object.values(o).forEach(walk);
      }
    };
    walk(spec);
    expect(bars.length).toBeGreaterThanOrEqual(2);
    for (const b of bars) expect(b['encoding'].color?.field).toBe('level');
    expect(Object.values(id.loop)).toEqual(['pembelajaran satu putaran', 'pembelajaran dua putaran', 'pembelajaran tiga putaran']);
  });

  it('defines the terms it uses, says which charts use the detail replications, and labels the main cause as the stopping agencies\'', () => {
    const charts = buildCharts(run, 'id');
    const model = reportModel(run, charts, 'id');
    const terms = model.glossary.map(([term]) => term);
    for (const term of ['penerapan layanan', 'bermasalah', 'skor translasi (T)', 'putaran pembelajaran', 'replikasi rinci']) expect(terms).toContain(term);
    expect(model.glossary.find(([term]) => term === 'replikasi rinci')![1]).toContain('Grafik Rogers dan kurva Kaplan-Meier');
    expect(model.tables.find((t) => t.id === 'outcomes')!.columns).toContain('penyebab utama perangkat daerah berhenti');
  });

  it("shows each parameter's meaning in report.id.md, as report.id.html, without programmer text", () => {
    const model = reportModel(run, [], 'id');
    const md = renderMarkdown(model);
    const p = model.parameters[0]!.parameters[0]!;
    const note = id.paramNote(p.note);
    expect(note).not.toBe(p.note);
    const line = md.split('\n').find((l) => l.includes(`| ${p.name} |`) || l.includes(`| ${p.name} * |`))!;
    expect(line.trim().endsWith(`| ${note} |`)).toBe(true);
    expect(md).toContain('| kelompok | nama | nilai |');
    expect(md).not.toContain('null =');
    expect(renderHtml(model, {})).not.toContain('null =');
  });
});

describe('the national cohort chart', () => {
  it('calls its 0-1 axis a share of governments', () => {
    const rows = [{ date: '2020-01', group: 'programme:smart:members', innovation: 'e-office', everShare: 0.5 }];
    const spec = nationalCohortsSpec(rows, 'smart', [], 3, 'id') as Record<string, any>;
    expect(spec['spec'].layer[0].encoding.y.title).toBe('proporsi pemerintah daerah');
  });
});
