/* l_dates: Lua binding of dates.c.
 *
 *   dates.parse(s [, opts]) -> table | nil, "no date in '<s>'"
 *
 * opts: lang (string, "de", "en-US", ...), dayfirst (boolean), now (number,
 * unix seconds; enables "today", "2 hours ago", ...). Missing keys mean
 * unknown. The result has iso ("2019-01-10T15:45:00-05:00"), year, month,
 * day, hour, minute, second down to its precision ("year", "month", "day",
 * "minute", "second"), tz ("-05:00", or nil when unknown), and first/last,
 * the 1-based byte span of the text read (s:sub(first, last)). A Hijri date
 * has hijri = true, Hijri year/month/day and no iso. See dates.h for the
 * forms read. */
#include "l_dates.h"

#include <lauxlib.h>

#include "dates.h"

static const char *const dates_precisions[] = {
  "none", "year", "month", "day", "minute", "second"
};

static void dates_setint(lua_State *L, const char *key, lua_Integer val) {
  lua_pushinteger(L, val);
  lua_setfield(L, -2, key);
}

/* Reads the options table at index idx; leaves opts.lang on the stack so the
 * string stays referenced while date_parse() reads it. */
static void dates_check_opts(lua_State *L, int idx, date_options *o) {
  luaL_checktype(L, idx, LUA_TTABLE);
  if (lua_getfield(L, idx, "dayfirst") != LUA_TNIL) {
    luaL_argcheck(L, lua_isboolean(L, -1), idx, "dayfirst must be a boolean");
    o->dayfirst = lua_toboolean(L, -1);
  }
  lua_pop(L, 1);
  if (lua_getfield(L, idx, "now") != LUA_TNIL) {
    lua_Number now = lua_tonumber(L, -1);  /* NaN fails the range check */
    luaL_argcheck(L, lua_type(L, -1) == LUA_TNUMBER && now > -1e15 && now < 1e15,
                  idx, "now must be a number of seconds");
    o->has_now = 1;
    o->now = (long long)now;
    if ((lua_Number)o->now > now) o->now--;  /* floor */
  }
  lua_pop(L, 1);
  if (lua_getfield(L, idx, "lang") != LUA_TNIL) {  /* stays on the stack */
    luaL_argcheck(L, lua_type(L, -1) == LUA_TSTRING, idx, "lang must be a string");
    o->lang = lua_tostring(L, -1);
  }
}

static void dates_push_tz(lua_State *L, int minutes) {
  int a = minutes < 0 ? -minutes : minutes;
  lua_pushfstring(L, "%c%d%d:%d%d", minutes < 0 ? '-' : '+', a / 600, a / 60 % 10,
                  a % 60 / 10, a % 10);
  lua_setfield(L, -2, "tz");
}

static void dates_push_value(lua_State *L, const date_value *v) {
  char iso[DATE_ISO_MAX];
  lua_createtable(L, 0, 12);
  if (v->hijri) {
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, "hijri");
  } else if (date_format_iso(v, iso, sizeof iso) > 0) {
    lua_pushstring(L, iso);
    lua_setfield(L, -2, "iso");
  }
  dates_setint(L, "year", v->year);
  if (v->precision >= DATE_MONTH) dates_setint(L, "month", v->month);
  if (v->precision >= DATE_DAY) dates_setint(L, "day", v->day);
  if (v->precision >= DATE_MINUTE) {
    dates_setint(L, "hour", v->hour);
    dates_setint(L, "minute", v->minute);
    dates_setint(L, "second", v->second);
    if (v->has_tz) dates_push_tz(L, v->tz_minutes);
  }
  lua_pushstring(L, dates_precisions[v->precision]);
  lua_setfield(L, -2, "precision");
  dates_setint(L, "first", (lua_Integer)v->begin + 1);
  dates_setint(L, "last", (lua_Integer)v->end);
}

static int dates_parse(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  date_options o = {NULL, -1, 0, 0};
  date_value v;
  if (!lua_isnoneornil(L, 2)) dates_check_opts(L, 2, &o);
  if (date_parse(s, len, &o, &v) != 0) {
    luaL_pushfail(L);
    lua_pushfstring(L, "no date in '%s'", s);
    return 2;
  }
  dates_push_value(L, &v);
  return 1;
}

static const luaL_Reg dates_funcs[] = {
  {"parse", dates_parse},
  {NULL, NULL}
};

int lede_open_dates(lua_State *L) {
  luaL_newlib(L, dates_funcs);
  return 1;
}
