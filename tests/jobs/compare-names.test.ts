/**
 * `difusi compare base.yaml variant.yaml`: a variant copied from the base
 * file keeps the base's `name`; its arm is named after its file, so that no
 * arm of the comparison reads as the base itself.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { executeCompare } from '../../src/jobs/compare.js';
import { MESSAGES, UserError } from '../../src/messages/catalog.js';
import type { ComparisonRow } from '../../src/experiment/compare.js';
import { COMPARE } from '../../src/store/tables.js';
import { csvText } from '../../src/store/csv.js';
import { parseCsv } from '../../src/store/csv-read.js';
import { SMALL_CITY } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'difusi-compare-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function armNames(variantText: (base: string) => string, fileName: string): Promise<string[]> {
  const variant = join(dir, fileName);
  writeFileSync(variant, variantText(readFileSync(SMALL_CITY, 'utf8')));
  const result = await executeCompare({
    scenarios: { base: SMALL_CITY, variants: [variant] },
    replications: 2,
    outRoot: join(dir, `out-${fileName}`),
    workers: 1,
    detail: 0,
    command: 'test',
  });
  return [...new Set(result.rows.map((r) => r.variant))];
}

describe('arm names of a comparison of scenario files', () => {
  it('a copy of the base that keeps its name is named after its file', async () => {
    expect(await armNames((t) => t.replace('name: small-city', 'name: small-city'), 'longer-pilot.yaml')).toEqual(['longer-pilot']);
  });

  it('a variant with a name of its own keeps it', async () => {
    expect(await armNames((t) => t.replace('name: small-city', 'name: own-name'), 'other-file.yaml')).toEqual(['own-name']);
  });

  it('a file name that is no folder name is refused in one line naming the file, before anything is written', async () => {
    // `...yaml` made the arm folder `..` (the comparison folder itself, and a failure naming neither); `..yaml` the arm `.`.
    // A C1 control character (U+0085, next line) was accepted: the arm's folder and compare.csv's cell held it.
    for (const [fileName, arm] of [['...yaml', '..'], ['..yaml', '.'], ['next\u0085line.yaml', 'next\u0085line']]) {
      const variant = join(dir, fileName);
      writeFileSync(variant, readFileSync(SMALL_CITY, 'utf8'));
      const outRoot = join(dir, `refused-${arm.length}-${fileName.charCodeAt(0)}`);
      let error: unknown;
      try {
        await executeCompare({ scenarios: { base: SMALL_CITY, variants: [variant] }, replications: 2, outRoot, workers: 1, detail: 0, command: 'test' });
      } catch (e) {
        error = e;
      }
      expect(error, fileName).toBeInstanceOf(UserError);
      expect((error as UserError).issues).toEqual([{ code: 'compare_arm_file_name', file: variant, path: [], message: MESSAGES.compare_arm_file_name(arm) }]);
      expect(existsSync(outRoot)).toBe(false);
    }
  });

  it('a variant whose name differs from another arm\'s only in case gets -2 (one folder where the file system ignores case); a name of its own keeps it (control)', async () => {
    expect(await armNames((t) => t.replace('name: small-city', 'name: BASE'), 'upper-base.yaml')).toEqual(['BASE-2']);
    // Two variants, "Cheap" and "cheap": the second is renamed, as a second "Cheap" always was.
    const files = ['Cheap', 'cheap'].map((name, i) => {
      const file = join(dir, `case-${i}.yaml`);
      writeFileSync(file, readFileSync(SMALL_CITY, 'utf8').replace('name: small-city', `name: ${name}`));
      return file;
    });
    const result = await executeCompare({ scenarios: { base: SMALL_CITY, variants: files }, replications: 2, outRoot: join(dir, 'out-case'), workers: 1, detail: 0, command: 'test' });
    expect([...new Set(result.rows.map((r) => r.variant))]).toEqual(['Cheap', 'cheap-2']);
  });

  it('a file name with spaces or a formula-like start still names its arm, as before', async () => {
    // compare.csv protects the formula-like cell (below); the folders are ordinary names.
    expect(await armNames((t) => t, 'my variant.yaml')).toEqual(['my variant']);
    expect(await armNames((t) => t, '=1+2.yaml')).toEqual(['=1+2']);
  });

  it("compare.csv's variant cell is text, never a formula, and reads back as the name", () => {
    const row = { outcome: 'live_share', variant: '=1+2', n: 2, base_mean: 0, variant_mean: 0, diff_mean: 0 } as unknown as ComparisonRow;
    const cells = COMPARE.format(row);
    expect(cells[1]).toBe("'=1+2");
    const text = csvText([[...COMPARE.columns], cells]);
    const [read] = parseCsv(text, 'dir', COMPARE.file, COMPARE.required).records.map(COMPARE.parse);
    expect(read!.variant).toBe('=1+2');
    // A name as arms have them keeps its bytes (control).
    expect(COMPARE.format({ ...row, variant: 'takeover-rule' })[1]).toBe('takeover-rule');
  });
});
