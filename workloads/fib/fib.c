/* fib: naive doubly recursive Fibonacci, fib(0) = 0, fib(1) = 1. Usage: fib N (0 <= N <= 40). */
#include "wfb.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t fib(uint32_t n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

int wfb_main(int argc, char **argv, wfb_out *out) {
  if (argc != 2) {
    fprintf(stderr, "fib: expected one argument N (0..40), got %d\n", argc - 1);
    return 1;
  }
  char *end = NULL;
  long n = strtol(argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || n < 0 || n > 40) {
    fprintf(stderr, "fib: N must be a whole number from 0 to 40, got `%s`\n", argv[1]);
    return 1;
  }
  wfb_out_printf(out, "%llu\n", (unsigned long long)fib((uint32_t)n));
  return 0;
}
