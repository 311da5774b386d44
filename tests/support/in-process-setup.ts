/**
 * Runs before each test file (vitest.config.ts setupFiles), before its own
 * imports: yargs loaded once with in-process.ts's process.exit stand-in, so
 * that runInProcess works whatever a test file imported first.
 */
import { keepYargsOnStandIn } from './in-process.js';

await keepYargsOnStandIn();
