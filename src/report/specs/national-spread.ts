/**
 * The spread between governments (docs/NATIONAL.md): how many governments
 * sustain what share of the services they launched (mean over
 * replications), one bar per tenth; P14's "some sustain most, many none".
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../palette.js';
import { round, topLevel, type Datum } from './common.js';
import { catalog, nationalCatalog, type Lang } from '../i18n/index.js';

export interface GovernmentShare {
  readonly government: string;
  readonly province: string;
  readonly type: string;
  /** Mean over replications of sustained / launched services. */
  readonly sustainedShare: number;
}

/** `lang`: the words drawn (national-en.ts / national-id.ts `chart`) and the numbers' decimal separator. */
export function nationalSpreadSpec(rows: readonly GovernmentShare[], replications: number, lang: Lang = 'en'): TopLevelSpec {
  const w = nationalCatalog(lang).chart;
  const data: Datum[] = rows.map((r) => ({ government: r.government, type: r.type, share: round(r.sustainedShare, 4) }));
  return topLevel(
    w.spreadTitle,
    [w.spreadSubtitle(rows.length, replications)],
    {
      data: { values: data },
      mark: { type: 'bar', color: OKABE_ITO.blue },
      width: 640,
      height: 260,
      encoding: {
        x: { field: 'share', type: 'quantitative', bin: { extent: [0, 1], step: 0.1 }, title: w.spreadX },
        y: { aggregate: 'count', type: 'quantitative', title: w.governmentsAxis },
      },
    },
    catalog(lang),
  );
}
