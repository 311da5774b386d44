/**
 * Reading and running the tutorials (docs/TUTORIAL.md, docs/TUTORIAL.id.md):
 * their files and commands in document order, the arguments the tests run,
 * and what section 2 says of online permits. Shared by
 * tests/docs/tutorial.test.ts and tests/docs/tutorial-id.test.ts from this
 * module rather than exported by one test file to the other: a test file
 * that imports another registers that file's tests as its own.
 */
import { expect } from 'vitest';

export interface TutorialStep {
  readonly kind: 'file' | 'command';
  /** The file name, or the command's arguments after `npx difusi`. */
  readonly file?: string;
  readonly text?: string;
  readonly args?: string[];
}

/** Parses compare.csv (no quoted fields) into rows keyed by column name. */
export function csvRows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split('\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

/** A share as whole percent ("13"), a signed difference in points ("+11", "-1"). */
export const pct = (x: number): string => String(Math.round(x * 100));
export const pts = (x: number): string => {
  const v = Math.round(x * 100);
  return v > 0 ? `+${v}` : String(v);
};

/** The compare.csv rows both tutorials' section 3 quote (each cell a number), by what they are. */
export function quotedRows(rows: Record<string, string>[]) {
  const get = (outcome: string, variant: string): Record<string, number> => {
    const row = rows.find((r) => r.outcome === outcome && r.variant === variant);
    if (row === undefined) throw new Error(`compare.csv has no row ${outcome} / ${variant}`);
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  };
  return {
    take: get('sustained.lapor-app', 'city-takes-over'),
    own: get('sustained.lapor-app', 'take-over-and-own'),
    mayor: get('sustained.lapor-app', 'mayor-a-stays'),
    vTake: get('discontinuations.vendor_exit', 'city-takes-over'),
    vOwn: get('discontinuations.vendor_exit', 'take-over-and-own'),
    dTake: get('discontinuations.defunded', 'city-takes-over'),
    dOwn: get('discontinuations.defunded', 'take-over-and-own'),
  };
}

/**
 * The sentences of docs/TUTORIAL.md section 3 that quote the comparison, rebuilt from
 * compare.csv: the test fails if the tutorial's numbers and the program's
 * disagree (either one changed without the other).
 */
export function quotedFigures(rows: Record<string, string>[]): string[] {
  const { take, own, mayor, vTake, vOwn, dTake, dOwn } = quotedRows(rows);
  const two = (x: number): string => x.toFixed(2);
  return [
    `(${take.n} replications, seed 2024)`,
    `${pct(take.base_mean!)} % in the base, ${pct(take.variant_mean!)} % when the city takes it over (${pts(take.diff_mean!)} percentage points,\n  ${pts(take.diff_ci_low!)} to ${pts(take.diff_ci_high!)}) and ${pct(own.variant_mean!)} % when the city also owns it (${pts(own.diff_mean!)} points, ${pts(own.diff_ci_low!)} to ${pts(own.diff_ci_high!)}).`,
    `rises from ${two(vTake.base_mean!)} to ${two(vTake.variant_mean!)}\n  per replication with the take-over alone, and falls to ${vOwn.variant_mean} with ownership.`,
    `${two(dTake.base_mean!)} per\n  replication in the base, ${two(dTake.variant_mean!)} when the city takes the app over and ${two(dOwn.variant_mean!)}\n  when it also owns it.`,
    `\`mayor-a-stays\`: ${pts(mayor.diff_mean!)} points (${pts(mayor.diff_ci_low!)} to ${pts(mayor.diff_ci_high!)}, ${mayor.diff_ci_low! <= 0 && mayor.diff_ci_high! >= 0 ? 'not significant' : 'significant'})`,
  ];
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

/** The arguments the test runs: fewer replications for `run`, no charts. */
export function forTest(args: readonly string[]): string[] {
  const out = [...args];
  const r = out.findIndex((a) => a === '-r' || a === '--replications');
  if (r >= 0 && out[0] !== 'compare') out[r + 1] = '4';
  if (out[0] === 'run' || out[0] === 'compare') out.push('--no-charts');
  return out;
}

/**
 * Section 2's explanation of online permits (both tutorials), from `outcomes.csv` of a run of the section's
 * file at its own 50 replications: discontinued in about two runs in three, about half of those by a line not
 * renewed in January, most of them in January 2021, the others everyday attrition.
 */
export function expectPermitExplanation(outcomesCsv: string): void {
  const permits = csvRows(outcomesCsv).filter((row) => row['innovation'] === 'e-permit');
  expect(permits).toHaveLength(50);
  const ended = permits.filter((row) => row['outcome'] === 'discontinued');
  expect(ended.length / 50).toBeGreaterThanOrEqual(0.55);
  expect(ended.length / 50).toBeLessThanOrEqual(0.78);
  const defunded = ended.filter((row) => row['main_cause'] === 'defunded');
  expect(defunded.length / ended.length).toBeGreaterThanOrEqual(0.35);
  expect(defunded.length / ended.length).toBeLessThanOrEqual(0.65);
  // Month 25 is 2021-01 (the run starts 2019-01).
  expect(defunded.filter((row) => row['last_discontinuation_month'] === '25').length / defunded.length).toBeGreaterThan(0.5);
  expect(ended.filter((row) => row['main_cause'] !== 'defunded').every((row) => row['main_cause'] === 'hazard')).toBe(true);
}
