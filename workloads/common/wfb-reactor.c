/*
 * wfb-reactor.c: the WASI reactor form of a workload, for hosts that keep one instance alive and
 * call the workload many times (the node-wasi HTTP server, fixtures/servers/node-wasi.ts). A
 * command's `_start` runs `main` once and exits; a reactor is initialised once (`_initialize`) and
 * then exports functions. Built from the workload's source together with this file, which includes
 * wfb-main.c for the output buffer and the call (its `main` is renamed and dropped by the linker):
 *
 *   wfb_run() -> int        runs wfb_main once with the instance's WASI arguments; returns its status
 *                           (0 on success, 2 when the arguments cannot be read)
 *   wfb_output_ptr() -> ptr the bytes the last wfb_run wrote (valid until the next wfb_run)
 *   wfb_output_len() -> len how many
 *
 * Each call starts from an empty buffer (its memory is kept), as a warm repetition of wfb-main.c does.
 */
#define main wfb_command_main
#include "wfb-main.c"
#undef main

#include <wasi/api.h>

static wfb_out reactor_out;
static int reactor_argc;
static char **reactor_argv;

// The WASI arguments (program name first), read once: a reactor's libc does not collect them.
static int read_arguments(void) {
  __wasi_size_t count = 0;
  __wasi_size_t bytes = 0;
  if (__wasi_args_sizes_get(&count, &bytes) != 0 || count == 0) return 0;
  char **argv = calloc((size_t)count + 1, sizeof *argv);
  char *text = malloc(bytes);
  if (!argv || !text) wfb_out_of_memory(bytes);
  if (__wasi_args_get((uint8_t **)argv, (uint8_t *)text) != 0) return 0;
  reactor_argc = (int)count;
  reactor_argv = argv;
  return 1;
}

__attribute__((export_name("wfb_run"))) int wfb_run(void) {
  if (!reactor_argv && !read_arguments()) return 2;
  reactor_out.len = 0;
  return wfb_call(reactor_argc, reactor_argv, &reactor_out, 0);
}

__attribute__((export_name("wfb_output_ptr"))) const char *wfb_output_ptr(void) { return reactor_out.data; }

__attribute__((export_name("wfb_output_len"))) size_t wfb_output_len(void) { return reactor_out.len; }
