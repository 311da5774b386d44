/**
 * At most MAX_AGENCIES (1,000,000) agencies in a scenario: a city
 * scenario's generated and listed agencies together, a national one's over
 * all its governments. `opds.generate.count` used to take up to 10,000,000
 * (validation built every agency: about a minute and gigabytes), and a
 * national file's districts or city blocks had no bound at all. A refusal is
 * one line at the field that passes the limit, exit 2; shipped scenarios
 * are far below it (tests/scenario/shipped.test.ts validates them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { MAX_AGENCIES } from '../../src/scenario/limits.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { loadNational } from '../../src/jobs/national.js';
import { cliTestFolder, refusedInOneLine, SMALL_CITY } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { userError } from '../support/errors.js';

const folder = cliTestFolder('difusi-agency-limit-');
const SMALL = readFileSync(SMALL_CITY, 'utf8');
const NATIONAL = readFileSync(fileURLToPath(new URL('../national/fixtures/small-national.yaml', import.meta.url)), 'utf8');
const LIMIT = MAX_AGENCIES.toLocaleString('en-US');

/**
 * small-city with `count` generated agencies (it also lists kominfo, which replaces none, and opd3, which does),
 * its hub's peers a small world: an Erdos-Renyi network among a million agencies is refused for its pair draws
 * (tests/scenario/erdos-renyi-cost.test.ts), which is not what these cases are about.
 */
const city = (count: number) =>
  SMALL.replace('count: 15', `count: ${count}`).replace(/among:\n    type: erdos-renyi\n    mean_degree: 4/, 'among:\n    type: small-world\n    degree: 4\n    rewire: 0.1');

describe('the agencies of a city scenario', () => {
  it('the limit is 1,000,000', () => expect(MAX_AGENCIES).toBe(1_000_000));

  it('opds.generate.count above it: refused at its line', () => {
    const r = parseScenarioText(city(MAX_AGENCIES + 1), 'big.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path, i.line, i.expected])).toEqual([['out_of_range', ['opds', 'generate', 'count'], 15, `an integer in [0,${MAX_AGENCIES}]`]]);
  });

  it('generated and listed together above it: refused at opds; exactly the limit passes', () => {
    const r = parseScenarioText(city(MAX_AGENCIES), 'big.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path, i.message, i.found])).toEqual([
      ['too_many_agencies', ['opds'], MESSAGES.too_many_agencies(LIMIT, 'generated and listed together'), '1,000,001 agencies'],
    ]);
    expect(parseScenarioText(city(MAX_AGENCIES - 1), 'big.yaml').ok).toBe(true);
  });

  it('validate: one line naming the field, exit 2', async () => {
    const file = join(folder(), 'big.yaml');
    writeFileSync(file, city(10_000_000));
    const r = await runInProcess(['validate', file]);
    expect(refusedInOneLine(r)).toMatch(/^✗ .*big\.yaml:15:12 .* → at opds\.generate\.count \(expected an integer in \[0,1000000\], found 10000000\)$/);
  });
});

describe('the agencies of a national scenario, all governments together', () => {
  /** loadNational's refusal of the fixture changed by `edit`, as [code, path, message, found]. */
  const refusal = (name: string, edit: (text: string) => string): [string, string, string, string | undefined] => {
    const file = join(folder(), `${name}.yaml`);
    writeFileSync(file, edit(NATIONAL));
    const issue = userError(() => loadNational(file)).issues;
    expect(issue).toHaveLength(1);
    return [issue[0]!.code, issue[0]!.path.join('.'), issue[0]!.message, issue[0]!.found];
  };
  // In the city file's words and shape: the message, then (after the place) what was found; it was "Invalid value: ... (found ...)".
  const message = MESSAGES.too_many_agencies(LIMIT, "every government's together");

  it("a government's districts: refused at them, before its agencies are built (not at the template's count)", () => {
    expect(refusal('districts', (t) => t.replace('districts: 8,', 'districts: 999990,'))).toEqual(['too_many_agencies', 'governments.2.districts', message, '1,000,028 agencies with government "kab-b"']);
  });

  it("the template's agencies of a type: refused at them, where most of the government's agencies are written (not at its districts)", () => {
    const edit = (t: string) => t.replace('city: { dinas: 8, badan: 3, secretariat: 1 }', 'city: { dinas: 999990, badan: 3, secretariat: 1 }');
    expect(refusal('template', edit)).toEqual(['too_many_agencies', 'template.agencies.city', message, '1,000,008 agencies with government "kota-a"']);
  });

  it("a government's own city.opds: refused at them", () => {
    const text = (t: string) => t.replace('districts: 4, fiscal_capacity: 0.9 }', `districts: 4, fiscal_capacity: 0.9, city: { opds: { generate: { count: ${MAX_AGENCIES - 5} }, list: [{ id: kominfo, type: dinas, coordinator: true }] } } }`);
    const [code, path, text2, found] = refusal('city-opds', text);
    expect([code, path, text2]).toEqual(['too_many_agencies', 'governments.3.city.opds', message]);
    expect(found).toMatch(/ agencies with government "kota-c"$/);
  });
});
