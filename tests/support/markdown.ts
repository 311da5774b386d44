/** Reading the report's markdown in tests. */

/** The markdown table row whose first cell is `first`, as cells (a `\|` inside a cell stays in it). */
export function rowOf(md: string, first: string): string[] {
  const line = md.split('\n').find((l) => l.startsWith(`| ${first} |`));
  if (line === undefined) throw new Error(`no row "${first}"`);
  return line.slice(2, -2).split(/ (?<!\\)\| /);
}
