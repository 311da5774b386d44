/**
 * `difusi explore` as a library call: the bundled explorer page with the
 * scenarios embedded (the one named first, then the shipped ones), written
 * as one self-contained HTML file that works from file:// with no network.
 *
 *   readScenarioFile (validates: a bad scenario is a UserError, exit 2)
 *     --> embed [named, ...shipped] as JSON in the page, each with its Info
 *         pages (<name>.md, <name>.id.md) --> <out>/difusi-explorer.html
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../store/version.js';
import { readScenarioFile } from '../store/scenario-file.js';
import { infoPages, readExplorerTemplate, shippedScenarios, writeExplorerFile, type EmbeddedScenario } from '../store/explorer-write.js';

export const EXPLORER_FILE = 'difusi-explorer.html';

/**
 * The page with the scenarios embedded. The JSON sits in a
 * `<script type="application/json">`: every `<` is escaped so that no
 * scenario text can close the element (scenario files are data).
 */
export function explorerHtml(template: string, scenarios: readonly EmbeddedScenario[]): string {
  const json = JSON.stringify(scenarios).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const marker = '/*SCENARIOS*/';
  const at = template.indexOf(marker);
  if (at < 0) throw new Error('the explorer template has no scenario slot: rebuild it (npm run build)');
  return template.slice(0, at) + json + template.slice(at + marker.length);
}

/** A file's path with its links resolved (as given when it cannot be: the file was read, so it exists). */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

export interface ExploreOptions {
  /** A scenario file to open first (validated here). */
  readonly scenario?: string;
  readonly outDir: string;
}

/** Writes the explorer; returns the file's absolute path and the page. */
export function writeExplorer(options: ExploreOptions): { file: string; html: string } {
  const shipped = shippedScenarios();
  const scenarios: EmbeddedScenario[] = [];
  if (options.scenario !== undefined) {
    const read = readScenarioFile(options.scenario);
    // Its Info pages (`<name>.md`, `<name>.id.md` beside it), as `difusi run` reads them.
    scenarios.push({ name: read.scenario.name, file: path.basename(options.scenario), text: read.text, ...infoPages(read.infoMarkdown, read.infoMarkdownId) });
  }
  // A shipped scenario is listed unless it is the very file named (then listed once, first): a copy of it, even
  // unchanged, is listed beside it (it replaced the shipped one and its Info page, being the same text).
  const named = options.scenario === undefined ? undefined : realPath(options.scenario);
  for (const s of shipped) if (named === undefined || realPath(path.join(packageRoot(), s.file)) !== named) scenarios.push(s);
  // A user's copy of a shipped scenario keeps its name: listed beside the shipped one, the two would look alike
  // in the page's scenario list, so the copy's entry names its file too (`bekasi-2015-2025 (my-bekasi.yaml)`).
  const first = scenarios[0];
  if (options.scenario !== undefined && first !== undefined && scenarios.slice(1).some((s) => s.name === first.name)) {
    scenarios[0] = { ...first, name: `${first.name} (${first.file})` };
  }
  const html = explorerHtml(readExplorerTemplate(), scenarios);
  return { file: writeExplorerFile(options.outDir, EXPLORER_FILE, html), html };
}
