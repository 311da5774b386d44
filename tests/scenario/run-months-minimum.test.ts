/**
 * The four parameters that count a run of consecutive months a condition
 * must hold (MODEL.md 7.4, 7.6, 7.8) start at 1. At 0 the model's
 * `counter >= months` held with no condition at all: every live instance
 * was a double-loop candidate (gap_months), the triple loop fired with no
 * failing share (triple_months), every hazard exit was a disenchantment
 * (disenchant_months), and instances routinized at any T (T_stable_months).
 */
import { describe, expect, it } from 'vitest';
import { brief, issuesWith } from './helpers.js';

const RUNS = ['gap_months', 'triple_months', 'disenchant_months', 'T_stable_months'] as const;

describe('consecutive-month parameters', () => {
  it.each(RUNS)('%s 0 is refused at the field, with its range', (name) => {
    const issues = issuesWith({ [`parameters.${name}`]: 0 });
    expect(issues).toHaveLength(1);
    expect(brief(issues[0]!)).toMatchObject({ path: ['parameters', name], found: '0' });
    expect(issues[0]!.expected).toMatch(/1/);
  });

  it.each(RUNS)('%s 1 is accepted', (name) => {
    expect(issuesWith({ [`parameters.${name}`]: 1 })).toEqual([]);
  });

  it('the other month counts keep 0 (no launch campaign, no memory of quitters)', () => {
    for (const name of ['campaign_months', 'neg_wom_months']) {
      expect(issuesWith({ [`parameters.${name}`]: 0 }), name).toEqual([]);
    }
  });
});
