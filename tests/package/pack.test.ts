/**
 * The packed package works from a fresh project: `npm pack` the built tree,
 * install the tarball into a temporary project and run examples/api.mjs
 * (the example of docs/API.md) against the installed copy.
 *
 * Installing offline from the npm cache is not possible here (the cache
 * does not hold every dependency), so the tarball is unpacked into the
 * project's node_modules/difusi and its runtime dependencies are linked from
 * this clone's node_modules: what is tested is the package's own content
 * (files, main, types, the example's imports), not the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliTestFolder } from '../support/cli.js';

// The build checked before the tests, the folder removed after them.
const folder = cliTestFolder('difusi-pack-');

describe('npm pack, install into a fresh project, run the API example', () => {
  it('the example runs against the installed copy and prints its results', () => {
    const tmp = folder();
    // --ignore-scripts: `npm pack` would run `prepare` (npm run build), rebuilding dist/ in place while other
    // test files run the bundle from it (a chunk deleted under them: "Cannot find module dist/cli/chunk-...").
    // The tree is the build the suite's global setup checked.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8' })) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = packed[0]!.files.map((f) => f.path);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      types: string;
      dependencies: Record<string, string>;
    };
    // main and types point at files the package holds.
    expect(files).toContain(pkg.main);
    expect(files).toContain(pkg.types);

    const project = join(tmp, 'project');
    const installed = join(project, 'node_modules', 'difusi');
    mkdirSync(installed, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'fresh', version: '1.0.0', type: 'module', private: true }));
    execFileSync('tar', ['-xzf', join(tmp, packed[0]!.filename), '-C', installed, '--strip-components=1']);
    for (const dep of Object.keys(pkg.dependencies)) {
      const link = join(project, 'node_modules', dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', dep), link, 'dir');
    }
    cpSync(join(ROOT, 'examples', 'api.mjs'), join(project, 'api.mjs'));

    // The project resolves difusi to the unpacked tarball, not to this clone.
    const resolved = execFileSync(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('difusi'))"], {
      cwd: project,
      encoding: 'utf8',
    }).trim();
    expect(resolved).toBe(`file://${join(installed, pkg.main)}`);
    expect(existsSync(join(installed, 'src'))).toBe(false); // sources are not shipped, only dist/

    const r = spawnSync(process.execPath, ['api.mjs'], { cwd: project, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('invalid input, as data: wrong_type at months');
    expect(lines).toContain('ok');
    expect(r.stdout).toMatch(/sustained\.e-permit: more-advantage - base = /);
    expect(r.stdout).toMatch(/sweep bekasi-sweep: 20 points/);
  });
});

describe('the API example from a clone', () => {
  // examples/api.mjs says it runs from a clone after `npm run build`; it
  // imports 'difusi' by name, which resolves to the clone itself only
  // through package.json's "exports" (Node's self-reference).
  it('node examples/api.mjs runs in the repository and exits 0', () => {
    const r = spawnSync(process.execPath, [join('examples', 'api.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('sustained in');
  });
});
