/**
 * docs/TUTORIAL.id.md, the tutorial in Bahasa Indonesia, cannot rot, as
 * docs/TUTORIAL.md cannot (tests/docs/tutorial.test.ts, whose helpers from
 * tests/support/tutorial.ts it uses): its files are written and its commands
 * run, in document order, in an empty folder, with the same two savings
 * (`run` at `-r 4`, `--no-charts`). What it adds: the terminal output it
 * shows (```text output blocks) is checked line by line against what the
 * command before it prints, and that `run` keeps its own replications so
 * that its table is the one shown; every figure section 3 quotes, written
 * the Indonesian way (13%, 2,23), is rebuilt from the compare.csv it
 * writes; every command that has `--lang` is given `--lang id`; and its
 * files are the English tutorial's with Indonesian twins (`name_id`,
 * `description_id`, `note_id`) and Indonesian agency names added, so that
 * its results are the English tutorial's: the figures the English section 3
 * quotes are rebuilt from the same compare.csv. Section 4 is checked by
 * tests/docs/tutorial-national.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { stdoutInProcess } from '../support/in-process.js';
import { csvRows, expectPermitExplanation, forTest, pct, pts, quotedFigures, quotedRows, tutorialSteps } from '../support/tutorial.js';

const TUTORIAL_ID = readFileSync(join(ROOT, 'docs', 'TUTORIAL.id.md'), 'utf8');
const TUTORIAL_EN = readFileSync(join(ROOT, 'docs', 'TUTORIAL.md'), 'utf8');

/** The text with every run of white space made one space: the prose wraps where it likes. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** A mean with two decimals and the decimal comma ("2,23"), as the Indonesian report writes it. */
const two = (x: number): string => x.toFixed(2).replace('.', ',');

/**
 * The figures section 3 of the Indonesian tutorial quotes, rebuilt from
 * compare.csv and written as its prose writes them (compared with the
 * prose's white space made single spaces).
 */
export function quotedFiguresId(rows: Record<string, string>[]): string[] {
  const { take, own, mayor, vTake, vOwn, dTake, dOwn } = quotedRows(rows);
  const zero = mayor.diff_ci_low! <= 0 && mayor.diff_ci_high! >= 0;
  return [
    `(${take.n} replikasi, benih acak (seed) 2024)`,
    `proporsinya ${pct(take.base_mean!)}% pada skenario dasar, ${pct(take.variant_mean!)}% bila pemerintah kota mengambil alihnya (${pts(take.diff_mean!)} poin persentase (pp), ${pts(take.diff_ci_low!)} hingga ${pts(take.diff_ci_high!)}) dan ${pct(own.variant_mean!)}% bila Diskominfo juga menjadi pemiliknya (${pts(own.diff_mean!)} pp, ${pts(own.diff_ci_low!)} hingga ${pts(own.diff_ci_high!)}).`,
    `naik dari ${two(vTake.base_mean!)} menjadi ${two(vTake.variant_mean!)} per replikasi dengan alih kelola saja, dan turun menjadi ${String(vOwn.variant_mean).replace('.', ',')} bila Diskominfo menjadi pemiliknya.`,
    `${two(dTake.base_mean!)} per replikasi pada skenario dasar, ${two(dTake.variant_mean!)} bila pemerintah kota mengambil alih aplikasi itu dan ${two(dOwn.variant_mean!)} bila Diskominfo juga menjadi pemiliknya.`,
    `\`mayor-a-stays\`: ${pts(mayor.diff_mean!)} pp (${pts(mayor.diff_ci_low!)} hingga ${pts(mayor.diff_ci_high!)}; interval ${zero ? 'memuat 0, jadi tidak ada efek yang jelas' : 'tidak memuat 0'})`,
  ];
}

/** The ```text output blocks: the lines each shows, and how many tutorial commands come before it (it shows the last one's). */
export function outputBlocks(markdown: string): { after: number; lines: string[] }[] {
  return [...markdown.matchAll(/^```text output\n([\s\S]*?)^```/gm)].map((m) => ({
    after: tutorialSteps(markdown.slice(0, m.index)).filter((s) => s.kind === 'command').length,
    lines: m[1]!.split('\n').filter((l) => l.trim() !== ''),
  }));
}

/**
 * The lines of `shown` that are not in `printed` in the same order (none: the block is what the program printed). A
 * line `...` stands for lines left out; trailing white space is not compared.
 */
export function missingLines(shown: readonly string[], printed: string): string[] {
  const out = printed.split('\n').map((l) => l.trimEnd());
  const missing: string[] = [];
  let at = 0;
  for (const line of shown) {
    if (line.trim() === '...') continue;
    const found = out.indexOf(line.trimEnd(), at);
    if (found < 0) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

/** A scenario or experiment file without its text: the Indonesian twins, descriptions, notes and agencies' names. */
function withoutText(yamlText: string): unknown {
  const strip = (v: unknown, key = ''): unknown => {
    if (Array.isArray(v)) return v.map((x) => strip(x, key));
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v as Record<string, unknown>).filter(([k]) => !/^(?:description|note)(?:_id)?$|^name_id$/.test(k) && !(key === 'list' && k === 'name'));
    return Object.fromEntries(entries.map(([k, x]) => [k, strip(x, k)]));
  };
  return strip(parse(yamlText));
}

const STEPS = tutorialSteps(TUTORIAL_ID);
const BLOCKS = outputBlocks(TUTORIAL_ID);
// Lines the tests' own `--no-charts` adds under --lang id: the report is not written (the tutorial's commands do write it).
const NO_REPORT = /--lang id dengan --no-charts: laporan tidak ditulis/;

describe('docs/TUTORIAL.id.md', () => {
  it('has the English tutorial\'s files and commands, each command with --lang id where it has --lang', async () => {
    const files = STEPS.filter((s) => s.kind === 'file');
    const commands = STEPS.filter((s) => s.kind === 'command').map((s) => s.args!);
    expect(files.map((s) => s.file)).toEqual(['sukamaju.yaml', 'sukamaju.yaml', 'sukamaju-what-if.yaml']);
    expect(commands.map((a) => a[0])).toEqual(['validate', 'run', 'validate', 'run', 'odd', 'compare']);
    // The same scenarios as the English tutorial's, text aside: the same results.
    const english = tutorialSteps(TUTORIAL_EN).filter((s) => s.kind === 'file');
    expect(files.map((s) => withoutText(s.text!))).toEqual(english.map((s) => withoutText(s.text!)));
    expect(files.some((s) => s.text!.includes('name_id:'))).toBe(true);
    // The English tutorial's commands, each with --lang id when its --help lists --lang.
    const englishCommands = tutorialSteps(TUTORIAL_EN).filter((s) => s.kind === 'command').map((s) => s.args!);
    for (const [i, args] of commands.entries()) {
      const hasLang = /^\s+--lang\b/m.test(await stdoutInProcess([args[0]!, '--help']));
      expect(args, args.join(' ')).toEqual(hasLang ? [...englishCommands[i]!, '--lang', 'id'] : englishCommands[i]);
    }
    // Each output block follows a command: validate's summary, run's table, compare's excerpt.
    expect(BLOCKS.map((b) => commands[b.after - 1]![0])).toEqual(['validate', 'run', 'compare']);
  });

  it('says where `npx difusi` runs this program, and what to type elsewhere', () => {
    const setup = flat(TUTORIAL_ID.slice(0, TUTORIAL_ID.indexOf('## 1.')));
    expect(setup).toContain('Bekerjalah di folder baru yang kosong **di dalam clone**');
    expect(setup).toContain('Jangan mengetik `npx difusi` di folder di luar clone');
    expect(setup).toContain('`node <clone>/dist/src/cli/main.js`');
    expect(setup).toContain('Versi bahasa Inggris tutorial ini: [docs/TUTORIAL.md](TUTORIAL.md)');
  });

  it('rebuilds the quoted figures from compare.csv, the Indonesian way, and a changed number breaks them', () => {
    const csv = [
      'outcome,variant,n,base_mean,variant_mean,diff_mean,diff_ci_low,diff_ci_high',
      'sustained.lapor-app,city-takes-over,100,0.13,0.24,0.11,0.0334,0.1866',
      'sustained.lapor-app,take-over-and-own,100,0.13,0.38,0.25,0.144,0.356',
      'sustained.lapor-app,mayor-a-stays,100,0.13,0.17,0.04,-0.008,0.088',
      'discontinuations.vendor_exit,city-takes-over,100,2.23,4.61,2.38,1.6,3.1',
      'discontinuations.vendor_exit,take-over-and-own,100,2.23,0.5,-1.73,-3,-1.4',
      'discontinuations.defunded,city-takes-over,100,11.35,6.75,-4.6,-6,-3.2',
      'discontinuations.defunded,take-over-and-own,100,11.35,7.6,-3.75,-5,-2.4',
    ].join('\n');
    const quotes = quotedFiguresId(csvRows(csv));
    expect(quotes[1]).toBe('proporsinya 13% pada skenario dasar, 24% bila pemerintah kota mengambil alihnya (+11 poin persentase (pp), +3 hingga +19) dan 38% bila Diskominfo juga menjadi pemiliknya (+25 pp, +14 hingga +36).');
    expect(quotes[2]).toContain('naik dari 2,23 menjadi 4,61 per replikasi dengan alih kelola saja, dan turun menjadi 0,5 bila');
    expect(quotes[3]).toBe('11,35 per replikasi pada skenario dasar, 6,75 bila pemerintah kota mengambil alih aplikasi itu dan 7,60 bila Diskominfo juga menjadi pemiliknya.');
    expect(quotes[4]).toBe('`mayor-a-stays`: +4 pp (-1 hingga +9; interval memuat 0, jadi tidak ada efek yang jelas)');
    // A program whose base differs by one point no longer matches the text.
    const off = quotedFiguresId(csvRows(csv.replace('lapor-app,city-takes-over,100,0.13', 'lapor-app,city-takes-over,100,0.14')));
    expect(flat(TUTORIAL_ID)).not.toContain(off[1]);
  });

  it('checks a shown output line by line, in order', () => {
    expect(missingLines(['a b', '...', 'd'], 'a b  \nc\nd\n')).toEqual([]);
    expect(missingLines(['d', 'a b'], 'a b\nc\nd')).toEqual(['a b']);
    expect(missingLines(['a c'], 'a b\nc')).toEqual(['a c']);
  });

  it('runs from an empty folder to a compared what-if, printing what it shows', { timeout: 600_000 }, () => {
    assertBuilt();
    const dir = tempDir('difusi-tutorial-id-');
    let command = 0;
    let shownRun = '';
    let compareFolder = '';
    for (const step of STEPS) {
      if (step.kind === 'file') {
        writeFileSync(join(dir, step.file!), step.text!);
        continue;
      }
      command += 1;
      const blocks = BLOCKS.filter((b) => b.after === command);
      // A command whose output is shown runs as written (its table depends on its replications), without charts.
      const args = blocks.length > 0 && step.args![0] === 'run' ? [...step.args!, '--no-charts'] : forTest(step.args!);
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
      const line = `npx difusi ${args.join(' ')}`;
      expect(r.status, `${line}\n${r.stderr}`).toBe(0);
      // The tutorial's scenarios are meant to be clean: no warnings but the test's own --no-charts's.
      expect(r.stderr.split('\n').filter((l) => l.startsWith('⚠') && !NO_REPORT.test(l)), line).toEqual([]);
      for (const block of blocks) expect(missingLines(block.lines, r.stdout), `${line}: lines docs/TUTORIAL.id.md shows, not printed\n${r.stdout}`).toEqual([]);
      const results = /^results: (.+)$/m.exec(r.stdout)?.[1];
      if (args[0] === 'run' && blocks.length > 0) shownRun = results!;
      if (args[0] === 'compare') compareFolder = results!;
    }
    // What the tutorial says the commands leave behind.
    expect(readFileSync(join(dir, 'sukamaju-odd.md'), 'utf8')).toContain('| agencies (OPD) | 30 |');
    const csv = readFileSync(join(dir, compareFolder, 'compare.csv'), 'utf8');
    // Listed, not the whole document, when they differ: what compare.csv says that the text does not.
    expect(quotedFiguresId(csvRows(csv)).filter((quote) => !flat(TUTORIAL_ID).includes(quote)), 'docs/TUTORIAL.id.md section 3 quotes other figures than compare.csv').toEqual([]);
    // The same numbers as the English tutorial's, as its text says (its files differ in text only).
    expect(quotedFigures(csvRows(csv)).filter((quote) => !TUTORIAL_EN.includes(quote)), 'docs/TUTORIAL.md section 3 quotes other figures than the Indonesian files give').toEqual([]);
    // Section 2's explanation of online permits, from the shown run's own 50 replications.
    expect(shownRun).toMatch(/^output\/sukamaju\//);
    expectPermitExplanation(readFileSync(join(dir, shownRun, 'outcomes.csv'), 'utf8'));
    expect(flat(TUTORIAL_ID)).toContain('dihentikan dalam sekitar dua dari tiga replikasi (66% pada tabel di atas)');
  });
});
