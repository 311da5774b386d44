/**
 * `explore --port`: a value that is not a port is refused in one line
 * (exit 2) before the explorer is written, and a port in use is one line
 * naming it (exit 2), with nothing written: both used to write the page,
 * then crash as an internal error (exit 1, a stack trace).
 *
 * Each command line runs in the test's own process (runInProcess,
 * tests/support/in-process.ts): the tests read its refusal and that nothing
 * is written; the port in use is held by this process's own server.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/catalog.js';
import { cliTestFolder, refusedInOneLine } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-explore-port-');

let busy: Server;
let port = 0;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const address = busy.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});
afterAll(() => busy.close());

describe('explore --port', () => {
  it.each([
    ['-1', '-1'],
    ['abc', 'not a number'],
    ['99999', '99999'],
    ['1.5', '1.5'],
  ])('--port %s: refused before anything is written', async (value, found) => {
    const out = join(folder(), `bad-${value}`);
    const r = await runInProcess(['explore', '--serve', '--no-open', '--port', value, '--out', out]);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${MESSAGES.invalid_option('--port')} (expected a whole number from 0 to 65535 (0: any free port), found ${found})`);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('a port in use: one line naming it, nothing written', async () => {
    const out = join(folder(), 'busy');
    const r = await runInProcess(['explore', '--serve', '--no-open', '--port', String(port), '--out', out]);
    expect(refusedInOneLine(r)).toBe(`✗ command line: ${MESSAGES.port_unavailable(`127.0.0.1:${port}`, 'the port is in use (EADDRINUSE)')}`);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
