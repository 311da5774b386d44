/**
 * An Indonesian twin of only spaces counts as missing, as an empty one does:
 * the Indonesian report shows the English name, not a blank. And the default
 * budget-shock lever's Indonesian label uses the shock's Indonesian name.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFacts } from '../../src/report/scenario-facts.js';
import { commonLevers } from '../../src/scenario/levers.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { ROOT } from '../support/cli.js';

const bekasi = readScenarioFile(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml')).scenario;

describe('Indonesian twins: blank is missing', () => {
  it('a name_id of spaces gives the English name in Bahasa Indonesia; a real one is used', () => {
    const [first, second, ...rest] = bekasi.innovations;
    const resolved = { ...bekasi, innovations: [{ ...first!, name_id: '   ' }, { ...second!, name_id: 'Nama layanan' }, ...rest] };
    const facts = scenarioFacts(resolved, '', undefined, ',', 'id');
    expect(facts.innovations[0]!.name).toBe(first!.name);
    expect(facts.innovations[1]!.name).toBe('Nama layanan');
  });

  it("the budget-shock lever's label_id names the shock in Indonesian when it has a name_id, else its name", () => {
    const shock = bekasi.budget_shocks[0]!;
    const withTwin = commonLevers({ ...bekasi, budget_shocks: [{ ...shock, name: 'budget refocusing', name_id: 'refocusing anggaran' }] });
    const blank = commonLevers({ ...bekasi, budget_shocks: [{ ...shock, name: 'budget refocusing', name_id: '  ' }] });
    const label = (levers: typeof withTwin) => levers.find((l) => l.path === 'budget_shocks[0].factor')!.label_id;
    expect(label(withTwin)).toBe('Faktor anggaran selama refocusing anggaran');
    expect(label(blank)).toBe('Faktor anggaran selama budget refocusing');
  });
});
