/**
 * YAML merge keys, anchors and aliases in the explorer's scenario download
 * (fortieth session): the page and the command line read a scenario text
 * alike, so the downloaded YAML is what `difusi validate` and `difusi run`
 * read as the scenario the page ran. Checked, not changed:
 *
 * - A merge key (`<<: *anchor`) is not a merge in YAML 1.2, the only YAML
 *   difusi reads (under `%YAML 1.1` it would be, and that line is refused):
 *   `<<` is a field like any other, unknown to every section of a scenario.
 *   The page refuses such a text with the very line `difusi validate`
 *   prints, and `difusi explore` refuses the file: nothing runs, so nothing
 *   can be downloaded that the command line would read otherwise.
 * - Anchors and aliases: the downloaded YAML of a lever on an anchored value
 *   or on its alias validates (`difusi validate`, `difusi run`) to the page's
 *   scenario hash; the other place keeps the old value, as `--set` leaves it.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { assertBuilt } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { executeRun } from '../../src/jobs/run.js';
import { applySetting, issueLines, parseSource, reproduces, settingYaml } from '../../src/explorer/setting.js';
import { scenarioHashPure } from '../../src/explorer/sha256.js';

beforeAll(() => assertBuilt());

const SUSTAINED = readFileSync('scenarios/sustained-opd-owned.yaml', 'utf8').replace(/^replications: \d+$/m, 'replications: 4');
/** The second leader written as a merge of the first (an anchor and `<<: *mayor`), overriding what differs. */
const MERGED = SUSTAINED.replace(
  '  - { id: first-mayor, from: 2016-01, commitment: 0.7 }\n  - { id: second-mayor, from: 2021-01, commitment: 0.4 }\n',
  '  - &mayor { id: first-mayor, from: 2016-01, commitment: 0.7 }\n  - <<: *mayor\n    id: second-mayor\n    from: 2021-01\n    commitment: 0.4\n',
);
/** The regulation's strength anchored, and named again by an alias as a parameter (the lever moves the anchored value). */
const ALIASED = SUSTAINED.replace('strength: 0.5, anchors', 'strength: &s 0.5, anchors').replace('  champion_probability: 0.5\n', '  champion_probability: *s\n');

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'difusi-explore-merge-'));
}

describe('a YAML merge key', () => {
  test('the page refuses the text with the line difusi validate prints; difusi explore refuses the file; nothing is written', async () => {
    expect(MERGED).toContain('<<: *mayor');
    for (const [name, text] of [
      ['merge.yaml', MERGED],
      // Under YAML 1.1 `<<` would merge: the version line is refused first, by both.
      ['merge-1.1.yaml', `%YAML 1.1\n---\n${MERGED}`],
    ] as const) {
      const file = join(dir(), name);
      writeFileSync(file, text);
      const page = parseSource(text, file);
      expect(page.ok, name).toBe(false);
      const lines = page.ok ? [] : issueLines(page.issues);
      expect(lines, name).toHaveLength(1);
      const validate = await runInProcess(['validate', file]);
      expect(validate.code, name).toBe(2);
      expect(validate.stderr, name).toBe(`${lines[0]}\n`);
      const out = join(dir(), 'explore');
      const explore = await runInProcess(['explore', file, '--out', out, '--no-open']);
      expect(explore.code, name).toBe(2);
      expect(explore.stderr, name).toBe(`${lines[0]}\n`);
      expect(existsSync(out), name).toBe(false);
    }
  });

  test('(control) the same leaders written out in full are valid', () => {
    expect(parseSource(SUSTAINED, 'sustained.yaml').ok).toBe(true);
  });
});

describe('anchors and aliases in the downloaded YAML', () => {
  test('a lever on the anchored value or on its alias: difusi validate and difusi run read the page\'s scenario (same hash)', async () => {
    expect(ALIASED).toContain('*s');
    const file = 'aliased.yaml';
    const parsed = parseSource(ALIASED, file);
    if (!parsed.ok) throw new Error(issueLines(parsed.issues).join('\n'));
    expect(parsed.scenario.parameters?.['champion_probability']).toBe(0.5);
    for (const [overrides, strength, champion] of [
      [{ 'regulations[id=service-regulation].strength': 0.9 }, 0.9, 0.5],
      [{ 'parameters.champion_probability': 0.2 }, 0.5, 0.2],
      [{ 'regulations[id=service-regulation].strength': 0.1, 'parameters.champion_probability': 0.3, seed: 7 }, 0.1, 0.3],
    ] as const) {
      const ran = applySetting(parsed.input, overrides, file);
      if (!ran.ok) throw new Error(issueLines(ran.issues).join('\n'));
      const yaml = settingYaml(ALIASED, parsed.input, overrides);
      expect(reproduces(yaml, file, ran.scenario)).toBe(true);
      const read = parseYaml(yaml) as { regulations: { strength: number }[]; parameters: { champion_probability: number } };
      expect([read.regulations[0]!.strength, read.parameters.champion_probability], JSON.stringify(overrides)).toEqual([strength, champion]);
      const hash = scenarioHashPure(ran.scenario);
      const written = join(dir(), 'aliased-explore.yaml');
      writeFileSync(written, yaml);
      const validate = await runInProcess(['validate', written]);
      expect(validate.code, validate.stderr).toBe(0);
      expect(validate.stdout).toContain(`(hash ${hash.slice(0, 12)})`);
      const run = await executeRun({ file: written, outRoot: join(dir(), 'runs'), workers: 1, command: 'difusi run' });
      expect(run.hash).toBe(hash);
    }
  }, 120_000);
});
