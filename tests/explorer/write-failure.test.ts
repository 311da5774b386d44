/**
 * A failed write of the explorer page leaves no temporary file, and its one
 * line names the page (not a `.partial` file, not "difusi"). After a full
 * disk, the advice names --resume only for the commands that have it
 * (run, compare, sweep, sensitivity): explore, generate-national and odd
 * are told to run the command again. A run's first write on a full disk,
 * its folder's lock, is named too (it was "✗ difusi") and not left behind.
 * The command lines run in the test's process (runInProcess, on the built
 * code a process runs): what they print, their exit codes and folders need
 * no process's start-up.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CITY, stackLines, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { writeExplorerFile } from '../../src/store/explorer-write.js';
import { UserError } from '../../src/messages/catalog.js';
import { RESUMABLE_COMMANDS } from '../../src/cli/options.js';

const tmp = cliTestFolder('difusi-explore-write-');

function refusedLine(r: { code: number | null; stderr: string }): string {
  expect(r.code, r.stderr).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('⚠'));
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0]!;
}

describe('the explorer page, written whole or not at all', () => {
  it('a folder where the page goes: one line naming the page, nothing else left (in-process)', () => {
    const out = join(tmp(), 'unit');
    mkdirSync(join(out, 'difusi-explorer.html'), { recursive: true });
    let error: unknown;
    try {
      writeExplorerFile(out, 'difusi-explorer.html', '<p>page</p>');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(`✗ ${join(out, 'difusi-explorer.html')} Cannot write ${join(out, 'difusi-explorer.html')} (EISDIR): a folder is in the way: move it, or choose another --out`);
    expect(readdirSync(out)).toEqual(['difusi-explorer.html']);
  });

  it('difusi explore with a folder where the page goes: exit 2, one line, no .partial left', async () => {
    const out = join(tmp(), 'cli');
    mkdirSync(join(out, 'difusi-explorer.html'), { recursive: true });
    const line = refusedLine(await runInProcess(['explore', '--out', out, '--no-open']));
    expect(line).toContain(`Cannot write ${join(out, 'difusi-explorer.html')} (EISDIR)`);
    expect(line).not.toContain('.partial');
    expect(readdirSync(out)).toEqual(['difusi-explorer.html']);
  }, 60_000);

  it('the commands named as taking --resume are those whose --help lists it', async () => {
    // Eight --help texts, in the test's process (runInProcess; tests/cli/bundle.test.ts checks every command's --help is the same in the bundle).
    for (const command of ['run', 'compare', 'sweep', 'sensitivity', 'explore', 'generate-national', 'national', 'odd']) {
      const help = await runInProcess([command, '--help']);
      expect(help.stdout.includes('--resume'), command).toBe(RESUMABLE_COMMANDS.has(command));
    }
  }, 120_000);
});

describe('a full disk (tmpfs, root only)', () => {
  let mountPoint = '';
  let mounted = false;
  beforeAll(() => {
    mountPoint = join(tmp(), 'full');
    mkdirSync(mountPoint, { recursive: true });
    mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', mountPoint]).status === 0;
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
  });

  it('explore: one line naming the page, no --resume (explore has none), nothing left', async (ctx) => {
    if (!mounted) ctx.skip();
    const out = join(mountPoint, 'with space');
    const line = refusedLine(await runInProcess(['explore', '--out', out, '--no-open']));
    const page = join(out, 'difusi-explorer.html');
    expect(line).toBe(`✗ ${page} Cannot write ${page} (ENOSPC): the disk is full: free space, then run the same command again`);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);

  it('run: the advice still names --resume', async (ctx) => {
    if (!mounted) ctx.skip();
    rmSync(join(mountPoint, 'with space'), { recursive: true, force: true });
    // The disk made full to the last block (dd stops at ENOSPC).
    spawnSync('dd', ['if=/dev/zero', `of=${join(mountPoint, 'filler')}`, 'bs=1k']);
    const line = refusedLine(await runInProcess(['run', SMALL_CITY, '-r', '2', '-w', '1', '--no-charts', '--quiet', '--out', join(mountPoint, 'run')]));
    // The first write is the folder's lock: named (it was "✗ difusi"), and left neither empty nor with the folders made for it.
    expect(line).toMatch(new RegExp(`^✗ ${mountPoint}/run/small-city/\\.[0-9a-f]{12}\\.lock Cannot write .* \\(ENOSPC\\): the disk is full: free space, then run the same command with --resume$`));
    expect(readdirSync(mountPoint).sort()).toEqual(['filler']);
  }, 60_000);
});
