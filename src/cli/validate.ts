/** `difusi validate <file>` and `difusi schema`. */
import type { Argv, CommandModule } from 'yargs';

export const validateCommand: CommandModule<object, { file: string }> = {
  command: 'validate <file>',
  describe: 'Check a scenario file; print a one-line summary or the errors',
  builder: (y: Argv<object>) =>
    y.positional('file', { type: 'string', demandOption: true, describe: 'scenario file' }) as unknown as Argv<{ file: string }>,
  handler: (args) => validateFile(args.file),
};

/**
 * `difusi validate <file>`: a one-line summary on stdout (warnings on
 * stderr), or a UserError. cli/main.ts calls it without yargs for a plain
 * `difusi validate <file>` command line.
 */
export async function validateFile(file: string): Promise<void> {
  const { isNationalFile } = await import('../store/national-sniff.js');
  if (isNationalFile(file)) {
    // A national scenario (docs/NATIONAL.md): every government is checked as a city scenario.
    const { loadNational } = await import('../jobs/national.js');
    const { scenario, hash, model } = loadNational(file);
    const agencies = model.governments.reduce((a, g) => a + g.model.opds.length, 0);
    process.stdout.write(
      `✓ ${file}: national scenario "${scenario.name}", ${model.governments.length} governments, ${agencies} OPDs, ` +
        `${model.services.length} national innovations, ${scenario.months} months from ${scenario.start}, ${scenario.replications} replications, seed ${scenario.seed} (hash ${hash.slice(0, 12)})\n`,
    );
    return;
  }
  const { readScenarioFile } = await import('../store/scenario-file.js');
  const { compile } = await import('../model/compile.js');
  const { scenarioWarnings } = await import('../model/warnings.js');
  const { scenario, hash } = readScenarioFile(file);
  const model = compile(scenario);
  process.stdout.write(
    `✓ ${file}: scenario "${scenario.name}", ${model.opds.length} OPDs, ${model.innovations.length} innovations, ` +
      `${scenario.months} months from ${scenario.start}, ${scenario.replications} replications, seed ${scenario.seed} (hash ${hash.slice(0, 12)})\n`,
  );
  for (const w of scenarioWarnings(scenario, model)) process.stderr.write(`⚠ ${file}: ${w}\n`);
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
