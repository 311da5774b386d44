/** P14's measurement (src/validation/p14-national.ts) on tallies whose answer is known, and its negative control. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { measureP14, p14ControlScenario } from '../../src/validation/p14-national.js';
import { nationalP14 } from '../../src/jobs/national.js';
import { nationalP14Control } from '../../src/jobs/p14-control.js';
import { nationalSchema } from '../../src/scenario/national-schema.js';

const counts = (success: number, partial: number, total_failure: number, replaced = 0) => ({ success, partial, total_failure, replaced });

describe('P14 national', () => {
  it("passes Heeks' own shares with a wide spread", () => {
    const r = measureP14({
      pooled: [{ service: 'a', counts: counts(15, 50, 35, 7) }, { service: '(all)', counts: counts(15, 50, 35, 7) }],
      spread: [{ governments: 100, sustain_most: 10, sustain_none: 30 }],
    });
    expect([r.all.success, r.all.partial, r.all.total_failure]).toEqual([0.15, 0.5, 0.35]);
    expect(r.pass).toBe(true);
  });

  it('fails on the totals alone, and on the spread alone', () => {
    const narrow = [{ governments: 100, sustain_most: 40, sustain_none: 1 }];
    const wide = [{ governments: 100, sustain_most: 10, sustain_none: 30 }];
    const heeks = [{ service: '(all)', counts: counts(15, 50, 35) }];
    const partialHeavy = [{ service: '(all)', counts: counts(6, 76, 18, 400) }];
    expect(measureP14({ pooled: heeks, spread: narrow })).toMatchObject({ totalsPass: true, spreadPass: false, pass: false });
    expect(measureP14({ pooled: partialHeavy, spread: wide })).toMatchObject({ totalsPass: false, spreadPass: true, pass: false });
  });

  it('leaves replaced services out of the shares and says so', () => {
    const r = measureP14({ pooled: [{ service: '(all)', counts: counts(1, 2, 1, 96) }], spread: [] });
    expect(r.all.classed).toBe(4);
    expect(r.all.success).toBe(0.25);
    expect(r.lines[0]).toContain('96 replaced left out');
  });
});

describe("P14's negative control (the mechanism removed, same seeds)", () => {
  const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));

  it('gives every national service the strongest actor-network, and leaves the input alone', () => {
    const input = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
    const before = JSON.stringify(input);
    const c = p14ControlScenario(input) as Record<string, any>;
    expect(JSON.stringify(input)).toBe(before);
    expect([c['seed'], c['replications']]).toEqual([input['seed'], input['replications']]);
    expect((c['governments'] as unknown[]).length).toBe((input['governments'] as unknown[]).length);
    expect(c['vendors']).toEqual([]);
    const services = c['innovations'] as Record<string, unknown>[];
    expect(services.length).toBe((input['innovations'] as unknown[]).length);
    for (const s of services) {
      expect(s).toMatchObject({ owner: 'opd', funding: 'national', sponsor: 'leader', platform: 'p14-control-platform' });
      expect(s['vendor']).toBeUndefined();
      expect(s['pilot_months']).toBeUndefined();
      const mandate = (c['national_regulations'] as Record<string, unknown>[]).find((r) => r['id'] === `p14-control-${s['id'] as string}`);
      expect(mandate).toMatchObject({ from: s['launch'], money: true, anchors: [s['id']] });
    }
    expect(c['parameters']).toMatchObject({ champion_probability: 1, champion_rotation: 0 });
    // It is a valid national scenario.
    expect(() => nationalSchema.parse(c)).not.toThrow();
  });

  it("sets the champions in a government's own parameters too (they override the file's)", () => {
    const input = {
      ...(parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>),
    };
    const govs = input['governments'] as Record<string, any>[];
    input['governments'] = [
      ...govs.slice(1),
      { ...govs[0], city: { ...(govs[0]!['city'] ?? {}), parameters: { champion_rotation: 0.1, h0_other: 0.06 } } },
    ];
    const c = p14ControlScenario(input) as Record<string, any>;
    const own = (c['governments'] as Record<string, any>[]).at(-1)!;
    expect(own['city']['parameters']).toEqual({ champion_rotation: 0, champion_probability: 1, h0_other: 0.06 });
    // Governments without their own parameters are left as they are.
    expect(c['governments'].slice(0, -1)).toEqual(govs.slice(1));
  });

  it('gives a service without a launch month no mandate (the reader reports the missing launch, not the control)', () => {
    const input = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;
    const [first, ...rest] = input['innovations'] as Record<string, unknown>[];
    const { launch: _l, ...noLaunch } = first!;
    const c = p14ControlScenario({ ...input, innovations: [noLaunch, ...rest] }) as Record<string, any>;
    const mandates = (c['national_regulations'] as Record<string, unknown>[]).filter((r) => String(r['id']).startsWith('p14-control-'));
    expect(mandates.map((m) => m['id'])).toEqual(rest.map((s) => `p14-control-${s['id'] as string}`));
    expect(mandates.every((m) => typeof m['from'] === 'string')).toBe(true);
  });

  it('moves the shares the way the mechanism says: more successes, fewer total failures than the case', async () => {
    const [kase, control] = [await nationalP14(FIXTURE, 4, 1), await nationalP14Control(FIXTURE, 4, 1)];
    expect(control.all.success).toBeGreaterThan(kase.all.success + 0.1);
    expect(control.all.total_failure).toBeLessThanOrEqual(kase.all.total_failure);
    expect(control.pass).toBe(false);
  }, 120_000);
});
