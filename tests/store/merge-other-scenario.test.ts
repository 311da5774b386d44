/**
 * A merge refusing a part of another run says what the difference is first, when the parts record it: another
 * scenario (its name), another seed, or another scenario of the same name (a changed file), then the field. Before,
 * a city shard of another scenario was refused as "seed is 101, the other parts have 20230601" (the seed is the
 * first field compared), and a national shard of another seed as "scenario hash is …" (audit s38 badmerge).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL_CITY, refusedInOneLine, testFolder } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = testFolder('difusi-merge-other-scenario-');
const NATIONAL = join(ROOT, 'tests', 'national', 'fixtures', 'small-national.yaml');

/** A copy of `file` with `from` replaced by `to` (the scenario's name or a field). */
function copyWith(file: string, name: string, from: RegExp, to: string): string {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  const out = join(folder(), name);
  writeFileSync(out, changed);
  return out;
}

/** Shard `at` of `file` with `command` (and `more`), in its own --out; its folder. */
async function shard(command: 'run' | 'national', file: string, at: string, tag: string, ...more: string[]): Promise<string> {
  const out = join(folder(), `${command}-${tag}`);
  const r = await runInProcess([command, file, '-r', '4', '--no-charts', '-q', '--workers', '1', '--out', out, '--shard', at, ...more]);
  expect(r.code, r.stderr).toBe(0);
  const [name] = readdirSync(out);
  return join(out, name!, readdirSync(join(out, name!)).find((d) => d.includes('.shard-'))!);
}

/** The refused part is the line's place, named once: the text says "This part", not the folder again. */
function namedOnce(line: string, part: string): string {
  expect(line.split(part).length - 1, line).toBe(1);
  return line;
}

describe('merge names what differs first: another scenario, another seed', () => {
  it('city parts: another scenario by name, another seed, another scenario of the same name', async () => {
    const s0 = await shard('run', SMALL_CITY, '0/2', 'base');
    const merge = async (other: string) => namedOnce(refusedInOneLine(await runInProcess(['merge', s0, other, '--no-charts', '--out', join(folder(), 'merged')])), other);
    const renamed = await shard('run', copyWith(SMALL_CITY, 'renamed.yaml', /^name: small-city$/m, 'name: other-city'), '1/2', 'renamed', '--seed', '101');
    expect(await merge(renamed)).toContain(`${renamed} This part belongs to another run (another scenario): scenario name is other-city, the other part has small-city;`);
    const seeded = await shard('run', SMALL_CITY, '1/2', 'seeded', '--seed', '101');
    expect(await merge(seeded)).toContain(`${seeded} This part belongs to another run (another seed): seed is 101, the other part has 7;`);
    const edited = await shard('run', copyWith(SMALL_CITY, 'edited.yaml', /^months: 60$/m, 'months: 66'), '1/2', 'edited');
    expect(await merge(edited)).toContain(`${edited} This part belongs to another run (another scenario of the same name): months is 66, the other part has 60;`);
  }, 60_000);

  it('national shards: another seed, another scenario by name', async () => {
    const s0 = await shard('national', NATIONAL, '0/2', 'base');
    const merge = async (other: string) => namedOnce(refusedInOneLine(await runInProcess(['national-merge', s0, other, '--no-charts', '--out', join(folder(), 'nmerged')])), other);
    const seeded = await shard('national', NATIONAL, '1/2', 'seeded', '--seed', '101');
    expect(await merge(seeded)).toContain(`${seeded} This part belongs to another run (another seed): seed is 101, the other part has 11;`);
    const renamed = await shard('national', copyWith(NATIONAL, 'renamed-national.yaml', /^name: small-national$/m, 'name: other-national'), '1/2', 'renamed');
    expect(await merge(renamed)).toContain(`${renamed} This part belongs to another run (another scenario): scenario name is other-national, the other part has small-national;`);
    const edited = await shard('national', copyWith(NATIONAL, 'edited-national.yaml', /^months: 72$/m, 'months: 60'), '1/2', 'edited');
    expect(await merge(edited)).toContain(`(another scenario of the same name): scenario hash is`);
  }, 60_000);
});
