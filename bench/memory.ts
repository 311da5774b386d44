/**
 * Memory stays flat as replications grow: the peak resident set
 * of `difusi run` on the Bekasi scenario with many replications against a
 * tenth as many. Not a test: it takes minutes (the large run simulates
 * 10,000 replications); run it after `npm run build`:
 *
 *     node dist/bench/memory.js              # 1,000 vs 10,000 replications, all cores
 *     node dist/bench/memory.js 200 2000 2   # small, large, workers
 *
 * Each run is `node dist/src/cli/main.js run scenarios/bekasi-2015-2025.yaml
 * -r N --out <tmp> -q --detail 0` under `/usr/bin/time -v` (peak RSS of the
 * process and its worker threads); without /usr/bin/time the VmHWM of
 * /proc/<pid>/status is sampled instead. Prints both peaks and their ratio
 * (the target: at most 2).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'src', 'cli', 'main.js');
const scenario = path.join(root, 'scenarios', 'bekasi-2015-2025.yaml');
const TIME = '/usr/bin/time';

interface Measure {
  readonly replications: number;
  /** Peak resident set size, kB. */
  readonly peakKb: number;
  readonly seconds: number;
}

function measure(replications: number, workers: number): Promise<Measure> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'difusi-memory-'));
  const args = [cli, 'run', scenario, '-r', String(replications), '--out', out, '-q', '--detail', '0', '-w', String(workers)];
  const useTime = fs.existsSync(TIME);
  const started = Date.now();
  const child = useTime ? spawn(TIME, ['-v', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] }) : spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let sampled = 0;
  const sampler = useTime
    ? undefined
    : setInterval(() => {
        try {
          const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
          sampled = Math.max(sampled, kb);
        } catch {
          // the process has ended
        }
      }, 100);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (sampler) clearInterval(sampler);
      fs.rmSync(out, { recursive: true, force: true });
      if (code !== 0) {
        reject(new Error(`difusi run -r ${replications} failed (${code}):\n${stderr}`));
        return;
      }
      const fromTime = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
      resolve({ replications, peakKb: useTime ? fromTime : sampled, seconds: (Date.now() - started) / 1000 });
    });
  });
}

async function main(): Promise<void> {
  const small = Number(process.argv[2] ?? 1000);
  const large = Number(process.argv[3] ?? 10_000);
  const workers = Number(process.argv[4] ?? Math.max(1, os.availableParallelism()));
  const show = (m: Measure) =>
    `${String(m.replications).padStart(6)} replications: peak RSS ${(m.peakKb / 1024).toFixed(1).padStart(7)} MB  (${m.seconds.toFixed(0)} s)`;
  process.stdout.write(`difusi run ${path.relative(root, scenario)}, ${workers} workers\n`);
  const a = await measure(small, workers);
  process.stdout.write(show(a) + '\n');
  const b = await measure(large, workers);
  process.stdout.write(show(b) + '\n');
  const ratio = b.peakKb / a.peakKb;
  process.stdout.write(`ratio ${ratio.toFixed(2)} (${large / small}x the replications; target <= 2)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
