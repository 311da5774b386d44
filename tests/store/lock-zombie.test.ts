/**
 * A lock whose process has ended but is not yet reaped (a zombie: a run killed a moment ago) is not
 * held against the rerun: signal 0 answers for a zombie as for a live process, so the lock's liveness
 * check reads the process state too (Linux).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processAlive } from '../../src/store/folder-lock.js';

describe('processAlive', () => {
  it('is true for this process and a running child, false for a zombie and an unused pid', async () => {
    expect(processAlive(process.pid)).toBe(true);
    // sh starts `sleep 0` in the background, prints its pid and becomes `sleep 600`, which never reaps it:
    // the background process stays a zombie until the child is killed below. (It was `sleep 5`: under load
    // the child could end before the test looked at it, and a live child read as dead.)
    const child = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 600'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number((await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(String(d))))).trim());
      expect(processAlive(child.pid!)).toBe(true);
      if (existsSync('/proc/self/stat')) {
        // A guard against a hang only: `sleep 0` ends at once, however long the machine takes to run it.
        const deadline = Date.now() + 60_000;
        while (Date.now() < deadline && processAlive(zombie)) await new Promise((r) => setTimeout(r, 50));
        expect(processAlive(zombie)).toBe(false);
      }
    } finally {
      child.kill('SIGKILL');
    }
    expect(processAlive(2 ** 22 + 12345)).toBe(false);
  });
});
