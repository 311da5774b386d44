/**
 * A job stopped by SIGTERM (a scheduler's requeue or time limit, a pod's eviction) or SIGINT (Ctrl-C) says so in
 * one line on stderr before it ends as the signal would have ended it (store/folder-lock.ts stopOnSignal): the
 * folder it was writing, and that its work is kept for --resume. Before, it ended with exit 143 (or 130) and
 * nothing on stderr: the user could not tell that the finished replications were kept, nor how to go on.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, signalWhenStopped, startBin, testFolder } from '../support/cli.js';

const folder = testFolder('difusi-stop-line-');
const BASS = join(ROOT, 'scenarios', 'validation', 'bass-complete.yaml');

describe('a job stopped by a signal says what it kept and how to go on', () => {
  for (const [signal, status] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal} mid-run: one ⚠ line naming the run's folder and --resume; exit ${status}`, async () => {
      const out = join(folder(), signal);
      // The run stops itself (SIGSTOP) after its 5th record; only then is it signalled (and continued).
      const { child, done } = startBin(['run', BASS, '--out', out, '--quiet', '--workers', '1', '-r', '60', '--no-charts'], { stopAtRecord: 5 });
      await signalWhenStopped(child, signal);
      const r = await done;
      expect(r.signal === signal || r.code === status, `${r.code} ${r.signal} ${r.stderr}`).toBe(true);
      const partial = readdirSync(join(out, 'bass-complete')).find((e) => e.endsWith('.partial'))!;
      const dir = join(out, 'bass-complete', partial.slice(1, -'.partial'.length));
      expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
        `⚠ ${dir}: stopped by ${signal} (exit status ${status}) before it was finished; the work done so far is kept in its hidden folder beside it: run the same command with --resume to continue from it (without --resume it starts afresh)`,
      ]);
    }, 90_000);
  }
});
