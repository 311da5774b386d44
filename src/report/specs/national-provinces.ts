/**
 * Small multiples by province (docs/NATIONAL.md): in each province, how its
 * governments (province, regencies, cities) spread over the share of
 * launched services they sustain.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../palette.js';
import { round, topLevel, type Datum } from './common.js';
import type { GovernmentShare } from './national-spread.js';

export function nationalProvincesSpec(rows: readonly GovernmentShare[], provinceNames: ReadonlyMap<string, string>, replications: number): TopLevelSpec {
  const data: Datum[] = rows.map((r) => ({
    province: provinceNames.get(r.province) ?? r.province,
    type: r.type,
    share: round(r.sustainedShare, 4),
  }));
  return topLevel(
    'Sustained share of launched services, by province',
    [`each tick a government (mean over ${replications} replications); colour: province, regency or city`],
    {
      data: { values: data },
      facet: { field: 'province', type: 'nominal', title: null, header: { labelFontSize: 9, labelLimit: 120 } },
      columns: 6,
      spec: {
        width: 110,
        height: 40,
        mark: { type: 'tick', thickness: 1.5 },
        encoding: {
          x: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, title: 'sustained share', axis: { tickCount: 3 } },
          color: {
            field: 'type',
            type: 'nominal',
            scale: { domain: ['province', 'regency', 'city'], range: [OKABE_ITO.vermillion, OKABE_ITO.blue, OKABE_ITO.bluishGreen] },
            title: null,
          },
        },
      },
    },
  );
}
