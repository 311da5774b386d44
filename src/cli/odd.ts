/** `difusi odd <scenario> [--out FILE]`: the scenario's ODD protocol as Markdown. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { packageRoot, toolVersion } from '../store/version.js';

interface OddArgs {
  scenario: string;
  out?: string;
}

export const oddCommand: CommandModule<object, OddArgs> = {
  command: 'odd <scenario>',
  describe: "Write the scenario's ODD protocol (Markdown): purpose, entities with their counts, schedule, submodels, parameters",
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('out', { type: 'string', describe: 'write to this file instead of stdout' }) as unknown as Argv<OddArgs>,
  handler: async (args) => {
    const { refuseNationalScenario } = await import('./national-hint.js');
    refuseNationalScenario(args.scenario, 'odd');
    const { oddProtocol } = await import('../odd/protocol.js');
    const { readScenarioFile } = await import('../store/scenario-file.js');
    const { scenario, hash } = readScenarioFile(args.scenario);
    const modelDoc = join(packageRoot(), 'docs', 'MODEL.md');
    // Links work from where the protocol is read: relative to the output file, or to the current folder.
    const from = args.out !== undefined ? dirname(resolve(args.out)) : process.cwd();
    const text = oddProtocol(scenario, {
      modelDoc: relative(from, modelDoc).split('\\').join('/'),
      file: args.scenario,
      hash,
      version: toolVersion(),
    });
    if (args.out === undefined) {
      process.stdout.write(text);
      return;
    }
    // Whole file or nothing: write beside it, then rename.
    const target = resolve(args.out);
    mkdirSync(dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, target);
    process.stderr.write(`✓ ODD protocol written to ${args.out}\n`);
  },
};
