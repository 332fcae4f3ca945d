/*
 * wfb-main.c: main() for every wasm-faas-bench workload (see wfb.h), native and wasm32-wasi alike.
 *
 * Usage: <workload> [--wfb-repeat K] [--wfb-extra-work P] [workload args...]
 *
 * Run 0 is the cold run: its output goes to stdout. With K > 0 the workload then runs K more
 * times in the same instance; each call is timed with CLOCK_MONOTONIC around the wfb_main call and
 * reported on stderr as `wfb-warm-ns <nanoseconds>`. Each repetition's output must equal run 0's
 * byte for byte.
 *
 * `--wfb-extra-work P` (whole percent, 0-1000) injects a known slowdown for testing regression
 * gates: after every wfb_main call (run 0 and each repetition) the harness does real extra
 * compute, an integer xorshift loop, until P% of that call's own duration has passed again. The
 * duration is thread CPU time where the runtime provides it (native, node:wasi), so that other
 * load on the machine does not change the amount of extra work, else wall time (CLOCK_MONOTONIC).
 * The extra work is inside the timed region, so a workload call becomes P% slower for every
 * collector (wall, CPU time, instruction counts); output is unchanged.
 *
 * Exit codes of the harness itself: 2 bad harness arguments, 3 a repetition printed different
 * output, 4 out of memory, 5 stdout could not be written. Any other non-zero code is the
 * workload's own.
 */
#define _POSIX_C_SOURCE 199309L
#include "wfb.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct wfb_out {
  char *data;
  size_t len;
  size_t cap;
};

static void wfb_out_of_memory(size_t wanted) {
  fprintf(stderr, "wfb: out of memory (needed %zu bytes of output buffer)\n", wanted);
  exit(4);
}

static void wfb_out_reserve(wfb_out *out, size_t extra) {
  if (extra <= out->cap - out->len) return;
  if (extra > SIZE_MAX - out->len) wfb_out_of_memory(SIZE_MAX);
  size_t needed = out->len + extra;
  size_t cap = out->cap ? out->cap : 4096;
  while (cap < needed) cap = cap > SIZE_MAX / 2 ? needed : cap * 2;
  char *data = realloc(out->data, cap);
  if (!data) wfb_out_of_memory(cap);
  out->data = data;
  out->cap = cap;
}

void wfb_out_write(wfb_out *out, const void *data, size_t len) {
  if (len == 0) return;
  wfb_out_reserve(out, len);
  memcpy(out->data + out->len, data, len);
  out->len += len;
}

void wfb_out_printf(wfb_out *out, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  va_list retry;
  va_copy(retry, args);
  size_t room = out->cap - out->len;
  // vsnprintf needs room for its NUL, which is not part of the output.
  int n = vsnprintf(room ? out->data + out->len : NULL, room, fmt, args);
  va_end(args);
  if (n < 0) {
    va_end(retry);
    fprintf(stderr, "wfb: wfb_out_printf could not format \"%s\"\n", fmt);
    exit(4);
  }
  if ((size_t)n >= room) {
    wfb_out_reserve(out, (size_t)n + 1);
    vsnprintf(out->data + out->len, (size_t)n + 1, fmt, retry);
  }
  va_end(retry);
  out->len += (size_t)n;
}

static int parse_repeat(const char *text, long *repeat) {
  if (!text || !*text) return 0;
  long value = 0;
  for (const char *c = text; *c; c++) {
    if (*c < '0' || *c > '9') return 0;
    if (value > (1L << 30)) return 0;
    value = value * 10 + (*c - '0');
  }
  *repeat = value;
  return 1;
}

static int64_t clock_ns(clockid_t clock) {
  struct timespec ts;
  if (clock_gettime(clock, &ts) != 0) return -1;
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int64_t now_ns(void) { return clock_ns(CLOCK_MONOTONIC); }

// The clock that measures a call for `--wfb-extra-work`: thread CPU time when the runtime has it.
static clockid_t work_clock(void) {
  static int chosen = 0;
  static clockid_t clock = CLOCK_MONOTONIC;
  if (!chosen) {
    chosen = 1;
    if (clock_ns(CLOCK_THREAD_CPUTIME_ID) >= 0) clock = CLOCK_THREAD_CPUTIME_ID;
  }
  return clock;
}

// Keeps the extra work observable, so the compiler cannot drop the loop.
static volatile uint64_t wfb_extra_sink = 1;

// Real compute for `--wfb-extra-work`: xorshift64 steps (Marsaglia 2003) until `duration_ns` has
// passed on `clock`; the clock is read every 64 steps so that short calls overshoot little.
static void wfb_extra_work(clockid_t clock, int64_t duration_ns) {
  if (duration_ns <= 0) return;
  int64_t until = clock_ns(clock) + duration_ns;
  uint64_t x = wfb_extra_sink;
  do {
    for (int i = 0; i < 64; i++) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
    }
  } while (clock_ns(clock) < until);
  wfb_extra_sink = x;
}

// One workload call, followed by the injected extra work when asked for.
static int wfb_call(int argc, char **argv, wfb_out *out, long extra_percent) {
  if (extra_percent <= 0) return wfb_main(argc, argv, out);
  clockid_t clock = work_clock();
  int64_t start = clock_ns(clock);
  int status = wfb_main(argc, argv, out);
  wfb_extra_work(clock, (clock_ns(clock) - start) * extra_percent / 100);
  return status;
}

int main(int argc, char **argv) {
  long repeat = 0;
  long extra_percent = 0;
  int skip = 0;
  // Harness flags come first, in any order; the workload's own arguments follow.
  while (skip + 1 < argc && strncmp(argv[skip + 1], "--wfb-", 6) == 0) {
    const char *flag = argv[skip + 1];
    const char *value = skip + 2 < argc ? argv[skip + 2] : NULL;
    if (strcmp(flag, "--wfb-repeat") == 0) {
      if (!parse_repeat(value, &repeat)) {
        fprintf(stderr, "wfb: --wfb-repeat needs a whole number of repetitions >= 0, got `%s`\n",
                value ? value : "");
        return 2;
      }
    } else if (strcmp(flag, "--wfb-extra-work") == 0) {
      if (!parse_repeat(value, &extra_percent) || extra_percent > 1000) {
        fprintf(stderr, "wfb: --wfb-extra-work needs a whole percent from 0 to 1000, got `%s`\n",
                value ? value : "");
        return 2;
      }
    } else {
      fprintf(stderr, "wfb: unknown harness flag `%s`; use --wfb-repeat K or --wfb-extra-work P\n", flag);
      return 2;
    }
    skip += 2;
  }

  // The workload sees argv[0] followed by its own arguments.
  int work_argc = argc - skip;
  char **work_argv = calloc((size_t)work_argc + 1, sizeof *work_argv);
  if (!work_argv) wfb_out_of_memory(0);
  work_argv[0] = argv[0];
  for (int i = 1; i < work_argc; i++) work_argv[i] = argv[i + skip];

  wfb_out first = {0};
  int status = wfb_call(work_argc, work_argv, &first, extra_percent);
  if (first.len && fwrite(first.data, 1, first.len, stdout) != first.len) {
    fprintf(stderr, "wfb: could not write %zu bytes to stdout\n", first.len);
    return 5;
  }
  if (fflush(stdout) != 0) {
    fprintf(stderr, "wfb: could not flush stdout\n");
    return 5;
  }
  if (status != 0) return status;

  // Sized once so that no repetition pays for growing the buffer.
  wfb_out again = {0};
  wfb_out_reserve(&again, first.len + 1);
  for (long i = 1; i <= repeat; i++) {
    again.len = 0;
    int64_t start = now_ns();
    status = wfb_call(work_argc, work_argv, &again, extra_percent);
    int64_t end = now_ns();
    if (status != 0) return status;
    if (again.len != first.len || (first.len && memcmp(again.data, first.data, first.len) != 0)) {
      fprintf(stderr, "wfb: repetition %ld produced different output (%zu bytes vs %zu bytes)\n", i,
              again.len, first.len);
      return 3;
    }
    fprintf(stderr, "wfb-warm-ns %lld\n", (long long)(end - start));
  }
  return 0;
}
