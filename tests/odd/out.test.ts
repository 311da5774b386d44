/**
 * `difusi odd --out FILE` checks its target as `patterns --out` does, before
 * any work: a folder, a device or pipe (a rename would replace the node: a
 * root user once turned /dev/full into a regular file), the scenario itself
 * or its Info page, a read-only place: one line, exit 2, nothing written.
 * A write that fails leaves no temporary file behind.
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts, on the built code a process runs): the tests
 * check only what it prints, its exit code and what it writes, and starting
 * a process for each cost most of their time.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, stackLines, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = cliTestFolder('difusi-odd-out-');
const SCENARIO = join(ROOT, 'scenarios', 'sustained-opd-owned.yaml');
const isRoot = process.getuid?.() === 0;

function expectRefused(r: { code: number | null; stderr: string }, says: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(says);
  expect(lines[0]).not.toMatch(/\.tmp/);
}

describe('odd --out', () => {
  it('a folder is refused in one line, and no temporary file is left beside it', async () => {
    const dir = join(tmp(), 'folder');
    mkdirSync(join(dir, 'adir'), { recursive: true });
    expectRefused(await runInProcess(['odd', SCENARIO, '--out', join(dir, 'adir')]), /adir: it is a folder, not a file/);
    expect(readdirSync(dir)).toEqual(['adir']);
    expect(readdirSync(join(dir, 'adir'))).toEqual([]);
  });

  it('a pipe, and (as root) a device node, are refused and stay what they were', async () => {
    const dir = join(tmp(), 'nodes');
    mkdirSync(dir, { recursive: true });
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expectRefused(await runInProcess(['odd', SCENARIO, '--out', fifo]), /fifo: it is a device, pipe or socket, not a regular file/);
    expect(statSync(fifo).isFIFO()).toBe(true);
    // A character device of our own in a temporary folder (1,3 is what /dev/null is); never a node under /dev.
    const device = join(dir, 'fakenull');
    if (isRoot && spawnSync('mknod', ['-m', '666', device, 'c', '1', '3']).status === 0) {
      expectRefused(await runInProcess(['odd', SCENARIO, '--out', device]), /fakenull: it is a device, pipe or socket/);
      expect(statSync(device).isCharacterDevice()).toBe(true);
    }
    expect(readdirSync(dir).filter((e) => e.endsWith('.tmp'))).toEqual([]);
  });

  it('the scenario itself and its Info page are refused and left as they were', async () => {
    const dir = join(tmp(), 'self');
    mkdirSync(dir, { recursive: true });
    const yaml = join(dir, 's.yaml');
    copyFileSync(SCENARIO, yaml);
    writeFileSync(join(dir, 's.md'), '# Info\n');
    expectRefused(await runInProcess(['odd', yaml, '--out', yaml]), /s\.yaml: it is the scenario file, which this command reads/);
    expectRefused(await runInProcess(['odd', yaml, '--out', `${dir}/./../self/s.yaml`]), /which this command reads/);
    expectRefused(await runInProcess(['odd', yaml, '--out', join(dir, 's.md')]), /s\.md: it is the scenario's Info page, which this command reads/);
    expect(readFileSync(yaml, 'utf8')).toBe(readFileSync(SCENARIO, 'utf8'));
    expect(readFileSync(join(dir, 's.md'), 'utf8')).toBe('# Info\n');
    expect(readdirSync(dir).sort()).toEqual(['s.md', 's.yaml']);
    // Another file in the same folder is fine (control).
    const ok = await runInProcess(['odd', yaml, '--out', join(dir, 'odd.md')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(join(dir, 'odd.md'), 'utf8')).toMatch(/^# ODD protocol/);
  });

  describe('a read-only place and a full disk (tmpfs, root only)', () => {
    // A small tmpfs of its own for each test: the read-only test remounts it read-only, which the full disk test
    // must not find, whatever the order the tests run in.
    let mountPoint = '';
    let mounted = false;
    let mounts = 0;
    beforeEach(() => {
      mountPoint = join(tmp(), `mnt-${mounts++}`);
      mkdirSync(mountPoint, { recursive: true });
      mounted = isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', mountPoint]).status === 0;
    });
    afterEach(() => {
      if (mounted) spawnSync('umount', [mountPoint]);
    });

    it('a full disk: one line naming the file, and no temporary file left', async (ctx) => {
      if (!mounted) ctx.skip();
      const r = await runInProcess(['odd', SCENARIO, '--out', join(mountPoint, 'odd.md')]);
      expectRefused(r, /odd\.md \(ENOSPC\)/);
      expect(readdirSync(mountPoint)).toEqual([]);
    });

    it('read-only: refused before any work', async (ctx) => {
      if (!mounted) ctx.skip();
      expect(spawnSync('mount', ['-o', 'remount,ro', mountPoint]).status).toBe(0);
      expectRefused(await runInProcess(['odd', SCENARIO, '--out', join(mountPoint, 'odd.md')]), /read-only file system/);
      expect(readdirSync(mountPoint)).toEqual([]);
    });
  });
});
