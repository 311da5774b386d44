/**
 * `explore --port N` without `--serve`: refused in one line naming the
 * option (exit 2), with nothing written. It used to be accepted and
 * silently ignored: the page was written, and never served on the port the
 * user asked for.
 *
 * The command runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the test reads its refusal and that nothing
 * is written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { exploreCommand, servePort } from '../../src/cli/explore.js';
import { checkCommandLine, type DeclaredOptions } from '../../src/cli/options.js';
import { userError } from '../support/errors.js';
import { cliTestFolder, refusedInOneLine } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-explore-port-serve-');

const NEEDS_SERVE = MESSAGES.option_needs('--port', '--serve', 'without --serve the page is only written, never served');

/** The port explore's handler would serve on for `words` (parsed as cli/program.ts parses them), or the error it throws. */
async function port(words: string[]): Promise<number | undefined> {
  let args: Record<string, unknown> | undefined;
  await yargs(['explore', ...words])
    .command({ ...exploreCommand, handler: (a: Record<string, unknown>) => void (args = a) })
    .check((argv, options) => {
      checkCommandLine(['explore', ...words], argv, options as unknown as DeclaredOptions);
      return true;
    })
    .strict()
    .fail((message, error) => {
      throw error ?? new Error(message);
    })
    .parseAsync();
  return servePort(args as { serve: boolean; port?: number });
}

describe('explore --port without --serve', () => {
  it.each([[['--port', '8080']], [['--port', '0']], [['--port=8080', '--no-open']], [['--no-serve', '--port', '8080']]])('%j: refused, naming --port and --serve', async (words) => {
    const error = await port(words).then(
      () => undefined,
      (e: unknown) => e,
    );
    const issue = userError(() => {
      throw error;
    }).issues[0]!;
    expect(issue.file).toBe('command line');
    expect(issue.message).toBe(NEEDS_SERVE);
  });

  it('(control) --serve with or without --port, and neither, are accepted', async () => {
    expect(await port([])).toBeUndefined();
    expect(await port(['--serve'])).toBe(0);
    expect(await port(['--serve', '--port', '8080'])).toBe(8080);
  });

  it('the command: one line, exit 2, nothing written', async () => {
    const out = join(folder(), 'no-serve');
    const r = await runInProcess(['explore', '--no-open', '--port', '8080', '--out', out]);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${NEEDS_SERVE}`);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
