/*
 * wfb-http.h: the parts of the HTTP server harness (wfb-http-server.c) that parse a request and
 * answer it, kept apart from the sockets (wfb-http-request.c). Not for workloads: they include wfb.h.
 */
#ifndef WFB_HTTP_H
#define WFB_HTTP_H

#include <stddef.h>

#include "wfb.h"

/* Most workload arguments one request may carry in its query (`/fib?25` is one). */
#define WFB_HTTP_MAX_ARGS 32
/* Largest request head (request line and headers); a longer one is answered 431. */
#define WFB_HTTP_MAX_HEAD 8192

/* What one parsed request asks for. */
typedef struct {
  /* Bytes of the request (head and the body it announced) to drop once it is answered. */
  size_t consumed;
  /* 0 to run the workload, else the error status to answer with (400, 404, 405, 431, 501). */
  int status;
  /* 1 when the connection must close after this response (HTTP/1.0 without keep-alive, `Connection: close`). */
  int close;
  /* 1 for HEAD: the same headers, no body. */
  int head_only;
  /* The workload's argv: argv[0] is its name, then the percent-decoded query parts split at `&`. */
  int argc;
  char *argv[WFB_HTTP_MAX_ARGS + 1];
  /* Storage argv points into. */
  char args[2 * WFB_HTTP_MAX_HEAD];
} wfb_http_request;

/*
 * Parses the request at the start of `data` (`len` bytes, followed by a NUL) for the workload `name`.
 * Returns 1 with `request` filled when a whole head is there, 0 when more bytes are needed, and
 * 1 with status 431 when the head does not fit in WFB_HTTP_MAX_HEAD bytes.
 */
int wfb_http_parse(const char *data, size_t len, const char *name, wfb_http_request *request);

/*
 * Fills `request`'s argv from a request target `/<name>?a&b` (percent-decoded, split at `&`);
 * returns 0, or the error status (400 malformed or too many arguments, 404 another path).
 */
int wfb_http_parse_target(const char *target, size_t len, const char *name, wfb_http_request *request);

/*
 * Answers a parsed request into `body` (empty when called): the workload's output and 200, or a
 * one-line explanation and the request's error status, or 500 when the workload exits non-zero
 * (its output so far, then the explanation).
 */
int wfb_http_run(const wfb_http_request *request, const char *name, wfb_out *body);

/* The reason phrase of a status code this harness sends. */
const char *wfb_http_reason(int status);

/* The Content-Type for a body: text/html when it starts like an HTML page, else text/plain. */
const char *wfb_http_content_type(const char *body, size_t len);

/* Writes the status line and headers (ending in an empty line) to `head`; returns their length. */
size_t wfb_http_format_head(char *head, size_t size, int status, const char *content_type, size_t content_length, int close);

#endif
