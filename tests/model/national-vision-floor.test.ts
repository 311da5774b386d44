/**
 * A programme's vision (docs/NATIONAL.md, programmes: `vision`) is a floor:
 * joining raises a member government's smart-city vision to at least that
 * value, and never lowers a vision already above it. Until this test no
 * test told a floor from an assignment (a mutation setting the vision to
 * the floor whatever it was survived every national test).
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../src/model/step.js';
import type { NationalModel } from '../../src/model/national/compile.js';
import { initNational, nationalPhase } from '../../src/model/national/simulate.js';
import { buildSmallNational } from './national-fixture.js';

/** The fixture (kota-a joins the programme "smart", vision 0.8) with every government's starting vision set. */
function withVision(visionInit: number): NationalModel {
  return buildSmallNational((s) => {
    s['parameters'] = { ...(s['parameters'] as object), vision_init: visionInit };
  });
}

/** kota-a's vision just before and just after the national phase of the month it joins. */
function aroundJoining(model: NationalModel): { floor: number; before: number; after: number; other: [number, number] } {
  const gi = model.governments.findIndex((g) => g.id === 'kota-a');
  const other = model.governments.findIndex((g) => g.id === 'kab-b');
  const [[joinMonth, floor]] = model.governments[gi]!.visionFloors as [number, number][];
  expect(model.governments[other]!.visionFloors).toEqual([]);
  const run = initNational(model, model.scenario.seed, 0);
  for (let month = 1; month < joinMonth!; month++) {
    nationalPhase(model, run, month);
    for (const w of run.worlds) step(w, month);
  }
  const before = run.worlds[gi]!.vision;
  const otherBefore = run.worlds[other]!.vision;
  nationalPhase(model, run, joinMonth!);
  return { floor: floor!, before, after: run.worlds[gi]!.vision, other: [otherBefore, run.worlds[other]!.vision] };
}

describe("a programme's vision is a floor for its members", () => {
  it('raises a lower vision to the floor (0.3 -> 0.8), and leaves a non-member alone', () => {
    const r = aroundJoining(withVision(0.3));
    expect(r.floor).toBe(0.8);
    expect(r.before).toBeLessThan(0.8);
    expect(r.after).toBe(0.8);
    expect(r.other[1]).toBe(r.other[0]);
  });

  it('never lowers a vision above it (0.95 stays 0.95)', () => {
    const r = aroundJoining(withVision(0.95));
    expect(r.before).toBeGreaterThan(0.8);
    expect(r.after).toBe(r.before);
  });
});
