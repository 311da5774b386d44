/**
 * A city what-if says so, as a national one does: `difusi run --set`
 * records the changes in manifest.json as `overrides` (path -> value,
 * appended as the last key; not the seed or the replication count, which
 * change the draws, not the scenario), the merge of its shards keeps them
 * (the manifest the unsharded run writes, but for `command` and `timings`),
 * and report.md / report.html (English and Indonesian) say first that the
 * figures are of the changed scenario, the user's values escaped. The file's
 * own run records none and says nothing of it (its manifest unchanged).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestFolder, resultFolder, runFolders, SMALL_CITY } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { shared } from '../support/shared.js';

const folder = cliTestFolder('difusi-run-what-if-');
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
/** The manifest without the fields that differ between two runs of the same inputs (and a merge's command). */
const stable = (dir: string) => {
  const { command: _c, timings: _t, ...rest } = manifest(dir);
  return JSON.stringify(rest, null, 2);
};

/** A value the reports must show as text: markup of HTML and markdown, and a link. */
const NAME = '<b>*Mayor*</b> [x](http://e.example)';
const SET = ['--set', 'parameters.takeover_vendor=0.9', '--set', `leaders[0].name=${JSON.stringify(NAME)}`];

// In the test's process (runInProcess): what a command writes is checked here, nothing only a process has.
async function ok(args: readonly string[]): Promise<void> {
  const r = await runInProcess(args);
  expect(r.code, r.stderr).toBe(0);
}

/**
 * The what-if run with -s and -r: the first case reads its manifest, and the merge case compares its merged
 * shards with it (it ran its own unsharded run of 4 replications: one run fewer; two replications still give
 * each of the two shards one).
 */
// The runs that draw a report do so with --no-png: the report's PNGs are not what this test is about (its
// pages' text is), and drawing them is most of a report's CPU.
const WHAT_IF = ['run', SMALL_CITY, '-r', '2', '-s', '5', ...SET, '--no-charts', '--quiet'];
const whatIfRun = shared(async () => {
  const out = join(folder(), 'one');
  await ok([...WHAT_IF, '--out', out]);
  return resultFolder(out, 'small-city');
});

describe('difusi run --set records its what-ifs', () => {
  it('in manifest.json as `overrides`, the last key; not the seed or -r', async () => {
    const m = manifest(await whatIfRun());
    expect(m['overrides']).toEqual({ 'parameters.takeover_vendor': 0.9, 'leaders[0].name': NAME });
    expect(Object.keys(m).at(-1)).toBe('overrides');
    // The fields before it keep their order.
    expect(Object.keys(m).slice(0, -1)).toEqual(['tool', 'kind', 'scenario', 'seed', 'replications', 'detail_replications', 'command', 'shard', 'timings', 'files', 'checksums', 'rows']);
  }, 120_000);

  it('a run grown to a precision (--precision) records them too', async () => {
    const out = join(folder(), 'precision');
    await ok(['run', SMALL_CITY, '--precision', '0.5', '--max-replications', '12', ...SET, '--no-charts', '--quiet', '--out', out]);
    const m = manifest(resultFolder(out, 'small-city'));
    expect(m['overrides']).toEqual({ 'parameters.takeover_vendor': 0.9, 'leaders[0].name': NAME });
    expect(Object.keys(m).slice(-2)).toEqual(['rows', 'overrides']);
  }, 120_000);

  it("the file's own run (and one with only -s and --set replications) records none", async () => {
    const out = join(folder(), 'plain');
    await ok(['run', SMALL_CITY, '-s', '5', '--set', 'replications=2', '--no-png', '--quiet', '--out', out]);
    const dir = resultFolder(out, 'small-city');
    expect(Object.keys(manifest(dir))).not.toContain('overrides');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).not.toContain('A what-if:');
  }, 120_000);

  it('a --set that changes nothing (the value the file has) is not recorded; one that does is', async () => {
    // small-city.yaml sets reflexivity 0.2: without the other --set the folder is the file's own (same hash), so
    // the run must not call it a what-if.
    const out = join(folder(), 'same');
    await ok(['run', SMALL_CITY, '-r', '2', '--set', 'parameters.reflexivity=0.2', '--set', 'parameters.leader_hazard=0.2', '--no-charts', '--quiet', '--out', out]);
    const m = manifest(resultFolder(out, 'small-city'));
    expect(m['overrides']).toEqual({ 'parameters.leader_hazard': 0.2 });
  }, 120_000);

  it('the merge of its shards keeps them: the unsharded run\'s manifest but for command and timings', async () => {
    const base = WHAT_IF;
    const whole = await whatIfRun();
    const parts = join(folder(), 'parts');
    for (const i of [0, 1]) await ok([...base, '--shard', `${i}/2`, '--out', parts]);
    const shards = runFolders(parts, 'small-city').filter((d) => /\.shard-\d-of-2$/.test(d));
    expect(shards).toHaveLength(2);
    await ok(['merge', ...shards, '--no-charts', '--out', join(folder(), 'merged')]);
    const merged = resultFolder(join(folder(), 'merged'), 'small-city');
    expect(manifest(merged)['overrides']).toEqual({ 'parameters.takeover_vendor': 0.9, 'leaders[0].name': NAME });
    expect(stable(merged)).toBe(stable(whole));
  }, 180_000);

  it('and the reports say first that the figures are of the changed scenario, the values escaped, in English and Indonesian', async () => {
    const out = join(folder(), 'report');
    await ok(['run', SMALL_CITY, '-r', '2', ...SET, '--no-png', '--quiet', '--out', out]);
    const dir = resultFolder(out, 'small-city');
    await ok(['report', dir, '--lang', 'id', '--no-png']);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const mdId = readFileSync(join(dir, 'report.id.md'), 'utf8');
    const htmlId = readFileSync(join(dir, 'report.id.html'), 'utf8');
    // The summary's first paragraph (right under its heading).
    // Each change as a code span (tests/report/what-if-code.test.ts), so no markdown escape shows.
    expect(md).toMatch(/## Summary\n\nA what-if: the scenario was run with the following changes \(the file itself is not changed\): ` parameters\.takeover_vendor = 0\.9 `; ` leaders\[0\]\.name = /);
    expect(md).toContain('Every figure below is of the scenario with these changes, not of the file as written.');
    expect(mdId).toContain('Simulasi pengandaian: skenario dijalankan dengan perubahan berikut (berkas aslinya tidak diubah): ` parameters.takeover_vendor = 0,9 `; ` leaders[0].name = ');
    // The user's value is text: no tag, emphasis or link of its own in either report's sentence.
    for (const text of [md, mdId]) {
      const sentence = text.split('\n').find((l) => l.includes('parameters.takeover_vendor = 0'))!;
      // Inside a code span markdown and HTML are not read: the value is written as given.
      expect(sentence).toContain('` leaders[0].name = "<b>*Mayor*</b> [x](http://e.example)" `.');
      expect(sentence.replace(/` [^`]* `/g, '')).not.toMatch(/<b>|\*Mayor\*|\[x\]\(http/);
    }
    expect(html).toContain(
      '<p>A what-if: the scenario was run with the following changes (the file itself is not changed): <code>parameters.takeover_vendor = 0.9</code>; <code>leaders[0].name = &quot;&lt;b&gt;*Mayor*&lt;/b&gt; [x](http://e.example)&quot;</code>. Every figure below is of the scenario with these changes, not of the file as written.</p>',
    );
    expect(htmlId).toContain('<p>Simulasi pengandaian: skenario dijalankan dengan perubahan berikut (berkas aslinya tidak diubah): <code>parameters.takeover_vendor = 0,9</code>; <code>leaders[0].name = &quot;&lt;b&gt;');
    for (const text of [html, htmlId]) expect(text).not.toContain('<b>*Mayor*');
  }, 180_000);
});
