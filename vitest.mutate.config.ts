import { defineConfig } from 'vitest/config';

// The tests that exercise src/model and src/engine, for mutation testing
// (stryker.config.mjs): in-process, no CLI or report tests. The national run
// folder's tests start worker threads from the built dist/, which Stryker's
// sandbox does not hold, so they are left out here (they run in `npm test`).
// Golden byte-hash tests (tests/national/city-unchanged.test.ts, tests/golden)
// are left out too: they would kill every mutant that changes any byte without
// saying whether the model is right, which is what this score is meant to show.
// worker-pool-helpers.test.ts's check of the current build's bundle reads dist/ too,
// so it is left out for the same reason (worker-pool.ts is not mutated anyway).
// A subset run can name its test files:
// MUTATE_TESTS=tests/model/a.test.ts,tests/engine/b.test.ts
const only = process.env['MUTATE_TESTS']?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: only ?? [
      'tests/model/**/*.test.ts',
      'tests/engine/**/*.test.ts',
      'tests/national/national.test.ts',
      'tests/national/peers.test.ts',
      'tests/national/validate-government.test.ts',
    ],
    testNamePattern: /^(?!.*national run folder)(?!.*the suite runs on a current one)/,
    testTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});
