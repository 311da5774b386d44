/**
 * Property-based reliability of the national reader, with fast-check and
 * fixed seeds: whatever a national scenario file holds, reading and
 * compiling it (`loadNational`, what `difusi national` does first) gives a
 * model or a `UserError` whose issues come from the message catalog, one
 * line each, naming the file; never another exception (a TypeError from a
 * field of the wrong shape reaching the compiler would print a stack trace
 * to a user instead of the line to fix). A file that is accepted runs: one
 * replication of every eighth accepted file gives finite, non-negative
 * series and the same bytes twice.
 *
 * The inputs: the four-government fixture (tests/national/fixtures/
 * small-national.yaml) with a random field replaced, removed or given an
 * odd value, written as YAML or JSON; and its text with one to three random
 * edits (inserted, deleted or duplicated text, a cut, an odd character).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadNational } from '../../src/jobs/national.js';
import { formatIssues, MESSAGES, UserError } from '../../src/messages/catalog.js';
import { simulateNationalReplication } from '../../src/model/national/simulate.js';
import { SMALL_NATIONAL } from '../model/national-fixture.js';
import { tempDir } from '../support/cli.js';
import { applyEdit, paths, setPath, textEdit } from '../support/fuzz.js';

const YAML_TEXT = readFileSync(SMALL_NATIONAL, 'utf8');
const INPUT = parse(YAML_TEXT) as Record<string, unknown>;
const JSON_TEXT = JSON.stringify(INPUT, null, 2);
const DIR = tempDir('difusi-national-properties-');

/** The files one test has written, accepted and run: each test counts its own, whatever the order the tests run in. */
interface Tally {
  files: number;
  accepted: number;
  simulated: number;
}
const tally = (): Tally => ({ files: 0, accepted: 0, simulated: 0 });

/** The files' names: unique in DIR across the tests. */
let written = 0;

/** Runs `generate` and checks that it exercised both outcomes: some files refused, some accepted and run. */
function exercising(generate: (counts: Tally) => void, minimum: { refused: number; accepted: number; simulated: number }): void {
  const counts = tally();
  generate(counts);
  const made = { refused: counts.files - counts.accepted, accepted: counts.accepted, simulated: counts.simulated };
  expect(made.refused, 'files refused').toBeGreaterThanOrEqual(minimum.refused);
  expect(made.accepted, 'files accepted').toBeGreaterThanOrEqual(minimum.accepted);
  expect(made.simulated, 'accepted files run').toBeGreaterThanOrEqual(minimum.simulated);
}

/** The reader's contract for any text: a model, or catalog issues on one line each naming the file. */
function checkLoad(text: string, ext: 'yaml' | 'json', counts: Tally): void {
  counts.files++;
  const file = join(DIR, `n${written++}.${ext}`);
  writeFileSync(file, text);
  let loaded: ReturnType<typeof loadNational>;
  try {
    loaded = loadNational(file);
  } catch (error) {
    if (!(error instanceof UserError)) throw new Error(`loadNational threw ${String(error)} for ${JSON.stringify(text.slice(0, 300))}`);
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(Object.hasOwn(MESSAGES, issue.code), issue.code).toBe(true);
      expect(issue.file).toBe(file);
      expect(formatIssues([issue]), 'one line per issue').not.toContain('\n');
    }
    return;
  }
  counts.accepted++;
  if (counts.accepted % 8 !== 0) return;
  // A file the reader accepts must run: one replication, twice.
  const seed = loaded.scenario.seed ?? 1;
  const a = simulateNationalReplication(loaded.model, seed, 1);
  const b = simulateNationalReplication(loaded.model, seed, 1);
  counts.simulated++;
  for (const series of [a.series, a.flows]) {
    for (let k = 0; k < series.length; k++) {
      const v = series[k]!;
      if (!(Number.isFinite(v) && v >= 0)) throw new Error(`series value ${v} at ${k} for ${JSON.stringify(text.slice(0, 300))}`);
    }
  }
  expect(Buffer.from(a.series.buffer).equals(Buffer.from(b.series.buffer)), 'same seed, same bytes').toBe(true);
  expect(JSON.stringify(a.outcomes)).toBe(JSON.stringify(b.outcomes));
}

const PATHS = paths(INPUT);

describe('the national reader never throws anything but one-line user errors', () => {
  it('the fixture itself loads (control: the suite below can accept a file)', () => {
    const counts = tally();
    checkLoad(YAML_TEXT, 'yaml', counts);
    expect(counts.accepted).toBe(1);
  });

  it('1,200 copies of the fixture with a random field replaced, removed or given an odd value', () => {
    const replacement = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constant(undefined),
      fc.constantFrom(-1, 0, 1, 1e300, -0, 0.5, 2 ** 53, '', 'off', '2020-13', '1900-01', '2016-01', 'kota-a', 'prov-a', 'c2018', 'smart-2017', [], {}, null, ['kota-a', 'kota-a']),
      fc.record({ ['__proto__']: fc.jsonValue({ maxDepth: 1 }) }),
    );
    exercising(
      (counts) =>
        fc.assert(
          fc.property(fc.constantFrom(...PATHS), replacement, fc.boolean(), (path, value, asJson) => {
            const input = setPath(INPUT, path, value);
            checkLoad(asJson ? JSON.stringify(input) : stringify(input), asJson ? 'json' : 'yaml', counts);
          }),
          { numRuns: 1200, seed: 161 },
        ),
      { refused: 120, accepted: 120, simulated: 10 },
    );
  }, 300_000);

  it('800 copies of the fixture text (YAML and JSON) with one to three random edits', () => {
    exercising(
      (counts) =>
        fc.assert(
          fc.property(fc.boolean(), fc.array(textEdit, { minLength: 1, maxLength: 3 }), (asJson, edits) => {
            let text = asJson ? JSON_TEXT : YAML_TEXT;
            for (const e of edits) text = applyEdit(text, e);
            checkLoad(text, asJson ? 'json' : 'yaml', counts);
          }),
          { numRuns: 800, seed: 162 },
        ),
      // Random text edits mostly break the file: this part exercises the refusals; accepting some is incidental.
      { refused: 400, accepted: 1, simulated: 1 },
    );
  }, 300_000);
});
