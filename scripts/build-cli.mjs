#!/usr/bin/env node
/**
 * Bundles the command line (the compiled dist/src/cli/main.js and what it
 * imports) into dist/cli/: difusi.js and chunks beside it, so that `difusi`
 * (bin/difusi.mjs) starts without finding and reading two hundred module
 * files (zod's, yaml's, yargs's and difusi's own).
 * Each command's lazy `import()` stays a lazy chunk: `difusi validate` still
 * loads only what validating needs (tests/cli/lazy-load.test.ts).
 * A plain `difusi validate <file>` has a bundle of its own besides,
 * difusi-validate.js (src/cli/validate-start.ts, no chunks: fewer files to
 * find and link), which bin/difusi.mjs tries first for that command line.
 *
 * The input is tsc's output, not the TypeScript sources, so the bundle runs
 * the very JavaScript that `node dist/src/cli/main.js` runs; only how the
 * modules are found and linked differs. Run by `npm run build` after tsc.
 *
 * Only the packages start-up needs are bundled (BUNDLED, with whatever they
 * import); every other package stays an ordinary import, found in
 * node_modules at run time as before (piscina starts its own worker file,
 * @resvg/resvg-js is native code).
 * vega and vega-lite are bundled too, with the fifty-odd vega-* and d3-*
 * packages they import: only the commands that draw charts load them
 * (report/render.js imports them, in a lazy chunk of its own), and loading
 * them as some 110 module files found and linked one by one costs about
 * half as much CPU again as one chunk (docs/PERFORMANCE.md). vega-canvas's optional
 * `import('canvas')` stays an import from node_modules, as unbundled.
 * Start-up of every command that runs or reads results includes the t
 * quantile (@stdlib, some 410 CommonJS files found and compiled one by one:
 * about a third of a refused `difusi run`'s time) and csv-stringify /
 * csv-parse (8 and 11 files): bundled too.
 *
 * zod and yaml (NAMELESS) are bundled first, apart, each into its own file
 * (package-zod.js, package-yaml.js), without esbuild's keepNames: keepNames
 * wraps every named function in a call that sets its name when the function
 * is created, and these two create closures by the thousand (each zod schema
 * and each YAML node has its own), which cost `difusi validate` about a
 * tenth of its start-up (docs/PERFORMANCE.md). Nothing reads the names of
 * their functions (zod names its classes itself; neither prints a stack).
 * difusi's own code and the other packages keep their names.
 *
 * `import.meta.url` in a bundled module is replaced by the URL the module
 * has when it is not bundled, so that what is found beside a module (worker
 * files in dist/src/experiment, package.json, yargs's message translations)
 * is found as before.
 *
 * Writes dist/cli/chunks.json (which modules each output file holds, for
 * the lazy-load test) and dist/cli/build-stamp.json (the sources it was
 * built from: scripts/build-stamp.mjs refuses a stale bundle).
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleStampFile, sourceHash } from './build-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli');
const entry = join(root, 'dist', 'src', 'cli', 'main.js');

/** Packages bundled (those `--help` and `validate` load, and the chart renderer's); the rest load from node_modules. */
const BUNDLED = new Set(['yargs', 'zod', 'yaml', 'safe-stable-stringify', 'seedrandom', 'cli-progress', '@stdlib/stats-base-dists-t-quantile', 'csv-stringify', 'csv-parse', 'vega', 'vega-lite']);
/** Bundled packages bundled apart without keepNames, each as dist/cli/package-<name>.js. */
const NAMELESS = ['zod', 'yaml'];

const posix = (p) => p.split(sep).join('/');
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const NODE_MODULES = `${sep}node_modules${sep}`;

/**
 * A bare import from difusi's own code: bundled for BUNDLED, else left to
 * Node; a NAMELESS package is imported from its own file. Imports inside a
 * bundled package are bundled.
 */
const choosePackages = {
  name: 'choose-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      if (args.importer.includes(NODE_MODULES) || args.namespace === PACKAGE) return undefined;
      if (NAMELESS.includes(args.path)) return { path: `./package-${args.path}.js`, external: true };
      if (NAMELESS.includes(packageName(args.path))) throw new Error(`${args.importer} imports ${args.path}: only ${NAMELESS.join(', ')} themselves are bundled apart`);
      return BUNDLED.has(packageName(args.path)) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * The entry of package-<name>.js: every export of the package. yaml is
 * CommonJS, whose exports esbuild cannot list from `export *`: they are
 * listed here, from the package as Node loads it.
 */
const PACKAGE = 'difusi-package';
const requireHere = createRequire(import.meta.url);
const packageEntries = {
  name: 'package-entries',
  setup(b) {
    b.onResolve({ filter: /^difusi-package:/ }, (args) => ({ path: args.path.slice(PACKAGE.length + 1), namespace: PACKAGE }));
    b.onLoad({ filter: /.*/, namespace: PACKAGE }, (args) => {
      const names = Object.keys(requireHere(args.path)).filter((n) => n !== 'default' && n !== '__esModule');
      return { contents: `export { ${names.join(', ')} } from ${JSON.stringify(args.path)};`, resolveDir: root, loader: 'js' };
    });
  },
};

/**
 * zod's namespace re-exports some forty message locales; difusi uses its own
 * message catalog and zod's English default (which zod sets from
 * locales/en.js itself), never another locale: English only, as in the
 * explorer bundle (scripts/build-explorer.mjs).
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js' }));
  },
};

/**
 * yaml's parser and composer read an environment variable (LOG_TOKENS,
 * LOG_STREAM: print every token, for yaml's own debugging) once per token,
 * and each read of process.env is a call into Node: about a third of the
 * time yaml takes to parse a scenario. Here each is read once, when the
 * module loads; yaml behaves the same unless the variable changes while
 * difusi runs (difusi never sets it). The build fails if yaml changes the
 * lines this edits (a new yaml version: check and update this plugin).
 */
const yamlEnvOnce = {
  name: 'yaml-env-once',
  setup(b) {
    b.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const reads = [...text.matchAll(/node_process\.env\.(LOG_[A-Z]+)/g)];
      const declaration = "var node_process = require('process');\n";
      if (reads.length !== 1 || !text.includes(declaration)) throw new Error(`${args.path}: not the yaml this build expects (one read of node_process.env.LOG_...); update yamlEnvOnce in scripts/build-cli.mjs`);
      const [read, name] = reads[0];
      const once = `${name}_AT_LOAD`;
      return { contents: text.replace(read, once).replace(declaration, `${declaration}var ${once} = node_process.env.${name};\n`), loader: 'js' };
    });
  },
};

/**
 * `import.meta.url` of a bundled module, as the URL of the file it was
 * bundled from: a module of dist/src relative to the bundle (they ship
 * together); a package's file from where Node resolves that package at run
 * time (an installed difusi may find it in another node_modules folder).
 */
const moduleUrls = {
  name: 'module-urls',
  setup(b) {
    const resolver = createRequire(join(out, 'difusi.js'));
    b.onLoad({ filter: /\.(m?js|cjs)$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      let url;
      const at = args.path.lastIndexOf(NODE_MODULES);
      if (at >= 0) {
        const inside = args.path.slice(at + NODE_MODULES.length);
        const name = packageName(posix(inside));
        const file = posix(inside).slice(name.length + 1);
        // The package must let its package.json be resolved (yargs does); fail the build, not the command, if not.
        resolver.resolve(`${name}/package.json`);
        url = `new URL(${JSON.stringify(file)}, import.meta.resolve(${JSON.stringify(`${name}/package.json`)})).href`;
      } else {
        url = `new URL(${JSON.stringify(posix(relative(out, args.path)))}, import.meta.url).href`;
      }
      return { contents: text.replaceAll('import.meta.url', url), loader: 'js' };
    });
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = {
  absWorkingDir: root,
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  // A bundled CommonJS package (yaml) that requires a Node module needs `require`, which ES modules lack.
  banner: { js: "import { createRequire as __difusiCreateRequire } from 'node:module'; const require = __difusiCreateRequire(import.meta.url);" },
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
};
const packages = await build({
  ...common,
  entryPoints: Object.fromEntries(NAMELESS.map((name) => [`package-${name}`, `${PACKAGE}:${name}`])),
  // Names are not kept (see NAMELESS at the top).
  keepNames: false,
  plugins: [packageEntries, zodEnglishOnly, yamlEnvOnce, moduleUrls],
});
const result = await build({
  ...common,
  entryPoints: { difusi: entry },
  // Function and class names as in the unbundled code (stack traces, messages that name a constructor).
  keepNames: true,
  plugins: [choosePackages, zodEnglishOnly, moduleUrls],
});
// A plain `difusi validate <file>` (cli/validate-start.ts): one file, no chunks.
const validateStart = await build({
  ...common,
  entryPoints: { 'difusi-validate': join(root, 'dist', 'src', 'cli', 'validate-start.js') },
  splitting: false,
  keepNames: true,
  plugins: [choosePackages, zodEnglishOnly, moduleUrls],
});
// It loads nothing but Node's modules and the packages bundled apart (not a chunk of the other build, nor a package from node_modules).
for (const output of Object.values(validateStart.metafile.outputs)) {
  const other = output.imports.filter((i) => i.external && !isBuiltin(i.path) && !/^\.\/package-[\w-]+\.js$/.test(i.path));
  if (other.length > 0) throw new Error(`dist/cli/difusi-validate.js imports ${other.map((i) => i.path).join(', ')}`);
}

// The worker module of replicate()'s threads (src/experiment/worker.ts) and
// what it imports, in one file, replicate-worker.js: a thread loads it
// faster than some thirty modules of difusi's and seedrandom's eight
// CommonJS files (docs/PERFORMANCE.md). replicate() takes it only while it
// is current (engine/worker-pool.ts `bundledWorkerFile`), else the module
// in dist/src. engine/batch.js stays the compiled module, imported from
// there: the thread's entry (engine/thread.js) hands the run's data to that
// module (`setThreadData`), and the task reads it from the same one.
const THREAD_SHARED = [join(root, 'dist', 'src', 'engine', 'batch.js')];
const threadShared = {
  name: 'thread-shared',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const file = join(args.resolveDir, args.path);
      return THREAD_SHARED.includes(file) ? { path: `./${posix(relative(out, file))}`, external: true } : undefined;
    });
  },
};
const replicateWorker = await build({
  ...common,
  entryPoints: { 'replicate-worker': join(root, 'dist', 'src', 'experiment', 'worker.js') },
  splitting: false,
  keepNames: true,
  plugins: [threadShared, choosePackages, zodEnglishOnly, moduleUrls],
});
// It loads nothing but Node's modules and the shared modules from dist/src.
for (const output of Object.values(replicateWorker.metafile.outputs)) {
  const shared = THREAD_SHARED.map((f) => `./${posix(relative(out, f))}`);
  const other = output.imports.filter((i) => i.external && !isBuiltin(i.path) && !shared.includes(i.path));
  if (other.length > 0) throw new Error(`dist/cli/replicate-worker.js imports ${other.map((i) => i.path).join(', ')}`);
}

// Which modules each output file holds, by path from the package root (a package's entry, which only re-exports, left out).
const chunks = {};
for (const [file, output] of [packages, result, validateStart, replicateWorker].flatMap((r) => Object.entries(r.metafile.outputs))) {
  const name = posix(relative(out, join(root, file)));
  if (Object.hasOwn(chunks, name)) throw new Error(`${name} was written twice`);
  chunks[name] = Object.keys(output.inputs)
    .filter((i) => !i.startsWith(`${PACKAGE}:`))
    .map((i) => posix(relative(root, join(root, i))).replace(/^(\.\.\/)+.*?node_modules\//, 'node_modules/'));
}
writeFileSync(join(out, 'chunks.json'), JSON.stringify(chunks, null, 1) + '\n');
writeFileSync(bundleStampFile(root), JSON.stringify({ sources: sourceHash(root) }, null, 2) + '\n');
const bytes = [packages, result, validateStart, replicateWorker].flatMap((r) => Object.values(r.metafile.outputs)).reduce((a, o) => a + o.bytes, 0);
console.error(`cli: dist/cli/difusi.js and ${Object.keys(chunks).length - 1} chunks, ${(bytes / 1024).toFixed(0)} KiB`);
