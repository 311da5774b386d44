/** `difusi validate <file>` and `difusi schema`. */
import type { Argv, CommandModule } from 'yargs';
import { commonRunOptions, overridesFrom, wholeNumberOption, type WholeNumberArg } from './options.js';
import { sayLine, oneLine } from './errors.js';
import type { ParsedText } from '../scenario/parse.js';
import { count } from '../messages/count.js';
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
      .option('lang', { ...commonRunOptions.lang, describe: 'language of the problems (✗ lines) and warnings (⚠ lines): en (English) or id (Bahasa Indonesia); the summary stays English' }) as unknown as Argv<ValidateArgs>,
  handler: async (args) => validateFile(args.file, overridesFrom({ ...(args.seed !== undefined && { seed: args.seed }), ...(args.set !== undefined && { set: args.set }) }), (await warningTextFor(args.lang)).warningText),
};

/**
 * `difusi validate <file> [--seed N] [--set path=value ...]`: a one-line
 * summary on stdout (warnings on stderr, worded by `warningText`: English by
 * default, Bahasa Indonesia under --lang id), or a UserError. Overrides are
 * applied before validation exactly as `difusi run` and `difusi national`
 * apply them (scenario/overrides.ts), so a problem an override causes is
 * labelled `override <path>`. cli/program.ts calls it without yargs for a
 * plain `difusi validate <file>` command line.
 */
export async function validateFile(file: string, overrides: Record<string, unknown> = {}, warningText?: WarningText): Promise<void> {
  const { sniffScenarioFile } = await import('../store/national-sniff.js');
  // Said after the summary, so the line as before stays a prefix of it.
  const applied = Object.keys(overrides).length === 0 ? '' : ` with ${Object.keys(overrides).join(', ')} overridden`;
  // The file is parsed once: what the sniff parsed to tell national from city goes to the reader.
  const { national, parsed } = sniffScenarioFile(file);
  if (national) {
    // A national scenario (docs/NATIONAL.md): every government is checked as a city scenario.
    const { loadNational, nationalWarningPlace } = await import('../jobs/national.js');
    const loaded = loadNational(file, overrides, { warnings: true, ...(warningText !== undefined && { warningText }), ...(parsed !== undefined && { parsed }) });
    const { scenario, hash, model, warnings } = loaded;
    const agencies = model.governments.reduce((a, g) => a + g.model.opds.length, 0);
    process.stdout.write(
      `✓ ${oneLine(file)}: national scenario "${scenario.name}", ${count(model.governments.length, 'government')}, ${count(agencies, 'OPD')}, ` +
        `${count(model.services.length, 'national innovation')}, ${count(scenario.months, 'month')} from ${scenario.start}, ${count(scenario.replications, 'replication')}, seed ${scenario.seed} (hash ${hash.slice(0, 12)})${applied}\n`,
    );
    // The city warnings of each government, and the national file's own (jobs/national-warnings.ts).
    // One only a --set gives names it, not the file (nationalWarningPlace), which takes the file as read here.
    const place = nationalWarningPlace(file, overrides, loaded);
    for (const w of warnings) sayLine(`⚠ ${place(w) ?? file}: ${w}`);
    // Texts holding control or bidirectional characters (a government's or service's name), as a city file's are told.
    const { textWarnings } = await import('../model/warnings.js');
    for (const w of textWarnings(scenario, warningText)) sayLine(`⚠ ${file}: ${w}`);
    return;
  }
  await validateCityFile(file, overrides, parsed, warningText);
}

/**
 * `validateFile` for a file that is not a national scenario (no `governments`);
 * `parsed`: what the national sniff parsed of it (store/national-sniff.ts), not parsed again;
 * `warningText`: how the warnings are worded (default English).
 */
export async function validateCityFile(file: string, overrides: Record<string, unknown> = {}, parsed?: ParsedText, warningText?: WarningText): Promise<void> {
  // Said after the summary, so the line as before stays a prefix of it.
  const applied = Object.keys(overrides).length === 0 ? '' : ` with ${Object.keys(overrides).join(', ')} overridden`;
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
  process.stdout.write(
    `✓ ${oneLine(file)}: scenario "${scenario.name}", ${count(model.opds.length, 'OPD')}, ${count(model.innovations.length, 'innovation')}, ` +
      `${count(scenario.months, 'month')} from ${scenario.start}, ${count(scenario.replications, 'replication')}, seed ${scenario.seed} (hash ${hash.slice(0, 12)})${applied}\n`,
  );
  // A warning only a --set gives names it, not the file, as `difusi run` does (jobs/run.ts sayWarnings).
  const warningsOf = (s: typeof scenario, m?: typeof model) => [...scenarioWarnings(s, m, undefined, warningText), ...leverWarnings(s, warningText), ...textWarnings(s, warningText)];
  const place = commandLineWarningPlace(source, overrides, file, (s) => warningsOf(s));
  for (const w of warningsOf(scenario, model)) sayLine(`⚠ ${place(w) ?? file}: ${w}`);
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
