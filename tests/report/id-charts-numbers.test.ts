/**
 * Numbers and units in the Indonesian charts (IDTRIAL30 A2, A3). A sweep heat map's axis levels
 * (`0.15 0.5 0.75`) and a Latin-hypercube / Sobol' heat map's bins (`0.0014–0.1261`) were written with a
 * decimal point beside cells that said `0,02`, and the survival chart's capped bar said `↑ 4.5`: these
 * labels are text (ordinal levels, a text mark), which Vega's number locale does not reach. The axis
 * titles gave the parameter's unit in English (`(probability)`, `(per year)`) where the report's
 * parameter table says `peluang`, `per tahun`. The English charts keep their bytes (tests/golden).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { heatmapSpec } from '../../src/report/specs/heatmap.js';
import { sweepLineSpec } from '../../src/report/specs/sweep-line.js';
import { survivalSpec } from '../../src/report/specs/survival.js';
import { runContext } from '../../src/report/charts.js';
import { renderSvg } from '../../src/report/render.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import type { ResultSet, SummaryRow, SweepTable } from '../../src/report/rows.js';
import { fixture, RUN_DIR, withExits } from './helpers.js';

/** Every piece of text an SVG draws (tspans split out). */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].flatMap((m) => m[1]!.split(/<[^>]+>/)).map((x) => x.trim()).filter((x) => x !== '');
}

/** A number written with a decimal point (not a version or a name). */
const POINT = /(?<![\w.])\d+\.\d+(?![\w.])/;

/** A grid over takeover_vendor (a probability) and champion_rotation (per year), as bekasi-sweep varies them. */
const GRID: SweepTable = {
  parameters: ['parameters.takeover_vendor', 'parameters.champion_rotation'],
  outcomes: ['live_share'],
  rows: [0.15, 0.5, 0.75].flatMap((x, i) => [0.1, 0.2, 0.3].map((y, j) => ({ point: 3 * i + j, replication: 0, values: { 'parameters.takeover_vendor': x, 'parameters.champion_rotation': y, live_share: 0.02 * (i + j) + 0.013 } }))),
};

/** A Latin-hypercube-like design: more distinct values than the heat map shows, so they are binned. */
const SPREAD: SweepTable = {
  parameters: ['parameters.pilot_discontinue', 'parameters.bass_q'],
  outcomes: ['live_share'],
  rows: Array.from({ length: 40 }, (_, i) => ({ point: i, replication: 0, values: { 'parameters.pilot_discontinue': 0.0014 + ((i * 0.0131) % 0.125), 'parameters.bass_q': 0.05 + ((i * 7) % 40) / 97, live_share: (i % 5) / 10 } })),
};

describe('the sweep heat map in Indonesian', () => {
  test('axis levels with a decimal comma; units in Indonesian', async () => {
    const texts = svgTexts(await renderSvg(heatmapSpec({ sweep: GRID, t: id })));
    for (const level of ['0,15', '0,5', '0,75', '0,1', '0,2', '0,3']) expect(texts, level).toContain(level);
    expect(texts.filter((x) => POINT.test(x))).toEqual([]);
    // The factor as the report names it with its unit, the path on a second line (session 39).
    expect(texts).toContain('takeover_vendor (peluang)');
    expect(texts).toContain('(parameters.takeover_vendor)');
    expect(texts).toContain('champion_rotation (per tahun)');
    expect(texts.join(' ')).not.toMatch(/\((probability|per year)\)/);
  });

  test('binned levels (a Latin hypercube or Sobol design) with a decimal comma', async () => {
    const texts = svgTexts(await renderSvg(heatmapSpec({ sweep: SPREAD, t: id })));
    const bins = texts.filter((x) => x.includes('–') && /\d–\d/.test(x));
    expect(bins.length).toBeGreaterThanOrEqual(8);
    expect(bins).toContain('0,0014–0,0169');
    expect(texts.filter((x) => POINT.test(x))).toEqual([]);
    expect(texts).toContain('pilot_discontinue (peluang)');
  });

  test('English keeps its points and units', async () => {
    const texts = svgTexts(await renderSvg(heatmapSpec({ sweep: GRID, t: en })));
    for (const level of ['0.15', '0.5', '0.75']) expect(texts).toContain(level);
    expect(texts).toContain('takeover_vendor (probability)');
    expect(texts).toContain('champion_rotation (per year)');
    expect(texts).toContain('(parameters.champion_rotation)');
  });
});

describe('the one-factor sweep chart in Indonesian', () => {
  test("the factor's axis title gives its unit in Indonesian", async () => {
    const one: SweepTable = { ...GRID, parameters: ['parameters.takeover_vendor'], rows: GRID.rows.filter((r) => r.values['parameters.champion_rotation'] === 0.1) };
    const texts = svgTexts(await renderSvg(sweepLineSpec({ sweep: one, factor: 'parameters.takeover_vendor', t: id })));
    expect(texts).toContain('takeover_vendor (peluang) (parameters.takeover_vendor)');
    expect(texts.join(' ')).not.toContain('(probability)');
  });
});

describe("the survival chart's capped bar in Indonesian", () => {
  let run: ResultSet;
  beforeAll(async () => {
    run = await fixture(RUN_DIR);
  });

  /** The fixture's summary with its exits replaced: 4.5 in one month, well above the rest, so the axis is cut. */
  function capped(): SummaryRow[] {
    return withExits(run.summary, [
      [6, 'discontinued_defunded', 4.5],
      [12, 'discontinued_leadership', 0.5],
      [18, 'discontinued_hazard', 0.4],
    ]);
  }

  test('says ↑ 4,5 (↑ 4.5 in English)', async () => {
    for (const [lang, t, want] of [['id', id, '↑ 4,5'], ['en', en, '↑ 4.5']] as const) {
      const { axis, facts, innovations } = runContext(run, lang);
      const spec = survivalSpec({ summary: capped(), events: run.events, innovations, axis, timeline: facts.timeline, t });
      const texts = svgTexts(await renderSvg(spec));
      expect(texts, lang).toContain(want);
    }
  });
});
