/**
 * A government's own service (its `city.innovations`) that shares its id
 * with a national service is its own service (docs/NATIONAL.md, "Checks"
 * and "Diffusion between governments"): it launches as its city scenario
 * says, it is written with national=0, and where the national service's
 * selector leaves the government out the government does not offer the
 * national service (governments_offering). Before, the own service was
 * taken for the national one by its id: its launch month was wiped, it
 * launched only by a national draw or mandate, and it was counted.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { compileNational } from '../../src/model/national/compile.js';
import { simulateNationalReplication } from '../../src/model/national/simulate.js';
import { executeNationalRun } from '../../src/jobs/national.js';

const service = (id: string, extra = '') =>
  `{ id: ${id}, owner: opd, funding: apbd, launch: 2016-03, relative_advantage: 0.9, compatibility: 0.9, complexity: 0.1, trialability: 0.9, observability: 0.9${extra} }`;

// No launch by rate: a national service launches nowhere unless something forces it.
const YAML = `
name: own-same-id
start: 2016-01
months: 24
seed: 3
replications: 2
template:
  agencies: { regency: { dinas: 4 } }
  network: { type: complete }
national_parameters: { gov_launch_base: 0, gov_imitation: 0, gov_competition: 0, gov_learning: 0 }
innovations:
  - ${service('svc-a', ', governments: { ids: [kab-a] }')}
governments:
  - { id: kab-a, type: regency, province: p1, districts: 1 }
  - id: kab-own
    type: regency
    province: p1
    districts: 1
    city:
      innovations:
        - ${service('svc-a')}
        - ${service('svc-own')}
`;

describe("a government's own service with a national service's id", () => {
  const scenario = nationalSchema.parse(parse(YAML)) as NationalScenario;
  const model = compileNational(scenario);
  const own = model.governments.find((g) => g.id === 'kab-own')!;
  const a = model.governments.find((g) => g.id === 'kab-a')!;

  it('is no national service of that government', () => {
    expect(own.model.innovations.map((x) => x.id)).toEqual(['svc-a', 'svc-own']);
    expect([...own.serviceIndex]).toEqual([-1]);
    expect([...own.serviceOf]).toEqual([-1, -1]);
    // The government the selector names has the national one.
    expect([...a.serviceIndex]).toEqual([0]);
    expect([...a.serviceOf]).toEqual([0]);
  });

  it('launches in its own launch month, and the government does not offer the national service', () => {
    const r = simulateNationalReplication(model, scenario.seed, 0);
    const gi = own.index;
    // Its own services both launch (in 2016-03) as the city scenario says; kab-a, with no launch rate, never launches svc-a.
    expect([...r.launched[gi]!]).toEqual([1, 1]);
    expect([...r.launched[a.index]!]).toEqual([0]);
    // Group `all` (index 0) counts one government offering svc-a: kab-a.
    expect(r.offering[0]).toBe(1);
  });

  it('is written with national=0 and counted among the local services', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'difusi-own-id-'));
    const file = join(dir, 'own.yaml');
    writeFileSync(file, YAML);
    const run = await executeNationalRun({ file, outRoot: join(dir, 'out'), workers: 1, command: 'test' });
    const rows = readFileSync(join(run.dir, 'government_outcomes.csv'), 'utf8').trim().split('\n');
    const header = rows[0]!.split(',');
    const col = (row: string, name: string) => row.split(',')[header.indexOf(name)];
    const pick = (g: string, s: string) => rows.find((row) => col(row, 'government') === g && col(row, 'innovation') === s)!;
    expect(col(pick('kab-own', 'svc-a'), 'national')).toBe('0');
    expect(col(pick('kab-own', 'svc-a'), 'share_launched')).toBe('1');
    expect(col(pick('kab-a', 'svc-a'), 'national')).toBe('1');
    const series = readFileSync(join(run.dir, 'national_series.csv'), 'utf8').trim().split('\n');
    const sh = series[0]!.split(',');
    for (const row of series.slice(1)) {
      const cells = row.split(',');
      if (cells[sh.indexOf('group')] === 'all') expect(cells[sh.indexOf('governments_offering')]).toBe('1');
    }
  });
});
