#include "l_warc.h"

#include <lauxlib.h>

#include "warc.h"

#define LEDE_WARC_READER "lede.WarcReader"

typedef struct { warc_reader *r; } lwarc;  /* r is NULL once closed */

/* __gc and __close, and the end of iteration: closes the file once. */
static int warc_release(lua_State *L) {
  lwarc *w = luaL_checkudata(L, 1, LEDE_WARC_READER);
  warc_close(w->r);
  w->r = NULL;
  return 0;
}

static void warc_setstr(lua_State *L, const char *field, const char *s) {
  if (!s) return;
  lua_pushstring(L, s);
  lua_setfield(L, -2, field);
}

static void warc_setint(lua_State *L, const char *field, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, field);
}

/* Pushes the table for one record. */
static void warc_push_record(lua_State *L, const warc_record *rec) {
  int http = rec->http_status != 0;
  lua_createtable(L, 0, 10);
  warc_setstr(L, "type", rec->type);
  warc_setstr(L, "uri", rec->target_uri);
  warc_setstr(L, "id", rec->record_id);
  warc_setstr(L, "date", rec->date);
  warc_setint(L, "offset", (lua_Integer)rec->offset);
  warc_setint(L, "length", (lua_Integer)rec->content_length);
  if (http) warc_setint(L, "status", rec->http_status);
  warc_setstr(L, "charset", rec->http_charset);
  warc_setstr(L, "content_type", http ? rec->http_content_type : rec->content_type);
  warc_setstr(L, "error", rec->error);
  if (!rec->error) {
    lua_pushlstring(L, rec->body, rec->body_len);
    lua_setfield(L, -2, "body");
  }
}

/* Pushes { error = message, offset = n }. */
static void warc_push_error(lua_State *L, const char *msg, lua_Integer offset) {
  lua_createtable(L, 0, 2);
  warc_setstr(L, "error", msg);
  warc_setint(L, "offset", offset);
}

/* The iterator: (reader) -> the next record table, or nothing at the end. */
static int warc_iter(lua_State *L) {
  lwarc *w = luaL_checkudata(L, 1, LEDE_WARC_READER);
  warc_record rec;
  int rc;
  if (!w->r) return 0;
  rc = warc_next(w->r, &rec);
  if (rc > 0) {
    warc_push_record(L, &rec);  /* rec stays valid: the reader is still open */
    return 1;
  }
  if (rc < 0) warc_push_error(L, warc_error(w->r), (lua_Integer)warc_error_offset(w->r));
  warc_close(w->r);
  w->r = NULL;
  return rc < 0 ? 1 : 0;
}

/* Yields one error record, then ends: for a file that cannot be opened. */
static int warc_iter_error(lua_State *L) {
  if (lua_toboolean(L, lua_upvalueindex(2))) return 0;
  lua_pushboolean(L, 1);
  lua_replace(L, lua_upvalueindex(2));
  warc_push_error(L, lua_tostring(L, lua_upvalueindex(1)), 0);
  return 1;
}

static void warc_metatable(lua_State *L) {
  if (luaL_newmetatable(L, LEDE_WARC_READER)) {
    lua_pushcfunction(L, warc_release);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, warc_release);
    lua_setfield(L, -2, "__close");
  }
  lua_setmetatable(L, -2);
}

int lwarc_records(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  lua_Integer max = luaL_optinteger(L, 2, (lua_Integer)WARC_DEFAULT_MAX_RECORD);
  char err[512];
  lwarc *w;
  luaL_argcheck(L, max >= 0, 2, "max_record must not be negative");
  w = lua_newuserdatauv(L, sizeof *w, 0);  /* first the userdata: a raise cannot leak the reader */
  w->r = NULL;
  warc_metatable(L);
  w->r = warc_open(path, err, sizeof err);
  if (!w->r) {
    lua_pushstring(L, err);
    lua_pushboolean(L, 0);
    lua_pushcclosure(L, warc_iter_error, 2);
    return 1;
  }
  warc_set_max_record(w->r, (size_t)max);
  lua_pushcfunction(L, warc_iter);
  lua_insert(L, -2);   /* iterator, reader */
  lua_pushnil(L);      /* initial control value */
  lua_pushvalue(L, -2);  /* the reader again, as the loop's closing value */
  return 4;
}
