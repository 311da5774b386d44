/**
 * docs/TUTORIAL.md cannot rot: its files (```yaml file=NAME blocks) are
 * written and its commands (```sh tutorial blocks) are run, in document
 * order, in an empty folder, with the built CLI. Two changes keep the suite
 * fast, and change nothing the tutorial claims: `-r N` becomes `-r 4` for
 * `run` (whose results the tutorial does not quote), and `run` and `compare`
 * get `--no-charts` (charts are tested in tests/report). `compare` keeps the
 * tutorial's own replications and seed (100, 2024; a few seconds), and every
 * figure section 3 quotes is checked against the compare.csv it writes.
 * The commands run `npx difusi` as installed, bin/difusi.mjs (BIN: the
 * bundle, which tests/cli/bundle.test.ts checks behaves as
 * dist/src/cli/main.js), which starts in about half the time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, assertBuilt, tempDir } from '../support/cli.js';
import { csvRows, expectPermitExplanation, forTest, quotedFigures, shellWords, tutorialSteps } from '../support/tutorial.js';

// Its helpers live in tests/support/tutorial.ts (shared with tests/docs/tutorial-id.test.ts), exported here as before.
export { csvRows, quotedFigures, shellWords, tutorialSteps, type TutorialStep } from '../support/tutorial.js';

const TUTORIAL = readFileSync(join(ROOT, 'docs', 'TUTORIAL.md'), 'utf8');

describe('docs/TUTORIAL.md', () => {
  it('reads its steps: files and npx difusi commands, quotes honoured', () => {
    expect(shellWords(`run a.yaml --set 'x[id=a b].y=1' -r 5`)).toEqual(['run', 'a.yaml', '--set', 'x[id=a b].y=1', '-r', '5']);
    const steps = tutorialSteps('```yaml file=a.yaml\nname: a\n```\n\n```sh tutorial\nnpx difusi validate a.yaml  # check\n```\n```sh\nnot run\n```\n');
    expect(steps).toEqual([
      { kind: 'file', file: 'a.yaml', text: 'name: a\n' },
      { kind: 'command', args: ['validate', 'a.yaml'] },
    ]);
    const real = tutorialSteps(TUTORIAL);
    expect(real.filter((s) => s.kind === 'file').map((s) => s.file)).toEqual(['sukamaju.yaml', 'sukamaju.yaml', 'sukamaju-what-if.yaml']);
    expect(real.filter((s) => s.kind === 'command').map((s) => s.args![0])).toEqual(['validate', 'run', 'validate', 'run', 'odd', 'compare']);
  });

  it('says where `npx difusi` runs this program, and what to type elsewhere', () => {
    // Outside the clone npx looks the name up on the public npm registry: the tutorial must not send a reader there.
    const setup = TUTORIAL.slice(0, TUTORIAL.indexOf('## 1.')).replace(/\s+/g, ' ');
    expect(setup).toContain('Work in a new, empty folder **inside the clone**');
    expect(setup).toContain('Do not type `npx difusi` in a folder outside the clone');
    expect(setup).toContain('`node <clone>/dist/src/cli/main.js`');
    expect(setup).not.toContain('empty folder of your own');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain('Outside the clone, `npx difusi` would look for a package of that name on the public npm registry');
  });

  it('rebuilds the quoted sentences from compare.csv, and a changed number breaks them', () => {
    const csv = [
      'outcome,variant,n,base_mean,variant_mean,diff_mean,diff_ci_low,diff_ci_high',
      'sustained.lapor-app,city-takes-over,100,0.13,0.24,0.11,0.0334,0.1866',
      'sustained.lapor-app,take-over-and-own,100,0.13,0.38,0.25,0.144,0.356',
      'sustained.lapor-app,mayor-a-stays,100,0.13,0.17,0.04,-0.008,0.088',
      'discontinuations.vendor_exit,city-takes-over,100,2.23,4.61,2.38,1.6,3.1',
      'discontinuations.vendor_exit,take-over-and-own,100,2.23,0,-2.23,-3,-1.4',
      'discontinuations.defunded,city-takes-over,100,11.35,6.75,-4.6,-6,-3.2',
      'discontinuations.defunded,take-over-and-own,100,11.35,7.6,-3.75,-5,-2.4',
    ].join('\n');
    const quotes = quotedFigures(csvRows(csv));
    expect(quotes[4]).toBe('`mayor-a-stays`: +4 points (-1 to +9, not significant)');
    expect(quotes[1]).toContain('13 % in the base, 24 % when the city takes it over (+11 percentage points,');
    // A program whose base differs by one point no longer matches the text.
    const off = quotedFigures(csvRows(csv.replace('lapor-app,city-takes-over,100,0.13', 'lapor-app,city-takes-over,100,0.14')));
    expect(TUTORIAL).not.toContain(off[1]);
  });

  it('runs from an empty folder to a compared what-if', { timeout: 600_000 }, () => {
    assertBuilt();
    const dir = tempDir('difusi-tutorial-');
    for (const step of tutorialSteps(TUTORIAL)) {
      if (step.kind === 'file') {
        writeFileSync(join(dir, step.file!), step.text!);
        continue;
      }
      const args = forTest(step.args!);
      const r = spawnSync(process.execPath, [BIN, ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      expect(r.status, `npx difusi ${args.join(' ')}\n${r.stderr}`).toBe(0);
      // The tutorial's scenarios are meant to be clean: no warnings.
      expect(r.stderr, `npx difusi ${args.join(' ')}`).not.toContain('⚠');
      if (args[0] === 'validate') expect(r.stdout).toMatch(/^✓ sukamaju\.yaml: scenario "sukamaju", 30 OPDs/);
      // Three variants: the terminal says its 98.3 % intervals are Bonferroni-adjusted, as section 3 explains.
      if (args[0] === 'compare') expect(r.stdout).toContain('98.3% CI: Bonferroni-adjusted for 3 variants, so the 3 intervals of an outcome hold together at 95%.');
    }
    // What the tutorial says the commands leave behind.
    const odd = readFileSync(join(dir, 'sukamaju-odd.md'), 'utf8');
    expect(odd).toContain('| agencies (OPD) | 30 |');
    const compareRoot = join(dir, 'output', 'sukamaju-complaint-app');
    const [key] = readdirSync(compareRoot).filter((d) => !d.startsWith('.'));
    const csv = readFileSync(join(compareRoot, key!, 'compare.csv'), 'utf8');
    for (const variant of ['city-takes-over', 'take-over-and-own', 'mayor-a-stays']) expect(csv).toContain(variant);
    expect(csv).toContain('sustained.lapor-app');
    // Every figure section 3 quotes is what the tutorial's own command produces.
    for (const quote of quotedFigures(csvRows(csv))) expect(TUTORIAL, 'docs/TUTORIAL.md section 3 quotes other figures than compare.csv').toContain(quote);
    expect(existsSync(join(dir, 'output', 'sukamaju'))).toBe(true);
    // Section 2's explanation of online permits, at its own 50 replications: discontinued in about two
    // runs in three, about half of those by a line not renewed in January, most of them in January 2021.
    const fifty = join(dir, 'fifty');
    const r = spawnSync(process.execPath, [BIN, 'run', 'sukamaju.yaml', '-r', '50', '--no-charts', '-q', '--out', fifty], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [runKey] = readdirSync(join(fifty, 'sukamaju'));
    expectPermitExplanation(readFileSync(join(fifty, 'sukamaju', runKey!, 'outcomes.csv'), 'utf8'));
    expect(TUTORIAL).toContain('is discontinued in about two runs in\nthree');
  });
});
