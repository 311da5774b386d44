/**
 * An id given twice in a national file is said in one shape, whatever its
 * list: `Duplicate <kind> id "<id>"` (the catalog's duplicate_id), with its
 * Indonesian twin under --lang id. A government's was "Invalid value:
 * duplicate government id ..." (a compile error's own words, "Nilai tidak
 * valid: duplicate government id ..." in Indonesian), a mandate's
 * "Duplicate national regulation id ...", its kind left English in the
 * Indonesian.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestFolder, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-duplicate-id-');
const UNFUNDED = join(ROOT, 'tests', 'national', 'fixtures', 'unfunded-mandate.yaml');

function variant(name: string, from: string, to: string): string {
  const text = readFileSync(UNFUNDED, 'utf8');
  expect(text.split(from)).toHaveLength(2);
  const file = join(folder(), name);
  writeFileSync(file, text.replace(from, to));
  return file;
}

/** `line:column` of the value after the last `id: <id>` in `file` (the second of the two). */
function place(file: string, id: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.map((l) => l.includes(`id: ${id},`) || l.endsWith(`id: ${id}`)).lastIndexOf(true);
  return `${line + 1}:${lines[line]!.indexOf(`id: ${id}`) + 'id: '.length + 1}`;
}

async function refusal(args: readonly string[]): Promise<string> {
  const r = await runInProcess(args);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('an id given twice in a national file: one shape for every list', () => {
  it('a government and a mandate, in English and in Bahasa Indonesia', async () => {
    const government = variant('government.yaml', '{ id: kab-c,', '{ id: kab-b,');
    const mandate = variant('mandate.yaml', 'national_regulations:\n', 'national_regulations:\n  - { id: permit-mandate, from: 2020-01, strength: 0.5, anchors: [e-budget] }\n');
    expect(await refusal(['validate', government])).toBe(`✗ ${government}:${place(government, 'kab-b')} Duplicate government id "kab-b" → at governments[2].id`);
    expect(await refusal(['validate', mandate])).toBe(`✗ ${mandate}:${place(mandate, 'permit-mandate')} Duplicate national regulation id "permit-mandate" → at national_regulations[1].id`);
    expect(await refusal(['validate', government, '--lang', 'id'])).toBe(`✗ ${government}:${place(government, 'kab-b')} Id "kab-b" dipakai lebih dari sekali (pemerintah daerah) → di governments[2].id`);
    expect(await refusal(['validate', mandate, '--lang', 'id'])).toBe(`✗ ${mandate}:${place(mandate, 'permit-mandate')} Id "permit-mandate" dipakai lebih dari sekali (regulasi nasional) → di national_regulations[1].id`);
    // national --check and a --set that makes the second alike.
    expect(await refusal(['national', UNFUNDED, '--check', '--set', 'governments[id=kab-c].id=kab-b'])).toMatch(/^✗ override governments\[id=kab-c\]\.id: Duplicate government id "kab-b" → at governments\[2\]\.id/);
  });
});
