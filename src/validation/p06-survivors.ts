/**
 * P6: survivors are mostly agency-owned, budgeted, integrated and anchored
 * (smart health is the case's instance). Measured over every service and
 * replication, not on one hand-configured service: among the services
 * sustained at the horizon, the share with each feature, against the share
 * among the services that were not; ownership and funding (P6a) apart from
 * integration and anchoring (P6c). Controls: ownership and funding swapped
 * between services (P6a), and no integration or anchoring at all (P6c),
 * with the features read from the shipped scenario: if survival follows
 * them, it must stop sorting by the shipped labels.
 *
 * P6b: the stylized pair separates (an agency-owned, budgeted, championed
 * service sustained; a vendor pilot discontinued). Control: the vendor
 * pilot taken over and its vendor's contract not ending.
 */
import type { Scenario } from '../scenario/schema.js';
import { wilson } from '../experiment/stats/wilson.js';
import type { Ensemble } from '../experiment/ensemble.js';
import { STYLIZED } from './case.js';
import { ci, type CheckContext, type CheckRow, type Overrides, type PatternCheck, type Reading } from './check.js';
import { pilotsKept, shareOutcome } from './measure.js';

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

/** No service integrated with a platform and no regulation anchoring any service. */
function unembedded(s: Scenario): Overrides {
  const o: Overrides = {};
  for (const x of s.innovations) if (x.integrated_from !== undefined) o[`innovations[id=${x.id}].integrated_from`] = null;
  for (const r of s.regulations) if ((r.anchors ?? []).length > 0) o[`regulations[id=${r.id}].anchors`] = [];
  return o;
}

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
    parts.push(`${f.label} ${ci(a.p, a.low, a.high, (v) => v.toFixed(2))} vs ${ci(b.p, b.low, b.high, (v) => v.toFixed(2))}`);
    ok &&= sustained > 0 && a.p > MOSTLY && a.low > b.high;
  }
  return { measured: parts.join('; '), pass: ok };
}

function pair(sustained: Ensemble, vendor: Ensemble): Reading {
  const a = shareOutcome(sustained, STYLIZED.agencyService, ['sustained']);
  const b = shareOutcome(vendor, STYLIZED.vendorPilot, ['discontinued']);
  return { measured: `${ci(a.p, a.low, a.high)}; ${ci(b.p, b.low, b.high)}`, pass: a.p >= 0.8 && b.p >= 0.7 };
}

export const p06: PatternCheck = {
  ids: ['P6a', 'P6b', 'P6c'],
  title: 'What survivors have in common',
  async measure(ctx: CheckContext): Promise<CheckRow[]> {
    const s = ctx.scenario('bekasi');
    const kase = await ctx.run(s, ctx.replications, ctx.replications);
    const swap = await ctx.run(ctx.scenario('bekasi', swapped(s)), ctx.replications, 0);
    const loose = await ctx.run(ctx.scenario('bekasi', unembedded(s)), ctx.replications, 0);
    const sustained = await ctx.run(ctx.scenario('sustained'), ctx.replications, 0);
    const vendor = await ctx.run(ctx.scenario('vendor'), ctx.replications, 0);
    const vendorScenario = ctx.scenario('vendor');
    const vendorKept = await ctx.run(ctx.scenario('vendor', pilotsKept(vendorScenario)), ctx.replications, 0);
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
        target: 'at least 0.80 and at least 0.70',
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
          'as P6a, with the features integrated (declared integrated with a platform) and anchored (named by a regulation)',
        target: `for each feature, more than ${MOSTLY} of survivors, and the survivors' 95 % interval above the others'`,
        case: survivors(kase, s, embedding(s)),
        controls: [
          {
            variant: 'no service integrated, no regulation anchoring any service; features read as shipped',
            why: 'without integration and anchoring they cannot protect the services shipped with them',
            ...survivors(loose, s, embedding(s)),
          },
        ],
      },
    ];
  },
};
