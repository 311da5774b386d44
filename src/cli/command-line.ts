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

/**
 * A shard's command line with its shard options (and --resume) replaced by --merge, so that every
 * other option stays the same: the merge of a compare, sweep or sensitivity job finds its shards from
 * the job's own key, which -r, --seed, --set and --outcomes decide, and writes the report in the
 * shard's --lang. `--no-charts` is left out, as a run's shard leaves it out of its merge line: a shard
 * writes no report with or without it, and the merge is where the report is written.
 */
export function shardMergeCommand(argv: readonly string[] = process.argv.slice(2)): string {
  const kept: string[] = [];
  // --no-charts in each spelling yargs reads (--no-charts, --charts=false, --charts false).
  const noCharts = (a: string, next: string | undefined) => a === '--no-charts' || a === '--charts=false' || (a === '--charts' && next === 'false');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--shard' || a === '--shard-count') i++;
    else if (noCharts(a, argv[i + 1])) i += a === '--charts' ? 1 : 0;
    else if (!a.startsWith('--shard=') && !a.startsWith('--shard-count=') && a !== '--resume') kept.push(a);
  }
  return commandLine([...kept, '--merge']);
}

/**
 * A folder pattern with one `*` for the shell to expand, every other part quoted where it needs it:
 * `'/tmp/my out/run/abc.shard-'*'-of-4'`, which a POSIX shell reads as one word with its `*` unquoted.
 */
export function shellGlob(pattern: string): string {
  return pattern
    .split('*')
    .map((part) => (part === '' ? '' : shellWord(part)))
    .join('*');
}
