/**
 * The negative controls of P4b and P5b must remove what the mechanism
 * claims (docs/ODD.md section 12): "every service governed like smart
 * health" gives each service all of smart health's service governance, not only
 * owner and funding (which left services on the vendor's platform, shut in
 * 2019-03, unanchored, and replaced by the 2023 ban); champions are left as
 * shipped. "Every service a vendor pilot" lets the city take none over (a
 * taken-over pilot is on the city budget, the other regime); it is a sanity
 * check, out of band by construction, not a control that gives evidence.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { everyServiceGovernedLike, everyServiceVendorPilot } from '../../src/validation/measure.js';
import { BEKASI } from '../../src/validation/case.js';
import { verdict, type CheckRow } from '../../src/validation/check.js';

const FILE = join(import.meta.dirname, '../../scenarios/bekasi-2015-2025.yaml');
const bekasi = () => readScenarioFile(FILE).scenario;

describe('P4b / P5b controls', () => {
  it('every service governed like smart health: owned, budgeted, on its platform, integrated from launch, anchored; champions as shipped', () => {
    const s = bekasi();
    const model = s.innovations.find((x) => x.id === BEKASI.agencyOwnedSuccess)!;
    const o = everyServiceGovernedLike(s, BEKASI.agencyOwnedSuccess)!;
    const v = readScenarioFile(FILE, o).scenario;
    // Champions are an agency's, not a service's governance, and the ablation showed they decide nothing here (docs/ODD.md section 12).
    expect(Object.keys(o).filter((k) => k.startsWith('parameters.'))).toEqual([]);
    expect([v.parameters.champion_probability, v.parameters.champion_rotation]).toEqual([s.parameters.champion_probability, s.parameters.champion_rotation]);
    for (const x of v.innovations) {
      expect([x.id, x.owner, x.funding, x.platform, x.integrated_from, x.vendor, x.pilot_months]).toEqual([
        x.id, 'opd', 'apbd', model.platform, x.launch, undefined, undefined,
      ]);
    }
    // Every regulation that anchors smart health anchors every service; the others are untouched.
    for (const r of v.regulations) {
      const shipped = s.regulations.find((q) => q.id === r.id)!;
      if ((shipped.anchors ?? []).includes(model.id)) expect([...(r.anchors ?? [])].sort()).toEqual(s.innovations.map((x) => x.id).sort());
      else expect(r.anchors).toEqual(shipped.anchors);
    }
    // The city platform is not in a vendor's custody (it does not shut with a contract).
    expect(v.platforms.find((p) => p.id === model.platform)?.custodian).toBe('coordinator');
  });

  it('a model service missing from the scenario gives no control (the check then cannot be evidence)', () => {
    expect(everyServiceGovernedLike(bekasi(), 'no-such-service')).toBeNull();
  });

  it('every service a vendor pilot the city does not take over', () => {
    const s = bekasi();
    const v = readScenarioFile(FILE, everyServiceVendorPilot(s, 0)).scenario;
    for (const x of v.innovations) expect([x.owner, x.funding, x.pilot_months, x.takeover, x.vendor]).toEqual(['vendor', 'pilot', 36, 0, s.vendors[0]!.id]);
    // Without the argument the take-over stays the scenario's (takeover_vendor), as before.
    const w = readScenarioFile(FILE, everyServiceVendorPilot(s)).scenario;
    for (const x of w.innovations) expect(x.takeover).toBeUndefined();
  });
});

describe('verdict', () => {
  const row = (over: Partial<CheckRow> = {}): CheckRow => ({
    id: 'X',
    pattern: 'x',
    metric: 'x',
    target: 'x',
    case: { measured: 'x', pass: true },
    controls: [{ variant: 'v', why: 'w', measured: 'x', pass: false }],
    ...over,
  });
  const sanity = { variant: 'v', why: 'w', measured: 'x', pass: false, sanity: 'out of band by construction' };

  it('a sanity arm out of band is not a control: alone it gives no evidence, beside a real control it does not block', () => {
    expect(verdict(row())).toBe('pass');
    expect(verdict(row({ controls: [sanity] }))).toBe('not evidence');
    expect(verdict(row({ controls: [row().controls[0]!, sanity] }))).toBe('pass');
    expect(verdict(row({ controls: [row().controls[0]!, { ...sanity, pass: true }] }))).toBe('not evidence');
  });

  it('a known reason makes a passing check not evidence; a failing case still fails', () => {
    expect(verdict(row({ notEvidence: 'the control fails only at some seeds' }))).toBe('not evidence');
    expect(verdict(row({ notEvidence: 'r', case: { measured: 'x', pass: false } }))).toBe('FAIL');
  });
});
