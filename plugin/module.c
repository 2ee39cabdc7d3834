/* luaopen_lede_core: registers the types and functions, nothing else. */
#include <lauxlib.h>
#include <lua.h>

#include "l_blocks.h"
#include "l_dates.h"
#include "l_document.h"
#include "l_fs.h"
#include "l_dropcap.h"
#include "l_mcount.h"
#include "l_mindex.h"
#include "l_node.h"
#include "l_render.h"
#include "l_sandbox.h"
#include "l_scan.h"
#include "l_select.h"
#include "l_text.h"
#include "l_tokens.h"
#include "l_warc.h"
#include "l_wrap.h"

#ifndef LEDE_VERSION
#define LEDE_VERSION "0.0.0"
#endif

/* Debian's LUAMOD_API is plain extern, which hidden visibility would hide. */
#if defined(__GNUC__)
#define LEDE_EXPORT __attribute__((visibility("default")))
#else
#define LEDE_EXPORT
#endif

LEDE_EXPORT int luaopen_lede_core(lua_State *L);

static const luaL_Reg core_functions[] = {
  {"parse", ldoc_parse},
  {"css_to_xpath", lsel_css_to_xpath},
  {"squash", ltext_squash},  /* metadata's white space (issue 4) */
  {"listdir", lfs_listdir},
  {"filetype", lfs_filetype},
  {"bounded_call", lsandbox_bounded_call},
  {"warc_records", lwarc_records},
  {"wrap", lwrap_wrap},  /* FiveFilters wrap_in (issue 7) */
  {"find_tokens", ltokens_find},  /* FiveFilters strip_id_or_class (issue 7) */
  {"mindex", lmindex_gather},  /* metadata's one page walk (issue 3) */
  {"elements_at_most", lmcount_elements_at_most},  /* metadata's bounded subtree count (issue 3) */
  {"join_drop_caps", ldropcap_join},  /* prune: "T" + "urkey" (issue 3) */
  {NULL, NULL}
};

/* Exposes a metatable's method table so the Lua layer can add methods to it. */
static void core_expose_methods(lua_State *L, const char *tname, const char *field) {
  luaL_getmetatable(L, tname);
  lua_getfield(L, -1, "__index");
  lua_setfield(L, -3, field);
  lua_pop(L, 1);
}

LEDE_EXPORT int luaopen_lede_core(lua_State *L) {
  ldoc_register(L);
  lnode_register(L);
  lsel_register(L);
  luaL_newlib(L, core_functions);
  core_expose_methods(L, LEDE_DOCUMENT, "Document");
  core_expose_methods(L, LEDE_NODE, "Node");
  lede_open_dates(L);
  lua_setfield(L, -2, "dates");
  lede_open_scan(L);
  lua_setfield(L, -2, "scan");
  lede_open_blocks(L);
  lua_setfield(L, -2, "blocks");
  lede_open_render(L);
  lua_setfield(L, -2, "render");
  lua_pushliteral(L, LEDE_VERSION);
  lua_setfield(L, -2, "version");
  return 1;
}
