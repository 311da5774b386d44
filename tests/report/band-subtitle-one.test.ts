/**
 * With one replication there is no interval and no band is drawn (the
 * explorer draws charts from one replication, a `difusi run -r 1` too), so
 * the adoption and learning charts' subtitles say so instead of explaining a
 * Student t band that is not there.
 */
import { describe, expect, it } from 'vitest';
import { runCharts } from '../../src/report/charts.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { fixture, RUN_DIR } from './helpers.js';

const subtitle = (spec: unknown): string[] => ((spec as { title: { subtitle?: string[] } }).title.subtitle ?? []);

describe('chart subtitles of one replication', () => {
  for (const lang of ['en', 'id'] as const) {
    const t = lang === 'en' ? en : id;
    it(`say there is no band (${lang})`, async () => {
      const run = await fixture(RUN_DIR);
      const one = { ...run, manifest: { ...run.manifest, replications: 1 } };
      const charts = runCharts(one, lang).filter((c) => c.name === 'adoption' || c.name === 'learning');
      expect(charts.map((c) => c.name).sort()).toEqual(['adoption', 'learning']);
      for (const chart of charts) {
        const lines = subtitle(chart.spec);
        expect(lines, chart.name).toContain(t.noBandOne);
        expect(lines.join(' '), chart.name).not.toMatch(/Student/);
      }
      // More than one: the band's line as before.
      for (const chart of runCharts(run, lang).filter((c) => c.name === 'adoption' || c.name === 'learning')) {
        expect(subtitle(chart.spec), chart.name).not.toContain(t.noBandOne);
        expect(subtitle(chart.spec).join(' '), chart.name).toMatch(/Student/);
      }
    });
  }
});
