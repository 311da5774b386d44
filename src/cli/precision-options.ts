/** `--precision X` and its companions, shared by `run` and `compare`. */
import type { Options } from 'yargs';
import { DEFAULT_PRECISION_OUTCOME, PRECISION_MAXIMUM, PRECISION_MINIMUM } from '../experiment/precision-defaults.js';
import type { PrecisionOptions, PrecisionReport } from '../jobs/precision.js';
import { checkNumber, decimalOption, foundText, optionError, wholeFrom, wholeNumberOption, type WholeNumberArg } from './options.js';
import { MAX_REPLICATIONS } from '../scenario/limits.js';
import { MESSAGES, UserError } from '../messages/catalog.js';
import { groupedId } from '../messages/count.js';
import { idDecimal, type TerminalLang } from '../messages/terminal-lang.js';
import { toDecimal } from '../messages/decimal.js';

export const precisionOptions = {
  precision: decimalOption({
    describe: 'add replications until the 95% CI half-width of the outcome, relative to its mean, is at most X (at least 10)',
  }),
  // Defaults applied in precisionFrom, not by yargs: given without --precision, the two
  // companions would do nothing, and a value yargs filled in cannot be told from one typed.
  'precision-outcome': {
    type: 'string',
    defaultDescription: JSON.stringify(DEFAULT_PRECISION_OUTCOME),
    describe: 'the outcome --precision watches (at the horizon): live_share, routinized_share, sustained.<innovation>, ...',
  },
  'max-replications': wholeNumberOption({ defaultDescription: String(PRECISION_MAXIMUM), describe: 'the most replications --precision may run' }),
} as const satisfies Record<string, Options>;

export interface PrecisionArgs {
  /** A number when given as decimal digits (readWholeNumbers); other text as written, refused here. */
  precision?: number | string;
  'precision-outcome'?: string | undefined;
  'max-replications'?: WholeNumberArg | undefined;
  replications?: WholeNumberArg;
}

/** The --precision settings, or undefined when --precision is not given. */
export function precisionFrom(args: PrecisionArgs): PrecisionOptions | undefined {
  if (args.precision === undefined) {
    // Without --precision they would be ignored, a bad value with them (`--max-replications x`).
    for (const name of ['precision-outcome', 'max-replications'] as const) {
      if (args[name] !== undefined) throw UserError.of('option_needs', [`--${name}`, '--precision', 'without --precision the replication count is fixed (-r or the scenario\'s), so it would be ignored'], { file: 'command line' });
    }
    return undefined;
  }
  const target = checkNumber('--precision', args.precision, 'a relative half-width > 0, e.g. 0.05', (n) => Number.isFinite(n) && n > 0);
  const max = checkNumber('--max-replications', args['max-replications'] ?? PRECISION_MAXIMUM, `a whole number from ${PRECISION_MINIMUM} to ${MAX_REPLICATIONS}`, wholeFrom(PRECISION_MINIMUM, MAX_REPLICATIONS));
  if (args.replications !== undefined) throw optionError('--replications', 'no count with --precision (it finds the count)', foundText(args.replications));
  const outcome = args['precision-outcome'] ?? DEFAULT_PRECISION_OUTCOME;
  if (outcome.includes('*'))
    throw optionError('--precision-outcome', 'one outcome, not a family (e.g. sustained.smart-health, not sustained.*)', outcome);
  return { target, outcome, minimum: PRECISION_MINIMUM, maximum: max };
}

/**
 * One line saying what --precision found. `arms`: the report is of a
 * comparison's arms (compare), not of one run.
 *
 * An achieved half-width that is infinite means a mean of 0 (in an arm):
 * the relative half-width h / |mean| is then undefined (a rare event never
 * seen, a cause that never occurs), no count reaches the target, and the
 * rule ran to the maximum. Said in words, not as "Infinity" (the manifest
 * records `achieved: null`, as before).
 *
 * `lang` `id`: in the words of the Indonesian report's line on the same
 * rule (report/i18n/id.ts precisionFact), numbers with a decimal comma;
 * the line still starts with its name, here `presisi:`.
 */
export function precisionLine(p: PrecisionReport, arms = false, lang: TerminalLang = 'en'): string {
  if (lang === 'id') return precisionLineId(p, arms);
  if (p.reached) return `precision: ${p.replications} replications brought the relative 95% CI half-width of ${p.outcome} to ${toDecimal(p.achieved, 4)} (target ${p.target})`;
  const missed = `precision: target ${p.target} for ${p.outcome} NOT reached after ${p.replications} replications (the maximum)`;
  if (p.achieved === Number.POSITIVE_INFINITY) return `${missed}: ${MESSAGES.precision_zero_mean(arms)}`;
  return `${missed}; achieved ${Number.isFinite(p.achieved) ? toDecimal(p.achieved, 4) : String(p.achieved)}`;
}

function precisionLineId(p: PrecisionReport, arms: boolean): string {
  const target = idDecimal(String(p.target));
  const replications = `${groupedId(p.replications)} replikasi`;
  const achieved = (x: number) => (Number.isFinite(x) ? idDecimal(toDecimal(x, 4)) : String(x));
  const meaning = 'setengah lebar interval 95% dibagi rata-ratanya';
  if (p.reached) return `presisi: target ${target} untuk ${p.outcome} tercapai setelah ${replications} (nilai yang dicapai ${achieved(p.achieved)}: ${meaning})`;
  const missed = `presisi: target ${target} untuk ${p.outcome} TIDAK tercapai: berhenti pada batas maksimum, ${replications}`;
  // A mean of 0: the relative half-width is undefined, whatever the count (precision_zero_mean's English reason, in the report's words).
  if (p.achieved === Number.POSITIVE_INFINITY)
    return `${missed}: rata-ratanya 0${arms ? ' pada salah satu skenario' : ''}, sehingga ${meaning} tidak terdefinisi dan tidak ada jumlah replikasi yang dapat mencapai target (amati hasil lain, atau berikan --max-replications yang lebih kecil)`;
  return `${missed} (nilai yang dicapai ${achieved(p.achieved)}: ${meaning})`;
}
