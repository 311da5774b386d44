/**
 * A national service offered to a government none of whose agencies is
 * eligible for it (village-information, for kecamatan agencies only, in a
 * province government) is launched there and can only fail: `validate`
 * warns, in one line for all such governments (docs/NATIONAL.md, "Checks"),
 * and `difusi generate-national` offers each service only where a
 * government has an agency eligible for it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadNational } from '../../src/jobs/national.js';
import { offerWhereEligible } from '../../src/jobs/generate-national.js';
import { scenarioWarnings } from '../../src/model/warnings.js';
import { WARNINGS } from '../../src/messages/catalog.js';
import { validateScenario } from '../../src/index.js';
import { tempDir } from '../support/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INDONESIA = join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml');
const SMALL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
type Doc = Record<string, any>;

const write = (doc: Doc, name: string): string => {
  const file = join(tempDir('difusi-no-eligible-'), name);
  writeFileSync(file, stringify(doc));
  return file;
};
const warningsOf = (file: string) => loadNational(file, {}, { warnings: true }).warnings;
const village = (ids: string) => `${ids}: ${WARNINGS.no_eligible_agency('innovations[3] "village-information"', ['kecamatan'])}`;
// The shipped file's own warnings: two unfunded entries that act in no government, and one that does nothing for one of
// its services (tests/national/unfunded-inert.test.ts).
const UNFUNDED = [
  WARNINGS.unfunded_mandate_inert('national_regulations[0] "pp-24-2018-oss"', ['e-licensing']),
  WARNINGS.unfunded_mandate_partly_inert('national_regulations[1] "perpres-95-2018-spbe"', ['spbe-integration'], ['complaints-lapor']),
  WARNINGS.unfunded_programme_inert('programmes[0] "smart-city-movement"', 0.3, ['command-center', 'citizen-app']),
];

describe('a national service no agency of a government is eligible for', () => {
  it('the Indonesian file as shipped before the fix (village-information offered to the 38 provinces) is warned, in one line', () => {
    // The file before the fix: the same, without village-information's governments selector.
    const doc = parse(readFileSync(INDONESIA, 'utf8')) as Doc;
    const service = (doc['innovations'] as Doc[]).find((x) => x['id'] === 'village-information')!;
    delete service['governments'];
    const lines = warningsOf(write(doc, 'indonesia-old.yaml'));
    expect(lines).toEqual([...UNFUNDED, village('38 governments ("prov-aceh", "prov-sumatera-utara", "prov-sumatera-barat" and 35 more)')]);
  });

  it('the shipped file offers it to regencies and cities only, and gives no such warning (only its unfunded entries are warned)', () => {
    const doc = parse(readFileSync(INDONESIA, 'utf8')) as Doc;
    const service = (doc['innovations'] as Doc[]).find((x) => x['id'] === 'village-information')!;
    expect(service['governments']).toEqual({ types: ['regency', 'city'] });
    expect(warningsOf(INDONESIA)).toEqual(UNFUNDED);
    // Every other national service is offered as before (no selector, or its own).
    const selectors = (doc['innovations'] as Doc[]).filter((x) => x['governments'] !== undefined).map((x) => x['id']);
    expect(selectors).toEqual(['village-information', 'command-center']);
  });

  it('small fixture: a kecamatan-only service is warned for the province and a regency without districts, not for the others', () => {
    const doc = parse(readFileSync(SMALL, 'utf8')) as Doc;
    (doc['innovations'] as Doc[])[0]!['eligible'] = ['kecamatan'];
    (doc['governments'] as Doc[])[2]!['districts'] = 0;
    const e = WARNINGS.no_eligible_agency('innovations[0] "e-office"', ['kecamatan']);
    expect(warningsOf(write(doc, 'small.yaml'))).toContain(`governments "prov-a", "kab-b": ${e}`);
    // A service for dinas only: every government has one, no warning.
    (doc['innovations'] as Doc[])[0]!['eligible'] = ['dinas'];
    expect(warningsOf(write(doc, 'small.yaml')).filter((l) => l.includes('no agency is eligible'))).toEqual([]);
  });

  it('a city file: a service for kecamatan in a scenario without kecamatan agencies', () => {
    const doc = parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'scenarios', 'minimal.yaml'), 'utf8')) as Doc;
    const check = (eligible: string[]) => {
      (doc['innovations'] as Doc[])[0]!['eligible'] = eligible;
      const r = validateScenario(doc);
      if (!r.ok) throw new Error('the fixture no longer validates');
      return scenarioWarnings(r.scenario);
    };
    expect(check(['kecamatan'])).toEqual([WARNINGS.no_eligible_agency('innovations[0] "e-office"', ['kecamatan'])]);
    expect(check(['other'])).toEqual([]);
  });
});

describe('generate-national offers a service only where an agency is eligible for it', () => {
  const govs: Doc[] = [
    { id: 'prov-a', type: 'province', districts: 0 },
    { id: 'kab-a', type: 'regency', districts: 3 },
    { id: 'kab-z', type: 'regency', districts: 0 },
    { id: 'kota-a', type: 'city', districts: 2 },
    { id: 'kota-own', type: 'city', districts: 2, portfolio: false },
  ];
  const base = { id: 's', name: 'S', owner: 'opd', funding: 'apbd', launch: '2016-01' };
  it('by types where no government of a type has one, by except for single governments, keeping its own selector', () => {
    const out = offerWhereEligible(
      [
        { ...base, id: 'kec', eligible: ['kecamatan'] },
        { ...base, id: 'all' },
        { ...base, id: 'dinas', eligible: ['dinas'] },
        { ...base, id: 'kec-cohort', eligible: ['kecamatan'], governments: { cohorts: ['c1'] } },
      ] as never[],
      govs,
    ) as Doc[];
    expect(out.map((s) => s['governments'])).toEqual([
      { types: ['regency', 'city'], except: ['kab-z'] },
      undefined,
      undefined,
      { cohorts: ['c1'], types: ['regency', 'city'], except: ['kab-z'] },
    ]);
  });
});
