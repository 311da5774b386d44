/**
 * The scenario files `difusi patterns` reads, relative to the package root:
 * named once, for the measuring (jobs/patterns.ts, cli/patterns.ts) and for
 * the check that its --out is none of them.
 */
export const PATTERN_FILES = {
  bekasi: 'scenarios/bekasi-2015-2025.yaml',
  sustained: 'scenarios/sustained-opd-owned.yaml',
  vendor: 'scenarios/discontinued-vendor-pilot.yaml',
  bass: 'scenarios/validation/bass-complete.yaml',
  rogers: 'scenarios/validation/rogers-categories.yaml',
  'null-model': 'scenarios/validation/null-model.yaml',
  /** P14 and its two controls. */
  national: 'scenarios/indonesia-2015-2025.yaml',
} as const;
