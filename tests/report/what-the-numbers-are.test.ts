/**
 * What a city report's numbers are, said where a reader who pastes them into
 * a budget document meets them (s42 tester, findings 1, 2, 3 and 8):
 *
 * - The glossary's 95 % interval is where the MODEL's mean over very many
 *   replications lies: it measures only the chance variation between
 *   simulated histories, not the uncertainty of the parameters or of the
 *   model, and it is not the real city's value (it said "contains the true
 *   value", read as Bekasi's value). The summary's "range in brackets" says
 *   the same.
 */
import { describe, expect, it } from 'vitest';
import { reportModel } from '../../src/report/report-model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { COMPARE_DIR, fixture, RUN_DIR, SENSITIVITY_DIR, SWEEP_DIR } from './helpers.js';

const KINDS = [
  ['run', RUN_DIR],
  ['compare', COMPARE_DIR],
  ['sweep', SWEEP_DIR],
  ['sensitivity', SENSITIVITY_DIR],
] as const;
const LANGS = ['en', 'id'] as const;

/** A report's markdown and HTML text (no charts). */
async function texts(dir: string, lang: 'en' | 'id') {
  const model = reportModel(await fixture(dir), [], lang);
  return { model, md: renderMarkdown(model, { image: 'svg' }), html: renderHtml(model, {}) };
}

describe("the glossary's 95 % interval is the model's, not the city's", () => {
  for (const [kind, dir] of KINDS) {
    for (const lang of LANGS) {
      it(`${kind}, ${lang}`, async () => {
        const { model, md, html } = await texts(dir, lang);
        const entry = model.glossary.find(([term]) => term === (lang === 'en' ? '95 % interval' : 'interval kepercayaan 95%'));
        expect(entry, 'the glossary defines the interval').toBeDefined();
        const def = entry![1];
        for (const text of [def, md, html]) {
          expect(text).not.toMatch(/true value|nilai sebenarnya/i);
        }
        if (lang === 'en') {
          expect(def).toContain("the model's mean over very many replications (same scenario and parameters)");
          expect(def).toContain('only the chance variation between simulated histories, not the uncertainty of the calibrated or assumed parameters or of the model itself');
          expect(def).toContain("it is not the real city's value");
          expect(def).toContain('It narrows with more replications.');
        } else {
          expect(def).toContain('rata-rata model dari sangat banyak replikasi (dengan skenario dan parameter yang sama)');
          expect(def).toContain('hanya mengukur keragaman acak antarreplikasi, bukan ketidakpastian parameter yang dikalibrasi atau diasumsikan maupun ketidakpastian model itu sendiri');
          expect(def).toContain('bukan nilai sesungguhnya di daerah itu');
          expect(def).toContain('menyempit bila replikasi ditambah');
        }
        expect(md).toContain(def.slice(0, 40));
      });
    }
  }

  it("the run summary's range in brackets says the same, in both languages", async () => {
    const en = (await texts(RUN_DIR, 'en')).model.summary.join('\n');
    expect(en).toContain("the range in brackets is the 95 % (Wilson) interval of the model's share: it reflects only the chance variation between replications and narrows with more of them.");
    const id = (await texts(RUN_DIR, 'id')).model.summary.join('\n');
    expect(id).toContain('rentang dalam kurung adalah interval kepercayaan 95% (Wilson) untuk proporsi model: interval ini hanya mencerminkan keragaman acak antarreplikasi dan menyempit bila replikasi ditambah.');
  });
});
