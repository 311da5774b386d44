/**
 * `difusi validate <good file>` and `difusi schema`.
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts, on the built code a process runs): the tests
 * check only what it prints, its exit code and what it writes, and starting
 * a process for each cost most of their time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, assertBuilt, stackLines, tempDir } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

beforeAll(() => assertBuilt());

describe.concurrent('validate and schema', () => {
  it('validate <good file> exits 0 with a one-line summary', async () => {
    const r = await runInProcess(['validate', SMALL_CITY]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(SMALL_CITY);
    expect(lines[0]).toContain('small-city');
    expect(lines[0]).toMatch(/16 OPDs/);
    expect(lines[0]).toMatch(/3 innovations/);
    expect(r.stderr).toBe('');
  });

  it('validate and run print scenario warnings on stderr, and still succeed', async () => {
    const file = join(ROOT, 'tests', 'fixtures', 'scenarios', 'full.yaml');
    const r = await runInProcess(['validate', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`⚠ ${file}: innovations[1] "smart-city-app" is costly but no eligible agency adopts it at launch`);
    expect(stackLines(r.stderr)).toEqual([]);
    const out = tempDir('warn');
    const run = await runInProcess(['run', file, '-r', '1', '--out', out, '--quiet', '--no-charts']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('"smart-city-app" is costly but no eligible agency adopts it at launch');
    // compare says it once, naming the first arm that has it.
    const cmp = await runInProcess(['compare', file, file, '-r', '2', '--out', out, '--quiet', '--no-charts']);
    expect(cmp.code, cmp.stderr).toBe(0);
    expect(cmp.stderr.match(/is costly but no eligible agency/g)).toHaveLength(1);
    expect(cmp.stderr).toMatch(/^⚠ \S*full\.yaml \(arm base\): innovations\[1\]/);
  });

  it('schema prints JSON equal to scenarios/schema/scenario.schema.json', async () => {
    const r = await runInProcess(['schema']);
    expect(r.code, r.stderr).toBe(0);
    expect(stackLines(r.stderr)).toEqual([]);
    const printed = JSON.parse(r.stdout) as unknown;
    const committed = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'schema', 'scenario.schema.json'), 'utf8')) as unknown;
    expect(printed).toEqual(committed);
  });
});
