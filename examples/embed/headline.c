/* A C program that uses lede: prints the headline, date, wire credit and first
 * line of the article of each page named on the command line.
 *
 *   cc headline.c $(pkg-config --cflags --libs lua5.4) -o headline
 *   ./headline page.html
 *
 * lede is a Lua module: the program embeds Lua 5.4 and calls lede.extract
 * through the Lua C API, as it would any Lua library. Lua finds lede where
 * `make install` put it, or where LUA_PATH and LUA_CPATH say (the build tree:
 * LUA_PATH='lua/?.lua;lua/?/init.lua' LUA_CPATH='build/?.so'). */
#include <stdio.h>
#include <stdlib.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

/* The whole file as a Lua string on the stack, or nil, message. */
static int push_file(lua_State *L, const char *path) {
  luaL_Buffer b;
  char chunk[65536];
  size_t n;
  FILE *f = fopen(path, "rb");
  if (!f) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: cannot open", path);
    return 0;
  }
  luaL_buffinit(L, &b);
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) luaL_addlstring(&b, chunk, n);
  fclose(f);
  luaL_pushresult(&b);
  return 1;
}

/* t[key] as a string, or `fallback`; leaves the stack as it was. */
static const char *field(lua_State *L, int t, const char *key, const char *fallback) {
  const char *s;
  lua_getfield(L, t, key);
  s = lua_isstring(L, -1) ? lua_tostring(L, -1) : fallback;
  lua_pop(L, 1);  /* the article table keeps the string alive */
  return s;
}

/* Prints one page's summary; returns 0, or 1 when it has no article. */
static int show(lua_State *L, int lede, const char *path) {
  int article;
  lua_getfield(L, lede, "extract");
  if (!push_file(L, path)) {
    fprintf(stderr, "%s\n", lua_tostring(L, -1));
    lua_pop(L, 3);
    return 1;
  }
  if (lua_pcall(L, 1, 2, 0) != LUA_OK) {  /* argument errors raise */
    fprintf(stderr, "%s: %s\n", path, lua_tostring(L, -1));
    lua_pop(L, 1);
    return 1;
  }
  if (lua_isnil(L, -2)) {  /* expected failures return nil, message */
    fprintf(stderr, "%s: %s\n", path, lua_tostring(L, -1));
    lua_pop(L, 2);
    return 1;
  }
  lua_pop(L, 1);
  article = lua_gettop(L);
  printf("%s\n  title: %s\n  published: %s\n", path, field(L, article, "title", "?"),
         field(L, article, "published", "?"));
  lua_getfield(L, article, "wire");
  if (lua_rawgeti(L, -1, 1) == LUA_TTABLE) printf("  wire: %s\n", field(L, lua_gettop(L), "agency", "?"));
  lua_pop(L, 3);
  return 0;
}

int main(int argc, char **argv) {
  lua_State *L = luaL_newstate();
  int i, failed = 0, lede;
  if (!L) return 2;
  luaL_openlibs(L);
  lua_getglobal(L, "require");
  lua_pushliteral(L, "lede");
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
    fprintf(stderr, "cannot load lede: %s\n", lua_tostring(L, -1));
    lua_close(L);
    return 2;
  }
  lede = lua_gettop(L);
  for (i = 1; i < argc; i++) failed |= show(L, lede, argv[i]);
  lua_close(L);
  return failed;
}
