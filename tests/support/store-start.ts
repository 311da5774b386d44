/**
 * `startBin` (tests/support/cli.ts): startCli's preloaded test modules (hold-lock.mjs, stop-mid-run.mjs,
 * fail-write.mjs) on `difusi` as installed, for the reliability tests that start many jobs to hold, stop,
 * kill or refuse a write. Kept as the module those tests import it from.
 */
export { startBin } from './cli.js';
