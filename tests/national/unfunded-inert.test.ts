/**
 * An unfunded mandate (`money: false`, the default) or an unfunded
 * programme's regulation anchors and pushes a service only where it has
 * national money (model/instances.ts withNationalMoney): where no
 * government it reaches has such money while it is in force, it changes
 * nothing, and `validate` says so (docs/NATIONAL.md, "Checks"; TRIAL29
 * finding 2). Each case pairs the warning with what the simulation does:
 * where it warns, the replications are identical without the entry; where
 * it does not, the entry moves them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileNational, type NationalModel } from '../../src/model/national/compile.js';
import { simulateNationalReplication } from '../../src/model/national/simulate.js';
import { GovernmentValidator } from '../../src/model/national/validate-government.js';
import { NationalWarnings } from '../../src/jobs/national-warnings.js';
import { WARNINGS } from '../../src/messages/catalog.js';
import { CAUSE, CAUSES } from '../../src/model/world.js';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/unfunded-mandate.yaml', import.meta.url));
type Doc = Record<string, any>;

const scenario = (edit: (d: Doc) => void = () => undefined): NationalScenario => {
  const doc = parse(readFileSync(FIXTURE, 'utf8')) as Doc;
  edit(doc);
  return nationalSchema.parse(doc) as NationalScenario;
};

/** The warnings `difusi validate` prints for the fixture after `edit` (without the file name). */
function warnings(edit: (d: Doc) => void = () => undefined): string[] {
  const s = scenario(edit);
  const w = new NationalWarnings(s);
  compileNational(s, new GovernmentValidator(), w.onGovernment);
  return w.lines();
}

/** Replications 0-3 of a compiled model: every government's outcomes, discontinuations by cause and launches, and the national series, as one string. */
function replicationsOf(model: NationalModel): string {
  return JSON.stringify(
    [0, 1, 2, 3].map((r) => {
      const x = simulateNationalReplication(model, model.scenario.seed, r);
      return [x.outcomes, x.endedByCause.map((a) => [...a]), x.launched.map((a) => [...a]), [...x.series]];
    }),
  );
}

/** The replications of the fixture after `edit`, as one string. */
function outcomes(edit: (d: Doc) => void = () => undefined): string {
  return replicationsOf(compileNational(scenario(edit)));
}

const noMandate = (d: Doc) => void (d['national_regulations'] = []);
/** A funded programme bringing national money for e-permit to kab-b, joining in `from`, with no regulation of its own. */
const fundedProgramme = (from: string) => (d: Doc) =>
  void (d['programmes'] = [{ id: 'permit-money', strength: 0, anchors: ['e-permit'], money: true, cohorts: [{ id: 'pm-1', from, members: ['kab-b'] }] }]);
const both = (...edits: ((d: Doc) => void)[]) => (d: Doc) => edits.forEach((e) => e(d));

const MANDATE =
  'national_regulations[0] "permit-mandate": money is false, and no government it reaches has national money for "e-permit" while it is in force ' +
  '(funding: national, or a funded mandate or programme there), so it does nothing: an unfunded mandate anchors and pushes adoption only where ' +
  'the service has national money (money: true funds it)';

describe('an unfunded mandate that acts nowhere is warned about', () => {
  it("the trial's file: the mandate on a city-budget service warns, and the replications are identical without it", () => {
    expect(warnings()).toEqual([MANDATE]);
    expect(outcomes()).toBe(outcomes(noMandate));
  });

  it('(control) with money: true it acts (the replications move) and nothing is warned', () => {
    const funded = (d: Doc) => void (d['national_regulations'][0]['money'] = true);
    expect(warnings(funded)).toEqual([]);
    expect(outcomes(funded)).not.toBe(outcomes(noMandate));
  });

  it('(control) unfunded, where a funded programme pays for the service in one government: it acts there (the replications move), no warning', () => {
    const paid = fundedProgramme('2019-06');
    expect(warnings(paid)).toEqual([]);
    expect(outcomes(paid)).not.toBe(outcomes(both(paid, noMandate)));
  });

  it('(control) unfunded, on a service whose own funding is national: it acts, no warning', () => {
    const national = (d: Doc) => void (d['innovations'][0]['funding'] = 'national');
    expect(warnings(national)).toEqual([]);
    expect(outcomes(national)).not.toBe(outcomes(both(national, noMandate)));
  });

  it('money that arrives only after the mandate lapsed (to) comes too late: warned, and the replications are identical without the mandate', () => {
    const late = both(fundedProgramme('2022-01'), (d) => void (d['national_regulations'][0]['to'] = '2021-12'));
    expect(warnings(late)).toEqual([MANDATE]);
    expect(outcomes(late)).toBe(outcomes(both(late, noMandate)));
    // The same money one month earlier, while the mandate is in force: it acts.
    const inTime = both(fundedProgramme('2021-12'), (d) => void (d['national_regulations'][0]['to'] = '2021-12'));
    expect(warnings(inTime)).toEqual([]);
  });

  it('(control) an unfunded mandate that bans standalone apps acts through its ban: no warning', () => {
    expect(warnings((d) => void (d['national_regulations'][0]['bans_standalone'] = true))).toEqual([]);
  });
});

describe("an unfunded programme's regulation that acts nowhere is warned about", () => {
  const programme = (strength: number, money: boolean) => (d: Doc) => {
    noMandate(d);
    d['programmes'] = [{ id: 'prog', strength, anchors: ['e-permit'], money, cohorts: [{ id: 'c1', from: '2019-01', members: ['prov-a', 'kab-b', 'kab-c', 'kota-d'] }] }];
  };

  it('strength 0.8 without money: warned, and the replications are those of strength 0', () => {
    expect(warnings(programme(0.8, false))).toEqual([
      'programmes[0] "prog": strength is 0.8 but money is false, and no member government has national money for "e-permit" while it is a member ' +
        "(funding: national, or a funded mandate or programme there), so the strength does nothing: an unfunded programme's regulation anchors and " +
        'pushes adoption only where the service has national money (money: true funds it; joining still launches the services)',
    ]);
    expect(outcomes(programme(0.8, false))).toBe(outcomes(programme(0, false)));
  });

  it('(control) strength 0.8 with money: no warning, and the strength moves the replications', () => {
    expect(warnings(programme(0.8, true))).toEqual([]);
    expect(outcomes(programme(0.8, true))).not.toBe(outcomes(programme(0, true)));
  });

  it('(control) strength 0 (no regulation) without money: nothing to warn about', () => {
    expect(warnings(programme(0, false))).toEqual([]);
  });
});

describe('an unfunded entry that acts for some of its services only: the line names the others', () => {
  const M = 'national_regulations[0] "permit-mandate"';
  /** The mandate anchors e-permit and e-budget (both city-funded in the fixture). */
  const twoAnchors = (d: Doc) => void (d['national_regulations'][0]['anchors'] = ['e-permit', 'e-budget']);
  const anchorsOnly = (...ids: string[]) => (d: Doc) => void (d['national_regulations'][0]['anchors'] = ids);
  const eBudgetNational = (d: Doc) => void (d['innovations'][1]['funding'] = 'national');

  it('e-budget has national funding, e-permit none: e-permit is named; without it in anchors the replications are identical, without e-budget they move', () => {
    const file = both(twoAnchors, eBudgetNational);
    expect(warnings(file)).toEqual([WARNINGS.unfunded_mandate_partly_inert(M, ['e-permit'], ['e-budget'])]);
    expect(warnings(file)[0]).toContain('so it does nothing for that service (it acts for "e-budget")');
    expect(outcomes(file)).toBe(outcomes(both(file, anchorsOnly('e-budget'))));
    expect(outcomes(file)).not.toBe(outcomes(both(file, anchorsOnly('e-permit'))));
  });

  it('money for e-budget in one government only (a funded programme in kab-b): e-budget acts there and is not named; e-permit is, and removing it changes nothing', () => {
    const paid = (d: Doc) => void (d['programmes'] = [{ id: 'budget-money', strength: 0, anchors: ['e-budget'], money: true, cohorts: [{ id: 'bm-1', from: '2019-06', members: ['kab-b'] }] }]);
    const file = both(twoAnchors, paid);
    expect(warnings(file)).toEqual([WARNINGS.unfunded_mandate_partly_inert(M, ['e-permit'], ['e-budget'])]);
    expect(outcomes(file)).toBe(outcomes(both(file, anchorsOnly('e-budget'))));
    expect(outcomes(file)).not.toBe(outcomes(both(file, anchorsOnly('e-permit'))));
  });

  it('money for e-budget that arrives only after the mandate lapsed: neither acts, the whole-entry line names both, and the replications are identical without the mandate', () => {
    const late = both(
      twoAnchors,
      (d) => void (d['national_regulations'][0]['to'] = '2021-12'),
      (d) => void (d['programmes'] = [{ id: 'budget-money', strength: 0, anchors: ['e-budget'], money: true, cohorts: [{ id: 'bm-1', from: '2022-01', members: ['kab-b'] }] }]),
    );
    expect(warnings(late)).toEqual([WARNINGS.unfunded_mandate_inert(M, ['e-permit', 'e-budget'])]);
    expect(outcomes(late)).toBe(outcomes(both(late, noMandate)));
  });

  it('two services without money beside one with: both are named in one line, and removing both from anchors changes nothing', () => {
    const file = both(anchorsOnly('e-permit', 'e-budget', 'lapor-app'), eBudgetNational);
    expect(warnings(file)).toEqual([WARNINGS.unfunded_mandate_partly_inert(M, ['e-permit', 'lapor-app'], ['e-budget'])]);
    expect(warnings(file)[0]).toContain('national money for "e-permit", "lapor-app" while it is in force');
    expect(warnings(file)[0]).toContain('so it does nothing for those services (it acts for "e-budget")');
    expect(outcomes(file)).toBe(outcomes(both(file, anchorsOnly('e-budget'))));
    expect(outcomes(file)).toBe(outcomes(both(file, anchorsOnly('e-permit', 'e-budget'))));
    expect(outcomes(file)).toBe(outcomes(both(file, anchorsOnly('e-budget', 'lapor-app'))));
  });

  it('(control) a mandate that bans standalone apps is not named: the ban acts on every service, e-permit included (its standalone instances are replaced)', () => {
    const file = both(twoAnchors, eBudgetNational, (d) => void (d['national_regulations'][0]['bans_standalone'] = true));
    expect(warnings(file)).toEqual([]);
    const replaced = (edit: (d: Doc) => void) => {
      const model = compileNational(scenario(edit));
      const c = CAUSES.length + 1;
      return [0, 1, 2, 3].reduce((sum, r) => {
        const x = simulateNationalReplication(model, model.scenario.seed, r);
        return sum + model.governments.reduce((g, gov, gi) => g + x.endedByCause[gi]![gov.model.innovations.findIndex((i) => i.id === 'e-permit') * c + CAUSE.replacement]!, 0);
      }, 0);
    };
    expect(replaced(file)).toBeGreaterThan(0);
    expect(replaced(both(file, noMandate))).toBe(0);
  });

  describe("a programme's regulation", () => {
    const programme = (d: Doc) => {
      noMandate(d);
      eBudgetNational(d);
      d['programmes'] = [{ id: 'prog', strength: 0.8, anchors: ['e-permit', 'e-budget'], money: false, cohorts: [{ id: 'c1', from: '2019-01', members: ['prov-a', 'kab-b', 'kab-c', 'kota-d'] }] }];
    };
    /** The compiled model with the programme's regulation not anchoring `service` in any government (its launches and money as they are). */
    const withoutAnchor = (service: string): NationalModel => {
      const model = compileNational(scenario(programme));
      for (const g of model.governments) {
        const j = g.model.innovations.findIndex((x) => x.id === service);
        const reg = g.model.regulations.find((r) => r.id === 'programme.prog')!;
        expect(reg.anchors[j]).toBe(1);
        reg.anchors[j] = 0;
      }
      return model;
    };

    it('strength 0.8 without money, e-budget national: e-permit is named; the strength on e-permit changes nothing, on e-budget it moves the replications', () => {
      expect(warnings(programme)).toEqual([WARNINGS.unfunded_programme_partly_inert('programmes[0] "prog"', 0.8, ['e-permit'], ['e-budget'])]);
      expect(warnings(programme)[0]).toContain('so the strength does nothing for that service (it acts for "e-budget")');
      // Taking e-permit out of the file's anchors would also stop the members launching it on joining, so
      // the regulation's anchor alone is taken out, in the compiled governments.
      expect(replicationsOf(withoutAnchor('e-permit'))).toBe(outcomes(programme));
      expect(replicationsOf(withoutAnchor('e-budget'))).not.toBe(outcomes(programme));
    });
  });
});

describe('the Indonesian scenario', () => {
  it('gives the warning for its two unfunded entries that act nowhere (pp-24-2018-oss on e-licensing, the smart-city programme\'s strength), and for perpres-95 on spbe-integration, and for no other', () => {
    const indonesia = nationalSchema.parse(parse(readFileSync(fileURLToPath(new URL('../../scenarios/indonesia-2015-2025.yaml', import.meta.url)), 'utf8'))) as NationalScenario;
    const w = new NationalWarnings(indonesia);
    compileNational(indonesia, new GovernmentValidator(), w.onGovernment);
    const lines = w.lines();
    expect(lines.map((l) => l.slice(0, l.indexOf(':')))).toEqual([
      'national_regulations[0] "pp-24-2018-oss"',
      'national_regulations[1] "perpres-95-2018-spbe"',
      'programmes[0] "smart-city-movement"',
    ]);
    // perpres-95 acts for complaints-lapor (national funding), not for spbe-integration (city-funded, no money anywhere):
    // a -r 2 run with anchors [complaints-lapor] has byte-identical CSVs (docs/NATIONAL.md, "Checks").
    expect(lines[1]).toBe(WARNINGS.unfunded_mandate_partly_inert('national_regulations[1] "perpres-95-2018-spbe"', ['spbe-integration'], ['complaints-lapor']));
    expect(lines[2]).toContain('for "command-center", "citizen-app"');
    // Acting: srikandi-mandate (national), perpres-82 (its ban, also on spbe-integration's standalone instances).
    expect(lines.join('\n')).not.toMatch(/perpres-82|srikandi|sipd/);
  });
});
