/**
 * A replication's record too long to save (store/part-store.ts recordLine,
 * `record_too_long`) in a run or in an arm of a comparison: one line, exit
 * code 2, and nothing left under --out (no folder, no hidden `.partial` or
 * `.growing`, no lock). A comparison whose second arm was refused kept its
 * hidden folder, the first arm finished in it, which no --resume can finish
 * (the same record is refused again). The record is made too long by
 * tests/support/long-record.mjs (a real one takes minutes and gigabytes).
 * `difusi sweep` and `sensitivity` store fixed-size values (store/sweep-store.ts)
 * and `difusi national` a tally, no record lines: the limit does not apply.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { MAX_RECORD_CHARS } from '../../src/scenario/limits.js';
import { SMALL_CITY, cliTestFolder, refusedInOneLine, startCli } from '../support/cli.js';

const root = cliTestFolder('difusi-record-too-long-arms-');
/** The refusal, naming the scenario file as given (a run) or relative to the folder it ran in (a comparison's arm). */
const line = (r: number) => `✗ tests/support/small-city.yaml ${MESSAGES.record_too_long(r, MAX_RECORD_CHARS.toLocaleString('en-US'))}`;
/** Everything under `dir`, folders and hidden entries included. */
const everything = (dir: string) => (existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).sort() : []);

describe('a record too long to save', () => {
  it.each([
    ['run', ['run', SMALL_CITY, '-r', '3'], '2'],
    ['run --precision', ['run', SMALL_CITY, '--precision', '0.9', '--max-replications', '20'], '2'],
    ['compare, its second arm', ['compare', SMALL_CITY, SMALL_CITY, '-r', '3'], '2@2'],
    ['compare --precision, its second arm', ['compare', SMALL_CITY, SMALL_CITY, '--precision', '0.9', '--max-replications', '20'], '2@2'],
    ['compare --shard 0/2, its second arm', ['compare', SMALL_CITY, SMALL_CITY, '-r', '3', '--shard', '0/2'], '2@2'],
  ])('%s: one line, exit 2, nothing left under --out', async (name, args, longRecord) => {
    const out = join(root(), name.replace(/\W+/g, '-'));
    const r = await startCli([...args, '-q', '--no-charts', '--out', out], { longRecord }).done;
    expect(refusedInOneLine(r).replace(SMALL_CITY, 'tests/support/small-city.yaml')).toBe(line(2));
    expect(everything(out)).toEqual([]);
  });
});
