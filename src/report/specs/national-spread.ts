/**
 * The spread between governments (docs/NATIONAL.md): how many governments
 * sustain what share of the services they launched (mean over
 * replications), one bar per tenth; P14's "some sustain most, many none".
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../palette.js';
import { round, topLevel, type Datum } from './common.js';

export interface GovernmentShare {
  readonly government: string;
  readonly province: string;
  readonly type: string;
  /** Mean over replications of sustained / launched services. */
  readonly sustainedShare: number;
}

export function nationalSpreadSpec(rows: readonly GovernmentShare[], replications: number): TopLevelSpec {
  const data: Datum[] = rows.map((r) => ({ government: r.government, type: r.type, share: round(r.sustainedShare, 4) }));
  return topLevel(
    'Spread between governments: share of launched services sustained',
    [`${rows.length} governments, mean over ${replications} replications per government`],
    {
      data: { values: data },
      mark: { type: 'bar', color: OKABE_ITO.blue },
      width: 640,
      height: 260,
      encoding: {
        x: { field: 'share', type: 'quantitative', bin: { extent: [0, 1], step: 0.1 }, title: 'share of its launched services sustained at the horizon' },
        y: { aggregate: 'count', type: 'quantitative', title: 'governments' },
      },
    },
  );
}
