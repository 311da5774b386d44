/** The warnings of a command given --lang where it writes no report (run, compare, sweep, sensitivity, merge, national, national-merge, national-compare; a run's shard). */
import type { Lang } from '../report/i18n/index.js';
import { sayLine } from './errors.js';
import { commandLine } from './command-line.js';

/** The command that writes a result folder's report in `lang` (the default, en, not named), each word quoted for a shell where it needs it. */
export function reportCommandLine(dir: string, lang: Lang, png = true): string {
  return commandLine(['report', dir, ...(lang === 'en' ? [] : ['--lang', lang]), ...(png ? [] : ['--no-png'])]);
}

/**
 * Whether `--lang` was written on the command line (`words`: the arguments after `difusi`), as
 * `--lang X` or `--lang=X`, before any `--` (after it every word is a positional). yargs gives an
 * option left out its default, so `--lang en` and no --lang read the same in the parsed arguments;
 * the words tell them apart without taking the option's default away (which --help shows).
 */
export function langGiven(words: readonly string[] = process.argv.slice(2)): boolean {
  for (const w of words) {
    if (w === '--') return false;
    if (w === '--lang' || w.startsWith('--lang=')) return true;
  }
  return false;
}

/**
 * After a command's results written with --no-charts: a --lang asked for a report in that language,
 * and none is written (run's and national's terminal summary follows --lang all the same, so the line does
 * not say that --lang had no effect). Said in one ⚠ line on stderr, in the language asked for (exit code and stdout unchanged), with the
 * command that writes it from the folder later; an Indonesian reader who asked for `--lang id`
 * otherwise got no report and no word why. For the default language only when `--lang en` was
 * written (`given`): left out, it asked for nothing.
 */
export function warnLangWithoutReport(dir: string, charts: boolean, lang: Lang, given: boolean = langGiven()): void {
  if (charts || (lang === 'en' && !given)) return;
  // In the language asked for: the reader who asked for --lang id reads why there is no report in it.
  const command = reportCommandLine(dir, lang);
  const line =
    lang === 'id'
      ? `⚠ ${dir}: --lang id dengan --no-charts: laporan tidak ditulis; tulis nanti dengan: ${command}`
      : `⚠ ${dir}: --lang ${lang} with --no-charts: no report is written; write it later with: ${command}`;
  sayLine(line);
}

/**
 * After a shard of a run given a --lang other than the default: a shard writes no report, with or
 * without --no-charts; the merge of the shards writes it (docs/EXPERIMENTS-USAGE.md, "Array jobs"),
 * in the language the merge is given. One ⚠ line on stderr, in that language, naming the shard's folder and `merge`,
 * the merge command with that --lang (the one the shard prints). `--lang en` asks for what the
 * merge writes anyway: nothing said.
 */
export function warnLangOnShard(dir: string, lang: Lang, merge: string): void {
  if (lang === 'en') return;
  // In the language asked for (the only other one is id).
  sayLine(`⚠ ${dir}: --lang ${lang}: satu bagian (shard) tidak menulis laporan; penggabungan (merge) menulisnya dengan: ${merge}`);
}
