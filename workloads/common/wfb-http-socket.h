/*
 * wfb-http-socket.h: what the HTTP server harness (wfb-http-server.c) needs from the platform,
 * native (Linux sockets, threads) or wasm32-wasi (a preopened socket, sock_accept, one thread):
 * see wfb-http-socket.c.
 */
#ifndef WFB_HTTP_SOCKET_H
#define WFB_HTTP_SOCKET_H

/* 1 in WebAssembly, where a write must pass a single buffer (see wfb-http-socket.c). */
extern const int wfb_socket_one_buffer_per_write;

/* 1 in WebAssembly, where poll() must not wait (see wfb-http-server.c) and idle passes sleep instead. */
extern const int wfb_socket_poll_may_spin;

/*
 * The non-blocking listening socket: natively bound to 127.0.0.1:`port` (exit 6 with a clear
 * message when that fails, e.g. the port is in use); in wasm the runtime's preopened socket
 * (`listen_fd`, or the first socket from fd 3 on when it is negative). Exits 2 on a flag that does
 * not fit the target.
 */
int wfb_socket_listen(long port, long listen_fd);

/* One pending connection as a non-blocking descriptor, or -1 when there is none (or it failed). */
int wfb_socket_accept(int listen_fd);

/* Closes a connection so that the client sees its end (see wfb-http-socket.c for wazero). */
void wfb_socket_close(int fd);

/* Event loops by default: one per online CPU natively, 1 in wasm. */
long wfb_socket_default_threads(void);

/* Runs `run(args[i])` for i < count, each in its own thread (the last in this one); never returns. */
void wfb_socket_run_threads(int count, void *(*run)(void *), void **args);

/* Sleeps `us` microseconds. */
void wfb_sleep_us(long us);

#endif
