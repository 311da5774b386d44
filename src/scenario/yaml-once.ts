/**
 * A YAML document parsed once for two readers: the sniff that tells a
 * national file from a city one (store/national-sniff.ts) and the reader
 * that then parses the same text (scenario/parse.ts parseDataText). Parsing
 * is the cost of reading a large file (about 25 µs a value in the `yaml`
 * package: a dense 4 MiB file takes tens of seconds), and a national file
 * was parsed up to three times (`difusi validate`: two sniffs, then the
 * reader). A parsed document is not changed by its readers (each takes its
 * own `toJS()`), so the same one serves both. One document is kept, until
 * the reader takes it.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';

interface Parsed {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
}

let kept: { text: string; json: boolean; parsed: Parsed } | undefined;

function parse(text: string, json: boolean): Parsed {
  const lineCounter = new LineCounter();
  // As parseDataText always parsed: JSON without prettyErrors (its own errors come from JSON.parse).
  const doc = parseDocument(text, json ? { lineCounter } : { lineCounter, prettyErrors: true });
  return { doc, lineCounter };
}

/** For a sniff: the document of `text`, parsed or kept, and kept for the reader. */
export function peekYaml(text: string, json: boolean): Parsed {
  if (kept !== undefined && kept.json === json && kept.text === text) return kept.parsed;
  const parsed = parse(text, json);
  kept = { text, json, parsed };
  return parsed;
}

/** For the reader: the document a sniff kept for this very text (no longer kept), or a new parse. */
export function takeYaml(text: string, json: boolean): Parsed {
  const hit = kept !== undefined && kept.json === json && kept.text === text ? kept.parsed : undefined;
  kept = undefined;
  return hit ?? parse(text, json);
}
