#include "l_sandbox.h"

#include <lauxlib.h>

#define HOOK_STEP 1000  /* instructions between two budget checks */

typedef struct {
  lua_Alloc orig;
  void *orig_ud;
  long long used;   /* net bytes allocated since the call began */
  long long limit;  /* <= 0: no memory limit */
  int refused;      /* an allocation was refused for the budget */
} memguard;

/* Wraps the state's allocator: growth past the budget fails, which Lua turns
 * into a "not enough memory" error after an emergency collection. Shrinking
 * and freeing always succeed, as Lua requires. */
static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  memguard *g = ud;
  size_t old = ptr ? osize : 0;
  void *p;
  if (g->limit > 0 && nsize > old && g->used + (long long)(nsize - old) > g->limit) {
    g->refused = 1;
    return NULL;
  }
  p = g->orig(g->orig_ud, ptr, osize, nsize);
  if (p || nsize == 0) g->used += (long long)nsize - (long long)old;
  return p;
}

/* The budget left is kept in the registry so the hook needs no global. */
#define BUDGET_KEY "lede.sandbox.budget"

static void sandbox_hook(lua_State *L, lua_Debug *ar) {
  lua_Integer left;
  (void)ar;
  lua_getfield(L, LUA_REGISTRYINDEX, BUDGET_KEY);
  left = lua_tointeger(L, -1) - HOOK_STEP;
  lua_pop(L, 1);
  lua_pushinteger(L, left);
  lua_setfield(L, LUA_REGISTRYINDEX, BUDGET_KEY);
  if (left < 0) luaL_error(L, "filter exceeded its instruction budget");
}

static lua_Integer limit_field(lua_State *L, const char *key) {
  lua_Integer v = 0;
  if (lua_getfield(L, 1, key) != LUA_TNIL) {
    int isnum;
    v = lua_tointegerx(L, -1, &isnum);
    if (!isnum || v < 0) luaL_error(L, "bad limit '%s' (non-negative integer expected)", key);
  }
  lua_pop(L, 1);
  return v;
}

int lsandbox_bounded_call(lua_State *L) {
  lua_Integer instructions, memory;
  memguard g;
  lua_Hook old_hook;
  int old_mask, old_count, status, nargs, base;
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  instructions = limit_field(L, "instructions");
  memory = limit_field(L, "memory");
  nargs = lua_gettop(L) - 2;
  lua_getfield(L, LUA_REGISTRYINDEX, BUDGET_KEY);  /* an outer call's budget, restored below */
  lua_insert(L, 1);
  base = 3;
  old_hook = lua_gethook(L);
  old_mask = lua_gethookmask(L);
  old_count = lua_gethookcount(L);
  if (instructions > 0) {
    lua_pushinteger(L, instructions);
    lua_setfield(L, LUA_REGISTRYINDEX, BUDGET_KEY);
    lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, HOOK_STEP);
  }
  g.orig = lua_getallocf(L, &g.orig_ud);
  g.used = 0;
  g.limit = memory;
  g.refused = 0;
  if (memory > 0) lua_setallocf(L, sandbox_alloc, &g);
  status = lua_pcall(L, nargs, LUA_MULTRET, 0);
  if (memory > 0) lua_setallocf(L, g.orig, g.orig_ud);  /* before anything else allocates */
  lua_sethook(L, old_hook, old_mask, old_count);
  lua_pushvalue(L, 1);
  lua_setfield(L, LUA_REGISTRYINDEX, BUDGET_KEY);
  if (status != LUA_OK) {
    if (g.refused && status == LUA_ERRMEM) {
      lua_pop(L, 1);
      lua_pushliteral(L, "filter exceeded its memory budget");
    }
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
  }
  lua_pushboolean(L, 1);
  lua_insert(L, base);
  return lua_gettop(L) - base + 1;
}
