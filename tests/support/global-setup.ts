/**
 * Runs once before the test suite: the worker threads (engine/worker-pool.ts)
 * and the command line run the built dist/ code, so the suite refuses to run
 * on a build older than the sources instead of silently testing old code.
 * `npm test` builds first (pretest); after editing src/, run `npm run build`
 * before `npx vitest run ...`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleReason } from '../../scripts/build-stamp.mjs';

/**
 * Also gives the run one temporary folder of its own: TMPDIR points into it,
 * so every folder a test (or a command it starts) makes with os.tmpdir() is
 * inside, and the teardown removes it whether or not each test cleaned up
 * after itself (a suite run used to leave about 70 folders in /tmp).
 */
export default function checkBuildIsCurrent(): () => void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const reason = staleReason(root);
  if (reason !== null) throw new Error(`stale build: ${reason}. Run \`npm run build\` (npm test does it first), then the tests.`);
  const runTmp = mkdtempSync(join(tmpdir(), 'difusi-tests-'));
  process.env.TMPDIR = runTmp;
  return () => rmSync(runTmp, { recursive: true, force: true });
}
