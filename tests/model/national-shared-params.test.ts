/**
 * compileNational gives governments whose city parameters are equal one
 * shared parameter object (national/compile.ts `sharedParams`: a national
 * month then reads one object, not one per government), and a government
 * whose parameters differ in any value, even 0 against -0, its own.
 */
import { describe, expect, it } from 'vitest';
import { buildSmallNational, type Input } from './national-fixture.js';

function cityOf(s: Input, id: string): Input {
  const g = (s['governments'] as Input[]).find((x) => x['id'] === id)!;
  g['city'] ??= {};
  return g['city'] as Input;
}

describe('national governments share equal parameter objects', () => {
  it('one object for governments with the same parameters', () => {
    const model = buildSmallNational();
    const [first, ...rest] = model.governments;
    for (const g of rest) expect(g.model.params).toBe(first!.model.params);
  });

  it('their own for a government whose parameters differ, and the values each asked for', () => {
    const model = buildSmallNational((s) => {
      cityOf(s, 'kota-c')['parameters'] = { bass_q: 0.123 };
    });
    const byId = new Map(model.governments.map((g) => [g.id, g.model.params]));
    expect(byId.get('kota-c')).not.toBe(byId.get('kota-a'));
    expect(byId.get('kota-c')!.bass_q).toBe(0.123);
    expect(byId.get('kota-a')!.bass_q).not.toBe(0.123);
    expect(byId.get('kab-b')).toBe(byId.get('kota-a'));
  });

  it('0 and -0 are different values', () => {
    const model = buildSmallNational((s) => {
      cityOf(s, 'kota-a')['parameters'] = { decision_noise: 0 };
      cityOf(s, 'kota-c')['parameters'] = { decision_noise: -0 };
    });
    const byId = new Map(model.governments.map((g) => [g.id, g.model.params]));
    expect(Object.is(byId.get('kota-a')!.decision_noise, 0)).toBe(true);
    expect(Object.is(byId.get('kota-c')!.decision_noise, -0)).toBe(true);
  });
});
