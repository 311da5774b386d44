/**
 * A service's national money arrives once (docs/NATIONAL.md, "Programmes": a
 * member gets a programme's money when it joins): when a government joins a
 * second funded programme for a service it already has money for, nothing
 * arrives. The live instances stay on the lines they have: one that lost its
 * national line in between (betrayal: instances.ts betray sets the line to
 * none) is not given it back, and no line is opened again.
 *
 * Kept under tests/model/ so the mutation test set runs it.
 */
import { expect, it } from 'vitest';
import { initNational, nationalPhase, tallyServices } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { LINE, isLive } from '../../src/model/world.js';
import { buildTwoProgrammes } from './national-fixture.js';

it("a second programme's money for a service already funded (months 13 and 37): no line changes in month 37", () => {
  const model = buildTwoProgrammes('e-office', 'e-office');
  const gi = model.governments.findIndex((g) => g.id === 'kab-b');
  const office = model.governments[gi]!.serviceIndex[model.services.indexOf('e-office')]!;
  expect(model.governments[gi]!.money).toEqual([
    [13, office],
    [37, office],
  ]);
  const run = initNational(model, model.scenario.seed, 0);
  for (let month = 1; month <= 36; month++) {
    nationalPhase(model, run, month);
    for (const w of run.worlds) step(w, month);
    tallyServices(model, run);
  }
  const w = run.worlds[gi]!;
  expect(w.national!.money[office]).toBe(1);
  // The live instances of e-office in kab-b, on the national line since month 13 or their adoption.
  const live: number[] = [];
  for (let o = 0; o < w.n; o++) if (isLive(w.state[o * w.k + office]!)) live.push(o * w.k + office);
  expect(live.length).toBeGreaterThan(1);
  for (const i of live) expect(w.line[i]).toBe(LINE.national);
  // One of them loses its line as a betrayal leaves it.
  const betrayed = live[0]!;
  w.line[betrayed] = LINE.none;
  w.proposable[betrayed] = 0;
  const line = Array.from(w.line);
  const opened = Array.from(w.lineOpened);
  nationalPhase(model, run, 37);
  expect(w.line[betrayed]).toBe(LINE.none);
  expect(Array.from(w.line)).toEqual(line);
  expect(Array.from(w.lineOpened)).toEqual(opened);
});
