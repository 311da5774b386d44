/**
 * Runs once before the test suite: the worker threads (engine/worker-pool.ts)
 * and the command line run the built dist/ code, so the suite refuses to run
 * on a build older than the sources instead of silently testing old code.
 * `npm test` builds first (pretest); after editing src/, run `npm run build`
 * before `npx vitest run ...`.
 */
import { fileURLToPath } from 'node:url';
import { staleReason } from '../../scripts/build-stamp.mjs';

export default function checkBuildIsCurrent(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const reason = staleReason(root);
  if (reason !== null) throw new Error(`stale build: ${reason}. Run \`npm run build\` (npm test does it first), then the tests.`);
}
