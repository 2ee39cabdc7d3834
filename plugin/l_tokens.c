/* core.find_tokens(doc, set): every element, in document order, whose class
 * or id attribute holds one of the words of set (a table word -> true) as a
 * whole white-space separated token. One walk in C: the XPath equivalent,
 * contains(concat(' ', normalize-space(@class), ' '), ' w ') per word and
 * element, costs milliseconds a page. */
#include <lauxlib.h>
#include <libxml/tree.h>
#include <string.h>

#include "l_document.h"
#include "l_node.h"
#include "l_tokens.h"
#include "walk.h"

typedef struct {
  lua_State *L;
  int set_idx, out_idx, doc_idx;
  lua_Integer n;
} tok_state;

static int tok_is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* 1 when one of the tokens of value is a key of the set. */
static int tok_value_matches(tok_state *s, const char *value) {
  const char *p = value;
  while (*p) {
    const char *start;
    int hit;
    while (*p && tok_is_space(*p)) p++;
    if (!*p) break;
    start = p;
    while (*p && !tok_is_space(*p)) p++;
    lua_pushlstring(s->L, start, (size_t)(p - start));
    hit = lua_rawget(s->L, s->set_idx) != LUA_TNIL;  /* set[token] */
    lua_pop(s->L, 1);
    if (hit) return 1;
  }
  return 0;
}

/* 1 when the attribute name of n holds a listed token; the copy is freed
 * before anything can raise. */
static int tok_attr_matches(tok_state *s, xmlNodePtr n, const char *name) {
  xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
  int hit;
  if (!v) return 0;
  hit = tok_value_matches(s, (const char *)v);
  xmlFree(v);
  return hit;
}

static int tok_visit(xmlNodePtr n, int entering, void *ud) {
  tok_state *s = ud;
  if (!entering || n->type != XML_ELEMENT_NODE) return WALK_CONTINUE;
  if (tok_attr_matches(s, n, "class") || tok_attr_matches(s, n, "id")) {
    lnode_push(s->L, n, s->doc_idx);
    lua_rawseti(s->L, s->out_idx, ++s->n);
  }
  return WALK_CONTINUE;
}

int ltokens_find(lua_State *L) {
  ldoc *d = ldoc_check(L, 1);
  tok_state s;
  xmlNodePtr root;
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 2);
  lua_newtable(L);
  s.L = L; s.doc_idx = 1; s.set_idx = 2; s.out_idx = 3; s.n = 0;
  root = xmlDocGetRootElement(d->doc);
  if (root) {
    luaL_checkstack(L, 8, "find_tokens");
    walk_tree(root, tok_visit, &s);
  }
  return 1;
}
