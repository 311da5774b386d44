/**
 * Sobol' indices of an outcome with no variance over the design (the same
 * value at every point): every S1 and ST is 0/0, written as empty cells.
 * The reader takes them as undefined (NaN), the terminal says "no variance"
 * instead of printing `( to )`, and the report shows the rows as undefined,
 * says why, draws no panel for the outcome and reports the others as usual.
 * End to end on a small design where `sustained_count` is 2 at every point:
 * the command used to exit 2 after writing the data folder, and no report
 * could ever be drawn from it.
 *
 * Each command line runs in the test's process (runInProcess, tests/support/
 * in-process.ts): what it prints and writes is checked, not a process's start.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatSensitivity, noVarianceLine } from '../../src/cli/sensitivity.js';
import type { SensitivityRow } from '../../src/experiment/design.js';
import { experimentCharts, runContext } from '../../src/report/charts.js';
import { sobolTable } from '../../src/report/report-model.js';
import { catalog } from '../../src/report/i18n/index.js';
import type { ResultSet } from '../../src/report/rows.js';
import { sobolData, sobolSpec } from '../../src/report/specs/sobol.js';
import { sensitivitySummary } from '../../src/report/summary.js';
import { parseSobol } from '../../src/store/results-read.js';
import { UserError } from '../../src/messages/catalog.js';
import { ROOT, assertBuilt, stackLines } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { fixture as resultFixture, SENSITIVITY_DIR } from '../report/helpers.js';
import { onlyFolder, tempRoot } from './helpers.js';

const out = tempRoot('sobol-no-variance');
afterAll(out.cleanup);

/** sobol.csv as the writer writes it: live_share varies, sustained_count is the same at every point (its cells empty). */
const SOBOL_CSV = `parameter,outcome,S1,S1_low,S1_high,ST,ST_low,ST_high,noise_floor
parameters.takeover_vendor,live_share,0.888724035608,0.392631380118,1.30574675629,0.550445103858,0.305717126708,0.806595911273,0.289820044032
parameters.champion_rotation,live_share,0.709198813056,0.371581770623,1.1543790612,0.350148367953,0.172171981766,0.657864474015,0.289820044032
parameters.takeover_vendor,sustained_count,,,,,,,
parameters.champion_rotation,sustained_count,,,,,,,
`;

const nan = Number.NaN;
/** The rows sensitivityRows returns for the same analysis (the terminal prints these). */
const sensitivityRows: SensitivityRow[] = [
  { method: 'sobol', parameter: 'parameters.takeover_vendor', outcome: 'live_share', mu: nan, mu_star: nan, sigma: nan, mu_star_conf: nan, S1: 0.888724035608, S1_low: 0.392631380118, S1_high: 1.30574675629, ST: 0.550445103858, ST_low: 0.305717126708, ST_high: 0.806595911273, noise_floor: 0.289820044032 },
  { method: 'sobol', parameter: 'parameters.champion_rotation', outcome: 'live_share', mu: nan, mu_star: nan, sigma: nan, mu_star_conf: nan, S1: 0.709198813056, S1_low: 0.371581770623, S1_high: 1.1543790612, ST: 0.350148367953, ST_low: 0.172171981766, ST_high: 0.657864474015, noise_floor: 0.289820044032 },
  { method: 'sobol', parameter: 'parameters.takeover_vendor', outcome: 'sustained_count', mu: nan, mu_star: nan, sigma: nan, mu_star_conf: nan, S1: nan, S1_low: nan, S1_high: nan, ST: nan, ST_low: nan, ST_high: nan, noise_floor: nan },
  { method: 'sobol', parameter: 'parameters.champion_rotation', outcome: 'sustained_count', mu: nan, mu_star: nan, sigma: nan, mu_star_conf: nan, S1: nan, S1_low: nan, S1_high: nan, ST: nan, ST_low: nan, ST_high: nan, noise_floor: nan },
];

describe('sobol.csv reader: an empty index cell is an undefined index', () => {
  it('reads the empty S1/ST/interval cells as NaN (and null), the other outcome as numbers', () => {
    const rows = parseSobol(SOBOL_CSV, '/results');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ outcome: 'live_share', S1: 0.888724035608, S1_low: 0.392631380118, ST: 0.550445103858, ST_high: 0.806595911273, noise_floor: 0.289820044032 });
    for (const r of rows.slice(2)) {
      expect(r.outcome).toBe('sustained_count');
      expect(r.S1).toBeNaN();
      expect(r.ST).toBeNaN();
      expect([r.S1_low, r.S1_high, r.ST_low, r.ST_high, r.noise_floor]).toEqual([null, null, null, null, null]);
    }
  });

  it('still refuses a cell that is not a number, and a file without the S1 or ST column', () => {
    const refusal = (text: string): string => {
      try {
        parseSobol(text, '/results');
      } catch (e) {
        if (e instanceof UserError) return e.message;
        throw e;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(SOBOL_CSV.replace('0.888724035608', 'abc'))).toMatch(/column "S1": expected a number, found "abc"/);
    expect(refusal('parameter,outcome,S1\nx,y,0.5\n')).toMatch(/missing column "ST"/);
  });
});

describe('the terminal: "no variance" instead of ( to )', () => {
  it("prints one line saying why the outcome's indices are undefined, and the other outcome's table as before", () => {
    const text = formatSensitivity(sensitivityRows);
    expect(text).not.toContain('( to )');
    expect(text).toContain(`\n\nsustained_count\n${noVarianceLine('sustained_count')}\n\n`);
    expect(noVarianceLine('sustained_count')).toBe(
      "no variance: sustained_count is the same at every design point, so its Sobol' indices are undefined (0/0: no variance to share among the factors); their cells in sobol.csv are empty",
    );
    expect(text).toContain('parameters.takeover_vendor    0.889 (0.393 to 1.306)  0.550 (0.306 to 0.807)');
  });

  it('an index without an interval (bootstrap: 0) is printed alone, not with ( to )', () => {
    const rows = sensitivityRows.slice(0, 2).map((r) => ({ ...r, S1_low: nan, S1_high: nan, ST_low: nan, ST_high: nan }));
    const text = formatSensitivity(rows);
    expect(text).not.toContain('( to )');
    expect(text).toMatch(/parameters\.takeover_vendor +0\.889 +0\.550\n/);
  });
});

describe('the report of an outcome with no variance', () => {
  // Read in each test (the reader used to refuse the file).
  let rows: ReturnType<typeof parseSobol> = [];
  beforeEach(() => {
    rows = parseSobol(SOBOL_CSV, '/results');
  });
  async function results(): Promise<ResultSet> {
    const base = await resultFixture(SENSITIVITY_DIR);
    return { ...base, manifest: { ...base.manifest, replications: 2 }, morris: [], sobol: rows };
  }

  it('the table shows its rows as undefined and its note says why; the other rows as usual (en, id)', () => {
    for (const lang of ['en', 'id'] as const) {
      const t = catalog(lang);
      const table = sobolTable(rows, t)!;
      const constant = table.rows.filter((r) => r[0] === (lang === 'en' ? 'services sustained (count)' : 'layanan bertahan (jumlah)'));
      expect(constant).toHaveLength(2);
      for (const r of constant) expect(r.slice(2)).toEqual([t.sobolUndefinedCell, '–', t.sobolUndefinedCell, '–']);
      const live = table.rows.filter((r) => !constant.includes(r));
      // (Numbers get the language's decimal sign when the table is written.)
      expect(live.map((r) => r[2])).toEqual(['0.889', '0.709']);
      expect(table.note).toContain(t.sobolNoVariance([constant[0]![0]!]));
      expect(table.rows.flat().join(' ')).not.toMatch(/NaN/);
    }
    expect(catalog('en').sobolNoVariance(['services sustained (count)'])).toBe(
      'The indices of services sustained (count) are undefined (empty cells in sobol.csv): it has the same value at every design point, so there is no variance to share among the factors (0/0).',
    );
  });

  it('the chart draws no panel for it, names it in its subtitle and caption, and no NaN or null reaches Vega', async () => {
    for (const lang of ['en', 'id'] as const) {
      const t = catalog(lang);
      const spec = sobolSpec({ rows, t }) as unknown as { title: { subtitle: string[] }; hconcat: { title: { text: string }; data: { values: Record<string, unknown>[] } }[] };
      expect(spec.hconcat).toHaveLength(1);
      const name = lang === 'en' ? 'services sustained (count)' : 'layanan bertahan (jumlah)';
      expect(spec.title.subtitle).toContain(t.sobolNotDrawn([name]));
      const values = spec.hconcat.flatMap((p) => p.data.values);
      expect(values).toHaveLength(4);
      for (const v of values) for (const k of ['value', 'lo', 'hi']) expect(Number.isFinite(v[k]), `${k} of ${JSON.stringify(v)}`).toBe(true);
      expect(JSON.stringify(spec.hconcat.map((p) => p.data))).not.toMatch(/NaN|null/);
      const charts = experimentCharts(await results(), lang);
      const sobol = charts.find((c) => c.name === 'sobol')!;
      expect(sobol.caption).toBe(`${t.sobolCaption} ${t.sobolNotDrawn([name])}`);
    }
    // Its data alone: no bar at all.
    expect(sobolData(rows.filter((r) => r.outcome === 'sustained_count')).values).toEqual([]);
    // With no other outcome there is no Sobol' chart.
    const only = { ...(await results()), sobol: rows.filter((r) => r.outcome === 'sustained_count') };
    expect(experimentCharts(only, 'en').map((c) => c.name)).not.toContain('sobol');
  });

  it("the summary says, in one sentence, that its indices are undefined and why; the other outcome's as usual (en, id)", async () => {
    const r = await results();
    const en = sensitivitySummary(r, runContext(r, 'en'));
    expect(en).toContain(catalog('en').sumSobolNoVariance('services sustained (count)'));
    expect(en.find((s) => s.includes('services sustained (count)'))).toBe(
      'For services sustained (count), the Sobol indices are undefined: it has the same value at every design point, so there is no variance to share among the factors, and no factor can be named or ruled out.',
    );
    expect(en.find((s) => s.startsWith('For services in use'))).toMatch(/largest first: takeover_vendor \(total index 0\.55\)\./);
    const id = sensitivitySummary(r, runContext(r, 'id'));
    expect(id.find((s) => s.includes('layanan bertahan (jumlah)'))).toBe(catalog('id').sumSobolNoVariance('layanan bertahan (jumlah)'));
    expect(id.find((s) => s.startsWith('Untuk layanan aktif') || s.includes('takeover_vendor'))).toMatch(/takeover_vendor \(indeks total 0,55\)/);
  });
});

describe('difusi sensitivity end to end: a Sobol design with an outcome that never varies', () => {
  beforeAll(assertBuilt);
  const readCsv = (file: string): Record<string, string>[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

  it('exits 0 with its report; difusi report on the folder works; the constant outcome has empty cells, the other numbers', async () => {
    // sustained_count is 2 at every point of this design (the two sustained services of Bekasi).
    const experiment = join(out.dir, 'small-sobol.yaml');
    writeFileSync(
      experiment,
      [
        'name: small-sobol',
        `base: ${join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml')}`,
        'replications: 2',
        'outcomes: [live_share, sustained_count]',
        'design:',
        '  method: sobol',
        '  samples: 8',
        '  bootstrap: 50',
        '  factors:',
        '    - { name: parameters.takeover_vendor, min: 0, max: 1 }',
        '    - { name: parameters.champion_rotation, min: 0, max: 0.3 }',
        '',
      ].join('\n'),
    );
    const root = join(out.dir, 'out');
    // --no-png: the report's PNGs are not what this test is about (it reads the CSVs, report.md and the SVG).
    const r = await runInProcess(['sensitivity', experiment, '-w', '1', '--no-png', '--out', root]);
    expect(r.code, r.stderr).toBe(0);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stdout).not.toContain('( to )');
    expect(r.stdout).toContain(`sustained_count\n${noVarianceLine('sustained_count')}\n`);
    const dir = onlyFolder(join(root, 'small-sobol'));
    for (const f of ['sobol.csv', 'sensitivity.csv', 'report.md', 'report.html', 'charts/sobol.svg']) expect(existsSync(join(dir, f)), f).toBe(true);
    const sobol = readCsv(join(dir, 'sobol.csv'));
    const cells = ['S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'noise_floor'];
    const constant = sobol.filter((row) => row['outcome'] === 'sustained_count');
    expect(constant).toHaveLength(2);
    for (const row of constant) expect(cells.map((c) => row[c])).toEqual(cells.map(() => ''));
    const live = sobol.filter((row) => row['outcome'] === 'live_share');
    expect(live).toHaveLength(2);
    for (const row of live) for (const c of cells) expect(Number.isFinite(Number(row[c])) && row[c] !== '', `${c}: ${row[c]}`).toBe(true);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('For services sustained (count), the Sobol indices are undefined');
    expect(md).toContain('| services sustained (count) | takeover_vendor | undefined | – | undefined | – |');
    expect(md).not.toMatch(/NaN/);
    // The report again from the folder (as after --no-charts or a merge), in Indonesian too.
    for (const lang of ['en', 'id']) {
      const again = await runInProcess(['report', dir, '--lang', lang, '--no-png']);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toBe('');
    }
    expect(readFileSync(join(dir, 'report.id.md'), 'utf8')).toContain('Untuk layanan bertahan (jumlah), indeks Sobol tidak terdefinisi');
  }, 180_000);
});
