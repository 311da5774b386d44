import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Refuses to run on a dist/ built from other sources (workers and the CLI run dist/).
    globalSetup: ['tests/support/global-setup.ts'],
    // Before each test file's imports: yargs made to keep the process.exit stand-in of tests/support/in-process.ts.
    setupFiles: ['tests/support/in-process-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores on CI: one fork per core keeps the suite predictable.
    pool: 'forks',
    // isolate: false runs a fork's files in one module registry: importing the
    // sources afresh for each of ~285 files cost about a third of the suite's
    // wall time. A file that mocks a module (vi.mock) therefore calls
    // vi.resetModules() before importing what it tests.
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    // The built code (dist/) runs as Node loads it, untransformed: tests/support/in-process.ts runs the
    // command line from dist/src/cli/program.js inside a test's process, as a `difusi` process would.
    server: { deps: { external: [/\/dist\//] } },
  },
});
