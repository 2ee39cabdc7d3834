/* The `lede` executable: embeds Lua, preloads lede.core and runs lede/cli.lua
 * from the source tree when run from the build tree, else from the install tree. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l_host.h"

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
  if (!dir) dir = build_tree ? LEDE_SOURCE_LUA_DIR : LEDE_INSTALL_LUA_DIR;
  snprintf(path, sizeof path, "%s/?.lua;%s/?/init.lua", dir, dir);
  snprintf(script, sizeof script, "%s/lede/cli.lua", dir);
  opt.script = script;
  opt.lua_path = path;
  opt.filter_dir = build_tree ? LEDE_SOURCE_FILTER_DIR : LEDE_INSTALL_FILTER_DIR;
  return lede_host_main(argc, argv, &opt);
}
