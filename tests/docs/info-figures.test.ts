/**
 * The Bekasi Info page (scenarios/bekasi-2015-2025.md) quotes what one of
 * its what-ifs gives: smart health placed on the SSP, run with the command
 * the page shows, at the replications and seed the page states. The page is
 * copied into every Bekasi report ("Scenario info"), so a stale figure
 * spreads; this test reruns the what-if (in memory, about 3 s) and checks
 * the page's sentence against the program's figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario, runScenario } from '../../src/index.js';
import { ROOT } from '../support/cli.js';

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

describe('scenarios/bekasi-2015-2025.md', () => {
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
    const ran = `sustained in ${Math.round(share.shares.sustained.p * 100)} %, discontinued in ${Math.round(share.shares.discontinued.p * 100)} % (${replaced} by replacement)`;
    expect(ran, 'scenarios/bekasi-2015-2025.md quotes other figures than the run of its command').toBe(said);
  });
});
