/**
 * Programme members versus the other governments (docs/NATIONAL.md): the
 * share of governments that ever had each national service live, month by
 * month, with the months the programme's cohorts joined marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../palette.js';
import { round, topLevel, type Datum } from './common.js';
import { catalog, nationalCatalog, type Lang } from '../i18n/index.js';

export interface CohortSeriesRow {
  readonly date: string;
  readonly group: string;
  readonly innovation: string;
  readonly everShare: number;
}

export function nationalCohortsSpec(
  rows: readonly CohortSeriesRow[],
  programme: string,
  cohortStarts: readonly { id: string; date: string }[],
  replications: number,
  lang: Lang = 'en',
): TopLevelSpec {
  const w = nationalCatalog(lang).chart;
  const members = `programme:${programme}:members`;
  const others = `programme:${programme}:others`;
  const data: Datum[] = rows
    .filter((r) => r.group === members || r.group === others)
    .map((r) => ({ date: `${r.date}-01`, innovation: r.innovation, group: r.group === members ? w.members : w.otherGovernments, share: round(r.everShare, 4) }));
  return topLevel(
    w.cohortsTitle(programme),
    [w.cohortsSubtitle(replications)],
    {
      facet: { field: 'innovation', type: 'nominal', title: null },
      columns: 5,
      data: { values: data },
      spec: {
        width: 150,
        height: 100,
        layer: [
          {
            mark: { type: 'line', strokeWidth: 1.5 },
            encoding: {
              x: { field: 'date', type: 'temporal', title: null, axis: { format: '%Y', tickCount: 4 } },
              y: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, title: w.cohortsY },
              color: { field: 'group', type: 'nominal', scale: { domain: [w.members, w.otherGovernments], range: [OKABE_ITO.vermillion, OKABE_ITO.blue] }, title: null },
            },
          },
          {
            data: { values: cohortStarts.map((c) => ({ date: `${c.date}-01`, cohort: c.id })) },
            mark: { type: 'rule', strokeDash: [3, 3], color: '#777777' },
            encoding: { x: { field: 'date', type: 'temporal' } },
          },
        ],
      },
    },
    catalog(lang),
  );
}
