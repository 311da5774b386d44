// Preloaded (`node --import`) into a command line a test starts: when the
// process exits, writes `LOADED <url>` on stderr, one line each, for every
// module file V8 compiled (ES modules by file: URL, CommonJS ones by path),
// so a test can tell which files a command line loaded. It listens to V8's
// own list of compiled scripts (the inspector's Debugger.scriptParsed, in
// this thread) instead of registering module hooks, which start a thread of
// their own in every process and cost about a third of a small command's
// start-up. Only the test's process is changed; the program is the built one.
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
const loaded = [];
session.on('Debugger.scriptParsed', ({ params }) => {
  if (params.url.startsWith('file:') || params.url.startsWith('/')) loaded.push(params.url);
});
session.post('Debugger.enable');
process.on('exit', () => {
  if (loaded.length > 0) process.stderr.write(loaded.map((url) => `LOADED ${url}\n`).join(''));
});
