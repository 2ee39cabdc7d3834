#include "l_blocks.h"

#include <lauxlib.h>
#include <string.h>

#include "blocks.h"
#include "classify.h"
#include "l_document.h"
#include "l_node.h"

#define LEDE_BLOCKS "lede.Blocks"
#define LEDE_BLOCKS_RESULT "lede.BlocksResult"
#define MAX_SELECTORS 256

typedef struct {
  classify *c;
  blocks_selectors sel;     /* body_selectors of the config */
  blocks_selectors custom;  /* the last other list a caller passed */
  double min_chars;
} lblocks;

/* C results held by a userdata while they become Lua values: if building the
 * tables raises (memory), the collector still frees them. */
typedef struct {
  blocks_prune p;
} lresult;

/* The lists pipeline.lua keeps in code rather than in lede.boilerplate. */

static lblocks *lblocks_check(lua_State *L, int idx) {
  lblocks *b = luaL_checkudata(L, idx, LEDE_BLOCKS);
  if (!b->c) luaL_error(L, "lede.Blocks: released");
  return b;
}

static int lblocks_gc(lua_State *L) {
  lblocks *b = luaL_checkudata(L, 1, LEDE_BLOCKS);
  classify_free(b->c);
  b->c = NULL;
  blocks_selectors_free(&b->sel);
  blocks_selectors_free(&b->custom);
  return 0;
}

static int lresult_gc(lua_State *L) {
  lresult *r = luaL_checkudata(L, 1, LEDE_BLOCKS_RESULT);
  blocks_prune_free(&r->p);
  return 0;
}

static lresult *lresult_new(lua_State *L) {
  lresult *r = lua_newuserdatauv(L, sizeof *r, 0);
  blocks_prune_init(&r->p);
  luaL_setmetatable(L, LEDE_BLOCKS_RESULT);
  return r;
}

static void lblocks_add(lua_State *L, lblocks *b, cls_set set, const char *s, size_t len) {
  if (classify_add(b->c, set, s, len) != 0) luaL_error(L, "out of memory");
}

typedef void (*lblocks_adder)(lua_State *L, lblocks *b, const char *s, size_t len, int arg);

/* Calls add(L, b, s, len, arg) for each string of t[key], each at most max
 * bytes (0: any length); an absent list adds nothing. */
static void lblocks_strings(lua_State *L, lblocks *b, const char *key, size_t max, lblocks_adder add, int arg) {
  lua_Integer i, n;
  if (lua_getfield(L, 1, key) != LUA_TTABLE) {
    if (!lua_isnil(L, -1)) luaL_error(L, "blocks.config: %s must be a list of strings", key);
    lua_pop(L, 1);
    return;
  }
  n = (lua_Integer)lua_rawlen(L, -1);
  for (i = 1; i <= n; i++) {
    size_t len;
    const char *s;
    lua_rawgeti(L, -1, i);
    if (!(s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL))
      luaL_error(L, "blocks.config: %s[%d] is not a string", key, (int)i);
    if (max && len > max)
      luaL_error(L, "blocks.config: %s[%d] is longer than %d bytes", key, (int)i, (int)max);
    add(L, b, s, len, arg);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static void add_to_set(lua_State *L, lblocks *b, const char *s, size_t len, int set) {
  lblocks_add(L, b, (cls_set)set, s, len);
}

/* Adds the strings of t[key] to set. */
static void lblocks_list(lua_State *L, lblocks *b, const char *key, cls_set set) {
  lblocks_strings(L, b, key, 0, add_to_set, (int)set);
}

/* The agencies of photo credits, kept in CLS_CREDIT apart from its labels:
 * each name as "/name", and when alone is set also as "//name" (a name that
 * is a photo credit alone, under an image). blocks_prune.c reads them so. */
#define AGENCY_MAX 63
static void add_agency(lua_State *L, lblocks *b, const char *s, size_t len, int alone) {
  char k[AGENCY_MAX + 2];
  k[0] = k[1] = '/';
  memcpy(k + 2, s, len);
  lblocks_add(L, b, CLS_CREDIT, k + 1, len + 1);
  if (alone) lblocks_add(L, b, CLS_CREDIT, k, len + 2);
}

static void lblocks_agencies(lua_State *L, lblocks *b, const char *key, int alone) {
  lblocks_strings(L, b, key, AGENCY_MAX, add_agency, alone);
}

/* phrases = { {"most", "read"}, ... } */
static void lblocks_phrases(lua_State *L, lblocks *b) {
  lua_Integer i, n;
  if (lua_getfield(L, 1, "phrases") != LUA_TTABLE) { lua_pop(L, 1); return; }
  n = (lua_Integer)lua_rawlen(L, -1);
  for (i = 1; i <= n; i++) {
    const char *words[8];
    size_t lens[8], k, nw;
    if (lua_rawgeti(L, -1, i) != LUA_TTABLE) luaL_error(L, "blocks.config: phrases[%d] is not a list", (int)i);
    nw = (size_t)lua_rawlen(L, -1);
    if (nw > 8) luaL_error(L, "blocks.config: phrases[%d] has more than 8 words", (int)i);
    for (k = 0; k < nw; k++) {
      lua_rawgeti(L, -1 - (int)k, (lua_Integer)k + 1);  /* the strings stay on the stack */
      if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "blocks.config: phrases[%d] holds a non-string", (int)i);
      words[k] = lua_tolstring(L, -1, &lens[k]);
    }
    if (classify_add_phrase(b->c, words, lens, nw) != 0) luaL_error(L, "out of memory");
    lua_pop(L, (int)nw + 1);
  }
  lua_pop(L, 1);
}

/* Compiles the strings of the list at idx (none when idx is 0) into s. */
static void lblocks_compile(lua_State *L, int idx, blocks_selectors *s) {
  const char *css[MAX_SELECTORS];
  char err[512] = "out of memory";
  size_t n = 0;
  if (idx) {
    lua_Integer i, len = (lua_Integer)lua_rawlen(L, idx);
    if (len > MAX_SELECTORS) luaL_error(L, "blocks: more than %d body selectors", MAX_SELECTORS);
    for (i = 1; i <= len; i++) {
      lua_rawgeti(L, idx, i);
      if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "blocks: selectors[%d] is not a string", (int)i);
      css[n++] = lua_tostring(L, -1);
      lua_pop(L, 1);  /* the list keeps the string alive */
    }
  }
  if (blocks_selectors_compile(s, css, n, err, sizeof err) != 0) luaL_error(L, "%s", err);
}

/* t[key] as a number, `fallback` when absent. */
static double opt_number(lua_State *L, int t, const char *key, double fallback) {
  double v = fallback;
  if (lua_getfield(L, t, key) != LUA_TNIL) {
    if (!lua_isnumber(L, -1)) luaL_error(L, "blocks: %s must be a number", key);
    v = lua_tonumber(L, -1);
  }
  lua_pop(L, 1);
  return v;
}

static int lblocks_config(lua_State *L) {
  lblocks *b;
  luaL_checktype(L, 1, LUA_TTABLE);
  b = lua_newuserdatauv(L, sizeof *b, 0);
  memset(b, 0, sizeof *b);
  luaL_setmetatable(L, LEDE_BLOCKS);
  if (!(b->c = classify_new())) return luaL_error(L, "out of memory");
  lblocks_list(L, b, "words", CLS_WORD);
  lblocks_list(L, b, "whole", CLS_WHOLE);
  lblocks_list(L, b, "lines", CLS_LINE);
  lblocks_list(L, b, "tags", CLS_TAG_CLEAN);
  lblocks_list(L, b, "outside_article_tags", CLS_TAG_OUTSIDE);
  lblocks_list(L, b, "content_tags", CLS_TAG_CONTENT);
  lblocks_list(L, b, "likely_words", CLS_LIKELY);
  lblocks_list(L, b, "caption_words", CLS_CAPTION);
  lblocks_list(L, b, "lead_words", CLS_LEAD);
  lblocks_list(L, b, "promo_openings", CLS_PROMO);
  lblocks_list(L, b, "credit_labels", CLS_CREDIT);
  lblocks_list(L, b, "counted", CLS_COUNTED);
  lblocks_list(L, b, "hidden_classes", CLS_HIDDEN);
  lblocks_agencies(L, b, "photo_agencies", 1);
  lblocks_agencies(L, b, "photo_credit_agencies", 0);
  lblocks_phrases(L, b);
  b->min_chars = opt_number(L, 1, "min_body_chars", 200);
  if (lua_getfield(L, 1, "body_selectors") == LUA_TTABLE) lblocks_compile(L, lua_gettop(L), &b->sel);
  else lblocks_compile(L, 0, &b->sel);
  lua_pop(L, 1);
  return 1;
}

/* classify(value) -> the boilerplate reason of a class or id value, or nil */
static int lblocks_classify(lua_State *L) {
  lblocks *b = lblocks_check(L, 1);
  size_t len;
  const char *v = luaL_optlstring(L, 2, "", &len);
  const char *why = classify_reason(b->c, v, len);
  if (why) lua_pushstring(L, why);
  else lua_pushnil(L);
  return 1;
}

static int opt_flag(lua_State *L, int idx, const char *key) {
  int on;
  if (lua_isnoneornil(L, idx)) return 0;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_getfield(L, idx, key);
  on = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return on;
}

static void push_reason(lua_State *L, const blocks_mark *m) {
  switch (m->why) {
    case BLOCKS_TAG: lua_pushfstring(L, "tag %s", (const char *)m->node->name); break;
    case BLOCKS_HIDDEN: lua_pushliteral(L, "hidden"); break;
    case BLOCKS_CLASS: lua_pushfstring(L, "class/id word '%s'", m->word); break;
    case BLOCKS_LINE: lua_pushliteral(L, "boilerplate line"); break;
    case BLOCKS_LINK_DENSE: lua_pushliteral(L, "link-dense block"); break;
    case BLOCKS_LEAD: lua_pushliteral(L, "article header"); break;
    case BLOCKS_APART: lua_pushliteral(L, "not the article's (beside the best candidate)"); break;
    default: lua_pushliteral(L, "caption, kept apart"); break;
  }
}

/* { {node, reason}, ... } */
static void push_marks(lua_State *L, const blocks_marks *m, int doc_idx) {
  size_t i;
  lua_createtable(L, (int)m->n, 0);
  for (i = 0; i < m->n; i++) {
    lua_createtable(L, 2, 0);
    lnode_push(L, m->v[i].node, doc_idx);
    lua_rawseti(L, -2, 1);
    push_reason(L, &m->v[i]);
    lua_rawseti(L, -2, 2);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

/* Removes the marked nodes as node:remove() does; returns how many, or -1. */
static lua_Integer apply_marks(ldoc *d, const blocks_marks *m) {
  size_t i;
  for (i = 0; i < m->n; i++) {
    if (ldoc_bury(d, m->v[i].node) != 0) return -1;
    xmlUnlinkNode(m->v[i].node);
  }
  return (lua_Integer)m->n;
}

/* clean_marks(doc [, {nested = bool, apply = bool}]) -> { {node, reason}, ... }
 * apply: remove the marked nodes here and return their number (for callers
 * with no node to protect and no trace to write). */
static int lblocks_clean_marks(lua_State *L) {
  lblocks *b = lblocks_check(L, 1);
  ldoc *d = ldoc_check(L, 2);
  int apply = opt_flag(L, 3, "apply");
  int nested = !apply && opt_flag(L, 3, "nested");
  lresult *r = lresult_new(L);
  lua_Integer n;
  if (blocks_clean_marks(d->doc, b->c, nested ? BLOCKS_NESTED : 0, &r->p.remove) != 0)
    return luaL_error(L, "out of memory");
  if (!apply) {
    push_marks(L, &r->p.remove, 2);
    return 1;
  }
  if ((n = apply_marks(d, &r->p.remove)) < 0) return luaL_error(L, "out of memory");
  lua_pushinteger(L, n);
  return 1;
}

/* The selectors to use: the config's, or opts.selectors (compiled once per new list). */
static const blocks_selectors *lblocks_selectors(lua_State *L, lblocks *b, int opts) {
  lua_Integer i, n;
  const blocks_selectors *cands[2];
  int k;
  if (!opts || lua_getfield(L, opts, "selectors") != LUA_TTABLE) {
    if (opts) lua_pop(L, 1);
    return &b->sel;
  }
  n = (lua_Integer)lua_rawlen(L, -1);
  cands[0] = &b->sel;
  cands[1] = &b->custom;
  for (k = 0; k < 2; k++) {
    if ((lua_Integer)cands[k]->n != n) continue;
    for (i = 1; i <= n; i++) {
      const char *s;
      lua_rawgeti(L, -1, i);
      s = lua_tostring(L, -1);
      lua_pop(L, 1);
      if (!s || strcmp(s, cands[k]->css[i - 1]) != 0) break;
    }
    if (i > n) { lua_pop(L, 1); return cands[k]; }
  }
  blocks_selectors_free(&b->custom);
  lblocks_compile(L, lua_gettop(L), &b->custom);
  lua_pop(L, 1);
  return &b->custom;
}

/* best_body(doc [, {selectors = {...}, min_chars = n}]) -> node, rule, kind, drop | nil
 * rule: the selector that matched, or "scoring" (what ctx.body_rule holds);
 * kind: "selector" or "scoring"; drop: { {node, reason}, ... }, children of the
 * body that are not the article's (scoring took the best candidate's parent). */
static int lblocks_best_body(lua_State *L) {
  lblocks *b = lblocks_check(L, 1);
  ldoc *d = ldoc_check(L, 2);
  int opts = lua_isnoneornil(L, 3) ? 0 : 3;
  const blocks_selectors *sel;
  double min_chars = b->min_chars;
  blocks_body out;
  lresult *r;
  int rc;
  if (opts) {
    luaL_checktype(L, 3, LUA_TTABLE);
    min_chars = opt_number(L, 3, "min_chars", b->min_chars);
  }
  sel = lblocks_selectors(L, b, opts);
  r = lresult_new(L);  /* owns out.drop from here */
  d->xpath_error[0] = '\0';
  rc = blocks_best_body(d->doc, b->c, d->xpath, sel, min_chars, &out);
  r->p.remove = out.drop;
  if (rc != 0)
    return luaL_error(L, "blocks.best_body: %s", d->xpath_error[0] ? d->xpath_error : "out of memory");
  if (!out.node) { lua_pushnil(L); return 1; }
  lnode_push(L, out.node, 2);
  if (out.selector != BLOCKS_NONE) {
    lua_pushstring(L, sel->css[out.selector]);
    lua_pushliteral(L, "selector");
  } else {
    lua_pushliteral(L, "scoring");
    lua_pushliteral(L, "scoring");
  }
  push_marks(L, &r->p.remove, 2);
  return 4;
}

/* opts.favor: nil or "balanced", "precision", "recall". */
static int opt_favor(lua_State *L, int idx) {
  static const char *const names[] = { "balanced", "precision", "recall", NULL };
  static const int values[] = { BLOCKS_FAVOR_BALANCED, BLOCKS_FAVOR_PRECISION, BLOCKS_FAVOR_RECALL };
  int i;
  if (lua_isnoneornil(L, idx)) return BLOCKS_FAVOR_BALANCED;
  luaL_checktype(L, idx, LUA_TTABLE);
  if (lua_getfield(L, idx, "favor") == LUA_TNIL) { lua_pop(L, 1); return BLOCKS_FAVOR_BALANCED; }
  i = luaL_checkoption(L, -1, NULL, names);
  lua_pop(L, 1);
  return values[i];
}

/* prune_marks(body [, {nested = bool, favor = "precision" | "recall" | "balanced"}]) ->
 *   { remove = { {node, reason}, ... }, captions = { node, ... }, guard_tripped = bool,
 *     marked_chars = n, total = n } */
static int lblocks_prune_marks(lua_State *L) {
  lblocks *b = lblocks_check(L, 1);
  int nested = opt_flag(L, 3, "nested"), favor = opt_favor(L, 3);
  ldoc *d;
  xmlNodePtr body = lnode_check(L, 2, &d);
  int doc_idx = lua_gettop(L);  /* lnode_check pushed the document */
  lresult *r = lresult_new(L);
  size_t i;
  if (blocks_prune_marks_favor(body, b->c, nested ? BLOCKS_NESTED : 0, favor, &r->p) != 0)
    return luaL_error(L, "out of memory");
  lua_createtable(L, 0, 5);
  push_marks(L, &r->p.remove, doc_idx);
  lua_setfield(L, -2, "remove");
  lua_createtable(L, (int)r->p.captions.n, 0);
  for (i = 0; i < r->p.captions.n; i++) {
    lnode_push(L, r->p.captions.v[i].node, doc_idx);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "captions");
  lua_pushboolean(L, r->p.guard_tripped);
  lua_setfield(L, -2, "guard_tripped");
  lua_pushinteger(L, (lua_Integer)r->p.marked_chars);
  lua_setfield(L, -2, "marked_chars");
  lua_pushinteger(L, (lua_Integer)r->p.total);
  lua_setfield(L, -2, "total");
  return 1;
}

/* lead_marks(body [, title]) -> { {node, "article header"}, ... }: the headline,
 * kicker, byline and date blocks above the story, in document order. */
static int lblocks_lead_marks(lua_State *L) {
  ldoc *d;
  xmlNodePtr body;
  int doc_idx;
  size_t tlen = 0;
  const char *title;
  lresult *r;
  lblocks_check(L, 1);
  title = luaL_optlstring(L, 3, NULL, &tlen);
  body = lnode_check(L, 2, &d);
  doc_idx = lua_gettop(L);  /* lnode_check pushed the document */
  r = lresult_new(L);
  if (blocks_lead_marks(body, lblocks_check(L, 1)->c, title, tlen, &r->p.remove) != 0) return luaL_error(L, "out of memory");
  push_marks(L, &r->p.remove, doc_idx);
  return 1;
}

/* standfirst(body, description) -> the page's standfirst above the body, or nil */
static int lblocks_standfirst(lua_State *L) {
  ldoc *d;
  xmlNodePtr body;
  size_t dlen;
  const char *desc;
  buf out;
  int found;
  lblocks_check(L, 1);
  desc = luaL_checklstring(L, 3, &dlen);
  body = lnode_check(L, 2, &d);
  buf_init(&out);
  found = blocks_standfirst(body, desc, dlen, &out);
  if (found > 0 && !buf_failed(&out)) lua_pushlstring(L, out.data, out.len);
  else lua_pushnil(L);
  buf_free(&out);
  if (found < 0) return luaL_error(L, "out of memory");
  return 1;
}

static const luaL_Reg lblocks_methods[] = {
  {"classify", lblocks_classify},
  {"clean_marks", lblocks_clean_marks},
  {"best_body", lblocks_best_body},
  {"prune_marks", lblocks_prune_marks},
  {"lead_marks", lblocks_lead_marks},
  {"standfirst", lblocks_standfirst},
  {NULL, NULL}
};

static const luaL_Reg lblocks_functions[] = {
  {"config", lblocks_config},
  {NULL, NULL}
};

int lede_open_blocks(lua_State *L) {
  if (luaL_newmetatable(L, LEDE_BLOCKS)) {
    luaL_newlib(L, lblocks_methods);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, lblocks_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  if (luaL_newmetatable(L, LEDE_BLOCKS_RESULT)) {
    lua_pushcfunction(L, lresult_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  luaL_newlib(L, lblocks_functions);
  return 1;
}
