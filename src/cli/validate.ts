/** `difusi validate <file>` and `difusi schema`. */
import type { Argv, CommandModule } from 'yargs';
import { toJsonSchema } from '../scenario/schema.js';

export const validateCommand: CommandModule<object, { file: string }> = {
  command: 'validate <file>',
  describe: 'Check a scenario file; print a one-line summary or the errors',
  builder: (y: Argv<object>) =>
    y.positional('file', { type: 'string', demandOption: true, describe: 'scenario file' }) as unknown as Argv<{ file: string }>,
  handler: async (args) => {
    const { readScenarioFile } = await import('../store/scenario-file.js');
    const { compile } = await import('../model/compile.js');
    const { scenarioWarnings } = await import('../model/warnings.js');
    const { scenario, hash } = readScenarioFile(args.file);
    const model = compile(scenario);
    process.stdout.write(
      `✓ ${args.file}: scenario "${scenario.name}", ${model.opds.length} OPDs, ${model.innovations.length} innovations, ` +
        `${scenario.months} months from ${scenario.start}, ${scenario.replications} replications, seed ${scenario.seed} (hash ${hash.slice(0, 12)})\n`,
    );
    for (const w of scenarioWarnings(scenario, model)) process.stderr.write(`⚠ ${args.file}: ${w}\n`);
  },
};

export const schemaCommand: CommandModule = {
  command: 'schema',
  describe: 'Print the scenario JSON Schema',
  handler: () => {
    process.stdout.write(JSON.stringify(toJsonSchema(), null, 2) + '\n');
  },
};
