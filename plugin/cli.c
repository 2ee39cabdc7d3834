/* The `lede` executable: embeds Lua, preloads lede.core and runs lede/cli.lua
 * from the source tree when run from the build tree, else from the install tree. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "l_host.h"

/* A large page makes buffers of tens of megabytes (its text, rendered and
 * copied between steps). glibc serves each from a fresh mmap and returns it
 * on free, so every one is faulted in page by page again: on a 20 MB page a
 * quarter of the time went to page faults. The command keeps such blocks in
 * its heap for reuse instead (1.8 s -> 1.4 s there, same peak RSS; the
 * corpus of small pages is unchanged). Only the command: a program that
 * embeds lede keeps its own malloc settings. */
#define CLI_MMAP_THRESHOLD (64 * 1024 * 1024)
#define CLI_TRIM_THRESHOLD (256 * 1024 * 1024)

static void cli_tune_malloc(void) {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, CLI_MMAP_THRESHOLD);  /* advice: a refusal changes nothing */
  mallopt(M_TRIM_THRESHOLD, CLI_TRIM_THRESHOLD);
#endif
}

static int cli_running_from_build_tree(void) {
  char exe[PATH_MAX], build[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  char *slash;
  if (n <= 0) return 0;
  exe[n] = '\0';
  slash = strrchr(exe, '/');
  if (!slash) return 0;
  *slash = '\0';
  if (!realpath(LEDE_BUILD_BIN_DIR, build)) return 0;
  return strcmp(exe, build) == 0;
}

int main(int argc, char **argv) {
  static char path[2 * PATH_MAX + 64], script[PATH_MAX + 32];
  const char *env_dir = getenv("LEDE_LUA_DIR");
  const char *dir = env_dir && *env_dir ? env_dir : NULL;
  lede_host_options opt;
  int build_tree = cli_running_from_build_tree();
  cli_tune_malloc();
  if (!dir) dir = build_tree ? LEDE_SOURCE_LUA_DIR : LEDE_INSTALL_LUA_DIR;
  snprintf(path, sizeof path, "%s/?.lua;%s/?/init.lua", dir, dir);
  snprintf(script, sizeof script, "%s/lede/cli.lua", dir);
  opt.script = script;
  opt.lua_path = path;
  opt.filter_dir = build_tree ? LEDE_SOURCE_FILTER_DIR : LEDE_INSTALL_FILTER_DIR;
  return lede_host_main(argc, argv, &opt);
}
