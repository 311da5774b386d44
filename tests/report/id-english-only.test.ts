/**
 * An Indonesian report of a scenario written in English only (IDTRIAL30 A6): the shipped
 * discontinued-vendor-pilot and sustained-opd-owned have no description_id, name_id or .id.md, so their
 * `--lang id` report was largely English with no word of it. It now says so, after the description, and
 * under the Info heading as the explorer does ("Informasi skenario ini hanya tersedia dalam bahasa
 * Inggris"). A translated scenario gets no notice (a company's proper name left untranslated is not taken
 * for English), nor does an English report.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { englishOnlyParts, reportModel } from '../../src/report/report-model.js';
import type { ResultSet } from '../../src/report/rows.js';
import { fixture, RUN_DIR } from './helpers.js';

let english: ResultSet;
let translated: ResultSet;
beforeAll(async () => {
  // The fixture's scenario is in English only (no _id twin, no info_id), as discontinued-vendor-pilot is.
  english = await fixture(RUN_DIR);
  const scenario = english.manifest.scenario;
  const resolved = scenario.resolved as Record<string, unknown>;
  const twin = (key: string) => (resolved[key] as Record<string, unknown>[]).map((e) => ({ ...e, name_id: `${String(e['name'])} (id)` }));
  translated = {
    ...english,
    manifest: {
      ...english.manifest,
      scenario: {
        ...scenario,
        info_id: '# Halaman Informasi\n\nDalam bahasa Indonesia.',
        // Every name translated but the vendor's, a company's name (as Bekasi leaves "PT Telkomsel").
        resolved: { ...resolved, description_id: 'Bekasi dalam miniatur.', innovations: twin('innovations'), leaders: twin('leaders'), regulations: twin('regulations'), budget_shocks: twin('budget_shocks'), platforms: twin('platforms') },
      },
    },
  };
});

const NOTICE = 'Sebagian informasi skenario ini hanya tersedia dalam bahasa Inggris: deskripsinya, sebagian nama (layanan, kepala daerah, regulasi, vendor dan lainnya) dan halaman Informasi skenario ditampilkan sebagaimana tertulis dalam berkas skenario';
const INFO = 'Informasi skenario ini hanya tersedia dalam bahasa Inggris.';

describe('a scenario in English only, reported in Indonesian', () => {
  test('report.id.md says what is only in English, after the description and under the Info heading', () => {
    const md = renderMarkdown(reportModel(english, [], 'id'));
    expect(md).toContain(NOTICE);
    const info = md.indexOf('## Informasi skenario');
    expect(info).toBeGreaterThan(0);
    expect(md.slice(info, info + 200)).toContain(`*${INFO}*`);
    // Before the facts (what a reader reads first).
    expect(md.indexOf(NOTICE)).toBeLessThan(md.indexOf('- **jenis**'));
  });

  test('report.id.html says the same', () => {
    const html = renderHtml(reportModel(english, [], 'id'), {});
    expect(html).toContain(NOTICE);
    expect(html).toMatch(/<h2>Informasi skenario<\/h2>\n<p class="english-only"><em>Informasi skenario ini hanya tersedia dalam bahasa Inggris\.<\/em><\/p>/);
  });

  test('only what is missing is named', () => {
    expect(englishOnlyParts(english, 'id')).toEqual({ description: true, names: true, info: true });
    const described = { ...english, manifest: { ...english.manifest, scenario: { ...english.manifest.scenario, resolved: { ...(english.manifest.scenario.resolved as object), description_id: 'x' } } } };
    expect(englishOnlyParts(described, 'id')).toEqual({ description: false, names: true, info: true });
  });

  test("the description is the one the report shows: an experiment's, where it has one", () => {
    // A sweep, sensitivity analysis or comparison shows its experiment's description, not the scenario's.
    expect(englishOnlyParts(translated, 'id', { description: 'A sweep in English only' })?.description).toBe(true);
    expect(englishOnlyParts(translated, 'id', { description: 'A sweep', description_id: 'Sebuah sapuan' })).toBeNull();
    // An Indonesian experiment description over a scenario without one: the shown description is not English.
    expect(englishOnlyParts(english, 'id', { description: 'A sweep', description_id: 'Sebuah sapuan' })?.description).toBe(false);
    // No experiment description: the scenario's, as before.
    expect(englishOnlyParts(english, 'id', { name: 'x' })?.description).toBe(true);
  });

  test('a translated scenario gets no notice; an English report none either', () => {
    expect(englishOnlyParts(translated, 'id')).toBeNull();
    expect(renderMarkdown(reportModel(translated, [], 'id'))).not.toContain('hanya tersedia dalam bahasa Inggris');
    expect(englishOnlyParts(english, 'en')).toBeNull();
    const en = renderMarkdown(reportModel(english, [], 'en'));
    expect(en).not.toContain('only in English');
    expect(en).not.toContain('only available in English');
  });
});
