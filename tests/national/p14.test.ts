/** P14's measurement (src/validation/p14-national.ts) on tallies whose answer is known. */
import { describe, expect, it } from 'vitest';
import { measureP14 } from '../../src/validation/p14-national.js';

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
