/**
 * initNational places every government's national inputs (utility,
 * launchedAt, money) and the observation's records (replacements counted,
 * the innovations' services) in one buffer, government after government
 * (simulate.ts `inputs`, `replacedAt`). Read and written through views and
 * offsets, they give the same numbers as separate arrays only if no two of
 * them share a byte: a region too small would let one government's
 * launches overwrite another's utilities. This test checks that each is
 * where it should be and apart from every other, on new and reused worlds.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nationalSchema, type NationalScenario } from '../../src/scenario/national-schema.js';
import { compileNational } from '../../src/model/national/compile.js';
import { initNational, simulateNationalReplication } from '../../src/model/national/simulate.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/small-national.yaml', import.meta.url));
const model = compileNational(nationalSchema.parse(parse(readFileSync(FIXTURE, 'utf8'))) as NationalScenario);

function checkRegions(run: ReturnType<typeof initNational>): void {
  const buffer = run.inputs.buffer;
  // [start, end) in bytes of every array of every government.
  const ranges: [number, number, string][] = [];
  run.worlds.forEach((w, gi) => {
    const k = w.k;
    const ext = w.national!;
    for (const [name, a] of [['utility', ext.utility], ['launchedAt', ext.launchedAt], ['money', ext.money]] as const) {
      expect(a.buffer, `${gi} ${name}`).toBe(buffer);
      expect(a.length).toBe(k);
      ranges.push([a.byteOffset, a.byteOffset + a.byteLength, `${gi} ${name}`]);
    }
    const at = run.replacedAt[gi]! * 4;
    ranges.push([at, at + 4 * k, `${gi} replaced`], [at + 4 * k, at + 8 * k, `${gi} services`]);
    // The services words are the compiled government's, and every replacement count starts at 0.
    expect(Array.from(run.inputs.subarray(run.replacedAt[gi]! + k, run.replacedAt[gi]! + 2 * k))).toEqual(Array.from(model.governments[gi]!.serviceOf));
    expect(Array.from(run.inputs.subarray(run.replacedAt[gi]!, run.replacedAt[gi]! + k))).toEqual(new Array(k).fill(0));
  });
  ranges.sort((a, b) => a[0] - b[0]);
  for (let x = 0; x < ranges.length; x++) {
    expect(ranges[x]![1], ranges[x]![2]).toBeLessThanOrEqual(x + 1 < ranges.length ? ranges[x + 1]![0] : buffer.byteLength);
  }
  // Government after government: the order in which a month reads them.
  for (let gi = 1; gi < run.worlds.length; gi++) {
    expect(run.worlds[gi]!.national!.utility.byteOffset).toBeGreaterThan(run.worlds[gi - 1]!.national!.utility.byteOffset);
  }
}

describe("the governments' national inputs in one buffer", () => {
  it('are each in a region of their own, on new and on reused worlds', () => {
    expect(model.governments.length).toBeGreaterThan(1);
    checkRegions(initNational(model, model.scenario.seed, 0));
    simulateNationalReplication(model, model.scenario.seed, 1);
    checkRegions(initNational(model, model.scenario.seed, 2));
  });
});
