/**
 * Bad input the YAML reader used to take otherwise than written, or to fail
 * on in JavaScript's words: a `%YAML 1.1` line (octal numbers, yes/no,
 * merge keys, timestamps), nesting in indented blocks deep enough to
 * overflow the parser's stack, and a file that cannot be read for a reason
 * the system gives as a code (ELOOP). Scenario files, experiment files and
 * `--set` values alike.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { parseExperimentText } from '../../src/experiment/spec.js';
import { parseOverride } from '../../src/scenario/apply-overrides.js';
import { readScenarioFile } from '../../src/store/scenario-file.js';
import { MESSAGES, UserError, type ScenarioIssue } from '../../src/messages/catalog.js';
import { fixtureText } from './helpers.js';
import { userError } from '../support/errors.js';

const tmp = mkdtempSync(join(tmpdir(), 'difusi-yaml-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ROOT = new URL('../../', import.meta.url);
const SUSTAINED = readFileSync(new URL('scenarios/sustained-opd-owned.yaml', ROOT), 'utf8');
const EXPERIMENT = readFileSync(new URL('experiments/bekasi-sweep.yaml', ROOT), 'utf8');

function issuesOf(text: string, file = 'x.yaml'): ScenarioIssue[] {
  const r = parseScenarioText(text, file);
  return r.ok ? [] : r.issues;
}

function experimentIssues(text: string): ScenarioIssue[] {
  const r = parseExperimentText(text, 'e.yaml');
  return r.ok ? [] : r.issues;
}

const where = (issues: ScenarioIssue[]) => issues.map((i) => [i.code, i.line, i.column]);

describe('a %YAML directive', () => {
  const y11 = `%YAML 1.1\n---\n${SUSTAINED.replace(/^months: 108$/m, 'months: 010')}`;

  it('other than 1.2 is refused at its line, in one issue (010 was read as 8, octal)', () => {
    expect(where(issuesOf(y11))).toEqual([['yaml_version', 1, 1]]);
    expect(issuesOf(y11)[0]!.message).toBe(MESSAGES.yaml_version('1.1'));
    expect(where(issuesOf(`# a comment\n\n%YAML 1.1\n---\n${SUSTAINED}`))).toEqual([['yaml_version', 3, 1]]);
    expect(where(issuesOf(`%YAML 2.0\n---\n${SUSTAINED}`))).toEqual([['yaml_version', 1, 1]]);
  });

  it('1.1 with a merge key beside the key it repeats is refused, not merged', () => {
    const merge = `%YAML 1.1\n---\n${SUSTAINED.replace(/^parameters:$/m, 'parameters:\n  <<: { champion_probability: 0.9 }').replace(/^ {2}champion_probability: 0\.5\n/m, '')}`;
    expect(where(issuesOf(merge))).toEqual([['yaml_version', 1, 1]]);
  });

  it('1.2 (what is read anyway) is read as without it', () => {
    const plain = parseScenarioText(SUSTAINED, 'x.yaml');
    const declared = parseScenarioText(`%YAML 1.2\n---\n${SUSTAINED}`, 'x.yaml');
    expect(declared.ok && plain.ok && declared.scenario).toEqual(plain.ok && plain.scenario);
  });

  it('is refused in an experiment file and in a --set value too', () => {
    expect(where(experimentIssues(`%YAML 1.1\n---\n${EXPERIMENT}`))).toEqual([['yaml_version', 1, 1]]);
    expect(parseExperimentText(`%YAML 1.2\n---\n${EXPERIMENT}`, 'e.yaml').ok).toBe(true);
    const error = userError(() => parseOverride('months=%YAML 1.1\n---\n010'));
    expect(error.issues.map((i) => i.code)).toEqual(['override_syntax']);
    expect(error.issues[0]!.message).toContain('%YAML');
  });
});

describe('deep block nesting', () => {
  it('is refused as the nesting limit where level 65 starts, not as a stack overflow (a list nested 100,000 times)', () => {
    const text = `name: x\nparameters:\n  ${'- '.repeat(100_000)}x\n`;
    const issues = issuesOf(text);
    expect(issues.map((i) => i.message)).toEqual([MESSAGES.too_deep(64)]);
    // parameters' list is level 1 at column 3; each "- " one level further.
    expect(where(issues)).toEqual([['too_deep', 3, 3 + 2 * 64]]);
  });

  it('followed by a less indented key (the parser itself overflowed) is refused too', () => {
    const text = `name: x\nparameters:\n  ${'- '.repeat(100_000)}x\nseed: 1\n`;
    expect(where(issuesOf(text))).toEqual([['too_deep', 3, 131]]);
  });

  it('of indented mappings is placed at level 65, not level 7', () => {
    let text = 'name: x\nparameters:\n';
    for (let i = 0; i < 100; i++) text += `${'  '.repeat(i + 1)}k${i}:\n`;
    text += `${'  '.repeat(101)}x\n`;
    // Line 3 + i holds k{i}, at level i + 1: level 65 is k64, line 67, column 131.
    expect(where(issuesOf(text))).toEqual([['too_deep', 67, 131]]);
    let deep = 'name: x\nparameters:\n';
    for (let i = 0; i < 1000; i++) deep += `${' '.repeat(i + 2)}k${i}:\n`;
    // k{i} at column i + 3: level 65 (k64) on line 67, column 67.
    expect(where(issuesOf(deep))).toEqual([['too_deep', 67, 67]]);
  });

  it('is refused in an experiment file and a --set value', () => {
    const experiment = `${EXPERIMENT}\nset:\n  parameters.x:\n    ${'- '.repeat(1500)}x\n`;
    expect(experimentIssues(experiment).map((i) => i.code)).toEqual(['too_deep']);
    const error = userError(() => parseOverride(`parameters.x=${'- '.repeat(60_000)}x`));
    expect(error.issues[0]!.message).toContain('nested more than 64 levels');
  });

  it('counts block and flow levels together, as the check after parsing does', () => {
    // 40 block levels below the top mapping, then 30 flow levels: 70 in all.
    let text = 'name: x\n';
    for (let i = 0; i < 40; i++) text += `${'  '.repeat(i)}k${i}:\n`;
    text += `${'  '.repeat(40)}v: ${'['.repeat(30)}${']'.repeat(30)}\n`;
    expect(issuesOf(text).map((i) => i.code)).toEqual(['too_deep']);
  });

  it('passes what is text and compact lists up to the limit: block scalars, quoted lines, comments, "- - x"', () => {
    const deepText = (n: number) => `${'  '.repeat(n)}- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -`;
    const text =
      SUSTAINED.replace(/^description: .*$/m, `description: |\n${Array.from({ length: 100 }, (_, i) => `  ${' '.repeat(i)}- k: ${deepText(0)}`).join('\n')}`) +
      `# ${'- '.repeat(200)}\n` +
      `notes_x: "${Array.from({ length: 100 }, (_, i) => ' '.repeat(i + 1) + '- [{ k: ').join('\n')}"\n`;
    // Only the unknown field, not the nesting: the text was read as text.
    expect(issuesOf(text).map((i) => i.code)).toEqual(['unknown_field']);
    // Lists at levels 1 to 64 below the top mapping: data (the schema then refuses the field), as checkInput has it.
    const compact = `${SUSTAINED}extra:\n  ${'- '.repeat(64)}x\n`;
    expect(issuesOf(compact).map((i) => i.code)).toEqual(['unknown_field']);
    expect(issuesOf(`${SUSTAINED}extra:\n  ${'- '.repeat(65)}x\n`).map((i) => i.code)).toEqual(['too_deep']);
  });

  it('leaves every shipped scenario, experiment and fixture as it was', () => {
    expect(parseScenarioText(fixtureText('full.yaml'), 'full.yaml').ok).toBe(true);
    expect(parseExperimentText(EXPERIMENT, 'e.yaml').ok).toBe(true);
  });
});

describe('a file that cannot be read', () => {
  it('for a link that leads back to itself says so in words, not ELOOP', () => {
    const loop = join(tmp, 'loop.yaml');
    symlinkSync('loop.yaml', loop);
    const error = userError(() => readScenarioFile(loop));
    expect(error).toBeInstanceOf(UserError);
    expect(error.issues.map((i) => i.code)).toEqual(['file_unreadable']);
    expect(error.issues[0]!.message).toBe(MESSAGES.file_unreadable('it is a symbolic link that leads back to itself (a loop)'));
    expect(error.issues[0]!.message).not.toContain('ELOOP');
  });

  it('whose path runs through a file, or whose name is too long, says so in words', () => {
    const notDir = userError(() => readScenarioFile(join(tmp, 'loop.yaml', 'x.yaml')));
    // A path through a link loop is a loop; through a plain file, not a folder.
    expect(notDir.issues[0]!.message).not.toMatch(/\bE[A-Z]+\b/);
    const long = userError(() => readScenarioFile(join(tmp, `${'x'.repeat(300)}.yaml`)));
    expect(long.issues[0]!.message).toBe(MESSAGES.file_unreadable('the name is too long for the file system'));
  });
});
