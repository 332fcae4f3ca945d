/*
 * wfb-http-socket.c: the platform side of the HTTP server harness (see wfb-http-socket.h).
 * Native: binds 127.0.0.1 itself, one event loop per thread, SIGTERM/SIGINT exit at once (the
 * server may be a container's pid 1, which ignores signals it has no handler for), and the kernel
 * sends SIGTERM when the parent dies (PR_SET_PDEATHSIG), so a killed harness takes the server along.
 * wasm32-wasi (preview1): the runtime owns the socket and the process; one event loop.
 */
#define _GNU_SOURCE
#include "wfb-http-socket.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void wfb_sleep_us(long us) {
  struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
  nanosleep(&ts, NULL);
}

#ifdef __wasi__
#include <wasi/api.h>

const int wfb_socket_poll_may_spin = 1;

/*
 * wazero 1.12's fd_write goes through the buffers one by one and, on a non-blocking socket, neither
 * stops after a short write (the next buffer's bytes follow a gap) nor reports the bytes already
 * written when a later buffer hits EAGAIN. With one buffer per call both cases cannot happen.
 */
const int wfb_socket_one_buffer_per_write = 1;

int wfb_socket_listen(long port, long listen_fd) {
  if (port >= 0) {
    fprintf(stderr, "wfb-http-server: --port is for native builds; in WebAssembly the runtime opens the socket: "
                    "`wazero run -listen 127.0.0.1:P`\n");
    exit(2);
  }
  for (long fd = listen_fd >= 0 ? listen_fd : 3; fd < (listen_fd >= 0 ? listen_fd + 1 : 64); fd++) {
    __wasi_fdstat_t stat;
    if (__wasi_fd_fdstat_get((__wasi_fd_t)fd, &stat) == 0 && stat.fs_filetype == __WASI_FILETYPE_SOCKET_STREAM) {
      fcntl((int)fd, F_SETFL, O_NONBLOCK);
      return (int)fd;
    }
  }
  fprintf(stderr, "wfb-http-server: no preopened listening socket%s; run it with `wazero run -listen 127.0.0.1:P`\n",
          listen_fd >= 0 ? " at --listen-fd" : " (fd 3 and up)");
  exit(6);
}

int wfb_socket_accept(int listen_fd) {
  __wasi_fd_t fd;
  if (__wasi_sock_accept((__wasi_fd_t)listen_fd, __WASI_FDFLAGS_NONBLOCK, &fd) != 0) return -1;
  fcntl((int)fd, F_SETFL, O_NONBLOCK);
  return (int)fd;
}

/*
 * wazero 1.12's fd_close of a socket does nothing at all (its close() marks the file closed, then
 * calls Shutdown(SHUT_RDWR), which calls close() again and returns at once), so the client would
 * never see the end of the connection. Shutting down the sending side first sends the FIN; the
 * descriptor itself stays open in the wazero process.
 */
void wfb_socket_close(int fd) {
  __wasi_sock_shutdown((__wasi_fd_t)fd, __WASI_SDFLAGS_WR);
  close(fd);
}

long wfb_socket_default_threads(void) { return 1; }

void wfb_socket_run_threads(int count, void *(*run)(void *), void **args) {
  if (count != 1) {
    fprintf(stderr, "wfb-http-server: --threads needs a native build; WebAssembly preview1 runs one event loop\n");
    exit(2);
  }
  run(args[0]);
  exit(0);
}

#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>

const int wfb_socket_poll_may_spin = 0;
const int wfb_socket_one_buffer_per_write = 0;

static void exit_on_signal(int signal) { _exit(128 + signal); }

int wfb_socket_listen(long port, long listen_fd) {
  if (port < 0 || listen_fd >= 0) {
    fprintf(stderr, "wfb-http-server: the native server needs --port P (and no --listen-fd, which is for WebAssembly)\n");
    exit(2);
  }
  signal(SIGPIPE, SIG_IGN);
  signal(SIGTERM, exit_on_signal);
  signal(SIGINT, exit_on_signal);
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int one = 1;
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  // SO_REUSEADDR lets a new server bind over connections in TIME_WAIT; a live listener still refuses.
  if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
      bind(fd, (struct sockaddr *)&address, sizeof address) != 0 || listen(fd, 1024) != 0) {
    if (errno == EADDRINUSE) {
      fprintf(stderr, "wfb-http-server: cannot listen on 127.0.0.1:%ld: the port is in use (another process listens on it); pick a free port\n", port);
    } else {
      fprintf(stderr, "wfb-http-server: cannot listen on 127.0.0.1:%ld: %s\n", port, strerror(errno));
    }
    exit(6);
  }
  return fd;
}

int wfb_socket_accept(int listen_fd) {
  int fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (fd < 0) return -1;
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

void wfb_socket_close(int fd) { close(fd); }

long wfb_socket_default_threads(void) {
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  return cpus < 1 ? 1 : cpus > 64 ? 64 : cpus;
}

void wfb_socket_run_threads(int count, void *(*run)(void *), void **args) {
  for (int i = 0; i + 1 < count; i++) {
    pthread_t thread;
    int error = pthread_create(&thread, NULL, run, args[i]);
    if (error != 0) {
      fprintf(stderr, "wfb-http-server: cannot start event loop thread %d: %s\n", i, strerror(error));
      exit(1);
    }
  }
  run(args[count - 1]);
  exit(0);
}
#endif
