/**
 * The notes an interrupted run prints when it goes on (--resume) or is run
 * again without it are in Bahasa Indonesia under --lang id (the warnings
 * part_meta_rebuilt, part_records_dropped, part_discarded of
 * messages/catalog.ts, worded by messages/warning-text-id.ts): they were
 * English whatever --lang said. Without --lang id they are as before.
 * A run's part (store/part-store.ts), a sweep's (store/sweep-store.ts), and
 * a comparison's finished arms (jobs/compare.ts: arm_damaged,
 * comparison_discarded).
 */
import { appendFileSync, cpSync, mkdirSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, assertBuilt, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';
import { stampComparison } from '../support/build-stamp-of.js';
import { DEFAULT_DETAIL_REPLICATIONS, prepareRun, runKey, runPaths } from '../../src/jobs/run.js';

beforeAll(() => assertBuilt());

const folder = testFolder('difusi-resume-lang-');

describe('a resumed run says what it found in the language of --lang', () => {
  let shard = '';
  beforeAll(async () => {
    const src = join(folder(), 'src');
    const r = await runInProcess(['run', SMALL_CITY, '-r', '4', '--no-charts', '--quiet', '-w', '1', '--out', src, '--shard', '0/2']);
    expect(r.code, r.stderr).toBe(0);
    shard = join(src, 'small-city', readdirSync(join(src, 'small-city'))[0]!);
  });

  /** Shard 0's finished part put back as the work folder of an interrupted shard 0/2, its part.json lost and a damaged record added; then `args`. */
  async function resumed(args: readonly string[]): Promise<{ stderr: string; partial: string }> {
    const root = folder();
    const key = shard.split('/').pop()!;
    const partial = join(root, 'small-city', `.${key}.partial`);
    cpSync(shard, partial, { recursive: true });
    unlinkSync(join(partial, 'part.json'));
    appendFileSync(join(partial, 'records.jsonl'), '{"r":2,"damaged"}\n');
    const r = await runInProcess(['run', SMALL_CITY, '-r', '4', '--no-charts', '--quiet', '-w', '1', '--out', root, '--shard', '0/2', '--resume', ...args]);
    expect(r.code, r.stderr).toBe(0);
    return { stderr: r.stderr, partial };
  }

  it('--lang id: the notes in Bahasa Indonesia', async () => {
    for (const lang of [['--lang', 'id'], ['--lang=id']]) {
      const { stderr, partial } = await resumed(lang);
      expect(stderr).toContain(`⚠ ${SMALL_CITY}: ${join(partial, 'part.json')} tidak ada: dibuat ulang; replikasi yang sudah selesai dipertahankan setelah checksum-nya diperiksa\n`);
      expect(stderr).toContain(`⚠ ${SMALL_CITY}: ${partial}: 1 catatan yang rusak atau tidak lengkap dibuang; replikasi itu dijalankan lagi\n`);
      expect(stderr).not.toMatch(/rebuilt|dropped|again/);
    }
  });

  it('without --lang id: in English, as before', async () => {
    for (const lang of [[], ['--lang', 'en']]) {
      const { stderr, partial } = await resumed(lang);
      expect(stderr).toContain(`⚠ ${SMALL_CITY}: ${join(partial, 'part.json')} was missing: rebuilt it; finished replications are kept after their checksums are verified\n`);
      expect(stderr).toContain(`⚠ ${SMALL_CITY}: ${partial}: 1 damaged or incomplete record dropped; that replication runs again\n`);
    }
  });

  it('run again without --resume under --lang id: the discarded work said in Bahasa Indonesia', async () => {
    const root = folder();
    const key = shard.split('/').pop()!;
    const partial = join(root, 'small-city', `.${key}.partial`);
    cpSync(shard, partial, { recursive: true });
    const r = await runInProcess(['run', SMALL_CITY, '-r', '4', '--no-charts', '--quiet', '-w', '1', '--out', root, '--shard', '0/2', '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`⚠ ${SMALL_CITY}: membuang 2 replikasi dari simulasi sebelumnya yang terhenti di ${partial} (--resume mempertahankannya)\n`);
  });
});

describe('a resumed sweep says what it found in the language of --lang', () => {
  const SWEEP = `name: sw-small\nbase: small-city.yaml\nreplications: 4\noutcomes: [live_share]\ndesign:\n  method: grid\n  factors:\n    - { name: parameters.takeover_vendor, values: [0, 1] }\n`;

  it('--lang id: the rebuilt sweep-part.json said in Bahasa Indonesia; without it, in English', async () => {
    const dir = folder();
    cpSync(join(ROOT, 'tests', 'support', 'small-city.yaml'), join(dir, 'small-city.yaml'));
    const file = join(dir, 'sw.yaml');
    writeFileSync(file, SWEEP);
    const out = join(dir, 'o');
    const sweep = (...args: string[]) => runInProcess(['sweep', file, '--no-charts', '--quiet', '-w', '1', '--out', out, '--shard', '0/2', ...args]);
    expect((await sweep()).code).toBe(0);
    const [shardName] = readdirSync(join(out, 'sw-small'));
    const finished = join(out, 'sw-small', shardName!);
    const partial = join(out, 'sw-small', `.${shardName}.partial`);
    for (const [lang, note] of [
      [['--lang', 'id'], `⚠ ${join(partial, 'sweep-part.json')} tidak ada atau tidak terbaca: dibuat ulang; simulasi titik desain yang sudah selesai dipertahankan setelah checksum-nya diperiksa\n`],
      [[], `⚠ ${join(partial, 'sweep-part.json')} was missing or unreadable: rebuilt it; finished design runs are kept after their checksums are verified\n`],
    ] as const) {
      // The finished shard put back as the work folder of an interrupted one, its sweep-part.json lost.
      renameSync(finished, partial);
      unlinkSync(join(partial, 'sweep-part.json'));
      const r = await sweep('--resume', ...lang);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(note);
      rmSync(partial, { recursive: true, force: true });
    }
  });
});

/**
 * A comparison of small-city (base) and a takeover variant in a folder of its own, run once to `clean` (-r 4):
 * the folder, the city's copy, a function running it again with more arguments, and its key.
 */
async function smallComparison(): Promise<{ dir: string; city: string; compare: (out: string, ...more: string[]) => ReturnType<typeof runInProcess>; key: string }> {
  const dir = folder();
  const city = join(dir, 'small-city.yaml');
  cpSync(join(ROOT, 'tests', 'support', 'small-city.yaml'), city);
  const file = join(dir, 'exp.yaml');
  writeFileSync(file, 'name: exp-small\nbase: small-city.yaml\nvariants:\n  - name: takeover\n    set:\n      parameters.takeover_vendor: 1\n');
  const compare = (out: string, ...more: string[]) => runInProcess(['compare', file, '-r', '4', '-w', '1', '--no-charts', '--quiet', '--out', out, ...more]);
  const clean = await compare(join(dir, 'clean'));
  expect(clean.code, clean.stderr).toBe(0);
  return { dir, city, compare, key: readdirSync(join(dir, 'clean', 'exp-small'))[0]! };
}

describe('a resumed comparison says what it found in the language of --lang', () => {
  it('a damaged finished arm, and the finished arms discarded without --resume: in Bahasa Indonesia under --lang id', async () => {
    const { dir, compare, key } = await smallComparison();
    /** An interrupted comparison under `out` whose base arm was finished (its timeseries.csv lost when `damaged`). */
    const interrupted = (out: string, damaged: boolean): { partial: string; arm: string } => {
      const partial = join(out, 'exp-small', `.${key}.partial`);
      const arm = join(partial, 'arms', 'base');
      cpSync(join(dir, 'clean', 'exp-small', key, 'arms', 'base'), arm, { recursive: true });
      stampComparison(partial);
      if (damaged) unlinkSync(join(arm, 'timeseries.csv'));
      return { partial, arm };
    };
    const damaged = interrupted(join(dir, 'damaged'), true);
    const resumed = await compare(join(dir, 'damaged'), '--resume', '--lang', 'id');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`⚠ ${damaged.arm}: skenario yang sudah selesai sebelumnya rusak (timeseries.csv tidak ada): skenario itu dijalankan lagi\n`);
    const english = interrupted(join(dir, 'damaged-en'), true);
    expect((await compare(join(dir, 'damaged-en'), '--resume')).stderr).toContain(`⚠ ${english.arm}: the arm finished before is damaged (timeseries.csv is missing): it runs again\n`);
    const discarded = interrupted(join(dir, 'discarded'), false);
    const again = await compare(join(dir, 'discarded'), '--lang', 'id');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`⚠ ${discarded.partial}: dibuang: 1 skenario yang sudah selesai, dari perbandingan sebelumnya yang terhenti (--resume mempertahankannya)\n`);
  });
});

describe('a --precision run says what its growing part held, in the language of --lang', () => {
  // The notes of a growing part (jobs/precision.ts FileGrowingRun) were never printed, in any language.
  const MAX = 20;
  /** The hidden folder a `run --precision ... --max-replications MAX` grows in, under `root`: its key is a run's of MAX. */
  const growingDir = (root: string): string => {
    const prepared = prepareRun(SMALL_CITY, { replications: MAX });
    const detail = Math.min(MAX, DEFAULT_DETAIL_REPLICATIONS);
    return runPaths(root, prepared.source.scenario, runKey(prepared.source.hash, detail)).partial.replace(/\.partial$/, '.growing');
  };
  const precision = (root: string, ...more: string[]) =>
    runInProcess(['run', SMALL_CITY, '--precision', '0.5', '--max-replications', String(MAX), '--no-charts', '--quiet', '-w', '1', '--out', root, ...more]);

  it('--resume over a part that lost its part.json and holds a damaged record: both notes, in Bahasa Indonesia and in English', async () => {
    for (const [lang, notes] of [
      [['--lang', 'id'], (g: string) => [`${join(g, 'part.json')} tidak ada: dibuat ulang`, `${g}: 1 catatan yang rusak atau tidak lengkap dibuang; replikasi itu dijalankan lagi`]],
      [[], (g: string) => [`${join(g, 'part.json')} was missing: rebuilt it`, `${g}: 1 damaged or incomplete record dropped; that replication runs again`]],
    ] as const) {
      const root = folder();
      const growing = growingDir(root);
      mkdirSync(growing, { recursive: true });
      writeFileSync(join(growing, 'records.jsonl'), '{"r":0,"damaged"}\n');
      writeFileSync(join(growing, 'series.bin'), '');
      const r = await precision(root, '--resume', ...lang);
      expect(r.code, r.stderr).toBe(0);
      for (const note of notes(growing)) expect(r.stderr).toContain(`⚠ ${SMALL_CITY}: ${note}`);
    }
  });

  it('without --resume over an interrupted growing part: the discarded work said', async () => {
    const root = folder();
    const growing = growingDir(root);
    mkdirSync(growing, { recursive: true });
    writeFileSync(join(growing, 'records.jsonl'), '{"r":0}\n{"r":1}\n');
    const r = await precision(root, '--lang', 'id');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`⚠ ${SMALL_CITY}: membuang 2 replikasi dari simulasi sebelumnya yang terhenti di ${growing} (--resume mempertahankannya)\n`);
  });
});

describe("a comparison's interrupted arm says what its part held", () => {
  // An arm's own run (jobs/compare.ts runArms, runPrepared) had no warning callback: its notes were never printed.
  it('--resume over an arm whose part lost its part.json and holds a damaged record: both notes, named after the arm', async () => {
    const { dir, city, compare, key } = await smallComparison();
    for (const [lang, notes] of [
      [['--lang', 'id'], (p: string) => [`${join(p, 'part.json')} tidak ada: dibuat ulang`, `${p}: 1 catatan yang rusak atau tidak lengkap dibuang; replikasi itu dijalankan lagi`]],
      [[], (p: string) => [`${join(p, 'part.json')} was missing: rebuilt it`, `${p}: 1 damaged or incomplete record dropped; that replication runs again`]],
    ] as const) {
      const out = join(dir, `out-${lang.length}`);
      // The base arm's run interrupted inside the comparison's work folder: its part as a run of 4 replications names it.
      const prepared = prepareRun(city, { replications: 4 });
      const work = join(out, 'exp-small', `.${key}.partial`, 'work', 'base');
      const part = runPaths(work, prepared.source.scenario, runKey(prepared.source.hash, 4)).partial;
      mkdirSync(part, { recursive: true });
      writeFileSync(join(part, 'records.jsonl'), '{"r":0,"damaged"}\n');
      writeFileSync(join(part, 'series.bin'), '');
      const r = await compare(out, '--resume', ...lang);
      expect(r.code, r.stderr).toBe(0);
      for (const note of notes(part)) expect(r.stderr).toContain(`⚠ ${city} (arm base): ${note}`);
    }
  });
});
