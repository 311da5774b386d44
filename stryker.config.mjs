// Mutation testing of the model and the engine (`npm run mutate`, not part of
// `npm test`). Runs under `nice`; incremental, so a re-run only tests the
// mutants whose code or covering tests changed. On a shared two-core machine
// run a subset: `npm run mutate -- --mutate src/model/implementation.ts`, or
// estimate the whole-tree score from a seeded random sample of mutants:
// `npm run mutate:sample -- --seed 20261203 --n 100` (scripts/mutate-sample.mjs
// reuses this config). Results and the surviving mutants: docs/TESTING.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/model/**/*.ts', 'src/engine/**/*.ts', '!src/engine/worker-pool.ts'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Two test runners: the whole tree (about 4,800 mutants) takes about three
  // hours on two idle cores; on a shared machine pass --concurrency 1.
  concurrency: 2,
  // A mutant that loops for ever is stopped after twice the tests' own time
  // plus 10 s (it counts as detected, as Stryker does); 60 s wasted hours.
  timeoutMS: 10000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 60,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['output', 'dist', 'bench', 'docs', 'reports', 'experiments', '.stryker-tmp'],
  cleanTempDir: 'always',
};
