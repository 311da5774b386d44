/**
 * Places in YAML (and JSON, which the YAML parser reads too) source text:
 * a field path -> 1-based line and column, syntax errors -> issues, and
 * issue drafts -> issues with file, line and column. Shared by scenario
 * files (`parse.ts`) and experiment files (`experiment/spec.ts`).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Lexer, visit, type Alias, type Document, type LineCounter, type Node } from 'yaml';
import { decimalComma, draft, makeIssue, YAML_LAYOUT_HINT, type IssueDraft, type ScenarioIssue } from '../messages/catalog.js';
import type { Path, Target } from './zod-issues.js';
import { bracketDepth, MAX_ALIAS_COUNT, MAX_DEPTH } from './limits.js';

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

/**
 * A `%YAML` directive naming a version other than 1.2, at its line. Under
 * `%YAML 1.1` the reader reads a file otherwise: `010` is 8 (octal), `1:48`
 * is 108, `yes` is true, `<<:` merges a mapping in (beside a key it repeats,
 * unreported), an unquoted date becomes a timestamp. Refused rather than
 * read as 1.2 regardless: the line says the writer meant 1.1's readings, and
 * reading `010` as 10 would be as silent a change of what they wrote as
 * reading it as 8. `%YAML 1.2` is what is read anyway and passes; a `%TAG`
 * directive passes too, as the tags it names are checked like any other
 * (parse.ts unknownTagIssue). Directives stand at the top of the text, before the
 * first line that is not a directive, a comment or blank. Scenario and
 * experiment files alike; a `--set` value too (apply-overrides.ts).
 */
export function yamlVersionIssue(text: string, file: string): ScenarioIssue | undefined {
  const body = text.replace(/^\uFEFF/, '');
  for (let start = 0, n = 1; start <= body.length; n++) {
    const end = body.indexOf('\n', start);
    const line = body.slice(start, end < 0 ? body.length : end).replace(/\r$/, '');
    if (!/^\s*(#.*)?$/.test(line)) {
      if (!line.startsWith('%')) return undefined;
      const version = /^%YAML[ \t]+(\S+)/.exec(line)?.[1];
      if (version !== undefined && version !== '1.2') return makeIssue('yaml_version', [version], { file, line: n, column: 1 });
    }
    if (end < 0) return undefined;
    start = end + 1;
  }
  return undefined;
}

/**
 * Where the nesting of a file's data first exceeds `limit` (1-based line and
 * column), before the YAML reader recurses into it, or undefined: flow
 * nesting (`[`/`{`, limits.ts bracketDepth), then block nesting (indented
 * mappings, `- ` lists, `- - x`) with the flow nesting inside it
 * (blockDepth). The YAML reader's parser and composer recurse once a level:
 * a list nested 100,000 times (`- - - … x`, 200 kB) overflowed the stack
 * ("Maximum call stack size exceeded"), and 100 indented levels were refused
 * only after parsing, placed at level 7 of the path. Scenario, experiment
 * and `--set` values alike.
 */
export function nestingDepth(text: string, limit = MAX_DEPTH): { line: number; column: number } | undefined {
  return bracketDepth(text, limit) ?? blockDepth(text, limit);
}

/**
 * Where a YAML text's nesting, block and flow together, first reaches level
 * `limit + 1`, counting levels as checkInput does (the top mapping or list is
 * level 0, so a value at level 65 is refused either way; a file this check
 * passes is not refused by checkInput for its nesting, save through aliases).
 * Read from the tokens of the YAML reader's own lexer, which does not recurse,
 * so that what is text to YAML stays text: block scalars (`|`, `>`), quoted
 * scalars over several lines, plain scalars continued on the next line and
 * comments open nothing. A level opens at a `- ` or `? ` indicator, at the
 * first key of a mapping (a key followed by `:`) and at `[`/`{`; a block
 * collection is closed by a line less indented than it (a list may sit at
 * its parent key's column: `key:\n- a` is one level below the key's mapping).
 * What is not valid YAML may be counted loosely: the parser refuses it anyway.
 */
function blockDepth(text: string, limit: number): { line: number; column: number } | undefined {
  // Lexing costs about a tenth of parsing (1 ms for the Bekasi scenario, 40 ms for the national one).
  // Open block collections, innermost last: their kind and column.
  const open: { seq: boolean; column: number }[] = [];
  let flow = 0;
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  let scalarNext = false;
  // Column where the current node of this line started (a key, when a `:` follows), or -1.
  let nodeStart = -1;
  const over = (column: number) => (open.length + flow > limit + 1 ? { line, column: column + 1 } : undefined);
  const close = (column: number) => {
    while (open.length > 0 && open[open.length - 1]!.column > column) open.pop();
  };
  for (const token of new Lexer().lex(text)) {
    if (token === '\u001f') {
      // The scalar's text is the next token, whatever it starts with.
      scalarNext = true;
      continue;
    }
    // The lexer's marks of a document's start and of a flow error's end: not in the text.
    if (token === '\u0002' || token === '\u0018') continue;
    const column = offset - lineStart;
    let found: { line: number; column: number } | undefined;
    if (scalarNext) {
      scalarNext = false;
      if (nodeStart < 0) nodeStart = column;
    } else if (token === '' || token === '\n' || token === '\r\n') {
      nodeStart = -1;
    } else if (token === '---' || token === '...') {
      open.length = 0;
      flow = 0;
      nodeStart = -1;
    } else if (token === '[' || token === '{') {
      if (flow === 0 && nodeStart < 0) nodeStart = column;
      flow++;
      found = over(column);
    } else if (token === ']' || token === '}') {
      flow = Math.max(0, flow - 1);
    } else if (flow === 0 && token === '-') {
      // An item of the list at this column, or the first of a new one.
      close(column);
      const top = open[open.length - 1];
      if (!(top?.seq === true && top.column === column)) {
        open.push({ seq: true, column });
        found = over(column);
      }
      nodeStart = -1;
    } else if (flow === 0 && (token === '?' || (token === ':' && nodeStart >= 0))) {
      // A key (`? key`, or `key:` at the key's column): of the mapping at its column, or the first of a new one.
      const at = token === '?' ? column : nodeStart;
      close(at);
      if (open[open.length - 1]?.seq === true && open[open.length - 1]!.column === at) open.pop();
      const top = open[open.length - 1];
      if (!(top?.seq === false && top.column === at)) {
        open.push({ seq: false, column: at });
        found = over(at);
      }
      nodeStart = -1;
    } else if (flow === 0 && token === ':') {
      // The value of an explicit key (`? key` then `: value`).
      nodeStart = -1;
    } else if (token.startsWith('#') || token.startsWith(' ') || token.startsWith('\t') || token === '\ufeff') {
      // Comments, spaces, a byte order mark: nothing.
    } else if (nodeStart < 0) {
      // Anchors, tags, aliases, quoted scalars: the start of a node.
      nodeStart = column;
    }
    if (found !== undefined) return found;
    offset += token.length;
    const nl = token.lastIndexOf('\n');
    if (nl >= 0) {
      // A token over lines (a block scalar's text, a quoted or plain scalar continued) ends no key: keys are on one line.
      nodeStart = -1;
      line += countNewlines(token);
      lineStart = offset - token.length + nl + 1;
    }
  }
  return undefined;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
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
 * The reader's codes for a line that does not fit the layout around it
 * ("Nested mappings are not allowed in compact mappings", "Implicit keys
 * need to be on a single line", "... must be sufficiently indented"): words
 * about YAML's grammar, not about the file. The two usual causes, said after
 * them: a line indented more (or less) than the fields beside it (the
 * reader places the error at the end of the line before it, where the
 * value it would continue ends), and a
 * value holding ": " (`name: Perpres 82/2023: SPBE`), which YAML reads as
 * another key unless the value is quoted.
 */
const LAYOUT_ERRORS = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'BAD_INDENT']);

/**
 * Whether the hint fits: the reader's BAD_INDENT also reports a flow list or
 * mapping left open ("Flow sequence in block collection must be
 * sufficiently indented and end with a ]"), whose words already say the
 * usual cause (the missing bracket), which the hint would hide.
 */
function layoutError(code: string, detail: string): boolean {
  return LAYOUT_ERRORS.has(code) && !detail.startsWith('Flow ');
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
    // The reader's RESOURCE_EXHAUSTION is whatever its composer caught: said as the limit it is only when
    // that was the stack overflowing on nesting the check before parsing (nestingDepth) let through, not
    // as JavaScript's "Maximum call stack size exceeded"; an alias count as that (yamlValueIssue).
    if (error.code === 'RESOURCE_EXHAUSTION' && ALIAS_COUNT.test(error.message)) return makeIssue('too_many_aliases', [MAX_ALIAS_COUNT], where);
    if (error.code === 'RESOURCE_EXHAUSTION' && STACK_OVERFLOW.test(error.message)) return makeIssue('too_deep', [MAX_DEPTH], where);
    const detail = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
    return makeIssue('yaml_syntax', [detail + (layoutError(error.code, detail) ? YAML_LAYOUT_HINT : '')], where);
  });
}

/** The YAML reader's words for alias expansions over its `maxAliasCount` ("Excessive alias count indicates a resource exhaustion attack"). */
const ALIAS_COUNT = /\balias count\b/i;

/**
 * Whether `error`, thrown by a document's `toJS({ maxAliasCount: MAX_ALIAS_COUNT })`, is its aliases expanding
 * too many times (a "billion laughs"): for yamlValueIssue, and for a `--set` value (scenario/apply-overrides.ts
 * parseOverride), which says it in the same words.
 */
export function aliasCountExceeded(error: unknown): boolean {
  return !(error instanceof RangeError) && ALIAS_COUNT.test(error instanceof Error ? error.message : String(error));
}
/** JavaScript's words for a stack overflow (a RangeError). */
const STACK_OVERFLOW = /call stack/i;

/**
 * Why a parsed YAML document (no syntax errors) gave no data: the `error`
 * its `toJS({ maxAliasCount: MAX_ALIAS_COUNT })` threw, as an issue of
 * `file`. Aliases that expand too many times (a "billion laughs" file) are
 * said as that, at the alias where the count passes the limit; they were a
 * "YAML syntax error" in the reader's words ("... indicates a resource
 * exhaustion attack"), with no line. A stack overflow is the nesting
 * (too_deep); anything else, the reader's words.
 */
export function yamlValueIssue(error: unknown, doc: Document, lineCounter: LineCounter, file: string): ScenarioIssue {
  if (error instanceof RangeError) return makeIssue('too_deep', [MAX_DEPTH], { file });
  if (!aliasCountExceeded(error)) return makeIssue('yaml_syntax', [error instanceof Error ? error.message : String(error)], { file });
  const range = aliasOverLimit(doc)?.range;
  const pos = range === undefined || range === null ? undefined : lineCounter.linePos(range[0]);
  return makeIssue('too_many_aliases', [MAX_ALIAS_COUNT], { file, ...(pos !== undefined && { line: pos.line, column: pos.col }) });
}

/**
 * The alias whose expansion passed the YAML reader's alias count: the data
 * built again, each alias's conversion watched (an own `toJSON` on each alias
 * node, taken off again), the innermost one that threw kept. Only on the
 * refusal's path; the reader gives no position with the error.
 */
function aliasOverLimit(doc: Document): Alias | undefined {
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_key, node) => void aliases.push(node) });
  let failed: Alias | undefined;
  for (const node of aliases) {
    const own = node.toJSON.bind(node);
    Object.defineProperty(node, 'toJSON', {
      configurable: true,
      value: (...args: Parameters<Alias['toJSON']>) => {
        try {
          return own(...args);
        } catch (error) {
          failed ??= node;
          throw error;
        }
      },
    });
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    // The failure is known; only where it happens is sought.
  } finally {
    for (const node of aliases) delete (node as { toJSON?: unknown }).toJSON;
  }
  return failed;
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
