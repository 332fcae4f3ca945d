/**
 * Student's t distribution, for tests against a spread estimated from a few runs.
 */

/** ln(Gamma(x)) for x > 0: Lanczos approximation, coefficients of Press et al., "Numerical Recipes in C", 2nd ed. (1992), 6.1 (gammln). */
function logGamma(x: number): number {
  const coefficients = [76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155, 1.208650973866179e-3, -0.5395239384953e-5]
  let y = x
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5)
  let series = 1.000000000190015
  for (const coefficient of coefficients) series += coefficient / ++y
  return -tmp + Math.log((Math.sqrt(2 * Math.PI) * series) / x)
}

/** Continued fraction of the incomplete beta function by the modified Lentz method (Numerical Recipes 6.4, betacf). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < tiny) d = tiny
  d = 1 / d
  let h = d
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-15) break
  }
  return h
}

/** The regularised incomplete beta function I_x(a, b), 0 <= x <= 1 (Numerical Recipes 6.4, betai). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x))
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b
}

/**
 * P(T > t) for Student's t with `df` degrees of freedom: 0.5 * I_{df / (df + t^2)}(df / 2, 1 / 2)
 * for t >= 0 (Abramowitz & Stegun 26.7.1 with 26.5.27).
 */
export function studentTUpperTail(t: number, df: number): number {
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5)
  return t >= 0 ? tail : 1 - tail
}

/** The p-quantile of Student's t with `df` degrees of freedom (0 < p < 1), by bisection on the upper tail to 1e-12. */
export function studentTQuantile(p: number, df: number): number {
  if (p === 0.5) return 0
  if (p < 0.5) return -studentTQuantile(1 - p, df)
  const tail = 1 - p
  let low = 0
  let high = 1
  while (studentTUpperTail(high, df) > tail) high *= 2
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const middle = (low + high) / 2
    if (studentTUpperTail(middle, df) > tail) low = middle
    else high = middle
  }
  return (low + high) / 2
}
