/** `difusi patterns`: the pattern report (docs/VALIDATION.md). */
import type { Argv, CommandModule } from 'yargs';
import { workersOption } from './options.js';
import { verdict } from '../validation/check.js';

interface PatternArgs {
  replications: number;
  'bass-replications': number;
  out: string;
  workers?: number;
  quiet: boolean;
  check?: string;
  'shipped-only': boolean;
  'national-replications': number;
}

export const patternsCommand: CommandModule<object, PatternArgs> = {
  command: 'patterns',
  describe: 'Measure patterns P1-P13 of the Bekasi case and their negative controls on the shipped scenarios (and at the package defaults), and P14 on the national scenario; write docs/VALIDATION.md',
  builder: (y: Argv<object>) =>
    y
      .option('replications', { type: 'number', alias: 'r', default: 200, describe: 'replications per case scenario' })
      .option('bass-replications', { type: 'number', default: 20, describe: 'replications of the 2,000-agency Bass check' })
      .option('out', { type: 'string', default: 'docs/VALIDATION.md', describe: 'where to write the report' })
      .option('workers', { type: 'number', alias: 'w', describe: 'threads computing replications, the main one included (default: all cores)' })
      .option('check', { type: 'string', describe: 'only these check ids, comma-separated (e.g. P4a,P8); the report then lists only them' })
      .option('shipped-only', { type: 'boolean', default: false, describe: 'skip the pass at the package defaults' })
      .option('national-replications', {
        type: 'number',
        default: 2,
        describe: 'replications of the national scenario for P14 (0 skips it; each takes tens of seconds)',
      })
      .option('quiet', { type: 'boolean', default: false }) as unknown as Argv<PatternArgs>,
  handler: async (args) => {
    const { measureShippedPatterns, writeValidation } = await import('../jobs/patterns.js');
    const report = await measureShippedPatterns({
      replications: args.replications,
      bassReplications: args['bass-replications'],
      workers: workersOption(args.workers),
      ...(args.check !== undefined && { only: args.check.split(',').map((x) => x.trim()).filter(Boolean) }),
      shippedOnly: args['shipped-only'],
      onStage: (name) => {
        if (!args.quiet) process.stderr.write(`  running ${name}\n`);
      },
    });
    let national: Awaited<ReturnType<typeof import('../jobs/national.js').nationalP14>> | undefined;
    let nationalControl: typeof national;
    if (args['national-replications'] > 0 && args.check === undefined) {
      if (!args.quiet) process.stderr.write(`  running the national scenario for P14 (${args['national-replications']} replications)\n`);
      const { nationalP14 } = await import('../jobs/national.js');
      const { packageRoot } = await import('../store/version.js');
      const path = await import('node:path');
      national = await nationalP14(path.join(packageRoot(), 'scenarios/indonesia-2015-2025.yaml'), args['national-replications'], workersOption(args.workers));
      // P14's negative control, same file, seed and replications (src/validation/p14-national.ts).
      if (!args.quiet) process.stderr.write(`  running P14's negative control (${args['national-replications']} replications)\n`);
      const { nationalP14Control } = await import('../jobs/p14-control.js');
      nationalControl = await nationalP14Control(path.join(packageRoot(), 'scenarios/indonesia-2015-2025.yaml'), args['national-replications'], workersOption(args.workers));
    }
    writeValidation(args.out, report, ['difusi', ...process.argv.slice(2)].join(' ') || 'difusi patterns', args.replications, national, nationalControl);
    for (const r of report.shipped) {
      const v = verdict(r);
      process.stdout.write(`${v === 'pass' ? '✓' : '✗'} ${r.id} ${r.pattern}: ${r.case.measured} [${v}]\n`);
    }
    process.stdout.write(`\nwritten: ${args.out}\n`);
  },
};
