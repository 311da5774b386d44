/**
 * The explorer's files: the bundled page template (dist/explorer/index.html,
 * built by scripts/build-explorer.mjs), the shipped scenarios it embeds, the
 * written explorer file, and the small local server of `--serve`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { packageRoot } from './version.js';
import { UserError } from '../messages/catalog.js';
import { readInfo } from './scenario-file.js';
import { writeWholeFile } from './durable.js';

export interface EmbeddedScenario {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  /** Its Info page (the Markdown file beside it, `<name>.md`), when it has one. */
  readonly info?: string;
  /** Its Indonesian Info page (`<name>.id.md`), when it has one. */
  readonly info_id?: string;
}

/**
 * A scenario's Info pages (English and Indonesian, read as `difusi run` reads
 * them: store/scenario-file.ts readInfo, '' when absent) as the fields of its
 * embedded entry: only those it has, so a scenario without one adds nothing to the page.
 */
export function infoPages(info: string, infoId: string): Pick<EmbeddedScenario, 'info' | 'info_id'> {
  return { ...(info !== '' && { info }), ...(infoId !== '' && { info_id: infoId }) };
}

/** The bundled explorer page, or an Error naming the build step when it is missing. */
export function readExplorerTemplate(): string {
  const file = path.join(packageRoot(), 'dist', 'explorer', 'index.html');
  if (!existsSync(file)) throw new Error(`the explorer is not built (${file} is missing): run npm run build`);
  return readFileSync(file, 'utf8');
}

/** The scenarios shipped in scenarios/ (not the validation ones), by file name, each with its Info pages. */
export function shippedScenarios(): EmbeddedScenario[] {
  const dir = path.join(packageRoot(), 'scenarios');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.ya?ml$/, ''), file: `scenarios/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }))
    // A national scenario (docs/NATIONAL.md) runs with `difusi national`, not in the explorer.
    .filter((s) => !/^governments:/m.test(s.text))
    .map((s) => {
      const file = path.join(dir, path.basename(s.file));
      return { ...s, ...infoPages(readInfo(file), readInfo(file, 'id')) };
    });
}

/**
 * Writes the explorer page to `<outDir>/<name>` (whole or not at all: a
 * failed write, a full disk or a folder in the way, leaves no temporary
 * file, and the message names the page); returns its absolute path.
 */
export function writeExplorerFile(outDir: string, name: string, html: string): string {
  const file = path.resolve(outDir, name);
  writeWholeFile(file, html);
  return file;
}

/**
 * Serves one page at http://127.0.0.1:<port>/ (loopback only); everything
 * else is 404, and a request whose Host header does not name the loopback
 * address and port (loopbackHost) is 403. `page` is the page, or a function
 * giving it at each request (so the port can be taken before the page is
 * written). A port in use or
 * not allowed (below 1024 without the right) is a user error naming it.
 */
export function servePage(page: string | (() => string), port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    // Only a request that names the loopback address it came to: a web page whose own name was made to
    // point at 127.0.0.1 (DNS rebinding) sends its own name as Host and must not read the page.
    const address = server.address();
    if (!loopbackHost(req.headers.host, typeof address === 'object' && address !== null ? address.port : port)) {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end('forbidden: this server answers only http://127.0.0.1, http://localhost or http://[::1] at its port\n');
      return;
    }
    if (req.method === 'GET' && (req.url === '/' || req.url === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(typeof page === 'string' ? page : page());
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = PORT_REFUSED[String(error.code)];
      reject(reason === undefined ? error : UserError.of('port_unavailable', [`127.0.0.1:${port}`, `${reason} (${error.code})`], { file: 'command line' }));
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

/**
 * Whether a request's Host header names the loopback server at `port`:
 * 127.0.0.1, localhost or [::1] (any case), with the port (without it only
 * for port 80, where browsers leave it out). A missing Host, or any other
 * name, is not.
 */
export function loopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const m = /^(127\.0\.0\.1|localhost|\[::1\])(?::(\d+))?$/i.exec(host);
  if (m === null) return false;
  return m[2] === undefined ? port === 80 : Number(m[2]) === port;
}

/** Why the system would not let the server listen, for the errors the user can act on. */
const PORT_REFUSED: Record<string, string> = {
  EADDRINUSE: 'the port is in use',
  EACCES: 'the port needs more rights than this user has',
  EADDRNOTAVAIL: 'the loopback address is not available',
};
