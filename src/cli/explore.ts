/** `difusi explore [scenario]`: write the browser explorer and print its path (or serve it on 127.0.0.1). */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UserError } from '../messages/catalog.js';
import { checkNumber, wholeFrom, wholeNumberOption, type WholeNumberArg } from './options.js';

interface ExploreArgs {
  scenario?: string;
  out: string;
  serve: boolean;
  /** Not given: any free port (0); given without --serve: refused (exploreOptions). */
  port?: WholeNumberArg;
  open: boolean;
}

/** Tries to open a browser; never fails (no browser, no display: the path is printed anyway). */
function tryOpen(target: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return;
  try {
    const child = spawn(command, [target], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the printed path is enough.
  }
}

/** The largest TCP port. */
const MAX_PORT = 65535;

/** `--port`: a whole number from 0 (any free port) to 65535, checked before anything is written. */
export function portOption(port: WholeNumberArg): number {
  return checkNumber('--port', port, `a whole number from 0 to ${MAX_PORT} (0: any free port)`, wholeFrom(0, MAX_PORT));
}

/**
 * `--serve` and `--port`: the port to serve on (0: any free one), or none.
 * `--port` without `--serve` is refused in one line: the page would only be
 * written, and the port the user asked for silently ignored.
 */
export function servePort(args: { serve: boolean; port?: WholeNumberArg | undefined }): number | undefined {
  if (!args.serve) {
    if (args.port !== undefined) throw UserError.of('option_needs', ['--port', '--serve', 'without --serve the page is only written, never served'], { file: 'command line' });
    return undefined;
  }
  return portOption(args.port ?? 0);
}

export const exploreCommand: CommandModule<object, ExploreArgs> = {
  command: 'explore [scenario]',
  describe: 'Write the browser explorer (one HTML file, works offline) and print its path',
  builder: (y: Argv<object>) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario file to open first (the shipped scenarios are always included)' })
      .option('out', { type: 'string', default: 'output', describe: 'folder for difusi-explorer.html' })
      .option('serve', { type: 'boolean', default: false, describe: 'also serve it on http://127.0.0.1 (loopback only) until interrupted' })
      .option('port', wholeNumberOption({ describe: 'port for --serve (0, the default: any free port); only with --serve' }))
      .option('open', { type: 'boolean', default: true, describe: 'open it in a browser when one is available (--no-open: only print the path)' }) as unknown as Argv<ExploreArgs>,
  handler: async (args: ArgumentsCamelCase<ExploreArgs>) => {
    const port = servePort(args);
    const { refuseNationalScenario } = await import('./national-hint.js');
    if (args.scenario !== undefined) refuseNationalScenario(args.scenario, 'explore');
    (await import('../store/out-root.js')).checkOutRoot(args.out);
    const { writeExplorer } = await import('../jobs/explore.js');
    const { servePage } = await import('../store/explorer-write.js');
    // The port is taken before the page is written: a port in use is one line, with nothing written.
    let html = '';
    const served = port !== undefined ? await servePage(() => html, port) : undefined;
    const written = writeExplorer({ ...(args.scenario !== undefined && { scenario: args.scenario }), outDir: args.out });
    html = written.html;
    const file = written.file;
    process.stdout.write(`explorer: ${file}\n`);
    if (served === undefined) {
      if (args.open && process.stdout.isTTY) tryOpen(pathToFileURL(file).href);
      return;
    }
    const { url } = served;
    process.stdout.write(`serving on ${url} (Ctrl-C to stop)\n`);
    if (args.open && process.stdout.isTTY) tryOpen(url);
    await new Promise<void>(() => undefined);
  },
};
