/**
 * `--no-png` on the commands that write a report after their job (run,
 * compare, sweep, sensitivity, merge), as `difusi report --no-png` has it:
 * the charts as SVG only, and report.md showing the SVGs. The PNGs are on by
 * default (the other tests of the suite see them). The data files do not
 * depend on it (a report is drawn from the folder's files after they are
 * written). The commands run in the test's process (runInProcess), the
 * refused write in a process of its own (startBin): its preloaded module
 * makes the write fail.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { SMALL_CITY, cliTestFolder, refusedInOneLine, resultFolder, startBin, runFolders } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const dir = cliTestFolder('difusi-no-png-');

/** The chart files of a result folder and the images its report.md shows. */
function charts(folder: string): { files: string[]; images: string[] } {
  const md = readFileSync(join(folder, 'report.md'), 'utf8');
  return {
    files: readdirSync(join(folder, 'charts')).sort(),
    images: [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!),
  };
}

function svgOnly(folder: string): void {
  const { files, images } = charts(folder);
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((f) => !f.endsWith('.svg'))).toEqual([]);
  expect(images.length).toBeGreaterThan(0);
  expect(images.filter((i) => !/^charts\/[\w-]+\.svg$/.test(i))).toEqual([]);
}

describe('--no-png: SVG charts only, and report.md shows them', () => {
  it('run', async () => {
    const out = join(dir(), 'run');
    const r = await runInProcess(['run', SMALL_CITY, '-r', '2', '-q', '--no-png', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    svgOnly(resultFolder(out, 'small-city'));
  });

  it('a refused report write advises `difusi report <folder> --no-png`, which writes the SVG-only report', async () => {
    const out = join(dir(), 'refused');
    const r = await startBin(['run', SMALL_CITY, '-r', '2', '-q', '--no-png', '--out', out], { failWrite: 'report.html' }).done;
    const folder = /^results: (.*)$/m.exec(r.stdout)![1]!;
    const line = refusedInOneLine({ ...r, stdout: '' });
    expect(line).toContain(`write the report with: difusi report ${folder} --no-png`);
    const report = await runInProcess(['report', folder, '--no-png']);
    expect(report.code, report.stderr).toBe(0);
    svgOnly(folder);
  });

  it('merge of shards', async () => {
    const out = join(dir(), 'merge');
    const shards = await Promise.all(['0/2', '1/2'].map((s) => runInProcess(['run', SMALL_CITY, '-r', '2', '-q', '--shard', s, '--out', out])));
    for (const s of shards) expect(s.code, s.stderr).toBe(0);
    const parts = runFolders(out, 'small-city').filter((d) => /\.shard-\d+-of-2$/.test(d));
    expect(parts).toHaveLength(2);
    const merged = join(dir(), 'merged');
    const m = await runInProcess(['merge', ...parts, '--no-png', '--out', merged]);
    expect(m.code, m.stderr).toBe(0);
    svgOnly(resultFolder(merged, 'small-city'));
  });

  it('compare', async () => {
    const variant = join(dir(), 'variant.yaml');
    const doc = parse(readFileSync(SMALL_CITY, 'utf8')) as Record<string, unknown>;
    writeFileSync(variant, stringify({ ...doc, name: 'small-city-variant', seed: 8 }));
    const out = join(dir(), 'compare');
    const r = await runInProcess(['compare', SMALL_CITY, variant, '-r', '2', '-q', '--no-png', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const base = readdirSync(out);
    expect(base).toHaveLength(1);
    svgOnly(resultFolder(out, base[0]!));
  });

  it('sweep and sensitivity list it, on by default', async () => {
    for (const command of ['sweep', 'sensitivity']) {
      const help = await runInProcess([command, '--help']);
      expect(help.stdout).toMatch(/--png\s+draw each chart as a PNG beside its SVG[\s\S]*?\[boolean\] \[default: true\]/);
    }
  });
});
