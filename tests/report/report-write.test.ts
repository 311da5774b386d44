import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildExperimentCharts, writeReport } from '../../src/store/report-write.js';
import { checkReplaceable } from '../../src/store/folder-lock.js';
import { COMPARE_DIR, RUN_DIR, SENSITIVITY_DIR, SWEEP_DIR } from './helpers.js';

const temps: string[] = [];
function copyOf(dir: string): string {
  const t = mkdtempSync(join(tmpdir(), 'difusi-report-'));
  temps.push(t);
  cpSync(dir, t, { recursive: true });
  return t;
}
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

describe('writeReport', () => {
  test('writes charts (SVG and PNG), report.html and report.md; leaves no temporary folder', async () => {
    const dir = copyOf(RUN_DIR);
    mkdirSync(join(dir, 'charts'));
    // A chart difusi draws (for a sensitivity study), stale here: replaced. (A file difusi never
    // writes there stops the job instead: tests/store/foreign-files.test.ts.)
    writeFileSync(join(dir, 'charts', 'heatmap.svg'), '<svg/>');
    const out = await writeReport(dir, { png: true });
    expect(out.charts).toEqual(['adoption', 'rogers', 'survival', 'stages', 'callon', 'learning']);
    const charts = readdirSync(join(dir, 'charts')).sort();
    expect(charts).toEqual(out.charts.flatMap((c) => [`${c}.png`, `${c}.svg`]).sort()); // the old charts/ replaced
    expect(readdirSync(dir).filter((f) => f.startsWith('.report-tmp'))).toEqual([]);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect((html.match(/<svg\b/g) ?? []).length).toBe(6);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    for (const c of out.charts) {
      expect(md).toContain(`(charts/${c}.png)`);
      expect(existsSync(join(dir, 'charts', `${c}.png`))).toBe(true);
    }
  });

  test('the same folder gives the same report bytes twice', async () => {
    const dir = copyOf(RUN_DIR);
    await writeReport(dir, { png: false });
    const first = readFileSync(join(dir, 'report.html'), 'utf8');
    const svg = readFileSync(join(dir, 'charts', 'survival.svg'), 'utf8');
    await writeReport(dir, { png: false });
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(first);
    expect(readFileSync(join(dir, 'charts', 'survival.svg'), 'utf8')).toBe(svg);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('(charts/adoption.svg)');
  });

  test('--lang id writes report.id.html, report.id.md and charts.id/ and leaves the English report alone', async () => {
    const dir = copyOf(RUN_DIR);
    await writeReport(dir, { png: false });
    const names = ['report.html', 'report.md', ...readdirSync(join(dir, 'charts')).map((c) => join('charts', c))];
    const english = new Map(names.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const out = await writeReport(dir, { png: false, lang: 'id' });
    for (const [f, bytes] of english) expect(readFileSync(join(dir, f), 'utf8'), f).toBe(bytes);
    expect(readdirSync(join(dir, 'charts')).length).toBe(english.size - 2);
    expect(out.files).toContain('report.id.html');
    expect(out.files).toContain('report.id.md');
    expect(readFileSync(join(dir, 'report.id.html'), 'utf8')).toContain('<html lang="id">');
    const md = readFileSync(join(dir, 'report.id.md'), 'utf8');
    expect(md).toContain('## Ringkasan');
    for (const c of out.charts) {
      expect(md).toContain(`(charts.id/${c}.svg)`);
      expect(readFileSync(join(dir, 'charts.id', `${c}.svg`), 'utf8')).not.toBe(english.get(join('charts', `${c}.svg`)));
    }
    // A job may still rewrite the folder: the Indonesian files are difusi's own.
    expect(() => checkReplaceable(dir)).not.toThrow();
    expect(readdirSync(dir).filter((f) => f.startsWith('.report-tmp'))).toEqual([]);
  });

  test('the Info text\'s relative links name their file as plain text (the report is sent on without the docs)', async () => {
    const dir = copyOf(RUN_DIR);
    // The scenario sits two folders above the result folder, in scenarios/.
    const root = mkdtempSync(join(tmpdir(), 'difusi-links-'));
    temps.push(root);
    mkdirSync(join(root, 'scenarios'));
    writeFileSync(join(root, 'scenarios', 'mini.yaml'), 'name: mini\n');
    const result = join(root, 'output', 'mini', 'key');
    mkdirSync(join(root, 'output', 'mini'), { recursive: true });
    cpSync(dir, result, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(result, 'manifest.json'), 'utf8'));
    manifest.scenario.file = join(root, 'scenarios', 'mini.yaml');
    manifest.scenario.info = 'See [the model](../docs/MODEL.md).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    writeFileSync(join(result, 'manifest.json'), JSON.stringify(manifest, null, 2));
    await writeReport(result, { png: false });
    const html = readFileSync(join(result, 'report.html'), 'utf8');
    // No link into the machine that wrote it: the file is named as plain text, in both pages.
    expect(html).toContain('See the model (MODEL.md).');
    expect(html).not.toMatch(/href="[^#]/);
    // Its header cells scoped, its first column the rows' headers (the forty-second session).
    expect(html).toContain('<thead><tr><th scope="col">a</th><th scope="col">b</th></tr></thead>');
    expect(html).toContain('<tr><th scope="row">1</th><td>2</td></tr>');
    expect(readFileSync(join(result, 'report.md'), 'utf8')).toContain('See the model (MODEL.md).');
  });

  test('an unreadable folder leaves no half-written report', async () => {
    const dir = copyOf(RUN_DIR);
    writeFileSync(join(dir, 'events.csv'), 'replication,month\n0,x\n');
    await expect(writeReport(dir, { png: true })).rejects.toThrow(/events\.csv/);
    expect(readdirSync(dir).filter((f) => f.startsWith('report.') || f === 'charts' || f.startsWith('.report-tmp'))).toEqual([]);
  });

  test('comparison, sweep and sensitivity folders get their charts and tables', async () => {
    expect((await buildExperimentCharts(COMPARE_DIR)).map((c) => c.name)).toEqual(['forest', 'arms']);
    expect((await buildExperimentCharts(SWEEP_DIR)).map((c) => c.name)).toEqual(['heatmap']);
    expect((await buildExperimentCharts(SENSITIVITY_DIR)).map((c) => c.name)).toEqual(['morris', 'sobol']);
    const dir = copyOf(SENSITIVITY_DIR);
    const out = await writeReport(dir, { png: false });
    expect(out.charts).toEqual(['morris', 'sobol']);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('id="table-morris"');
    expect(html).toContain('id="table-sobol"');
  });
});
