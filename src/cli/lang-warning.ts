/** The warning of a command given --lang and --no-charts (run, compare, sweep, sensitivity, merge, national, national-merge, national-compare). */
import type { Lang } from '../report/i18n/index.js';
import { terminalSafe } from './errors.js';
import { commandLine } from './command-line.js';

/** The command that writes a result folder's report in `lang` (the default, en, not named), each word quoted for a shell where it needs it. */
export function reportCommandLine(dir: string, lang: Lang): string {
  return commandLine(['report', dir, ...(lang === 'en' ? [] : ['--lang', lang])]);
}

/**
 * After a command's results written with --no-charts: a --lang other than the default asked for a
 * report in that language, and none is written. Said in one ⚠ line on stderr (exit code and stdout
 * unchanged), with the command that writes it from the folder later; an Indonesian reader who asked
 * for `--lang id` otherwise got no report and no word why.
 */
export function warnLangWithoutReport(dir: string, charts: boolean, lang: Lang): void {
  if (charts || lang === 'en') return;
  process.stderr.write(terminalSafe(`⚠ ${dir}: --lang ${lang} has no effect with --no-charts (no report is written); write the report later with: ${reportCommandLine(dir, lang)}`) + '\n');
}
