/**
 * Cross-reference checks, run after the shape check of `schema.ts` passed.
 *
 * The schema says each field has the right type; this file says the fields
 * agree with each other: ids are unique, every reference names something
 * that exists, event months lie inside the horizon, leaders are in order,
 * translation weights sum to 1 and the network has what its type needs.
 * Every problem is returned (not only the first), as issue drafts with a
 * field path; `parse.ts` places them on a line of the file.
 *
 * It also owns the facts the model must share with these checks: the ids of
 * generated agencies (`generatedOpdIds`, `opdIds`) and the resolved
 * parameter values (`resolveParameters`).
 */
import { monthIndex, lastMonth } from './calendar.js';
import { MAX_AGENCIES, MAX_NETWORK_LINKS, MAX_PAIR_DRAWS } from './limits.js';
import { draft, formatChoices, formatFound, type IssueDraft } from '../messages/catalog.js';
import { PARAMETER_DEFAULTS, TRANSLATION_WEIGHTS, type Parameters } from './parameters.js';
import type { NetworkGeneratorSpec, Scenario } from './schema.js';
import { editDistance, suggestReference } from './suggest.js';
import { CATEGORIES, CATEGORY_Z_BANDS, OPD_TYPES, categoryOfZ } from './vocabulary.js';

type Path = (string | number)[];

/**
 * Ids of the generated agencies: `<id_prefix>1` .. `<id_prefix><count>`
 * (1-based, no zero padding), e.g. `opd1`..`opd40`. An explicit `opds.list`
 * entry with one of these ids overrides that generated agency (MODEL.md 5).
 */
export function generatedOpdIds(scenario: Pick<Scenario, 'opds'>): string[] {
  const generate = scenario.opds.generate;
  if (generate === undefined) return [];
  return Array.from({ length: generate.count }, (_, i) => `${generate.id_prefix}${i + 1}`);
}

/**
 * Every agency id in model order: the generated ids first (an explicit entry
 * with the same id takes that place), then the other explicit ids in list
 * order. Duplicates inside `opds.list` are reported by the checks and kept
 * once here.
 */
export function opdIds(scenario: Pick<Scenario, 'opds'>): string[] {
  const ids = generatedOpdIds(scenario);
  const seen = new Set(ids);
  for (const entry of scenario.opds.list ?? []) {
    if (!seen.has(entry.id)) {
      seen.add(entry.id);
      ids.push(entry.id);
    }
  }
  return ids;
}

/**
 * Every parameter of MODEL.md section 11: the defaults of `PARAMETER_SPECS`
 * overlaid by the scenario's `parameters:`.
 */
/** A leader's id; MODEL.md gives leaders none, so unnamed ones are leader-<n> (1-based). */
export function leaderId(leader: { id?: string | undefined }, index: number): string {
  return leader.id ?? `leader-${index + 1}`;
}

/** A regulation's id; unnamed ones are regulation-<n> (1-based). */
export function regulationId(regulation: { id?: string | undefined }, index: number): string {
  return regulation.id ?? `regulation-${index + 1}`;
}

/** The coordinating OPD: the top-level `coordinator`, or the one OPD marked `coordinator: true`. */
export function coordinatorId(scenario: Pick<Scenario, 'coordinator' | 'opds'>): string | undefined {
  return scenario.coordinator ?? scenario.opds.list?.find((o) => o.coordinator === true)?.id;
}

export function resolveParameters(scenario: Pick<Scenario, 'parameters'>): Parameters {
  const resolved: Parameters = { ...PARAMETER_DEFAULTS };
  for (const [name, value] of Object.entries(scenario.parameters)) {
    if (value !== undefined) resolved[name] = value === 'off' ? null : value;
  }
  return resolved;
}

const OPD_TYPE_SET: ReadonlySet<string> = new Set(OPD_TYPES);


/** All cross-reference problems of a scenario whose shape is valid. */
export function checkCrossReferences(scenario: Scenario): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const push = (issue: IssueDraft): void => {
    issues.push(issue);
  };

  // --- ids -------------------------------------------------------------
  const opds = opdIds(scenario);
  const opdSet = new Set(opds);
  checkOpds(scenario, push);
  // The generated agencies and the listed ones that replace none of them: together at most MAX_AGENCIES
  // (the schema holds opds.generate.count to it alone).
  if (opds.length > MAX_AGENCIES) {
    push(draft('too_many_agencies', [MAX_AGENCIES.toLocaleString('en-US'), "generated and listed together"], ['opds'], { found: `${opds.length.toLocaleString('en-US')} agencies` }));
  }
  uniqueIds('OPD', scenario.opds.list ?? [], ['opds', 'list'], push);
  uniqueIds('innovation', scenario.innovations, ['innovations'], push);
  uniqueIds('vendor', scenario.vendors, ['vendors'], push);
  uniqueIds('platform', scenario.platforms, ['platforms'], push);
  uniqueIds('leader', scenario.leaders.map((l, i) => ({ id: leaderId(l, i) })), ['leaders'], push);
  uniqueIds('regulation', scenario.regulations.map((r, i) => ({ id: regulationId(r, i) })), ['regulations'], push);

  const innovationIds = scenario.innovations.map((x) => x.id);
  const vendorIds = scenario.vendors.map((x) => x.id);
  const platformIds = scenario.platforms.map((x) => x.id);
  const ref = refChecker(push);
  const opdOrType = (value: string, path: Path): void => {
    if (!opdSet.has(value) && !OPD_TYPE_SET.has(value)) {
      push(
        draft('unknown_reference', ['OPD id or type', value, suggestOpdOrType(value, opds)], path, {
          expected: `an OPD id or a type (${OPD_TYPES.join(', ')})`,
          found: formatFound(value),
        }),
      );
    }
  };

  // --- references --------------------------------------------------------
  const hasCoordinator = coordinatorId(scenario) !== undefined;
  const marked = (scenario.opds.list ?? []).map((o, i) => [o, i] as const).filter(([o]) => o.coordinator === true);
  marked.forEach(([o, i]) => {
    if (marked.length > 1 || (scenario.coordinator !== undefined && scenario.coordinator !== o.id)) {
      push(draft('coordinator_conflict', [], ['opds', 'list', i, 'coordinator'], { expected: 'one coordinating agency', found: formatFound(o.id) }));
    }
  });
  if (scenario.coordinator !== undefined) ref('OPD', scenario.coordinator, opds, ['coordinator']);
  const net = scenario.network;
  if (net.hub !== undefined) ref('OPD', net.hub, opds, ['network', 'hub']);
  (net.edges ?? []).forEach(([a, b], i) => {
    ref('OPD', a, opds, ['network', 'edges', i, 0]);
    ref('OPD', b, opds, ['network', 'edges', i, 1]);
    if (a === b) push(draft('edge_self_loop', [a], ['network', 'edges', i], { found: formatFound([a, b]) }));
  });

  scenario.innovations.forEach((inn, i) => {
    const at = (...rest: Path): Path => ['innovations', i, ...rest];
    (inn.eligible ?? []).forEach((v, j) => opdOrType(v, at('eligible', j)));
    if (inn.vendor !== undefined) ref('vendor', inn.vendor, vendorIds, at('vendor'));
    if (inn.platform !== undefined) ref('platform', inn.platform, platformIds, at('platform'));
    (inn.initial_adopters ?? []).forEach((v, j) => opdOrType(v, at('initial_adopters', j)));
    if (inn.owner === 'coordinator' && !hasCoordinator) {
      push(draft('coordinator_required', ['owner "coordinator"'], at('owner'), { found: '"coordinator"' }));
    }
    if (inn.funding === 'pilot' && inn.pilot_months === undefined) {
      push(draft('pilot_months_required', [inn.id], at('pilot_months'), { expected: 'an integer >= 1' }));
    }
  });

  scenario.platforms.forEach((platform, i) => {
    const path: Path = ['platforms', i, 'custodian'];
    if (platform.custodian === 'coordinator') {
      if (!hasCoordinator) {
        push(draft('coordinator_required', ['custodian "coordinator"'], path, { found: '"coordinator"' }));
      }
    } else if (custodianVendorId(platform.custodian, vendorIds) === undefined) {
      push(
        draft('unknown_reference', ['custodian', platform.custodian], path, {
          expected: `a vendor id, "coordinator", or "vendor" when exactly one vendor is listed${vendorIds.length > 0 ? ` (vendors: ${formatChoices(vendorIds)})` : ''}`,
          found: formatFound(platform.custodian),
        }),
      );
    }
  });

  scenario.regulations.forEach((reg, i) => {
    reg.anchors.forEach((v, j) => ref('innovation', v, innovationIds, ['regulations', i, 'anchors', j]));
    (reg.applies_to ?? []).forEach((v, j) => opdOrType(v, ['regulations', i, 'applies_to', j]));
  });
  scenario.leaders.forEach((leader, i) => {
    leader.sponsors.forEach((v, j) => ref('innovation', v, innovationIds, ['leaders', i, 'sponsors', j]));
    (leader.sponsored ?? []).forEach((v, j) => ref('innovation', v, innovationIds, ['leaders', i, 'sponsored', j]));
  });
  scenario.initial_adopters.forEach((entry, i) => {
    ref('innovation', entry.innovation, innovationIds, ['initial_adopters', i, 'innovation']);
    (entry.opds ?? []).forEach((v, j) => opdOrType(v, ['initial_adopters', i, 'opds', j]));
    if (entry.opd !== undefined) opdOrType(entry.opd, ['initial_adopters', i, 'opd']);
    if (entry.opd === undefined && entry.opds === undefined) {
      push(draft('missing_field', ['opds'], ['initial_adopters', i], { expected: 'opds (a list of OPD ids or types) or opd' }));
    }
  });

  // --- months --------------------------------------------------------------
  checkMonths(scenario, push);

  // --- parameters ------------------------------------------------------------
  const params = resolveParameters(scenario);
  const sum = TRANSLATION_WEIGHTS.reduce((s, name) => s + (params[name] ?? 0), 0);
  if (Math.abs(sum - 1) > 1e-9) {
    push(
      draft('translation_weights_sum', [], ['parameters'], {
        expected: 'a sum of 1',
        found: String(Number(sum.toPrecision(12))),
      }),
    );
  }

  // A pinned Rogers category draws theta inside its z-band (MODEL.md 2.3), so
  // the band must reach into [0, 1] under theta_mean and theta_sd.
  const mean = params['theta_mean'] ?? 0.5;
  const sd = params['theta_sd'] ?? 0.15;
  (scenario.opds.list ?? []).forEach((o, i) => {
    if (o.category === undefined || o.theta !== undefined) return;
    const [zlo, zhi] = CATEGORY_Z_BANDS[CATEGORIES.indexOf(o.category)]!;
    const lo = Math.max(0, mean + zlo * sd);
    const hi = Math.min(1, mean + zhi * sd);
    if (!(lo < hi) && !(sd === 0 && zlo <= 0 && 0 < zhi)) {
      push(
        draft('category_band_empty', [o.category], ['opds', 'list', i, 'category'], {
          expected: 'a category whose theta band overlaps [0, 1] (or an explicit theta)',
          found: bandFound(mean, sd, zlo, zhi),
        }),
      );
    }
  });

  // --- network -------------------------------------------------------------
  checkNetwork(scenario, opds.length, push);
  return issues;
}

/**
 * What category_band_empty found: the category's theta band, an end at
 * infinity written ∞ (innovators and laggards have an open z-band); with
 * theta_sd 0 there is no band but one value (and -∞ × 0 is NaN), so it is
 * said in words.
 */
function bandFound(mean: number, sd: number, zlo: number, zhi: number): string {
  if (sd === 0) return `theta_sd 0: every theta is theta_mean (${mean.toFixed(3)}), in the ${CATEGORIES[categoryOfZ(0)]!} band`;
  const end = (v: number) => (v === Infinity ? '∞' : v === -Infinity ? '-∞' : v.toFixed(3));
  return `theta band [${end(mean + zlo * sd)}, ${end(mean + zhi * sd)})`;
}

/**
 * The suggestion for a field that takes agency ids and types (eligible,
 * applies_to, initial adopters): the agency id suggestReference finds, or a
 * type one edit away (`dinass`, `sekretariat`) when no agency id is as
 * close. A type further off is not offered: accepting it for a mistyped or
 * missing agency (`dinas` for `dinsos`) would widen the reference to every
 * agency of the type. A field that takes only agency ids suggests agencies
 * only (refChecker).
 */
export function suggestOpdOrType(value: string, opds: readonly string[]): string | undefined {
  const agency = suggestReference(value, opds);
  const v = value.toLowerCase();
  const type = OPD_TYPES.find((t) => editDistance(v, t) <= 1);
  if (type === undefined) return agency;
  return agency === undefined || editDistance(v, agency.toLowerCase()) > editDistance(v, type) ? type : agency;
}

function refChecker(push: (issue: IssueDraft) => void) {
  return (kind: string, value: string, known: readonly string[], path: Path): void => {
    if (known.includes(value)) return;
    push(
      draft('unknown_reference', [kind, value, suggestReference(value, known)], path, {
        expected: known.length === 0 ? `a ${kind} id, but none is defined` : `one of ${formatChoices(known)}`,
        found: formatFound(value),
      }),
    );
  };
}

function uniqueIds(
  kind: string,
  items: readonly { id: string }[],
  at: Path,
  push: (issue: IssueDraft) => void,
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, i);
    else {
      push(
        draft('duplicate_id', [kind, item.id], [...at, i, 'id'], {
          expected: `an id not used before (already used at index ${earlier})`,
          found: formatFound(item.id),
        }),
      );
    }
  });
}

function checkOpds(scenario: Scenario, push: (issue: IssueDraft) => void): void {
  const generate = scenario.opds.generate;
  const list = scenario.opds.list ?? [];
  if ((generate?.count ?? 0) === 0 && list.length === 0) {
    push(draft('no_opds', [], ['opds'], { expected: 'at least one agency' }));
  }
  if (generate !== undefined && generate.count > 0 && generate.types !== undefined) {
    const total = Object.values(generate.types).reduce((s: number, w) => s + (w ?? 0), 0);
    if (total <= 0) {
      push(
        draft('type_mix_empty', [], ['opds', 'generate', 'types'], {
          expected: 'at least one weight > 0',
          found: formatFound(generate.types),
        }),
      );
    }
  }
  list.forEach((entry, i) => {
    if (OPD_TYPE_SET.has(entry.id)) {
      push(
        draft('opd_id_is_type', [entry.id], ['opds', 'list', i, 'id'], {
          expected: `an id other than ${OPD_TYPES.join(', ')}`,
          found: formatFound(entry.id),
        }),
      );
    }
  });
}

/** Event months in [start, start+months-1]; end months not before start; from <= to. */
function checkMonths(scenario: Scenario, push: (issue: IssueDraft) => void): void {
  const { start, months } = scenario;
  const last = lastMonth(start, months);
  const range = `a month in ${start}..${last}`;

  const event = (value: string | undefined, path: Path): void => {
    if (value === undefined) return;
    const m = monthIndex(start, value);
    if (m < 1 || m > months) {
      push(draft('month_outside_horizon', [String(path[path.length - 1])], path, { expected: range, found: formatFound(value) }));
    }
  };
  const end = (value: string | undefined, path: Path): void => {
    if (value === undefined) return;
    if (monthIndex(start, value) < 1) {
      push(
        draft('month_before_start', [String(path[path.length - 1])], path, {
          expected: `a month from ${start} on`,
          found: formatFound(value),
        }),
      );
    }
  };
  const ordered = (from: string, to: string | undefined, path: Path): void => {
    if (to !== undefined && monthIndex(from, to) < 1) {
      push(draft('month_order', ['from', 'to'], path, { expected: `a month from ${from} on`, found: formatFound(to) }));
    }
  };

  // A leader may have taken office before the start (the sitting mayor), not after the horizon.
  scenario.leaders.forEach((leader, i) => {
    if (monthIndex(start, leader.from) > scenario.months) {
      push(
        draft('month_outside_horizon', ['from'], ['leaders', i, 'from'], {
          expected: `a month up to ${lastMonth(start, scenario.months)}`,
          found: formatFound(leader.from),
        }),
      );
    }
    end(leader.to, ['leaders', i, 'to']);
    ordered(leader.from, leader.to, ['leaders', i, 'to']);
  });
  scenario.regulations.forEach((reg, i) => {
    event(reg.from, ['regulations', i, 'from']);
    end(reg.to, ['regulations', i, 'to']);
    ordered(reg.from, reg.to, ['regulations', i, 'to']);
  });
  scenario.budget_shocks.forEach((shock, i) => {
    event(shock.from, ['budget_shocks', i, 'from']);
    event(shock.to, ['budget_shocks', i, 'to']);
    ordered(shock.from, shock.to, ['budget_shocks', i, 'to']);
    for (let j = 0; j < i; j++) {
      const other = scenario.budget_shocks[j];
      if (other === undefined) continue;
      const overlaps = monthIndex(other.from, shock.to) >= 1 && monthIndex(shock.from, other.to) >= 1;
      if (overlaps) {
        push(
          draft('budget_shocks_overlap', [j], ['budget_shocks', i], {
            expected: 'windows that do not overlap',
            found: `${shock.from}..${shock.to} and ${other.from}..${other.to}`,
          }),
        );
        break;
      }
    }
  });
  scenario.innovations.forEach((inn, i) => {
    event(inn.launch, ['innovations', i, 'launch']);
    event(inn.integrated_from, ['innovations', i, 'integrated_from']);
  });
  scenario.vendors.forEach((v, i) => end(v.contract_end, ['vendors', i, 'contract_end']));
  scenario.platforms.forEach((p, i) => end(p.active_until, ['platforms', i, 'active_until']));

  // Leaders in order of taking office. The last one to take office by the
  // start is in office in month 1; before any leader takes office there is none.
  const leaders = scenario.leaders;
  for (let i = 1; i < leaders.length; i++) {
    const prev = leaders[i - 1];
    const cur = leaders[i];
    if (prev === undefined || cur === undefined) continue;
    const step = monthIndex(prev.from, cur.from);
    if (step === 1) {
      push(
        draft('leaders_same_month', [leaderId(prev, i - 1)], ['leaders', i, 'from'], {
          expected: `a month after ${prev.from}`,
          found: formatFound(cur.from),
        }),
      );
    } else if (step < 1) {
      push(
        draft('leaders_order', [], ['leaders', i, 'from'], {
          expected: `a month after ${prev.from} (leaders[${i - 1}])`,
          found: formatFound(cur.from),
        }),
      );
    }
  }
}

/** The generator parameter that sets a network's density, by type. */
const DENSITY_PARAM = { 'small-world': 'degree', 'erdos-renyi': 'mean_degree', 'scale-free': 'links' } as const;

/**
 * Undirected links generator `type` stores among `m` agencies with density
 * parameter `value` (network.ts): a small world's ring m * floor(degree / 2)
 * (rewiring moves links, never adds one), an Erdos-Renyi graph's expected
 * m * mean_degree / 2, a scale-free graph's complete seed of links + 1
 * agencies and `links` more for each later one; at most every pair. An upper
 * bound but for the Erdos-Renyi draw.
 */
function generatorLinks(type: keyof typeof DENSITY_PARAM, m: number, value: number): number {
  const pairs = (m * (m - 1)) / 2;
  if (type === 'small-world') return Math.min(m * Math.floor(value / 2), pairs);
  if (type === 'erdos-renyi') return Math.min((m * value) / 2, pairs);
  const seed = Math.min(m, value + 1);
  return Math.min((seed * (seed - 1)) / 2 + (m - seed) * value, pairs);
}

/**
 * Links the peer network of a valid scenario stores (network.ts
 * buildNetwork): none for a complete one (every pair linked, nothing
 * stored), else its generator's, a hub's link to each other agency and the
 * explicit edges.
 */
export function networkLinks(scenario: Pick<Scenario, 'network' | 'opds'> & Partial<Pick<Scenario, 'coordinator'>>, n = opdIds(scenario).length): number {
  const net = scenario.network;
  if (net.type === 'complete' || (net.type === 'hub' && net.among?.type === 'complete')) return 0;
  const gen = net.type === 'hub' ? net.among : net;
  const m = net.type === 'hub' ? Math.max(0, n - 1) : n;
  let links = (net.edges?.length ?? 0) + (net.type === 'hub' ? m : 0);
  if (gen !== undefined && gen.type in DENSITY_PARAM) {
    const type = gen.type as keyof typeof DENSITY_PARAM;
    links += generatorLinks(type, m, gen[DENSITY_PARAM[type]] ?? 0);
  }
  return links;
}

/**
 * At most MAX_NETWORK_LINKS links in the network: the largest density
 * parameter of the generator at `at` among `m` agencies that keeps them
 * within it, beside `extra` links (a hub's, the explicit edges), is what
 * the field takes. Checked once the parameter is below the agency count;
 * true when the links fit.
 */
function checkNetworkLinks(gen: NetworkGeneratorSpec, m: number, extra: number, at: Path, push: (issue: IssueDraft) => void): boolean {
  if (!(gen.type in DENSITY_PARAM)) return true;
  const type = gen.type as keyof typeof DENSITY_PARAM;
  const param = DENSITY_PARAM[type];
  const value = gen[param];
  const budget = MAX_NETWORK_LINKS - extra;
  if (value === undefined || generatorLinks(type, m, value) <= budget) return true;
  let expected: string;
  if (type === 'small-world') expected = `an even integer <= ${2 * Math.floor(Math.max(0, budget) / m)}`;
  else if (type === 'erdos-renyi') expected = `a number <= ${Math.floor((2 * Math.max(0, budget)) / m)}`;
  else {
    // The links of a scale-free graph grow with `links` (below m): the largest that fits, by bisection.
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (generatorLinks(type, m, mid) <= budget) lo = mid;
      else hi = mid - 1;
    }
    expected = `an integer <= ${lo}`;
  }
  const links = Math.round(extra + generatorLinks(type, m, value)).toLocaleString('en-US');
  push(draft('network_too_many_links', [param, links, MAX_NETWORK_LINKS.toLocaleString('en-US')], [...at, param], { expected, found: String(value) }));
  return false;
}

/** Pair draws of an Erdos-Renyi generator among `m` agencies (network.ts erdosRenyi draws every pair); none for another. */
function generatorPairDraws(gen: NetworkGeneratorSpec, m: number): number {
  return gen.type === 'erdos-renyi' && m > 1 ? (m * (m - 1)) / 2 : 0;
}

/**
 * Pair draws the peer network of a valid scenario takes when it is built
 * (every replication): an Erdos-Renyi generator's n * (n - 1) / 2 among its
 * agencies (a hub's: the others), none for another type.
 */
export function networkPairDraws(scenario: Pick<Scenario, 'network' | 'opds'> & Partial<Pick<Scenario, 'coordinator'>>, n = opdIds(scenario).length): number {
  const net = scenario.network;
  if (net.type === 'hub') return net.among === undefined ? 0 : generatorPairDraws(net.among, Math.max(0, n - 1));
  return generatorPairDraws(net, n);
}

/** The most agencies an Erdos-Renyi network may have: the largest n with n * (n - 1) / 2 <= MAX_PAIR_DRAWS. */
export function maxErdosRenyiAgencies(): number {
  let n = Math.floor((1 + Math.sqrt(1 + 8 * MAX_PAIR_DRAWS)) / 2);
  while ((n * (n - 1)) / 2 > MAX_PAIR_DRAWS) n--;
  while (((n + 1) * n) / 2 <= MAX_PAIR_DRAWS) n++;
  return n;
}

/**
 * At most MAX_PAIR_DRAWS pair draws for an Erdos-Renyi generator at `at`
 * among `m` agencies: refused at its type, naming the agencies and the most
 * that fit (a small world or a scale-free graph costs in proportion to its
 * links). Checked once its links fit (one problem per network).
 */
function checkPairDraws(gen: NetworkGeneratorSpec, m: number, at: Path, push: (issue: IssueDraft) => void): void {
  if (generatorPairDraws(gen, m) <= MAX_PAIR_DRAWS) return;
  const fits = maxErdosRenyiAgencies().toLocaleString('en-US');
  push(
    draft('network_too_many_pairs', [m.toLocaleString('en-US'), fits, MAX_PAIR_DRAWS.toLocaleString('en-US')], [...at, 'type'], {
      expected: `small-world or scale-free, or erdos-renyi among at most ${fits} agencies`,
      found: `"erdos-renyi" among ${m.toLocaleString('en-US')} agencies`,
    }),
  );
}

/** The parameters each network type needs, for `n` agencies. */
function checkNetwork(scenario: Scenario, n: number, push: (issue: IssueDraft) => void): void {
  const net = scenario.network;
  const edges = net.edges?.length ?? 0;
  if (net.type === 'hub') {
    if (net.hub === undefined && coordinatorId(scenario) === undefined) {
      push(draft('network_hub_missing', [], ['network', 'hub'], { expected: 'an OPD id' }));
    }
    if (net.among === undefined) {
      push(draft('network_param_missing', ['hub', 'among'], ['network', 'among'], { expected: 'a network generator' }));
    } else if (net.among.type === 'hub') {
      push(
        draft('network_nested_hub', [], ['network', 'among', 'type'], {
          expected: 'complete, erdos-renyi, small-world, scale-free or none',
          found: '"hub"',
        }),
      );
    } else if (checkGenerator(net.among, n - 1, ['network', 'among'], push) && checkNetworkLinks(net.among, n - 1, n - 1 + edges, ['network', 'among'], push)) {
      checkPairDraws(net.among, n - 1, ['network', 'among'], push);
    }
    return;
  }
  if (checkGenerator(net, n, ['network'], push) && checkNetworkLinks(net, n, edges, ['network'], push)) checkPairDraws(net, n, ['network'], push);
}

/** The generator's parameters for `n` agencies: true when its density parameter is not too large for them. */
function checkGenerator(
  gen: NetworkGeneratorSpec,
  n: number,
  at: Path,
  push: (issue: IssueDraft) => void,
): boolean {
  const missing = (param: string, expected: string): void => {
    push(draft('network_param_missing', [gen.type, param], [...at, param], { expected }));
  };
  let fits = true;
  const tooDense = (param: string, value: number, expected: string): void => {
    fits = false;
    push(draft('network_too_dense', [param, n], [...at, param], { expected, found: String(value) }));
  };
  switch (gen.type) {
    case 'small-world':
      if (gen.degree === undefined) missing('degree', 'an even integer >= 0');
      else {
        if (gen.degree % 2 !== 0) {
          push(draft('network_degree_odd', [], [...at, 'degree'], { expected: 'an even integer', found: String(gen.degree) }));
        }
        if (n > 0 && gen.degree >= n) tooDense('degree', gen.degree, `an even integer < ${n}`);
      }
      if (gen.rewire === undefined) missing('rewire', 'a number in [0,1]');
      break;
    case 'erdos-renyi':
      if (gen.mean_degree === undefined) missing('mean_degree', 'a number >= 0');
      else if (n > 0 && gen.mean_degree > n - 1) tooDense('mean_degree', gen.mean_degree, `a number <= ${n - 1}`);
      break;
    case 'scale-free':
      if (gen.links === undefined) missing('links', 'an integer >= 1');
      else if (n > 0 && gen.links >= n) tooDense('links', gen.links, `an integer < ${n}`);
      break;
    case 'complete':
    case 'none':
    case 'hub':
      break;
  }
  return fits;
}

/**
 * The vendor in custody of a platform. MODEL.md writes the custodian as
 * "vendor or coordinator", so besides a vendor id the word `vendor` is
 * accepted when the scenario lists exactly one vendor (a vendor whose id is
 * literally "vendor" takes precedence). Undefined when it names no vendor.
 */
export function custodianVendorId(custodian: string, vendorIds: readonly string[]): string | undefined {
  if (vendorIds.includes(custodian)) return custodian;
  if (custodian === 'vendor' && vendorIds.length === 1) return vendorIds[0];
  return undefined;
}
