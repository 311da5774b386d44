/**
 * The mandate's replacement wave (docs/NATIONAL.md): per month, the agency
 * instances of national services replaced in all governments (a ban on
 * standalone applications, such as Perpres 82/2023, discontinues the
 * standalone ones; stacked by service) and the live standalone instances
 * integrated that month (line), with the start of each mandate that bans
 * standalone applications marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO, seriesColors } from '../palette.js';
import { round, topLevel, type Datum } from './common.js';

export interface WaveRow {
  /** YYYY-MM */
  readonly date: string;
  readonly innovation: string;
  /** Mean per replication, summed over all governments. */
  readonly replacements: number;
  readonly integrations: number;
}

export interface MandateStart {
  readonly id: string;
  readonly name: string;
  /** YYYY-MM */
  readonly date: string;
}

export function nationalReplacementsSpec(rows: readonly WaveRow[], mandates: readonly MandateStart[], replications: number): TopLevelSpec {
  // Services never replaced would only add empty legend entries.
  const replaced = [...new Set(rows.filter((r) => r.replacements > 0).map((r) => r.innovation))];
  const bars: Datum[] = rows
    .filter((r) => r.replacements > 0)
    .map((r) => ({ date: `${r.date}-01`, innovation: r.innovation, replacements: round(r.replacements, 3) }));
  const integrated = new Map<string, number>();
  for (const r of rows) integrated.set(r.date, (integrated.get(r.date) ?? 0) + r.integrations);
  const line: Datum[] = [...integrated].map(([date, n]) => ({ date: `${date}-01`, integrations: round(n, 3) }));
  const x = { field: 'date', type: 'temporal', title: null, axis: { format: '%Y', tickCount: 8 } } as const;
  return topLevel(
    'The replacement wave: standalone applications replaced and integrated, per month',
    [
      `agency instances of national services in all governments, mean over ${replications} replications`,
      'bars: replaced (discontinued under a ban on standalone applications); black line: live standalone instances integrated; dashed: a ban starts',
    ],
    {
      width: 640,
      height: 260,
      layer: [
        {
          data: { values: bars },
          mark: { type: 'bar' },
          encoding: {
            x,
            y: { field: 'replacements', type: 'quantitative', aggregate: 'sum', stack: 'zero', title: 'instances per month' },
            color: { field: 'innovation', type: 'nominal', scale: { domain: replaced, range: seriesColors(replaced.length) }, title: 'replaced' },
          },
        },
        {
          data: { values: line },
          mark: { type: 'line', color: OKABE_ITO.black, strokeWidth: 1.2 },
          encoding: { x, y: { field: 'integrations', type: 'quantitative' } },
        },
        {
          data: { values: mandates.map((m) => ({ date: `${m.date}-01`, label: m.name })) },
          layer: [
            { mark: { type: 'rule', strokeDash: [4, 3], color: OKABE_ITO.vermillion }, encoding: { x: { field: 'date', type: 'temporal' } } },
            {
              mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 2, color: OKABE_ITO.vermillion, fontSize: 10 },
              encoding: { x: { field: 'date', type: 'temporal' }, y: { value: 0 }, text: { field: 'label' } },
            },
          ],
        },
      ],
    },
  );
}
