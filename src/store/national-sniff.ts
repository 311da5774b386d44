/**
 * Telling a national scenario file from a city one without loading the
 * national schema (start-up time of `difusi run` and `difusi validate`).
 * `difusi validate`, `run` and `national` hand what the sniff parsed to the
 * reader (sniffScenarioFile, scenario/parse.ts ParsedText), so a file is
 * parsed once: parsing is the cost of reading a large file (about 25 µs a value in
 * the `yaml` package: a dense 4 MiB file takes tens of seconds).
 */
import { LineCounter, parseDocument } from 'yaml';
import { YAML_QUIET } from '../scenario/yaml-quiet.js';
import { peekText } from './peek.js';
import type { ParsedText } from '../scenario/parse.js';

/**
 * What the sniff found: whether the file is national, whether it is a city
 * scenario (a mapping with `opds` and no national-only section), and what
 * it parsed of it, if anything, for the reader.
 */
export interface Sniffed {
  readonly national: boolean;
  readonly city: boolean;
  readonly parsed?: ParsedText;
}

const NEITHER: Sniffed = { national: false, city: false };

/** Top-level sections only a national scenario has: a file with any of them is a (broken) national file, not a city one. */
const NATIONAL_ONLY = ['governments', 'template', 'elections', 'programmes', 'national_regulations', 'government_network', 'national_parameters'];

/**
 * Is this file a national scenario (a mapping with a `governments`
 * section), or a city one (a mapping with `opds`, which a national file
 * never has at its top, and no national-only section: a national file with
 * `governments` misspelled is not a city file)? And the text it parsed to
 * tell, to be handed to the reader (readScenarioFile, readNationalFile),
 * which then does not parse it again. `words`: a file that says none of
 * them is not parsed at all (`governments` for the national question, add
 * `opds` for the city one).
 */
export function sniffScenarioFile(path: string, words: readonly string[] = ['governments']): Sniffed {
  try {
    // Only a regular file of scenario size is looked into: a device or a huge
    // file is left to the scenario reader, which refuses it in one line.
    const read = peekText(path);
    if (read === undefined) return NEITHER;
    // As the reader has it (store/scenario-file.ts readScenarioText): without a byte order mark.
    const text = read.replace(/^\uFEFF/, '');
    // A national file must name its `governments` section, a city file its `opds`: a
    // file that never says the words asked about is spared a parse of the whole document here.
    // Unless it has a backslash: a double-quoted YAML key or a JSON key may spell a word with
    // escapes ("gov\u0065rnments"), which only the parse reads as the word.
    if (!words.some((word) => text.includes(word)) && !text.includes('\\')) return NEITHER;
    if (/\.json$/i.test(path)) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        // Told as the sniff always told it (by the YAML reader); nothing handed on: the reader's JSON.parse names the error.
        return { ...kindOf(parseDocument(text, YAML_QUIET).toJS()) };
      }
      return { ...kindOf(value), parsed: { text, json: { value } } };
    }
    // Parsed as the reader parses it (scenario/parse.ts parseDataText), which then takes this document.
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { ...YAML_QUIET, lineCounter, prettyErrors: true });
    // Its value too: the reader takes it rather than building it again, once the document's errors, tags and
    // emptiness are checked (a toJS that throws here hands nothing on: the reader parses again and says why).
    const js: unknown = doc.toJS();
    return { ...kindOf(js), parsed: { text, yaml: { doc, lineCounter, value: { js } } } };
  } catch {
    return NEITHER;
  }
}

function kindOf(js: unknown): { national: boolean; city: boolean } {
  if (typeof js !== 'object' || js === null) return NEITHER;
  return { national: 'governments' in js, city: !Array.isArray(js) && 'opds' in js && NATIONAL_ONLY.every((key) => !(key in js)) };
}

/** Is this parsed file a national scenario (it has a `governments` section)? */
export function isNationalFile(path: string): boolean {
  return sniffScenarioFile(path).national;
}
