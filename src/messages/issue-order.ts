/**
 * The order problems are printed in: by their place in their file.
 */

/** What byPosition reads of a problem. */
interface Placed {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * Problems in the order of their place in the file (line, then column),
 * those with no place (an override's) after them, each group in the order
 * found; problems of several files (a comparison's arms) file by file, in
 * the order each file first comes. A schema reports a list's problems field
 * by field, which put line 58 before 56 (a city file), line 7 before lines
 * 2 and 4 (a national or experiment file), so that with more than
 * MAX_PROBLEM_LINES the ones shown were not the first. Stable: a new array,
 * the problems themselves unchanged.
 */
export function byPosition<T extends Placed>(issues: readonly T[]): T[] {
  const files = new Map<string, number>();
  for (const issue of issues) if (!files.has(issue.file)) files.set(issue.file, files.size);
  const key = (i: T) => [files.get(i.file)!, i.line ?? Infinity, i.column ?? Infinity] as const;
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      const ka = key(a.issue);
      const kb = key(b.issue);
      for (let k = 0; k < ka.length; k++) if (ka[k] !== kb[k]) return ka[k]! < kb[k]! ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ issue }) => issue);
}
