/**
 * The national charts have the same bytes in any time zone, as the city, comparison and sweep charts have: their
 * time axes are UTC scales (report/specs/national-replacements.ts UTC). Before, the replacement wave and cohort
 * charts were drawn on local time scales over dates read as UTC midnight: the year ticks fell on the local new
 * year, so `difusi report` of one folder under TZ=Asia/Jakarta, America/New_York and UTC wrote three different
 * charts and report.html (Asia/Jakarta lost the first year's label; audit s38 natrep2).
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = testFolder('difusi-national-tz-');
const ZONES = ['UTC', 'Asia/Jakarta', 'America/New_York'] as const;

/** `difusi report <dir>` in a process of its own whose time zone is `tz`. */
function reportIn(tz: string, dir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'report', dir, '-q'], { cwd: ROOT, env: { ...process.env, TZ: tz, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('national charts and the time zone', () => {
  const dirs: string[] = [];
  beforeAll(async () => {
    const out = join(folder(), 'run');
    const r = await runInProcess(['national', join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml'), '-r', '2', '--no-charts', '-q', '--workers', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const key = readdirSync(join(out, 'small-national')).filter((k) => !k.startsWith('.'))[0]!;
    for (const tz of ZONES) {
      const copy = join(folder(), tz.replace('/', '-'), key);
      cpSync(join(out, 'small-national', key), copy, { recursive: true });
      const rep = await reportIn(tz, copy);
      expect(rep.code, rep.stderr).toBe(0);
      dirs.push(copy);
    }
  }, 120_000);

  it('the replacement wave, the cohort charts and report.html: the same bytes under UTC, Asia/Jakarta and America/New_York', () => {
    const charts = readdirSync(join(dirs[0]!, 'charts')).filter((f) => f.endsWith('.svg')).sort();
    expect(charts).toContain('national-replacements.svg');
    expect(charts.some((f) => f.startsWith('national-cohorts-'))).toBe(true);
    for (const file of [...charts.map((c) => join('charts', c)), 'report.html']) {
      const utc = readFileSync(join(dirs[0]!, file));
      for (const [i, dir] of dirs.entries()) expect(readFileSync(join(dir, file)).equals(utc), `${file} under ${ZONES[i]}`).toBe(true);
    }
  });
});
