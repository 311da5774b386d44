/**
 * The Kaplan-Meier panels' titles in the Indonesian report fit their panel: the Indonesian note under a
 * service's name ("n = 388 penerapan, 358 berhenti") was cut mid-word ("358 berh…") in five of the
 * eight panels while it said the replications too, which the chart's title already gives.
 */
import { describe, expect, test } from 'vitest';
import { buildCharts } from '../../src/report/charts.js';
import { renderSvg } from '../../src/report/render.js';
import { fixture, RUN_DIR } from './helpers.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';

describe('the Indonesian survival chart', () => {
  test("a panel's note is no longer than the English one for the same figures (the panels are as wide in both)", () => {
    for (const [n, ended, reps] of [[388, 358, 10], [12345, 9876, 200], [35, 9, 3]] as const) {
      expect(id.kmCellNote(n, ended, reps).length, `${n} ${ended} ${reps}`).toBeLessThanOrEqual(en.kmCellNote(n, ended, reps).length);
    }
    expect(id.kmCellNote(388, 358, 10)).toBe('n = 388 penerapan, 358 berhenti');
  });

  test('draws no panel title cut short, at the figures of a real run', async () => {
    // The small fixture's notes ("n = 38 ...") fit even the old, longer Indonesian note; a real run's
    // (hundreds of instances over ten or more replications) did not. Its events copied 40 times, as 40
    // times the replications (each copy a replication number of its own), give such figures.
    const small = await fixture(RUN_DIR);
    const last = Math.max(...small.events.map((e) => e.replication)) + 1;
    const events = Array.from({ length: 40 }, (_, c) => small.events.map((e) => ({ ...e, replication: e.replication + c * last }))).flat();
    const results = { ...small, events };
    for (const lang of ['en', 'id'] as const) {
      const survival = buildCharts(results, lang).find((c) => c.name === 'survival')!;
      const svg = await renderSvg(survival.spec);
      const texts = [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].flatMap((m) => m[1]!.split(/<[^>]+>/)).filter((x) => x.trim() !== '');
      const notes = texts.filter((x) => x.startsWith('n = '));
      // Figures in the hundreds, as in a real run (so the test reads a note as long as theirs).
      expect(notes.some((x) => /^n = \d{3}/.test(x.replace(/[.,](?=\d{3})/g, ''))), `${lang}: ${notes.join(' / ')}`).toBe(true);
      expect(texts.filter((x) => x.includes('…')), lang).toEqual([]);
    }
  });
});
