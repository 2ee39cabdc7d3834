/* lede-lua: runs a Lua script with lede.core preloaded and package.path set to
 * the source tree's lua/ and tests/lua/, so specs run inside an instrumented
 * binary under the sanitizer build. */
#include <stdio.h>

#include "l_host.h"

int main(int argc, char **argv) {
  lede_host_options opt;
  if (argc < 2) {
    fprintf(stderr, "usage: lede-lua SCRIPT [ARG...]\n");
    return 2;
  }
  opt.script = argv[1];
  opt.lua_path = LEDE_SOURCE_LUA_DIR "/?.lua;" LEDE_SOURCE_LUA_DIR "/?/init.lua;"
                 LEDE_TESTS_DIR "/lua/?.lua";
  opt.filter_dir = LEDE_SOURCE_LUA_DIR "/../filters";
  return lede_host_main(argc - 1, argv + 1, &opt);
}
