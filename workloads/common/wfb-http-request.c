/*
 * wfb-http-request.c: HTTP/1.x request parsing and response heads for the HTTP server harness
 * (see wfb-http.h). Only what the benchmark needs: GET and HEAD of `/<workload>?arg&arg`, the
 * Connection header, and request bodies skipped by Content-Length (chunked bodies are refused).
 */
#include "wfb-http.h"

#include <stdio.h>
#include <string.h>

/* The largest request body skipped (Content-Length); the connection buffer holds head and body. */
#define MAX_BODY WFB_HTTP_MAX_HEAD

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

/* Whether the `len` bytes at `text` equal `word`, ignoring ASCII case. */
static int equals_word(const char *text, size_t len, const char *word) {
  if (strlen(word) != len) return 0;
  for (size_t i = 0; i < len; i++) {
    if (lower((unsigned char)text[i]) != lower((unsigned char)word[i])) return 0;
  }
  return 1;
}

/* Whether the comma-separated header value contains the token `word` (case-insensitive). */
static int has_token(const char *value, size_t len, const char *word) {
  size_t start = 0;
  while (start < len) {
    size_t end = start;
    while (end < len && value[end] != ',') end++;
    size_t from = start, to = end;
    while (from < to && (value[from] == ' ' || value[from] == '\t')) from++;
    while (to > from && (value[to - 1] == ' ' || value[to - 1] == '\t')) to--;
    if (equals_word(value + from, to - from, word)) return 1;
    start = end + 1;
  }
  return 0;
}

static int hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Percent-decodes `len` bytes into `out` (NUL-terminated); returns the bytes written or -1 if malformed. */
static long percent_decode(const char *text, size_t len, char *out) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    if (text[i] == '%') {
      if (i + 2 >= len) return -1;
      int hi = hex_value((unsigned char)text[i + 1]);
      int lo = hex_value((unsigned char)text[i + 2]);
      if (hi < 0 || lo < 0) return -1;
      out[n++] = (char)(hi * 16 + lo);
      i += 2;
    } else {
      out[n++] = text[i];
    }
  }
  out[n] = '\0';
  return (long)n;
}

int wfb_http_parse_target(const char *target, size_t len, const char *name, wfb_http_request *request) {
  if (len == 0 || target[0] != '/') return 400;
  size_t path_end = 0;
  while (path_end < len && target[path_end] != '?') path_end++;
  if (path_end - 1 != strlen(name) || memcmp(target + 1, name, path_end - 1) != 0) return 404;
  char *storage = request->args;
  size_t name_len = strlen(name);
  memcpy(storage, name, name_len + 1);
  request->argv[0] = storage;
  request->argc = 1;
  storage += name_len + 1;
  size_t at = path_end + 1;
  while (at < len) {
    size_t end = at;
    while (end < len && target[end] != '&') end++;
    if (request->argc == WFB_HTTP_MAX_ARGS) return 400;
    long decoded = percent_decode(target + at, end - at, storage);
    if (decoded < 0) return 400;
    request->argv[request->argc++] = storage;
    storage += decoded + 1;
    at = end + 1;
  }
  request->argv[request->argc] = NULL;
  return 0;
}

int wfb_http_parse(const char *data, size_t len, const char *name, wfb_http_request *request) {
  memset(request, 0, offsetof(wfb_http_request, argv));
  size_t head_len = 0;
  size_t limit = len < WFB_HTTP_MAX_HEAD ? len : WFB_HTTP_MAX_HEAD;
  for (size_t i = 0; i + 3 < limit; i++) {
    if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') {
      head_len = i + 4;
      break;
    }
  }
  if (head_len == 0) {
    if (len < WFB_HTTP_MAX_HEAD) return 0;
    request->status = 431;
    request->close = 1;
    request->consumed = len;
    return 1;
  }

  // Request line: METHOD SP TARGET SP HTTP/1.x
  const char *line_end = strstr(data, "\r\n");
  const char *method = data;
  const char *space1 = memchr(method, ' ', (size_t)(line_end - method));
  const char *target = space1 ? space1 + 1 : NULL;
  const char *space2 = target ? memchr(target, ' ', (size_t)(line_end - target)) : NULL;
  const char *version = space2 ? space2 + 1 : NULL;
  size_t version_len = version ? (size_t)(line_end - version) : 0;
  int http11 = version_len == 8 && memcmp(version, "HTTP/1.1", 8) == 0;
  if (!space2 || !(http11 || (version_len == 8 && memcmp(version, "HTTP/1.0", 8) == 0))) {
    request->status = 400;
  } else if ((size_t)(space1 - method) == 4 && memcmp(method, "HEAD", 4) == 0) {
    request->head_only = 1;
  } else if (!((size_t)(space1 - method) == 3 && memcmp(method, "GET", 3) == 0)) {
    request->status = 405;
  }
  request->close = !http11;

  // Headers: Connection, Content-Length, Transfer-Encoding.
  size_t body_len = 0;
  for (const char *line = line_end + 2; line < data + head_len - 2;) {
    const char *end = strstr(line, "\r\n");
    const char *colon = memchr(line, ':', (size_t)(end - line));
    if (colon) {
      const char *value = colon + 1;
      size_t value_len = (size_t)(end - value);
      if (equals_word(line, (size_t)(colon - line), "connection")) {
        if (has_token(value, value_len, "close")) request->close = 1;
        else if (has_token(value, value_len, "keep-alive")) request->close = 0;
      } else if (equals_word(line, (size_t)(colon - line), "content-length")) {
        body_len = 0;
        for (size_t i = 0; i < value_len; i++) {
          if (value[i] >= '0' && value[i] <= '9' && body_len <= MAX_BODY) body_len = body_len * 10 + (size_t)(value[i] - '0');
          else if (value[i] != ' ' && value[i] != '\t') request->status = 400;
        }
      } else if (equals_word(line, (size_t)(colon - line), "transfer-encoding")) {
        request->status = 501;
      }
    }
    line = end + 2;
  }
  if (body_len > MAX_BODY) {
    request->status = 413;
  } else if (head_len + body_len > len) {
    return 0;
  }
  request->consumed = head_len + body_len;
  if (request->status == 0) {
    request->status = wfb_http_parse_target(target, (size_t)(space2 - target), name, request);
  }
  // An error ends the connection: the harness does not try to resynchronise on a bad request.
  if (request->status != 0) request->close = 1;
  return 1;
}

const char *wfb_http_reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Content Too Large";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    default: return "Error";
  }
}

const char *wfb_http_content_type(const char *body, size_t len) {
  static const char doctype[] = "<!doctype html";
  if (len >= sizeof doctype - 1 && equals_word(body, sizeof doctype - 1, doctype)) return "text/html; charset=utf-8";
  if (len >= 5 && equals_word(body, 5, "<html")) return "text/html; charset=utf-8";
  return "text/plain; charset=utf-8";
}

size_t wfb_http_format_head(char *head, size_t size, int status, const char *content_type, size_t content_length, int close) {
  int n = snprintf(head, size, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\nConnection: %s\r\n\r\n", status,
                   wfb_http_reason(status), content_type, content_length, close ? "close" : "keep-alive");
  return n < 0 ? 0 : (size_t)n;
}

int wfb_http_run(const wfb_http_request *request, const char *name, wfb_out *body) {
  if (request->status != 0) {
    wfb_out_printf(body, "wfb-http-server: %d %s; this server answers GET /%s?arg&arg\n", request->status, wfb_http_reason(request->status), name);
    return request->status;
  }
  int code = wfb_main(request->argc, (char **)request->argv, body);
  if (code == 0) return 200;
  wfb_out_printf(body, "\nwfb-http-server: workload %s exited with status %d\n", name, code);
  return 500;
}
