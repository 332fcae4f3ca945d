/*
 * norm: the Euclidean norm of a vector of n pseudo-random values in [0, 1) (a 64-bit LCG,
 * Knuth's MMIX constants), printed with 6 decimals. C against wfb.h, linked with libm (sqrt).
 * Usage: norm [n]  (default 100000)
 */
#include "wfb.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

int wfb_main(int argc, char **argv, wfb_out *out) {
  long n = argc > 1 ? strtol(argv[1], NULL, 10) : 100000;
  if (n < 0) n = 0;
  uint64_t state = 42;
  double sum = 0.0;
  for (long i = 0; i < n; i++) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    double x = (double)(state >> 11) / 9007199254740992.0; /* 53 random bits in [0, 1) */
    sum += x * x;
  }
  wfb_out_printf(out, "norm of %ld values: %.6f\n", n, sqrt(sum));
  return 0;
}
