/** `difusi validate <file>` and `difusi schema`. */
import type { Argv, CommandModule } from 'yargs';
import { commonRunOptions, overridesFrom, wholeNumberOption, type WholeNumberArg } from './options.js';
import { sayLine, oneLine, warnLine } from './errors.js';
import type { ParsedText } from '../scenario/parse.js';
import { count, groupedId } from '../messages/count.js';
import type { TerminalLang } from '../messages/terminal-lang.js';
import type { WarningText } from '../messages/catalog.js';
import { warningTextFor } from './warning-lang.js';

interface ValidateArgs {
  file: string;
  seed?: WholeNumberArg;
  set?: string[];
  lang: 'en' | 'id';
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <file>',
  describe: 'Check a scenario file; print a one-line summary or the errors',
  builder: (y: Argv<object>) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file' })
      // The what-ifs of `difusi run` and `difusi national`, so one can be checked before it runs.
      .option('seed', wholeNumberOption({ alias: 's', describe: 'master seed (overrides the scenario)' }))
      .option('set', { type: 'string', array: true, describe: 'override a scenario field, as difusi run and difusi national do: --set parameters.takeover_vendor=0.9' })
      // The other commands' --lang: the problems' (cli/program.ts hands it to exitWith, cli/errors.ts, which prints them) and the warnings'.
      .option('lang', { ...commonRunOptions.lang, describe: 'language of the summary (✓ line), problems (✗ lines) and warnings (⚠ lines): en (English) or id (Bahasa Indonesia)' }) as unknown as Argv<ValidateArgs>,
  handler: async (args) =>
    validateFile(args.file, overridesFrom({ ...(args.seed !== undefined && { seed: args.seed }), ...(args.set !== undefined && { set: args.set }) }), (await warningTextFor(args.lang)).warningText, args.lang),
};

/** What the ✓ line counts, in the order it says them; `applied`: the --set and --seed paths given. */
interface Summary {
  readonly file: string;
  readonly national: boolean;
  readonly name: string;
  readonly governments?: number;
  readonly agencies: number;
  readonly innovations: number;
  readonly months: number;
  readonly start: string;
  readonly replications: number;
  readonly seed: number;
  readonly hash: string;
  readonly applied: readonly string[];
}

/**
 * The ✓ line of a valid file: English by default (its words unchanged, scripts may read them), in Bahasa
 * Indonesia under --lang id (GLOSSARY.id.md's words: perangkat daerah, layanan, pemerintah daerah,
 * replikasi; its numbers grouped with points).
 */
function summaryLine(s: Summary, lang: TerminalLang | undefined): string {
  const hash = `(hash ${s.hash.slice(0, 12)})`;
  if (lang === 'id') {
    const n = (x: number) => groupedId(x);
    const counts = [
      ...(s.governments === undefined ? [] : [`${n(s.governments)} pemerintah daerah`]),
      `${n(s.agencies)} perangkat daerah`,
      `${n(s.innovations)} ${s.national ? 'layanan nasional' : 'layanan'}`,
      `${n(s.months)} bulan sejak ${s.start}`,
      `${n(s.replications)} replikasi`,
    ];
    const applied = s.applied.length === 0 ? '' : `, dengan ${s.applied.join(', ')} diubah`;
    return `✓ ${oneLine(s.file)}: ${s.national ? 'skenario nasional' : 'skenario'} "${s.name}", ${counts.join(', ')}, seed ${s.seed} ${hash}${applied}\n`;
  }
  // Said after the summary, so the line as before stays a prefix of it.
  const applied = s.applied.length === 0 ? '' : ` with ${s.applied.join(', ')} overridden`;
  const counts = [
    ...(s.governments === undefined ? [] : [count(s.governments, 'government')]),
    count(s.agencies, 'OPD'),
    count(s.innovations, s.national ? 'national innovation' : 'innovation'),
    `${count(s.months, 'month')} from ${s.start}`,
    count(s.replications, 'replication'),
  ];
  return `✓ ${oneLine(s.file)}: ${s.national ? 'national scenario' : 'scenario'} "${s.name}", ${counts.join(', ')}, seed ${s.seed} ${hash}${applied}\n`;
}

/**
 * `difusi validate <file> [--seed N] [--set path=value ...]`: a one-line
 * summary on stdout (warnings on stderr, worded by `warningText`: English by
 * default, Bahasa Indonesia under --lang id), or a UserError. Overrides are
 * applied before validation exactly as `difusi run` and `difusi national`
 * apply them (scenario/overrides.ts), so a problem an override causes is
 * labelled `override <path>`. cli/program.ts calls it without yargs for a
 * plain `difusi validate <file>` command line.
 */
export async function validateFile(file: string, overrides: Record<string, unknown> = {}, warningText?: WarningText, lang?: TerminalLang): Promise<void> {
  const { sniffScenarioFile } = await import('../store/national-sniff.js');
  // The file is parsed once: what the sniff parsed to tell national from city goes to the reader.
  const { national, parsed } = sniffScenarioFile(file);
  if (national) {
    // A national scenario (docs/NATIONAL.md): every government is checked as a city scenario.
    const { loadNational, nationalWarningPlace } = await import('../jobs/national.js');
    const loaded = loadNational(file, overrides, { warnings: true, ...(warningText !== undefined && { warningText }), ...(parsed !== undefined && { parsed }) });
    const { scenario, hash, model, warnings } = loaded;
    const agencies = model.governments.reduce((a, g) => a + g.model.opds.length, 0);
    const { months, start, replications, seed } = scenario;
    const counted = { governments: model.governments.length, agencies, innovations: model.services.length, months, start, replications, seed };
    process.stdout.write(summaryLine({ file, national: true, name: scenario.name, ...counted, hash, applied: Object.keys(overrides) }, lang));
    // The city warnings of each government, and the national file's own (jobs/national-warnings.ts).
    // One only a --set gives names it, not the file (nationalWarningPlace), which takes the file as read here.
    const place = nationalWarningPlace(file, overrides, loaded);
    for (const w of warnings) warnLine(place(w) ?? file, w, lang);
    // Texts holding control or bidirectional characters (a government's or service's name), as a city file's are told.
    const { textWarnings } = await import('../model/warnings.js');
    for (const w of textWarnings(scenario, warningText)) sayLine(`⚠ ${file}: ${w}`);
    return;
  }
  await validateCityFile(file, overrides, parsed, warningText, lang);
}

/**
 * `validateFile` for a file that is not a national scenario (no `governments`);
 * `parsed`: what the national sniff parsed of it (store/national-sniff.ts), not parsed again;
 * `warningText`: how the warnings are worded (default English).
 */
export async function validateCityFile(file: string, overrides: Record<string, unknown> = {}, parsed?: ParsedText, warningText?: WarningText, lang?: TerminalLang): Promise<void> {
  // One scenario, validated once: zod's compiled fast path (a function it
  // builds with new Function for each object schema on its first parse)
  // costs more to build than it saves here; zod's plain path gives the same
  // issues and data. Set before the schema module loads: each schema reads
  // the setting when it is built. Not for a national file, whose governments
  // are all validated by the same schemas.
  (await import('zod')).config({ jitless: true });
  const { commandLineWarningPlace, readScenarioFile } = await import('../store/scenario-file.js');
  const { compile } = await import('../model/compile.js');
  const { scenarioWarnings, textWarnings } = await import('../model/warnings.js');
  const { leverWarnings } = await import('../scenario/levers.js');
  const source = readScenarioFile(file, overrides, parsed, { commandLine: true });
  const { scenario, hash } = source;
  const model = compile(scenario);
  const { months, start, replications, seed } = scenario;
  const counted = { agencies: model.opds.length, innovations: model.innovations.length, months, start, replications, seed };
  process.stdout.write(summaryLine({ file, national: false, name: scenario.name, ...counted, hash, applied: Object.keys(overrides) }, lang));
  // A warning only a --set gives names it, not the file, as `difusi run` does (jobs/run.ts sayWarnings).
  const warningsOf = (s: typeof scenario, m?: typeof model) => [...scenarioWarnings(s, m, undefined, warningText), ...leverWarnings(s, warningText), ...textWarnings(s, warningText)];
  const place = commandLineWarningPlace(source, overrides, file, (s) => warningsOf(s));
  for (const w of warningsOf(scenario, model)) warnLine(place(w) ?? file, w, lang);
}

export const schemaCommand: CommandModule<object, { national: boolean }> = {
  command: 'schema',
  describe: 'Print the scenario JSON Schema',
  builder: (y: Argv<object>) =>
    y.option('national', { type: 'boolean', default: false, describe: 'the national scenario schema (docs/NATIONAL.md)' }) as unknown as Argv<{ national: boolean }>,
  handler: async (args) => {
    const schema = args.national
      ? (await import('../scenario/national-schema.js')).toNationalJsonSchema()
      : (await import('../scenario/schema.js')).toJsonSchema();
    process.stdout.write(JSON.stringify(schema, null, 2) + '\n');
  },
};
