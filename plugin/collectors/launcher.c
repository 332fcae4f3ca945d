/*
 * launcher: times a child process the way `hyperfine -N` does and prints one JSON line per run.
 *
 *   launcher [--stdout PATH] [--stderr PATH] [--stdin PATH] [--timeout-ms N]
 *            [--runs N] [--parent-pid PID] [--numbered-arg I] [--cleanup ARG]...
 *            [--pause-above-bytes N] [--scratch-dir DIR [--keep-on-sigterm]] -- FILE ARG...
 *   launcher --exec [--parent-pid PID] -- FILE ARG...
 *
 * FILE is resolved like execvp (posix_spawnp): a name without a slash is looked up on the
 * launcher's PATH, a path with a slash is used as given (relative to the working directory).
 * The child gets the launcher's environment and working directory; its stdin, stdout and
 * stderr are the given files (default /dev/null; stdout and stderr are truncated).
 *
 * Output on the launcher's own stdout, exit status 0:
 *   {"wallNs":N,"userUs":N,"sysUs":N,"maxRssKiB":N,"nvcsw":N,"nivcsw":N,"exitCode":N|null,"signal":"SIGILL"|null,"timedOut":false}
 * wallNs: CLOCK_MONOTONIC read immediately before posix_spawn and immediately after the
 * child is reaped; user/sys/maxRss and the voluntary/involuntary context switches (nvcsw,
 * nivcsw) come from wait4's rusage (maxRss in KiB on Linux).
 *
 * --runs N (default: one run, as without the option) runs the child N times back to back in
 * this one process and prints one such line per run, in order. Starting a new launcher per
 * sample from Node makes short cold starts read 3-35% above `hyperfine -N`; a series in one
 * process matches it. Each run gets fresh files: a given --stdout/--stderr PATH is a prefix
 * and run i (from 0) writes PATH.<i> (/dev/null stays /dev/null); --stdin is reopened from
 * its start for every run. Opening and closing them is outside the timed region. The timeout
 * applies to each run; after a timed-out run the launcher prints its line and stops (exit 0),
 * so fewer than N lines with the last one timed out means the series was cut short.
 *
 * --numbered-arg I appends the run number (from 0) to the command's argument I (1 = the first
 * argument after FILE) in each run: `ID` becomes `ID0`, `ID1`, … so that each run of a series can
 * name something of its own (a container). The argument is formatted outside the timed region.
 *
 * --cleanup ARG (repeated: the first is the program, the rest its arguments) is a command the
 * launcher runs after it has killed the child because it was told to stop (SIGTERM, SIGINT,
 * SIGHUP, or its parent's death): killing `runc run` leaves its container and cgroup behind,
 * and `--cleanup runc --cleanup delete --cleanup --force --cleanup {3}` removes them. An
 * argument {N} is replaced by argument N of the run being stopped (after --numbered-arg).
 * With a cleanup command, the child is first asked to stop (SIGTERM, 2 s) before it is killed:
 * `runc run` killed during container creation leaves cgroups that `runc delete` cannot find.
 * The cleanup gets 10 s; its output goes to /dev/null.
 *
 * --pause-above-bytes N: once the runs since the last pause have written more than N bytes to
 * their stdout and stderr files, the launcher flushes its lines and, before the next run, waits
 * for one byte on its own stdin: the reader checks and deletes those files meanwhile, so a series
 * of large outputs never holds more than about N bytes (plus one run's) on disk. It announces
 * each pause with the line {"pause":R} (R = runs done). End of file on
 * stdin (the reader is gone) stops the series with an error line. The wait is outside the timed
 * region; series of small outputs never pause.
 *
 * --scratch-dir DIR (repeatable): a folder of the caller's that holds the --stdout/--stderr files (and perhaps
 * other files of this run only). When the launcher is stopped (SIGINT, SIGTERM, SIGHUP, its
 * parent's death, or its reader going away during a pause), nobody will read them: after the
 * cleanup command it deletes the folder and everything in it, so that a Ctrl-C or a killed
 * harness leaves no scratch files. --keep-on-sigterm: a SIGTERM while the parent lives (the
 * parent stopping a server it will then quote the output of) leaves them to the parent.
 *
 * --exec sets the parent-death guard (SIGKILL when the parent dies, and the --parent-pid
 * check) and then replaces itself with FILE (execvp): for long-lived helpers whose own stdio
 * and signal handling must stay as they are (the load generator), which must not outlive
 * their harness.
 *
 * Failures of the launcher itself print {"error":"..."} and exit 127 (2 for usage errors);
 * in a series the lines of the runs already done come first.
 * On SIGTERM, SIGINT or SIGHUP the launcher SIGKILLs and reaps the child, prints
 * {"error":"interrupted by SIGTERM"} and exits 128+signal. It asks the kernel for SIGTERM
 * when its parent dies (PR_SET_PDEATHSIG), so a killed harness takes the child with it.
 * --parent-pid closes the race where the parent dies before prctl runs: when getppid()
 * no longer matches it, the launcher exits without starting anything.
 *
 * Build: cc -O2 -Wall -Wextra -o launcher launcher.c   (Linux: prctl, sigtimedwait)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define EXIT_INTERNAL 127
#define EXIT_USAGE 2

static const struct {
  int number;
  const char *name;
} signal_names[] = {
  {SIGHUP, "SIGHUP"},   {SIGINT, "SIGINT"},       {SIGQUIT, "SIGQUIT"},   {SIGILL, "SIGILL"},
  {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"},     {SIGBUS, "SIGBUS"},     {SIGFPE, "SIGFPE"},
  {SIGKILL, "SIGKILL"}, {SIGUSR1, "SIGUSR1"},     {SIGSEGV, "SIGSEGV"},   {SIGUSR2, "SIGUSR2"},
  {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"},     {SIGTERM, "SIGTERM"},   {SIGCHLD, "SIGCHLD"},
  {SIGCONT, "SIGCONT"}, {SIGSTOP, "SIGSTOP"},     {SIGTSTP, "SIGTSTP"},   {SIGTTIN, "SIGTTIN"},
  {SIGTTOU, "SIGTTOU"}, {SIGURG, "SIGURG"},       {SIGXCPU, "SIGXCPU"},   {SIGXFSZ, "SIGXFSZ"},
  {SIGVTALRM, "SIGVTALRM"}, {SIGPROF, "SIGPROF"}, {SIGWINCH, "SIGWINCH"}, {SIGIO, "SIGIO"},
  {SIGSYS, "SIGSYS"},
#ifdef SIGSTKFLT
  {SIGSTKFLT, "SIGSTKFLT"},
#endif
#ifdef SIGPWR
  {SIGPWR, "SIGPWR"},
#endif
};

/* Writes the signal's name (SIGILL, SIGRTMIN+2, SIG99) into buf. */
static void format_signal(int sig, char *buf, size_t size) {
  for (size_t i = 0; i < sizeof signal_names / sizeof signal_names[0]; i++) {
    if (signal_names[i].number == sig) {
      snprintf(buf, size, "%s", signal_names[i].name);
      return;
    }
  }
  if (sig >= SIGRTMIN && sig <= SIGRTMAX) {
    snprintf(buf, size, "SIGRTMIN+%d", sig - SIGRTMIN);
  } else {
    snprintf(buf, size, "SIG%d", sig);
  }
}

/* Prints {"error":"<message>"} as one JSON line, escaping the message. */
static void print_error(const char *format, ...) {
  char message[1024];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);

  fputs("{\"error\":\"", stdout);
  for (const unsigned char *c = (const unsigned char *)message; *c != '\0'; c++) {
    if (*c == '"' || *c == '\\') {
      printf("\\%c", *c);
    } else if (*c < 0x20) {
      printf("\\u%04x", *c);
    } else {
      putchar(*c);
    }
  }
  fputs("\"}\n", stdout);
  fflush(stdout);
}

static int64_t to_ns(const struct timespec *t) {
  return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec;
}

static int64_t monotonic_ns(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return to_ns(&now);
}

static int64_t timeval_us(const struct timeval *t) {
  return (int64_t)t->tv_sec * 1000000 + t->tv_usec;
}

/* Parses a non-negative decimal integer; returns -1 when the text is not one. */
static long long parse_count(const char *text) {
  char *end = NULL;
  errno = 0;
  long long value = strtoll(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || value < 0) return -1;
  return value;
}

static int open_or_fail(const char *path, int flags, const char *role) {
  int fd = open(path, flags | O_CLOEXEC, 0644);
  if (fd < 0) {
    print_error("cannot open %s file %s: %s", role, path, strerror(errno));
    exit(EXIT_INTERNAL);
  }
  return fd;
}

/* Kills and reaps the child; used on timeout and when the launcher is told to stop. */
static void kill_and_reap(pid_t pid, int *status, struct rusage *usage) {
  kill(pid, SIGKILL);
  while (wait4(pid, status, 0, usage) < 0 && errno == EINTR) {
  }
}

/*
 * Asks the child to stop (SIGTERM) and gives it up to grace_ms to exit on its own before it is
 * killed and reaped: `runc run` killed outright while it creates a container leaves the
 * container's cgroups behind where `runc delete` cannot find them; asked, it tears down itself.
 */
static void stop_gently_and_reap(pid_t pid, int *status, struct rusage *usage, int64_t grace_ms) {
  kill(pid, SIGTERM);
  int64_t deadline_ns = monotonic_ns() + grace_ms * 1000000;
  while (monotonic_ns() < deadline_ns) {
    pid_t reaped = wait4(pid, status, WNOHANG, usage);
    if (reaped == pid) return;
    if (reaped < 0 && errno != EINTR) break;
    struct timespec pause = {0, 2000000};
    nanosleep(&pause, NULL);
  }
  kill_and_reap(pid, status, usage);
}

/* The output file of one run: PATH itself for a single run, PATH.<run> in a series. */
static void output_path(char *buf, size_t size, const char *path, int series, long long run) {
  if (!series || strcmp(path, "/dev/null") == 0) {
    snprintf(buf, size, "%s", path);
  } else if (snprintf(buf, size, "%s.%lld", path, run) >= (int)size) {
    print_error("output path %s.%lld is too long", path, run);
    exit(EXIT_INTERNAL);
  }
}

/* What a run needs besides its number; the same for every run of a series. */
struct run_setup {
  char *const *command;
  /* Index into command of the argument that gets the run number appended, or -1. */
  int numbered_arg;
  const char *stdin_path;
  const char *stdout_path;
  const char *stderr_path;
  int series;
  long long timeout_ms;
  const posix_spawnattr_t *attributes;
  const sigset_t *waited;
  /* The --cleanup command (NULL-terminated), or NULL. */
  char **cleanup;
  /* --scratch-dir (repeatable): folders removed when the launcher is stopped; NULL-terminated, or NULL. */
  char **scratch_dirs;
  /* The launcher's parent at start: when getppid() differs, the parent has died. */
  pid_t parent;
  /* --keep-on-sigterm: a SIGTERM from the live parent leaves the scratch folder to it. */
  int keep_on_sigterm;
};

static int remove_entry(const char *path, const struct stat *info, int type, struct FTW *walk) {
  (void)info;
  (void)walk;
  if (type == FTW_DP) rmdir(path);
  else unlink(path);
  return 0;
}

/*
 * When stopped, nobody will read the scratch folder any more: with --scratch-dir, delete it and all
 * in it. With --keep-on-sigterm, a SIGTERM from the live parent (its own `close`) leaves the files
 * to the parent, which may still quote them.
 */
static void remove_outputs(const struct run_setup *setup, int sig) {
  if (setup->scratch_dirs == NULL) return;
  if (setup->keep_on_sigterm && sig == SIGTERM && getppid() == setup->parent) return;
  for (char **dir = setup->scratch_dirs; *dir != NULL; dir++) nftw(*dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/*
 * Runs the --cleanup command after the child was killed on request, with {N} replaced by
 * argument N of the stopped run's command. Waits at most 10 s, then kills it.
 */
static void run_cleanup(const struct run_setup *setup, char *const *command) {
  if (setup->cleanup == NULL) return;
  int count = 0;
  while (setup->cleanup[count] != NULL) count++;
  int command_count = 0;
  while (command[command_count] != NULL) command_count++;
  char **argv = calloc((size_t)count + 1, sizeof *argv);
  if (argv == NULL) return;
  for (int i = 0; i < count; i++) {
    const char *arg = setup->cleanup[i];
    size_t length = strlen(arg);
    char *end = NULL;
    long index = length > 2 && arg[0] == '{' && arg[length - 1] == '}' ? strtol(arg + 1, &end, 10) : -1;
    int substituted = end != NULL && *end == '}' && index >= 0 && index < command_count;
    argv[i] = substituted ? command[index] : setup->cleanup[i];
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], &actions, setup->attributes, argv, environ) == 0) {
    int64_t deadline_ns = monotonic_ns() + 10 * (int64_t)1000000000;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
      if (monotonic_ns() > deadline_ns) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        break;
      }
      struct timespec pause = {0, 5000000};
      nanosleep(&pause, NULL);
    }
  }
  posix_spawn_file_actions_destroy(&actions);
  free(argv);
}

/*
 * Runs the command once, timed, and prints its JSON line. Returns -1 when the series may go
 * on, 0 after a timed-out run (the series stops, exit status 0), or the launcher's exit
 * status after printing an error line.
 */
static int run_once(const struct run_setup *setup, long long run) {
  char stdout_path[4096];
  char stderr_path[4096];
  output_path(stdout_path, sizeof stdout_path, setup->stdout_path, setup->series, run);
  output_path(stderr_path, sizeof stderr_path, setup->stderr_path, setup->series, run);

  int stdin_fd = open_or_fail(setup->stdin_path, O_RDONLY, "stdin");
  int stdout_fd = open_or_fail(stdout_path, O_WRONLY | O_CREAT | O_TRUNC, "stdout");
  /* One open file description when both go to the same file, so writes append in order. */
  int stderr_fd = strcmp(stderr_path, stdout_path) == 0
                      ? stdout_fd
                      : open_or_fail(stderr_path, O_WRONLY | O_CREAT | O_TRUNC, "stderr");

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, stdin_fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, stdout_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, stderr_fd, STDERR_FILENO);

  char *const *command = setup->command;
  char **numbered = NULL;
  if (setup->numbered_arg > 0) {
    int count = 0;
    while (command[count] != NULL) count++;
    numbered = calloc((size_t)count + 1, sizeof *numbered);
    size_t size = strlen(command[setup->numbered_arg]) + 24;
    char *arg = numbered == NULL ? NULL : malloc(size);
    if (arg == NULL) {
      print_error("out of memory for --numbered-arg");
      return EXIT_INTERNAL;
    }
    memcpy(numbered, command, (size_t)count * sizeof *numbered);
    snprintf(arg, size, "%s%lld", command[setup->numbered_arg], run);
    numbered[setup->numbered_arg] = arg;
    command = numbered;
  }
  pid_t pid = 0;
  int status = 0;
  struct rusage usage;
  memset(&usage, 0, sizeof usage);
  int timed_out = 0;

  int64_t start_ns = monotonic_ns();
  int spawn_error = posix_spawnp(&pid, command[0], &actions, setup->attributes, command, environ);
  if (spawn_error != 0) {
    print_error("spawn failed: %s: %s", command[0], strerror(spawn_error));
    return EXIT_INTERNAL;
  }

  /* Waiting: sigtimedwait sleeps in the kernel until SIGCHLD (or a stop signal) is queued,
   * which happens in the same kernel step that would wake a blocking wait4, so there is no
   * polling and no timer granularity in the timed region: the only extra cost over a bare
   * wait4 is one syscall (well under a microsecond). SIGCHLD is blocked and stays pending
   * if the child exits before we get here, so no exit is missed. The timeout is the
   * sigtimedwait deadline; a SIGCHLD for a stopped child loops back with the time left. */
  int64_t deadline_ns = setup->timeout_ms > 0 ? start_ns + setup->timeout_ms * 1000000 : 0;
  for (;;) {
    struct timespec remaining;
    struct timespec *remaining_or_forever = NULL;
    if (deadline_ns > 0) {
      int64_t left_ns = deadline_ns - monotonic_ns();
      if (left_ns <= 0) {
        kill_and_reap(pid, &status, &usage);
        timed_out = 1;
        break;
      }
      remaining.tv_sec = left_ns / 1000000000;
      remaining.tv_nsec = left_ns % 1000000000;
      remaining_or_forever = &remaining;
    }
    int sig = sigtimedwait(setup->waited, NULL, remaining_or_forever);
    if (sig == SIGCHLD) {
      pid_t reaped = wait4(pid, &status, WNOHANG, &usage);
      if (reaped == pid) break;
      if (reaped < 0 && errno != EINTR) {
        print_error("wait4 failed: %s", strerror(errno));
        kill_and_reap(pid, &status, &usage);
        return EXIT_INTERNAL;
      }
    } else if (sig > 0) {
      char name[32];
      format_signal(sig, name, sizeof name);
      /* With a cleanup command the child is one that leaves state behind: let it stop itself first. */
      if (setup->cleanup != NULL) stop_gently_and_reap(pid, &status, &usage, 2000);
      else kill_and_reap(pid, &status, &usage);
      run_cleanup(setup, command);
      remove_outputs(setup, sig);
      print_error("interrupted by %s", name);
      return 128 + sig;
    } else if (errno != EAGAIN && errno != EINTR) {
      print_error("sigtimedwait failed: %s", strerror(errno));
      kill_and_reap(pid, &status, &usage);
      return EXIT_INTERNAL;
    }
  }
  int64_t end_ns = monotonic_ns();

  posix_spawn_file_actions_destroy(&actions);
  if (numbered != NULL) {
    free(numbered[setup->numbered_arg]);
    free(numbered);
  }
  close(stdin_fd);
  close(stdout_fd);
  if (stderr_fd != stdout_fd) close(stderr_fd);

  char exit_code[16] = "null";
  char signal_json[40] = "null";
  if (WIFEXITED(status)) {
    snprintf(exit_code, sizeof exit_code, "%d", WEXITSTATUS(status));
  } else if (WIFSIGNALED(status)) {
    char name[32];
    format_signal(WTERMSIG(status), name, sizeof name);
    snprintf(signal_json, sizeof signal_json, "\"%s\"", name);
  }
  /* Buffered (see main): in a series the line is written out with later ones, not now. */
  printf("{\"wallNs\":%" PRId64 ",\"userUs\":%" PRId64 ",\"sysUs\":%" PRId64
         ",\"maxRssKiB\":%ld,\"nvcsw\":%ld,\"nivcsw\":%ld,\"exitCode\":%s,\"signal\":%s,\"timedOut\":%s}\n",
         end_ns - start_ns, timeval_us(&usage.ru_utime), timeval_us(&usage.ru_stime),
         usage.ru_maxrss, usage.ru_nvcsw, usage.ru_nivcsw, exit_code, signal_json, timed_out ? "true" : "false");
  return timed_out ? 0 : -1;
}

/* Bytes run `run` wrote to its stdout and stderr files (0 for /dev/null or a missing file). */
static long long run_output_bytes(const struct run_setup *setup, long long run) {
  char path[4096];
  long long total = 0;
  struct stat info;
  output_path(path, sizeof path, setup->stdout_path, setup->series, run);
  if (strcmp(path, "/dev/null") != 0 && stat(path, &info) == 0) total += info.st_size;
  if (strcmp(setup->stderr_path, setup->stdout_path) != 0) {
    output_path(path, sizeof path, setup->stderr_path, setup->series, run);
    if (strcmp(path, "/dev/null") != 0 && stat(path, &info) == 0) total += info.st_size;
  }
  return total;
}

int main(int argc, char **argv) {
  const char *stdin_path = "/dev/null";
  const char *stdout_path = "/dev/null";
  const char *stderr_path = "/dev/null";
  long long timeout_ms = 0;
  long long parent_pid = -1;
  long long runs = 1;
  long long numbered_arg = -1;
  long long pause_above_bytes = 0;
  char **scratch_dirs = calloc((size_t)argc + 1, sizeof *scratch_dirs);
  int scratch_count = 0;
  int keep_on_sigterm = 0;
  int series = 0;
  int exec_mode = 0;
  int command_index = -1;
  char **cleanup = calloc((size_t)argc + 1, sizeof *cleanup);
  int cleanup_count = 0;
  if (cleanup == NULL || scratch_dirs == NULL) {
    print_error("out of memory");
    return EXIT_INTERNAL;
  }

  /* Block the signals we wait for before anything else: a SIGTERM (also the parent-death
   * signal) or SIGCHLD that arrives early stays pending and is picked up by sigtimedwait. */
  sigset_t waited;
  sigemptyset(&waited);
  sigaddset(&waited, SIGCHLD);
  sigaddset(&waited, SIGTERM);
  sigaddset(&waited, SIGINT);
  sigaddset(&waited, SIGHUP);
  sigprocmask(SIG_BLOCK, &waited, NULL);

  /* Lines are flushed at exit or when an error is printed, not per run: a write to the pipe
   * between runs would wake the reader (Node) while the next run is being timed. */
  static char stdout_buffer[1 << 16];
  setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);

  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (strcmp(arg, "--") == 0) {
      command_index = i + 1;
      break;
    }
    if (strcmp(arg, "--keep-on-sigterm") == 0) {
      keep_on_sigterm = 1;
      continue;
    }
    if (strcmp(arg, "--exec") == 0) {
      exec_mode = 1;
      continue;
    }
    if (i + 1 >= argc) {
      print_error("option %s needs a value", arg);
      return EXIT_USAGE;
    }
    const char *value = argv[++i];
    if (strcmp(arg, "--stdout") == 0) {
      stdout_path = value;
    } else if (strcmp(arg, "--stderr") == 0) {
      stderr_path = value;
    } else if (strcmp(arg, "--stdin") == 0) {
      stdin_path = value;
    } else if (strcmp(arg, "--timeout-ms") == 0) {
      timeout_ms = parse_count(value);
      if (timeout_ms < 0) {
        print_error("--timeout-ms must be a non-negative integer, got %s", value);
        return EXIT_USAGE;
      }
    } else if (strcmp(arg, "--runs") == 0) {
      runs = parse_count(value);
      if (runs < 1) {
        print_error("--runs must be a positive integer, got %s", value);
        return EXIT_USAGE;
      }
      series = 1;
    } else if (strcmp(arg, "--numbered-arg") == 0) {
      numbered_arg = parse_count(value);
      if (numbered_arg < 1) {
        print_error("--numbered-arg must be a positive integer, got %s", value);
        return EXIT_USAGE;
      }
    } else if (strcmp(arg, "--scratch-dir") == 0) {
      scratch_dirs[scratch_count++] = (char *)value;
    } else if (strcmp(arg, "--cleanup") == 0) {
      cleanup[cleanup_count++] = (char *)value;
    } else if (strcmp(arg, "--pause-above-bytes") == 0) {
      pause_above_bytes = parse_count(value);
      if (pause_above_bytes < 1) {
        print_error("--pause-above-bytes must be a positive integer, got %s", value);
        return EXIT_USAGE;
      }
    } else if (strcmp(arg, "--parent-pid") == 0) {
      parent_pid = parse_count(value);
      if (parent_pid < 1) {
        print_error("--parent-pid must be a positive integer, got %s", value);
        return EXIT_USAGE;
      }
    } else {
      print_error("unknown option %s; usage: launcher [--stdout PATH] [--stderr PATH] "
                  "[--stdin PATH] [--timeout-ms N] [--runs N] [--parent-pid PID] [--numbered-arg I] "
                  "[--cleanup ARG]... [--pause-above-bytes N] [--scratch-dir DIR [--keep-on-sigterm]] -- FILE ARG... | launcher --exec "
                  "[--parent-pid PID] -- FILE ARG...",
                  arg);
      return EXIT_USAGE;
    }
  }
  if (command_index < 0 || command_index >= argc) {
    print_error("missing command; usage: launcher [options] -- FILE ARG...");
    return EXIT_USAGE;
  }

  if (numbered_arg >= argc - command_index) {
    print_error("--numbered-arg %lld: the command has only %d arguments after FILE", numbered_arg,
                argc - command_index - 1);
    return EXIT_USAGE;
  }

  /* --exec: the program itself gets the guard; SIGKILL, since it has no launcher to clean up. */
  if (prctl(PR_SET_PDEATHSIG, exec_mode ? SIGKILL : SIGTERM) != 0) {
    print_error("prctl(PR_SET_PDEATHSIG) failed: %s", strerror(errno));
    return EXIT_INTERNAL;
  }
  if (parent_pid > 0 && getppid() != (pid_t)parent_pid) {
    print_error("parent %lld exited before the launcher started", parent_pid);
    return EXIT_INTERNAL;
  }
  if (exec_mode) {
    /* The parent-death signal survives execve (the program is not set-user-ID); the blocked
     * signals must not. */
    sigset_t empty_mask;
    sigemptyset(&empty_mask);
    sigprocmask(SIG_SETMASK, &empty_mask, NULL);
    execvp(argv[command_index], argv + command_index);
    print_error("spawn failed: %s: %s", argv[command_index], strerror(errno));
    return EXIT_INTERNAL;
  }

  /* The child starts with no blocked signals and default handling of the ones we wait for. */
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t empty;
  sigemptyset(&empty);
  sigset_t defaults = waited;
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attributes, &empty);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  const struct run_setup setup = {
    .command = argv + command_index,
    .numbered_arg = (int)numbered_arg,
    .stdin_path = stdin_path,
    .stdout_path = stdout_path,
    .stderr_path = stderr_path,
    .series = series,
    .timeout_ms = timeout_ms,
    .attributes = &attributes,
    .waited = &waited,
    .cleanup = cleanup_count > 0 ? cleanup : NULL,
    .scratch_dirs = scratch_count > 0 ? scratch_dirs : NULL,
    .parent = getppid(),
    .keep_on_sigterm = keep_on_sigterm,
  };
  long long unread_bytes = 0;
  for (long long run = 0; run < runs; run++) {
    int outcome = run_once(&setup, run);
    if (outcome > 0) return outcome;
    if (outcome == 0) break;
    if (pause_above_bytes > 0 && run + 1 < runs) {
      unread_bytes += run_output_bytes(&setup, run);
      if (unread_bytes > pause_above_bytes) {
        printf("{\"pause\":%lld}\n", run + 1);
        if (fflush(stdout) != 0) return EXIT_INTERNAL;
        char go = 0;
        ssize_t got;
        while ((got = read(STDIN_FILENO, &go, 1)) < 0 && errno == EINTR) {
        }
        if (got != 1) {
          remove_outputs(&setup, SIGINT);
          print_error("the reader closed the launcher's stdin after run %lld of %lld; series stopped", run + 1, runs);
          return EXIT_INTERNAL;
        }
        unread_bytes = 0;
      }
    }
  }
  if (fflush(stdout) != 0) return EXIT_INTERNAL;
  return 0;
}
