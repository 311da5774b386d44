/** `difusi national <scenario>`: replications of a national scenario (many governments) into a result folder. */
import path from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { checkCountOptions, overridesFrom, shardOption, wholeNumberOption, workersOption, type WholeNumberArg } from './options.js';
import { progressBar } from './progress.js';
import { oneLine, warnLine } from './errors.js';
import { warnLangWithoutReport } from './lang-warning.js';
import { warningTextFor } from './warning-lang.js';
import { UserError } from '../messages/catalog.js';
import { count, groupedId } from '../messages/count.js';
import type { Lang } from '../report/i18n/index.js';
import { reportFiles } from '../report/report-files.js';
import { commandLine, shellGlob, shellWord } from './command-line.js';
import { p14Reading, type P14Result } from '../validation/p14-national.js';

/** --lang, as the city commands take it: the language of the report the run writes, and of the terminal summary. */
const langOption = { type: 'string', choices: ['en', 'id'], default: 'en', describe: 'language of the report and of the terminal summary: en (report.md, report.html) or id (Bahasa Indonesia: report.id.md, report.id.html, with its charts in charts.id/)' } as const;

/**
 * p14.txt's lines and their plain reading for the terminal, in the language of --lang: under `id`
 * the lines as the Indonesian report words them (report/p14-text.ts), and p14.txt itself stays English.
 */
async function p14Terminal(p14: Pick<P14Result, 'lines' | 'totalsPass' | 'spreadPass'>, lang: Lang): Promise<string> {
  if (lang !== 'id') return p14.lines.join('\n') + '\n' + p14Reading(p14);
  const [{ p14Lines }, { nationalCatalog }] = await Promise.all([import('../report/p14-text.js'), import('../report/i18n/index.js')]);
  const n = nationalCatalog('id');
  return [...p14Lines(p14.lines.join('\n'), n, ','), n.terminalP14Reading(p14.totalsPass, p14.spreadPass)].join('\n');
}

interface NationalArgs {
  scenario: string;
  out: string;
  workers?: WholeNumberArg;
  replications?: WholeNumberArg;
  seed?: WholeNumberArg;
  set?: string[];
  quiet: boolean;
  check: boolean;
  charts: boolean;
  detail?: string;
  shard?: string;
  lang: Lang;
}

export const nationalCommand: CommandModule<object, NationalArgs> = {
  command: 'national <scenario>',
  describe: 'Run a national scenario (many local governments, docs/NATIONAL.md) and write its result folder',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'national scenario file (.yaml or .json)' })
      .option('out', { type: 'string', default: 'output', describe: 'folder for results' })
      .option('workers', wholeNumberOption({ alias: 'w', describe: 'worker threads (default: all cores)' }))
      .option('replications', wholeNumberOption({ alias: 'r', describe: 'replications (default: the scenario\'s)' }))
      .option('seed', wholeNumberOption({ alias: 's', describe: 'master seed (overrides the scenario)' }))
      .option('set', { type: 'string', array: true, describe: 'override a scenario field: --set national_parameters.gov_imitation=0 (docs/NATIONAL.md)' })
      .option('check', { type: 'boolean', default: false, describe: 'only validate and compile the scenario, print its size' })
      .option('shard', { type: 'string', describe: 'i/n: run replications r with r % n == i and write a part folder; join the parts with difusi national-merge' })
      .option('detail', { type: 'string', describe: 'comma-separated government ids whose agents are written to government_agents.csv (first replication)' })
      .option('charts', { type: 'boolean', default: true, describe: 'render the national charts (charts/*.svg; with --lang id also charts.id/*.svg) and write the report (report.md, report.html; report.id.* with --lang id); --no-charts to skip both' })
      .option('lang', langOption)
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar' }) as unknown as Argv<NationalArgs>,
  handler: async (args: ArgumentsCamelCase<NationalArgs>) => {
    // A city file gets one line naming `difusi run`, not the national schema's errors; what the check
    // parsed of a national file goes to the reader, so the file is parsed once.
    const parsed = (await import('./national-hint.js')).refuseCityScenario(args.scenario, args.lang);
    // The national job (model, workers, charts) loads only when this command runs.
    const { detailGovernments, executeNationalRun, loadNational, nationalWarningPlace } = await import('../jobs/national.js');
    // As a city run's: on stderr, never changing the exit code.
    // A warning only a --set gives names it, not the file (jobs/national.ts nationalWarningPlace).
    const warn = (w: string, where?: string) => warnLine(where ?? args.scenario, w, args.lang);
    // Worded here, not in the job: the Indonesian texts load only under --lang id.
    const warningText = await warningTextFor(args.lang);
    // As run's: one line naming the option (exit 2), before any work.
    const { replications } = checkCountOptions({ ...(args.replications !== undefined && { replications: args.replications }) });
    // -r is the run's count, apart from the overrides; a --set replications beside it is refused all the same.
    const overrides = overridesFrom(
      { ...(args.seed !== undefined && { seed: args.seed }), ...(args.set !== undefined && { set: args.set }) },
      { ...(args.replications !== undefined && { replications: args.replications }) },
    );
    const detail = args.detail?.split(',').map((s) => s.trim()).filter((s) => s !== '');
    // `--detail ,` or `--detail ""` would silently write no agent rows.
    if (detail !== undefined && detail.length === 0) throw UserError.of('detail_empty', [], { file: 'command line' }, { expected: 'a government id of the scenario', found: JSON.stringify(args.detail) });
    // Checked with --check too: a check passes only options the run would take.
    // The city commands' reading of --shard i/n (national takes no --shard-count).
    const shard = shardOption(args.shard, undefined);
    if (args.check) {
      const loaded = loadNational(args.scenario, overrides, { warnings: true, ...warningText, ...(parsed !== undefined && { parsed }) });
      const { model, warnings } = loaded;
      // A run with these options would refuse --detail: so does the check.
      if (detail !== undefined) detailGovernments(model, detail);
      const agencies = model.governments.reduce((a, g) => a + g.model.opds.length, 0);
      process.stdout.write(
        `✓ ${oneLine(args.scenario)}: ${count(model.governments.length, 'government')}, ${count(agencies, 'agency', 'agencies')}, ${count(model.services.length, 'national service')}, ${count(model.months, 'month')}\n`,
      );
      // The file as read here, not read again for each --set (jobs/national.ts NationalReuse).
      const place = nationalWarningPlace(args.scenario, overrides, loaded);
      for (const w of warnings) warn(w, place(w));
      return;
    }
    // The place the folder goes, before any work (a file, /proc, a read-only folder: one line, exit 2).
    (await import('../store/out-root.js')).checkOutRoot(args.out);
    const bar = progressBar('national', args.quiet, args.lang);
    const result = await executeNationalRun({
      file: args.scenario,
      outRoot: args.out,
      workers: workersOption(args.workers),
      ...(replications !== undefined && { replications }),
      overrides,
      command: commandLine(),
      onProgress: (done, total) => bar.update(done, total),
      onWarning: warn,
      ...warningText,
      charts: args.charts,
      // As a city run's --no-charts: no charts and no report.
      ...(args.charts && { report: args.lang }),
      ...(shard && { shard }),
      ...(detail !== undefined && { detail }),
      ...(parsed !== undefined && { parsed }),
    });
    bar.stop();
    if (shard && shard.count > 1) {
      process.stdout.write(`shard ${shard.index}/${shard.count}: ${count(result.tally.replications.length, 'replication')} in ${result.dir}\n`);
      process.stdout.write(`merge all shards with: difusi national-merge ${shellGlob(result.dir.replace(/shard-\d+-of-/, 'shard-*-of-'))} --out ${shellWord(args.out)}\n`);
      return;
    }
    const agencies = result.model.governments.reduce((a, g) => a + g.model.opds.length, 0);
    if (args.lang === 'id') {
      const n = result.scenario.replications;
      process.stdout.write(
        `${result.scenario.name}: ${groupedId(result.model.governments.length)} pemerintah daerah, ${groupedId(agencies)} perangkat daerah, ${groupedId(n)} replikasi, benih acak (seed) ${result.scenario.seed}\n\n`,
      );
    } else {
      process.stdout.write(
        `${result.scenario.name}: ${count(result.model.governments.length, 'government')}, ${count(agencies, 'agency', 'agencies')}, ${count(result.scenario.replications, 'replication')}, seed ${result.scenario.seed}\n\n`,
      );
    }
    process.stdout.write((await p14Terminal(result.p14, args.lang)) + '\n\n');
    process.stdout.write(`results: ${result.dir}\n`);
    if (args.charts) process.stdout.write(`report: ${path.join(result.dir, reportFiles(args.lang).html)}\n`);
    warnLangWithoutReport(result.dir, args.charts, args.lang);
  },
};

interface NationalMergeArgs {
  parts: string[];
  out: string;
  charts: boolean;
  lang: Lang;
}

export const nationalMergeCommand: CommandModule<object, NationalMergeArgs> = {
  command: 'national-merge <parts..>',
  describe: 'Merge the shard folders of a national run (difusi national --shard i/n) into its result folder',
  builder: (y: Argv<object>) =>
    y
      .positional('parts', { type: 'string', array: true, demandOption: true, describe: 'shard folders' })
      .option('out', { type: 'string', default: 'output', describe: 'folder for results' })
      .option('charts', { type: 'boolean', default: true, describe: 'render the national charts and write the report; --no-charts to skip both' })
      .option('lang', langOption) as unknown as Argv<NationalMergeArgs>,
  handler: async (args: ArgumentsCamelCase<NationalMergeArgs>) => {
    (await import('../store/out-root.js')).checkOutRoot(args.out);
    const { executeNationalMerge } = await import('../jobs/national.js');
    const r = await executeNationalMerge(args.parts, args.out, commandLine(), args.charts, args.charts ? args.lang : undefined);
    const merged = args.lang === 'id' ? `${groupedId(args.parts.length)} bagian digabung, ${groupedId(r.replications)} replikasi` : `merged ${args.parts.length} parts, ${r.replications} replications`;
    process.stdout.write(`${merged}\n\n${await p14Terminal(r.p14, args.lang)}\n\nresults: ${r.dir}\n`);
    if (args.charts) process.stdout.write(`report: ${path.join(r.dir, reportFiles(args.lang).html)}\n`);
    warnLangWithoutReport(r.dir, args.charts, args.lang);
  },
};
