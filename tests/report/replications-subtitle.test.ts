/**
 * A chart pasted alone into a budget report must say how many replications its means rest on: the
 * forest, arms, Callon and survival charts said "over (the) replications" or nothing. Each now gives
 * the number (each arm's where the arms differ), in English and in Bahasa Indonesia.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { experimentCharts, runCharts } from '../../src/report/charts.js';
import type { ResultSet } from '../../src/report/rows.js';
import { COMPARE_DIR, fixture, RUN_DIR } from './helpers.js';

let run: ResultSet;
let cmp: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
  cmp = await fixture(COMPARE_DIR);
});

const subtitle = (spec: unknown): string => ((spec as { title: { subtitle: string[] } }).title.subtitle).join(' ');

describe('the number of replications in the subtitle', () => {
  test('Callon and survival (run charts), English and Indonesian', () => {
    const n = run.manifest.replications;
    for (const [lang, want] of [['en', `over ${n} replications`], ['id', `dari ${n} replikasi`]] as const) {
      const charts = runCharts(run, lang);
      for (const name of ['callon', 'survival']) expect(subtitle(charts.find((c) => c.name === name)!.spec), `${lang} ${name}`).toContain(want);
    }
  });

  test('forest and arms (comparison), English and Indonesian', () => {
    const n = Math.max(...cmp.compare.map((r) => r.n));
    for (const [lang, want] of [['en', `over ${n} replications`], ['id', `dari ${n} replikasi`]] as const) {
      const charts = experimentCharts(cmp, lang);
      for (const name of ['forest', 'arms']) expect(subtitle(charts.find((c) => c.name === name)!.spec), `${lang} ${name}`).toContain(want);
    }
  });

  test("arms with different replications: each arm's number", () => {
    const arms = cmp.arms.map((r) => (r.variant === 'budget_line' ? { ...r, n: 7 } : r));
    const n = Math.max(...cmp.arms.filter((r) => r.variant === 'base').map((r) => r.n));
    const chart = experimentCharts({ ...cmp, arms }).find((c) => c.name === 'arms')!;
    expect(subtitle(chart.spec)).toContain(`over the replications of each arm (base ${n}, budget_line 7, no_leader_change ${n})`);
  });

  test('arms of one replication each: no band, so no Student t line (as adoption and learning)', () => {
    const one = experimentCharts({ ...cmp, arms: cmp.arms.map((r) => ({ ...r, n: 1 })) }, 'en').find((c) => c.name === 'arms')!;
    expect(subtitle(one.spec)).toContain('One replication: no band (an interval needs at least two replications).');
    expect(subtitle(one.spec)).not.toMatch(/Student|clipped/);
    expect(subtitle(experimentCharts(cmp, 'en').find((c) => c.name === 'arms')!.spec)).toMatch(/Student/);
  });
});
