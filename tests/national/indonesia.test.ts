/**
 * The shipped national scenario (scenarios/indonesia-2015-2025.yaml): it is
 * what the generator writes from data/idn-area/, it validates against the
 * committed JSON Schema, it has the governments and agencies of the data,
 * and its Kota Bekasi shows the city case's contrast.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { generateNational } from '../../src/jobs/generate-national.js';
import { loadNational } from '../../src/jobs/national.js';
import { nationalSchema, toNationalJsonSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { compileNational } from '../../src/model/national/compile.js';
import { simulateNationalReplication } from '../../src/model/national/simulate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILE = join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml');
const SCHEMA = join(ROOT, 'scenarios', 'schema', 'national.schema.json');

describe('scenarios/indonesia-2015-2025.yaml', () => {
  it('is what `difusi generate-national` writes from data/idn-area/ and the Bekasi scenario', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'difusi-gen-')), 'indonesia.yaml');
    generateNational({ dataDir: join(ROOT, 'data', 'idn-area'), bekasiFile: join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), outFile: out });
    expect(readFileSync(out, 'utf8') === readFileSync(FILE, 'utf8'), 'stale: run `difusi generate-national` and commit').toBe(true);
  });

  it('validates against the committed national JSON Schema, which is up to date', () => {
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
    expect(schema).toEqual(JSON.parse(JSON.stringify(toNationalJsonSchema())));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(parse(readFileSync(FILE, 'utf8')));
    expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // The JSON Schema can fail: a misspelt field is rejected.
    const bad = parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
    (bad['governments'] as Record<string, unknown>[])[0]!['distrcts'] = 3;
    expect(validate(bad)).toBe(false);
  });

  it('has the governments, districts and agencies of the data', () => {
    const { model } = loadNational(FILE);
    const count = (t: string) => model.governments.filter((g) => g.type === t).length;
    expect([model.governments.length, count('province'), count('regency'), count('city')]).toEqual([552, 38, 416, 98]);
    const bekasi = model.governments.find((g) => g.id === 'kota-bekasi')!;
    expect(bekasi.model.opds.filter((o) => o.type === 'kecamatan')).toHaveLength(12);
    expect(bekasi.model.opds).toHaveLength(43);
    expect(bekasi.cohorts).toContain('smart-city-2017');
    const kabBekasi = model.governments.find((g) => g.id === 'kab-bekasi')!;
    expect(kabBekasi.model.opds.filter((o) => o.type === 'kecamatan')).toHaveLength(23);
    const agencies = model.governments.reduce((a, g) => a + g.model.opds.length, 0);
    expect(agencies).toBeGreaterThan(24_000);
    expect(model.services.length).toBeGreaterThanOrEqual(10);
    // Cohort sizes of the smart-city movement: 25, 50, 25.
    expect(model.cohorts.map((c) => c.members.length)).toEqual([25, 50, 25]);
    // Election cycles: counts per cycle as published (269, 101, 171 regions).
    const cycles = (c: string) => model.governments.filter((g) => g.election === c).length;
    expect([cycles('c2015'), cycles('c2017'), cycles('c2018') + 1]).toEqual([269, 101, 171]); // Kota Bekasi's heads come from its city block
  });

  it("Kota Bekasi inside it runs as it would alone, and shows the city case's contrast", () => {
    const input = parse(readFileSync(FILE, 'utf8')) as Record<string, unknown> & { governments: { id: string }[]; programmes: { cohorts: { select?: unknown }[] }[] };
    const full = loadNational(FILE).model;
    const alone = structuredClone(input);
    alone.governments = alone.governments.filter((g) => g.id === 'kota-bekasi');
    for (const p of alone.programmes) for (const c of p.cohorts) delete c.select;
    const aloneModel = compileNational(nationalSchema.parse(alone) as NationalScenario);
    // Its services are its own, so its results do not depend on the other 551 governments (checked over 12 months).
    const bi = full.governments.findIndex((g) => g.id === 'kota-bekasi');
    const short = { ...full, months: 12 };
    expect(simulateNationalReplication({ ...aloneModel, months: 12 }, 20250101, 0).outcomes[0]).toEqual(
      simulateNationalReplication(short, 20250101, 0).outcomes[bi],
    );
    // The contrast, with the thresholds of the city patterns P6a and P6b, over 100 replications.
    const R = 100;
    const count: Record<string, Record<string, number>> = {};
    for (let r = 0; r < R; r++) {
      for (const o of simulateNationalReplication(aloneModel, 20250101, r).outcomes[0]!) {
        count[o.innovation] ??= {};
        count[o.innovation]![o.outcome] = (count[o.innovation]![o.outcome] ?? 0) + 1;
      }
    }
    expect((count['smart-health']!['sustained'] ?? 0) / R).toBeGreaterThanOrEqual(0.8);
    for (const pilot of ['poc-integration', 'sorot-reporting']) expect((count[pilot]!['discontinued'] ?? 0) / R, pilot).toBeGreaterThanOrEqual(0.7);
  });
});
