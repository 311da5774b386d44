/**
 * How the terminal writes numbers and intervals under `--lang id`, as the
 * Indonesian report writes them (report/i18n/id.ts: `decimal`,
 * `tableInterval`), for every command's table and lines (run, compare,
 * sweep, sensitivity, national-compare). A leaf module: the commands load
 * it for --help without loading the report's catalogs.
 */

/** The languages of the terminal's tables (`--lang`). */
export type TerminalLang = 'en' | 'id';

/** An interval as the Indonesian report writes it: [22%; 78%], [+0,123; +0,209]. Each English table keeps its own form. */
export function idInterval(low: string, high: string): string {
  return `[${low}; ${high}]`;
}

/**
 * A number's text with the decimal comma the Indonesian report gives every
 * number: 0.345 -> 0,345, +0.166 -> +0,166, 5.6x -> 5,6x. Only a point
 * between digits changes: a file name (sweep_summary.csv) or an outcome's
 * name (sustained.e-office) has none.
 */
export function idDecimal(text: string): string {
  return text.replace(/(\d)\.(\d)/g, '$1,$2');
}

/** A message of the catalog as a line says it: its code and its English text. */
export interface CodedMessage {
  readonly code: string;
  readonly message: string;
}

/**
 * How a line said outside a command's own error path is worded: the ⚠ line
 * of a job stopped by a signal (store/folder-lock.ts stopOnSignal), written
 * synchronously inside the signal's handler, where no module can be loaded.
 * Set for each command line by cli/program.ts commandMain: under --lang id
 * to messages/issue-text.ts messageId (loaded then, before the command
 * runs), else back to English, the message as it is.
 */
let wording: (m: CodedMessage) => string = (m) => m.message;

export function setLineWording(word: ((m: CodedMessage) => string) | undefined): void {
  wording = word ?? ((m) => m.message);
}

export function lineWording(m: CodedMessage): string {
  return wording(m);
}
