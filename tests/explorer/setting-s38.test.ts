/**
 * The explorer's setting without the browser (thirty-eighth session): the
 * downloaded YAML of a lever on a YAML anchor describes what ran (it was an
 * uncaught "Unresolved alias" and no download); the Seed and Replications
 * problems name the fields by their labels; a platform's unknown custodian
 * is said wholly in Bahasa Indonesia (page and command line).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatIssuesId } from '../../src/messages/issue-text.js';
import { applySetting, pageIssueLabelled, parseSource, readPageSetting, reproduces, settingYaml } from '../../src/explorer/setting.js';
import { issueText } from '../../src/explorer/issue-text.js';
import { parse as parseYaml } from 'yaml';

const SUSTAINED = readFileSync('scenarios/sustained-opd-owned.yaml', 'utf8');
/** The shipped file with its two leaders sharing one commitment through an anchor (the tester's hostile/alias.yaml). */
const ALIASED = SUSTAINED.replace('- { id: first-mayor, from: 2016-01, commitment: 0.7 }', '- { id: first-mayor, from: 2016-01, commitment: &c 0.7 }').replace(
  '- { id: second-mayor, from: 2021-01, commitment: 0.4 }',
  '- { id: second-mayor, from: 2021-01, commitment: *c }',
);

/** The YAML downloaded for `overrides`, checked to validate to the scenario that ran; and the leaders' commitments in it. */
function download(text: string, overrides: Record<string, unknown>): { yaml: string; commitments: unknown[] } {
  const parsed = parseSource(text, 'alias.yaml');
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  const ran = applySetting(parsed.input, overrides, 'alias.yaml');
  if (!ran.ok) throw new Error(ran.issues.map((i) => i.message).join('\n'));
  const yaml = settingYaml(text, parsed.input, overrides);
  expect(reproduces(yaml, 'alias.yaml', ran.scenario)).toBe(true);
  const leaders = (parseYaml(yaml) as { leaders: { commitment: unknown }[] }).leaders;
  return { yaml, commitments: leaders.map((l) => l.commitment) };
}

describe('the downloaded YAML of a lever on an anchored value', () => {
  test('the anchored value moved: its alias keeps the old value, as --set leaves it', () => {
    expect(ALIASED).toContain('*c');
    const { yaml, commitments } = download(ALIASED, { 'leaders[id=first-mayor].commitment': 0 });
    expect(commitments).toEqual([0, 0.7]);
    expect(yaml).not.toContain('*c');
    // The rest of the file as it was: its comments too.
    expect(yaml).toContain('# Stylized case (pattern P6');
  });

  test('the alias moved, both moved, and a value in an anchored mapping moved', () => {
    expect(download(ALIASED, { 'leaders[id=second-mayor].commitment': 0.2 }).commitments).toEqual([0.7, 0.2]);
    expect(download(ALIASED, { 'leaders[id=first-mayor].commitment': 0.1, 'leaders[id=second-mayor].commitment': 0.9 }).commitments).toEqual([0.1, 0.9]);
    // An anchored mapping (the first leader) named again elsewhere by an alias: the alias keeps the old mapping.
    const mapping = SUSTAINED.replace('- { id: first-mayor,', '- &first { id: first-mayor,').replace(/^parameters:\n/m, 'unused_copy: *first\nparameters:\n');
    const parsed = parseSource(mapping, 'alias.yaml');
    // (The unknown field is refused: the alias must resolve in the YAML written, which is what is checked.)
    expect(parsed.ok).toBe(false);
    const input = parseYaml(mapping) as unknown;
    const yaml = settingYaml(mapping, input, { 'leaders[id=first-mayor].commitment': 0.3 });
    const read = parseYaml(yaml) as { leaders: { commitment: number }[]; unused_copy: { commitment: number } };
    expect(read.leaders[0]!.commitment).toBe(0.3);
    expect(read.unused_copy.commitment).toBe(0.7);
  });

  test('(control) a file with no alias is written as before', () => {
    const { yaml, commitments } = download(SUSTAINED, { 'leaders[id=first-mayor].commitment': 0.5 });
    expect(commitments).toEqual([0.5, 0.4]);
    expect(yaml).toContain('- { id: first-mayor, from: 2016-01, commitment: 0.5 }');
  });
});

describe("the page's Seed and Replications problems", () => {
  test('name the fields by their labels, in both languages', () => {
    const page = readPageSetting('', '0');
    if (page.ok) throw new Error('accepted');
    const en = page.issues.map((i) => issueText(pageIssueLabelled(i, { seed: 'Seed', replications: 'Replications' }), 'en'));
    expect(en).toEqual([
      'explorer Invalid value for Seed (expected a whole number from 0 to 4294967295, found (blank))',
      'explorer Invalid value for Replications (expected a whole number from 1 to 100000, found 0)',
    ]);
    const id = page.issues.map((i) => issueText(pageIssueLabelled(i, { seed: 'Benih acak (seed)', replications: 'Replikasi' }), 'id'));
    expect(id).toEqual([
      'explorer Nilai tidak valid untuk Benih acak (seed) (seharusnya bilangan bulat dari 0 sampai 4294967295, ditemukan (kosong))',
      'explorer Nilai tidak valid untuk Replikasi (seharusnya bilangan bulat dari 1 sampai 100000, ditemukan 0)',
    ]);
    // The problem itself keeps its field (the page marks the field by it); a scenario's problem is left as it is.
    expect(page.issues.map((i) => i.path)).toEqual([['seed'], ['replications']]);
    const parsed = parseSource(SUSTAINED.replace('months: 108', 'months: many'), 'x.yaml');
    if (parsed.ok) throw new Error('accepted');
    expect(pageIssueLabelled(parsed.issues[0]!, { seed: 'S', replications: 'R' })).toBe(parsed.issues[0]);
  });
});

describe("a platform's unknown custodian in Bahasa Indonesia", () => {
  test('what it takes is Indonesian too, on the page and on the command line', () => {
    for (const [text, vendors] of [
      [SUSTAINED.replace('custodian: coordinator', 'custodian: nobody'), ''],
      [SUSTAINED.replace('custodian: coordinator', 'custodian: nobody').replace(/^platforms:/m, 'vendors:\n  - { id: vendor-a, name: A, contract_end: 2020-01 }\n  - { id: vendor-b, name: B, contract_end: 2020-01 }\nplatforms:'), ' (vendor: "vendor-a", "vendor-b")'],
    ] as const) {
      const parsed = parseSource(text, 'm13.yaml');
      if (parsed.ok) throw new Error('accepted');
      const issue = parsed.issues.find((i) => i.path.join('.') === 'platforms.0.custodian');
      expect(issue, JSON.stringify(parsed.issues)).toBeDefined();
      const line = issueText(issue!, 'id');
      expect(line).toMatch(
        new RegExp(`pengelola \\(custodian\\) "nobody" tidak dikenal → di platforms\\[0\\]\\.custodian \\(seharusnya id vendor, "coordinator", atau "vendor" bila tepat satu vendor terdaftar${vendors.replace(/[()]/g, '\\$&')}, ditemukan "nobody"\\)$`),
      );
      expect(line).not.toMatch(/a vendor id|when exactly|vendors:/);
      // The command line under --lang id: the same line (it was wholly English).
      expect(formatIssuesId([issue!])).toBe(`✗ ${line}`);
    }
  });
});
