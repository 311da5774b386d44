/**
 * A badly formatted id, id prefix or name says the rule it breaks, and
 * under --lang id says it in Bahasa Indonesia; so does a scenario file that
 * is not UTF-8 text. `opds.generate.id_prefix: "agency "` said "expected a
 * string" (the pattern takes the empty string, so describeSchema's probe of
 * '' passed and the rule was lost; "seharusnya teks" under --lang id), and
 * an id's rule and the not-UTF-8 line stayed wholly English under --lang id
 * (their "expected" was English prose the Indonesian lines did not know).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatIssues, UserError, type ScenarioIssue } from '../../src/messages/catalog.js';
import { formatIssuesId } from '../../src/messages/issue-text.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { readScenarioText } from '../../src/store/scenario-file.js';
import { runInProcess } from '../support/in-process.js';

const BEKASI = new URL('../../scenarios/bekasi-2015-2025.yaml', import.meta.url);

function issuesOf(edit: (s: Record<string, any>) => void): ScenarioIssue[] {
  const s = parse(readFileSync(BEKASI, 'utf8')) as Record<string, any>;
  edit(s);
  const r = parseScenarioText(stringify(s), 'b.yaml');
  if (r.ok) throw new Error('expected a refusal');
  return r.issues;
}

describe('the rule of an id, an id prefix and a name, said in both languages', () => {
  it('an id prefix with a space says the rule of letters, digits, _ . -', () => {
    const issues = issuesOf((s) => {
      s.opds.generate.id_prefix = 'agency ';
    });
    expect(issues).toHaveLength(1);
    expect(formatIssues(issues)).toContain('(expected an id prefix of letters, digits, _ . - (may be empty), found "agency ")');
    expect(formatIssuesId(issues)).toBe('✗ b.yaml:' + `${issues[0]!.line}:${issues[0]!.column} Format nilai salah → di opds.generate.id_prefix (seharusnya awalan id berupa huruf, angka, _ . - (boleh kosong), ditemukan "agency ")`);
  });

  it('an id with a space: the Indonesian line', () => {
    const issues = issuesOf((s) => {
      s.innovations[0].id = 'vendor pilot';
    });
    const line = formatIssuesId(issues.filter((i) => i.code === 'bad_format'));
    expect(line).toContain('Format nilai salah → di innovations[0].id (seharusnya id berupa huruf, angka, _ . -, ditemukan "vendor pilot")');
  });

  it('a name that is no folder name: the Indonesian line', () => {
    const issues = issuesOf((s) => {
      s.name = 'a b';
    });
    expect(formatIssuesId(issues)).toContain('(seharusnya nama yang dapat dipakai sebagai nama folder (huruf, angka, _ . -), ditemukan "a b")');
  });
});

describe('a scenario file that is not UTF-8 text, under --lang id', () => {
  const dir = mkdtempSync(join(tmpdir(), 'difusi-junk-'));
  const junk = join(dir, 'junk.yaml');
  writeFileSync(junk, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x80, 0x0a]));

  it('is said in Bahasa Indonesia', () => {
    let error: unknown;
    try {
      readScenarioText(junk);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect(formatIssuesId((error as UserError).issues)).toBe(`✗ ${junk}:1:7 Berkas ini bukan teks UTF-8 (seharusnya teks UTF-8 (simpan berkas sebagai UTF-8))`);
  });

  it.each([
    ['validate', [junk]],
    ['run', [junk, '-q', '--out', join(dir, 'out')]],
    ['national', [junk, '--check']],
    ['national-compare', [junk, '--set', 'months=12', '-q', '--out', join(dir, 'out')]],
  ])('difusi %s --lang id', async (command, args) => {
    const r = await runInProcess([command, ...args, '--lang', 'id']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('Berkas ini bukan teks UTF-8 (seharusnya teks UTF-8 (simpan berkas sebagai UTF-8))')]);
  });
});
