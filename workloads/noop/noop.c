/* noop: does nothing and prints nothing. Its cost is the runtime's own start-up and call overhead. */
#include "wfb.h"

int wfb_main(int argc, char **argv, wfb_out *out) {
  (void)argc;
  (void)argv;
  (void)out;
  return 0;
}
