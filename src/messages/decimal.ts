/**
 * The one rounding of every number printed for a reader (report text and
 * tables, chart labels, the terminal's tables; docs/OUTPUTS.md, "How
 * numbers are rounded"): the value's shortest decimal form (what String(x)
 * writes: 49.755; to 15 significant digits, so that the residue of a sum,
 * 95.06499999999999, is 95.065) rounded half away from zero (49.76;
 * −49.755 to −49.76).
 * JavaScript's toFixed rounds the binary value instead, which lies just
 * under or over such a half: 49.755 printed 49.76 but 50.385 printed 50.38,
 * and a mean of 200 replications is often such a half (a sum over 200), so a
 * printed base, variant and difference did not add up. The CSVs keep the
 * full values, and cache keys do not round. No dependencies: the explorer
 * page imports it too.
 */

/** `x` rounded to `digits` decimals (0 to 100) as decimal text, like toFixed but half away from zero on String(x). A negative x keeps its "-" (as toFixed: "-0.00"); -0 prints "0". */
export function toDecimal(x: number, digits: number): string {
  return shifted(x, 0, digits);
}

/**
 * `x` times 10^`shift` (a share as percent: shift 2), rounded as toDecimal:
 * the decimal point is moved in the text, so 0.12345 is 12.345 and rounds
 * to 12.35 (100 * 0.12345 is 12.344999999999999 in binary).
 */
export function shifted(x: number, shift: number, digits: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return (x * 10 ** shift).toFixed(digits);
  const negative = x < 0;
  // The shortest digits (toExponential() without an argument gives as many as String(x) does) of the value
  // to 15 significant digits, all a double holds: floating-point residue such as the sum 95.06499999999999
  // is the 95.065 it stands for.
  const [mantissa, exponent] = Number(Math.abs(x).toPrecision(15)).toExponential().split('e') as [string, string];
  const allDigits = mantissa.replace('.', '');
  // Digits before the decimal point, once the point is moved by `shift`.
  let whole = 1 + Number(exponent) + shift;
  let text = allDigits;
  if (whole <= 0) {
    text = '0'.repeat(1 - whole) + text;
    whole = 1;
  }
  if (text.length < whole + digits) text = text.padEnd(whole + digits, '0');
  let kept = text.slice(0, whole + digits);
  const next = text.charCodeAt(whole + digits);
  if (next >= 53 /* '5' */) {
    const up = (BigInt(kept) + 1n).toString();
    kept = up.padStart(kept.length, '0');
    if (up.length > kept.length) kept = up;
    whole = kept.length - digits;
  }
  const intPart = kept.slice(0, whole).replace(/^0+(?=\d)/, '');
  const out = digits > 0 ? `${intPart}.${kept.slice(whole)}` : intPart;
  return negative ? `-${out}` : out;
}
