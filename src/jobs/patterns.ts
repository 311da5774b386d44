/**
 * `difusi patterns`: runs the pattern measurements on the shipped scenarios
 * and writes docs/VALIDATION.md (atomically).
 */
import fs from 'node:fs';
import path from 'node:path';
import { runEnsemble } from '../experiment/ensemble.js';
import { measurePatterns, patternsMarkdown, type PatternReport, type ScenarioName } from '../validation/patterns.js';
import type { Scenario } from '../scenario/schema.js';
import { readScenarioFile } from '../store/scenario-file.js';
import { packageRoot, toolVersion } from '../store/version.js';

const FILES: Record<ScenarioName, { file: string; overrides?: Record<string, unknown> }> = {
  bekasi: { file: 'scenarios/bekasi-2015-2025.yaml' },
  sustained: { file: 'scenarios/sustained-opd-owned.yaml' },
  vendor: { file: 'scenarios/discontinued-vendor-pilot.yaml' },
  bass: { file: 'scenarios/validation/bass-complete.yaml' },
  'bass-small-world': {
    file: 'scenarios/validation/bass-complete.yaml',
    overrides: { network: { type: 'small-world', degree: 4, rewire: 0.1 } },
  },
  rogers: { file: 'scenarios/validation/rogers-categories.yaml' },
  'null-model': { file: 'scenarios/validation/null-model.yaml' },
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

export function writeValidation(file: string, report: PatternReport, command: string, replications: number): void {
  const text = patternsMarkdown(report, { command, replications, version: toolVersion() });
  const tmp = `${file}.writing-${process.pid}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
