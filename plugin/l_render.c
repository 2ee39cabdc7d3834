#include "l_render.h"

#include <lauxlib.h>

#include "buf.h"
#include "l_node.h"
#include "render.h"

#define LEDE_RENDER_BUF "lede.RenderBuffer"

typedef int (*lrender_fn)(xmlNodePtr node, const render_options *opt, buf *out);

/* The output buffer lives in a userdata, so an error raised midway cannot leak it. */
static int lrender_buf_gc(lua_State *L) {
  buf_free(luaL_checkudata(L, 1, LEDE_RENDER_BUF));
  return 0;
}

static int lrender_flag(lua_State *L, const char *name) {
  int t = lua_getfield(L, 2, name), v = 1;
  if (t == LUA_TBOOLEAN) v = lua_toboolean(L, -1);
  else if (t != LUA_TNIL)
    luaL_argerror(L, 2, lua_pushfstring(L, "'%s' must be a boolean", name));
  lua_pop(L, 1);
  return v;
}

/* Reads the options at index 2; base_url's string is left on the stack. */
static void lrender_options(lua_State *L, render_options *o) {
  int t;
  o->base_url = NULL;
  o->links = o->images = o->tables = 1;
  if (lua_isnoneornil(L, 2)) return;
  luaL_checktype(L, 2, LUA_TTABLE);
  o->links = lrender_flag(L, "links");
  o->images = lrender_flag(L, "images");
  o->tables = lrender_flag(L, "tables");
  t = lua_getfield(L, 2, "base_url");  /* stays pushed: keeps the string alive */
  if (t == LUA_TSTRING) o->base_url = lua_tostring(L, -1);
  else if (t != LUA_TNIL) luaL_argerror(L, 2, "'base_url' must be a string");
}

static int lrender_run(lua_State *L, lrender_fn fn) {
  ldoc *d;
  xmlNodePtr n;
  render_options o;
  buf *b;
  int rc;
  lua_settop(L, 2);              /* options at 2 even when absent */
  n = lnode_check(L, 1, &d);     /* pushes the document: keeps the tree alive */
  lrender_options(L, &o);
  b = lua_newuserdatauv(L, sizeof *b, 0);
  buf_init(b);
  luaL_setmetatable(L, LEDE_RENDER_BUF);
  rc = fn(n, &o, b);
  if (rc != 0) {
    buf_free(b);
    return luaL_error(L, "out of memory");
  }
  lua_pushlstring(L, buf_cstr(b), b->len);
  buf_free(b);
  return 1;
}

static int lrender_markdown(lua_State *L) { return lrender_run(L, render_markdown); }

static int lrender_html(lua_State *L) { return lrender_run(L, render_html); }

static const luaL_Reg lrender_functions[] = {
  {"markdown", lrender_markdown},
  {"html", lrender_html},
  {NULL, NULL}
};

int lede_open_render(lua_State *L) {
  if (luaL_newmetatable(L, LEDE_RENDER_BUF)) {
    lua_pushcfunction(L, lrender_buf_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  luaL_newlib(L, lrender_functions);
  return 1;
}
