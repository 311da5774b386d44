/**
 * Small multiples by province (docs/NATIONAL.md): in each province, how its
 * governments (province, regencies, cities) spread over the share of
 * launched services they sustain.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../palette.js';
import { round, topLevel, type Datum } from './common.js';
import type { GovernmentShare } from './national-spread.js';

/** Header label size (px) of each province's panel. */
const LABEL_SIZE = 9;
/**
 * A generous width per character of the header font at LABEL_SIZE (about
 * 0.6 em; the shipped sans face's lowercase letters are narrower): panels
 * are made at least as wide as the longest province name needs, so no name
 * is cut (`Kepulauan Bangka Belitung`, `Daerah Istimewa Yogyakarta`).
 */
const CHAR_WIDTH = 0.6 * LABEL_SIZE;
const MIN_PANEL_WIDTH = 110;

export function nationalProvincesSpec(rows: readonly GovernmentShare[], provinceNames: ReadonlyMap<string, string>, replications: number): TopLevelSpec {
  const data: Datum[] = rows.map((r) => ({
    province: provinceNames.get(r.province) ?? r.province,
    type: r.type,
    share: round(r.sustainedShare, 4),
  }));
  const longest = Math.max(0, ...data.map((d) => String(d['province']).length));
  const width = Math.max(MIN_PANEL_WIDTH, Math.ceil(longest * CHAR_WIDTH));
  return topLevel(
    'Sustained share of launched services, by province',
    [`each tick a government (mean over ${replications} replications); colour: province, regency or city`],
    {
      data: { values: data },
      facet: { field: 'province', type: 'nominal', title: null, header: { labelFontSize: LABEL_SIZE, labelLimit: 0 } },
      columns: 6,
      spec: {
        width,
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
