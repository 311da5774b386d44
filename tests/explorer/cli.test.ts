/**
 * `difusi explore`: writes one self-contained file and prints its path; a bad scenario is exit 2; --serve answers on 127.0.0.1.
 *
 * The command lines that write the page or refuse run in the test's own
 * process (runInProcess, tests/support/in-process.ts): the tests read what
 * they print and write. --serve starts dist/src/cli/main.js (startCli): the
 * server keeps running until the test kills it, which only a process allows.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, SMALL_CITY, startCli, stackLines, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

beforeAll(() => assertBuilt());

describe.concurrent('difusi explore', () => {
  it('writes difusi-explorer.html with the named scenario first and the shipped ones', async () => {
    const out = tempDir('explore');
    const r = await runInProcess(['explore', SMALL_CITY, '--out', out, '--no-open']);
    expect(r.code, r.stderr).toBe(0);
    const file = join(out, 'difusi-explorer.html');
    expect(r.stdout).toBe(`explorer: ${file}\n`);
    const html = readFileSync(file, 'utf8');
    const open = '<script id="difusi-scenarios" type="application/json">';
    const json = html.slice(html.indexOf(open) + open.length, html.indexOf('</script>', html.indexOf(open)));
    const embedded = JSON.parse(json) as { name: string; file: string; text: string }[];
    expect(embedded.map((s) => s.name)).toEqual(['small-city', 'bekasi-2015-2025', 'discontinued-vendor-pilot', 'sustained-opd-owned']);
    expect(embedded[0]!.text).toBe(readFileSync(SMALL_CITY, 'utf8'));
    // Self-contained: no external script or style (that it makes no request is checked in chromium).
    expect(/<script[^>]+src=|<link[^>]+href=/i.test(html)).toBe(false);
  });

  it('a bad scenario: one line naming file and line, exit 2, nothing written', async () => {
    const out = tempDir('explore-bad');
    const bad = join(out, 'bad.yaml');
    writeFileSync(bad, readFileSync(SMALL_CITY, 'utf8').replace(/^months: .*$/m, 'months: many'));
    const r = await runInProcess(['explore', bad, '--out', join(out, 'x'), '--no-open']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ Wrong type → at months`));
    expect(stackLines(r.stderr)).toEqual([]);
    expect(existsSync(join(out, 'x'))).toBe(false);
  });

  it('--serve serves the page on 127.0.0.1', async () => {
    const out = tempDir('explore-serve');
    const { child, done } = startCli(['explore', '--out', out, '--serve', '--no-open']);
    try {
      let text = '';
      child.stdout!.on('data', (d: string) => (text += d));
      const deadline = Date.now() + 30_000;
      while (!/serving on (http:\/\/127\.0\.0\.1:\d+\/)/.test(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const url = /serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text)?.[1];
      expect(url).toBeDefined();
      const page = await fetch(url!);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(readFileSync(join(out, 'difusi-explorer.html'), 'utf8'));
    } finally {
      child.kill('SIGTERM');
      await done;
    }
  }, 40_000);
});
