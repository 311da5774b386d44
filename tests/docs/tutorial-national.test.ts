/**
 * docs/TUTORIAL.md section 4, the national what-if, cannot rot as the
 * shipped national file is regenerated: its copy (```sh national blocks'
 * `cp`) is made from the shipped file as a folder one level inside the
 * clone sees it, its edits (```yaml edit=FILE blocks: a passage of the file
 * with one line changed) still find the passage they change, the edited
 * copy validates, and each `npx difusi national` command is accepted as
 * written (run with `--check`: validate and compile; the runs themselves
 * take a minute or more each). Section 1 to 3's files and commands are
 * run by tests/docs/tutorial.test.ts. The same is done for section 4 of
 * docs/TUTORIAL.id.md (the tutorial in Bahasa Indonesia), whose commands
 * are the English ones with `--lang id`, and whose quoted ⚠ line must be
 * what the check of the shipped file prints.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, assertBuilt, tempDir } from '../support/cli.js';

const TUTORIAL = readFileSync(join(ROOT, 'docs', 'TUTORIAL.md'), 'utf8');
/** The tutorial's working folder: one level inside the clone (its setup: `mkdir mycity && cd mycity`). */
const WORK = join(ROOT, 'mycity');

/** The words of a command line, single quotes honoured (the tutorial's --set). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

interface Step {
  readonly kind: 'command' | 'edit';
  readonly args?: string[];
  readonly file?: string;
  readonly text?: string;
}

/** Section 4's steps in document order: ```sh national lines, and ```yaml edit=FILE blocks. */
function nationalSteps(markdown: string): Step[] {
  const steps: Step[] = [];
  for (const m of markdown.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```/gm)) {
    const [, lang, info, body] = m as unknown as [string, string, string, string];
    const edit = /\bedit=(\S+)/.exec(info)?.[1];
    if (lang === 'yaml' && edit !== undefined) steps.push({ kind: 'edit', file: edit, text: body });
    else if (lang === 'sh' && /\bnational\b/.test(info)) {
      for (const line of body.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))) steps.push({ kind: 'command', args: words(line) });
    }
  }
  return steps;
}

/**
 * `text` with the passage `edit` applied: the lines of `edit` must be found in a row in `text` with
 * exactly one of them different, that line's key (before the colon) the same.
 */
function applyEdit(text: string, edit: string): string {
  const lines = text.split('\n');
  const want = edit.replace(/\n$/, '').split('\n');
  const key = (l: string) => l.slice(0, l.indexOf(':') + 1);
  const found: number[] = [];
  for (let at = 0; at + want.length <= lines.length; at++) {
    const differ = want.map((w, i) => (lines[at + i] === w ? -1 : i)).filter((i) => i >= 0);
    if (differ.length === 1 && key(lines[at + differ[0]!]!) === key(want[differ[0]!]!) && key(want[differ[0]!]!) !== '') found.push(at);
  }
  if (found.length !== 1) throw new Error(`the edit is found ${found.length} times (want once):\n${edit}`);
  lines.splice(found[0]!, want.length, ...want);
  return lines.join('\n');
}

// `npx difusi` as the tutorial types it: the command as installed (bin/difusi.mjs, the bundle; tests/cli/bundle.test.ts
// checks it behaves as dist/src/cli/main.js), which also starts in about half the time.
const run = (cwd: string, args: readonly string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });

/**
 * Section 4's steps done in a new folder one level inside a fresh folder, as the tutorial's reader does them (the
 * shipped file's path resolved as seen from the clone's `mycity`): each command must succeed and give the ⚠ lines
 * the tutorial says. Returns the folder, and each command's stderr by its line as the tutorial writes it.
 */
function walkThrough(steps: readonly Step[]): { dir: string; stderr: Map<string, string> } {
  assertBuilt();
  const dir = join(tempDir('difusi-tutorial-national-'), 'mycity');
  mkdirSync(dir);
  const stderr = new Map<string, string>();
  for (const step of steps) {
    if (step.kind === 'edit') {
      const file = join(dir, step.file!);
      writeFileSync(file, applyEdit(readFileSync(file, 'utf8'), step.text!));
      continue;
    }
    const args = step.args!;
    if (args[0] === 'cp') {
      // The source as the tutorial's folder, one level inside the clone, sees it.
      const source = resolve(WORK, args[1]!);
      expect(existsSync(source), source).toBe(true);
      copyFileSync(source, join(dir, args[2]!));
      continue;
    }
    // The shipped file's path, as seen from the tutorial's folder.
    const cli = args.slice(2).map((a) => (a.startsWith('../') ? resolve(WORK, a) : a));
    const r = run(dir, cli[0] === 'national' ? [...cli, '--check'] : cli);
    expect(r.status, `npx difusi ${cli.join(' ')}\n${r.stderr}`).toBe(0);
    // The tutorial says which ⚠ lines each file gives: the shipped file's unfunded mandate, the unfunded mandate that does
    // nothing for spbe-integration and the programme, and the copy, whose first mandate has money, only the last two.
    const warned = r.stderr.split('\n').filter((l) => l.startsWith('⚠')).map((l) => /(national_regulations|programmes)\[\d+\] "([^"]+)"/.exec(l)?.[2] ?? l);
    const copy = cli.some((a) => a === 'my-indonesia.yaml');
    expect(warned, `npx difusi ${cli.join(' ')}`).toEqual(copy ? ['perpres-95-2018-spbe', 'smart-city-movement'] : ['pp-24-2018-oss', 'perpres-95-2018-spbe', 'smart-city-movement']);
    // The summary line in the command's language (Bahasa Indonesia under --lang id since the thirty-ninth session).
    const indonesian = cli.join(' ').includes('--lang id');
    if (cli[0] === 'validate') expect(r.stdout).toMatch(indonesian ? /^✓ my-indonesia\.yaml: skenario nasional "my-indonesia", 552 pemerintah daerah/ : /^✓ my-indonesia\.yaml: national scenario "my-indonesia", 552 governments/);
    // As printed for the path the tutorial types.
    stderr.set(args.join(' '), r.stderr.split(resolve(WORK, '../scenarios/indonesia-2015-2025.yaml')).join('../scenarios/indonesia-2015-2025.yaml'));
  }
  return { dir, stderr };
}

/** The copy differs from the shipped file in the two lines the tutorial changes, and nowhere else. */
function expectTwoLinesChanged(dir: string): void {
  const shipped = readFileSync(join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml'), 'utf8').split('\n');
  const copy = readFileSync(join(dir, 'my-indonesia.yaml'), 'utf8').split('\n');
  expect(copy).toHaveLength(shipped.length);
  const changed = copy.map((l, i) => [shipped[i], l] as const).filter(([a, b]) => a !== b);
  expect(changed).toEqual([
    ['name: indonesia-2015-2025', 'name: my-indonesia'],
    ['    money: false', '    money: true'],
  ]);
}

describe('docs/TUTORIAL.md, section 4: a national what-if', () => {
  const steps = nationalSteps(TUTORIAL);

  it('copies the shipped file, edits its name and one mandate, validates the copy and runs both', () => {
    expect(steps.map((s) => (s.kind === 'edit' ? `edit ${s.file}` : s.args!.slice(0, 2).join(' ')))).toEqual([
      'cp ../scenarios/indonesia-2015-2025.yaml',
      'edit my-indonesia.yaml',
      'edit my-indonesia.yaml',
      'npx difusi',
      'npx difusi',
      'npx difusi',
    ]);
    expect(steps.filter((s) => s.kind === 'command' && s.args![0] === 'npx').map((s) => s.args!.slice(2).join(' '))).toEqual([
      'validate my-indonesia.yaml',
      'national ../scenarios/indonesia-2015-2025.yaml -r 4',
      'national my-indonesia.yaml -r 4',
    ]);
    // The shipped file says it is regenerated; the tutorial says a what-if goes in a copy.
    const text = TUTORIAL.replace(/\s+/g, ' ');
    expect(text).toContain('`difusi generate-national` rewrites it from the data in `data/idn-area/`');
    expect(text).toContain('A what-if goes in a copy of your own.');
    expect(TUTORIAL).toMatch(/^- Many governments in one scenario: \[docs\/NATIONAL\.md\]\(NATIONAL\.md\)/m);
  });

  it('an edit must find its passage once, with one line changed', () => {
    const file = 'a:\n  - id: x\n    money: false\n  - id: y\n    money: false\n';
    expect(applyEdit(file, '  - id: x\n    money: true\n')).toBe('a:\n  - id: x\n    money: true\n  - id: y\n    money: false\n');
    expect(() => applyEdit(file, '    money: true\n')).toThrow('found 2 times');
    expect(() => applyEdit(file, '  - id: z\n    money: true\n')).toThrow('found 0 times');
  });

  it('works as written on the shipped file', { timeout: 300_000 }, () => {
    expectTwoLinesChanged(walkThrough(steps).dir);
  });
});

const TUTORIAL_ID = readFileSync(join(ROOT, 'docs', 'TUTORIAL.id.md'), 'utf8');

describe('docs/TUTORIAL.id.md, section 4: the same national what-if in Bahasa Indonesia', () => {
  const steps = nationalSteps(TUTORIAL_ID);

  it('has the English section\'s copy, edits and commands, each difusi command with --lang id', () => {
    const english = nationalSteps(TUTORIAL).map((s) => (s.kind === 'command' && s.args![0] === 'npx' ? { ...s, args: [...s.args!, '--lang', 'id'] } : s));
    expect(steps).toEqual(english);
    const text = TUTORIAL_ID.replace(/\s+/g, ' ');
    expect(text).toContain('`difusi generate-national` menulisnya ulang dari data di `data/idn-area/`');
    expect(text).toContain('Pengandaian dibuat pada salinan milik Anda sendiri.');
  });

  it('works as written on the shipped file, which prints the ⚠ line the section quotes', { timeout: 300_000 }, () => {
    const { dir, stderr } = walkThrough(steps);
    expectTwoLinesChanged(dir);
    const quoted = /Baris pertama berbunyi:\n\n```text\n(⚠[^\n]*)\n```/.exec(TUTORIAL_ID)?.[1];
    expect(quoted, 'the quoted ⚠ line after "Baris pertama berbunyi:"').toBeDefined();
    expect(stderr.get('npx difusi national ../scenarios/indonesia-2015-2025.yaml -r 4 --lang id')!.split('\n')).toContain(quoted);
  });
});
