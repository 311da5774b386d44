/**
 * P6: survivors are mostly agency-owned, budgeted, integrated and anchored
 * (smart health is the case's instance). Measured over every service and
 * replication, not on one hand-configured service: among the services
 * sustained at the horizon, the share with each feature, against the share
 * among the services that were not; ownership and funding (P6a) apart from
 * integration and anchoring (P6c). Controls: ownership and funding swapped
 * between services (P6a), and no integration or anchoring at all (P6c),
 * with the features read from the shipped scenario: if survival follows
 * them, it must stop sorting by the shipped labels. P6c compares like with
 * like: within governance, among the services with 48 months of history
 * (survivorsWithinGovernance); each feature also has its own control (no
 * integration only, no anchoring only). P6c is not evidence whatever one
 * run reads (P6C_NOT_EVIDENCE; docs/ODD.md section 12).
 *
 * P6b: the stylized pair separates (an agency-owned, budgeted, championed
 * service sustained; a vendor pilot discontinued). Control: the vendor
 * pilot taken over and its vendor's contract not ending.
 */
import type { Scenario } from '../scenario/schema.js';
import { wilson } from '../experiment/stats/wilson.js';
import type { Ensemble } from '../experiment/ensemble.js';
import { ATTRITION_MONTHS, STYLIZED, STYLIZED_BAND } from './case.js';
import { designRng } from '../experiment/design.js';
import { uniformIndex } from '../experiment/stats/random.js';
import { matureServices } from './p04-attrition.js';
import { ci, type CheckContext, type CheckRow, type Overrides, type PatternCheck, type Reading } from './check.js';
import { pilotsKept, shareOutcome } from './measure.js';
import { toDecimal } from '../messages/decimal.js';

/** "Mostly": more than half of the survivors have each feature. */
const MOSTLY = 0.5;

type Feature = { label: string; has: (x: Scenario['innovations'][number]) => boolean };

function governance(): Feature[] {
  return [
    { label: 'agency-owned', has: (x) => x.owner !== 'vendor' },
    { label: 'budgeted', has: (x) => x.funding === 'apbd' || x.funding === 'national' },
  ];
}

function embedding(s: Scenario): Feature[] {
  const anchored = new Set(s.regulations.flatMap((r) => r.anchors ?? []));
  return [
    { label: 'integrated', has: (x) => x.integrated_from !== undefined },
    { label: 'anchored', has: (x) => anchored.has(x.id) },
  ];
}

/**
 * Ownership and funding swapped between services: vendor pilots become
 * agency-owned and budgeted, every other service a vendor-owned 36-month
 * pilot. Features are still read from the shipped scenario, so if survival
 * follows governance the survivors' shares must fall.
 */
function swapped(s: Scenario): Overrides {
  const vendor = s.vendors[0]?.id;
  const o: Overrides = {};
  for (const x of s.innovations) {
    const at = `innovations[id=${x.id}]`;
    if (x.owner === 'vendor' || x.funding === 'pilot') {
      o[`${at}.owner`] = 'opd';
      o[`${at}.funding`] = 'apbd';
      if (x.vendor !== undefined) o[`${at}.vendor`] = null;
      if (x.pilot_months !== undefined) o[`${at}.pilot_months`] = null;
    } else {
      o[`${at}.owner`] = 'vendor';
      o[`${at}.funding`] = 'pilot';
      o[`${at}.pilot_months`] = 36;
      if (vendor !== undefined) o[`${at}.vendor`] = vendor;
    }
  }
  return o;
}

/** No service integrated with a platform. */
function unintegrated(s: Scenario): Overrides {
  const o: Overrides = {};
  for (const x of s.innovations) if (x.integrated_from !== undefined) o[`innovations[id=${x.id}].integrated_from`] = null;
  return o;
}

/** No regulation anchoring any service. */
function unanchored(s: Scenario): Overrides {
  const o: Overrides = {};
  for (const r of s.regulations) if ((r.anchors ?? []).length > 0) o[`regulations[id=${r.id}].anchors`] = [];
  return o;
}

/** No service integrated with a platform and no regulation anchoring any service. */
function unembedded(s: Scenario): Overrides {
  return { ...unintegrated(s), ...unanchored(s) };
}

/**
 * Why P6c is not evidence whatever one run's controls read (docs/ODD.md
 * section 12): an independent review found the joint control's failure at
 * the shipped seed and 200 replications is a matter of power, not of the
 * mechanism.
 */
const P6C_NOT_EVIDENCE =
  'the control\'s failure does not hold: at the shipped seed with 1,000 replications the joint control reads 1.07 [1.03, 1.11] integrated and ' +
  '1.05 [1.01, 1.09] anchored (in band), at seed 3 (200 replications) 1.19 and 1.18 (in band); removing only anchoring leaves the ratio at the case\'s level; ' +
  'and the measurement was changed twice before the control failed (docs/ODD.md section 12)';

function survivors(e: Ensemble, s: Scenario, features: readonly Feature[]): Reading {
  const parts: string[] = [];
  let ok = true;
  for (const f of features) {
    let sustainedWith = 0;
    let sustained = 0;
    let otherWith = 0;
    let other = 0;
    for (const r of e.results)
      for (const o of r.outcomes) {
        const x = s.innovations.find((i) => i.id === o.innovation);
        if (!x || o.peak_live === 0) continue;
        if (o.outcome === 'sustained') {
          sustained++;
          if (f.has(x)) sustainedWith++;
        } else {
          other++;
          if (f.has(x)) otherWith++;
        }
      }
    const a = wilson(sustainedWith, sustained);
    const b = wilson(otherWith, other);
    parts.push(`${f.label} ${ci(a.p, a.low, a.high, (v) => toDecimal(v, 2))} vs ${ci(b.p, b.low, b.high, (v) => toDecimal(v, 2))}`);
    ok &&= sustained > 0 && a.p > MOSTLY && a.low > b.high;
  }
  return { measured: parts.join('; '), pass: ok };
}

/** Bootstrap resamples of the replications for P6c's interval. */
const BOOTSTRAP = 2000;

/**
 * P6c, like with like: integration and anchoring judged within governance.
 * The services shipped integrated and anchored are also the agency-owned,
 * city-budgeted ones (and the latest launched), so comparing all survivors
 * with all other services re-measures P6a: with no integration and no
 * anchoring at all, survivors still carried the shipped labels more often
 * (0.77 vs 0.44). Here the services with `ATTRITION_MONTHS` of history (the
 * later ones are right-censored, as in P4 and P5) are grouped by P6a's
 * features (agency-owned x budgeted), and the survivors with each feature
 * are compared with the number expected if, inside each group, survival
 * had nothing to do with the feature (indirect standardization):
 * observed / expected above 1, with a percentile bootstrap interval over
 * replications; and, as in P6a, more than half of the survivors have it.
 */
function survivorsWithinGovernance(e: Ensemble, s: Scenario, features: readonly Feature[], services: ReadonlySet<string>): Reading {
  const gov = governance();
  const group = (x: Scenario['innovations'][number]) => gov.map((f) => (f.has(x) ? 1 : 0)).join('');
  const parts: string[] = [];
  let ok = true;
  for (const f of features) {
    // Per replication and governance group: adopted services, with the feature, survivors, survivors with it.
    const reps = e.results.map((r) => {
      const g = new Map<string, [number, number, number, number]>();
      for (const o of r.outcomes) {
        const x = s.innovations.find((i) => i.id === o.innovation);
        if (!x || !services.has(x.id) || o.peak_live === 0) continue;
        const t = g.get(group(x)) ?? [0, 0, 0, 0];
        const has = f.has(x) ? 1 : 0;
        const sustained = o.outcome === 'sustained' ? 1 : 0;
        g.set(group(x), [t[0] + 1, t[1] + has, t[2] + sustained, t[3] + sustained * has]);
      }
      return g;
    });
    const pooled = (pick: readonly number[]) => {
      const sum = new Map<string, [number, number, number, number]>();
      for (const i of pick)
        for (const [k, t] of reps[i]!) {
          const a = sum.get(k) ?? [0, 0, 0, 0];
          sum.set(k, [a[0] + t[0], a[1] + t[1], a[2] + t[2], a[3] + t[3]]);
        }
      let observed = 0;
      let expected = 0;
      let survivors = 0;
      for (const [n, has, sus, susHas] of sum.values()) {
        observed += susHas;
        expected += sus * (has / n);
        survivors += sus;
      }
      return { observed, expected, survivors };
    };
    const all = reps.map((_, i) => i);
    const { observed, expected, survivors } = pooled(all);
    const ratio = expected > 0 ? observed / expected : Number.NaN;
    const rng = designRng(s.seed, `p6c-bootstrap-${f.label}`);
    // A resample in which no adopted service has the feature, or none
    // survives, has nothing expected and no ratio: it is dropped from the
    // percentiles and counted in the reading (NaN would corrupt the sort).
    const ratios: number[] = [];
    let undefinedResamples = 0;
    for (let b = 0; b < BOOTSTRAP && reps.length > 0; b++) {
      const x = pooled(all.map(() => uniformIndex(rng, reps.length)));
      if (x.expected > 0) ratios.push(x.observed / x.expected);
      else undefinedResamples++;
    }
    ratios.sort((a, b) => a - b);
    const q = (p: number) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.floor(p * ratios.length)))] ?? Number.NaN;
    const share = wilson(observed, survivors);
    parts.push(
      `${f.label}: ${ci(share.p, share.low, share.high, (v) => toDecimal(v, 2))} of survivors; ` +
        `${observed} survivors with it vs ${toDecimal(expected, 1)} expected within governance, ratio ${ci(ratio, q(0.025), q(0.975), (v) => toDecimal(v, 2))}` +
        (undefinedResamples > 0 ? ` (${undefinedResamples} of ${BOOTSTRAP} resamples with nothing expected dropped)` : ''),
    );
    ok &&= survivors > 0 && share.p > MOSTLY && q(0.025) > 1;
  }
  return { measured: parts.join('; '), pass: ok };
}

function pair(sustained: Ensemble, vendor: Ensemble): Reading {
  const a = shareOutcome(sustained, STYLIZED.agencyService, ['sustained']);
  const b = shareOutcome(vendor, STYLIZED.vendorPilot, ['discontinued']);
  return { measured: `${ci(a.p, a.low, a.high)}; ${ci(b.p, b.low, b.high)}`, pass: a.p >= STYLIZED_BAND.sustained && b.p >= STYLIZED_BAND.discontinued };
}

export const p06: PatternCheck = {
  ids: ['P6a', 'P6b', 'P6c'],
  title: 'What survivors have in common',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const s = ctx.scenario('bekasi');
    const kase = await ctx.run(s, ctx.replications, ctx.replications);
    const swap = await ctx.run(ctx.scenario('bekasi', swapped(s)), ctx.replications, 0);
    const loose = await ctx.run(ctx.scenario('bekasi', unembedded(s)), ctx.replications, 0);
    const noIntegration = await ctx.run(ctx.scenario('bekasi', unintegrated(s)), ctx.replications, 0);
    const noAnchoring = await ctx.run(ctx.scenario('bekasi', unanchored(s)), ctx.replications, 0);
    const [integrated, anchored] = embedding(s) as [Feature, Feature];
    const sustained = await ctx.run(ctx.scenario('sustained'), ctx.replications, 0);
    const vendor = await ctx.run(ctx.scenario('vendor'), ctx.replications, 0);
    const vendorScenario = ctx.scenario('vendor');
    const vendorKept = await ctx.run(ctx.scenario('vendor', pilotsKept(vendorScenario)), ctx.replications, 0);
    const mature = new Set(matureServices(s).map((x) => x.id));
    return [
      {
        id: 'P6a',
        pattern: 'Survivors are mostly agency-owned and budgeted',
        metric:
          'every service and replication: share of the services sustained at the horizon with each feature vs share among the other adopted services ' +
          '(agency-owned: not vendor-owned; budgeted: city or national funding, as the scenario declares them)',
        target: `for each feature, more than ${MOSTLY} of survivors, and the survivors' 95 % interval above the others'`,
        case: survivors(kase, s, governance()),
        controls: [
          {
            variant: 'ownership and funding swapped between services (vendor pilots agency-owned and budgeted, the others vendor pilots); features read as shipped',
            why: 'if survival follows governance, the survivors are now the services shipped as vendor pilots',
            ...survivors(swap, s, governance()),
          },
        ],
        note: 'champions are an agency\'s, not a service\'s, and are not in the per-service outcome: not measured here (the hazard multiplier m_champion is tested in the model tests)',
      },
      {
        id: 'P6b',
        pattern: 'The stylized pair separates: agency-owned service sustained, vendor pilot discontinued',
        metric: `${STYLIZED.agencyService}: share of replications sustained; ${STYLIZED.vendorPilot}: share discontinued`,
        target: `at least ${toDecimal(STYLIZED_BAND.sustained, 2)} and at least ${toDecimal(STYLIZED_BAND.discontinued, 2)}`,
        case: pair(sustained, vendor),
        controls: [
          {
            variant: 'the vendor pilot taken over by the city, its vendor\'s contract not ending',
            why: 'removes the funding structure that ends the pilot',
            ...pair(sustained, vendorKept),
          },
        ],
      },
      {
        id: 'P6c',
        pattern: 'Survivors are mostly integrated and anchored',
        metric:
          `the ${mature.size} services with ${ATTRITION_MONTHS} months of history, every replication, features integrated (declared integrated with a platform) and anchored (named by a regulation): ` +
          'share of the services sustained at the horizon with each feature, and their number against the number expected within governance ' +
          '(grouped by agency-owned x budgeted as P6a; expected: survivors of each group times the feature\'s share among its adopted services)',
        target: `for each feature, more than ${MOSTLY} of survivors, and observed / expected above 1 (lower 95 % bound, percentile bootstrap over replications)`,
        case: survivorsWithinGovernance(kase, s, embedding(s), mature),
        controls: [
          {
            variant: 'no service integrated, no regulation anchoring any service; features read as shipped',
            why: 'without integration and anchoring they cannot protect the services shipped with them',
            ...survivorsWithinGovernance(loose, s, embedding(s), mature),
          },
          {
            variant: 'no service integrated (anchoring as shipped); the integrated feature read as shipped',
            why: 'integration\'s own control: without it, integration cannot protect the services shipped with it',
            ...survivorsWithinGovernance(noIntegration, s, [integrated], mature),
          },
          {
            variant: 'no regulation anchoring any service (integration as shipped); the anchored feature read as shipped',
            why: 'anchoring\'s own control: without it, anchoring cannot protect the services shipped with it',
            ...survivorsWithinGovernance(noAnchoring, s, [anchored], mature),
          },
        ],
        notEvidence: P6C_NOT_EVIDENCE,
      },
    ];
  },
};
