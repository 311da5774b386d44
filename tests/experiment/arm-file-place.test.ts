/**
 * A problem of the file an experiment's `base:` or `variants[i].file:`
 * names as a whole (a folder, no extension, another experiment file) is said
 * as a missing file is: at the experiment's line, `→ at base` /
 * `→ at variants[0].file`, naming the file, in one line, exit 2. It used to
 * name the file alone (and, for an experiment file, advise the command just
 * run; for a national scenario, the experiment without a line or field). A
 * problem inside a scenario it names keeps that file's own line.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestFolder, refusedInOneLine, ROOT } from '../support/cli.js';
import { runInProcess } from '../support/in-process.js';

const folder = cliTestFolder('difusi-arm-file-place-');
const PILOT = join(ROOT, 'tests', 'experiment', 'fixtures', 'pilot.yaml');

function write(name: string, text: string): string {
  const file = join(folder(), name);
  writeFileSync(file, text);
  return file;
}

async function refused(args: readonly string[]): Promise<string> {
  return refusedInOneLine(await runInProcess([...args, '-q', '--no-charts', '--out', join(folder(), 'out')]));
}

/** A comparison whose variant names `target`. */
const variantFile = (name: string, target: string) => write(name, `name: c\nbase: ${JSON.stringify(PILOT)}\nreplications: 2\nvariants:\n  - name: v1\n    file: ${JSON.stringify(target)}\n`);
/** A comparison and a sweep whose base is `target`. */
const baseCompare = (name: string, target: string) => write(name, `name: c\nbase: ${JSON.stringify(target)}\nreplications: 2\nvariants:\n  - name: v1\n    set: { months: 3 }\n`);
const baseSweep = (name: string, target: string) =>
  write(name, `name: c\nbase: ${JSON.stringify(target)}\nreplications: 2\ndesign:\n  method: lhs\n  points: 2\n  factors:\n    - { name: parameters.takeover_vendor, min: 0, max: 1 }\n`);

describe("the file an experiment's base or variant names", () => {
  it('a variant file without an extension, a folder, or an experiment file: at variants[0].file', async () => {
    const noExt = write('noext', 'x: 1\n');
    const dir = join(folder(), 'sub');
    mkdirSync(dir, { recursive: true });
    const a = variantFile('a.yaml', noExt);
    expect(await refused(['compare', a])).toBe(`✗ ${a}:6:11 The file has no extension → at variants[0].file (expected .yaml, .yml or .json, found ${JSON.stringify(noExt)})`);
    const b = variantFile('b.yaml', dir);
    expect(await refused(['compare', b])).toBe(`✗ ${b}:6:11 Cannot read the file: it is a directory → at variants[0].file (found ${JSON.stringify(dir)})`);
    const self = join(folder(), 'self.yaml');
    variantFile('self.yaml', self);
    expect(await refused(['compare', self])).toBe(
      `✗ ${self}:6:11 The file is an experiment (it has base and no opds), not a scenario: a variant's file must name a scenario file → at variants[0].file (found ${JSON.stringify(self)})`,
    );
  });

  it('a base without an extension, a folder, or an experiment file: at base, for compare and sweep', async () => {
    const noExt = write('noext2', 'x: 1\n');
    const dir = join(folder(), 'sub2');
    mkdirSync(dir, { recursive: true });
    const other = variantFile('other.yaml', PILOT);
    for (const [target, said] of [
      [noExt, `The file has no extension → at base (expected .yaml, .yml or .json, found ${JSON.stringify(noExt)})`],
      [dir, `Cannot read the file: it is a directory → at base (found ${JSON.stringify(dir)})`],
      [other, `The file is an experiment (it has base and no opds), not a scenario: base must name a scenario file → at base (found ${JSON.stringify(other)})`],
    ] as const) {
      const c = baseCompare('bc.yaml', target);
      expect(await refused(['compare', c])).toBe(`✗ ${c}:2:7 ${said}`);
      const s = baseSweep('bs.yaml', target);
      expect(await refused(['sweep', s])).toBe(`✗ ${s}:2:7 ${said}`);
    }
  });

  it('a national scenario as base or variant: at its line and field', async () => {
    const national = join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml');
    const v = variantFile('nat-v.yaml', national);
    expect(await refused(['compare', v])).toBe(
      `✗ ${v}:6:11 The file is a national scenario (it has governments): difusi compare takes city scenarios; run it with difusi national ${national}, or compare two variants with difusi national-compare ${national} --set path=value → at variants[0].file (found ${JSON.stringify(national)})`,
    );
    const b = baseSweep('nat-b.yaml', national);
    expect(await refused(['sweep', b])).toBe(
      `✗ ${b}:2:7 The file is a national scenario (it has governments): difusi sweep takes city scenarios; run it with difusi national ${national} → at base (found ${JSON.stringify(national)})`,
    );
  });

  it('a national scenario as base or variant, under --lang id: the same line in Indonesian (the catalog\'s experiment_arm_national; it was built by hand, in English only)', async () => {
    const national = join(ROOT, 'scenarios', 'indonesia-2015-2025.yaml');
    const v = variantFile('nat-v-id.yaml', national);
    expect(await refused(['compare', v, '--lang', 'id'])).toBe(
      `✗ ${v}:6:11 Berkas ini skenario nasional (memuat governments): difusi compare hanya menerima skenario kota; jalankan dengan difusi national ${national}, atau bandingkan dua skenario pengandaian dengan difusi national-compare ${national} --set path=value → di variants[0].file (ditemukan ${JSON.stringify(national)})`,
    );
    const b = baseSweep('nat-b-id.yaml', national);
    for (const command of ['sweep', 'sensitivity']) {
      expect(await refused([command, b, '--lang', 'id'])).toBe(
        `✗ ${b}:2:7 Berkas ini skenario nasional (memuat governments): difusi ${command} hanya menerima skenario kota; jalankan dengan difusi national ${national} → di base (ditemukan ${JSON.stringify(national)})`,
      );
      // English, byte for byte as the hand-built line was (sensitivity's too).
      expect(await refused([command, b])).toBe(
        `✗ ${b}:2:7 The file is a national scenario (it has governments): difusi ${command} takes city scenarios; run it with difusi national ${national} → at base (found ${JSON.stringify(national)})`,
      );
    }
  });

  it("a problem inside the named scenario keeps the scenario's own line", async () => {
    const broken = write('broken.yaml', 'a: [\n');
    const c = baseCompare('inside.yaml', broken);
    expect(await refused(['compare', c])).toMatch(new RegExp(`^✗ ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:1 YAML syntax error`));
  });

  it('a base that is a link leading back to itself, or an empty file: at base, saying which (a loop was called not found)', async () => {
    const loop = join(folder(), 'loop.yaml');
    symlinkSync(loop, loop);
    const a = baseCompare('loop-base.yaml', loop);
    expect(await refused(['compare', a])).toBe(`✗ ${a}:2:7 Cannot read the file: it is a symbolic link that leads back to itself (a loop) → at base (found ${JSON.stringify(loop)})`);
    const empty = write('empty.yaml', '');
    const b = baseCompare('empty-base.yaml', empty);
    expect(await refused(['compare', b])).toContain(`✗ ${b}:2:7 The file is empty → at base`);
  });
});
