/**
 * `difusi national-compare <file> --set ...`: a national file as written
 * against the same file with --sets, paired by replication
 * (docs/NATIONAL-COMPARE.md).
 */
import path from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { checkCountOptions, checkNumber, decimalOption, overridesFrom, wholeNumberOption, workersOption, type WholeNumberArg } from './options.js';
import { progressBar } from './progress.js';
import { terminalSafe, warnLine } from './errors.js';
import { warnLangWithoutReport } from './lang-warning.js';
import { warningTextFor } from './warning-lang.js';
import { commandLine } from './command-line.js';
import { count, groupedId } from '../messages/count.js';
import { UserError } from '../messages/catalog.js';
import type { Lang } from '../report/i18n/index.js';
import { reportFiles } from '../report/report-files.js';

interface NationalCompareArgs {
  scenario: string;
  set?: string[];
  replications?: WholeNumberArg;
  seed?: WholeNumberArg;
  out: string;
  workers?: WholeNumberArg;
  level?: number | string;
  quiet: boolean;
  charts: boolean;
  lang: Lang;
}

export const nationalCompareCommand: CommandModule<object, NationalCompareArgs> = {
  command: 'national-compare <scenario>',
  describe: 'Compare a national scenario as written with the same scenario and --sets, paired by replication (docs/NATIONAL-COMPARE.md)',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'national scenario file (.yaml or .json)' })
      .option('set', { type: 'string', array: true, describe: 'the variant: the file with these fields changed, e.g. --set national_parameters.gov_imitation=0 (one or more)' })
      .option('replications', wholeNumberOption({ alias: 'r', describe: 'replications of each arm (default: the scenario\'s)' }))
      .option('seed', wholeNumberOption({ alias: 's', describe: 'master seed of both arms (default: the scenario\'s)' }))
      .option('out', { type: 'string', default: 'output', describe: 'output root: the arms go to <out>/<name>/<key>/ as difusi national writes them, the comparison to <out>/<name>-compare/<base key>-<variant key>/' })
      .option('workers', wholeNumberOption({ alias: 'w', describe: 'worker threads (default: all cores); results are the same for any count' }))
      .option('level', decimalOption({ default: 0.95, describe: 'confidence level of the difference intervals' }))
      // As difusi national and difusi compare: the report unless --no-charts (docs/NATIONAL-COMPARE.md, "The report").
      .option('charts', { type: 'boolean', default: true, describe: 'write the comparison\'s report (report.md, report.html, charts/national-compare.svg; with --lang id report.id.* and the chart in charts.id/ and, as difusi national draws its charts, in English in charts/); --no-charts for the CSV only' })
      .option('lang', { type: 'string', choices: ['en', 'id'], default: 'en', describe: 'language of the report and of the terminal table: en (report.md, report.html) or id (Bahasa Indonesia: report.id.md, report.id.html)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar' }) as unknown as Argv<NationalCompareArgs>,
  handler: async (args: ArgumentsCamelCase<NationalCompareArgs>) => {
    // A city file is one line naming difusi compare, not the national schema's errors; what the check
    // parsed of a national file goes to the reader.
    const { sniffScenarioFile } = await import('../store/national-sniff.js');
    const { city, parsed } = sniffScenarioFile(args.scenario, ['opds', 'governments']);
    if (city) throw UserError.of('national_compare_city', [], { file: args.scenario });
    const level = checkNumber('--level', args.level ?? 0.95, 'a number between 0 and 1, e.g. 0.95', (n) => n > 0 && n < 1);
    const counts = checkCountOptions({ ...(args.replications !== undefined && { replications: args.replications }), ...(args.seed !== undefined && { seed: args.seed }) });
    // Only the --sets are the variant's: the seed and count are both arms' (a --set of either is refused by the job).
    const set = overridesFrom({ ...(args.set !== undefined && { set: args.set }) });
    if (Object.keys(set).length === 0) throw UserError.of('national_compare_no_set', [], { file: 'command line' });
    (await import('../store/out-root.js')).checkOutRoot(args.out);
    const { executeNationalCompare } = await import('../jobs/national-compare.js');
    const { formatNationalCompare } = await import('../experiment/national-compare.js');
    const bar = progressBar('national-compare', args.quiet, args.lang);
    const result = await executeNationalCompare({
      file: args.scenario,
      set,
      ...counts,
      outRoot: args.out,
      workers: workersOption(args.workers),
      level,
      command: commandLine(),
      onProgress: (done, total) => bar.update(done, total),
      onWarning: (w, where) => warnLine(where ?? args.scenario, w, args.lang),
      ...(await warningTextFor(args.lang)),
      ...(parsed !== undefined && { parsed }),
      ...(args.charts && { report: args.lang }),
    });
    bar.stop();
    const sets = Object.keys(set).map((p) => `--set ${p}`).join(', ');
    // Under --lang id the header, the arms' note and the table in the Indonesian report's words. The base:,
    // variant:, results: and report: lines keep their names in either language: each names a folder, and
    // scripts read them.
    const id = args.lang === 'id';
    const reused = id ? ' (sudah ada di penyimpanan: dibaca, tidak dijalankan lagi)' : ' (already in the store: read, not run again)';
    const arm = (a: { dir: string; ran: boolean }) => `${a.dir}${a.ran ? '' : reused}`;
    process.stdout.write(
      terminalSafe(
        id
          ? `${result.name}: ${sets} dibandingkan dengan berkas sebagaimana tertulis, masing-masing ${groupedId(result.replications)} replikasi, benih acak (seed) ${result.seed}, bilangan acak bersama`
          : `${result.name}: ${sets} against the file as written, ${count(result.replications, 'replication')} each, seed ${result.seed}, common random numbers`,
      ) + '\n',
    );
    process.stdout.write(terminalSafe(`base: ${arm(result.base)}\nvariant: ${arm(result.variant)}`) + '\n\n');
    process.stdout.write(terminalSafe(formatNationalCompare(result.rows, undefined, args.lang)) + '\n\n');
    process.stdout.write(terminalSafe(`results: ${result.dir}`) + '\n');
    if (args.charts) process.stdout.write(terminalSafe(`report: ${path.join(result.dir, reportFiles(args.lang).html)}`) + '\n');
    // --lang id with --no-charts asked for a report none is written: said, as national and the city commands say it.
    warnLangWithoutReport(result.dir, args.charts, args.lang);
  },
};
