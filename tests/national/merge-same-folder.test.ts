/**
 * `difusi national-merge` gives the folder one `difusi national` run writes:
 * the same files, tables and charts byte for byte, report pages that differ
 * only in the command line and timings they show, and a manifest that
 * differs only in `command` and `timings`, here for a scenario with an Info
 * page (which the manifest records as `scenario.info`).
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { executeNationalMerge, executeNationalRun } from '../../src/jobs/national.js';
import { filesUnder } from '../support/cli.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'difusi-national-merge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Manifest = { command: string; timings: unknown; scenario: { info: boolean } } & Record<string, unknown>;
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** A page with the command line and the timings (shown in report.html's manifest) put aside. */
function page(dir: string, file: string): string {
  const text = readFileSync(join(dir, file), 'utf8').split(manifestOf(dir).command).join('<command>');
  return text.replace(/&quot;timings&quot;: \{[^}]*\}/, '&quot;timings&quot;: {}');
}

describe('national-merge', () => {
  it('writes the folder one run writes, Info page recorded', async () => {
    // The fixture and the city it includes, with an Info page beside the scenario.
    for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(tmp, f));
    const file = join(tmp, 'small-national.yaml');
    writeFileSync(join(tmp, 'small-national.md'), '# Small national\n\nA test scenario.\n');
    const base = { file, workers: 1, replications: 4, command: 'test-command-one-run', charts: true, report: 'en' as const };
    const one = await executeNationalRun({ ...base, outRoot: join(tmp, 'one') });
    const parts: string[] = [];
    for (const index of [0, 1]) parts.push((await executeNationalRun({ ...base, outRoot: join(tmp, 'parts'), shard: { index, count: 2 } })).dir);
    const merged = await executeNationalMerge(parts, join(tmp, 'merged'), 'test-command-merge', true, 'en');

    const files = filesUnder(one.dir);
    expect(files).toContain('report.html');
    expect(filesUnder(merged.dir)).toEqual(files);
    for (const f of files) {
      if (f === 'manifest.json') continue;
      if (/^report(\.id)?\.(html|md)$/.test(f)) expect(page(merged.dir, f), f).toBe(page(one.dir, f));
      else expect(readFileSync(join(merged.dir, f)).equals(readFileSync(join(one.dir, f))), `${f} differs`).toBe(true);
    }
    const m = manifestOf(merged.dir);
    const o = manifestOf(one.dir);
    expect(o.scenario.info).toBe(true);
    // Seconds to the millisecond, as a city run's manifest gives them (they were written as 5.290652585000001).
    const seconds = (o.timings as { seconds: number }).seconds;
    expect(Math.round(seconds * 1000) / 1000).toBe(seconds);
    const rest = (x: Manifest) => ({ ...x, command: '', timings: null });
    expect(rest(m)).toEqual(rest(o));
  });
});
