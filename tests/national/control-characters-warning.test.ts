/**
 * `difusi validate` tells a national file's texts that hold control or bidirectional characters (a
 * government's name), as it tells a city file's (model/warnings.ts textWarnings): the reports and
 * charts leave those characters out, so the author learns that the name will not read as written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const SMALL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
const folder = testFolder('difusi-national-controls-');

describe("a national file's texts with control characters", () => {
  it('are named in one warning, in English and in Bahasa Indonesia; a clean file gets none (control)', async () => {
    const file = join(folder(), 'controls.yaml');
    const text = readFileSync(SMALL, 'utf8');
    const changed = text.replace('name: Kota A,', 'name: "Kota\\u001b[31m A\\u202e",');
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    const en = await runInProcess(['validate', file]);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain(`⚠ ${file}: control or bidirectional characters in governments[1].name (U+001B, U+202E): the reports and charts leave them out`);
    const id = await runInProcess(['validate', file, '--lang', 'id']);
    expect(id.stderr).toContain(`⚠ ${file}: karakter kendali atau karakter dua arah di governments[1].name (U+001B, U+202E)`);
    const clean = await runInProcess(['validate', SMALL]);
    expect(clean.stderr).not.toContain('control or bidirectional');
  });
});
