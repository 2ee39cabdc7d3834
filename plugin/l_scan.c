#include "l_scan.h"

#include <lauxlib.h>
#include <string.h>

#include "scan.h"

#define LEDE_AGENCIES "lede.Agencies"

typedef struct { scan_agencies *a; } lagencies;

static scan_agencies *lscan_check(lua_State *L, int idx) {
  lagencies *h = luaL_checkudata(L, idx, LEDE_AGENCIES);
  if (!h->a) luaL_error(L, "lede.Agencies: released");
  return h->a;
}

static int lscan_gc(lua_State *L) {
  lagencies *h = luaL_checkudata(L, 1, LEDE_AGENCIES);
  scan_agencies_free(h->a);
  h->a = NULL;
  return 0;
}

/* Adds every string of entry[key] as a form of agency `id`. */
static void lscan_add_forms(lua_State *L, scan_agencies *a, int entry, const char *key, int id,
                            int flags, int exact_set) {
  lua_Integer k, n;
  if (lua_getfield(L, entry, key) != LUA_TTABLE) { lua_pop(L, 1); return; }
  n = (lua_Integer)lua_rawlen(L, -1);
  for (k = 1; k <= n; k++) {
    size_t len;
    const char *form;
    int f = flags;
    lua_rawgeti(L, -1, k);
    form = lua_tolstring(L, -1, &len);
    if (!form) luaL_error(L, "agency %d: %s[%d] is not a string", id, key, (int)k);
    if (exact_set && lua_getfield(L, exact_set, form) != LUA_TNIL) f |= SCAN_CASE;
    if (exact_set) lua_pop(L, 1);
    if (scan_agencies_add(a, form, len, id, f) != 0) luaL_error(L, "out of memory");
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* A set of the entry's case_sensitive forms, pushed on the stack. */
static int lscan_case_set(lua_State *L, int entry) {
  lua_Integer k, n;
  lua_newtable(L);
  if (lua_getfield(L, entry, "case_sensitive") == LUA_TTABLE) {
    n = (lua_Integer)lua_rawlen(L, -1);
    for (k = 1; k <= n; k++) {
      lua_rawgeti(L, -1, k);
      lua_pushboolean(L, 1);
      lua_rawset(L, -4);
    }
  }
  lua_pop(L, 1);
  return lua_gettop(L);
}

static int lscan_compile(lua_State *L) {
  lagencies *h;
  lua_Integer i, n;
  luaL_checktype(L, 1, LUA_TTABLE);
  h = lua_newuserdatauv(L, sizeof *h, 0);
  h->a = NULL;
  luaL_setmetatable(L, LEDE_AGENCIES);
  h->a = scan_agencies_new();
  if (!h->a) return luaL_error(L, "out of memory");
  n = (lua_Integer)lua_rawlen(L, 1);
  for (i = 1; i <= n; i++) {
    int entry, set;
    if (lua_rawgeti(L, 1, i) != LUA_TTABLE) return luaL_error(L, "agency %d is not a table", (int)i);
    entry = lua_gettop(L);
    set = lscan_case_set(L, entry);
    lscan_add_forms(L, h->a, entry, "forms", (int)i, SCAN_FULL, set);
    lscan_add_forms(L, h->a, entry, "short", (int)i, SCAN_SHORT, set);
    lua_settop(L, entry - 1);
  }
  return 1;
}

static void lscan_span(lua_State *L, const char *s, scan_span sp, const char *key) {
  if (!sp.len) return;
  lua_pushlstring(L, s + sp.start, sp.len);
  lua_setfield(L, -2, key);
}

static void lscan_int(lua_State *L, lua_Integer v, const char *key) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, key);
}

/* dateline(text) -> { text, len, places, region, date, agency, relay } | nil */
static int lscan_dateline(lua_State *L) {
  scan_agencies *a = lscan_check(L, 1);
  size_t len;
  const char *s = luaL_checklstring(L, 2, &len);
  scan_dateline d;
  int k;
  if (!scan_find_dateline(a, s, len, &d)) { lua_pushnil(L); return 1; }
  lua_createtable(L, 0, 7);
  lscan_span(L, s, d.text, "text");
  lscan_int(L, (lua_Integer)d.len, "len");
  lua_createtable(L, d.nplaces, 0);
  for (k = 0; k < d.nplaces; k++) {
    lua_pushlstring(L, s + d.places[k].start, d.places[k].len);
    lua_rawseti(L, -2, k + 1);
  }
  lua_setfield(L, -2, "places");
  lscan_span(L, s, d.region, "region");
  lscan_span(L, s, d.date, "date");
  if (d.agency >= 0) lscan_int(L, d.agency, "agency");
  if (d.relay >= 0) lscan_int(L, d.relay, "relay");
  return 1;
}

/* closing(text) -> { text, start (1-based), agencies = {ids...}, kind } | nil */
static int lscan_closing(lua_State *L) {
  scan_agencies *a = lscan_check(L, 1);
  size_t len;
  const char *s = luaL_checklstring(L, 2, &len);
  scan_credit c;
  int k;
  if (!scan_find_closing(a, s, len, &c)) { lua_pushnil(L); return 1; }
  lua_createtable(L, 0, 4);
  lscan_span(L, s, c.text, "text");
  lscan_int(L, (lua_Integer)c.text.start + 1, "start");
  lua_createtable(L, c.nagencies, 0);
  for (k = 0; k < c.nagencies; k++) {
    lua_pushinteger(L, c.agencies[k]);
    lua_rawseti(L, -2, k + 1);
  }
  lua_setfield(L, -2, "agencies");
  lua_pushstring(L, scan_credit_kind_name(c.kind));
  lua_setfield(L, -2, "kind");
  return 1;
}

/* agency_at(text [, init [, allow_short]]) -> agency, end (1-based, inclusive) | nil */
static int lscan_agency_at(lua_State *L) {
  scan_agencies *a = lscan_check(L, 1);
  size_t len, n;
  const char *s = luaL_checklstring(L, 2, &len);
  lua_Integer init = luaL_optinteger(L, 3, 1);
  int id;
  if (init < 1 || (size_t)init > len + 1) return luaL_argerror(L, 3, "out of range");
  n = scan_agency_at(a, s + init - 1, len - (size_t)(init - 1), lua_toboolean(L, 4), &id);
  if (!n) { lua_pushnil(L); return 1; }
  lua_pushinteger(L, id);
  lua_pushinteger(L, init - 1 + (lua_Integer)n);
  return 2;
}

/* find(text [, allow_short]) -> { {agency, start, end}, ... } at word starts;
 * short forms must match their case here: find reads bylines and prose. */
static int lscan_find(lua_State *L) {
  scan_agencies *a = lscan_check(L, 1);
  size_t len, i = 0;
  const char *s = luaL_checklstring(L, 2, &len);
  int allow_short = lua_toboolean(L, 3) ? SCAN_SHORT_EXACT : 0;
  lua_Integer k = 0;
  lua_newtable(L);
  while (i < len) {
    int id;
    size_t n;
    unsigned char prev = i ? (unsigned char)s[i - 1] : ' ';
    int boundary = !(prev >= 'a' && prev <= 'z') && !(prev >= 'A' && prev <= 'Z') &&
                   !(prev >= '0' && prev <= '9') && prev < 0x80;
    if (boundary && (n = scan_agency_at(a, s + i, len - i, allow_short, &id))) {
      lua_createtable(L, 0, 3);
      lscan_int(L, id, "agency");
      lscan_int(L, (lua_Integer)i + 1, "start");
      lscan_int(L, (lua_Integer)(i + n), "end");
      lua_rawseti(L, -2, ++k);
      i += n;
      continue;
    }
    i++;
  }
  return 1;
}

static const luaL_Reg lscan_methods[] = {
  {"dateline", lscan_dateline}, {"closing", lscan_closing}, {"agency_at", lscan_agency_at},
  {"find", lscan_find}, {NULL, NULL}
};

int lede_open_scan(lua_State *L) {
  luaL_newmetatable(L, LEDE_AGENCIES);
  lua_pushcfunction(L, lscan_gc);
  lua_setfield(L, -2, "__gc");
  luaL_newlib(L, lscan_methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, lscan_compile);
  lua_setfield(L, -2, "compile");
  return 1;
}
