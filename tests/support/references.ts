/**
 * Citations and the reference list of docs/MODEL.md, for the tests that
 * check one against the other (tests/docs/references.test.ts,
 * tests/odd/references.test.ts).
 */
/** The References list of docs/MODEL.md, one entry a line. */
export function referenceEntries(model: string): string[] {
  return model
    .slice(model.indexOf('## References'))
    .split('\n')
    .filter((l) => l.startsWith('- '));
}

/** Month names (English and Indonesian): "June 2023" is a date. */
const MONTHS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Januari', 'Februari', 'Maret', 'Mei', 'Juni', 'Juli', 'Agustus', 'Oktober', 'Desember',
]);

/** "Surname year" of every citation in `text` (first author only; "and", "&" or Indonesian "dan" between authors). */
export function citations(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<!,\s|and\s|&\s|dan\s|-)\b([A-Z][a-z]+)(?:(?:,\s+[A-Z][a-zA-Z-]+)*,?\s+(?:and|&|dan)\s+[A-Z][a-zA-Z-]+|\s+et al\.)?\s+\(?((?:19|20)\d\d)\b/g)) {
    if (!MONTHS.has(m[1]!)) out.add(`${m[1]} ${m[2]}`);
  }
  return [...out].sort();
}

/** The citations of `text` that no entry of `entries` gives in full. */
export function missing(cites: readonly string[], entries: readonly string[]): string[] {
  return cites.filter((c) => {
    const [name, year] = c.split(' ') as [string, string];
    // "- Surname, I. (YEAR) Title. *Journal* ..." or "... PhD dissertation, University ...".
    return !entries.some((e) => e.startsWith(`- ${name},`) && new RegExp(`\\(${year}[^)]*\\)[^*]*(\\*[^*]+\\*|dissertation|Working Paper|thesis)`).test(e));
  });
}
