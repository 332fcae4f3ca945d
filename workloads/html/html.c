/*
 * html: builds a deterministic ~720 KiB HTML page in memory on every call and prints it, like a
 * server-side rendered page: head and styles, navigation, an article, a long invocation-log
 * table and a footer. All text comes from a fixed-seed LCG, so every call prints the same bytes.
 * No arguments.
 */
#include "wfb.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define ARTICLE_SECTIONS 24
#define PARAGRAPHS_PER_SECTION 3
#define TABLE_ROWS 2478

/* Numerical Recipes LCG (Press et al., "Numerical Recipes", 2nd ed., 7.1): deterministic everywhere. */
typedef struct {
  uint32_t state;
} lcg;

static uint32_t lcg_next(lcg *rng) {
  rng->state = rng->state * 1664525u + 1013904223u;
  return rng->state;
}

static uint32_t lcg_below(lcg *rng, uint32_t bound) { return (lcg_next(rng) >> 8) % bound; }

static const char *const words[] = {
    "runtime",  "sandbox",   "instance", "cold",     "start",   "module",   "linear",   "memory",
    "request",  "tenant",    "latency",  "deadline", "worker",  "queue",    "function", "scheduler",
    "isolate",  "container", "snapshot", "compile",  "execute", "handler",  "payload",  "response",
    "throughput", "R&D",     "p99",      "<fast>",   "edge",    "region",   "cache",    "trap",
    "WASI",     "host",      "guest",    "syscall",  "page",    "table",    "invocation", "budget",
};
#define WORD_COUNT (sizeof words / sizeof words[0])

static const char *const functions[] = {"resize-image", "fib", "render-page", "auth-check",
                                        "thumbnail", "json-transform", "geo-lookup", "log-ingest"};
static const char *const runtimes[] = {"wasmtime", "wazero", "wasmi", "node-wasi", "sledge", "faasm"};
static const char *const regions[] = {"eu-west", "eu-central", "us-east", "us-west", "ap-south"};
static const char *const statuses[] = {"ok", "ok", "ok", "ok", "ok", "ok", "retry", "timeout", "error"};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* Writes text with HTML's special characters escaped. */
static void write_escaped(wfb_out *out, const char *text) {
  const char *run = text;
  for (const char *c = text;; c++) {
    const char *entity = NULL;
    switch (*c) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\0': break;
      default: continue;
    }
    wfb_out_write(out, run, (size_t)(c - run));
    if (!entity) return;
    wfb_out_write(out, entity, strlen(entity));
    run = c + 1;
  }
}

static void write_sentence(wfb_out *out, lcg *rng) {
  uint32_t length = 6 + lcg_below(rng, 12);
  for (uint32_t i = 0; i < length; i++) {
    const char *word = words[lcg_below(rng, WORD_COUNT)];
    if (i == 0) {
      char first[2] = {word[0] >= 'a' && word[0] <= 'z' ? (char)(word[0] - 'a' + 'A') : word[0], '\0'};
      write_escaped(out, first);
      write_escaped(out, word + 1);
    } else {
      wfb_out_write(out, " ", 1);
      if (lcg_below(rng, 16) == 0) {
        wfb_out_write(out, "<em>", 4);
        write_escaped(out, word);
        wfb_out_write(out, "</em>", 5);
      } else {
        write_escaped(out, word);
      }
    }
  }
  wfb_out_write(out, ". ", 2);
}

static void write_head(wfb_out *out) {
  static const char head[] =
      "<!DOCTYPE html>\n"
      "<html lang=\"en\">\n"
      "<head>\n"
      "<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Invocation log &middot; wasm-faas-bench sample page</title>\n"
      "<style>\n"
      "  :root { --fg: #1d232a; --bg: #fdfdfc; --accent: #5b3cc4; --muted: #6b7280; }\n"
      "  * { box-sizing: border-box; }\n"
      "  body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }\n"
      "  header, footer { padding: 1rem 2rem; background: #f1eefb; }\n"
      "  header h1 { margin: 0; font-size: 1.6rem; color: var(--accent); }\n"
      "  nav ul { display: flex; gap: 1rem; list-style: none; margin: .5rem 0 0; padding: 0; }\n"
      "  nav a { color: var(--accent); text-decoration: none; }\n"
      "  main { max-width: 72rem; margin: 0 auto; padding: 1rem 2rem; }\n"
      "  article h2 { margin-top: 2rem; border-bottom: 1px solid #e5e7eb; }\n"
      "  table.log { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }\n"
      "  table.log th, table.log td { padding: .25rem .5rem; border-bottom: 1px solid #eceef1; text-align: left; }\n"
      "  table.log tr.odd { background: #fafafe; }\n"
      "  td.num { text-align: right; }\n"
      "  td.status-ok { color: #047857; } td.status-retry { color: #b45309; }\n"
      "  td.status-timeout, td.status-error { color: #b91c1c; font-weight: 600; }\n"
      "  footer { color: var(--muted); font-size: .85rem; }\n"
      "</style>\n"
      "</head>\n"
      "<body>\n"
      "<header>\n"
      "<h1>Invocation log</h1>\n"
      "<nav><ul><li><a href=\"/\">Overview</a></li><li><a href=\"/functions\">Functions</a></li>"
      "<li><a href=\"/runtimes\">Runtimes</a></li><li><a href=\"/log\" aria-current=\"page\">Log</a></li>"
      "<li><a href=\"/settings\">Settings</a></li></ul></nav>\n"
      "</header>\n"
      "<main>\n";
  wfb_out_write(out, head, sizeof head - 1);
}

static void write_article(wfb_out *out, lcg *rng) {
  wfb_out_write(out, "<article>\n", 10);
  for (int section = 1; section <= ARTICLE_SECTIONS; section++) {
    wfb_out_printf(out, "<section id=\"s%d\">\n<h2>%d. ", section, section);
    write_sentence(out, rng);
    wfb_out_write(out, "</h2>\n", 6);
    for (int p = 0; p < PARAGRAPHS_PER_SECTION; p++) {
      wfb_out_write(out, "<p>", 3);
      uint32_t sentences = 3 + lcg_below(rng, 4);
      for (uint32_t s = 0; s < sentences; s++) write_sentence(out, rng);
      wfb_out_write(out, "</p>\n", 5);
    }
    wfb_out_write(out, "</section>\n", 11);
  }
  wfb_out_write(out, "</article>\n", 11);
}

static void write_table(wfb_out *out, lcg *rng) {
  static const char table_head[] =
      "<table class=\"log\">\n"
      "<caption>Recent invocations</caption>\n"
      "<thead><tr><th>#</th><th>Request</th><th>Function</th><th>Runtime</th><th>Region</th>"
      "<th>Status</th><th>Latency (ms)</th><th>Memory (KiB)</th><th>Checksum</th></tr></thead>\n"
      "<tbody>\n";
  wfb_out_write(out, table_head, sizeof table_head - 1);
  for (int row = 1; row <= TABLE_ROWS; row++) {
    uint32_t request = lcg_next(rng);
    const char *function = functions[lcg_below(rng, COUNT(functions))];
    const char *runtime = runtimes[lcg_below(rng, COUNT(runtimes))];
    const char *region = regions[lcg_below(rng, COUNT(regions))];
    const char *status = statuses[lcg_below(rng, COUNT(statuses))];
    uint32_t latency_us = 150 + lcg_below(rng, 250000);
    uint32_t memory_kib = 64 * (1 + lcg_below(rng, 512));
    uint32_t checksum = lcg_next(rng) ^ request;
    wfb_out_printf(out,
                   "<tr class=\"%s\"><td class=\"num\">%d</td><td><code>req-%08x</code></td>"
                   "<td><a href=\"/functions/%s\">%s</a></td><td>%s</td><td>%s</td>"
                   "<td class=\"status-%s\">%s</td><td class=\"num\">%u.%03u</td>"
                   "<td class=\"num\">%u</td><td><code>%08x</code></td></tr>\n",
                   row % 2 ? "odd" : "even", row, request, function, function, runtime, region, status,
                   status, latency_us / 1000, latency_us % 1000, memory_kib, checksum);
  }
  wfb_out_write(out, "</tbody>\n</table>\n", 18);
}

static void write_footer(wfb_out *out) {
  static const char footer[] =
      "</main>\n"
      "<footer>\n"
      "<p>Generated by the wasm-faas-bench <code>html</code> workload. Every byte of this page is "
      "deterministic, so every response can be checked.</p>\n"
      "</footer>\n"
      "</body>\n"
      "</html>\n";
  wfb_out_write(out, footer, sizeof footer - 1);
}

int wfb_main(int argc, char **argv, wfb_out *out) {
  (void)argv;
  if (argc != 1) {
    fprintf(stderr, "html: takes no arguments, got %d\n", argc - 1);
    return 1;
  }
  lcg rng = {0x2545f491u};
  write_head(out);
  write_article(out, &rng);
  write_table(out, &rng);
  write_footer(out);
  return 0;
}
