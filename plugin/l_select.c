#include "l_select.h"

#include <lauxlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "css.h"
#include "l_node.h"
#include "match.h"

#define LEDE_XPATH_EXPR "lede.XPathExpr"
#define LEDE_XPATH_RESULT "lede.XPathResult"
#define CACHE_CSS "lede.cache.css"
#define CACHE_XPATH "lede.cache.xpath"
#define CACHE_LIMIT 1024  /* entries per cache before it is started afresh */

/* A compiled selector: the XPath, and for CSS selectors match.c can read,
 * the direct form that answers without XPath. */
typedef struct {
  xmlXPathCompExprPtr comp;
  match_sel *direct;
} xpexpr;
typedef struct { xmlXPathObjectPtr obj; } xpresult;

static int sel_expr_gc(lua_State *L) {
  xpexpr *e = luaL_checkudata(L, 1, LEDE_XPATH_EXPR);
  if (e->comp) xmlXPathFreeCompExpr(e->comp);
  e->comp = NULL;
  match_free(e->direct);
  e->direct = NULL;
  return 0;
}

static int sel_result_gc(lua_State *L) {
  xpresult *r = luaL_checkudata(L, 1, LEDE_XPATH_RESULT);
  if (r->obj) xmlXPathFreeObject(r->obj);
  r->obj = NULL;
  return 0;
}

/* Pushes the cache table named `name` from the registry (created on demand). */
static void sel_push_cache(lua_State *L, const char *name) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, name) == LUA_TTABLE) return;
  lua_pop(L, 1);
  lua_newtable(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, name);
}

static void sel_cache_store(lua_State *L, const char *name, int key, int value) {
  lua_Integer n;
  sel_push_cache(L, name);
  n = (lua_getfield(L, -1, "\1count") == LUA_TNUMBER) ? lua_tointeger(L, -1) : 0;
  lua_pop(L, 1);
  if (n >= CACHE_LIMIT) {  /* drop the old entries; the GC frees them */
    lua_pop(L, 1);
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, name);
    sel_push_cache(L, name);
    n = 0;
  }
  lua_pushvalue(L, key);
  lua_pushvalue(L, value);
  lua_rawset(L, -3);
  lua_pushinteger(L, n + 1);
  lua_setfield(L, -2, "\1count");
  lua_pop(L, 1);
}

/* Compiles `expr`, leaving an xpexpr userdata on the stack; raises on error. */
static xpexpr *sel_compile_xpath(lua_State *L, ldoc *d, const char *expr, const char *shown) {
  xpexpr *e = lua_newuserdatauv(L, sizeof *e, 0);
  e->comp = NULL;
  e->direct = NULL;
  luaL_setmetatable(L, LEDE_XPATH_EXPR);
  d->xpath_error[0] = '\0';
  e->comp = xmlXPathCtxtCompile(d->xpath, (const xmlChar *)expr);
  if (!e->comp)
    luaL_error(L, "invalid XPath '%s': %s", shown,
               d->xpath_error[0] ? d->xpath_error : "cannot compile");
  return e;
}

static xpexpr *sel_cached(lua_State *L, const char *cache, int key) {
  sel_push_cache(L, cache);
  lua_pushvalue(L, key);
  lua_rawget(L, -2);
  lua_remove(L, -2);
  if (lua_isnil(L, -1)) { lua_pop(L, 1); return NULL; }
  return lua_touserdata(L, -1);
}

/* Leaves the compiled expression of the CSS selector at argument 2 on the stack. */
static xpexpr *sel_compile_css(lua_State *L, ldoc *d) {
  size_t len;
  const char *css = luaL_checklstring(L, 2, &len);
  xpexpr *e = sel_cached(L, CACHE_CSS, 2);
  char err[512] = "out of memory";
  buf xp;
  if (e) return e;
  buf_init(&xp);
  if (css_compile(css, len, &xp, err, sizeof err) != 0 || buf_failed(&xp)) {
    buf_free(&xp);
    luaL_error(L, "%s", err);
  }
  lua_pushstring(L, buf_cstr(&xp));
  buf_free(&xp);
  e = sel_compile_xpath(L, d, lua_tostring(L, -1), css);
  lua_remove(L, -2);
  /* out of memory here only means the XPath answers */
  if (match_compile(css, len, &e->direct) != MATCH_OK) e->direct = NULL;
  sel_cache_store(L, CACHE_CSS, 2, -1);
  return e;
}

static xpexpr *sel_compile_arg(lua_State *L, ldoc *d) {
  const char *expr = luaL_checkstring(L, 2);
  xpexpr *e = sel_cached(L, CACHE_XPATH, 2);
  if (e) return e;
  e = sel_compile_xpath(L, d, expr, expr);
  sel_cache_store(L, CACHE_XPATH, 2, -1);
  return e;
}

static void sel_push_item(lua_State *L, xmlNodePtr n, int doc_idx, lua_Integer *i) {
  if (n->type == XML_ELEMENT_NODE) {
    lnode_push(L, n, doc_idx);
  } else if (n->type == XML_ATTRIBUTE_NODE || n->type == XML_TEXT_NODE ||
             n->type == XML_CDATA_SECTION_NODE || n->type == XML_COMMENT_NODE) {
    xmlChar *s = xmlNodeGetContent(n);
    lua_pushstring(L, s ? (const char *)s : "");
    xmlFree(s);
  } else {
    return;  /* the document node and the like have no useful Lua form */
  }
  lua_rawseti(L, -2, ++*i);
}

/* Keeps the first message libxml2 gives for the failing call, for the error we raise. */
static void sel_keep_message(void *ctx, const char *msg, ...) {
  ldoc *d = ctx;
  va_list ap;
  size_t n;
  if (!d || d->xpath_error[0]) return;
  va_start(ap, msg);
  vsnprintf(d->xpath_error, sizeof d->xpath_error, msg, ap);
  va_end(ap);
  n = strlen(d->xpath_error);
  while (n > 0 && d->xpath_error[n - 1] == '\n') d->xpath_error[--n] = '\0';
}

/* libxml2 reports some run-time XPath errors (an unknown function, a wrong
 * number of arguments) on stderr through its generic handler, not through the
 * context's: that handler is muted for the call and put back after it. */
static xmlXPathObjectPtr sel_eval_quietly(ldoc *d, xmlXPathCompExprPtr comp) {
  xmlGenericErrorFunc handler = xmlGenericError;
  void *handler_ctx = xmlGenericErrorContext;
  xmlXPathObjectPtr o;
  xmlSetGenericErrorFunc(d, sel_keep_message);
  o = xmlXPathCompiledEval(comp, d->xpath);
  xmlSetGenericErrorFunc(handler_ctx, handler);
  return o;
}

/* Evaluates e with `context`; pushes a table of results (or a scalar). */
static int sel_eval(lua_State *L, ldoc *d, xpexpr *e, xmlNodePtr context, int doc_idx) {
  xpresult *r = lua_newuserdatauv(L, sizeof *r, 0);  /* frees the result if we raise */
  xmlXPathObjectPtr o;
  r->obj = NULL;
  luaL_setmetatable(L, LEDE_XPATH_RESULT);
  d->xpath->node = context;
  d->xpath_error[0] = '\0';
  r->obj = o = sel_eval_quietly(d, e->comp);
  if (!o) {
    const char *why = d->xpath_error[0] ? d->xpath_error : d->xpath->lastError.message;
    /* libxml2 2.9 gives no message for a function called with the wrong arguments */
    return luaL_error(L, "XPath evaluation failed: %s",
                      why ? why : "a function got the wrong number or type of arguments");
  }
  switch (o->type) {
    case XPATH_NODESET: {
      lua_Integer i = 0;
      int k, n = o->nodesetval ? o->nodesetval->nodeNr : 0;
      lua_createtable(L, n, 0);
      for (k = 0; k < n; k++) sel_push_item(L, o->nodesetval->nodeTab[k], doc_idx, &i);
      break;
    }
    case XPATH_STRING: lua_pushstring(L, o->stringval ? (const char *)o->stringval : ""); break;
    case XPATH_NUMBER: lua_pushnumber(L, o->floatval); break;
    case XPATH_BOOLEAN: lua_pushboolean(L, o->boolval); break;
    default: lua_pushnil(L); break;
  }
  xmlXPathFreeObject(o);
  r->obj = NULL;
  return 1;
}

typedef struct {
  lua_State *L;
  int doc_idx;
  lua_Integer i;
} direct_out;

static void sel_direct_found(xmlNodePtr el, void *ud) {
  direct_out *o = ud;
  lnode_push(o->L, el, o->doc_idx);
  lua_rawseti(o->L, -2, ++o->i);
}

/* Pushes the table of matches of a direct selector; 0 (nothing pushed) when
 * the walk gave up and XPath must answer. The walk holds no allocation, so
 * a Lua error from lnode_push leaks nothing. */
static int sel_direct(lua_State *L, const match_sel *s, xmlNodePtr context, int doc_idx) {
  direct_out o;
  o.L = L;
  o.doc_idx = doc_idx;
  o.i = 0;
  lua_newtable(L);
  if (match_each(s, context, sel_direct_found, &o) == MATCH_OK) return 1;
  lua_pop(L, 1);
  return 0;
}

int lsel_select(lua_State *L, ldoc *d, xmlNodePtr context, int doc_idx) {
  xpexpr *e;
  doc_idx = lua_absindex(L, doc_idx);
  e = sel_compile_css(L, d);
  if (e->direct && sel_direct(L, e->direct, context, doc_idx)) return 1;
  return sel_eval(L, d, e, context, doc_idx);
}

int lsel_xpath(lua_State *L, ldoc *d, xmlNodePtr context, int doc_idx) {
  xpexpr *e;
  doc_idx = lua_absindex(L, doc_idx);
  e = sel_compile_arg(L, d);
  return sel_eval(L, d, e, context, doc_idx);
}

int lsel_css_to_xpath(lua_State *L) {
  size_t len;
  const char *css = luaL_checklstring(L, 1, &len);
  char err[512] = "out of memory";
  buf xp;
  buf_init(&xp);
  if (css_compile(css, len, &xp, err, sizeof err) != 0 || buf_failed(&xp)) {
    buf_free(&xp);
    return luaL_error(L, "%s", err);
  }
  lua_pushlstring(L, buf_cstr(&xp), xp.len);
  buf_free(&xp);
  return 1;
}

void lsel_register(lua_State *L) {
  luaL_newmetatable(L, LEDE_XPATH_EXPR);
  lua_pushcfunction(L, sel_expr_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  luaL_newmetatable(L, LEDE_XPATH_RESULT);
  lua_pushcfunction(L, sel_result_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
}
