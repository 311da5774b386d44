/**
 * The Bekasi Info page (scenarios/bekasi-2015-2025.md) quotes what two of
 * its what-ifs give: smart health placed on the SSP, and the Iconic menus
 * integrated from their launch (beside the shipped, not integrated, menus),
 * each run with the command the page shows, at the replications and seed
 * the page states. The page is copied into every Bekasi report ("Scenario
 * info"), so a stale figure spreads; this test reruns the what-ifs (in
 * memory, a few seconds each) and checks the page's sentences against the
 * program's figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario, runScenario } from '../../src/index.js';
import { ROOT } from '../support/cli.js';
import { shifted } from '../../src/messages/decimal.js';

const PAGE = readFileSync(join(ROOT, 'scenarios', 'bekasi-2015-2025.md'), 'utf8');

/** The smart-health-on-the-SSP bullet: its override and its quoted figures. */
export function smartHealthClaim(page: string): { path: string; value: string; sustained: number; replications: number; discontinued: number; replaced: number } {
  const bullet = /^- which platform smart health ran on:[\s\S]*?(?=^- )/m.exec(page)?.[0];
  if (bullet === undefined) throw new Error('the Info page has no "which platform smart health ran on" item');
  const text = bullet.replace(/\s+/g, ' ');
  const set = /--set '([^']+)=([^'=]+)'/.exec(text);
  const figures = /sustained in (\d+) % of (\d+) replications, discontinued in (\d+) % \((\d+) of the \2 by replacement\)/.exec(text);
  if (set === null || figures === null) throw new Error(`the smart-health item no longer has its --set command and figures: ${text}`);
  return {
    path: set[1]!,
    value: set[2]!,
    sustained: Number(figures[1]),
    replications: Number(figures[2]),
    discontinued: Number(figures[3]),
    replaced: Number(figures[4]),
  };
}

/** The Iconic-menus item: its override and the shares it quotes, as shipped and with the override. */
export function iconicClaim(page: string): { path: string; value: string; replications: number; shipped: number[]; integrated: number[] } {
  const bullet = /^- whether the Iconic menus were integrated[\s\S]*?(?=^- )/m.exec(page)?.[0];
  if (bullet === undefined) throw new Error('the Info page has no "whether the Iconic menus were integrated" item');
  const text = bullet.replace(/\s+/g, ' ');
  const set = /--set '([^']+)=([^'=]+)'/.exec(text);
  const shipped = /sustained in (\d+) % of (\d+) replications, declining in (\d+) %, discontinued in (\d+) %/.exec(text);
  const integrated = /they are sustained in (\d+) %, declining in (\d+) %, discontinued in (\d+) %/.exec(text);
  if (set === null || shipped === null || integrated === null) throw new Error(`the Iconic-menus item no longer has its --set command and figures: ${text}`);
  return {
    path: set[1]!,
    value: set[2]!,
    replications: Number(shipped[2]),
    shipped: [shipped[1], shipped[3], shipped[4]].map(Number),
    integrated: integrated.slice(1, 4).map(Number),
  };
}

/** The Iconic-menus item's sentence on the other services: the sustained counts it says change (service id: [shipped, integrated]). */
export function otherServicesClaim(page: string): { replications: number; changed: Record<string, [number, number]> } {
  const bullet = /^- whether the Iconic menus were integrated[\s\S]*?(?=^- )/m.exec(page)?.[0] ?? '';
  const text = bullet.replace(/\s+/g, ' ');
  const m = /the other services' counts of sustained replications change by at most one of the (\d+) \(POT (\d+) to (\d+), parking meters (\d+) to (\d+), the others the same\)/.exec(text);
  if (m === null) throw new Error(`the Iconic-menus item no longer says how the other services change: ${text}`);
  return {
    replications: Number(m[1]),
    changed: { 'pot-reporting': [Number(m[2]), Number(m[3])], 'parking-meters': [Number(m[4]), Number(m[5])] },
  };
}

/** Sustained, declining and discontinued shares of `innovation`, in whole per cent, as `difusi run` prints them; and every service's count of sustained replications. */
async function outcomePercents(overrides: Record<string, string>, innovation: string): Promise<{ replications: number; percents: number[]; sustainedCounts: Map<string, number> }> {
  const file = readScenario(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), overrides);
  const run = await runScenario(file.scenario, { detail: 0, workers: 1 });
  const share = run.shares.find((s) => s.innovation === innovation)!;
  const { sustained, declining, discontinued } = share.shares;
  const sustainedCounts = new Map(file.scenario.innovations.map((x) => [x.id, 0]));
  for (const o of run.outcomes) if (o.outcome === 'sustained') sustainedCounts.set(o.innovation, sustainedCounts.get(o.innovation)! + 1);
  // Rounded as the terminal and the report print them (29 of 200 is 14.5 %, printed 15 %; Math.round of the binary 14.499999999999998 gives 14).
  return { replications: file.scenario.replications, percents: [sustained, declining, discontinued].map((s) => Number(shifted(s.p, 2, 0))), sustainedCounts };
}

describe('scenarios/bekasi-2015-2025.md', () => {
  it('quotes the figures of the Iconic menus as shipped (not integrated) and integrated from their launch', async () => {
    const claim = iconicClaim(PAGE);
    expect(claim.path).toBe('innovations[id=bekasi-iconic-menus].integrated_from');
    // The shipped file leaves the menus standalone on the city platform: the page's premise.
    const shipped = await outcomePercents({}, 'bekasi-iconic-menus');
    const integrated = await outcomePercents({ [claim.path]: claim.value }, 'bekasi-iconic-menus');
    expect(shipped.replications).toBe(claim.replications);
    expect(integrated.replications).toBe(claim.replications);
    expect(shipped.percents, 'scenarios/bekasi-2015-2025.md quotes other shipped Iconic figures than the run gives').toEqual(claim.shipped);
    expect(integrated.percents, 'scenarios/bekasi-2015-2025.md quotes other figures than the run of its Iconic command').toEqual(claim.integrated);
    // What the page says of the other services: the counts it names, and no change in the rest.
    const others = otherServicesClaim(PAGE);
    expect(others.replications).toBe(claim.replications);
    for (const [id, before] of shipped.sustainedCounts) {
      if (id === 'bekasi-iconic-menus') continue;
      const said = others.changed[id] ?? [before, before];
      expect([before, integrated.sustainedCounts.get(id)], `scenarios/bekasi-2015-2025.md: sustained replications of ${id}, shipped and with the Iconic command`).toEqual(said);
    }
  });

  it('quotes the figures its smart-health-on-the-SSP what-if gives', async () => {
    const claim = smartHealthClaim(PAGE);
    expect(claim.path).toBe('innovations[id=smart-health].platform');
    const file = readScenario(join(ROOT, 'scenarios', 'bekasi-2015-2025.yaml'), { [claim.path]: claim.value });
    // The page states the file's own replications (and seed): the run is the page's command as written.
    expect(file.scenario.replications).toBe(claim.replications);
    const run = await runScenario(file.scenario, { detail: 0, workers: 1 });
    const share = run.shares.find((s) => s.innovation === 'smart-health')!;
    const replaced = run.outcomes.filter((o) => o.innovation === 'smart-health' && o.outcome === 'discontinued' && o.main_cause === 'replacement').length;
    const said = `sustained in ${claim.sustained} %, discontinued in ${claim.discontinued} % (${claim.replaced} by replacement)`;
    const ran = `sustained in ${shifted(share.shares.sustained.p, 2, 0)} %, discontinued in ${shifted(share.shares.discontinued.p, 2, 0)} % (${replaced} by replacement)`;
    expect(ran, 'scenarios/bekasi-2015-2025.md quotes other figures than the run of its command').toBe(said);
  });
});
