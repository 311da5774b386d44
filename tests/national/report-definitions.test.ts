/**
 * The national report says what its figures are, in English and
 * Indonesian: the cohort chart's caption says what the chart plots (of the
 * governments offered a service, the share that ever had it live in one of
 * their agencies: governments_ever_share), not "ever offered"; "how to read
 * this report" defines the sustained share with the min_peak condition and
 * the run's min_peak; the caveat under the table of governments counts the
 * election cycles the governments are on, apart from the governments on
 * none; and the table of names and ids gives each cycle's name beside its id.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { executeNationalRun } from '../../src/jobs/national.js';
import { renderNationalReport } from '../../src/jobs/national-report.js';
import { readNationalFolder } from '../../src/store/national-tables.js';
import { nationalReportModel } from '../../src/report/national-report.js';
import { rowOf } from '../support/markdown.js';

const FIXTURE = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const CYCLE = 'Pilkada 2018, then 2024';

/**
 * The fixture with its election cycle named, a second cycle no government is on, min_peak 2 and sustain_fraction 0.4:
 * one government (kota-a) on a cycle, three on none.
 */
function fixture(): string {
  const doc = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;
  doc['elections'][0]['name'] = CYCLE;
  doc['parameters']['min_peak'] = 2;
  doc['parameters']['sustain_fraction'] = 0.4;
  const file = join(tempDir('difusi-ndefs-'), 'defs.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

/** The paragraph under a `### heading`, up to the next heading. */
function section(md: string, heading: string): string {
  const at = md.indexOf(heading);
  if (at < 0) throw new Error(`no heading "${heading}"`);
  const rest = md.slice(at + heading.length);
  const end = rest.search(/^#/m);
  return end < 0 ? rest : rest.slice(0, end);
}

let dir = '';
let en = '';
let id = '';
beforeAll(async () => {
  assertBuilt();
  const r = await executeNationalRun({ file: fixture(), outRoot: tempDir('difusi-ndefs-out-'), workers: 1, replications: 2, command: 'test', charts: true, report: 'id' });
  dir = r.dir;
  en = (await renderNationalReport(dir, 'en')).md;
  id = readFileSync(join(dir, 'report.id.md'), 'utf8');
});

describe("the cohort chart's caption", () => {
  it('says what the chart plots: of the governments offered a service, the share that ever had it live (both languages)', () => {
    const captionEn = section(en, '### Programme cohorts: smart');
    expect(captionEn).toContain('Of the governments offered each national service, the share that have ever had it live in at least one of their agencies (governments_ever_share in national_series.csv)');
    expect(captionEn).not.toContain('ever offered');
    const captionId = section(id, '### Kohort program: smart');
    expect(captionId).toContain('Dari pemerintah daerah yang ditawari setiap layanan nasional, proporsi yang layanannya pernah aktif di sedikitnya satu perangkat daerahnya (governments_ever_share dalam national_series.csv)');
    expect(captionId).not.toContain('pernah menyediakan');
  });

  it("and the chart's subtitle says the same, with the same denominator", () => {
    const svgEn = readFileSync(join(dir, 'charts', 'national-cohorts-smart.svg'), 'utf8');
    expect(svgEn).toContain('share of the governments offered the service that have ever had it live in one of their agencies');
    const svgId = readFileSync(join(dir, 'charts.id', 'national-cohorts-smart.svg'), 'utf8');
    expect(svgId).toContain('di antara pemerintah daerah yang ditawari layanan itu, proporsi yang layanannya pernah aktif');
  });
});

describe('"how to read this report": the sustained share', () => {
  it("gives the min_peak and sustain_fraction conditions with the run's values (both languages)", () => {
    expect(en).toContain(
      '- **sustained share**: Of the services a government launched, the share still sustained at the horizon: live in at least one agency and in at least the share sustain_fraction of the agencies it reached at its peak (0.4 in this run; by default 0.5, one half), and its peak reached min_peak agencies (2 in this run, as in the parameters table below) or, if fewer of its agencies are eligible, all of them. A service still live whose peak stayed under that counts as declining, not sustained.',
    );
    expect(id).toContain('di sedikitnya proporsi sustain_fraction dari jumlah perangkat daerah pada puncaknya (0,4 dalam simulasi ini; bawaan 0,5, yaitu separuh)');
    expect(id).toContain(
      'dan puncaknya mencapai min_peak perangkat daerah (2 dalam simulasi ini, seperti pada tabel parameter di bawah) atau, bila perangkat daerahnya yang memenuhi syarat lebih sedikit, semuanya. Layanan yang masih aktif tetapi puncaknya tidak mencapai itu dihitung menurun, bukan bertahan.',
    );
    // They are the file's national parameters: a government's own block may set others (review finding 3).
    expect(en).toContain("A government that launched none counts as 0. The values are the file's national parameters; a government whose own block sets other values is judged by its own.");
    expect(id).toContain('pemerintah daerah yang bloknya sendiri menetapkan nilai lain dinilai dengan nilainya sendiri.');
    // The values the parameters table shows.
    expect(en).toContain('| min_peak * | 2 | 3 |');
    expect(en).toContain('| sustain_fraction * | 0.4 | 0.5 |');
  });

  it('names the default where the scenario leaves min_peak alone', async () => {
    const tables = await readNationalFolder(dir);
    const manifest = { ...tables.manifest, parameters: {} };
    const model = nationalReportModel({ tables: { ...tables, manifest }, p14: '', charts: [] }, 'en');
    const term = model.glossary.find(([name]) => name === 'sustained share')![1];
    expect(term).toContain('its peak reached min_peak agencies (3 in this run, as in the parameters table below)');
    expect(term).toContain('the share sustain_fraction of the agencies it reached at its peak (0.5 in this run; by default 0.5, one half)');
  });
});

describe('"how to read this report": a replication', () => {
  it('says more replications settle the means, not that the means do not change (both languages)', () => {
    expect(en).toContain('more replications give narrower intervals, and means that move less from one run to the next (they settle inside the intervals; they are not fixed).');
    expect(en).not.toContain('not different means');
    expect(id).toContain('replikasi yang lebih banyak mempersempit interval, dan rata-ratanya makin stabil (bergeser di dalam intervalnya, bukan tetap).');
    expect(id).not.toContain('tidak mengubah rata-ratanya');
  });
});

describe('election cycles', () => {
  it('the caveat counts the cycles governments are on, and the governments on none, apart (both languages)', () => {
    expect(en).toContain('election cycle (1 cycle, and 3 governments on none: no scheduled heads, or leaders of their own city block), membership of a programme cohort');
    expect(id).toContain('siklus pilkada (1 siklus, dan 3 pemerintah daerah tanpa siklus: tanpa jadwal pergantian kepala daerah, atau dengan pimpinan dari blok city (skenario kota) miliknya sendiri), keanggotaan dalam kohort program');
    expect(en).not.toMatch(/election cycle \(2 cycles/);
  });

  it('says no "on none" when every government is on a cycle', async () => {
    const tables = await readNationalFolder(dir);
    const governmentSummary = tables.governmentSummary.map((g) => ({ ...g, election_cycle: 'c2018' }));
    const note = nationalReportModel({ tables: { ...tables, governmentSummary }, p14: '', charts: [] }, 'en').tables.find((t) => t.id === 'national-governments')!.note;
    expect(note).toContain('election cycle (1 cycle), membership');
  });

  it('the manifest records the names of the cycles, and the table of names and ids gives each beside its id', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.names.elections).toEqual({ c2018: CYCLE });
    expect(rowOf(en, 'election cycle').slice(1)).toEqual([CYCLE, 'c2018']);
    expect(rowOf(id, 'siklus pilkada').slice(1)).toEqual([CYCLE, 'c2018']);
    // The table of governments gives the cycle's name with the id the CSV holds (in square brackets, markdown-escaped), which the names table explains.
    const governments = en.slice(en.indexOf('## Governments with the highest'));
    expect(governments.split('\n').find((l) => l.startsWith('| Kota A |'))!.split(' | ')[4]).toBe(`${CYCLE} \\[c2018\\]`);
    expect(en).toContain("an election cycle's in its election_cycle column (and in the table of governments above)");
  });
});

describe("the parameter table's note", () => {
  it('explains its source column (lit, knob) and says that no value is calibrated to the governments, in report.md as in report.html (both languages)', () => {
    const noteEn = section(en, '## Parameters (ODD order)');
    expect(noteEn).toMatch(/\| knob \|/);
    expect(noteEn).toContain('knob = a modelling assumption');
    expect(noteEn).toContain('None is calibrated to the governments');
    const noteId = id.slice(id.indexOf('## Parameter'));
    expect(noteId).toContain('asumsi = asumsi pemodelan');
    expect(noteId).toContain('Tidak satu pun dikalibrasi untuk pemerintah daerah');
  });
});
