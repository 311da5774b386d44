/**
 * `difusi sensitivity <experiment> --method morris|sobol`: Morris
 * elementary effects or Sobol' indices (Saltelli sampling, bootstrap 95 %
 * intervals) of the experiment's outcomes over its design factors.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { reportAfter } from './report.js';
import type { DesignMethod } from '../experiment/spec.js';
import type { SensitivityRow } from '../experiment/design.js';
import { asWritten, designBuilder, runDesign, type DesignArgs } from './sweep.js';
import { idDecimal, idInterval, type TerminalLang } from '../messages/terminal-lang.js';
import { toDecimal } from '../messages/decimal.js';

type Measure = Exclude<keyof SensitivityRow, 'method' | 'parameter' | 'outcome' | 'noise_floor'>;

/** The line under a Sobol' outcome's name: its noise floor (design.ts noiseFloor), when there is one. */
export function noiseFloorLine(floor: number | undefined, lang: TerminalLang = 'en'): string | undefined {
  if (floor === undefined || !Number.isFinite(floor)) return undefined;
  // Indonesian: the report's words for the floor (report/i18n/id.ts sumSobol: batas derau, proporsi variasi yang berasal dari derau replikasi).
  if (lang === 'id')
    return `batas derau ${idDecimal(toDecimal(floor, 3))}: proporsi variasi yang berasal dari derau replikasi; faktor tanpa efek pada rata-rata dapat mencapai ST sekitar nilai ini (replikasi yang lebih banyak menurunkannya, sampel yang lebih banyak tidak)`;
  return `noise floor ${toDecimal(floor, 3)}: the share of variance that replication noise gives; a factor without effect on the mean can reach an ST of about this (more replications lower it, more samples do not)`;
}

/** The line under a Morris outcome's name when its table has a floor column (design.ts morrisNoiseFloors: one floor per factor, measured on its own steps). */
export const MORRIS_FLOOR_LINE =
  'floor: the mu* that replication noise alone gives the factor, measured on its own steps; a factor without effect on the mean has a mu* of about its floor (more replications lower it, more trajectories do not)';

/** Printed once after Sobol' tables: what their intervals are (docs/EXPERIMENTS-USAGE.md, "Sensitivity"). */
export const SOBOL_INTERVAL_NOTE =
  "* Bootstrap percentile intervals: about 95 % with design.sequence: random; conservative (wider than 95 %) with the default Sobol' sequence (docs/EXPERIMENTS-USAGE.md, \"Sensitivity\").";

/**
 * The sensitivity tables' words under `--lang id`, the Indonesian report's (report/i18n/id.ts: batas derau,
 * mu* 95% ±, tak terdefinisi, interval bootstrap; IK 95% = interval kepercayaan 95%, as run's table heads it).
 */
const SENSITIVITY_ID = {
  morrisHeader: ['parameter', 'mu* (IK 95% ±)', 'mu', 'sigma'],
  floor: 'batas derau',
  sobolHeader: ['parameter', 'S1 (IK 95%*)', 'ST (IK 95%*)'],
  undefinedCell: 'tak terdefinisi',
  floorLine:
    'batas derau: mu* yang dihasilkan derau replikasi saja untuk faktor itu, diukur pada langkahnya sendiri; faktor tanpa efek pada rata-rata memiliki mu* sekitar batas deraunya (replikasi yang lebih banyak menurunkannya, lintasan (trajectory) Morris yang lebih banyak tidak)',
  sobolNote:
    '* Interval persentil bootstrap, ditulis [bawah; atas] seperti dalam laporan: sekitar 95% dengan design.sequence: random; konservatif (lebih lebar dari 95%) dengan barisan Sobol bawaan (docs/EXPERIMENTS-USAGE.md, "Sensitivity").',
} as const;

/**
 * The line under a Sobol' outcome's name when none of its indices is defined:
 * the outcome has no variance over the design, so every S1 and ST is 0/0
 * (sobol.csv leaves their cells empty).
 */
export function noVarianceLine(outcome: string, lang: TerminalLang = 'en'): string {
  // Indonesian: as the report says it (report/i18n/id.ts sobolNoVariance).
  if (lang === 'id')
    return `tanpa variasi: ${outcome} bernilai sama di setiap titik desain, sehingga indeks Sobol-nya tidak terdefinisi (0/0: tidak ada variasi yang dapat dibagi di antara faktor); selnya di sobol.csv kosong`;
  return `no variance: ${outcome} is the same at every design point, so its Sobol' indices are undefined (0/0: no variance to share among the factors); their cells in sobol.csv are empty`;
}

/**
 * A Sobol' index with its interval ("0.550 (0.306 to 0.807)"; Indonesian "0,550 [0,306; 0,807]"); the index
 * alone without an interval, "undefined" ("tak terdefinisi") without an index.
 */
function sobolCell(x: number, low: number, high: number, f: (x: number) => string, lang: TerminalLang): string {
  if (!Number.isFinite(x)) return lang === 'id' ? SENSITIVITY_ID.undefinedCell : 'undefined';
  if (!(Number.isFinite(low) && Number.isFinite(high))) return f(x);
  return lang === 'id' ? `${f(x)} ${idInterval(f(low), f(high))}` : `${f(x)} (${f(low)} to ${f(high)})`;
}

/** Largest first; an undefined (NaN) value last. */
const descending = (a: number, b: number): number => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : b - a);

/**
 * The sensitivity table for the terminal, from the rows written to sensitivity.csv: per outcome, factors by
 * importance. `lang` `id`: the Indonesian report's words, numbers with a decimal comma and intervals written
 * [bawah; atas]; the same figures.
 */
export function formatSensitivity(sensitivity: readonly SensitivityRow[], lang: TerminalLang = 'en'): string {
  const rows = [...sensitivity];
  const id = lang === 'id';
  const num = (r: SensitivityRow, k: Measure) => asWritten(r[k]);
  const fixed = (x: number) => (Number.isFinite(x) ? toDecimal(x, 3).replace(/^-(0\.0+)$/, '$1') : '');
  const f = id ? (x: number) => idDecimal(fixed(x)) : fixed;
  // Values tiny next to the outcome's largest (|x| < 1e-12 of it) are rounding noise: 0.
  const g = (x: number, scale: number) => (Number.isFinite(x) && Math.abs(x) < 1e-12 * scale ? f(0) : f(x));
  const blocks: string[] = [];
  for (const outcome of [...new Set(rows.map((r) => r.outcome))]) {
    const mine = rows.filter((r) => r.outcome === outcome);
    const morris = mine[0]?.method === 'morris';
    const key = morris ? 'mu_star' : 'ST';
    mine.sort((a, b) => descending(num(a, key), num(b, key)));
    // Sobol': an outcome with no variance over the design has no index to print (every S1 and ST is 0/0,
    // and so is its noise floor, which divides by the same variance); one line says why.
    const noFloor = !Number.isFinite(asWritten(mine[0]?.noise_floor ?? Number.NaN));
    if (!morris && noFloor && mine.every((r) => !Number.isFinite(num(r, 'S1')) && !Number.isFinite(num(r, 'ST')))) {
      blocks.push([outcome, noVarianceLine(outcome, lang)].join('\n'));
      continue;
    }
    const scale = Math.max(0, ...mine.flatMap((r) => (['mu_star', 'mu', 'sigma'] as const).map((k) => Math.abs(num(r, k))).filter(Number.isFinite)));
    // Morris: each factor's noise floor in a column of its own (floors differ by factor), where measured.
    // Morris: each factor's noise floor in a column of its own, where measured (one replication: none).
    const floors = morris && mine.some((r) => Number.isFinite(asWritten(r.noise_floor ?? Number.NaN)));
    const header = id
      ? morris
        ? [...SENSITIVITY_ID.morrisHeader, ...(floors ? [SENSITIVITY_ID.floor] : [])]
        : [...SENSITIVITY_ID.sobolHeader]
      : morris
        ? ['parameter', 'mu* (95% CI ±)', 'mu', 'sigma', ...(floors ? ['floor'] : [])]
        : ['parameter', 'S1 (95% CI*)', 'ST (95% CI*)'];
    const table = mine.map((r) =>
      morris
        ? [
            r.parameter,
            `${g(num(r, 'mu_star'), scale)}${Number.isFinite(num(r, 'mu_star_conf')) ? ` ± ${g(num(r, 'mu_star_conf'), scale)}` : ''}`,
            g(num(r, 'mu'), scale),
            g(num(r, 'sigma'), scale),
            ...(floors ? [f(asWritten(r.noise_floor ?? Number.NaN))] : []),
          ]
        : [
            r.parameter,
            sobolCell(num(r, 'S1'), num(r, 'S1_low'), num(r, 'S1_high'), f, lang),
            sobolCell(num(r, 'ST'), num(r, 'ST_low'), num(r, 'ST_high'), f, lang),
          ],
    );
    const widths = header.map((h, c) => Math.max(h.length, ...table.map((t) => t[c]!.length)));
    const line = (t: string[]) => t.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
    const floor = morris
      ? floors
        ? id
          ? SENSITIVITY_ID.floorLine
          : MORRIS_FLOOR_LINE
        : undefined
      : noiseFloorLine(mine[0] === undefined ? undefined : asWritten(mine[0].noise_floor ?? Number.NaN), lang);
    blocks.push([outcome, ...(floor === undefined ? [] : [floor]), line(header), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n'));
  }
  if (rows.some((r) => r.method === 'sobol')) blocks.push(id ? SENSITIVITY_ID.sobolNote : SOBOL_INTERVAL_NOTE);
  return blocks.join('\n\n');
}

export const sensitivityCommand: CommandModule<object, DesignArgs> = {
  command: 'sensitivity <experiment>',
  describe: "Morris elementary effects or Sobol' indices of the outcomes over the design's factors",
  builder: (y: Argv<object>) =>
    designBuilder(y).option('method', {
      type: 'string',
      choices: ['morris', 'sobol'],
      describe: "morris (mu*, sigma) or sobol (S1, ST with bootstrap CIs); default: the experiment's design",
    }) as unknown as Argv<DesignArgs>,
  handler: async (args: ArgumentsCamelCase<DesignArgs>) => {
    const result = await runDesign(args, 'sensitivity', args.method as DesignMethod | undefined);
    if (result?.rows === undefined) return;
    const text = formatSensitivity(result.rows.sensitivity, args.lang);
    if (text !== '') process.stdout.write(`\n${text}\n\n`);
    process.stdout.write(`results: ${result.dir}\n`);
    await reportAfter(result.dir, args.charts, args.lang, args.png);
  },
};
