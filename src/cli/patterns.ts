/** `difusi patterns`: the pattern report (docs/VALIDATION.md). */
import type { Argv, CommandModule } from 'yargs';
import { workersOption } from './options.js';

interface PatternArgs {
  replications: number;
  'bass-replications': number;
  out: string;
  workers?: number;
  quiet: boolean;
}

export const patternsCommand: CommandModule<object, PatternArgs> = {
  command: 'patterns',
  describe: 'Measure patterns P1-P13 of the Bekasi case on the shipped scenarios and write docs/VALIDATION.md',
  builder: (y: Argv<object>) =>
    y
      .option('replications', { type: 'number', alias: 'r', default: 200, describe: 'replications per case scenario' })
      .option('bass-replications', { type: 'number', default: 20, describe: 'replications of the 2,000-agency Bass check' })
      .option('out', { type: 'string', default: 'docs/VALIDATION.md', describe: 'where to write the report' })
      .option('workers', { type: 'number', alias: 'w', describe: 'worker threads (default: all cores)' })
      .option('quiet', { type: 'boolean', alias: 'q', default: false }) as unknown as Argv<PatternArgs>,
  handler: async (args) => {
    const { measureShippedPatterns, writeValidation } = await import('../jobs/patterns.js');
    const rows = await measureShippedPatterns({
      replications: args.replications,
      bassReplications: args['bass-replications'],
      workers: workersOption(args.workers),
      onStage: (name) => {
        if (!args.quiet) process.stderr.write(`  running ${name}\n`);
      },
    });
    writeValidation(args.out, rows, ['difusi', ...process.argv.slice(2)].join(' ') || 'difusi patterns', args.replications);
    for (const r of rows) process.stdout.write(`${r.pass === null ? '?' : r.pass ? '✓' : '✗'} ${r.id} ${r.pattern}: ${r.measured}\n`);
    process.stdout.write(`\nwritten: ${args.out}\n`);
  },
};
