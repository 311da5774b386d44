/**
 * Programme members versus the other governments (docs/NATIONAL.md): the
 * share of governments that ever had each national service live, month by
 * month, with the months the programme's cohorts joined marked.
 *
 * A cohort may have joined before the simulation's start (the model makes
 * its members members from month 1) or join after the horizon (it does
 * nothing within it). Drawn at its own month, its marker would stretch the
 * time axis beyond the simulated months, with empty plot where nothing was
 * simulated. So a cohort that joined before the first month simulated is
 * marked at that month and named in the subtitle as joined before the
 * start; one that joins after the last month is not marked, and the
 * subtitle says so.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../palette.js';
import { round, topLevel, type Datum } from './common.js';
import { UTC } from './national-replacements.js';
import { wrapLabel } from '../scenario-facts.js';
import { catalog, nationalCatalog, type Lang } from '../i18n/index.js';

export interface CohortSeriesRow {
  readonly date: string;
  readonly group: string;
  readonly innovation: string;
  readonly everShare: number;
}

/** Readable names for the chart: the programme's and the services' (scenario names); ids where absent. */
export interface CohortChartNames {
  readonly programme?: string;
  readonly services?: ReadonlyMap<string, string>;
}

/** Characters per line of a panel's header (150 px panels, 11 px bold): longer service names wrap. */
const HEADER_CHARS = 24;

/**
 * The cohort markers of a chart whose months run from `first` to `last`
 * (YYYY-MM): each cohort's join month, clamped to `first` when earlier
 * (`before`), left out when after `last` (`after`).
 */
export function cohortMarkers(
  cohortStarts: readonly { id: string; date: string }[],
  first: string,
  last: string,
): { drawn: { id: string; date: string }[]; before: { id: string; date: string }[]; after: { id: string; date: string }[] } {
  const before = cohortStarts.filter((c) => first !== '' && c.date < first);
  const after = cohortStarts.filter((c) => last !== '' && c.date > last);
  const drawn = cohortStarts.filter((c) => !after.includes(c)).map((c) => (before.includes(c) ? { id: c.id, date: first } : c));
  return { drawn, before, after };
}

export function nationalCohortsSpec(
  rows: readonly CohortSeriesRow[],
  programme: string,
  cohortStarts: readonly { id: string; date: string }[],
  replications: number,
  lang: Lang = 'en',
  names: CohortChartNames = {},
): TopLevelSpec {
  const w = nationalCatalog(lang).chart;
  const members = `programme:${programme}:members`;
  const others = `programme:${programme}:others`;
  const mine = rows.filter((r) => r.group === members || r.group === others);
  // A service's panel header: its name, wrapped to lines the panel can hold (vega draws an array as lines).
  const service = (id: string) => wrapLabel(names.services?.get(id) ?? id, HEADER_CHARS).join('\n');
  const data: Datum[] = mine.map((r) => ({
    date: `${r.date}-01`,
    innovation: service(r.innovation),
    group: r.group === members ? w.members : w.otherGovernments,
    share: round(r.everShare, 4),
  }));
  const dates = mine.map((r) => r.date).sort();
  const first = dates[0] ?? '';
  const last = dates[dates.length - 1] ?? '';
  const markers = cohortMarkers(cohortStarts, first, last);
  const subtitle = [
    w.cohortsSubtitle(replications),
    ...(markers.before.length > 0 ? [w.cohortsBefore(markers.before.map((c) => `${c.id} (${c.date})`).join(', '), first)] : []),
    ...(markers.after.length > 0 ? [w.cohortsAfter(markers.after.map((c) => `${c.id} (${c.date})`).join(', '))] : []),
  ];
  return topLevel(
    w.cohortsTitle(names.programme ?? programme),
    subtitle,
    {
      facet: {
        field: 'innovation',
        type: 'nominal',
        title: null,
        // Panels in the scenario's order of the services (the rows' order), not alphabetically by name.
        sort: [...new Set(data.map((d) => String(d['innovation'])))],
        // The name's lines (the expression only splits the data's value: no name is written into it).
        header: { labelLimit: 0, labelExpr: "split(datum.value, '\\n')" },
      },
      columns: 5,
      data: { values: data },
      spec: {
        width: 150,
        height: 100,
        layer: [
          {
            mark: { type: 'line', strokeWidth: 1.5 },
            encoding: {
              // A UTC time scale, as the city charts' (national-replacements.ts UTC): the same chart in any time zone.
              x: { field: 'date', type: 'temporal', title: null, scale: UTC, axis: { format: '%Y', tickCount: 4 } },
              y: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, title: w.cohortsY },
              color: { field: 'group', type: 'nominal', scale: { domain: [w.members, w.otherGovernments], range: [OKABE_ITO.vermillion, OKABE_ITO.blue] }, title: null },
            },
          },
          {
            data: { values: markers.drawn.map((c) => ({ date: `${c.date}-01`, cohort: c.id })) },
            mark: { type: 'rule', strokeDash: [3, 3], color: '#777777' },
            encoding: { x: { field: 'date', type: 'temporal', scale: UTC } },
          },
        ],
      },
    },
    catalog(lang),
  );
}
