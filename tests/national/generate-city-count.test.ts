/**
 * `difusi generate-national` prints about how many agencies the file holds:
 * Kota Bekasi's city block counts the agencies its own scenario runs, not a
 * fixed 43 (a 20-agency city given with --bekasi was counted as 43).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateNational } from '../../src/jobs/generate-national.js';
import { compile } from '../../src/model/compile.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { ROOT, SMALL_CITY } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'difusi-gen-count-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DATA = join(ROOT, 'data', 'idn-area');

describe('generate-national: the agencies counted', () => {
  it("count the city block's own agencies", () => {
    const bekasi = join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml');
    const shipped = generateNational({ dataDir: DATA, bekasiFile: bekasi, outFile: join(dir, 'a.yaml') });
    const small = generateNational({ dataDir: DATA, bekasiFile: SMALL_CITY, outFile: join(dir, 'b.yaml') });
    const agenciesOf = (file: string) => compile(readScenarioFile(file).scenario).opds.length;
    expect(agenciesOf(bekasi)).toBe(43);
    expect(agenciesOf(SMALL_CITY)).not.toBe(43);
    expect(small.agencies - shipped.agencies).toBe(agenciesOf(SMALL_CITY) - 43);
  });
});
