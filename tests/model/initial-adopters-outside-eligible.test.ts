/**
 * The warning for initial adopters outside an innovation's eligible agencies
 * (MODEL.md 5: they do not adopt it at launch) reads as a whole sentence in
 * the plural too: the number, the ids, and both remedies ("add them ... or
 * drop them"). tests/model/warnings.test.ts holds the singular sentence in
 * full and only the head of the plural one.
 */
import { expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { validScenarioWith } from '../scenario/helpers.js';

function warningsWith(overrides: Record<string, unknown>): string[] {
  return scenarioWarnings(validScenarioWith(overrides));
}

it('two initial adopters outside eligible: named, counted, and told to be added or dropped', () => {
  // full.yaml: opd1 .. opd6 generated (opd3 listed as a badan) and kominfo listed.
  const w = warningsWith({ 'innovations[0].eligible': ['kominfo'], 'innovations[0].initial_adopters': ['opd1', 'opd2'] });
  expect(w.filter((x) => x.startsWith('innovations[0] "e-office": '))).toEqual([
    'innovations[0] "e-office": 2 initial adopters "opd1", "opd2" are not among its eligible agencies and do not adopt it at launch ' +
      '(only eligible agencies do: add them to eligible, or drop them)',
  ]);
});
