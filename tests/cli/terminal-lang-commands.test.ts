/**
 * `difusi compare`, `sweep`, `sensitivity` and `national-compare` given
 * `--lang id` print their header line and tables in Bahasa Indonesia (the
 * Indonesian report's words, decimal commas, intervals [bawah; atas]), as
 * `run --lang id` does, with the English run's figures row for row; the
 * `results:` line (and national-compare's `base:`, `variant:`) keeps its
 * form, since scripts read it, and names the same folder. The English
 * output is the one the tests of each command pin (unchanged). The command
 * lines run in the test's own process (runInProcess, on the built code a
 * process runs), since only what they print is checked.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliTestFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-terminal-lang-commands-');
const FIXTURES = join(ROOT, 'tests', 'experiment', 'fixtures');
const SMALL_NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

/** Every number of a line, in order; `comma`: decimal commas read as points. */
const numbers = (text: string, comma: boolean): number[] => (text.match(comma ? /[+-]?\d+(?:,\d+)?/g : /[+-]?\d+(?:\.\d+)?/g) ?? []).map((x) => Number(comma ? x.replace(',', '.') : x));
/** A table's header cells (columns are two or more spaces apart). */
const cells = (line: string) => line.trim().split(/\s{2,}/);
/** The lines starting with one of `names` and a space: a table's rows. */
const rowsOf = (lines: readonly string[], names: readonly string[]) => lines.filter((l) => names.some((n) => l.startsWith(`${n} `)));
/** A row's figures (after its first cell, the outcome's or parameter's name). */
const figures = (line: string, comma: boolean) => numbers(line.slice(line.indexOf(' ')), comma);

/** The command in English and with --lang id into the same output root: both succeed, and print the same number of lines. */
async function both(args: readonly string[]): Promise<{ en: string[]; id: string[] }> {
  const out = join(folder(), args[0]!);
  const en = await runInProcess([...args, '-q', '--no-charts', '--out', out]);
  const id = await runInProcess([...args, '-q', '--no-charts', '--lang', 'id', '--out', out]);
  expect(en.code, en.stderr).toBe(0);
  expect(id.code, id.stderr).toBe(0);
  const e = en.stdout.split('\n');
  const i = id.stdout.split('\n');
  // The same folder, named by a line of the same form.
  expect(i.filter((l) => l.startsWith('results: '))).toEqual(e.filter((l) => l.startsWith('results: ')));
  expect(e.filter((l) => l.startsWith('results: '))).toHaveLength(1);
  return { en: e, id: i };
}

describe('--lang id: the terminal of the other commands', () => {
  it('compare: header, blocks, table and legend in Indonesian, the English figures', async () => {
    const { en, id } = await both(['compare', join(FIXTURES, 'crn.yaml'), '-r', '6', '-w', '1']);
    expect(en[0]).toBe('test-crn: 6 replications per arm, seed 11, common random numbers');
    expect(id[0]).toBe('test-crn: 6 replikasi per skenario, benih acak (seed) 11, bilangan acak bersama');
    expect(id.length).toBe(en.length + 2);
    const blocks = id.filter((l) => / dibandingkan dengan skenario dasar \(6 replikasi berpasangan\)/.test(l));
    expect(blocks.map((l) => l.split(' ')[0])).toEqual(['unchanged', 'same-value', 'no-pilot-end']);
    expect(cells(id[3]!)).toEqual(['hasil', 'selisih (IK 98,3%)', 'perubahan relatif', 'dasar', 'pengandaian', 'r', 'penghematan CRN']);
    const names = ['live_share', 'sustained.vendor-pilot', 'sustained.e-office', 'discontinuations.total'];
    expect(rowsOf(id, names)).toHaveLength(12);
    expect(rowsOf(id, names).map((l) => figures(l, true))).toEqual(rowsOf(en, names).map((l) => figures(l, false)));
    // Each interval as the Indonesian report writes it, [bawah; atas], with decimal commas.
    for (const row of rowsOf(id, names)) expect(row).toMatch(/^\S+\s+[ +-]\d+,\d+ \[[ +-]\d+,\d+; [ +-]\d+,\d+\]/);
    expect(id).toContain('* interval tidak memuat 0.  IK: interval kepercayaan, ditulis [bawah; atas] seperti dalam laporan.');
    expect(id).toContain('IK 98,3%: disesuaikan Bonferroni untuk 3 skenario pengandaian, sehingga 3 interval satu hasil bersama-sama berlaku pada 95%.');
  }, 180_000);

  it('compare --precision: the precision line in Indonesian', async () => {
    const { en, id } = await both(['compare', join(FIXTURES, 'crn.yaml'), '--precision', '0.2', '--max-replications', '12', '-w', '1']);
    expect(en.find((l) => l.startsWith('precision: '))).toBe('precision: target 0.2 for live_share NOT reached after 12 replications (the maximum); achieved ' + /achieved (\S+)$/.exec(en.find((l) => l.startsWith('precision: '))!)![1]);
    const line = id.find((l) => l.startsWith('presisi: '));
    expect(line).toMatch(/^presisi: target 0,2 untuk live_share TIDAK tercapai: berhenti pada batas maksimum, 12 replikasi \(nilai yang dicapai \d+,\d{4}: setengah lebar interval 95% dibagi rata-ratanya\)$/);
    expect(id.some((l) => l.startsWith('precision: '))).toBe(false);
  }, 180_000);

  it("compare: a variant's note_id is shown under --lang id, its note in English", async () => {
    const { en, id } = await both(['compare', join(ROOT, 'experiments', 'bekasi-champion-retention.yaml'), '-r', '2', '-w', '1']);
    expect(en).toContain('no-rotation vs base (2 paired replications): champions are never rotated out (champion_rotation = 0)');
    expect(id).toContain('no-rotation dibandingkan dengan skenario dasar (2 replikasi berpasangan): penggerak (champion) tidak pernah dirotasi (champion_rotation = 0)');
  }, 180_000);

  it("compare: a blank note_id counts as none: the variant's note is shown, as the report does", async () => {
    const dir = folder();
    const file = join(dir, 'blank-note-id.yaml');
    writeFileSync(file, `name: blank-note-id\nbase: ${JSON.stringify(join(FIXTURES, 'pilot.yaml'))}\nreplications: 2\noutcomes: [live_share]\nvariants:\n  - name: same\n    note: no change at all\n    note_id: "   "\n`);
    const { id } = await both(['compare', file, '-w', '1']);
    expect(id).toContain('same dibandingkan dengan skenario dasar (2 replikasi berpasangan): no change at all');
  }, 180_000);

  it('run --precision: the precision line in Indonesian too (it stayed English under run --lang id)', async () => {
    const { en, id } = await both(['run', join(FIXTURES, 'pilot.yaml'), '--precision', '0.2', '--max-replications', '12', '-w', '1']);
    expect(en.filter((l) => l.startsWith('precision: '))).toHaveLength(1);
    expect(id.find((l) => l.startsWith('presisi: '))).toMatch(/^presisi: .*\d+,\d{4}/);
    expect(id.some((l) => l.startsWith('precision: '))).toBe(false);
  }, 180_000);

  it('sweep: header and table in Indonesian, the English figures', async () => {
    const { en, id } = await both(['sweep', join(FIXTURES, 'sweep.yaml'), '-w', '1']);
    expect(en[0]).toBe('test-sweep: grid design, 6 points x 4 replications = 24 runs, seed 11');
    expect(id[0]).toBe('test-sweep: desain kisi (grid), 6 titik x 4 replikasi = 24 simulasi, benih acak (seed) 11');
    expect(id.length).toBe(en.length);
    expect(cells(id[2]!)).toEqual(['titik', 'takeover_vendor', 'champion_rotation', 'n', 'live_share (IK 95%)', 'sustained.vendor-pilot (IK 95%)', 'discontinuations.total (IK 95%)']);
    const points = (lines: string[]) => lines.slice(4, 10);
    expect(points(id).map((l) => numbers(l, true))).toEqual(points(en).map((l) => numbers(l, false)));
    expect(points(id)[2]).toMatch(/^\s+2\s+0,5\s+0\s+4\s+\d+,\d+ \[\d+(,\d+)?; \d+(,\d+)?\]/);
    expect(id[10]).toBe('(interval proporsi ditampilkan dipotong ke [0; 1]; sweep_summary.csv menyimpannya sebagaimana dihitung)');
  }, 180_000);

  it("sensitivity (Morris and Sobol'): header and tables in Indonesian, the English figures", async () => {
    const morris = await both(['sensitivity', join(FIXTURES, 'morris.yaml'), '--method', 'morris', '-r', '2', '-w', '1']);
    expect(morris.id[0]).toBe('test-morris: desain Morris (morris), 16 titik x 2 replikasi = 32 simulasi, benih acak (seed) 11');
    expect(morris.id[3]).toMatch(/^batas derau: mu\* yang dihasilkan derau replikasi saja/);
    expect(cells(morris.id[4]!)).toEqual(['parameter', 'mu* (IK 95% ±)', 'mu', 'sigma', 'batas derau']);
    const factors = ['parameters.takeover_vendor', 'parameters.pilot_discontinue', 'innovations[id=vendor-pilot].pilot_months'];
    expect(rowsOf(morris.id, factors)).toHaveLength(3);
    expect(rowsOf(morris.id, factors).map((l) => figures(l, true))).toEqual(rowsOf(morris.en, factors).map((l) => figures(l, false)));
    const sobol = await both(['sensitivity', join(FIXTURES, 'morris.yaml'), '--method', 'sobol', '-r', '2', '-w', '1']);
    expect(sobol.id[3]).toMatch(/^batas derau \d+,\d{3}: proporsi variasi yang berasal dari derau replikasi; /);
    expect(cells(sobol.id[4]!)).toEqual(['parameter', 'S1 (IK 95%*)', 'ST (IK 95%*)']);
    for (const row of rowsOf(sobol.id, factors)) expect(row).toMatch(/^\S+\s+-?\d+,\d{3} \[-?\d+,\d{3}; -?\d+,\d{3}\]\s+-?\d+,\d{3} \[-?\d+,\d{3}; -?\d+,\d{3}\]$/);
    expect(rowsOf(sobol.id, factors).map((l) => figures(l, true))).toEqual(rowsOf(sobol.en, factors).map((l) => figures(l, false)));
    expect(sobol.id.some((l) => l.startsWith('* Interval persentil bootstrap, ditulis [bawah; atas] seperti dalam laporan: '))).toBe(true);
  }, 180_000);

  it('national-compare: header and table in Indonesian, the English figures; base:, variant: and results: as in English', async () => {
    const { en, id } = await both(['national-compare', SMALL_NATIONAL, '-r', '3', '-w', '1', '--set', 'national_parameters.gov_launch_base=0.1']);
    expect(en[0]).toBe('small-national: --set national_parameters.gov_launch_base against the file as written, 3 replications each, seed 11, common random numbers');
    expect(id[0]).toBe('small-national: --set national_parameters.gov_launch_base dibandingkan dengan berkas sebagaimana tertulis, masing-masing 3 replikasi, benih acak (seed) 11, bilangan acak bersama');
    // The English run ran both arms; the Indonesian one, into the same root, reads them and says so in its words.
    expect(en[1]).toMatch(/^base: \S+$/);
    expect(id.slice(1, 3)).toEqual(en.slice(1, 3).map((l) => `${l} (sudah ada di penyimpanan: dibaca, tidak dijalankan lagi)`));
    expect(id[4]).toMatch(/^12 selisih terbesar dari \d+ \(pengandaian - dasar, 3 replikasi berpasangan; semuanya ada di national_compare\.csv\):$/);
    expect(cells(id[5]!)).toEqual(['hasil', 'selisih (IK 95%)', 'dasar', 'pengandaian']);
    const rows = (lines: string[]) => lines.slice(7, 19);
    expect(rows(id).map((l) => l.split(' ')[0])).toEqual(rows(en).map((l) => l.split(' ')[0]));
    expect(rows(id).map((l) => figures(l, true))).toEqual(rows(en).map((l) => figures(l, false)));
    expect(rows(id)[0]).toMatch(/^\S+\s+[ +-]\d,\d{4} \[[ +-]\d,\d{4}; [ +-]\d,\d{4}\]/);
    expect(id[19]).toMatch(/^\* interval tidak memuat 0\. IK: interval kepercayaan, ditulis \[bawah; atas\] seperti dalam laporan\. /);
  }, 180_000);
});
