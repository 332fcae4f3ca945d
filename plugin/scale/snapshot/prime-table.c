/*
 * prime-table: a workload whose initialisation does real work, for pre-initialised snapshots
 * (Wizer) against a plain start (docs/scale.md, "Snapshots"). Usage: prime-table K (1 <= K <= 155611)
 * prints the K-th prime.
 *
 * Its state is a table of the 155,611 primes below 2^21 (608 KiB), built once per instance by a
 * sieve of Eratosthenes over a 256 KiB bit set that is cleared again afterwards (scratch space, as a
 * parser's buffers would be). A plain instance builds it in its first call; `wizer.initialize`
 * builds it ahead of time, so a module that Wizer pre-initialised starts with the table in its
 * data segments and its first call only looks the answer up. The initialisation calls no import
 * and no libc (Wizer forbids imports; libc's constructors have not run yet then).
 */
#include "wfb.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define LIMIT (1u << 21)
#define PRIME_COUNT 155611u

static uint8_t composite[LIMIT / 8];
static uint32_t primes[PRIME_COUNT];
static uint32_t prime_count;

static void build_table(void) {
  for (uint32_t i = 2; (uint64_t)i * i < LIMIT; i++) {
    if (composite[i >> 3] & (1u << (i & 7))) continue;
    for (uint32_t j = i * i; j < LIMIT; j += i) composite[j >> 3] |= (uint8_t)(1u << (j & 7));
  }
  uint32_t count = 0;
  for (uint32_t i = 2; i < LIMIT && count < PRIME_COUNT; i++) {
    if (!(composite[i >> 3] & (1u << (i & 7)))) primes[count++] = i;
  }
  // The bit set was scratch space: cleared, it costs a snapshot nothing (Wizer keeps non-zero memory only).
  for (uint32_t i = 0; i < LIMIT / 8; i++) composite[i] = 0;
  prime_count = count;
}

/* Wizer's initialisation function: builds the table ahead of time. */
__attribute__((export_name("wizer.initialize"))) void wizer_initialize(void) { build_table(); }

int wfb_main(int argc, char **argv, wfb_out *out) {
  if (argc != 2) {
    fprintf(stderr, "prime-table: expected one argument K (1..%u), got %d\n", PRIME_COUNT, argc - 1);
    return 1;
  }
  char *end = NULL;
  long k = strtol(argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || k < 1 || k > (long)PRIME_COUNT) {
    fprintf(stderr, "prime-table: K must be a whole number from 1 to %u, got `%s`\n", PRIME_COUNT, argv[1]);
    return 1;
  }
  if (prime_count == 0) build_table();
  if (prime_count != PRIME_COUNT) {
    fprintf(stderr, "prime-table: the sieve found %u primes below %u, expected %u\n", prime_count, LIMIT, PRIME_COUNT);
    return 3;
  }
  wfb_out_printf(out, "%u\n", primes[k - 1]);
  return 0;
}
