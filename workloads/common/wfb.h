/*
 * wfb.h: the interface between a wasm-faas-bench workload and its harness (wfb-main.c).
 *
 * A workload is one C file that implements wfb_main and writes its output only through
 * wfb_out_write / wfb_out_printf. The harness owns main(): it runs wfb_main once, writes that
 * output to stdout, and with `--wfb-repeat K` runs it K more times in the same live process or
 * instance, timing each call and checking that every repetition prints the same bytes.
 *
 * Rules for workloads, so that repetitions are honest:
 * - read every input from argv (never from constants the compiler could fold across calls);
 * - keep no state between calls (no statics that change the output), do not modify argv;
 * - write nothing to stdout directly; stderr is free for diagnostics.
 */
#ifndef WFB_H
#define WFB_H

#include <stddef.h>

/* An in-memory, growable output buffer owned by the harness. Opaque to workloads. */
typedef struct wfb_out wfb_out;

/*
 * The workload. argv[0] is the program name, argv[1..argc-1] the workload's own arguments
 * (harness flags removed). Returns 0 on success; any other value is the process exit code.
 */
int wfb_main(int argc, char **argv, wfb_out *out);

/* Appends len bytes. Exits the process with code 4 when memory runs out. */
void wfb_out_write(wfb_out *out, const void *data, size_t len);

/* Appends printf-formatted text (no terminating NUL). Exits with code 4 when memory runs out. */
void wfb_out_printf(wfb_out *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
