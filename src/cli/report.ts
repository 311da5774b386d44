/** `difusi report <result folder>`: charts, report.html and report.md for a result folder. */
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { reportFiles, type Lang } from '../report/i18n/index.js';
import { sayLine } from './errors.js';
import { reportCommandLine, warnLangWithoutReport } from './lang-warning.js';
import { WriteFailure } from '../store/durable.js';
import { warning, warningText } from '../messages/catalog.js';
import { warningTextFor } from './warning-lang.js';

interface ReportArgs {
  folder: string;
  /** Undefined unless given (on by default), so that a --png or --no-png a national folder cannot honour is known to have been asked for. */
  png?: boolean;
  lang: Lang;
}

/** Writes the report of a result folder; a folder that cannot be read or written is a user error (store/results-read.ts, report-write.ts). */
export async function reportFolder(folder: string, png: boolean, lang: Lang = 'en', onWarning?: (svgOnly: SvgOnlyFolder) => void): Promise<string> {
  // A national run's folder has its own report (docs/NATIONAL.md): its charts are drawn by the run, as SVG only.
  const national = await import('../jobs/national-report.js');
  const kind = national.folderKind(folder);
  // A national comparison's report (docs/NATIONAL-COMPARE.md, "The report"): SVG only, as a national folder's.
  if (kind === 'national-compare') {
    const [, html] = await (await import('../jobs/national-compare-report.js')).writeNationalCompareReport(folder, lang);
    onWarning?.('national-compare');
    return html!;
  }
  if (kind === 'national') {
    const [, html] = await national.writeNationalReport(folder, lang);
    // After the report is written: a folder that cannot be reported gets its one error line alone.
    onWarning?.('national');
    return html!;
  }
  // Charting and rendering (vega, resvg) load only when a report is written.
  const { writeReport } = await import('../store/report-write.js');
  const written = await writeReport(folder, { png, lang });
  return path.join(written.dir, reportFiles(lang).html);
}

/** A folder whose charts are SVG only, where `--png` or `--no-png` given is said to do nothing (the warning png_option_svg_only): a national folder or a national comparison's. */
type SvgOnlyFolder = 'national' | 'national-compare';

/** After a command's results: the report, unless --no-charts. */
export async function reportAfter(dir: string, charts: boolean, lang: Lang = 'en', png = true): Promise<void> {
  warnLangWithoutReport(dir, charts, lang);
  if (!charts) return;
  let html: string;
  try {
    html = await reportFolder(dir, png, lang);
  } catch (error) {
    // The results folder is complete when its report is drawn: a full disk's advice is to write the report
    // from it (`difusi report <folder>`), not to run the same command again, which would run the whole job.
    throw error instanceof WriteFailure ? error.afterResults(reportCommandLine(dir, lang, png)) : error;
  }
  process.stdout.write(`report: ${html}\n`);
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <folder>',
  describe: 'Write charts (SVG, PNG), report.html and report.md for a result folder',
  builder: (y: Argv<object>) =>
    y
      .positional('folder', { type: 'string', demandOption: true, describe: 'a folder written by run, compare, sweep, sensitivity, national or national-compare' })
      // No yargs default: an option given explicitly is told apart from none (reportFolder's warning for a national folder).
      .option('png', { type: 'boolean', describe: 'also render PNGs (on by default; --no-png to skip; a national folder has SVG charts only)' })
      .option('lang', {
        type: 'string',
        choices: ['en', 'id'],
        default: 'en',
        // Every folder, not only a national one, keeps the other language's report (reportFiles): said so in both helps (help-id.ts).
        describe:
          "language of the report: en (English) or id (Bahasa Indonesia: report.id.md, report.id.html); only that language's files are written again, the other language's report in the folder is left as it is, so a folder can hold both (report.md and report.id.md)",
      }) as unknown as Argv<ReportArgs>,
  handler: async (args) => {
    // A --png or --no-png that cannot apply says so in one line, as a scenario's warnings do: on stderr, exit code unchanged.
    // Worded in the command's language (--lang id: messages/warning-text-id.ts, loaded only then).
    const text = args.png === undefined ? warningText : ((await warningTextFor(args.lang)).warningText ?? warningText);
    const option = args.png ? '--png' : '--no-png';
    const warn = args.png === undefined ? undefined : (folder: SvgOnlyFolder) => sayLine(`⚠ ${args.folder}: ${text(warning('png_option_svg_only', option, folder))}`);
    const html = await reportFolder(args.folder, args.png ?? true, args.lang, warn);
    process.stdout.write(`report: ${html}\n`);
  },
};
