/**
 * The one line a city command prints when it is given a national scenario
 * (a file with `governments`, docs/NATIONAL.md), instead of the city
 * schema's many errors about fields a national file rightly has: which
 * file, that it is national, and the command that runs it. Exit code 2,
 * as for any bad input. `difusi run` and the other city commands use it.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { YAML_QUIET } from '../scenario/yaml-quiet.js';
import { peekText } from '../store/peek.js';
import { isNationalFile, sniffScenarioFile } from '../store/national-sniff.js';
import type { ParsedText } from '../scenario/parse.js';
import { sayLine } from './errors.js';
import { nationalCompareHint, UserError } from '../messages/catalog.js';
import type { Lang } from '../report/i18n/index.js';
import { nodeLocator } from '../scenario/yaml-locate.js';


function refuse(line: string): never {
  sayLine(line);
  process.exit(2);
}

/**
 * Exits with the one-line hint when `file` is a national scenario; `command`
 * names the city command refusing it. Returns what the check parsed of a
 * city file, if anything, for its reader (`difusi run`), which then does not
 * parse it again.
 */
export function refuseNationalScenario(file: string, command: string, lang: Lang = 'en'): ParsedText | undefined {
  const { national, parsed } = sniffScenarioFile(file);
  if (national) {
    // The Indonesian words are experiment_arm_national's (messages/issue-text.ts); this line keeps its own shape (`file: ...`).
    refuse(
      lang === 'id'
        ? `✗ ${file}: skenario nasional (memuat governments): difusi ${command} hanya menerima skenario kota; jalankan dengan difusi national ${file}${command === 'compare' ? `, atau bandingkan dua skenario pengandaian dengan difusi national-compare ${file} --set path=value` : ''}`
        : `✗ ${file}: a national scenario (it has governments): difusi ${command} takes city scenarios; run it with difusi national ${file}${nationalCompareHint(command, file)}`,
    );
  }
  return parsed;
}

/**
 * The mirror case: `difusi national` given a city scenario (a mapping with
 * `opds` and no national-only section, store/national-sniff.ts) gets one line naming the
 * command that runs it, instead of the national schema's "missing
 * governments" plus one "unknown field" per city section. Returns what the
 * check parsed of a national file, if anything, for its reader
 * (loadNational), which then does not parse it again.
 */
export function refuseCityScenario(file: string, lang: Lang = 'en'): ParsedText | undefined {
  const { city, parsed } = sniffScenarioFile(file, ['opds', 'governments']);
  if (city) {
    refuse(
      lang === 'id'
        ? `✗ ${file}: skenario kota (tidak memuat governments): difusi national hanya menerima skenario nasional; jalankan dengan difusi run ${file}`
        : `✗ ${file}: a city scenario (it has no governments): difusi national takes national scenarios; run it with difusi run ${file}`,
    );
  }
  return parsed;
}

/**
 * `difusi sweep` or `sensitivity` given a city scenario instead of an
 * experiment file: one line naming what they take and the command that runs
 * the scenario, instead of the experiment schema's missing `base` plus one
 * "unknown field" per scenario section. A file that never says `opds` is
 * not parsed here.
 */
export function refuseCityScenarioAsExperiment(file: string, command: string): void {
  if (sniffScenarioFile(file, ['opds']).city) throw UserError.of('scenario_not_experiment', [command, file], { file });
}

/** A scenario file an experiment names: as written, resolved, and where (`base`, `variants[i].file`, its line and column). */
interface NamedScenario {
  readonly written: string;
  readonly path: string;
  readonly at: (string | number)[];
  readonly line?: number;
  readonly column?: number;
}

/**
 * The scenario files an experiment file names (`base`, `variants[].file`),
 * resolved against its folder as the experiment reader does
 * (store/experiment-file.ts, experimentPath), with where each is written;
 * none when it is not a readable experiment (its reader then says what is
 * wrong).
 */
function experimentScenarios(file: string): NamedScenario[] {
  const text = peekText(file);
  if (text === undefined) return [];
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { ...YAML_QUIET, lineCounter });
    const js: unknown = doc.toJS();
    if (typeof js !== 'object' || js === null) return [];
    const o = js as Record<string, unknown>;
    const named: { written: unknown; at: (string | number)[] }[] = [
      { written: o['base'], at: ['base'] },
      ...(Array.isArray(o['variants'])
        ? o['variants'].map((v: unknown, i) => ({ written: typeof v === 'object' && v !== null ? (v as Record<string, unknown>)['file'] : undefined, at: ['variants', i, 'file'] }))
        : []),
    ];
    const locate = nodeLocator(doc, lineCounter, { followAliases: false });
    return named
      .filter((n): n is { written: string; at: (string | number)[] } => typeof n.written === 'string' && n.written !== '')
      .map(({ written, at }) => ({ written, path: isAbsolute(written) ? written : resolve(dirname(file), written), at, ...locate(at) }));
  } catch {
    return [];
  }
}

/**
 * Exits with the one-line hint when `file` is a national scenario; throws the
 * catalog's `experiment_arm_national` (in the command's --lang, cli/errors.ts)
 * when it is an experiment file whose base or a variant is one.
 */
export function refuseNationalExperiment(file: string, command: string, lang: Lang = 'en'): void {
  refuseNationalScenario(file, command, lang);
  for (const s of experimentScenarios(file)) {
    // Said as the experiment reader says any problem of a file it names as a whole: at the experiment's line and field.
    if (isNationalFile(s.path)) {
      const where = { file, path: s.at, ...(s.line !== undefined && { line: s.line }), ...(s.column !== undefined && { column: s.column }) };
      throw UserError.of('experiment_arm_national', [command, s.path], where, { found: JSON.stringify(s.written) });
    }
  }
}
