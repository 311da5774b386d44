/**
 * A stop (SIGTERM: a scheduler's requeue, a pod's eviction; SIGINT: Ctrl-C) that comes before a job has
 * written anything leaves nothing behind: no output root, no folder, no lock, no work folder; the process
 * ends as the signal would have ended it (exit status 143 or 130), as a stop after the lock does
 * (store/folder-lock.ts stopOnSignal).
 *
 * - Before the lock (the scenario still being read): no handler is installed yet, the signal's default
 *   action ends the process; nothing was made, nothing is said.
 * - Right after the lock, before the job wrote anything: the lock is removed, and so are the folders the
 *   lock made for itself (the output root given with --out). They were left behind, empty, before.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, signalWhenStopped, testFolder } from '../support/cli.js';

const folder = testFolder('difusi-stop-before-lock-');
const BASS = join(ROOT, 'scenarios', 'validation', 'bass-complete.yaml');
const STOP_AT_STAT = join(ROOT, 'tests', 'store', 'stop-at-stat.mjs');
const FOLDER_LOCK = pathToFileURL(join(ROOT, 'dist', 'src', 'store', 'folder-lock.js')).href;

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function started(args: readonly string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Ended>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, done };
}

const SIGNALS = [
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const;

describe('a stop before a job has written anything leaves nothing behind', () => {
  for (const [signal, status] of SIGNALS) {
    it(`${signal} while the scenario is read, before the lock: exit ${status}, no output root, nothing said`, async () => {
      const out = join(folder(), `before-${signal}`, 'out');
      mkdirSync(join(out, '..'));
      // The run stops itself when it first looks at the scenario file; only then is it signalled (and continued).
      const { child, done } = started(['--import', pathToFileURL(STOP_AT_STAT).href, CLI, 'run', BASS, '--out', out, '-q', '--no-charts', '--workers', '1', '-r', '4'], {
        DIFUSI_TEST_STOP_AT_STAT: BASS,
      });
      await signalWhenStopped(child, signal);
      const r = await done;
      expect(r.signal === signal || r.code === status, `${r.code} ${r.signal} ${r.stderr}`).toBe(true);
      expect(r.stderr).toBe('');
      expect(existsSync(join(out, '..'))).toBe(true);
      expect(existsSync(out)).toBe(false);
    }, 90_000);

    it(`${signal} right after the lock, before the job wrote: exit ${status}, the lock and the folders it made removed`, async () => {
      const top = join(folder(), `after-${signal}`);
      mkdirSync(top);
      const dir = join(top, 'out', 'bass-complete', '0123456789ab');
      // A job takes its folder's lock (making the output root and its subfolder for it), and is stopped before its
      // first write: the handler runs once the job's synchronous step ends.
      const script = `import { lockFolder } from ${JSON.stringify(FOLDER_LOCK)};
lockFolder(${JSON.stringify(dir)}, 'difusi run', true);
process.kill(process.pid, ${JSON.stringify(signal)});
setTimeout(() => {}, 30000);`;
      const r = await started(['--input-type=module', '-e', script]).done;
      expect(r.signal === signal || r.code === status, `${r.code} ${r.signal} ${r.stderr}`).toBe(true);
      expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
      // Nothing was written, so nothing is kept for --resume: the line says to run again (it said the work was kept).
      expect(r.stderr).toContain(`⚠ ${dir}: stopped by ${signal} (exit status ${status}) before it was finished; nothing was put in place: run the same command again`);
      expect(r.stderr).not.toContain('--resume');
      // Nothing under the folder the test made: no output root, no lock.
      expect(readdirSync(top)).toEqual([]);
    }, 90_000);
  }
});
