/**
 * The standard normal distribution, for the normal approximations of the regression gate.
 */

/**
 * Complementary error function erfc(x), with fractional error below 1.2e-7 everywhere (so tail
 * probabilities stay accurate far out, unlike 1 - erf). Method: the Chebyshev-fitted
 * approximation `erfcc` of Press, Teukolsky, Vetterling & Flannery, "Numerical Recipes in C",
 * 2nd ed. (1992), section 6.2.
 */
export function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  const value = t * Math.exp(poly)
  return x >= 0 ? value : 2 - value
}

/** P(Z > z) for a standard normal Z: the upper tail, accurate in the far tail (via erfc). */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2)
}

/**
 * The p-quantile of the standard normal distribution (0 < p < 1), relative error below 1.15e-9.
 * Method: Peter J. Acklam's rational approximation (2003, "An algorithm for computing the inverse
 * normal cumulative distribution function"), central region and both tails.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? Number.NEGATIVE_INFINITY : p === 1 ? Number.POSITIVE_INFINITY : Number.NaN
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239]
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1]
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]
  const horner = (coefficients: number[], x: number): number => coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0)
  const low = 0.02425
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    return horner(c, q) / (horner(d, q) * q + 1)
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p))
    return -horner(c, q) / (horner(d, q) * q + 1)
  }
  const q = p - 0.5
  const r = q * q
  return (horner(a, r) * q) / (horner(b, r) * r + 1)
}
