/**
 * README.id.md, the README in Bahasa Indonesia, cannot drift from the
 * program it describes:
 * - every `npx difusi` line of its ```sh blocks names a command, options
 *   that command's `--help` lists (with a listed value where it gives
 *   choices), positionals the command takes, and shipped files that exist;
 * - every output it quotes (a ```text block, under the ```sh block of the
 *   one command line that prints it) is printed by that command line, line
 *   for line;
 * - its quick start is README.md's, and names every column the first table
 *   prints, in English (`npm start`) and in Bahasa Indonesia (`--lang id`);
 * - the national terminal words it quotes are the ones `national --lang id`
 *   prints when P14 is not reproduced.
 * The commands run in the test's own process (tests/support/in-process.ts);
 * a run writes into a temporary folder instead of output/, and the test
 * reads that folder back as `output` in what the command printed.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOutcomeTable } from '../../src/index.js';
import { nationalId } from '../../src/report/i18n/national-id.js';
import { PARAMETER_DEFAULTS } from '../../src/scenario/parameters.js';
import { ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { runInProcess, stdoutInProcess } from '../support/in-process.js';
import { sharedBy } from '../support/shared.js';

const README_ID = readFileSync(join(ROOT, 'README.id.md'), 'utf8');

/** The fenced blocks of a Markdown text, in order: the word after the fence and the lines inside. */
export function fencedBlocks(text: string): { lang: string; lines: string[] }[] {
  return [...text.matchAll(/^```(\S*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, lines: m[2]!.replace(/\n$/, '').split('\n') }));
}

/** A command line split as a POSIX shell splits it (single and double quotes; a ` #` starts a comment). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unclosed ${c} in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) break;
    else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The `npx difusi` command lines of a ```sh block, each as the arguments after `difusi`. */
export function difusiLines(block: { lang: string; lines: string[] }): string[][] {
  if (block.lang !== 'sh') return [];
  return block.lines.filter((l) => l.startsWith('npx difusi ') || l === 'npx difusi').map((l) => shellWords(l).slice(2));
}

interface Option {
  name: string;
  alias?: string;
  boolean: boolean;
  choices?: string[];
}
interface CommandHelp {
  options: Option[];
  /** Positionals: how many are required, and whether more may follow (`<files..>`, `[scenario]`). */
  required: number;
  most: number;
}

/** What `difusi <command> --help` says a command takes. */
export function parseHelp(command: string, help: string): CommandHelp {
  const usage = help.split('\n')[0]!;
  if (!usage.startsWith(`difusi ${command}`)) throw new Error(`not the help of ${command}: ${usage}`);
  const positionals = usage.slice(`difusi ${command}`.length).match(/<[^>]+>|\[[^\]]+\]/g) ?? [];
  const required = positionals.filter((p) => p.startsWith('<')).length;
  const most = positionals.some((p) => p.endsWith('..>') || p.endsWith('..]')) ? Infinity : positionals.length;
  const options = help
    .split('\n')
    .map((l) => /^\s+(?:-([a-zA-Z]), )?--([a-z][a-z0-9-]*)\s.*?(\[(?:boolean|string|number|array)\])(.*)$/.exec(l))
    .filter((m) => m !== null)
    .map((m) => ({
      name: m[2]!,
      ...(m[1] !== undefined && { alias: m[1] }),
      boolean: m[3] === '[boolean]',
      ...(/\[choices: ([^\]]*)\]/.test(m[4]!) && { choices: [.../\[choices: ([^\]]*)\]/.exec(m[4]!)![1]!.matchAll(/"([^"]*)"/g)].map((c) => c[1]!) }),
    }));
  return { options, required, most };
}

/** What is wrong with `difusi <args>` against the commands' `--help` texts (empty: nothing). */
export function lineProblems(args: readonly string[], commands: ReadonlyMap<string, CommandHelp>): string[] {
  const [command, ...rest] = args;
  const help = command === undefined ? undefined : commands.get(command);
  if (help === undefined) return [`no command "${command}"`];
  const problems: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (!word.startsWith('-')) {
      positionals.push(word);
      continue;
    }
    const long = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(word);
    const short = /^-([a-zA-Z])$/.exec(word);
    const negated = long !== null && long[1]!.startsWith('no-') ? help.options.find((o) => o.boolean && o.name === long[1]!.slice(3)) : undefined;
    const option = long !== null ? help.options.find((o) => o.name === long[1]) : short !== null ? help.options.find((o) => o.alias === short[1]) : undefined;
    if (negated !== undefined) continue;
    if (option === undefined) {
      problems.push(`${command}: no option ${word}`);
      continue;
    }
    if (option.boolean) continue;
    const value = long?.[2] ?? rest[++i];
    if (value === undefined || value.startsWith('-')) problems.push(`${command}: ${word} without a value`);
    else if (option.choices !== undefined && !option.choices.includes(value)) problems.push(`${command}: ${word} ${value} is not one of ${option.choices.join(', ')}`);
  }
  if (positionals.length < help.required || positionals.length > help.most) problems.push(`${command}: ${positionals.length} positional arguments (${positionals.join(' ')})`);
  return problems;
}

/** The shipped files a command line names (a scenario or experiment of the repository), which must exist. */
const shippedFiles = (args: readonly string[]): string[] => args.filter((a) => /^(?:scenarios|experiments)\/.+\.(?:ya?ml|json)$/.test(a));

const help = sharedBy((command: string) => stdoutInProcess([command, '--help']));

async function commandHelps(): Promise<Map<string, CommandHelp>> {
  const top = await stdoutInProcess(['--help']);
  const names = [...top.matchAll(/^ {2}difusi ([a-z-]+)/gm)].map((m) => m[1]!);
  expect(names).toContain('run');
  return new Map(await Promise.all(names.map(async (n) => [n, parseHelp(n, await help(n))] as const)));
}

beforeAll(() => assertBuilt());

describe("README.id.md's command lines are real ones", () => {
  const lines = fencedBlocks(README_ID).flatMap(difusiLines);

  it('every `npx difusi` line names a command, its options, its positionals and shipped files that exist', async () => {
    const commands = await commandHelps();
    expect(lines.length).toBeGreaterThan(10);
    const problems = lines.flatMap((args) => [
      ...lineProblems(args, commands).map((p) => `npx difusi ${args.join(' ')}: ${p}`),
      ...shippedFiles(args)
        .filter((f) => {
          try {
            readFileSync(join(ROOT, f));
            return false;
          } catch {
            return true;
          }
        })
        .map((f) => `npx difusi ${args.join(' ')}: no file ${f}`),
    ]);
    expect(problems).toEqual([]);
  });

  it('shows each main command with --lang id, and --lang only where a command takes it', async () => {
    const withLang = lines.filter((args) => args.includes('--lang')).map((args) => args[0]);
    for (const command of ['validate', 'run', 'compare', 'sweep', 'sensitivity', 'report', 'national']) expect(withLang, command).toContain(command);
    for (const args of lines.filter((a) => a.includes('--lang'))) expect(args[args.indexOf('--lang') + 1], args.join(' ')).toBe('id');
    expect(lines.map((a) => a[0])).toContain('explore');
  });

  it('(control) a misspelt option, a value outside the choices, a missing positional and an unknown command are found', async () => {
    const commands = await commandHelps();
    expect(lineProblems(['run', 'scenarios/bekasi-2015-2025.yaml', '--lang', 'id', '--no-charts', '-r', '4'], commands)).toEqual([]);
    expect(lineProblems(['run', 'scenarios/bekasi-2015-2025.yaml', '--langs', 'id'], commands)).toContain('run: no option --langs');
    expect(lineProblems(['run', 'scenarios/bekasi-2015-2025.yaml', '--lang', 'in'], commands)).toEqual(['run: --lang in is not one of en, id']);
    expect(lineProblems(['sensitivity', 'experiments/bekasi-sensitivity.yaml', '--method', 'sobol2'], commands)).toEqual(['sensitivity: --method sobol2 is not one of morris, sobol']);
    expect(lineProblems(['report', '--lang', 'id'], commands)).toEqual(['report: 0 positional arguments ()']);
    expect(lineProblems(['explore', '--lang', 'id'], commands)).toEqual(['explore: no option --lang']);
    expect(lineProblems(['simulate', 'x.yaml'], commands)).toEqual(['no command "simulate"']);
    expect(shellWords(`compare a.yaml --set 'x[id=a b].c=1' -r 4   # comment`)).toEqual(['compare', 'a.yaml', '--set', 'x[id=a b].c=1', '-r', '4']);
  });
});

/**
 * Files a command line of README.id.md names that the reader makes first:
 * the test writes them into its temporary folder and reads their path there
 * as the name the README gives them.
 */
const READER_FILES: Record<string, () => string> = {
  // "a copy of the Bekasi scenario, kota.yaml, that writes months: many"
  'kota.yaml': () => readFileSync(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), 'utf8').replace(/^months: 132$/m, 'months: many'),
};

/** Each quoted output of README.id.md with the command line above it. */
export function quotedOutputs(text: string): { args: string[]; quoted: string[] }[] {
  const blocks = fencedBlocks(text);
  return blocks.flatMap((block, i) => {
    if (block.lang !== 'text') return [];
    const above = blocks[i - 1];
    const lines = above === undefined ? [] : difusiLines(above);
    if (lines.length !== 1) throw new Error(`the quoted output "${block.lines[0]}" is not under a block of one npx difusi line`);
    return [{ args: lines[0]!, quoted: block.lines }];
  });
}

describe("README.id.md's quoted outputs are what the commands print", () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir('difusi-readme-id-');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * Runs a quoted command line as the README gives it, with the reader's files
   * made and results under the temporary folder; what it printed, stdout then
   * stderr, with the temporary paths written as the README writes them. A run
   * that writes a report in the README runs here with --no-charts (drawing the
   * charts takes most of its time, and changes nothing the terminal prints
   * but its `report:` line, checked below from the `results:` line).
   */
  async function printed(args: readonly string[]): Promise<{ code: number | null; text: string; withoutReport: boolean }> {
    const made = new Map<string, string>();
    const runArgs = args.map((a) => {
      const make = READER_FILES[a];
      if (make === undefined) return a;
      const path = join(dir, a);
      writeFileSync(path, make());
      made.set(path, a);
      return path;
    });
    const writes = ['run', 'compare', 'sweep', 'sensitivity', 'national', 'national-compare', 'merge', 'national-merge', 'explore'].includes(args[0]!);
    const out = join(dir, 'output');
    const withoutReport = args[0] === 'run' && !args.includes('--no-charts');
    const r = await runInProcess([...runArgs, ...(writes ? ['--out', out] : []), ...(withoutReport ? ['--no-charts'] : [])]);
    let text = `${r.stdout}\n${r.stderr}`.split(out).join('output');
    for (const [path, name] of made) text = text.split(path).join(name);
    return { code: r.code, text, withoutReport };
  }

  const outputs = quotedOutputs(README_ID);

  it('the README quotes the outputs of validate and run', () => {
    expect(outputs.map((o) => o.args[0])).toEqual(['validate', 'validate', 'run', 'run']);
  });

  it.each(outputs.map((o) => [o.args.join(' '), o] as const))('npx difusi %s', { timeout: 120_000 }, async (_, { args, quoted }) => {
    const { text, withoutReport } = await printed(args);
    const lines = text.split('\n');
    const results = lines.find((l) => l.startsWith('results: '));
    const missing = quoted.filter((q) => {
      if (lines.includes(q)) return false;
      // The one line a run without its report does not print: the report it would write, in the results folder.
      return !(withoutReport && results !== undefined && q === `report: ${results.slice('results: '.length)}/report.id.html`);
    });
    expect(missing, text).toEqual([]);
  });
});

describe("README.id.md's quick start", () => {
  const squeezed = README_ID.replace(/\s+/g, ' ');
  const quickStart = squeezed.slice(squeezed.indexOf('## Mulai cepat'), squeezed.indexOf('## Perintah dalam bahasa Indonesia'));
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');

  it("is README.md's: the same Node version and commands, the ones package.json runs", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };
    expect(pkg.engines.node).toBe('>=20.19');
    for (const said of ['Node.js 20 (>= 20.19)', '```sh npm ci && npm start ```', '```sh npm test ```', '`scenarios/bekasi-2015-2025.yaml` (200']) expect(quickStart, said).toContain(said);
    expect(readme).toContain('Requires Node.js 20 (>= 20.19).');
    expect(readme).toContain('``` npm ci && npm start ```');
    expect(readme).toContain('``` npm test ```');
    expect(pkg.scripts.start).toBe('node dist/src/cli/main.js run scenarios/bekasi-2015-2025.yaml');
  });

  it('names each column of the first table, in English and in Bahasa Indonesia, with what it means', () => {
    const columns = (lang: 'en' | 'id') =>
      formatOutcomeTable([], lang)
        .split('\n')[0]!
        .trim()
        .split(/\s{2,}/)
        .slice(1)
        .map((h) => h.replace(/ \((?:95% CI|IK 95%)\)$/, ''));
    const en = columns('en');
    const id = columns('id');
    expect(en).toEqual(['sustained', 'declining', 'discontinued', 'never']);
    expect(id).toHaveLength(4);
    en.forEach((c, i) => expect(quickStart, `column ${c} / ${id[i]}`).toContain(`- **${c}** (**${id[i]}**): `));
  });

  it('says what sustained needs, with the defaults of its two parameters', () => {
    expect(PARAMETER_DEFAULTS.sustain_fraction).toBe(0.5);
    expect(quickStart).toContain('(`sustain_fraction`, sebuah parameter, bawaan separuh)');
    expect(quickStart).toContain(`\`min_peak\` perangkat daerah (sebuah parameter, bawaan ${PARAMETER_DEFAULTS.min_peak})`);
  });
});

describe("README.id.md's commands", () => {
  it('says where `npx difusi` runs this program, and what to type elsewhere', () => {
    // Outside the clone npx looks the name up on the public npm registry (README.md says so too, tests/docs/tutorial.test.ts).
    const text = README_ID.replace(/\s+/g, ' ');
    expect(text).toContain('Ketiklah perintah-perintah di bawah di dalam clone');
    expect(text).toContain('Di luar clone, `npx difusi` akan mencari paket bernama sama di registri npm publik, yang bukan program ini: ketiklah `node <clone>/dist/src/cli/main.js` sebagai gantinya');
  });
});

describe("README.id.md's national words", () => {
  it('are the ones national --lang id prints when P14 is not reproduced', () => {
    const text = README_ID.replace(/\s+/g, ' ');
    const totals = nationalId.p14.totals('19.265', '4', '31,5%', '52,0%', '16,6%', '306', false);
    const spread = nationalId.p14.spread('97,8%', '5,0%', '0,0%', '20,0%', false);
    const reading = nationalId.terminalP14Reading(false, false);
    for (const [quoted, printed] of [
      ['`DI LUAR pita acuan`', totals],
      ['`TIDAK cukup lebar`', spread],
      ['"bacalah angka nasional sebagai simulasi pengandaian yang bersifat penjajakan, bukan proyeksi"', reading],
    ] as const) {
      expect(text).toContain(quoted);
      expect(printed).toContain(quoted.slice(1, -1));
    }
  });
});
