/**
 * The mandate's replacement wave (docs/NATIONAL.md): per month, the agency
 * instances of national services replaced in all governments (a ban on
 * standalone applications, such as Perpres 82/2023, discontinues the
 * standalone ones; stacked by service) and the live standalone instances
 * integrated that month (line), with the start of each mandate that bans
 * standalone applications marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO, SERIES_COLORS } from '../palette.js';
import { round, topLevel, type Datum } from './common.js';
import { catalog, nationalCatalog, type Lang } from '../i18n/index.js';

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

/** Services drawn in their own colour; the rest are stacked as one "other services" bar (the palette has no more distinct colours but black, the line's). */
export const WAVE_SERVICES = 7;

/**
 * The national charts' time scale: UTC, as the city charts' (specs/common.ts timeX). Their dates (`YYYY-MM-01`) are
 * read as UTC midnight; on a local scale the ticks fell on the local new year, so the bytes of a chart depended on
 * the time zone of the machine that drew it.
 */
export const UTC = { type: 'utc' } as const;

/** `lang`: the words drawn (national-en.ts / national-id.ts `chart`) and the numbers' decimal separator. */
/**
 * `names`: the services' labels (scenario names, national-names.ts chartLabels); a service without one is shown by its id.
 */
export function nationalReplacementsSpec(
  rows: readonly WaveRow[],
  mandates: readonly MandateStart[],
  replications: number,
  lang: Lang = 'en',
  names: ReadonlyMap<string, string> = new Map(),
): TopLevelSpec {
  const w = nationalCatalog(lang).chart;
  const OTHERS = w.otherServices;
  const label = (id: string) => names.get(id) ?? id;
  // Services by their total replacements; never-replaced ones would only add empty legend entries.
  const totals = new Map<string, number>();
  for (const r of rows) if (r.replacements > 0) totals.set(r.innovation, (totals.get(r.innovation) ?? 0) + r.replacements);
  // Ties by id in code-point order, not localeCompare: that follows the machine's locale (Czech puts "ch" after "h",
  // Danish "aa" after "z"), so the legend, the colours and which services share "other services" would differ by machine.
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id]) => id);
  const own = ranked.length > WAVE_SERVICES ? ranked.slice(0, WAVE_SERVICES - 1) : ranked;
  const domain = ranked.length > own.length ? [...own.map(label), OTHERS] : own.map(label);
  const palette = SERIES_COLORS.filter((c) => c !== OKABE_ITO.black && c !== OKABE_ITO.grey);
  const range = domain.map((d, i) => (d === OTHERS ? OKABE_ITO.grey : palette[i % palette.length]!));
  const bars: Datum[] = rows
    .filter((r) => r.replacements > 0)
    .map((r) => ({ date: `${r.date}-01`, innovation: own.includes(r.innovation) ? label(r.innovation) : OTHERS, replacements: round(r.replacements, 3) }));
  // A mandate late in the horizon is labelled to the left of its line, so the label stays inside the plot.
  const dates = rows.map((r) => r.date).sort();
  const middle = dates.length > 0 ? dates[Math.floor(dates.length / 2)]! : '';
  const integrated = new Map<string, number>();
  for (const r of rows) integrated.set(r.date, (integrated.get(r.date) ?? 0) + r.integrations);
  const line: Datum[] = [...integrated].map(([date, n]) => ({ date: `${date}-01`, integrations: round(n, 3) }));
  // A UTC time scale, as the city charts' (specs/common.ts timeX): the dates are read as UTC midnight, and a local scale
  // put the year ticks at the local new year, so the chart changed with the time zone (Asia/Jakarta lost "2015").
  const x = { field: 'date', type: 'temporal', title: null, scale: UTC, axis: { format: '%Y', tickCount: 8 } } as const;
  return topLevel(
    w.wavesTitle,
    // Without a ban starting in the horizon no dashed line is drawn, and the bars are not a ban's: the second line says so.
    mandates.length > 0 ? w.wavesSubtitle(replications) : [w.wavesSubtitle(replications)[0]!, w.wavesSubtitleNoBan],
    {
      width: 640,
      height: 260,
      layer: [
        {
          data: { values: bars },
          mark: { type: 'bar' },
          encoding: {
            x,
            y: { field: 'replacements', type: 'quantitative', aggregate: 'sum', stack: 'zero', title: w.wavesY },
            // Services by name: a long one is not cut (the legend is as wide as its longest name).
            color: { field: 'innovation', type: 'nominal', scale: { domain, range }, title: w.wavesLegend, legend: { labelLimit: 0 } },
          },
        },
        {
          data: { values: line },
          mark: { type: 'line', color: OKABE_ITO.black, strokeWidth: 1.2 },
          encoding: { x, y: { field: 'integrations', type: 'quantitative' } },
        },
        {
          data: { values: mandates.map((m) => ({ date: `${m.date}-01`, label: m.name })) },
          mark: { type: 'rule', strokeDash: [4, 3], color: OKABE_ITO.vermillion },
          encoding: { x: { field: 'date', type: 'temporal', scale: UTC } },
        },
        ...(['left', 'right'] as const).map((align) => ({
          data: { values: mandates.filter((m) => (m.date > middle) === (align === 'right')).map((m) => ({ date: `${m.date}-01`, label: m.name })) },
          mark: { type: 'text' as const, align, baseline: 'top' as const, dx: align === 'left' ? 4 : -4, dy: 2, color: OKABE_ITO.vermillion, fontSize: 10 },
          encoding: { x: { field: 'date', type: 'temporal' as const, scale: UTC }, y: { value: 0 }, text: { field: 'label' } },
        })),
      ],
    },
    catalog(lang),
  );
}
