/*
 * wfb-http-wasi.c: a workload as a wasi:http component (world wasi:http/proxy@0.2.12), for
 * `wasmtime serve`: a fresh instance per request, the serverless model. Like the socket server
 * (wfb-http-server.c) it answers `GET /<workload>?a&b` with `wfb_main` run on argv
 * {"<workload>", "a", "b"} (parsing and answering shared in wfb-http-request.c): status 200, a
 * Content-Length and the output as body; other paths and methods get an error status. Every
 * response carries `x-wfb-instance-memory-bytes`: the instance's linear memory after the run.
 *
 * Built as a WASI reactor against C bindings that wit-bindgen generates at build time (`proxy.h`,
 * `proxy.c`), then made a component with the preview1 proxy adapter (see
 * plugin/workloads/build-wasi-http-component.ts). Build with -DWFB_WORKLOAD_NAME='"html"'.
 */
#define main wfb_command_main
#include "wfb-main.c"
#undef main

#include "proxy.h"
#include "wfb-http.h"

#ifndef WFB_WORKLOAD_NAME
#error "build with -DWFB_WORKLOAD_NAME='\"<workload>\"'"
#endif

/*
 * The bindings are generated with --no-object-file (the build embeds the world with `wasm-tools
 * component embed` after linking with --strip-all), but proxy.c still references the object's marker.
 */
void __component_type_object_force_link_proxy(void);
void __component_type_object_force_link_proxy(void) {}

/* One response body; an instance serves one request, so it is filled once. */
static wfb_out body;
static wfb_http_request request;

/* A header entry from two C strings (the bindings copy nothing: the strings must outlive the call). */
static wasi_http_types_tuple2_field_name_field_value_t header(const char *name, const char *value) {
  wasi_http_types_tuple2_field_name_field_value_t entry;
  entry.f0 = (proxy_string_t){(uint8_t *)name, strlen(name)};
  entry.f1 = (wasi_http_types_field_value_t){(uint8_t *)value, strlen(value)};
  return entry;
}

/* Writes the whole body to the stream as fast as the host takes it, then flushes. Returns 0 on a stream error. */
static int write_body(wasi_io_streams_borrow_output_stream_t stream) {
  size_t at = 0;
  wasi_io_streams_stream_error_t error;
  while (at < body.len) {
    uint64_t permit = 0;
    if (!wasi_io_streams_method_output_stream_check_write(stream, &permit, &error)) return 0;
    if (permit == 0) {
      wasi_io_streams_own_pollable_t ready = wasi_io_streams_method_output_stream_subscribe(stream);
      wasi_io_poll_method_pollable_block(wasi_io_poll_borrow_pollable(ready));
      wasi_io_poll_pollable_drop_own(ready);
      continue;
    }
    size_t chunk = body.len - at < permit ? body.len - at : (size_t)permit;
    proxy_list_u8_t bytes = {(uint8_t *)body.data + at, chunk};
    if (!wasi_io_streams_method_output_stream_write(stream, &bytes, &error)) return 0;
    at += chunk;
  }
  return wasi_io_streams_method_output_stream_blocking_flush(stream, &error);
}

void exports_wasi_http_incoming_handler_handle(exports_wasi_http_incoming_handler_own_incoming_request_t incoming,
                                               exports_wasi_http_incoming_handler_own_response_outparam_t response_out) {
  wasi_http_types_borrow_incoming_request_t borrowed = wasi_http_types_borrow_incoming_request(incoming);
  wasi_http_types_method_t method;
  wasi_http_types_method_incoming_request_method(borrowed, &method);
  proxy_string_t target = {(uint8_t *)"/", 1};
  proxy_string_t path;
  int has_path = wasi_http_types_method_incoming_request_path_with_query(borrowed, &path);
  if (has_path) target = path;
  memset(&request, 0, sizeof request);
  if (method.tag != WASI_HTTP_TYPES_METHOD_GET) request.status = 405;
  else request.status = wfb_http_parse_target((const char *)target.ptr, target.len, WFB_WORKLOAD_NAME, &request);
  if (has_path) proxy_string_free(&path);
  wasi_http_types_method_free(&method);
  wasi_http_types_incoming_request_drop_own(incoming);

  body.len = 0;
  int status = wfb_http_run(&request, WFB_WORKLOAD_NAME, &body);
  char length[24], memory[24];
  snprintf(length, sizeof length, "%zu", body.len);
  // The instance's linear memory once the page is made: what each in-flight request holds.
  snprintf(memory, sizeof memory, "%zu", (size_t)__builtin_wasm_memory_size(0) * 65536);
  wasi_http_types_tuple2_field_name_field_value_t entries[] = {
      header("content-type", status == 200 ? wfb_http_content_type(body.data, body.len) : "text/plain; charset=utf-8"),
      header("content-length", length),
      header("x-wfb-instance-memory-bytes", memory),
  };
  wasi_http_types_list_tuple2_field_name_field_value_t list = {entries, 3};
  wasi_http_types_own_fields_t headers;
  wasi_http_types_header_error_t header_error;
  if (!wasi_http_types_static_fields_from_list(&list, &headers, &header_error)) {
    fprintf(stderr, "wfb-http-wasi: the host refused the response headers\n");
    abort();
  }
  wasi_http_types_own_outgoing_response_t response = wasi_http_types_constructor_outgoing_response(headers);
  wasi_http_types_borrow_outgoing_response_t borrowed_response = wasi_http_types_borrow_outgoing_response(response);
  wasi_http_types_method_outgoing_response_set_status_code(borrowed_response, (wasi_http_types_status_code_t)status);
  wasi_http_types_own_outgoing_body_t outgoing;
  wasi_http_types_own_output_stream_t stream;
  if (!wasi_http_types_method_outgoing_response_body(borrowed_response, &outgoing) ||
      !wasi_http_types_method_outgoing_body_write(wasi_http_types_borrow_outgoing_body(outgoing), &stream)) {
    fprintf(stderr, "wfb-http-wasi: the response body could not be opened\n");
    abort();
  }
  wasi_http_types_result_own_outgoing_response_error_code_t result = {.is_err = false, .val = {.ok = response}};
  wasi_http_types_static_response_outparam_set(response_out, &result);

  int written = write_body(wasi_io_streams_borrow_output_stream(stream));
  wasi_io_streams_output_stream_drop_own(stream);
  wasi_http_types_error_code_t finish_error;
  if (!written || !wasi_http_types_static_outgoing_body_finish(outgoing, NULL, &finish_error)) {
    fprintf(stderr, "wfb-http-wasi: writing the %zu-byte body failed\n", body.len);
  }
}
