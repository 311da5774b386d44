/**
 * Small multiples by province (docs/NATIONAL.md): in each province, how its
 * governments (province, regencies, cities) spread over the share of
 * launched services they sustain.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../palette.js';
import { round, topLevel, type Datum } from './common.js';
import { catalog, nationalCatalog, type Lang } from '../i18n/index.js';
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
const TYPES = ['province', 'regency', 'city'] as const;

/** `lang`: the words drawn (national-en.ts / national-id.ts: `chart`, the types' names) and the numbers' decimal separator. */
export function nationalProvincesSpec(rows: readonly GovernmentShare[], provinceNames: ReadonlyMap<string, string>, replications: number, lang: Lang = 'en'): TopLevelSpec {
  const n = nationalCatalog(lang);
  // The legend shows the types' names in the language (in English they are the type ids).
  const typeName = (type: string) => (TYPES as readonly string[]).includes(type) ? n.typeOne[type as (typeof TYPES)[number]] : type;
  const data: Datum[] = rows.map((r) => ({
    province: provinceNames.get(r.province) ?? r.province,
    type: typeName(r.type),
    share: round(r.sustainedShare, 4),
  }));
  const longest = Math.max(0, ...data.map((d) => String(d['province']).length));
  const width = Math.max(MIN_PANEL_WIDTH, Math.ceil(longest * CHAR_WIDTH));
  return topLevel(
    n.chart.provincesTitle,
    [n.chart.provincesSubtitle(replications)],
    {
      data: { values: data },
      facet: { field: 'province', type: 'nominal', title: null, header: { labelFontSize: LABEL_SIZE, labelLimit: 0 } },
      columns: 6,
      spec: {
        width,
        height: 40,
        mark: { type: 'tick', thickness: 1.5 },
        encoding: {
          x: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, title: n.chart.provincesX, axis: { tickCount: 3 } },
          color: {
            field: 'type',
            type: 'nominal',
            scale: { domain: TYPES.map(typeName), range: [OKABE_ITO.vermillion, OKABE_ITO.blue, OKABE_ITO.bluishGreen] },
            title: null,
          },
        },
      },
    },
    catalog(lang),
  );
}
