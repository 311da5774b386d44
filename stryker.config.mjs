// Mutation testing of the model and the engine (`npm run mutate`, not part of
// `npm test`). Runs under `nice`; incremental, so a re-run only tests the
// mutants whose code or covering tests changed. On a shared two-core machine
// run a subset: `npm run mutate -- --mutate src/model/implementation.ts`.
// Results and the surviving mutants worth knowing: docs/TESTING.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/model/**/*.ts', 'src/engine/**/*.ts', '!src/engine/worker-pool.ts'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 1,
  timeoutMS: 60000,
  dryRunTimeoutMinutes: 60,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['output', 'dist', 'bench', 'docs', 'reports', 'experiments', '.stryker-tmp'],
  cleanTempDir: 'always',
};
