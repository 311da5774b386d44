/** `difusi report <result folder>`: charts, report.html and report.md for a result folder. */
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { reportFiles, type Lang } from '../report/i18n/index.js';

interface ReportArgs {
  folder: string;
  png: boolean;
  lang: Lang;
}

/** Writes the report of a result folder; a folder that cannot be read or written is a user error (store/results-read.ts, report-write.ts). */
export async function reportFolder(folder: string, png: boolean, lang: Lang = 'en'): Promise<string> {
  // A national run's folder has its own report (docs/NATIONAL.md): its charts are drawn by the run, as SVG only.
  const national = await import('../jobs/national-report.js');
  if (national.isNationalFolder(folder)) {
    const [, html] = await national.writeNationalReport(folder, lang);
    return html!;
  }
  // Charting and rendering (vega, resvg) load only when a report is written.
  const { writeReport } = await import('../store/report-write.js');
  const written = await writeReport(folder, { png, lang });
  return path.join(written.dir, reportFiles(lang).html);
}

/** After a command's results: the report, unless --no-charts. */
export async function reportAfter(dir: string, charts: boolean, lang: Lang = 'en'): Promise<void> {
  if (!charts) return;
  const html = await reportFolder(dir, true, lang);
  process.stdout.write(`report: ${html}\n`);
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <folder>',
  describe: 'Write charts (SVG, PNG), report.html and report.md for a result folder',
  builder: (y: Argv<object>) =>
    y
      .positional('folder', { type: 'string', demandOption: true, describe: 'a folder written by run, compare, sweep, sensitivity or national' })
      .option('png', { type: 'boolean', default: true, describe: 'also render PNGs (--no-png to skip; a national folder has SVG charts only)' })
      .option('lang', {
        type: 'string',
        choices: ['en', 'id'],
        default: 'en',
        describe: 'language of the report: en (English) or id (Bahasa Indonesia; a national folder keeps both: report.id.md, report.id.html)',
      }) as unknown as Argv<ReportArgs>,
  handler: async (args) => {
    const html = await reportFolder(args.folder, args.png, args.lang);
    process.stdout.write(`report: ${html}\n`);
  },
};
