#!/usr/bin/env node
/**
 * Bundles the browser explorer (src/explorer) into one self-contained HTML
 * template, dist/explorer/index.html: the worker bundle is inlined as a
 * string (started from a blob: URL, so file:// works), the page bundle and
 * the stylesheet inline. `difusi explore` fills in the scenarios.
 *
 * Run by `npm run build` after tsc. Prints the sizes.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src', 'explorer');
const out = join(root, 'dist', 'explorer');

/**
 * zod's namespace object re-exports every message locale (about 40 languages,
 * ~300 KiB minified); difusi uses its own message catalog and zod's English
 * default (set by zod itself from locales/en.js), so the locale index is
 * replaced by one that offers English only.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
    }));
  },
};

const common = { plugins: [zodEnglishOnly], bundle: true, write: false, platform: 'browser', format: 'iife', minify: true, target: 'chrome110', legalComments: 'none', logLevel: 'warning' };
const worker = await build({ ...common, entryPoints: [join(src, 'worker.ts')] });
const workerCode = worker.outputFiles[0].text;
const app = await build({ ...common, entryPoints: [join(src, 'app.ts')], define: { __WORKER_CODE__: JSON.stringify(workerCode) } });
// The bundle sits inside <script>: no "</script" may close it early.
const appCode = app.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
const style = readFileSync(join(src, 'style.css'), 'utf8');
const shell = readFileSync(join(src, 'shell.html'), 'utf8');
const html = shell
  .replace('/*STYLE*/', () => style)
  .replace('/*APP*/', () => appCode);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.html'), html);
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.error(`explorer: dist/explorer/index.html ${kb(Buffer.byteLength(html))} (page ${kb(Buffer.byteLength(appCode) - Buffer.byteLength(JSON.stringify(workerCode)))}, worker ${kb(Buffer.byteLength(workerCode))})`);
