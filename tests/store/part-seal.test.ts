/**
 * The seal of a part's metadata (src/store/part-seal.ts): city part.json,
 * sweep-part.json and a national shard's part.json (with its whole tally)
 * carry the build that wrote them and a checksum of the rest. A changed
 * value, a shape no run writes, or a part another build wrote (or a difusi
 * from before parts were sealed) is one line with exit 2 naming the shard
 * and what to run again, for merge; `--resume` discards such a part with a
 * note and runs it again. Before the seal, each of these merged with exit 0
 * and wrong bytes, or crashed with exit 1 (audit M1, M2, N1, S1, R2).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const tmp = mkdtempSync(join(tmpdir(), 'difusi-part-seal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Json = Record<string, unknown>;
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** Edits a part file as a person would: the seal is left as it was (so it no longer matches). */
function edit(file: string, change: (d: Json) => void): void {
  const d = readJson(file);
  change(d);
  writeFileSync(file, JSON.stringify(d, null, 2) + '\n');
}

/** Edits a part file and recomputes its checksum (as store/part-seal.ts computes it): the seal then verifies. */
function reseal(file: string, change: (d: Json) => void): void {
  const { checksum: _old, ...fields } = readJson(file);
  change(fields);
  const checksum = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
  writeFileSync(file, JSON.stringify({ ...fields, checksum }, null, 2) + '\n');
}

/** A fresh copy of the shard folders `dirs` under a new folder named `name`. */
function copyShards(name: string, dirs: readonly string[]): string[] {
  return dirs.map((d) => {
    const to = join(tmp, name, 'in', d.split('/').pop()!);
    cpSync(d, to, { recursive: true });
    return to;
  });
}

/** The one ✗ line of a refused command (exit 2, no stack trace). */
function refusal(result: { code: number | null; stderr: string }): string {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.split('\n').filter((l) => l.startsWith('✗'));
  expect(lines, result.stderr).toHaveLength(1);
  expect(result.stderr).not.toMatch(/ at |TypeError|RangeError/);
  return lines[0]!;
}

describe('city parts (part.json)', () => {
  let shards: string[] = [];
  let clean = '';
  beforeAll(async () => {
    const one = await runInProcess(['run', SMALL_CITY, '-r', '4', '--no-charts', '--quiet', '-w', '1', '--out', join(tmp, 'clean')]);
    expect(one.code, one.stderr).toBe(0);
    clean = join(tmp, 'clean', 'small-city', readdirSync(join(tmp, 'clean', 'small-city'))[0]!);
    for (const i of [0, 1]) {
      const r = await runInProcess(['run', SMALL_CITY, '-r', '4', '--no-charts', '--quiet', '-w', '1', '--out', join(tmp, 'sh'), '--shard', `${i}/2`]);
      expect(r.code, r.stderr).toBe(0);
    }
    shards = readdirSync(join(tmp, 'sh', 'small-city'))
      .sort()
      .map((d) => join(tmp, 'sh', 'small-city', d));
    expect(shards).toHaveLength(2);
  });
  const merge = (name: string, dirs: readonly string[]) => runInProcess(['merge', ...dirs, '--out', join(tmp, name, 'out'), '--no-charts']);

  it('a clean merge gives the clean bytes, and part.json ends in its build and checksum', async () => {
    const dirs = copyShards('cleanmerge', shards);
    const r = await merge('cleanmerge', dirs);
    expect(r.code, r.stderr).toBe(0);
    const out = join(tmp, 'cleanmerge', 'out', 'small-city', clean.split('/').pop()!);
    for (const f of ['summary.csv', 'timeseries.csv', 'outcomes.csv', 'agents.csv', 'events.csv']) expect(readFileSync(join(out, f)).equals(readFileSync(join(clean, f))), f).toBe(true);
    expect(Object.keys(readJson(join(dirs[0]!, 'part.json'))).slice(-2)).toEqual(['build', 'checksum']);
    // The seal belongs to the part only: the result folder's manifest does not gain it.
    expect(readJson(join(out, 'manifest.json'))).not.toHaveProperty('build');
    expect(readJson(join(out, 'manifest.json'))).not.toHaveProperty('checksum');
  });

  for (const [name, change] of [
    ['start', (d: Json) => (d.start = '2019-01')],
    ['metrics', (d: Json) => ((d.metrics as string[])[1] = 'evil')],
    ['overrides', (d: Json) => (d.overrides = { 'parameters.x': 1 })],
  ] as const) {
    it(`a changed ${name} in one shard's part.json: exit 2 naming that shard, nothing written`, async () => {
      const dirs = copyShards(`edit-${name}`, shards);
      edit(join(dirs[1]!, 'part.json'), change);
      const line = refusal(await merge(`edit-${name}`, dirs));
      expect(line).toContain(`${dirs[1]} is damaged: part.json does not match its checksum; run shard 1/2 again`);
      expect(existsSync(join(tmp, `edit-${name}`, 'out'))).toBe(false);
    });
  }

  it('counts no run writes (months -60, replications 7.5 in every shard): one line, exit 2, not a crash', async () => {
    for (const [name, change] of [
      ['months', (d: Json) => (d.months = -60)],
      ['reps', (d: Json) => (d.replications = 7.5)],
    ] as const) {
      const edited = copyShards(`shape-${name}`, shards);
      for (const d of edited) edit(join(d, 'part.json'), change);
      expect(refusal(await merge(`shape-${name}`, edited))).toContain('part.json does not match its checksum');
      // The same with the checksum recomputed (a forgery the checksum cannot see): the shape check says what is wrong.
      const forged = copyShards(`forged-${name}`, shards);
      for (const d of forged) reseal(join(d, 'part.json'), change);
      expect(refusal(await merge(`forged-${name}`, forged))).toMatch(name === 'months' ? /part\.json: months is not/ : /part\.json: replications is not/);
    }
  });

  it('a shard of another build (its checksum intact), or of a difusi from before parts were sealed: merge refuses it by name', async () => {
    const dirs = copyShards('build', shards);
    reseal(join(dirs[1]!, 'part.json'), (d) => (d.build = 'f'.repeat(64)));
    const line = refusal(await merge('build', dirs));
    expect(line).toContain(`${dirs[1]} was written by another build of difusi`);
    expect(line).toContain('run shard 1/2 again (the same command with --shard 1/2) with this build');
    const old = copyShards('unsealed', shards);
    const { build: _b, checksum: _c, ...fields } = readJson(join(old[0]!, 'part.json'));
    writeFileSync(join(old[0]!, 'part.json'), JSON.stringify(fields, null, 2) + '\n');
    expect(refusal(await merge('unsealed', old))).toContain(`${old[0]} was written by another build of difusi`);
  });

  it('--resume starts a part of another build, or a damaged part.json, afresh with a note; an intact part of this build is resumed', async () => {
    for (const [name, change, note] of [
      ['other-build', (f: string) => reseal(f, (d) => (d.build = 'f'.repeat(64))), 'written by another build of difusi'],
      ['damaged', (f: string) => edit(f, (d) => (d.start = '2019-01')), 'part.json does not match its checksum'],
      ['intact', (_f: string) => undefined, ''],
    ] as const) {
      // Shard 0's finished part, put back as the work folder of an interrupted shard 0/2.
      const root = join(tmp, `resume-${name}`);
      const [part] = copyShards(`resume-${name}-src`, [shards[0]!]);
      const key = part!.split('/').pop()!;
      cpSync(part!, join(root, 'small-city', `.${key}.partial`), { recursive: true });
      change(join(root, 'small-city', `.${key}.partial`, 'part.json'));
      const r = await runInProcess(['run', SMALL_CITY, '-r', '4', '--no-charts', '--quiet', '-w', '1', '--out', root, '--shard', '0/2', '--resume']);
      expect(r.code, r.stderr).toBe(0);
      if (note === '') expect(r.stderr).not.toContain('starting afresh');
      else {
        expect(r.stderr).toContain(note);
        expect(r.stderr).toContain('starting afresh');
      }
      // Either way the shard is this build's, and merges into the clean bytes.
      const m = await merge(`resume-${name}`, [join(root, 'small-city', key), shards[1]!]);
      expect(m.code, m.stderr).toBe(0);
      const out = join(tmp, `resume-${name}`, 'out', 'small-city', clean.split('/').pop()!);
      expect(readFileSync(join(out, 'timeseries.csv')).equals(readFileSync(join(clean, 'timeseries.csv')))).toBe(true);
    }
  });

  it('the same shard twice, or a copy: the line names the folders', async () => {
    const dirs = copyShards('dup', shards);
    cpSync(dirs[1]!, `${dirs[1]}-copy`, { recursive: true });
    const line = refusal(await merge('dup', [...dirs, `${dirs[1]}-copy`]));
    expect(line).toContain(`in ${dirs[1]}, ${dirs[1]}-copy`);
  });
});

describe('national shards (part.json with the tally)', () => {
  const fixture = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');
  let shards: string[] = [];
  beforeAll(async () => {
    for (const i of [0, 1]) {
      const r = await runInProcess(['national', fixture, '-r', '4', '--no-charts', '-w', '1', '--out', join(tmp, 'nsh'), '--shard', `${i}/2`]);
      expect(r.code, r.stderr).toBe(0);
    }
    shards = readdirSync(join(tmp, 'nsh', 'small-national'))
      .sort()
      .map((d) => join(tmp, 'nsh', 'small-national', d));
    expect(shards).toHaveLength(2);
  });
  const merge = (name: string, dirs: readonly string[]) => runInProcess(['national-merge', ...dirs, '--out', join(tmp, name, 'out'), '--no-charts']);

  it('one digit changed in a shard\'s tally: exit 2 naming that shard', async () => {
    const dirs = copyShards('ndigit', shards);
    const file = join(dirs[1]!, 'part.json');
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"series"');
    const j = text.slice(at).search(/[1-9]/) + at;
    writeFileSync(file, text.slice(0, j) + (text[j] === '7' ? '3' : '7') + text.slice(j + 1));
    const line = refusal(await merge('ndigit', dirs));
    expect(line).toContain(`${dirs[1]} is damaged: part.json does not match its checksum; run shard 1/2 again`);
    expect(existsSync(join(tmp, 'ndigit', 'out', 'small-national'))).toBe(false);
  });

  it('a tally of the wrong shape (checksum recomputed): exit 2, not a crash', async () => {
    const dirs = copyShards('nshape', shards);
    reseal(join(dirs[0]!, 'part.json'), (d) => (d.tally = { replications: [0, 2] }));
    expect(refusal(await merge('nshape', dirs))).toContain(`${dirs[0]} is damaged: part.json: tally.pairs`);
  });

  it('a shard of another build: refused by name', async () => {
    const dirs = copyShards('nbuild', shards);
    reseal(join(dirs[0]!, 'part.json'), (d) => (d.build = 'f'.repeat(64)));
    expect(refusal(await merge('nbuild', dirs))).toContain(`${dirs[0]} was written by another build of difusi`);
  });
});

describe('sweep shards (sweep-part.json)', () => {
  const experiment = join(ROOT, 'tests', 'experiment', 'fixtures', 'sweep.yaml');
  let shards: string[] = [];
  beforeAll(async () => {
    for (const i of [0, 1]) {
      const r = await runInProcess(['sweep', experiment, '-r', '2', '--no-charts', '--quiet', '-w', '1', '--out', join(tmp, 'swsh'), '--shard', `${i}/2`]);
      expect(r.code, r.stderr).toBe(0);
    }
    shards = readdirSync(join(tmp, 'swsh', 'test-sweep'))
      .sort()
      .map((d) => join(tmp, 'swsh', 'test-sweep', d));
    expect(shards).toHaveLength(2);
  });
  const merge = (name: string, dirs: readonly string[]) => runInProcess(['merge', ...dirs, '--out', join(tmp, name, 'out'), '--no-charts']);

  it('the design plan edited in every shard: exit 2 naming a shard', async () => {
    const dirs = copyShards('swplan', shards);
    for (const d of dirs) edit(join(d, 'sweep-part.json'), (m) => (((m.plan as Json).rows as number[][])[2]![0] = 0.6));
    expect(refusal(await merge('swplan', dirs))).toContain(`${dirs[0]} is damaged: sweep-part.json does not match its checksum; run shard 0/2 again`);
  });

  it('units 10^12 (checksum recomputed): exit 2, not a crash; another build: refused by name', async () => {
    const dirs = copyShards('swunits', shards);
    for (const d of dirs) reseal(join(d, 'sweep-part.json'), (m) => (m.units = 10 ** 12));
    expect(refusal(await merge('swunits', dirs))).toContain('sweep-part.json: units is not');
    const other = copyShards('swbuild', shards);
    reseal(join(other[1]!, 'sweep-part.json'), (m) => (m.build = 'f'.repeat(64)));
    expect(refusal(await merge('swbuild', other))).toContain(`${other[1]} was written by another build of difusi`);
  });
});
