/**
 * `difusi patterns`: runs the pattern measurements on the shipped scenarios
 * and writes docs/VALIDATION.md (atomically).
 */
import path from 'node:path';
import { runEnsemble } from '../experiment/ensemble.js';
import { measurePatterns, patternsMarkdown, type PatternReport, type ScenarioName } from '../validation/patterns.js';
import type { Scenario } from '../scenario/schema.js';
import { readScenarioFile } from '../store/scenario-file.js';
import { writeWholeFile } from '../store/durable.js';
import { packageRoot, toolVersion } from '../store/version.js';
import { PATTERN_FILES } from '../validation/pattern-files.js';
import { P14_BANDS, P14_CONTROL_DESCRIPTION, MANY_NONE, SOME_MOST, type P14Result } from '../validation/p14-national.js';
import { P14_ALIKE_DESCRIPTION, type P14AlikeChanges, type SpreadComparison } from '../validation/p14-alike.js';
import { codeSpan, escapeMarkdownText } from '../report/markdown.js';
import { shifted } from '../messages/decimal.js';

/** P14's spread control, as the P14 section shows it. */
export interface P14AlikeSection {
  readonly p14: P14Result;
  readonly comparison: SpreadComparison;
  readonly changes: P14AlikeChanges;
}

/** The spread control's changes to a national file, its ids as code spans (scenario strings, never markup). */
function alikeChanges(c: P14AlikeChanges): string {
  const ids = (xs: readonly string[]) => (xs.length > 0 ? xs.map(codeSpan).join(', ') : 'none');
  return [
    `programmes removed: ${ids(c.programmesRemoved)}`,
    `programmes with every government a member: ${ids(c.programmesEverywhere)}`,
    `services offered nowhere: ${ids(c.servicesRemoved)}`,
    `services offered everywhere: ${ids(c.servicesEverywhere)}`,
    `mandates removed: ${ids(c.mandatesRemoved)}`,
    `mandates reaching every government: ${ids(c.mandatesEverywhere)}`,
    `every government's election cycle: ${c.election === '' ? 'none' : codeSpan(c.election)}`,
    `own blocks removed: ${ids(c.ownBlocksRemoved)}`,
  ].join('; ');
}

/**
 * P14 measured on the national scenario (docs/NATIONAL.md): shown, judged
 * against its bands, beside its negative control and its spread control (same seeds), but not
 * counted in the headline above (the pattern registry lists it as pending).
 */
export function p14Markdown(r: P14Result, control?: P14Result, alike?: P14AlikeSection, replications?: number): string {
  const pct = (x: number) => `${shifted(x, 2, 1)} %`;
  const points = (x: number) => `${shifted(x, 2, 2)} points`;
  const band = ([lo, hi]: readonly [number, number]) => `${pct(lo)}-${pct(hi)}`;
  const ctl = (f: (c: P14Result) => string) => (control ? ` ${f(control)} |` : '') + (alike ? ` ${f(alike.p14)} |` : '');
  const lines = [
    '',
    '## P14: Heeks-like totals over the national portfolio',
    '',
    'Measured on `scenarios/indonesia-2015-2025.yaml` (every service a government launched, per service on',
    "Heeks' definitions, pooled over governments and replications). Not counted in the headline above (docs/NATIONAL.md).",
    // The spread thresholds have no source: say so where the verdict is read (SOME_MOST, MANY_NONE in validation/p14-national.ts).
    `The bands lie around Heeks' (2003) 15 / 50 / 35 %; the two spread thresholds (at least ${pct(SOME_MOST)} of governments sustaining at least half of their services, at least ${pct(MANY_NONE)} sustaining none) are the project's reading of a wide spread, not Heeks' numbers, fixed before the national scenario was first run.`,
    ...(replications !== undefined ? [`${replications} replications of the national scenario per column (the same seeds in every column).`] : []),
    `Negative control (same file, seed and replications): ${P14_CONTROL_DESCRIPTION}; it must FAIL.`,
    ...(alike
      ? [
          `Spread control (same file, seed and replications): ${P14_ALIKE_DESCRIPTION}. The spread between governments is evidence that it comes from their differences only if the spread control's is lower (the paired 95 % interval of case - control above 0; docs/NATIONAL.md).`,
        ]
      : []),
    '',
    '| measure | model | band | verdict |' + (control ? ' control | control verdict |' : '') + (alike ? ' spread control | spread control verdict |' : ''),
    '|---|---|---|---|' + (control ? '---|---|' : '') + (alike ? '---|---|' : ''),
    `| successes | ${pct(r.all.success)} | ${band(P14_BANDS.success)} | ${r.all.success >= P14_BANDS.success[0] && r.all.success <= P14_BANDS.success[1] ? 'pass' : 'FAIL'} |` + ctl((c) => `${pct(c.all.success)} | ${c.all.success >= P14_BANDS.success[0] && c.all.success <= P14_BANDS.success[1] ? 'pass' : 'FAIL'}`),
    `| partial failures | ${pct(r.all.partial)} | ${band(P14_BANDS.partial)} | ${r.all.partial >= P14_BANDS.partial[0] && r.all.partial <= P14_BANDS.partial[1] ? 'pass' : 'FAIL'} |` + ctl((c) => `${pct(c.all.partial)} | ${c.all.partial >= P14_BANDS.partial[0] && c.all.partial <= P14_BANDS.partial[1] ? 'pass' : 'FAIL'}`),
    `| total failures | ${pct(r.all.total_failure)} | ${band(P14_BANDS.total_failure)} | ${r.all.total_failure >= P14_BANDS.total_failure[0] && r.all.total_failure <= P14_BANDS.total_failure[1] ? 'pass' : 'FAIL'} |` + ctl((c) => `${pct(c.all.total_failure)} | ${c.all.total_failure >= P14_BANDS.total_failure[0] && c.all.total_failure <= P14_BANDS.total_failure[1] ? 'pass' : 'FAIL'}`),
    `| governments sustaining most of their services | ${pct(r.sustainMostShare)} | at least ${pct(SOME_MOST)} | ${r.sustainMostShare >= SOME_MOST ? 'pass' : 'FAIL'} |` + ctl((c) => `${pct(c.sustainMostShare)} | ${c.sustainMostShare >= SOME_MOST ? 'pass' : 'FAIL'}`),
    `| governments sustaining none | ${pct(r.sustainNoneShare)} | at least ${pct(MANY_NONE)} | ${r.sustainNoneShare >= MANY_NONE ? 'pass' : 'FAIL'} |` + ctl((c) => `${pct(c.sustainNoneShare)} | ${c.sustainNoneShare >= MANY_NONE ? 'pass' : 'FAIL'}`),
    ...(alike
      ? [
          // In percentage points, as the comparison's sentence below gives it (an SD of shares, not a share).
          `| SD of the governments' sustained shares (mean over replications) | ${points(alike.comparison.caseSd)} | - | - |` +
            (control ? ' - | - |' : '') +
            ` ${points(alike.comparison.controlSd)} | - |`,
        ]
      : []),
    '',
    `P14 overall: **${r.pass ? 'pass' : 'FAIL'}** (${r.all.classed} classed government-service outcomes).` +
      (control ? ` Negative control: ${control.pass ? '**passes: the control does not discriminate**' : 'fails, as it must'} (${control.all.classed} outcomes).` : '') +
      (alike ? ` Spread control: ${alike.p14.all.classed} outcomes.` : ''),
    ...(alike ? ['', `${escapeMarkdownText(alike.comparison.line)}.`, '', `What the spread control changed in this file: ${alikeChanges(alike.changes)}.`] : []),
    '',
  ];
  return lines.join('\n');
}

const FILES: Record<ScenarioName, { file: string; overrides?: Record<string, unknown> }> = {
  bekasi: { file: PATTERN_FILES.bekasi },
  sustained: { file: PATTERN_FILES.sustained },
  vendor: { file: PATTERN_FILES.vendor },
  bass: { file: PATTERN_FILES.bass },
  'bass-small-world': {
    file: PATTERN_FILES.bass,
    overrides: { network: { type: 'small-world', degree: 4, rewire: 0.1 } },
  },
  rogers: { file: PATTERN_FILES.rogers },
  'null-model': { file: PATTERN_FILES['null-model'] },
};

export interface PatternsOptions {
  readonly replications: number;
  readonly bassReplications: number;
  readonly workers: number;
  readonly onStage?: (label: string) => void;
  /** Only these check ids (a fast subset); all when absent. */
  readonly only?: readonly string[];
  /** Skip the package-defaults pass. */
  readonly shippedOnly?: boolean;
}

export async function measureShippedPatterns(options: PatternsOptions): Promise<PatternReport> {
  const root = packageRoot();
  return measurePatterns({
    scenario: (name, overrides = {}): Scenario => {
      const entry = FILES[name];
      return readScenarioFile(path.join(root, entry.file), { ...entry.overrides, ...overrides }).scenario;
    },
    run: (scenario, replications, detail) => {
      options.onStage?.(scenario.name);
      return runEnsemble(scenario, { replications, workers: options.workers, detail });
    },
    replications: options.replications,
    bassReplications: options.bassReplications,
    ...(options.only && { only: options.only }),
    ...(options.shippedOnly && { shippedOnly: true }),
  });
}

export function writeValidation(
  file: string,
  report: PatternReport,
  command: string,
  replications: number,
  national?: P14Result,
  nationalControl?: P14Result,
  nationalAlike?: P14AlikeSection,
  nationalReplications?: number,
): void {
  let text = patternsMarkdown(report, { command, replications, version: toolVersion() });
  if (national !== undefined) text += p14Markdown(national, nationalControl, nationalAlike, nationalReplications);
  // Beside its place and renamed into it; a failed write removes the temporary file and names the file (durable.ts).
  writeWholeFile(file, text);
}
