/* core.squash: metadata cleans every value it reads this way, tens of
 * thousands of short strings a corpus; most are already clean and come
 * back as they are, without a copy. */
#include <lauxlib.h>

#include "buf.h"
#include "l_text.h"
#include "text.h"

int ltext_squash(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  buf out;
  buf_init(&out);
  if (!text_squash(s, len, &out)) {
    lua_pushvalue(L, 1);
    return 1;
  }
  if (buf_failed(&out)) {
    buf_free(&out);
    return luaL_error(L, "out of memory");
  }
  if (out.len) lua_pushlstring(L, out.data, out.len);
  else lua_pushnil(L);
  buf_free(&out);
  return 1;
}
