/**
 * The base arm of a comparison in the Indonesian report (IDTRIAL30 A4): shown as `dasar`, as the
 * tables' headers say (nilai dasar, pengandaian − dasar), where the report and the arms chart's legend
 * said `base`. `base` is the arm's name, which no variant may take: it stays what folders (arms/base/)
 * and CSVs hold; only the label shown changes. English shows `base`, as before.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { renderSvg } from '../../src/report/render.js';
import { compared, reportModel } from '../../src/report/report-model.js';
import { armsSpec } from '../../src/report/specs/arms.js';
import { runContext } from '../../src/report/charts.js';
import { id } from '../../src/report/i18n/id.js';
import { en } from '../../src/report/i18n/en.js';
import type { ResultSet } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture } from './helpers.js';

let cmp: ResultSet;
beforeAll(async () => {
  const base = await fixture(COMPARE_DIR);
  // The arms with their scenario hashes, as a comparison's manifest.json has them.
  const raw = base.manifest.raw as Record<string, unknown>;
  const arms = (raw['arms'] as Record<string, unknown>[]).map((a, i) => ({ ...a, hash: `${'abcdef'[i]}`.repeat(64) }));
  cmp = { ...base, manifest: { ...base.manifest, raw: { ...raw, arms } } };
});

/** Every piece of text an SVG draws (tspans split out). */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].flatMap((m) => m[1]!.split(/<[^>]+>/)).map((x) => x.trim()).filter((x) => x !== '');
}

describe('the base arm in Indonesian', () => {
  test('the report lists it as dasar, in the arms and in the scenario hashes', () => {
    const md = renderMarkdown(reportModel(cmp, buildCharts(cmp, 'id'), 'id'));
    expect(md).toContain('- **dasar**: tanpa perubahan (skenario dasar)');
    expect(md).toContain('(dasar dan pengandaian)**: dasar: aaaaaaaaaaaa, budget_line: bbbbbbbbbbbb, no_leader_change: cccccccccccc');
    expect(md).not.toMatch(/\bbase\b(?!_)/);
    const html = renderHtml(reportModel(cmp, buildCharts(cmp, 'id'), 'id'), {});
    expect(html).toContain('<strong>dasar</strong>: tanpa perubahan (skenario dasar)');
  });

  test("the arms chart's legend says dasar", async () => {
    const chart = buildCharts(cmp, 'id').find((c) => c.name === 'arms')!;
    const texts = svgTexts(await renderSvg(chart.spec));
    expect(texts).toContain('dasar');
    expect(texts).not.toContain('base');
  });

  test('English keeps base', async () => {
    const md = renderMarkdown(reportModel(cmp, buildCharts(cmp, 'en'), 'en'));
    expect(md).toContain('- **base**: no change (the base scenario)');
    expect(md).toContain('base: aaaaaaaaaaaa, budget_line: bbbbbbbbbbbb');
    const chart = buildCharts(cmp, 'en').find((c) => c.name === 'arms')!;
    expect(svgTexts(await renderSvg(chart.spec))).toContain('base');
  });

  test('a variant named dasar: the base arm keeps its name, so no two arms are shown alike', () => {
    const raw = cmp.manifest.raw as Record<string, unknown>;
    const arms = (raw['arms'] as Record<string, unknown>[]).map((a, i) => (i === 1 ? { ...a, name: 'dasar' } : a));
    expect(compared({ ...raw, arms }, id)!.variants.map((v) => v.name)).toEqual(['base', 'dasar', 'no_leader_change']);
    const { axis, facts } = runContext(cmp, 'id');
    const spec = armsSpec({ arms: cmp.arms.map((r) => (r.variant === 'budget_line' ? { ...r, variant: 'dasar' } : r)), variants: ['base', 'dasar', 'no_leader_change'], axis, timeline: facts.timeline, t: id });
    expect(JSON.stringify(spec)).toContain('"domain":["base","dasar","no_leader_change"]');
    expect(compared(raw, en)!.variants[0]!.name).toBe('base');
  });
});
