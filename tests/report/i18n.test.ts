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
import { PARAMETER_SPECS } from '../../src/scenario/parameters.js';
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
    // One word for 'sustained' in the city and national reports.
    expect(id.outcome.sustained).toBe('bertahan');
    expect(id.outcome.discontinued).toBe('dihentikan');
    expect(id.col.service).toBe('layanan');
    expect(id.col.ci).toBe('interval kepercayaan 95%');
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
    expect(id.metric.cumulative_adoption_share).toMatch(/^layanan .*pasangan perangkat daerah–layanan/);
  });

  test('every parameter group and unit of the parameter table has a label in each catalog', () => {
    for (const c of [en, id]) {
      for (const s of PARAMETER_SPECS) {
        expect(c.paramGroup, `${c.lang}: group ${s.group}`).toHaveProperty([s.group]);
        expect(c.paramUnit, `${c.lang}: unit ${s.unit}`).toHaveProperty([s.unit]);
        expect(c.paramSource, `${c.lang}: source ${s.source}`).toHaveProperty([s.source]);
      }
    }
    // English labels are the names themselves.
    for (const [k, v] of Object.entries(en.paramGroup)) expect(v).toBe(k);
    for (const [k, v] of Object.entries(en.paramUnit)) expect(v).toBe(k);
  });

  test('Indonesian: perangkat daerah for any agency, no "dinas"; attrition named naturally', () => {
    const text = JSON.stringify(id);
    expect(text).not.toMatch(/\bdinas\b/);
    expect(text).not.toContain('sehari-hari\',');
    expect(id.cause.hazard).toBe('ditinggalkan (risiko dasar)');
    expect(id.col.heeks).toContain('per perangkat daerah');
    // [0, 1] would read as 0.1 with a decimal comma.
    expect(text).not.toContain('[0, 1]');
  });

  test('English counts: one service, one replication in the singular', () => {
    expect(en.sumRunIntro(1, 1, '2020-12')).toMatch(/^1 service was simulated over 1 replication up to 2020-12\./);
    expect(en.sumRunIntro(2, 20, '2020-12')).toMatch(/^2 services were simulated over 20 replications up to/);
    expect(en.overReps(1)).toBe(' over 1 replication');
    expect(en.overReps(5)).toBe(' over 5 replications');
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
    // The percent sign closed up, as PUEBI writes it (id-format.test.ts).
    for (const word of ['Ringkasan', 'Daftar istilah', 'Hasil per layanan', 'bertahan', 'replikasi', 'interval kepercayaan 95%', 'Linimasa skenario']) expect(html).toContain(word);
    for (const english of ['>Summary<', '>Glossary<', 'Outcomes per service', 'Scenario timeline', 'Likely to last']) expect(html).not.toContain(english);
    expect(model.summary.join(' ')).toMatch(/Lebih mungkin bertahan daripada tidak|Belum dapat dipastikan dengan \d+ replikasi apakah layanan berikut bertahan|Lebih mungkin tidak bertahan/);
    expect(model.summary.join(' ')).not.toMatch(/Kemungkinan besar|berkelanjutan/);
    const specs = JSON.stringify(charts.map((c) => c.spec));
    expect(specs).toContain('Adopsi setiap layanan');
    expect(specs).not.toContain('Adoption of each service');
    // Axes and legends format numbers with a decimal comma.
    expect(specs).toContain('"decimal":","');
    const md = renderMarkdown(model);
    expect(md).toContain('## Ringkasan');
    expect(md).toContain('| layanan | replikasi |');
    // Parameters: groups, units, sources and 'off' in Indonesian, numbers with a decimal comma.
    expect(md).toContain('| 7.1 peristiwa | takeover_vendor | 0,35 | 0,35 | peluang | asumsi |');
    expect(md).toContain('| 2.1 keadaan | readopt_months | nonaktif | nonaktif | bulan | asumsi |');
    expect(md).toContain('| 7.2 kesadaran | bass_p | 0,03 | 0,03 | per tahun | literatur |');
    expect(html).toContain('<th colspan="6" scope="rowgroup">7.1 peristiwa</th>');
    expect(html).toMatch(/<td><code>takeover_vendor<\/code><\/td><td class="num">0,35<\/td>/);
    // The timeline's budget factor too.
    expect(md).toContain('anggaran ×0,4');
    // One rule in the whole report (before the scenario's own Info text):
    // no number with a decimal point; ODD section numbers (7.1) of the
    // parameter groups and the tool's version (0.1.0) are not decimals.
    const body = md.slice(0, md.indexOf('## Informasi skenario'));
    const stray = [...body.matchAll(/(?<![\w.-])\d+\.\d+(?![\w.])/g)]
      .filter((m) => !Object.values(id.paramGroup).some((g) => body.startsWith(g, m.index!)))
      // A section of a document named in a parameter's meaning ("docs/MODEL.md 7.4") is not a decimal either.
      .filter((m) => !/\.md $/.test(body.slice(Math.max(0, m.index! - 4), m.index!)))
      .map((m) => body.slice(Math.max(0, m.index! - 20), m.index! + 20));
    expect(stray).toEqual([]);
    expect(md).not.toMatch(/\bdinas\b/);
  });

  test('a comparison in Indonesian: what is compared, effects in poin persentase', () => {
    const model = reportModel(cmp, buildCharts(cmp, 'id'), 'id');
    const md = renderMarkdown(model);
    expect(md).toContain('## Apa yang dibandingkan');
    expect(md).toContain('## Perbandingan dengan skenario dasar');
    expect(model.tables.find((t) => t.id === 'compare')!.rows[0]![5]).toMatch(/^\+16,7 pp$/);
  });
});
