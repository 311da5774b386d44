/**
 * The design caps of scenario/limits.ts at exactly their values: a design
 * of MAX_DESIGN_POINTS points, MAX_DESIGN_VALUES factor values or
 * MAX_DESIGN_RUNS runs passes; one more is refused (a `>` written as `>=`,
 * or a cap counted one off, fails here). Counted by designSizeIssue without
 * building anything.
 */
import { describe, expect, it } from 'vitest';
import { designSizeIssue, type DesignSpec } from '../../src/experiment/spec.js';
import { MAX_DESIGN_POINTS, MAX_DESIGN_RUNS, MAX_DESIGN_VALUES } from '../../src/scenario/limits.js';

const factor = (i: number) => ({ name: `parameters.f${i}`, min: 0, max: 1 });
const lhs = (points: number, factors: number) => ({ method: 'lhs', points, factors: Array.from({ length: factors }, (_, i) => factor(i)) }) as unknown as DesignSpec;

describe('design caps at their limits', () => {
  it('points: MAX_DESIGN_POINTS passes, one more is refused', () => {
    expect(designSizeIssue(lhs(MAX_DESIGN_POINTS, 1), 'lhs')).toBeUndefined();
    expect(designSizeIssue(lhs(MAX_DESIGN_POINTS + 1, 1), 'lhs')?.issue.code).toBe('experiment_design_too_large');
  });

  it('factor values: points x factors = MAX_DESIGN_VALUES passes, one point more is refused', () => {
    const factors = 20;
    const points = MAX_DESIGN_VALUES / factors;
    expect(points).toBeLessThanOrEqual(MAX_DESIGN_POINTS);
    expect(designSizeIssue(lhs(points, factors), 'lhs')).toBeUndefined();
    const over = designSizeIssue(lhs(points + 1, factors), 'lhs');
    expect(over?.issue.code).toBe('experiment_design_too_large');
    expect(over?.issue.message).toContain('factor values');
  });

  it('runs: points x replications = MAX_DESIGN_RUNS passes, one replication more is refused', () => {
    const points = 100_000;
    const count = MAX_DESIGN_RUNS / points;
    expect(designSizeIssue(lhs(points, 1), 'lhs', { count, from: '-r' })).toBeUndefined();
    expect(designSizeIssue(lhs(points, 1), 'lhs', { count: count + 1, from: '-r' })?.issue.code).toBe('experiment_design_too_large');
  });

  it('morris counts trajectories x (factors + 1), sobol samples x (factors + 2)', () => {
    const morris = (trajectories: number) => ({ method: 'morris', trajectories, factors: [factor(0), factor(1), factor(2)] }) as unknown as DesignSpec;
    expect(designSizeIssue(morris(MAX_DESIGN_POINTS / 4), 'morris')).toBeUndefined();
    expect(designSizeIssue(morris(MAX_DESIGN_POINTS / 4 + 1), 'morris')).toBeDefined();
    const sobol = (samples: number) => ({ method: 'sobol', samples, factors: [factor(0), factor(1), factor(2)] }) as unknown as DesignSpec;
    expect(designSizeIssue(sobol(MAX_DESIGN_POINTS / 5), 'sobol')).toBeUndefined();
    expect(designSizeIssue(sobol(MAX_DESIGN_POINTS / 5 + 1), 'sobol')).toBeDefined();
  });
});
