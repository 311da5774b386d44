import { defineConfig } from 'vitest/config';

// The tests that exercise src/model and src/engine, for mutation testing
// (stryker.config.mjs): in-process, no CLI or report tests. A subset run can
// name its test files: MUTATE_TESTS=tests/model/a.test.ts,tests/engine/b.test.ts
const only = process.env['MUTATE_TESTS']?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: only ?? ['tests/model/**/*.test.ts', 'tests/engine/**/*.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});
