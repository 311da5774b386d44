/**
 * Every reason `parseOverride` gives for a --set value it cannot read is
 * said in Bahasa Indonesia under --lang id (the whole line: a reason the
 * page has no Indonesian for leaves the line English, never half
 * translated). Until the thirty-ninth session only the path's reasons and
 * the self-alias were; "there is no =", an empty value, a YAML comment and
 * the rest printed an English line in an Indonesian run.
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/messages/catalog.js';
import { messageId } from '../../src/messages/issue-text.js';
import { parseOverride } from '../../src/scenario/apply-overrides.js';

/** The one issue parseOverride throws for `text`. */
function refusal(text: string) {
  try {
    parseOverride(text);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).issues[0]!;
  }
  throw new Error(`parseOverride read ${JSON.stringify(text)}`);
}

const CASES: readonly [string, string, RegExp][] = [
  ['no "="', 'parameters.x', /: tidak ada "="$/],
  ['"[" open before "="', 'parameters.a[2x=1', /: ada "\[" yang tidak ditutup sebelum "="$/],
  ['empty value', 'parameters.x=', /: nilainya kosong \(tulis null untuk menghapus sebuah elemen\)$/],
  ['not UTF-8', 'parameters.x=\uFFFD', /: nilainya memuat bita yang bukan teks UTF-8 /],
  ['a YAML comment', 'description=Smart #1', /: "#1" akan dibaca sebagai komentar YAML lalu dibuang; beri tanda kutip pada nilainya \(description='Smart #1'\)$/],
  ['%YAML 1.1', 'parameters.x=%YAML 1.1\n--- 1', /: baris "%YAML" selain %YAML 1\.2 tidak dibaca/],
  ['nested too deep', `parameters.x=${'['.repeat(70)}${']'.repeat(70)}`, /: bersarang lebih dari 64 tingkat$/],
  ['a YAML tag', 'parameters.x=!foo 1', /: tag YAML tidak diizinkan dalam nilai$/],
];

describe('--set values refused, in Bahasa Indonesia', () => {
  it.each(CASES)('%s', (_name, text, reason) => {
    const issue = refusal(text);
    expect(issue.code).toBe('override_syntax');
    const id = messageId(issue);
    expect(id).toMatch(/^Jalur pengaturan ".*" tidak dapat dibaca: /s);
    expect(id).toMatch(reason);
    expect(id).not.toMatch(/Cannot read|there is no|the value is|would be read|nested more|not allowed/);
  });

  it("a YAML reader's own message keeps the whole line English, without the colon it put before its excerpt", () => {
    const issue = refusal('parameters.x=[a, b');
    expect(issue.message).toBe('Cannot read override "parameters.x=[a, b": Flow sequence must end with a ] at line 1, column 6');
    expect(messageId(issue)).toBe(issue.message);
  });
});

describe('the command line under --lang id', () => {
  it('says an empty --set value in Bahasa Indonesia', async () => {
    const { runInProcess } = await import('../support/in-process.js');
    const { SMALL_CITY } = await import('../support/cli.js');
    const r = await runInProcess(['validate', SMALL_CITY, '--set', 'parameters.alpha=', '--lang', 'id']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('Jalur pengaturan "parameters.alpha=" tidak dapat dibaca: nilainya kosong');
    expect(r.stderr).not.toMatch(/Cannot read|the value is empty/);
  });
});
