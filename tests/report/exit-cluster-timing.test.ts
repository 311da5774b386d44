/**
 * The summary's exit clusters say when the scheduled events happened: exits
 * in March 2019 "coincide with" (bertepatan dengan) what happened in March
 * 2019, and "follow" (menyusul) what happened in February 2019. A reader
 * (a Bappeda planning officer) took "bertepatan dengan" a mayor who took
 * office a month earlier to misdate the change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { runContext } from '../../src/report/charts.js';
import { exitClusters, runSummary } from '../../src/report/summary.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import type { ResultSet } from '../../src/report/rows.js';
import type { TimelineEvent } from '../../src/report/scenario-facts.js';
import { fixture, RUN_DIR, maxDepth } from './helpers.js';

let run: ResultSet;
beforeAll(async () => {
  run = await fixture(RUN_DIR);
});

/** The fixture run on the shipped Bekasi scenario as `edit` changes it, with one exit cluster at `month` (51: March 2019). */
function bekasi(edit: (text: string) => string, month = 51): ResultSet {
  const parsed = parseScenarioText(edit(readFileSync(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), 'utf8')), 'bekasi-2015-2025.yaml');
  if (!parsed.ok) throw new Error('the edited scenario does not parse');
  const exit = run.summary.find((r) => r.metric === 'discontinued_defunded')!;
  return {
    ...run,
    manifest: { ...run.manifest, scenario: { ...run.manifest.scenario, resolved: parsed.scenario } },
    summary: [...run.summary.filter((r) => !r.metric.startsWith('discontinued_')), { ...exit, month, mean: 51.4 }],
  };
}

const sentence = (results: ResultSet, lang: 'en' | 'id') => runSummary(results, runContext(results, lang)).find((s) => /^(Penghentian paling banyak|Exits cluster)/.test(s))!;

/** The acting mayor takes office in February 2019, the month before the pilots end. */
const mayorFebruary = (text: string) => text.replace(/(id: acting-mayor-tri-adhianto,[^}]*from: )2022-01/, '$12019-02');

describe('exit clusters: coincide with the same month, follow the month before', () => {
  it('a mayor who took office the month before is followed, the pilots that end that month coincide (Indonesian)', () => {
    const text = sentence(bekasi(mayorFebruary), 'id');
    expect(text).toBe(
      'Penghentian paling banyak terjadi pada Maret 2019, rata-rata 51,4 per replikasi, bertepatan dengan berakhirnya uji coba (pilot) CCTV dan sensor lingkungan, integrasi ke platform POC/SSP dan aplikasi pelaporan warga POT (Pemkot), serta 3 peristiwa lain, dan menyusul mulai menjabatnya Plt. Wali Kota Tri Adhianto (setelah penangkapan) pada Februari 2019.',
    );
    expect(text).not.toMatch(/bertepatan dengan mulai menjabatnya/);
    expect(maxDepth(text)).toBe(1);
  });

  it('in English: "at" the same month, "following" the month before, with its date', () => {
    const text = sentence(bekasi(mayorFebruary), 'en');
    expect(text).toMatch(/^Exits cluster in 2019-03 \(51\.4 per replication, at pilot end: .*, and 3 more events; following leader: Acting mayor Tri Adhianto \(after the arrest\) in 2019-02\)\.$/);
    expect(text).not.toMatch(/at leader:/);
  });

  it('only events of the month before: the exits follow them, nothing coincides', () => {
    // A cluster in April 2019: the pilots and contracts ended in March.
    const results = bekasi((t) => t, 52);
    expect(sentence(results, 'id')).toBe(
      'Penghentian paling banyak terjadi pada April 2019, rata-rata 51,4 per replikasi, menyusul berakhirnya uji coba (pilot) CCTV dan sensor lingkungan, integrasi ke platform POC/SSP dan aplikasi pelaporan warga POT (Pemkot), serta 3 peristiwa lain pada Maret 2019.',
    );
    expect(sentence(results, 'en')).toMatch(/^Exits cluster in 2019-04 \(51\.4 per replication, following pilot end: .*, and 3 more events in 2019-03\)\.$/);
  });

  it('a window coincides while it lasts (from the month after it began) and is followed in the month after its end', () => {
    const window = (month: number, endMonth: number): TimelineEvent =>
      ({ kind: 'budget', id: 'cut', label: 'budget ×0.7: cut', name: 'cut', factor: '×0.7', month, date: '', endMonth, endDate: '' }) as TimelineEvent;
    const leader = { kind: 'leader', id: 'm', label: 'leader: M', name: 'M', factor: null, month: 9, date: '', endMonth: null, endDate: null } as TimelineEvent;
    const [inside] = exitClusters(new Map([[10, 5]]), [window(9, 12), leader], '2020-01');
    expect(inside!.event).toBe('budget ×0.7: cut');
    expect(inside!.before).toEqual({ event: 'leader: M', named: [leader], more: 0, date: '2020-09' });
    const [after] = exitClusters(new Map([[13, 5]]), [window(9, 12)], '2020-01');
    expect(after!.event).toBeNull();
    expect(after!.before!.event).toBe('budget ×0.7: cut');
    expect(after!.before!.date).toBe('2020-12');
    // Two months after: neither.
    const [later] = exitClusters(new Map([[14, 5]]), [window(9, 12), leader], '2020-01');
    expect(later!.event).toBeNull();
    expect(later!.before).toBeNull();
  });
});
