/**
 * Places in YAML (and JSON, which the YAML parser reads too) source text:
 * a field path -> 1-based line and column, syntax errors -> issues, and
 * issue drafts -> issues with file, line and column. Shared by scenario
 * files (`parse.ts`) and experiment files (`experiment/spec.ts`).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type LineCounter, type Node } from 'yaml';
import { decimalComma, draft, makeIssue, type IssueDraft, type ScenarioIssue } from '../messages/catalog.js';
import type { Path, Target } from './zod-issues.js';

/**
 * Where a path lies in the source text: 1-based line and column of the
 * node's value, or of its key when `target` is 'key' (unknown fields). A
 * path that does not exist (a missing field) falls back to the nearest
 * existing ancestor. Returns `{}` when the position is unknown.
 */
export type Locator = ((path: Path, target?: Target) => { line?: number; column?: number }) & {
  /**
   * For the path of a key, what that key is when it is half of a number
   * written with a decimal comma in a flow mapping (nodeLocator); absent
   * for a locator that knows no source, undefined for any other key.
   */
  readonly commaKey?: (path: Path) => CommaKey | undefined;
};

/**
 * A number written with a decimal comma in a flow mapping, as an Indonesian
 * writer types it: `{ commitment: 0,7 }` is, to YAML, `commitment: 0` and a
 * key `7` with no value, so the schema says "Unknown field "7"" where the
 * block style (`commitment: 0,7`, one string) is told how to write it.
 */
export interface CommaKey {
  /** The field the number was meant for (the key before the stray one): `commitment`. */
  readonly field: string;
  /** The number as written: `0,7`. */
  readonly written: string;
}

/** A locator that knows no positions (input not read from text). */
export const noLocation: Locator = () => ({});

export interface NodeLocatorOptions {
  /**
   * Step through an alias (`*name`) into the node it names (true, the
   * default), or stop at the alias and point there (false).
   */
  followAliases?: boolean;
}

/** The tags of plain data (YAML 1.2's core schema): the only explicit tags a file may carry. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * The first explicit tag a YAML reader resolves into something other than
 * plain data (YAML 1.1's `!!binary`, `!!set`, `!!omap`, `!!timestamp`), as
 * written (`!!binary`), with the offset of the value it tags. A tag the
 * reader cannot resolve (`!!js/function`, `!custom`) is a warning of the
 * reader's own. Aliases are not followed: each node is looked at once.
 */
export function nonDataTag(doc: Document): { tag: string; offset: number } | undefined {
  let found: { tag: string; offset: number } | undefined;
  visit(doc, {
    Node(_, node) {
      if (node.tag === undefined || PLAIN_TAGS.has(node.tag)) return undefined;
      found = { tag: node.tag.replace(/^tag:yaml\.org,2002:/, '!!'), offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
}

/** A locator over a parsed YAML (or JSON-as-YAML) document. */
export function nodeLocator(doc: Document, lineCounter: LineCounter, options: NodeLocatorOptions = {}): Locator {
  const followAliases = options.followAliases ?? true;
  const resolve = (node: unknown): Node | null => {
    if (!isNodeLike(node)) return null;
    if (followAliases && isAlias(node)) {
      const target = node.resolve(doc);
      return isNodeLike(target) ? target : null;
    }
    return node;
  };
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  const locate = (path: Path, target: Target = 'value') => {
    let node: Node | null = resolve(doc.contents);
    if (node === null) return { line: 1, column: 1 };
    let best: Node = node;
    for (let k = 0; k < path.length; k++) {
      const seg = path[k];
      const last = k === path.length - 1;
      let next: Node | null = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (pair === undefined) break;
        const key = isScalar(pair.key) ? pair.key : null;
        if (last && target === 'key' && key?.range) return pos(key.range[0]);
        const value = resolve(pair.value);
        if (value === null) {
          // `key:` with nothing after it: point at the key.
          if (key?.range) return pos(key.range[0]);
          break;
        }
        next = value;
      } else if (isSeq(node) && typeof seg === 'number') {
        next = resolve(node.items[seg]);
      }
      if (next === null) break;
      node = next;
      best = next;
    }
    return best.range ? pos(best.range[0]) : {};
  };
  /** The node at exactly `path`, or null. */
  const nodeAt = (path: Path): Node | null => {
    let node: Node | null = resolve(doc.contents);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        node = pair === undefined ? null : resolve(pair.value);
      } else if (isSeq(node) && typeof seg === 'number') node = resolve(node.items[seg]);
      else return null;
    }
    return node;
  };
  const commaKey = (path: Path): CommaKey | undefined => {
    const key = path[path.length - 1];
    if (typeof key !== 'string' || !/^\d+$/.test(key)) return undefined;
    const map = nodeAt(path.slice(0, -1));
    if (!isMap(map) || !map.flow) return undefined;
    const at = map.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
    const stray = map.items[at];
    const before = map.items[at - 1];
    if (stray === undefined || before === undefined || stray.value !== null) return undefined;
    const [k, field, value] = [stray.key, before.key, before.value];
    // Only digits right after a comma right after a whole number, as written ("0,7": not "0, 7", "\"7\"" or "0,x"):
    // the number's two halves, whatever else the mapping holds.
    if (!isScalar(k) || k.type !== 'PLAIN' || typeof k.source !== 'string' || !/^\d+$/.test(k.source)) return undefined;
    if (!isScalar(field) || !isScalar(value) || value.type !== 'PLAIN' || typeof value.value !== 'number') return undefined;
    if (typeof value.source !== 'string' || !/^[+-]?\d+$/.test(value.source) || value.range?.[1] === undefined || k.range?.[0] !== value.range[1] + 1) return undefined;
    return { field: String(field.value), written: `${value.source},${k.source}` };
  };
  return Object.assign(locate, { commaKey });
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

/**
 * The first syntax error of a document parsed with `{ lineCounter,
 * prettyErrors: true }`, as a `yaml_syntax` issue with line and column (an
 * empty list when there is none). Only the first: after a break the parser
 * recovers token by token and reports each one (a flow map cut by a `[`
 * gave 13 lines), so the later errors are mostly echoes of the first and
 * bury it; bad input gets one line.
 */
export function yamlSyntaxIssues(doc: Document, lineCounter: LineCounter, file: string): ScenarioIssue[] {
  return doc.errors.slice(0, 1).map((error) => {
    const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    const where = { file, line: pos.line, column: pos.col };
    // The reader's own words name its API (parseAllDocuments), not what to change in the file.
    if (error.code === 'MULTIPLE_DOCS') return makeIssue('yaml_multiple_documents', [], where);
    const detail = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
    return makeIssue('yaml_syntax', [detail], where);
  });
}

/**
 * Turns drafts into issues of `file`, placed by `locate`. An unknown field
 * that is half of a number written with a decimal comma in a flow mapping
 * (`{ commitment: 0,7 }`, Locator.commaKey) is said as that, at the number's
 * field and its value, with how to write it: the hint the block style
 * (`commitment: 0,7`) gets from the schema (wrong_type), where the schema
 * itself sees only a key "7".
 */
export function issuePlacer(file: string, locate: Locator): (d: IssueDraft, target?: Target) => ScenarioIssue {
  return (d, target = 'value') => {
    const comma = d.code === 'unknown_field' ? locate.commaKey?.(d.path) : undefined;
    const writeAs = comma === undefined ? undefined : decimalComma(comma.written);
    if (comma !== undefined && writeAs !== undefined) {
      const path = [...d.path.slice(0, -1), comma.field];
      return { ...draft('decimal_comma_key', [comma.field, comma.written, writeAs], path), file, ...locate(path, 'value') };
    }
    return { ...d, file, ...locate(d.path, target) };
  };
}
