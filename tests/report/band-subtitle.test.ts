/**
 * A chart's subtitle says once what its bands are: the adoption chart said
 * "bands: 95 % confidence interval of the mean." and then "Bands: Student t
 * interval (95 %) of the mean over replications." (in Bahasa Indonesia
 * "pita: interval kepercayaan 95% untuk rata-rata. Pita: interval
 * kepercayaan 95% (t Student) untuk rata-rata."). The line of bandIsT
 * stays; the others name the mean and leave the band to it.
 */
import { describe, expect, it } from 'vitest';
import { experimentCharts, runCharts } from '../../src/report/charts.js';
import { sweepLineSpec } from '../../src/report/specs/sweep-line.js';
import { en } from '../../src/report/i18n/en.js';
import { id } from '../../src/report/i18n/id.js';
import { COMPARE_DIR, fixture, RUN_DIR, SWEEP_DIR } from './helpers.js';

const subtitle = (spec: unknown): string[] => ((spec as { title: { subtitle?: string[] } }).title.subtitle ?? []);

/** How often the subtitle names the bands' 95 % interval. */
const intervals = (lines: readonly string[]): number => lines.join(' ').match(/95\s?%/g)?.length ?? 0;

describe('the bands are explained once in a chart subtitle', () => {
  for (const lang of ['en', 'id'] as const) {
    const t = lang === 'en' ? en : id;
    it(`adoption, learning, arms and sweep-line (${lang})`, async () => {
      const run = await fixture(RUN_DIR);
      const charts = [...runCharts(run, lang), ...experimentCharts(await fixture(COMPARE_DIR), lang)];
      const sweep = (await fixture(SWEEP_DIR)).sweep!;
      const specs = new Map<string, unknown>([
        ...charts.filter((c) => ['adoption', 'learning', 'arms'].includes(c.name)).map((c) => [c.name, c.spec] as const),
        ['sweep-line', sweepLineSpec({ sweep, factor: sweep.parameters[0]!, t })],
      ]);
      expect([...specs.keys()].sort()).toEqual(['adoption', 'arms', 'learning', 'sweep-line']);
      for (const [name, spec] of specs) {
        const lines = subtitle(spec);
        expect(intervals(lines), `${name}: ${lines.join(' | ')}`).toBe(1);
        // The one line that names it is bandIsT's.
        expect(lines.filter((l) => /95\s?%/.test(l)), name).toEqual([lines.find((l) => l.startsWith(lang === 'en' ? 'Bands: Student t' : 'Pita: interval kepercayaan 95% (t Student)'))]);
      }
      // The adoption chart's first line names the mean only.
      expect(subtitle(specs.get('adoption'))[0]).toBe(lang === 'en' ? `Lines: mean over ${run.manifest.replications} replications.` : `Garis: rata-rata dari ${run.manifest.replications} replikasi.`);
    });
  }
});
