/**
 * The report's languages: every key of the English catalog exists in the
 * Indonesian one (and no other), with the same kind of value (text, list,
 * sentence with the same number of arguments), nothing empty; and a report
 * written with --lang id is in Indonesian.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { catalog, localNumber } from '../../src/report/i18n/index.js';
import { buildCharts } from '../../src/report/charts.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture, RUN_DIR } from './helpers.js';

/** Every leaf of a catalog as [path, value]. */
function leaves(o: unknown, path = ''): [string, unknown][] {
  if (typeof o === 'object' && o !== null && !Array.isArray(o)) return Object.entries(o).flatMap(([k, v]) => leaves(v, path === '' ? k : `${path}.${k}`));
  return [[path, o]];
}

describe('catalogs', () => {
  test('the same keys in English and Indonesian, each of the same kind, none empty', () => {
    const a = new Map(leaves(en));
    const b = new Map(leaves(id));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect(a.size).toBeGreaterThan(150);
    for (const [key, v] of a) {
      const w = b.get(key);
      expect(typeof w, key).toBe(typeof v);
      if (typeof v === 'function') expect((w as (...x: unknown[]) => unknown).length, key).toBe((v as (...x: unknown[]) => unknown).length);
      if (Array.isArray(v)) expect((w as unknown[]).length, key).toBe(v.length);
      if (typeof w === 'string' && key !== 'decimal') expect(w.trim(), key).not.toBe('');
    }
  });

  test('Indonesian words where the brief asks for them', () => {
    expect(id.outcome.sustained).toBe('berkelanjutan');
    expect(id.outcome.discontinued).toBe('dihentikan');
    expect(id.col.service).toBe('layanan');
    expect(id.col.ci).toBe('interval kepercayaan 95 %');
    expect(id.col.replications).toBe('replikasi');
    expect(catalog('id')).toBe(id);
    expect(catalog()).toBe(en);
  });

  test('metric labels name the denominators the model divides by', () => {
    // integrated_share = agencies with a live integrated instance / all agencies
    // (src/model/observation.ts); cumulative_adoption_share = eligible pairs ever adopted / eligible pairs.
    expect(en.metric.integrated_share).toMatch(/share of all agencies/);
    expect(en.metric.integrated_share).not.toMatch(/pairs/);
    expect(id.metric.integrated_share).toMatch(/proporsi seluruh perangkat daerah/);
    expect(id.metric.integrated_share).not.toMatch(/pasangan/);
    expect(en.metric.cumulative_adoption_share).toMatch(/^services .*eligible agency-service pairs/);
    expect(id.metric.cumulative_adoption_share).toMatch(/^layanan .*pasangan perangkat daerah-layanan/);
  });

  test('decimal comma in Indonesian, dates and names untouched', () => {
    expect(localNumber(id, '2,6 pp; 0.85 (2022-03, v1.2.3)')).toBe('2,6 pp; 0,85 (2022-03, v1.2.3)');
    expect(localNumber(en, '0.85')).toBe('0.85');
  });
});

describe('a report in Indonesian', () => {
  let run: ResultSet;
  let cmp: ResultSet;
  beforeAll(async () => {
    run = await fixture(RUN_DIR);
    cmp = await fixture(COMPARE_DIR);
  });

  test('summary, headings, tables, glossary and chart titles in Indonesian', () => {
    const charts = buildCharts(run, 'id');
    const model = reportModel(run, charts, 'id');
    const html = renderHtml(model, {});
    expect(html).toContain('<html lang="id">');
    for (const word of ['Ringkasan', 'Daftar istilah', 'Hasil per layanan', 'berkelanjutan', 'replikasi', 'interval kepercayaan 95 %', 'Linimasa skenario']) expect(html).toContain(word);
    for (const english of ['>Summary<', '>Glossary<', 'Outcomes per service', 'Scenario timeline', 'Likely to last']) expect(html).not.toContain(english);
    expect(model.summary.join(' ')).toMatch(/Kemungkinan besar bertahan|Kemungkinan tidak bertahan/);
    const specs = JSON.stringify(charts.map((c) => c.spec));
    expect(specs).toContain('Adopsi setiap layanan');
    expect(specs).not.toContain('Adoption of each service');
    // Axes and legends format numbers with a decimal comma.
    expect(specs).toContain('"decimal":","');
    const md = renderMarkdown(model);
    expect(md).toContain('## Ringkasan');
    expect(md).toContain('| layanan | replikasi |');
  });

  test('a comparison in Indonesian: what is compared, effects in poin persentase', () => {
    const model = reportModel(cmp, buildCharts(cmp, 'id'), 'id');
    const md = renderMarkdown(model);
    expect(md).toContain('## Apa yang dibandingkan');
    expect(md).toContain('## Perbandingan dengan skenario dasar');
    expect(model.tables.find((t) => t.id === 'compare')!.rows[0]![5]).toMatch(/^\+16,7 pp$/);
  });
});
