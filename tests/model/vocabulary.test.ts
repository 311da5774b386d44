/**
 * Scenario vocabulary written the way MODEL.md words it: leaders with
 * from/to and "sponsored" innovations, sitting mayors who took office before
 * the start, innovations with no vendor field, initial adopters given on the
 * innovation, `readopt_months: off`.
 */
import { describe, expect, it } from 'vitest';
import { Streams } from '../../src/engine/random.js';
import { initWorld } from '../../src/model/init.js';
import { step } from '../../src/model/step.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { resolveParameters } from '../../src/scenario/crossref.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { isLive } from '../../src/model/world.js';
import { ATTRS, model } from './helpers.js';

const service = { id: 's', owner: 'opd', funding: 'apbd', launch: '2020-01', ...ATTRS } as const;

describe('MODEL.md vocabulary', () => {
  it('a leader whose term ends (to) with no successor leaves the office vacant', () => {
    const m = model({
      months: 12,
      leaders: [{ id: 'mayor', from: '2020-01', to: '2020-06', commitment: 0.8 }],
      innovations: [service],
    });
    const w = initWorld(m, new Streams([1, 2]), true);
    expect(w.leader).toBe(0);
    expect(w.commitment).toBe(0.8);
    for (let month = 1; month <= 8; month++) step(w, month);
    expect(w.leader).toBe(-1);
    expect(w.commitment).toBe(0);
    expect(w.events!.filter((e) => e.kind.startsWith('leader')).map((e) => [e.month, e.kind, e.cause])).toEqual([[7, 'leader_vacancy', 'mayor']]);
  });

  it('the sitting mayor may have taken office before the start; "sponsored" counts like "sponsors"', () => {
    const m = model({
      leaders: [
        { id: 'old', from: '2013-01', commitment: 0.2 },
        { id: 'sitting', from: '2018-06', commitment: 0.7, sponsored: ['s'] },
      ],
      innovations: [service],
    });
    const w = initWorld(m, new Streams([1, 2]), true);
    expect(m.leaders[w.leader]!.id).toBe('sitting');
    expect(w.commitment).toBe(0.7);
    expect(w.sponsored[0]).toBe(1);
  });

  it('a vendor-owned innovation without a vendor field belongs to its platform custodian, or to the only vendor', () => {
    const pilot = { ...service, owner: 'vendor', funding: 'pilot', pilot_months: 12 } as const;
    const viaPlatform = model({
      vendors: [{ id: 'a' }, { id: 'b', contract_end: '2021-01' }],
      platforms: [{ id: 'p', custodian: 'b' }],
      innovations: [{ ...pilot, platform: 'p' }],
    });
    expect(viaPlatform.innovations[0]!.vendor).toBe(1);
    const only = model({ vendors: [{ id: 'solo' }], innovations: [pilot] });
    expect(only.innovations[0]!.vendor).toBe(0);
    const ambiguous = model({ vendors: [{ id: 'a' }, { id: 'b' }], innovations: [pilot] });
    expect(ambiguous.innovations[0]!.vendor).toBe(-1);
  });

  it('the vendor found that way takes its services along when its contract ends', () => {
    const m = model({
      months: 12,
      vendors: [{ id: 'solo', contract_end: '2020-06' }],
      innovations: [{ ...service, owner: 'vendor', initial_adopters: ['opd1', 'opd2', 'opd3'] }],
      parameters: { vendor_exit_discontinue: 1, h0_other: 0 },
    });
    const r = simulateReplication(m, 1, 0, { detail: true });
    const exits = r.events!.filter((e) => e.kind === 'discontinuance' && e.cause === 'vendor_exit');
    expect(exits.map((e) => e.month)).toEqual([6, 6, 6]);
  });

  it('a platform custodian written "vendor", as MODEL.md words it, is the only vendor listed', () => {
    const m = model({
      vendors: [{ id: 'solo', contract_end: '2020-06' }],
      platforms: [{ id: 'p', custodian: 'vendor' }],
      innovations: [{ ...service, owner: 'vendor', funding: 'pilot', pilot_months: 12, platform: 'p' }],
    });
    expect(m.platforms[0]!.custodianVendor).toBe(0);
    expect(m.innovations[0]!.vendor).toBe(0);
    // A vendor whose id is literally "vendor" is that vendor.
    const named = model({ vendors: [{ id: 'other' }, { id: 'vendor' }], platforms: [{ id: 'p', custodian: 'vendor' }], innovations: [service] });
    expect(named.platforms[0]!.custodianVendor).toBe(1);
  });

  it('initial adopters can be given on the innovation', () => {
    const m = model({ innovations: [{ ...service, launch: '2020-03', initial_adopters: ['opd2', 'opd5'] }] });
    const w = initWorld(m, new Streams([3, 4]), false);
    for (let month = 1; month <= 3; month++) step(w, month);
    expect(isLive(w.state[1 * w.k]!)).toBe(true);
    expect(isLive(w.state[4 * w.k]!)).toBe(true);
    expect(w.adoptedAt[1 * w.k]).toBe(3);
  });

  it('readopt_months accepts "off" as MODEL.md writes it', () => {
    const scenario = scenarioSchema.parse({
      name: 'x',
      start: '2020-01',
      months: 12,
      opds: { generate: { count: 2 } },
      innovations: [service],
      parameters: { readopt_months: 'off' },
    });
    expect(resolveParameters(scenario)['readopt_months']).toBeNull();
  });
});

describe('entities MODEL.md gives no id', () => {
  it('leaders and regulations may be written without ids (leader-<n>, regulation-<n>)', () => {
    const m = model({
      months: 24,
      leaders: [{ from: '2020-01', commitment: 0.7 }, { from: '2021-01' }],
      regulations: [{ from: '2020-06', strength: 0.5, anchors: ['s'] }],
      innovations: [service],
    });
    expect(m.leaders.map((l) => l.id)).toEqual(['leader-1', 'leader-2']);
    expect(m.regulations.map((r) => r.id)).toEqual(['regulation-1']);
    const r = simulateReplication(m, 1, 0, { detail: true });
    expect(r.events!.filter((e) => e.kind === 'leadership_change').map((e) => [e.month, e.cause])).toEqual([[13, 'leader-2']]);
  });
});

describe('the coordinator marked on its OPD', () => {
  it('coordinator: true on an OPD entry makes it the coordinating agency', () => {
    const m = model({
      opds: { list: [{ id: 'a' }, { id: 'kominfo', coordinator: true }, { id: 'b' }] },
      network: { type: 'hub', among: { type: 'none' } },
      innovations: [service],
    });
    expect(m.coordinator).toBe(1);
  });
});
