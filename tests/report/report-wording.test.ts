/**
 * Words of the rendered reports that a reader could take otherwise:
 *
 * - What is counted per replication is said so ("95.06 agency-service pairs
 *   end per replication"), never "per run": a run is the whole command, which
 *   wrote every replication, and the Indonesian report, the terminal and the
 *   glossary say per replication.
 * - An id (a what-if's, a service's, an outcome's) is written as compare.csv,
 *   the terminal and the manifest write it: a summary sentence never
 *   capitalises it ("The what-if bekasi-cctv-city changes:", not
 *   "Bekasi-cctv-city changes:").
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runContext } from '../../src/report/charts.js';
import { executiveSummary, sentenceCase } from '../../src/report/summary.js';
import { writeReport } from '../../src/store/report-write.js';
import { readResults } from '../../src/store/results-read.js';
import { COMPARE_DIR, RUN_DIR, SWEEP_DIR } from './helpers.js';

/** A comparison with counts (exits per replication, no pp) and probabilities, two what-ifs with ids in lower case. */
const COMPARE_CSV = `outcome,variant,n,base_mean,base_ci_low,base_ci_high,variant_mean,variant_ci_low,variant_ci_high,diff_mean,diff_ci_low,diff_ci_high,relative_change,correlation,level
sustained.smart_health,bekasi-cctv-city,200,0.19,0.14,0.25,0.465,0.40,0.53,0.275,0.2,0.35,1.447,0.3,0.975
discontinuations.defunded,bekasi-cctv-city,200,52.3,50.1,54.5,5.3,4.9,5.7,-47.0,-49.1,-44.9,-0.9,0.5,0.975
discontinuations.total,bekasi-cctv-city,200,95.06,93.0,97.1,50.1,48.0,52.2,-44.96,-47.1,-42.8,-0.47,0.6,0.975
sustained.smart_health,mayor-stays,200,0.19,0.14,0.25,0.2,0.15,0.26,0.01,-0.02,0.04,0.05,0.3,0.975
discontinuations.defunded,mayor-stays,200,52.3,50.1,54.5,52.1,49.9,54.3,-0.2,-1.1,0.7,0,0.9,0.975
`;

const temps: string[] = [];
let runDir: string;
let compareDir: string;

/** Every text file a report wrote in `dir` for `lang`: report.md, report.html and the SVG charts. */
function reportTexts(dir: string, lang: 'en' | 'id'): Map<string, string> {
  const suffix = lang === 'en' ? '' : `.${lang}`;
  const charts = lang === 'en' ? 'charts' : `charts.${lang}`;
  const out = new Map<string, string>();
  for (const f of [`report${suffix}.md`, `report${suffix}.html`]) out.set(f, readFileSync(join(dir, f), 'utf8'));
  for (const f of readdirSync(join(dir, charts)).filter((n) => n.endsWith('.svg'))) out.set(`${charts}/${f}`, readFileSync(join(dir, charts, f), 'utf8'));
  return out;
}

beforeAll(async () => {
  runDir = mkdtempSync(join(tmpdir(), 'difusi-wording-run-'));
  compareDir = mkdtempSync(join(tmpdir(), 'difusi-wording-compare-'));
  temps.push(runDir, compareDir);
  cpSync(RUN_DIR, runDir, { recursive: true });
  cpSync(COMPARE_DIR, compareDir, { recursive: true });
  writeFileSync(join(compareDir, 'compare.csv'), COMPARE_CSV);
  // The run fixture's scenario: its services have names.
  const run = JSON.parse(readFileSync(join(RUN_DIR, 'manifest.json'), 'utf8')) as { scenario: unknown };
  const manifest = JSON.parse(readFileSync(join(compareDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(compareDir, 'manifest.json'), JSON.stringify({ ...manifest, scenario: run.scenario }));
  for (const dir of [runDir, compareDir]) {
    await writeReport(dir, { png: false });
    await writeReport(dir, { png: false, lang: 'id' });
  }
}, 120_000);
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** No page or chart of `texts` says "per run" or "share of runs". */
function expectNoPerRun(texts: Map<string, string>): void {
  for (const [file, text] of texts) {
    expect(text, file).not.toMatch(/\bper run\b/i);
    expect(text, file).not.toMatch(/\bshare of runs\b/i);
  }
}

describe('per replication, not per run', () => {
  test('the English report of a Bekasi run says exits per replication, in the summary, the tables and the charts', () => {
    const texts = reportTexts(runDir, 'en');
    expectNoPerRun(texts);
    const md = texts.get('report.md')!;
    expect(md).toMatch(/On average [\d.]+ agency-service pairs end per replication; the main causes/);
    expect(md).toMatch(/Exits cluster in 2022-03 \([\d.]+ per replication, at /);
  });

  test('the English report of a comparison: outcome names, the summary and the forest chart say per replication', () => {
    const texts = reportTexts(compareDir, 'en');
    expectNoPerRun(texts);
    const md = texts.get('report.md')!;
    expect(md).toContain('exits, all causes (per replication)');
    expect(md).toContain('exits: defunded (per replication) falls by 47.0');
    // The forest chart's axis of a count: variant − base per replication, said once (the outcome's name says it).
    expect(texts.get('charts/forest.svg')).toContain('exits: defunded (per replication): variant − base (97.5 % interval)');
    expect(texts.get('charts/forest.svg')).not.toContain('(per replication): variant − base (per replication');
  });

  test('the Indonesian reports already said per replication and still do', () => {
    for (const dir of [runDir, compareDir]) {
      const md = reportTexts(dir, 'id').get('report.id.md')!;
      expect(md).toContain('per replikasi');
      expect(md).not.toMatch(/\bper run\b/i);
    }
  });
});

describe('ids are never re-cased', () => {
  test("a what-if's id is written as compare.csv writes it, in English and Indonesian, report.md and report.html", () => {
    const en = reportTexts(compareDir, 'en');
    const id = reportTexts(compareDir, 'id');
    expect(en.get('report.md')).toContain('The what-if bekasi-cctv-city changes: ');
    expect(en.get('report.md')).toContain('The what-if mayor-stays has no clear effect on any of the 2 outcomes compared.');
    expect(id.get('report.id.md')).toContain('Skenario pengandaian bekasi-cctv-city mengubah: ');
    expect(id.get('report.id.md')).toContain('Skenario pengandaian mayor-stays tidak menunjukkan efek yang jelas pada 2 hasil yang dibandingkan.');
    for (const [file, text] of [...en, ...id]) {
      expect(text, file).not.toContain('Bekasi-cctv-city');
      expect(text, file).not.toContain('Mayor-stays');
    }
    expect(en.get('report.html')).toContain('The what-if bekasi-cctv-city changes: ');
    expect(id.get('report.id.html')).toContain('Skenario pengandaian bekasi-cctv-city mengubah: ');
  });

  test('a summary sentence that starts with an id keeps its case; one that starts with a name from the catalog is capitalised', async () => {
    // The sweep fixture's outcome live_end has no name in the catalog: its sentence starts with the id.
    const sweep = await readResults(SWEEP_DIR);
    const summary = executiveSummary(sweep, runContext(sweep));
    expect(summary.some((p) => p.startsWith('live_end'))).toBe(true);
    expect(summary.some((p) => p.startsWith('Live_end'))).toBe(false);
    const ids = ['bekasi-cctv-city', 'live_end', 'smart_health'];
    expect(sentenceCase('bekasi-cctv-city: no clear effect.', ids, 'en')).toBe('bekasi-cctv-city: no clear effect.');
    expect(sentenceCase('smart_health sustained (probability) changes over the design', ids, 'en')).toBe('smart_health sustained (probability) changes over the design');
    expect(sentenceCase('services in use (share of eligible agency-service pairs) changes', ids, 'en')).toBe('Services in use (share of eligible agency-service pairs) changes');
    // An id that is only the head of the first word is not the first word.
    expect(sentenceCase('live_end_share changes', ids, 'en')).toBe('Live_end_share changes');
  });
});
