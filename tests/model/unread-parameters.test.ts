/**
 * heeks_failure_months and heeks_success_share class whole services on
 * Heeks' scale: the validation's P4b and P5b and the national tables read
 * them, no file of a city run does. Set away from their defaults in a city
 * file they changed the hash, the folder and the report's "what-if"
 * sentence, and no figure, without a word. A city file now warns; the
 * defaults, a parameter a city run does read (sustain_fraction), and the
 * national file's governments (whose tables read them) do not.
 */
import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { compile } from '../../src/model/compile.js';
import { validScenarioWith } from '../scenario/helpers.js';

const about = (w: readonly string[]) => w.filter((x) => x.includes("Heeks' scale"));

describe('parameters no city output reads', () => {
  it('heeks_failure_months and heeks_success_share away from their defaults: one warning each, naming the value', () => {
    const w = about(scenarioWarnings(validScenarioWith({ 'parameters.heeks_failure_months': 24, 'parameters.heeks_success_share': 0.75 })));
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/^parameters\.heeks_failure_months is 24: .*P4b and P5b .*national scenarios/);
    expect(w[1]).toMatch(/^parameters\.heeks_success_share is 0\.75: /);
  });

  it('at their defaults, or with a cut a city run reads (sustain_fraction), no such warning', () => {
    expect(about(scenarioWarnings(validScenarioWith({ 'parameters.heeks_failure_months': 12, 'parameters.heeks_success_share': 0.5 })))).toEqual([]);
    expect(about(scenarioWarnings(validScenarioWith({ 'parameters.sustain_fraction': 0.25 })))).toEqual([]);
  });

  it("not for a national file's government (its tables read them)", () => {
    const s = validScenarioWith({ 'parameters.heeks_failure_months': 24 });
    const model = compile(s);
    const names = { innovation: (k: number) => `i${k}`, regulation: (r: number) => `r${r}`, leader: (l: number) => `l${l}` };
    expect(about(scenarioWarnings(s, model, names))).toEqual([]);
  });
});
