#include "l_host.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>

int luaopen_lede_core(lua_State *L);

static int host_traceback(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (!msg) msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  luaL_traceback(L, L, msg, 1);
  return 1;
}

static void host_preload(lua_State *L, const lede_host_options *opt) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, luaopen_lede_core);
  lua_setfield(L, -2, "lede.core");
  lua_pop(L, 1);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_createtable(L, 0, 2);  /* lede.config: where this executable finds its files */
  lua_pushstring(L, opt->filter_dir ? opt->filter_dir : "");
  lua_setfield(L, -2, "filter_dir");
  lua_pushstring(L, opt->lua_path ? opt->lua_path : "");
  lua_setfield(L, -2, "lua_path");
  lua_setfield(L, -2, "lede.config");
  lua_pop(L, 1);
  if (opt->lua_path && *opt->lua_path) {
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "path");
    lua_pushfstring(L, "%s;%s", opt->lua_path, lua_tostring(L, -1));
    lua_setfield(L, -3, "path");
    lua_pop(L, 2);
  }
}

static void host_set_args(lua_State *L, int argc, char **argv, const char *script) {
  int i;
  lua_createtable(L, argc, 1);
  lua_pushstring(L, script);
  lua_rawseti(L, -2, 0);
  for (i = 1; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i);
  }
  lua_setglobal(L, "arg");
}

/* Runs in protected mode so that even an out-of-memory error is reported. */
static int host_run(lua_State *L) {
  const lede_host_options *opt = lua_touserdata(L, 1);
  int argc = (int)lua_tointeger(L, 2);
  char **argv = lua_touserdata(L, 3);
  luaL_openlibs(L);
  host_preload(L, opt);
  host_set_args(L, argc, argv, opt->script);
  if (luaL_loadfile(L, opt->script) != LUA_OK) return lua_error(L);
  lua_call(L, 0, 1);
  return 1;
}

int lede_host_main(int argc, char **argv, const lede_host_options *opt) {
  lua_State *L = luaL_newstate();
  int status, code = 1;
  if (!L) {
    fprintf(stderr, "lede: cannot create a Lua state: out of memory\n");
    return 1;
  }
  lua_pushcfunction(L, host_traceback);
  lua_pushcfunction(L, host_run);
  lua_pushlightuserdata(L, (void *)opt);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  status = lua_pcall(L, 3, 1, 1);
  if (status != LUA_OK) {
    fprintf(stderr, "lede: %s\n", lua_tostring(L, -1) ? lua_tostring(L, -1) : "error");
  } else if (lua_isinteger(L, -1)) {
    code = (int)lua_tointeger(L, -1);
  } else {
    code = lua_toboolean(L, -1) || lua_isnil(L, -1) ? 0 : 1;
  }
  lua_close(L);
  return code;
}
