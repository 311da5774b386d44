/**
 * A national mandate without money (docs/NATIONAL.md, national regulations)
 * anchors a service only where money for it exists: a nationally funded
 * service, or one the government receives national money for. On a
 * city-budgeted (apbd) service it anchors nothing. Read from each
 * government's world after the mandate's start. (A mutation-testing sample
 * found the nationally-funded branch undetected: instances.ts,
 * withNationalMoney.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileNational } from '../../src/model/national/compile.js';
import { initNational, nationalPhase, tallyServices } from '../../src/model/national/simulate.js';
import { step } from '../../src/model/step.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { monthIndex } from '../../src/scenario/calendar.js';

const FIXTURE = fileURLToPath(new URL('../national/fixtures/small-national.yaml', import.meta.url));

function anchoredShares(nationalFunding: boolean): { mandated: number; eOffice: number } {
  const input = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  input['months'] = 24;
  const innovations = input['innovations'] as Record<string, unknown>[];
  if (nationalFunding) innovations.find((x) => x['id'] === 'mandated-service')!['funding'] = 'national';
  input['national_regulations'] = [{ id: 'paper', from: '2017-03', strength: 1, anchors: ['mandated-service', 'e-office'], money: false }];
  const model = compileNational(nationalSchema.parse(input) as NationalScenario);
  const run = initNational(model, 11, 0);
  const last = monthIndex('2016-01', '2017-06');
  for (let month = 1; month <= last; month++) {
    nationalPhase(model, run, month);
    for (const w of run.worlds) step(w, month);
    tallyServices(model, run);
  }
  let mandated = 0;
  let eOffice = 0;
  let instances = 0;
  for (const w of run.worlds) {
    const jm = w.model.innovations.findIndex((x) => x.id === 'mandated-service');
    const je = w.model.innovations.findIndex((x) => x.id === 'e-office');
    for (let o = 0; o < w.n; o++) {
      mandated += w.anchored[o * w.k + jm]!;
      eOffice += w.anchored[o * w.k + je]!;
      instances++;
    }
  }
  return { mandated: mandated / instances, eOffice: eOffice / instances };
}

describe('a national mandate without money', () => {
  it('anchors a nationally funded service in every agency of every government', () => {
    const { mandated, eOffice } = anchoredShares(true);
    expect(mandated).toBe(1);
    // The city-budgeted service in the same mandate: no money, no anchor.
    expect(eOffice).toBe(0);
  });

  it('anchors nothing when the same service is city-budgeted (the control)', () => {
    const { mandated, eOffice } = anchoredShares(false);
    expect(mandated).toBe(0);
    expect(eOffice).toBe(0);
  });
});
