import { describe, expect, it } from 'vitest';
import { validateWithOverrides } from '../../src/scenario/overrides.js';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { fullInput } from '../scenario/helpers.js';

function warningsWith(overrides: Record<string, unknown>): string[] {
  const r = validateWithOverrides(fullInput(), overrides, 'full.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return scenarioWarnings(r.scenario);
}

describe('scenario warnings', () => {
  it('a costly innovation with no initial adopters cannot start (MODEL.md 7.3): warned, by index and id', () => {
    // full.yaml: smart-city-app (innovations[1]) is costly and nobody adopts it at launch.
    const w = warningsWith({});
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^innovations\[1\] "smart-city-app" is costly but no eligible agency adopts it at launch/);
    expect(w[0]).toContain('complex_k = 2');
  });

  it('seeds that adopt nobody still warn: a type with no agencies, or agencies outside eligible', () => {
    expect(warningsWith({ 'innovations[1].initial_adopters': ['secretariat'] })).toHaveLength(1);
    expect(
      warningsWith({ 'innovations[1].eligible': ['kecamatan'], initial_adopters: [{ innovation: 'smart-city-app', opds: ['kominfo'] }] }),
    ).toHaveLength(1);
    expect(
      warningsWith({ 'innovations[1].eligible': ['kecamatan'], initial_adopters: [{ innovation: 'smart-city-app', opds: ['kecamatan'] }] }),
    ).toEqual([]);
  });

  it('no warning when it is seeded (top level or on the innovation), not costly, complex_k 0, or in Bass mode', () => {
    expect(warningsWith({ initial_adopters: [{ innovation: 'smart-city-app', opds: ['kominfo'] }] })).toEqual([]);
    expect(warningsWith({ initial_adopters: [{ innovation: 'smart-city-app', opd: 'kominfo' }] })).toEqual([]);
    expect(warningsWith({ 'innovations[1].initial_adopters': ['kominfo'] })).toEqual([]);
    expect(warningsWith({ 'innovations[1].costly': false })).toEqual([]);
    expect(warningsWith({ 'parameters.complex_k': 0 })).toEqual([]);
    expect(warningsWith({ decision: 'bass' })).toEqual([]);
  });
});
