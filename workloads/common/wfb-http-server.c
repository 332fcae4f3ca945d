/*
 * wfb-http-server.c: main() of a workload built as an HTTP server, native and wasm32-wasi alike.
 * It replaces wfb-main.c in the build (whose output buffer it reuses, see below) and answers
 * `GET /<workload>?a&b` with `wfb_main(argc, argv, out)` run for that request, argv being
 * {"<workload>", "a", "b"} (percent-decoded): status 200, Content-Length, the output as body.
 * HTTP/1.1 keep-alive is honoured, as are `Connection: close` and HTTP/1.0. Build with
 * -DWFB_WORKLOAD_NAME='"html"': the one path it serves.
 *
 * Usage (native):  <server> --port P [--threads N] [--wfb-fault F]
 * Usage (wasm):    wazero run -listen 127.0.0.1:P <server>.wasm [--wfb-fault F]
 * (Wasmtime 49 cannot run it: its CLI dropped the legacy preview1 implementation that `-S
 * tcplisten` needs; `-S preview2=n` is "no longer supported".)
 * Natively it binds 127.0.0.1:P itself (exit 6 with a clear message when the port is in use) and
 * runs N event loops in N threads (default: one per online CPU) on the shared listening socket. In
 * WebAssembly (preview1, single-threaded) the runtime opens the socket and hands it over as a
 * preopened descriptor (the first socket from fd 3 on, or --listen-fd N); one event loop accepts
 * with sock_accept. Every loop is poll() over non-blocking sockets. In WebAssembly poll() does not
 * wait (timeout 0): wazero 1.12's poll_oneoff reports every non-blocking socket ready at once, and
 * with no clock subscription it then sleeps forever; instead a pass that makes no progress sleeps
 * 20 us, doubling up to 1 ms, so an idle server does not spin and a busy one does not wait.
 * (wazero 1.12 also never closes a guest's socket and mishandles multi-buffer writes on non-blocking
 * sockets; see wfb_socket_close and wfb_socket_one_buffer_per_write.)
 *
 * Fault injection for failure-mode tests (--wfb-fault, once):
 *   truncate       every response sends half of its body, then closes (Content-Length stays whole);
 *   wrong-body     one body byte is flipped (length stays right);
 *   crash-after=N  the process aborts on request N+1;
 *   no-bind        it never listens (native) or never accepts (wasm), and sleeps until killed.
 *
 * Exit codes: 2 bad arguments, 4 out of memory, 6 the socket could not be opened or bound.
 */
#define _GNU_SOURCE
#define main wfb_command_main
#include "wfb-main.c"
#undef main

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/uio.h>
#include <unistd.h>

#include "wfb-http.h"
#include "wfb-http-socket.h"

#ifndef WFB_WORKLOAD_NAME
#error "build with -DWFB_WORKLOAD_NAME='\"<workload>\"'"
#endif

/* Most connections one event loop holds open; more wait in the listen backlog. */
#define MAX_CONNECTIONS 1024

typedef enum { FAULT_NONE, FAULT_TRUNCATE, FAULT_WRONG_BODY, FAULT_CRASH_AFTER, FAULT_NO_BIND } fault_kind;

static fault_kind fault = FAULT_NONE;
static long crash_after = 0;
static long requests_seen = 0;

/* One client connection; its buffers stay allocated for the next connection in this slot. */
typedef struct {
  int fd; /* -1 when the slot is free */
  char in[2 * WFB_HTTP_MAX_HEAD + 1];
  size_t in_len;
  char head[256];
  size_t head_len;
  wfb_out body;
  size_t body_send; /* body bytes to send (fewer than body.len under the truncate fault) */
  size_t sent;      /* bytes of head and body sent so far */
  int sending;
  int close_after;
  wfb_http_request request;
} connection;

/* One event loop and its connections. */
typedef struct {
  int listen_fd;
  connection *slots[MAX_CONNECTIONS];
  int open; /* written by this loop only, read by the others (atomically) */
  struct pollfd fds[MAX_CONNECTIONS + 1];
  int owner[MAX_CONNECTIONS + 1];
} event_loop;

static event_loop *loops[64];
static int loop_count = 0;

static void close_connection(event_loop *loop, connection *c) {
  wfb_socket_close(c->fd);
  c->fd = -1;
  __atomic_sub_fetch(&loop->open, 1, __ATOMIC_RELAXED);
}

/*
 * Whether this loop holds no more connections than any other. Only such loops accept, one
 * connection per pass, so that connections spread evenly over the threads (left to the race of
 * accept(), one woken thread would take a whole burst of them and serve them on one CPU).
 */
static int least_loaded(const event_loop *loop) {
  if (loop->open >= MAX_CONNECTIONS) return 0;
  for (int i = 0; i < loop_count; i++) {
    if (__atomic_load_n(&loops[i]->open, __ATOMIC_RELAXED) < loop->open) return 0;
  }
  return 1;
}

/* Runs the workload for the parsed request and queues the response. */
static void respond(connection *c, const wfb_http_request *request) {
  long seen = __atomic_add_fetch(&requests_seen, 1, __ATOMIC_SEQ_CST);
  if (fault == FAULT_CRASH_AFTER && seen > crash_after) {
    fprintf(stderr, "wfb-http-server: fault crash-after=%ld: aborting on request %ld\n", crash_after, seen);
    abort();
  }
  c->body.len = 0;
  int status = wfb_http_run(request, WFB_WORKLOAD_NAME, &c->body);
  c->close_after = request->close;
  c->body_send = request->head_only ? 0 : c->body.len;
  if (status == 200 && fault == FAULT_TRUNCATE) {
    c->body_send = c->body.len / 2;
    c->close_after = 1;
  }
  if (status == 200 && fault == FAULT_WRONG_BODY && c->body.len > 0) c->body.data[c->body.len / 2] ^= 0x01;
  const char *type = status == 200 ? wfb_http_content_type(c->body.data, c->body.len) : "text/plain; charset=utf-8";
  c->head_len = wfb_http_format_head(c->head, sizeof c->head, status, type, c->body.len, c->close_after);
  c->sent = 0;
  c->sending = 1;
}

/* Sends what the socket takes; returns 1 on progress. Closes the connection when done and asked to. */
static int send_some(event_loop *loop, connection *c) {
  size_t total = c->head_len + c->body_send;
  int progress = 0;
  while (c->sent < total) {
    struct iovec parts[2];
    int count = 0;
    if (c->sent < c->head_len) parts[count++] = (struct iovec){c->head + c->sent, c->head_len - c->sent};
    size_t body_at = c->sent > c->head_len ? c->sent - c->head_len : 0;
    if (c->body_send > body_at && !(count == 1 && wfb_socket_one_buffer_per_write)) {
      parts[count++] = (struct iovec){c->body.data + body_at, c->body_send - body_at};
    }
    ssize_t n = writev(c->fd, parts, count);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return progress;
    if (n <= 0) {
      close_connection(loop, c);
      return 1;
    }
    c->sent += (size_t)n;
    progress = 1;
  }
  c->sending = 0;
  if (c->close_after) close_connection(loop, c);
  return 1;
}

/* Answers every whole request already buffered (pipelining), one response at a time. */
static void answer_buffered(event_loop *loop, connection *c) {
  while (c->fd >= 0 && !c->sending) {
    c->in[c->in_len] = '\0';
    if (!wfb_http_parse(c->in, c->in_len, WFB_WORKLOAD_NAME, &c->request)) return;
    respond(c, &c->request);
    memmove(c->in, c->in + c->request.consumed, c->in_len - c->request.consumed);
    c->in_len -= c->request.consumed;
    send_some(loop, c);
  }
}

/* Reads or writes whatever a ready connection allows; returns 1 on progress. */
static int service(event_loop *loop, connection *c) {
  if (c->sending) {
    if (!send_some(loop, c)) return 0;
    answer_buffered(loop, c);
    return 1;
  }
  ssize_t n = read(c->fd, c->in + c->in_len, sizeof c->in - 1 - c->in_len);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return 0;
  if (n <= 0) {
    close_connection(loop, c);
    return 1;
  }
  c->in_len += (size_t)n;
  answer_buffered(loop, c);
  return 1;
}

/* Accepts one pending connection into a free slot; returns 1 on progress. */
static int accept_one(event_loop *loop) {
  if (!least_loaded(loop)) return 0;
  int fd = wfb_socket_accept(loop->listen_fd);
  if (fd < 0) return 0;
  int slot = 0;
  while (loop->slots[slot] && loop->slots[slot]->fd >= 0) slot++;
  if (!loop->slots[slot]) {
    loop->slots[slot] = calloc(1, sizeof(connection));
    if (!loop->slots[slot]) wfb_out_of_memory(sizeof(connection));
  }
  connection *c = loop->slots[slot];
  c->fd = fd;
  c->in_len = 0;
  c->sending = 0;
  __atomic_add_fetch(&loop->open, 1, __ATOMIC_RELAXED);
  return 1;
}

/* One event loop: poll, then accept and service whatever is ready, forever. */
static void *run_event_loop(void *arg) {
  event_loop *loop = arg;
  long idle_us = 0;
  for (;;) {
    int nfds = 0;
    if (least_loaded(loop)) {
      loop->fds[nfds] = (struct pollfd){.fd = loop->listen_fd, .events = POLLIN};
      loop->owner[nfds++] = -1;
    }
    for (int i = 0; i < MAX_CONNECTIONS && loop->slots[i]; i++) {
      connection *c = loop->slots[i];
      if (c->fd < 0) continue;
      loop->fds[nfds] = (struct pollfd){.fd = c->fd, .events = c->sending ? POLLOUT : POLLIN};
      loop->owner[nfds++] = i;
    }
    if (poll(loop->fds, (nfds_t)nfds, wfb_socket_poll_may_spin ? 0 : -1) < 0 && errno != EINTR) {
      fprintf(stderr, "wfb-http-server: poll failed: %s\n", strerror(errno));
      exit(1);
    }
    int progress = 0;
    for (int k = 0; k < nfds; k++) {
      if (!loop->fds[k].revents) continue;
      if (loop->owner[k] < 0) {
        progress |= accept_one(loop);
        continue;
      }
      connection *c = loop->slots[loop->owner[k]];
      // The slot may have been closed and reused by an accept earlier in this pass.
      if (c->fd != loop->fds[k].fd) continue;
      progress |= service(loop, c);
      // A pass over many busy connections is long (each request runs the workload): accepting
      // between them keeps a burst of new connections from waiting for whole passes.
      progress |= accept_one(loop);
    }
    idle_us = progress ? 0 : idle_us == 0 ? 20 : idle_us < 1000 ? idle_us * 2 : 1000;
    if (idle_us > 0 && wfb_socket_poll_may_spin) wfb_sleep_us(idle_us);
  }
  return NULL;
}

static int parse_fault(const char *value) {
  if (!value) return 0;
  if (strcmp(value, "truncate") == 0) fault = FAULT_TRUNCATE;
  else if (strcmp(value, "wrong-body") == 0) fault = FAULT_WRONG_BODY;
  else if (strcmp(value, "no-bind") == 0) fault = FAULT_NO_BIND;
  else if (strncmp(value, "crash-after=", 12) == 0 && parse_repeat(value + 12, &crash_after)) fault = FAULT_CRASH_AFTER;
  else return 0;
  return 1;
}

int main(int argc, char **argv) {
  long port = -1, threads = 0, listen_fd = -1;
  for (int i = 1; i < argc; i += 2) {
    const char *flag = argv[i];
    const char *value = i + 1 < argc ? argv[i + 1] : NULL;
    int ok = value != NULL;
    if (ok && strcmp(flag, "--port") == 0) ok = parse_repeat(value, &port) && port > 0 && port < 65536;
    else if (ok && strcmp(flag, "--threads") == 0) ok = parse_repeat(value, &threads) && threads > 0 && threads <= 64;
    else if (ok && strcmp(flag, "--listen-fd") == 0) ok = parse_repeat(value, &listen_fd);
    else if (ok && strcmp(flag, "--wfb-fault") == 0) ok = parse_fault(value);
    else ok = 0;
    if (!ok) {
      fprintf(stderr, "wfb-http-server: bad argument `%s %s`. Usage: %s --port P [--threads N] [--listen-fd N] "
              "[--wfb-fault truncate|wrong-body|crash-after=N|no-bind]\n", flag, value ? value : "", argv[0]);
      return 2;
    }
  }
  if (fault == FAULT_NO_BIND) {
    fprintf(stderr, "wfb-http-server: fault no-bind: not serving, sleeping until killed\n");
    for (;;) wfb_sleep_us(1000000);
  }
  int fd = wfb_socket_listen(port, listen_fd);
  if (threads == 0) threads = wfb_socket_default_threads();
  void *args[64];
  for (long i = 0; i < threads; i++) {
    event_loop *loop = calloc(1, sizeof(event_loop));
    if (!loop) wfb_out_of_memory(sizeof(event_loop));
    loop->listen_fd = fd;
    loops[i] = args[i] = loop;
  }
  loop_count = (int)threads;
  fprintf(stderr, "wfb-http-server: serving GET /%s (%ld event loop%s)\n", WFB_WORKLOAD_NAME, threads, threads == 1 ? "" : "s");
  wfb_socket_run_threads((int)threads, run_event_loop, args);
  return 0;
}
