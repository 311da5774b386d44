/**
 * Quantile function (inverse CDF) of the standard normal distribution, used
 * for the z critical values of the Wilson interval and of any normal-theory
 * interval.
 *
 * Why not `simple-statistics`' `probit`: it rests on Winitzki's closed-form
 * approximation of the inverse error function, whose error is about 3e-3 at
 * the 97.5 % point (1.95716 instead of 1.95996), visible in the third decimal
 * of a reported interval. This is Wichura's algorithm, accurate to about
 * 1 part in 1e16 over (0, 1).
 *
 * Why not stdlib's `@stdlib/stats-base-dists-normal-quantile`: it returns
 * -Infinity already at p = 1e-20 (where the quantile is -9.26), and Bonferroni
 * levels for many comparisons reach far into the tails.
 *
 * Formula: rational minimax approximations of degree 7/7 in three regions:
 * |p - 0.5| <= 0.425 in r = 0.180625 - q^2; otherwise in r = sqrt(-ln(min(p, 1-p)))
 * for r <= 5 (shifted by 1.6) and r > 5 (shifted by 5).
 *
 * Source: M. J. Wichura (1988), "Algorithm AS 241: The percentage points of
 * the normal distribution", Applied Statistics 37(3):477-484 (PPND16); the
 * coefficients are those of the paper, as used by R's `qnorm`.
 *
 * Complexity: O(1).
 *
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 * normalQuantile(0.5);   // 0
 * normalQuantile(0);     // -Infinity
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;

  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }

  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}
