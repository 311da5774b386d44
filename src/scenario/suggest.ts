/** "Did you mean ...?": the closest known name to a mistyped one. */

/** The closest allowed name, for "did you mean", when it is close enough. */
export function suggest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of allowed) {
    const d = editDistance(key.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.min(3, Math.floor(key.length / 3))) ? best : undefined;
}

/** Levenshtein distance between two strings (as given: callers lower-case them when case does not count). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The id a mistyped reference most likely meant: one a few edits away (as
 * for field names), else the only id that the reference begins or is the
 * beginning of (`diskominfo` for `diskominfostandi`).
 */
export function suggestReference(value: string, known: readonly string[]): string | undefined {
  // opd7 is not a typo of opd1: numbered ids that differ only in their digits get no suggestion.
  const letters = (x: string) => x.toLowerCase().replace(/\d+/g, '#');
  const near = suggest(value, known);
  if (near !== undefined) return letters(near) === letters(value) ? undefined : near;
  const v = value.toLowerCase();
  if (v.length < 3) return undefined;
  const starts = known.filter((k) => {
    const l = k.toLowerCase();
    return l.startsWith(v) || v.startsWith(l);
  });
  return starts.length === 1 ? starts[0] : undefined;
}
