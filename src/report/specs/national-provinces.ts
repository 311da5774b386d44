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

/**
 * Header label size (px) of each province's panel: at 9 px in 6 columns, 38 provinces drew their names at
 * about 7 px once the page scaled the chart to its width; 11 px in COLUMNS columns, without the common
 * "Provinsi " (panelLabels), keeps them about as large as the report's text.
 */
const LABEL_SIZE = 11;
/** Panels per row. */
const COLUMNS = 4;
/**
 * A generous width per character of the header font at LABEL_SIZE (about
 * 0.6 em; the shipped sans face's lowercase letters are narrower): panels
 * are made at least as wide as the longest province name needs, so no name
 * is cut (`Kepulauan Bangka Belitung`, `Daerah Istimewa Yogyakarta`).
 */
const CHAR_WIDTH = 0.6 * LABEL_SIZE;
const MIN_PANEL_WIDTH = 110;
const TYPES = ['province', 'regency', 'city'] as const;
/**
 * Each type's colour and dash: two channels, so that the types are told apart without colour (and in grey print).
 * Black, blue and orange (Okabe-Ito): the blue and bluish green drawn before were hard to tell apart in thin ticks.
 */
const TYPE_COLOURS = [OKABE_ITO.black, OKABE_ITO.blue, OKABE_ITO.orange];
const TYPE_DASHES = [[1, 0], [5, 2], [1.5, 1.5]];

/**
 * Each province's panel label: its name without a "Provinsi " every name shares (the panels are all provinces),
 * when the names stay distinct without it; the name as given otherwise.
 */
export function panelLabels(names: readonly string[]): Map<string, string> {
  const prefix = /^Provinsi\s+/;
  const short = names.map((x) => x.replace(prefix, ''));
  const distinct = new Set(short).size === new Set(names).size && short.every((x) => x !== '');
  return new Map(names.map((x, i) => [x, distinct && names.every((y) => prefix.test(y)) ? short[i]! : x]));
}

/** `lang`: the words drawn (national-en.ts / national-id.ts: `chart`, the types' names) and the numbers' decimal separator. */
export function nationalProvincesSpec(rows: readonly GovernmentShare[], provinceNames: ReadonlyMap<string, string>, replications: number, lang: Lang = 'en'): TopLevelSpec {
  const n = nationalCatalog(lang);
  // The legend shows the types' names in the language (in English they are the type ids).
  const typeName = (type: string) => (TYPES as readonly string[]).includes(type) ? n.typeOne[type as (typeof TYPES)[number]] : type;
  const full = rows.map((r) => provinceNames.get(r.province) ?? r.province);
  const labels = panelLabels([...new Set(full)]);
  const data: Datum[] = rows.map((r, i) => ({
    province: labels.get(full[i]!)!,
    type: typeName(r.type),
    share: round(r.sustainedShare, 4),
  }));
  // The panels in the order of the provinces (the province governments' order in the folder, the province table's),
  // not alphabetical: one order for the table and the chart. A province without a province government follows, by id order of the rows.
  const order = [...new Set([...[...provinceNames.values()].map((x) => labels.get(x)).filter((x): x is string => x !== undefined), ...data.map((d) => String(d['province']))])];
  const longest = Math.max(0, ...data.map((d) => String(d['province']).length));
  const width = Math.max(MIN_PANEL_WIDTH, Math.ceil(longest * CHAR_WIDTH));
  return topLevel(
    n.chart.provincesTitle,
    [n.chart.provincesSubtitle(replications)],
    {
      data: { values: data },
      facet: { field: 'province', type: 'nominal', title: null, sort: order, header: { labelFontSize: LABEL_SIZE, labelLimit: 0 } },
      columns: COLUMNS,
      spec: {
        width,
        height: 40,
        // A rule across the panel's height, not a tick: a tick is a filled rectangle, which draws no dash.
        mark: { type: 'rule', strokeWidth: 1.5 },
        // The x axis's grid line at 0.5 (its middle tick) is "half of its launched services sustained": the subtitle says so.
        encoding: {
          x: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, title: n.chart.provincesX, axis: { tickCount: 3 } },
          color: {
            field: 'type',
            type: 'nominal',
            scale: { domain: TYPES.map(typeName), range: TYPE_COLOURS },
            title: null,
            // Legend symbols as lines, so that they show the dash as well as the colour.
            legend: { symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 300 },
          },
          strokeDash: { field: 'type', type: 'nominal', scale: { domain: TYPES.map(typeName), range: TYPE_DASHES }, title: null },
        },
      },
    },
    catalog(lang),
  );
}
