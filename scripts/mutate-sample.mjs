#!/usr/bin/env node
// Estimate the whole-tree mutation score of src/model and src/engine from a
// seeded simple random sample of mutants (`npm run mutate:sample`), because a
// full `npm run mutate` (about 4,800 mutants) takes hours on the shared
// two-core machine. Method and results: docs/TESTING.md.
//
//   npm run mutate:sample -- --seed 20261203 --n 100     # sample, run, report
//   npm run mutate:sample -- --seed 20261203 --n 100 --plan-only
//   npm run mutate:sample -- --seed 20261203 --n 100 --analyse-only
//   npm run mutate:sample -- --seed 20261203 --n 100 --recheck-timeouts
//     (runs the sample's timed-out mutants again with a longer timeout,
//     --timeout-ms 60000 --timeout-factor 4 by default, and reports both)
//   (--fraction 0.02 instead of --n; --concurrency 2 by default)
//
// How it works:
// 1. Every mutant Stryker would make is listed with Stryker's own instrumenter
//    (same files as stryker.config.mjs `mutate`, same mutator options), with no
//    test run: a few seconds. A mutant is named by file, position, mutator and
//    replacement, not by Stryker's running number.
// 2. A simple random sample of n mutants without replacement is drawn with a
//    seeded generator (partial Fisher-Yates over the sorted list), so the same
//    seed and n give the same sample on any machine with the same sources.
// 3. Stryker runs the whole-tree config with one extra "checker" plugin (the
//    `strykerPlugins` export of this file): it passes the sampled mutants on to
//    the tests and marks every other mutant as not tested (Stryker files them
//    under "CompileError" with the reason "not in the sample", which keeps them
//    out of its score). So Stryker's own score is the sample's score.
// 4. The sample's statuses are read back from the JSON report by name; the
//    script checks that Stryker made exactly the listed mutants and that every
//    sampled one was tested, then reports the estimate with a 95 % interval:
//    Wilson with the finite-population correction, and the exact
//    (hypergeometric) interval as a check. Timed-out mutants count as killed
//    (Stryker's convention) and are reported separately; mutants without
//    coverage count as survived.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'reports', 'mutation-sample');
const SAMPLE_ENV = 'DIFUSI_MUTATE_SAMPLE';

/** A mutant's name, independent of Stryker's running number (0-based lines as in Stryker's API). */
export function mutantKey(fileName, m) {
  const file = relativeSource(fileName);
  const { start, end } = m.location;
  return `${file}:${start.line}:${start.column}-${end.line}:${end.column} ${m.mutatorName} ${m.replacement}`;
}

// Stryker hands the checker and the report absolute or sandbox paths; the part
// from the last `src/` on names the file in every case.
function relativeSource(fileName) {
  const p = fileName.split(path.sep).join('/');
  const i = p.lastIndexOf('/src/');
  return i >= 0 ? p.slice(i + 1) : p;
}

// ---------------------------------------------------------------------------
// The Stryker checker plugin: lets through only the sampled mutants.
class SampleChecker {
  keys = new Set();
  async init() {
    const file = process.env[SAMPLE_ENV];
    if (!file) throw new Error(`${SAMPLE_ENV} is not set: run this through scripts/mutate-sample.mjs`);
    this.keys = new Set(JSON.parse(fs.readFileSync(file, 'utf8')).sample.map((s) => s.key));
  }
  async check(mutants) {
    const out = {};
    for (const m of mutants) {
      out[m.id] = this.keys.has(mutantKey(m.fileName, m))
        ? { status: 'passed' }
        : { status: 'compileError', reason: 'not in the sample (scripts/mutate-sample.mjs)' };
    }
    return out;
  }
  // One group for all: the check is a set lookup.
  async group(mutants) {
    return [mutants.map((m) => m.id)];
  }
}
export const strykerPlugins = [declareClassPlugin(PluginKind.Checker, 'sample', SampleChecker)];

// ---------------------------------------------------------------------------
// Listing, sampling, running, reporting.

function parseArgs(argv) {
  const a = { seed: 20261203, n: undefined, fraction: undefined, concurrency: 2, planOnly: false, analyseOnly: false, recheckTimeouts: false, timeoutMS: undefined, timeoutFactor: undefined };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => {
      const x = argv[++i];
      if (x === undefined) fail(`${k} needs a value`);
      return x;
    };
    if (k === '--seed') a.seed = int(v(), k);
    else if (k === '--n') a.n = int(v(), k);
    else if (k === '--fraction') a.fraction = Number(v());
    else if (k === '--concurrency') a.concurrency = int(v(), k);
    else if (k === '--plan-only') a.planOnly = true;
    else if (k === '--analyse-only') a.analyseOnly = true;
    else if (k === '--recheck-timeouts') a.recheckTimeouts = true;
    else if (k === '--timeout-ms') a.timeoutMS = int(v(), k);
    else if (k === '--timeout-factor') a.timeoutFactor = Number(v());
    else fail(`unknown option ${k} (options: --seed, --n, --fraction, --concurrency, --plan-only, --analyse-only, --recheck-timeouts, --timeout-ms, --timeout-factor)`);
  }
  if (a.n === undefined && a.fraction === undefined) fail('give the sample size: --n <count> or --fraction <0..1>');
  if (a.timeoutFactor !== undefined && !(a.timeoutFactor > 0)) fail('--timeout-factor must be a positive number');
  if (a.recheckTimeouts) {
    a.timeoutMS ??= 60000;
    a.timeoutFactor ??= 4;
  }
  if (a.fraction !== undefined && !(a.fraction > 0 && a.fraction <= 1)) fail('--fraction must be in (0, 1]');
  return a;
}
function int(s, k) {
  if (!/^\d+$/.test(s)) fail(`${k} must be a whole number, got ${s}`);
  return Number(s);
}
function fail(msg) {
  console.error(`mutate-sample: ${msg}`);
  process.exit(2);
}

// The files stryker.config.mjs mutates: its `mutate` globs (plain globs and
// `!` exclusions; line ranges are not supported here).
async function filesInScope(config) {
  const include = config.mutate.filter((g) => !g.startsWith('!'));
  const exclude = config.mutate.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  for (const g of config.mutate) if (/:\d/.test(g)) fail(`line ranges in mutate (${g}) are not supported`);
  const re = (g) =>
    new RegExp(
      '^' +
        g
          .split('**/')
          .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('(?:.*/)?') +
        '$',
    );
  const inc = include.map(re);
  const exc = exclude.map(re);
  const all = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else all.push(rel);
    }
  };
  walk('src');
  return all.filter((f) => inc.some((r) => r.test(f)) && !exc.some((r) => r.test(f))).sort();
}

async function listMutants(config) {
  const { Instrumenter } = await import('@stryker-mutator/instrumenter');
  const quiet = () => {};
  const log = { isDebugEnabled: () => false, isTraceEnabled: () => false, debug: quiet, trace: quiet, info: quiet, warn: console.warn, error: console.error };
  const files = (await filesInScope(config)).map((f) => ({
    name: path.join(ROOT, f),
    content: fs.readFileSync(path.join(ROOT, f), 'utf8'),
    mutate: true,
  }));
  const mutator = { plugins: null, excludedMutations: [], ...(config.mutator ?? {}) };
  if ((config.ignorers ?? []).length) fail('ignorers in stryker.config.mjs are not supported here');
  const { mutants } = await new Instrumenter(log).instrument(files, { ignorers: [], ...mutator });
  const list = mutants.map((m) => ({
    key: mutantKey(m.fileName, m),
    file: relativeSource(m.fileName),
    line: m.location.start.line + 1,
    mutator: m.mutatorName,
    replacement: m.replacement,
  }));
  list.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  for (let i = 1; i < list.length; i++) {
    if (list[i].key === list[i - 1].key) fail(`two mutants with one name: ${list[i].key}`);
  }
  return list;
}

// mulberry32: small, well-known, and the same on every platform.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function draw(list, n, seed) {
  const idx = list.map((_, i) => i);
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(r() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, n).sort((a, b) => a - b).map((i) => list[i]);
}

// 95 % Wilson interval for a share from a simple random sample of n out of N
// without replacement: the sampling variance p(1-p)/n is multiplied by the
// finite-population correction (N-n)/(N-1), i.e. n is replaced by
// n(N-1)/(N-n) in Wilson's formula.
export function wilsonFpc(x, n, N, z = 1.959963984540054) {
  const ne = N > n ? (n * (N - 1)) / (N - n) : Infinity;
  if (!Number.isFinite(ne)) return [x / n, x / n];
  const p = x / n;
  const d = 1 + (z * z) / ne;
  const c = p + (z * z) / (2 * ne);
  const h = z * Math.sqrt((p * (1 - p)) / ne + (z * z) / (4 * ne * ne));
  return [(c - h) / d, (c + h) / d];
}

// Exact 95 % interval for K/N (K detected mutants in the population), from the
// hypergeometric law of the sample count: every K for which the observed x is
// not in either 2.5 % tail.
export function exactHypergeometric(x, n, N) {
  const lf = new Float64Array(N + 1);
  for (let i = 1; i <= N; i++) lf[i] = lf[i - 1] + Math.log(i);
  const lc = (a, b) => lf[a] - lf[b] - lf[a - b];
  let lo = null;
  let hi = null;
  for (let K = 0; K <= N; K++) {
    const kmin = Math.max(0, n - (N - K));
    const kmax = Math.min(n, K);
    if (x < kmin || x > kmax) continue;
    let below = 0;
    let above = 0;
    const denom = lc(N, n);
    for (let k = kmin; k <= kmax; k++) {
      const p = Math.exp(lc(K, k) + lc(N - K, n - k) - denom);
      if (k <= x) below += p;
      if (k >= x) above += p;
    }
    if (below > 0.025 && above > 0.025) {
      if (lo === null) lo = K;
      hi = K;
    }
  }
  return [lo / N, hi / N];
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function statusesByKey(report) {
  const byKey = new Map();
  for (const [file, f] of Object.entries(report.files)) {
    for (const m of f.mutants) {
      const loc = { start: { line: m.location.start.line - 1, column: m.location.start.column - 1 }, end: { line: m.location.end.line - 1, column: m.location.end.column - 1 } };
      byKey.set(mutantKey(file, { location: loc, mutatorName: m.mutatorName, replacement: m.replacement }), m);
    }
  }
  return byKey;
}

function lookUp(byKey, s) {
  const m = byKey.get(s.key);
  if (!m) fail(`sampled mutant not in the report: ${s.key}`);
  if (m.status === 'CompileError' && /not in the sample/.test(m.statusReason ?? '')) fail(`sampled mutant not tested: ${s.key}`);
  return m;
}

function tally(rows, N) {
  const count = (st) => rows.filter((r) => r.status === st).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const valid = rows.filter((r) => DETECTED.has(r.status) || UNDETECTED.has(r.status)).length;
  const [wLo, wHi] = wilsonFpc(killed + timeout, valid, N);
  const [eLo, eHi] = exactHypergeometric(killed + timeout, valid, N);
  // A mutant can time out because the shared machine is slow, not because it
  // loops: the score with every timed-out mutant counted as survived bounds
  // that from below.
  const [tLo, tHi] = wilsonFpc(killed, valid, N);
  return {
    valid,
    invalid: rows.length - valid,
    killed,
    timeout,
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
    score: (killed + timeout) / valid,
    wilsonFpc95: [wLo, wHi],
    exact95: [eLo, eHi],
    meets80ByLowerBound: wLo >= 0.8 && eLo >= 0.8,
    scoreTimeoutsAsSurvived: killed / valid,
    wilsonFpc95TimeoutsAsSurvived: [tLo, tHi],
  };
}

// `recheck`: the report of a second run of the first run's timed-out sampled
// mutants with a longer timeout; their statuses replace "Timeout".
export function analyse(plan, report, wallSeconds, recheck) {
  const byKey = statusesByKey(report);
  if (byKey.size !== plan.population) fail(`Stryker made ${byKey.size} mutants, the listing ${plan.population}: the sample does not match this run`);
  const first = plan.sample.map((s) => {
    const m = lookUp(byKey, s);
    return { ...s, status: m.status, original: originalText(s.file, m.location) };
  });
  let rows = first;
  let recheckInfo = null;
  if (recheck) {
    const again = statusesByKey(recheck.report);
    rows = first.map((r) => (r.status === 'Timeout' ? { ...r, firstStatus: 'Timeout', status: lookUp(again, r).status } : r));
    const redone = rows.filter((r) => r.firstStatus === 'Timeout');
    recheckInfo = {
      timeoutMS: recheck.timeoutMS,
      timeoutFactor: recheck.timeoutFactor,
      wallSeconds: recheck.wallSeconds,
      rechecked: redone.length,
      statuses: Object.fromEntries(['Killed', 'Timeout', 'Survived', 'NoCoverage'].map((st) => [st, redone.filter((r) => r.status === st).length])),
      firstRun: tally(first, plan.population),
    };
  }
  const perFile = {};
  for (const [file, N] of Object.entries(plan.populationByFile)) perFile[file] = { population: N, sampled: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 };
  for (const r of rows) {
    const p = perFile[r.file];
    p.sampled++;
    if (r.status === 'Killed') p.killed++;
    else if (r.status === 'Timeout') p.timeout++;
    else if (r.status === 'Survived') p.survived++;
    else if (r.status === 'NoCoverage') p.noCoverage++;
    else p.other++;
  }
  return {
    seed: plan.seed,
    population: plan.population,
    sampleSize: rows.length,
    ...tally(rows, plan.population),
    wallSeconds,
    recheck: recheckInfo,
    perFile,
    undetected: rows.filter((r) => UNDETECTED.has(r.status)),
    timedOut: rows.filter((r) => r.status === 'Timeout'),
    rechecked: rows.filter((r) => r.firstStatus === 'Timeout'),
    otherStatus: rows.filter((r) => !DETECTED.has(r.status) && !UNDETECTED.has(r.status)),
  };
}

function originalText(file, loc) {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const { start, end } = loc; // 1-based lines and columns in the JSON report
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return lines[start.line - 1].slice(start.column - 1).trim() + ' ...';
}

function pct(x) {
  return `${(100 * x).toFixed(1)} %`;
}

function summary(r) {
  const out = [];
  out.push(`Sample of ${r.sampleSize} of ${r.population} mutants (seed ${r.seed}); ${r.valid} valid.`);
  out.push(`Detected ${r.killed + r.timeout} (killed ${r.killed}, timed out ${r.timeout}), survived ${r.survived}, no coverage ${r.noCoverage}, other ${r.invalid}.`);
  out.push(`Score ${pct(r.score)}; 95 % Wilson (finite-population) ${pct(r.wilsonFpc95[0])} to ${pct(r.wilsonFpc95[1])}; exact hypergeometric ${pct(r.exact95[0])} to ${pct(r.exact95[1])}.`);
  out.push(`80 % met by the lower bound: ${r.meets80ByLowerBound ? 'yes' : 'no'}.`);
  out.push(`With timed-out mutants counted as survived: ${pct(r.scoreTimeoutsAsSurvived)} (${pct(r.wilsonFpc95TimeoutsAsSurvived[0])} to ${pct(r.wilsonFpc95TimeoutsAsSurvived[1])}).`);
  if (r.wallSeconds !== null) out.push(`Stryker wall time ${(r.wallSeconds / 60).toFixed(1)} min.`);
  if (r.recheck) {
    const c = r.recheck;
    const f = c.firstRun;
    out.push(`First run: ${f.killed} killed, ${f.timeout} timed out, ${f.survived} survived, ${f.noCoverage} no coverage: ${pct(f.score)} (${pct(f.wilsonFpc95[0])} to ${pct(f.wilsonFpc95[1])}).`);
    out.push(`Its ${c.rechecked} timed-out mutants run again with timeoutMS ${c.timeoutMS}, timeoutFactor ${c.timeoutFactor}${c.wallSeconds !== null ? ` (${(c.wallSeconds / 60).toFixed(1)} min)` : ''}: ${Object.entries(c.statuses).map(([k, v]) => `${k} ${v}`).join(', ')}; the figures above use these statuses.`);
  }
  out.push('');
  out.push('| file | mutants | sampled | killed | timed out | survived | no coverage | other |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const [f, p] of Object.entries(r.perFile)) {
    out.push(`| ${f} | ${p.population} | ${p.sampled} | ${p.killed} | ${p.timeout} | ${p.survived} | ${p.noCoverage} | ${p.other} |`);
  }
  out.push('');
  out.push('Not detected:');
  for (const u of r.undetected) out.push(`- ${u.file}:${u.line} ${u.status} ${u.mutator}: \`${u.original}\` -> \`${u.replacement}\``);
  out.push('');
  out.push('Timed out (counted as killed):');
  for (const u of r.timedOut) out.push(`- ${u.file}:${u.line} ${u.mutator}: \`${u.original}\` -> \`${u.replacement}\``);
  if (r.recheck) {
    out.push('');
    out.push('Timed out in the first run, status on recheck:');
    for (const u of r.rechecked) out.push(`- ${u.file}:${u.line} ${u.status} ${u.mutator}: \`${u.original}\` -> \`${u.replacement}\``);
  }
  for (const u of r.otherStatus) out.push(`- ${u.file}:${u.line} ${u.status} ${u.mutator} (left out of the score)`);
  return out.join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const config = (await import(pathToFileURL(path.join(ROOT, 'stryker.config.mjs')).href)).default;
  fs.mkdirSync(OUT, { recursive: true });
  const planFile = path.join(OUT, 'plan.json');
  const reportFile = path.join(OUT, 'mutation.json');

  const list = await listMutants(config);
  const N = list.length;
  const n = args.n ?? Math.round(args.fraction * N);
  if (n < 1 || n > N) fail(`sample size ${n} is not between 1 and ${N}`);
  const populationByFile = {};
  for (const m of list) populationByFile[m.file] = (populationByFile[m.file] ?? 0) + 1;
  const plan = { seed: args.seed, population: N, size: n, populationByFile, sample: draw(list, n, args.seed) };
  console.log(`mutate-sample: ${N} mutants in ${Object.keys(populationByFile).length} files; sample of ${n} with seed ${args.seed}`);

  if (args.planOnly) {
    fs.writeFileSync(planFile, JSON.stringify(plan, null, 1));
    const per = {};
    for (const s of plan.sample) per[s.file] = (per[s.file] ?? 0) + 1;
    for (const [f, N_f] of Object.entries(populationByFile)) console.log(`  ${f}: ${N_f} mutants, ${per[f] ?? 0} sampled`);
    return;
  }

  let wallSeconds = null;
  if (!args.analyseOnly && !args.recheckTimeouts) {
    fs.writeFileSync(planFile, JSON.stringify(plan, null, 1));
    wallSeconds = runStryker(planFile, reportFile, 'stryker.sample.config.mjs', args);
  } else {
    const old = JSON.parse(fs.readFileSync(planFile, 'utf8'));
    if (old.seed !== plan.seed || old.size !== plan.size || old.population !== N) fail(`${planFile} was drawn with other options or sources (seed ${old.seed}, n ${old.size}, N ${old.population})`);
    const prev = path.join(OUT, 'result.json');
    if (fs.existsSync(prev)) wallSeconds = JSON.parse(fs.readFileSync(prev, 'utf8')).wallSeconds;
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  let recheck;
  const recheckPlan = path.join(OUT, 'plan-recheck.json');
  const recheckReport = path.join(OUT, 'mutation-recheck.json');
  const recheckMeta = path.join(OUT, 'recheck.json');
  if (args.recheckTimeouts) {
    const timedOut = analyse(plan, report, wallSeconds).timedOut;
    if (!args.analyseOnly) {
      fs.writeFileSync(recheckPlan, JSON.stringify({ ...plan, sample: timedOut.map(({ key }) => ({ key })) }, null, 1));
      const seconds = runStryker(recheckPlan, recheckReport, 'stryker.recheck.config.mjs', args);
      fs.writeFileSync(recheckMeta, JSON.stringify({ timeoutMS: args.timeoutMS, timeoutFactor: args.timeoutFactor, wallSeconds: seconds }));
    }
    recheck = { ...JSON.parse(fs.readFileSync(recheckMeta, 'utf8')), report: JSON.parse(fs.readFileSync(recheckReport, 'utf8')) };
  }
  const result = analyse(plan, report, wallSeconds, recheck);
  fs.writeFileSync(path.join(OUT, 'result.json'), JSON.stringify(result, null, 1));
  const text = summary(result);
  fs.writeFileSync(path.join(OUT, 'summary.md'), text + '\n');
  console.log('\n' + text);
}

// Runs Stryker with the whole-tree config, the sample checker reading
// `planFile`, and the JSON report in `reportFile`; returns the wall time (s).
function runStryker(planFile, reportFile, configName, args) {
  const cfgFile = path.join(OUT, configName);
  fs.writeFileSync(
    cfgFile,
    [
      '// Generated by scripts/mutate-sample.mjs: the whole-tree config, tested only on the sampled mutants.',
      `import base from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'stryker.config.mjs')).href)};`,
      'export default {',
      '  ...base,',
      `  plugins: [...(base.plugins ?? []), ${JSON.stringify(fileURLToPath(import.meta.url))}],`,
      "  checkers: ['sample'],",
      '  incremental: false,',
      `  concurrency: ${args.concurrency},`,
      ...(args.timeoutMS !== undefined ? [`  timeoutMS: ${args.timeoutMS},`] : []),
      ...(args.timeoutFactor !== undefined ? [`  timeoutFactor: ${args.timeoutFactor},`] : []),
      "  reporters: ['clear-text', 'progress', 'json'],",
      `  jsonReporter: { fileName: ${JSON.stringify(path.relative(ROOT, reportFile))} },`,
      '};',
      '',
    ].join('\n'),
  );
  fs.rmSync(reportFile, { force: true });
  const t0 = Date.now();
  const res = spawnSync('nice', ['-n', '10', path.join(ROOT, 'node_modules', '.bin', 'stryker'), 'run', cfgFile], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, [SAMPLE_ENV]: planFile },
  });
  if (res.status !== 0) fail(`stryker exited with ${res.status ?? res.signal}`);
  return (Date.now() - t0) / 1000;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
