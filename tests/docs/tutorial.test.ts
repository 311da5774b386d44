/**
 * docs/TUTORIAL.md cannot rot: its files (```yaml file=NAME blocks) are
 * written and its commands (```sh tutorial blocks) are run, in document
 * order, in an empty folder, with the built CLI. Two changes keep the suite
 * fast, and change nothing the tutorial claims: `-r N` becomes `-r 4`, and
 * `run` and `compare` get `--no-charts` (charts are tested in tests/report).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, assertBuilt, tempDir } from '../support/cli.js';

export interface TutorialStep {
  readonly kind: 'file' | 'command';
  /** The file name, or the command's arguments after `npx difusi`. */
  readonly file?: string;
  readonly text?: string;
  readonly args?: string[];
}

/** Splits a command line on spaces, honouring single and double quotes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  let started = false;
  for (const ch of line) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      started = true;
    } else if (ch === ' ' || ch === '\t') {
      if (started || current !== '') words.push(current);
      current = '';
      started = false;
    } else current += ch;
  }
  if (quote !== null) throw new Error(`unclosed quote in: ${line}`);
  if (started || current !== '') words.push(current);
  return words;
}

/** The tutorial's files and commands, in document order. */
export function tutorialSteps(markdown: string): TutorialStep[] {
  const steps: TutorialStep[] = [];
  for (const m of markdown.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```/gm)) {
    const [, lang, info, body] = m as unknown as [string, string, string, string];
    const file = /\bfile=(\S+)/.exec(info)?.[1];
    if (file !== undefined) steps.push({ kind: 'file', file, text: body });
    else if (lang === 'sh' && /\btutorial\b/.test(info)) {
      for (const raw of body.split('\n')) {
        const line = raw.replace(/\s+#.*$/, '').trim();
        if (line === '' || line.startsWith('#')) continue;
        const words = shellWords(line);
        if (words[0] !== 'npx' || words[1] !== 'difusi') throw new Error(`tutorial command is not "npx difusi ...": ${line}`);
        steps.push({ kind: 'command', args: words.slice(2) });
      }
    }
  }
  return steps;
}

/** The arguments the test runs: fewer replications, no charts. */
function forTest(args: readonly string[]): string[] {
  const out = [...args];
  const r = out.findIndex((a) => a === '-r' || a === '--replications');
  if (r >= 0) out[r + 1] = '4';
  if (out[0] === 'run' || out[0] === 'compare') out.push('--no-charts');
  return out;
}

const TUTORIAL = readFileSync(join(ROOT, 'docs', 'TUTORIAL.md'), 'utf8');

describe('docs/TUTORIAL.md', () => {
  it('reads its steps: files and npx difusi commands, quotes honoured', () => {
    expect(shellWords(`run a.yaml --set 'x[id=a b].y=1' -r 5`)).toEqual(['run', 'a.yaml', '--set', 'x[id=a b].y=1', '-r', '5']);
    const steps = tutorialSteps('```yaml file=a.yaml\nname: a\n```\n\n```sh tutorial\nnpx difusi validate a.yaml  # check\n```\n```sh\nnot run\n```\n');
    expect(steps).toEqual([
      { kind: 'file', file: 'a.yaml', text: 'name: a\n' },
      { kind: 'command', args: ['validate', 'a.yaml'] },
    ]);
    const real = tutorialSteps(TUTORIAL);
    expect(real.filter((s) => s.kind === 'file').map((s) => s.file)).toEqual(['sukamaju.yaml', 'sukamaju.yaml', 'sukamaju-what-if.yaml']);
    expect(real.filter((s) => s.kind === 'command').map((s) => s.args![0])).toEqual(['validate', 'run', 'validate', 'run', 'odd', 'compare']);
  });

  it('runs from an empty folder to a compared what-if', { timeout: 600_000 }, () => {
    assertBuilt();
    const dir = tempDir('difusi-tutorial-');
    for (const step of tutorialSteps(TUTORIAL)) {
      if (step.kind === 'file') {
        writeFileSync(join(dir, step.file!), step.text!);
        continue;
      }
      const args = forTest(step.args!);
      const r = spawnSync(process.execPath, [CLI, ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      expect(r.status, `npx difusi ${args.join(' ')}\n${r.stderr}`).toBe(0);
      // The tutorial's scenarios are meant to be clean: no warnings.
      expect(r.stderr, `npx difusi ${args.join(' ')}`).not.toContain('⚠');
      if (args[0] === 'validate') expect(r.stdout).toMatch(/^✓ sukamaju\.yaml: scenario "sukamaju", 30 OPDs/);
    }
    // What the tutorial says the commands leave behind.
    const odd = readFileSync(join(dir, 'sukamaju-odd.md'), 'utf8');
    expect(odd).toContain('| agencies (OPD) | 30 |');
    const compareRoot = join(dir, 'output', 'sukamaju-complaint-app');
    const [key] = readdirSync(compareRoot).filter((d) => !d.startsWith('.'));
    const csv = readFileSync(join(compareRoot, key!, 'compare.csv'), 'utf8');
    for (const variant of ['city-takes-over', 'take-over-and-own', 'mayor-a-stays']) expect(csv).toContain(variant);
    expect(csv).toContain('sustained.lapor-app');
    expect(existsSync(join(dir, 'output', 'sukamaju'))).toBe(true);
  });
});
