/** `difusi patterns`: the pattern report (docs/VALIDATION.md). */
import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../messages/catalog.js';
import { checkNumber, optionError, wholeFrom, wholeNumberOption, workersOption, type WholeNumberArg } from './options.js';
import { verdict } from '../validation/check.js';
import { MAX_REPLICATIONS } from '../scenario/limits.js';
import { commandLine } from './command-line.js';
import { PATTERN_FILES } from '../validation/pattern-files.js';

/**
 * A count of replications as `run -r` takes it: a whole number from `least`
 * (1; 0 where 0 skips a stage) to MAX_REPLICATIONS. yargs reads `-r abc` as
 * NaN, which used to measure nothing and report "NaN replications each".
 */
export function replicationsOption(option: string, value: WholeNumberArg, least: 0 | 1): number {
  const expected = `a whole number from ${least} to ${MAX_REPLICATIONS.toLocaleString('en-US')}${least === 0 ? ' (0 skips it)' : ''}`;
  return checkNumber(option, value, expected, wholeFrom(least, MAX_REPLICATIONS));
}

/**
 * `--check P4a,P8`: each id one the report measures, or one line naming the
 * known ids (a typo used to measure nothing and write an empty report,
 * over docs/VALIDATION.md by default).
 */
export function checkIds(text: string, known: readonly string[], suggest: (id: string, known: readonly string[]) => string | undefined): string[] {
  const ids = text.split(',').map((x) => x.trim()).filter(Boolean);
  if (ids.length === 0) throw optionError('--check', `check ids, comma-separated (e.g. P4a,P8): ${known.join(', ')}`, JSON.stringify(text));
  for (const id of ids) {
    if (known.includes(id)) continue;
    // P14 is a pattern, measured on the national scenario beside the checks, not one of them.
    if (id.toUpperCase() === 'P14') throw optionError('--check', `a check of P1-P13 (P14 is measured on the national scenario, by --national-replications, in a run without --check)`, JSON.stringify(id));
    const meant = suggest(id, known);
    throw UserError.of('unknown_check', [id, meant], { file: 'command line' }, { expected: `one of ${known.join(', ')}` });
  }
  return ids;
}

/** The files `patterns` reads: each scenario of PATTERN_FILES and its Info page. */
export async function patternInputs(): Promise<{ path: string; what: string }[]> {
  const { packageRoot } = await import('../store/version.js');
  const { infoPagePath } = await import('../store/scenario-file.js');
  const { join } = await import('node:path');
  return Object.values(PATTERN_FILES).flatMap((file) => {
    const scenario = join(packageRoot(), file);
    return [
      { path: scenario, what: `the scenario ${file}` },
      { path: infoPagePath(scenario), what: `the Info page of ${file}` },
    ];
  });
}

interface PatternArgs {
  replications: WholeNumberArg;
  'bass-replications': WholeNumberArg;
  out: string;
  workers?: WholeNumberArg;
  quiet: boolean;
  check?: string;
  'shipped-only': boolean;
  'national-replications': WholeNumberArg;
}

export const patternsCommand: CommandModule<object, PatternArgs> = {
  command: 'patterns',
  describe: 'Measure patterns P1-P13 of the Bekasi case and their negative controls on the shipped scenarios (and at the package defaults), and P14 on the national scenario with its two controls; write docs/VALIDATION.md',
  builder: (y: Argv<object>) =>
    y
      .option('replications', wholeNumberOption({ alias: 'r', default: 200, describe: 'replications per case scenario' }))
      .option('bass-replications', wholeNumberOption({ default: 20, describe: 'replications of the 2,000-agency Bass check' }))
      .option('out', { type: 'string', default: 'docs/VALIDATION.md', describe: 'where to write the report' })
      .option('workers', wholeNumberOption({ alias: 'w', describe: 'threads computing replications, the main one included (default: all cores)' }))
      .option('check', { type: 'string', describe: 'only these check ids, comma-separated (e.g. P4a,P8); the report then lists only them' })
      .option('shipped-only', { type: 'boolean', default: false, describe: 'skip the pass at the package defaults' })
      .option('national-replications', wholeNumberOption({
        // 8: the spread control's paired interval needs a few replications (docs/NATIONAL.md).
        default: 8,
        describe: "replications of the national scenario for P14 and each of its two controls (0 skips it; each takes seconds; the spread control's paired interval needs at least 2)",
      }))
      .option('quiet', { type: 'boolean', default: false }) as unknown as Argv<PatternArgs>,
  handler: async (args) => {
    // Every option before minutes of measuring, and before the report is written over.
    const replications = replicationsOption('--replications', args.replications, 1);
    const bassReplications = replicationsOption('--bass-replications', args['bass-replications'], 1);
    const nationalReplications = replicationsOption('--national-replications', args['national-replications'], 0);
    const workers = workersOption(args.workers);
    const { PATTERN_CHECKS } = await import('../validation/registry.js');
    const { suggest } = await import('../scenario/suggest.js');
    const only = args.check === undefined ? undefined : checkIds(args.check, PATTERN_CHECKS.flatMap((c) => c.ids), suggest);
    // Where the report goes, before minutes of measuring (a folder, /proc, a read-only place, one of the
    // scenario files or Info pages it reads, the national scenario's among them: one line, exit 2).
    (await import('../store/out-root.js')).checkOutFile(args.out, await patternInputs());
    const { measureShippedPatterns, writeValidation } = await import('../jobs/patterns.js');
    const report = await measureShippedPatterns({
      replications,
      bassReplications,
      workers,
      ...(only !== undefined && { only }),
      shippedOnly: args['shipped-only'],
      onStage: (name) => {
        if (!args.quiet) process.stderr.write(`  running ${name}\n`);
      },
    });
    let national: Awaited<ReturnType<typeof import('../jobs/national.js').nationalP14>> | undefined;
    let nationalControl: typeof national;
    let nationalAlike: import('../jobs/patterns.js').P14AlikeSection | undefined;
    if (nationalReplications > 0 && args.check === undefined) {
      if (!args.quiet) process.stderr.write(`  running the national scenario for P14 (${nationalReplications} replications)\n`);
      const { nationalP14Rows } = await import('../jobs/national.js');
      const { packageRoot } = await import('../store/version.js');
      const path = await import('node:path');
      const kase = await nationalP14Rows(path.join(packageRoot(), PATTERN_FILES.national), nationalReplications, workers);
      national = kase.p14;
      // P14's negative control, same file, seed and replications (src/validation/p14-national.ts).
      if (!args.quiet) process.stderr.write(`  running P14's negative control (${nationalReplications} replications)\n`);
      const { nationalP14Control } = await import('../jobs/p14-control.js');
      nationalControl = await nationalP14Control(path.join(packageRoot(), PATTERN_FILES.national), nationalReplications, workers);
      // P14's spread control: the governments made alike, same seeds; its spread compared with the case's (src/validation/p14-alike.ts).
      if (!args.quiet) process.stderr.write(`  running P14's spread control (${nationalReplications} replications)\n`);
      const { nationalP14Alike } = await import('../jobs/p14-alike.js');
      const { compareSpread } = await import('../validation/p14-alike.js');
      const alike = await nationalP14Alike(path.join(packageRoot(), PATTERN_FILES.national), nationalReplications, workers);
      nationalAlike = { p14: alike.p14, changes: alike.changes, comparison: compareSpread(kase.spread, alike.spread) };
    }
    writeValidation(
      args.out,
      report,
      commandLine(),
      replications,
      national,
      nationalControl,
      nationalAlike,
      national !== undefined ? nationalReplications : undefined,
    );
    for (const r of report.shipped) {
      const v = verdict(r);
      process.stdout.write(`${v === 'pass' ? '✓' : '✗'} ${r.id} ${r.pattern}: ${r.case.measured} [${v}]\n`);
    }
    process.stdout.write(`\nwritten: ${args.out}\n`);
  },
};
