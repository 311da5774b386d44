/**
 * The Indonesia Info page (scenarios/indonesia-2015-2025.md, hand-written)
 * gives the values of the scenario choices that decide P14's regime: each
 * national mandate's strength, money and anchors, and each national
 * service's five attributes, in two tables; and it says that the four
 * Papuan provinces formed in 2022 are governments, with an acting head, from
 * the scenario's first month. The page is copied into every national report,
 * so the tables and the sentence are checked against the generated file
 * (regenerate it with `difusi generate-national` and this test tells which
 * row to update).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/cli.js';

const PAGE = readFileSync(join(ROOT, 'scenarios', 'indonesia-2015-2025.md'), 'utf8');
const FILE = parse(readFileSync(join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml'), 'utf8')) as {
  start: string;
  innovations: Record<string, unknown>[];
  national_regulations: { id: string; from: string; strength: number; money: boolean; anchors: string[] }[];
  elections: { id: string; heads: { from: string; acting?: boolean }[] }[];
  governments: { id: string; type: string; province: string; election?: string }[];
};

/** The rows of the table whose header row is `header`, as cells. */
function table(header: string): string[][] {
  const lines = PAGE.split('\n');
  const at = lines.indexOf(header);
  expect(at, `the Info page has no table headed ${header}`).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (let i = at + 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!.slice(1, -1).split('|').map((c) => c.trim()));
  return rows;
}

const code = (id: string) => `\`${id}\``;
const ATTRIBUTES = ['relative_advantage', 'compatibility', 'complexity', 'trialability', 'observability'];

describe('scenarios/indonesia-2015-2025.md', () => {
  it("gives every mandate's strength, money and anchors as the generated file has them", () => {
    expect(table('| mandate | from | strength | money | anchors |')).toEqual(
      FILE.national_regulations.map((r) => [code(r.id), r.from, String(r.strength), r.money ? 'yes' : 'no', r.anchors.map(code).join(', ')]),
    );
  });

  it("gives every national service's five attributes as the generated file has them", () => {
    expect(table('| service | relative advantage | compatibility | complexity | trialability | observability |')).toEqual(
      FILE.innovations.map((x) => [code(x['id'] as string), ...ATTRIBUTES.map((a) => String(x[a]))]),
    );
  });

  it('says the provinces formed in 2022 are governments with an acting head from the first month, and how many regencies they hold', () => {
    const cycle = FILE.elections.find((e) => e.id === 'new-2022')!;
    expect(cycle.heads[0]).toEqual({ from: FILE.start, acting: true });
    const provinces = FILE.governments.filter((g) => g.election === 'new-2022');
    expect(provinces.every((g) => g.type === 'province')).toBe(true);
    const regencies = FILE.governments.filter((g) => g.type !== 'province' && provinces.some((p) => p.id === g.province));
    const text = PAGE.replace(/\s+/g, ' ');
    expect(text).toContain(`are therefore governments from ${FILE.start}, each with an acting governor from then`);
    expect(text).toContain(`The ${['two', 'three', 'four', 'five'][provinces.length - 2]} Papuan provinces formed in 2022`);
    expect(text).toContain(`Their ${regencies.length} regencies and cities, which until 2022 belonged to Papua or Papua Barat`);
    expect(text).toContain(`(${provinces.length} of ${FILE.governments.length} governments,`);
  });
});
