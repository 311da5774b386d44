/**
 * The shipped national scenario (scenarios/indonesia-2015-2025.yaml): it is
 * what the generator writes from data/idn-area/, it validates against the
 * committed JSON Schema, it has the governments and agencies of the data,
 * and its Kota Bekasi shows the city case's contrast.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('takes cohort members and election cycles from data/public-lists/, and stops on a name it cannot match', () => {
    const { model } = loadNational(FILE);
    const ids = (c: string) => model.cohorts.find((x) => x.id === c)!.members.map((gi) => model.governments[gi]!.id);
    const cohort2017 = ids('smart-city-2017');
    // The 25 of 2017 as listed (RTIK Kediri), not a lottery: a few of them.
    for (const id of ['kota-bekasi', 'kota-bandung', 'kab-banyuwangi', 'kab-mimika', 'kota-tomohon']) expect(cohort2017, id).toContain(id);
    // 2019 members named by local reports stay in 2019 (no earlier lottery draws them).
    for (const id of ['kota-banda-aceh', 'kab-padang-pariaman', 'kab-gunungkidul', 'kota-cilegon']) expect(ids('smart-city-2019'), id).toContain(id);
    const cycle = (id: string) => model.governments.find((g) => g.id === id)!.election;
    // Pilkada 2017 (KPU list), including a renamed regency; Pilkada 2018 provinces and cities.
    expect([cycle('kab-bekasi'), cycle('kab-kepulauan-tanimbar'), cycle('prov-dki-jakarta'), cycle('kota-yogyakarta')]).toEqual(['c2017', 'c2017', 'c2017', 'c2017']);
    expect([cycle('prov-papua'), cycle('prov-jawa-timur'), cycle('kota-bau-bau'), cycle('kota-padang-sidempuan')]).toEqual(['c2018', 'c2018', 'c2018', 'c2018']);
    // A name that matches no government is an error naming the file and line; nothing is written.
    const dir = mkdtempSync(join(tmpdir(), 'difusi-lists-'));
    const lists = join(dir, 'public-lists');
    mkdirSync(lists);
    cpSync(join(ROOT, 'data', 'public-lists', 'smart-city-cohorts.csv'), join(lists, 'smart-city-cohorts.csv'));
    writeFileSync(join(lists, 'pilkada-cycles.csv'), readFileSync(join(ROOT, 'data', 'public-lists', 'pilkada-cycles.csv'), 'utf8') + 'c2018,regency,Kabupaten Atlantis,,x\n');
    const out = join(dir, 'out.yaml');
    expect(() =>
      generateNational({ dataDir: join(ROOT, 'data', 'idn-area'), listsDir: lists, bekasiFile: join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), outFile: out }),
    ).toThrow(/pilkada-cycles\.csv:158:1 "Kabupaten Atlantis" matches 0 governments of .*idn-area \(need exactly one\)/);
    expect(existsSync(out)).toBe(false);
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
    for (const p of alone.programmes) for (const c of p.cohorts) (c as { members?: string[] }).members = ((c as { members?: string[] }).members ?? []).filter((id) => id === 'kota-bekasi');
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
