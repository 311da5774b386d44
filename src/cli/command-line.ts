/**
 * The command line as the manifest records it (`command` in manifest.json,
 * OUTPUTS.md): pasteable into a POSIX shell to run the same command again.
 * A word with only characters no shell treats specially is written as it
 * is; any other (spaces, quotes, `$`, brackets, `*`, an empty word) in single
 * quotes, each `'` in it written `'\''`.
 */

/** Characters a POSIX shell (and bash, zsh) passes through unchanged; `=` only after the first character. `~` is never plain: bash expands it after `=` or `:` even inside an argument (`a=~/x`). */
const PLAIN = /^[A-Za-z0-9_\-+.,/:@%][A-Za-z0-9_\-+.,/:@%=]*$/;

/** One word, quoted for a POSIX shell when it needs it. */
export function shellWord(word: string): string {
  return PLAIN.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `difusi` and the arguments after it (`process.argv.slice(2)` by default), each quoted when it needs it. */
export function commandLine(args: readonly string[] = process.argv.slice(2)): string {
  return ['difusi', ...args].map(shellWord).join(' ');
}
