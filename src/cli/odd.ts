/** `difusi odd <scenario> [--out FILE]`: the scenario's ODD protocol as Markdown. */
import { basename } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { toolVersion } from '../store/version.js';
import { sayLine } from './errors.js';

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
    // Where the protocol goes, before any work: a folder, a device, the scenario itself, a read-only place: one line, exit 2.
    if (args.out !== undefined) {
      const { infoPagePath } = await import('../store/scenario-file.js');
      (await import('../store/out-root.js')).checkOutFile(args.out, [
        { path: args.scenario, what: 'the scenario file' },
        { path: infoPagePath(args.scenario), what: "the scenario's Info page" },
      ]);
    }
    const { oddProtocol } = await import('../odd/protocol.js');
    const { readScenarioFile } = await import('../store/scenario-file.js');
    const { scenario, hash } = readScenarioFile(args.scenario);
    // No path of this machine goes in (the protocol is pasted into papers): the file by
    // its name, tied to its content by the hash; docs/MODEL.md as plain text (odd/protocol.ts).
    const text = oddProtocol(scenario, {
      file: basename(args.scenario),
      hash,
      version: toolVersion(),
    });
    if (args.out === undefined) {
      process.stdout.write(text);
      return;
    }
    // Whole file or nothing (the durable module loaded only when a file is written).
    (await import('../store/durable.js')).writeWholeFile(args.out, text);
    sayLine(`✓ ODD protocol written to ${args.out}`);
  },
};
