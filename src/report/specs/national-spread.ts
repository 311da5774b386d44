/**
 * The spread between governments (docs/NATIONAL.md): how many governments
 * sustain what share of the services they launched; P14's "some sustain
 * most, many none".
 *
 * The bars count governments per replication, as the headline and
 * national_spread.csv do: each (government, replication) value falls in one
 * band, and a band's bar is its count divided by the replications. So the
 * bars of "at least half" and "none" add up to the headline's mean counts.
 * Averaging each government over the replications first (as the chart once
 * did) pulls every government towards the middle: few reach 50 % and none
 * stays at 0, which contradicted the headline's counts.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../palette.js';
import { labelWidth, round, topLevel, type Datum } from './common.js';
import { wrapLabel } from '../scenario-facts.js';
import { catalog, localNumber, nationalCatalog, type Lang } from '../i18n/index.js';
import { shifted, toDecimal } from '../../messages/decimal.js';

export interface GovernmentShare {
  readonly government: string;
  readonly province: string;
  readonly type: string;
  /** Mean over replications of sustained / launched services. */
  readonly sustainedShare: number;
  /**
   * The government's sustained share in each replication (any order). The
   * spread chart counts these; without them it falls back to one value per
   * government, its mean, and says so in its subtitle.
   */
  readonly replicationShares?: readonly number[];
}

/** At least this share of its launched services: a government "sustains at least half" (experiment/national-tally.ts MOST_SERVICES). */
const HALF = 0.5;

/** The band of a share: 0 for none sustained, then tenths 1..10 ([0, 10 %) without 0, [10, 20 %), ..., [90, 100 %]). */
export function spreadBand(share: number): number {
  if (share <= 0) return 0;
  // Shares are small fractions k / n: the epsilon only keeps 0.3 * 10 from falling to 2.
  return Math.min(10, Math.floor(share * 10 + 1e-9) + 1);
}

/** Mean governments per replication in each band (index as spreadBand). */
export function spreadCounts(rows: readonly GovernmentShare[], replications: number): number[] {
  const counts = new Array<number>(11).fill(0);
  const perReplication = rows.length > 0 && rows.every((r) => r.replicationShares !== undefined && r.replicationShares.length > 0);
  for (const r of rows) {
    if (perReplication) for (const s of r.replicationShares!) counts[spreadBand(s)]! += 1;
    else counts[spreadBand(r.sustainedShare)]! += 1;
  }
  const R = perReplication ? Math.max(1, replications) : 1;
  return counts.map((c) => c / R);
}

/** `lang`: the words drawn (national-en.ts / national-id.ts `chart`) and the numbers' decimal separator. */
export function nationalSpreadSpec(rows: readonly GovernmentShare[], replications: number, lang: Lang = 'en'): TopLevelSpec {
  const w = nationalCatalog(lang).chart;
  const t = catalog(lang);
  const perReplication = rows.length > 0 && rows.every((r) => r.replicationShares !== undefined && r.replicationShares.length > 0);
  const counts = spreadCounts(rows, replications);
  const pct = (x: number) => localNumber(t, shifted(x, 2, 0));
  const bandLabel = (b: number) => (b === 0 ? w.spreadNone : `${pct((b - 1) / 10)}–${pct(b / 10)}${t.percentSign}`);
  const group = (b: number) => (b === 0 ? w.spreadGroupNone : (b - 1) / 10 >= HALF ? w.spreadGroupHalf : w.spreadGroupSome);
  const data: Datum[] = counts.map((c, b) => ({ band: bandLabel(b), group: group(b), governments: round(c, 2) }));
  const one = (x: number) => localNumber(t, toDecimal(x, 1));
  const none = counts[0]!;
  const half = counts.slice(1).reduce((a, c, i) => a + (i / 10 >= HALF ? c : 0), 0);
  return topLevel(
    w.spreadTitle,
    perReplication ? w.spreadSubtitle(rows.length, replications, one(half), one(none)) : [w.spreadSubtitleMeans(rows.length, replications)],
    {
      data: { values: data },
      mark: { type: 'bar' },
      width: 640,
      height: 260,
      encoding: {
        x: { field: 'band', type: 'ordinal', sort: counts.map((_, b) => bandLabel(b)), title: w.spreadX, axis: { labelAngle: 0, labelExpr: wrapExpr(counts.map((_, b) => bandLabel(b)), 640 / counts.length) } },
        y: { field: 'governments', type: 'quantitative', title: perReplication ? w.spreadY : w.governmentsAxis },
        color: {
          field: 'group',
          type: 'nominal',
          scale: { domain: [w.spreadGroupNone, w.spreadGroupSome, w.spreadGroupHalf], range: [OKABE_ITO.vermillion, OKABE_ITO.blue, OKABE_ITO.bluishGreen] },
          title: null,
          legend: { orient: 'top', labelLimit: 0 },
        },
      },
    },
    t,
  );
}

/**
 * A label expression that breaks onto lines (at spaces) each category
 * label wider than its band, so that no label overlaps its neighbour and
 * the overlap removal hides none ("tidak satu pun" hid "0–10 %").
 */
export function wrapExpr(labels: readonly string[], step: number, fontSize = 11): string {
  const chars = Math.max(4, Math.floor((step - 8) / labelWidth('x', fontSize)));
  return labels
    .filter((l) => labelWidth(l, fontSize) > step - 2 && wrapLabel(l, chars).length > 1)
    .reduce((expr, l) => `datum.label === ${JSON.stringify(l)} ? ${JSON.stringify(wrapLabel(l, chars))} : ${expr}`, 'datum.label');
}
