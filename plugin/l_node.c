#include "l_node.h"

#include <lauxlib.h>
#include <libxml/HTMLtree.h>
#include <string.h>

#include "buf.h"
#include "l_select.h"
#include "stats.h"
#include "text.h"
#include "walk.h"

typedef struct lnode { xmlNodePtr node; } lnode;

void lnode_push(lua_State *L, xmlNodePtr n, int doc_idx) {
  lnode *h;
  doc_idx = lua_absindex(L, doc_idx);
  h = lua_newuserdatauv(L, sizeof *h, 1);
  h->node = n;
  luaL_setmetatable(L, LEDE_NODE);
  lua_pushvalue(L, doc_idx);
  lua_setiuservalue(L, -2, 1);  /* the node keeps its document alive */
}

xmlNodePtr lnode_check(lua_State *L, int idx, ldoc **dp) {
  lnode *h = luaL_checkudata(L, idx, LEDE_NODE);
  ldoc *d;
  lua_getiuservalue(L, idx, 1);  /* pushes the document */
  d = lua_touserdata(L, -1);
  if (!d || !d->doc) luaL_error(L, "lede.Node: its document is closed");
  if (!ldoc_is_attached(d, h->node))
    luaL_error(L, "lede.Node: the node was removed from its document");
  *dp = d;
  return h->node;
}

/* Most methods need only the node; the document stays on the stack unused. */
static xmlNodePtr node_arg(lua_State *L, int idx) {
  ldoc *d;
  return lnode_check(L, idx, &d);
}

static void node_push_buf(lua_State *L, buf *b) {
  if (buf_failed(b)) { buf_free(b); luaL_error(L, "out of memory"); }
  lua_pushlstring(L, buf_cstr(b), b->len);
  buf_free(b);
}

static int node_tag(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1);
  lua_pushstring(L, n->name ? (const char *)n->name : "");
  return 1;
}

static int node_attr(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1);
  const char *name = luaL_checkstring(L, 2);
  xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);
  xmlChar *v;
  if (!a) { lua_pushnil(L); return 1; }
  v = xmlNodeGetContent((xmlNodePtr)a);
  lua_pushstring(L, v ? (const char *)v : "");
  xmlFree(v);
  return 1;
}

static int node_attrs(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1);
  xmlAttrPtr a;
  lua_newtable(L);
  for (a = n->properties; a; a = a->next) {
    xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
    lua_pushstring(L, v ? (const char *)v : "");
    xmlFree(v);
    lua_setfield(L, -2, (const char *)a->name);
  }
  return 1;
}

static int node_set_attr(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1);
  const char *name = luaL_checkstring(L, 2);
  if (lua_isnoneornil(L, 3)) {
    xmlUnsetProp(n, (const xmlChar *)name);
  } else {
    const char *value = luaL_checkstring(L, 3);
    if (!xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value))
      return luaL_error(L, "out of memory");
  }
  return 0;
}

int lnode_valid_tag(const char *name) {
  const char *p;
  if (!*name) return 0;
  for (p = name; *p; p++) {
    int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
             (p > name && ((*p >= '0' && *p <= '9') || *p == '-'));
    if (!ok) return 0;
  }
  return 1;
}

/* filters (issue 6): node:rename(tag) changes the element's name, keeping its
 * attributes and children; filter transforms use it (div.para -> p). */
static int node_rename(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1);
  const char *name = luaL_checkstring(L, 2);
  if (!lnode_valid_tag(name)) return luaL_error(L, "lede.Node: invalid tag name '%s'", name);
  xmlNodeSetName(n, (const xmlChar *)name);
  return 0;
}

static int node_text(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1);
  buf b;
  buf_init(&b);
  text_render(n, &b);
  node_push_buf(L, &b);
  return 1;
}

static void node_dump(xmlNodePtr n, buf *b) {
  xmlBufferPtr xb = xmlBufferCreate();
  if (!xb) { b->failed = 1; return; }
  if (htmlNodeDump(xb, n->doc, n) < 0) b->failed = 1;
  else buf_add(b, (const char *)xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
  xmlBufferFree(xb);
}

static int node_html(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1);
  buf b;
  buf_init(&b);
  node_dump(n, &b);
  node_push_buf(L, &b);
  return 1;
}

static int node_inner_html(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1), c;
  buf b;
  buf_init(&b);
  for (c = n->children; c; c = c->next) node_dump(c, &b);
  node_push_buf(L, &b);
  return 1;
}

static int node_push_related(lua_State *L, xmlNodePtr r) {
  if (r) lnode_push(L, r, -1);  /* the document is on top, pushed by the check */
  else lua_pushnil(L);
  return 1;
}

static int node_parent(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1);
  return node_push_related(L, n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL);
}

static xmlNodePtr node_next_element(xmlNodePtr n) {
  for (n = n->next; n && n->type != XML_ELEMENT_NODE; n = n->next) {}
  return n;
}

static xmlNodePtr node_prev_element(xmlNodePtr n) {
  for (n = n->prev; n && n->type != XML_ELEMENT_NODE; n = n->prev) {}
  return n;
}

static int node_next(lua_State *L) { return node_push_related(L, node_next_element(node_arg(L, 1))); }
static int node_prev(lua_State *L) { return node_push_related(L, node_prev_element(node_arg(L, 1))); }

static int node_children(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1), c;
  int doc = lua_gettop(L);
  lua_Integer i = 0;
  lua_newtable(L);
  for (c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    lnode_push(L, c, doc);
    lua_rawseti(L, -2, ++i);
  }
  return 1;
}

static int node_remove(lua_State *L) {
  ldoc *d;
  xmlNodePtr n = lnode_check(L, 1, &d);
  if (n == xmlDocGetRootElement(d->doc)) return luaL_error(L, "lede.Node: cannot remove the root element");
  if (ldoc_bury(d, n) != 0) return luaL_error(L, "out of memory");
  xmlUnlinkNode(n);
  return 0;
}

/* Replaces the element by its children. */
static int node_unwrap(lua_State *L) {
  ldoc *d;
  xmlNodePtr n = lnode_check(L, 1, &d), c, next;
  if (n == xmlDocGetRootElement(d->doc)) return luaL_error(L, "lede.Node: cannot unwrap the root element");
  if (ldoc_bury(d, n) != 0) return luaL_error(L, "out of memory");
  for (c = n->children; c; c = next) {
    next = c->next;
    xmlUnlinkNode(c);
    /* xmlAddPrevSibling merges adjacent text nodes and would free c's content;
     * link by hand to keep every node (and any handle to it) alive */
    c->parent = n->parent;
    c->prev = n->prev;
    c->next = n;
    if (n->prev) n->prev->next = c;
    else if (n->parent) n->parent->children = c;
    n->prev = c;
  }
  xmlUnlinkNode(n);
  return 0;
}

static int node_get_stats(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1);
  node_stats s;
  stats_compute(n, &s);
  lua_createtable(L, 0, 7);
  lua_pushinteger(L, (lua_Integer)s.chars); lua_setfield(L, -2, "chars");
  lua_pushinteger(L, (lua_Integer)s.words); lua_setfield(L, -2, "words");
  lua_pushinteger(L, (lua_Integer)s.link_chars); lua_setfield(L, -2, "link_chars");
  lua_pushnumber(L, s.link_density); lua_setfield(L, -2, "link_density");
  lua_pushinteger(L, (lua_Integer)s.punct); lua_setfield(L, -2, "punct");
  lua_pushinteger(L, (lua_Integer)s.depth); lua_setfield(L, -2, "depth");
  lua_pushinteger(L, (lua_Integer)s.paragraphs); lua_setfield(L, -2, "paragraphs");
  return 1;
}

/* "tag.firstclass", plus ":nth-child(k)" when a sibling has the same tag. */
static void node_path_step(xmlNodePtr n, buf *b) {
  xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
  xmlNodePtr s;
  int index = 0, twin = 0, k = 0;
  buf_adds(b, (const char *)n->name);
  if (cls) {
    const char *p = (const char *)cls, *e;
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    for (e = p; *e && *e != ' ' && *e != '\t' && *e != '\n'; e++) {}
    if (e > p) { buf_addc(b, '.'); buf_add(b, p, (size_t)(e - p)); }
    xmlFree(cls);
  }
  for (s = n->parent ? n->parent->children : NULL; s; s = s->next) {
    if (s->type != XML_ELEMENT_NODE) continue;
    k++;
    if (s == n) index = k;
    else if (xmlStrEqual(s->name, n->name)) twin = 1;
  }
  if (twin) buf_addf(b, ":nth-child(%d)", index);
}

static int node_is_anchor(xmlNodePtr p) {
  return xmlHasProp(p, (const xmlChar *)"id") != NULL ||
         xmlStrEqual(p->name, (const xmlChar *)"body") ||
         xmlStrEqual(p->name, (const xmlChar *)"html");
}

/* A short selector for diagnostics: from the nearest ancestor with an id (or
 * body) down to the node, e.g. "div#main > div.story > p:nth-child(3)". */
static int node_path(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1), p;
  xmlNodePtr chain[64];
  int k = 0;
  buf b;
  for (p = n; p && p->type == XML_ELEMENT_NODE && k < 64; p = p->parent) {
    chain[k++] = p;
    if (node_is_anchor(p)) break;
  }
  buf_init(&b);
  while (k-- > 0) {
    xmlChar *id = xmlGetProp(chain[k], (const xmlChar *)"id");
    if (id && *id && !strpbrk((const char *)id, " \t\n\"'[]():.#>+~,")) {
      buf_addf(&b, "%s#%s", chain[k]->name, id);
    } else {
      node_path_step(chain[k], &b);
    }
    xmlFree(id);
    if (k > 0) buf_adds(&b, " > ");
  }
  node_push_buf(L, &b);
  return 1;
}

static int node_select(lua_State *L) {
  ldoc *d;
  xmlNodePtr n = lnode_check(L, 1, &d);
  return lsel_select(L, d, n, lua_gettop(L));
}

static int node_xpath(lua_State *L) {
  ldoc *d;
  xmlNodePtr n = lnode_check(L, 1, &d);
  return lsel_xpath(L, d, n, lua_gettop(L));
}

/* A stable identity for tables keyed by node: handles are new userdata each time. */
static int node_key(lua_State *L) {
  lua_pushlightuserdata(L, node_arg(L, 1));
  return 1;
}

/* Keys of the node's element ancestors, nearest first: lets callers remember
 * where a node stood even after cleaning removes it. */
static int node_ancestor_keys(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1), p;
  lua_Integer i = 0;
  lua_newtable(L);
  for (p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
    lua_pushlightuserdata(L, p);
    lua_rawseti(L, -2, ++i);
  }
  return 1;
}

/* node:contains(other): other is node itself or one of its descendants. */
static int node_contains(lua_State *L) {
  xmlNodePtr n = node_arg(L, 1), o = node_arg(L, 2);
  for (; o; o = o->parent)
    if (o == n) break;
  lua_pushboolean(L, o != NULL);
  return 1;
}

/* node:last_content(): the element holding the last visible text inside node
 * (or the last <img>), nil when there is none. */
static int node_last_content(lua_State *L) {
  ldoc *d;
  xmlNodePtr n = lnode_check(L, 1, &d), c = walk_last_content(n);
  if (c && c->type != XML_ELEMENT_NODE) c = c->parent;
  if (!c || c->type != XML_ELEMENT_NODE) { lua_pushnil(L); return 1; }
  lnode_push(L, c, -1);
  return 1;
}

/* Unlike every other method, answers for removed nodes instead of raising. */
static int node_removed(lua_State *L) {
  lnode *h = luaL_checkudata(L, 1, LEDE_NODE);
  ldoc *d;
  lua_getiuservalue(L, 1, 1);
  d = lua_touserdata(L, -1);
  if (!d || !d->doc) return luaL_error(L, "lede.Node: its document is closed");
  lua_pushboolean(L, !ldoc_is_attached(d, h->node));
  return 1;
}

static int node_eq(lua_State *L) {
  lnode *a = luaL_testudata(L, 1, LEDE_NODE), *b = luaL_testudata(L, 2, LEDE_NODE);
  lua_pushboolean(L, a && b && a->node == b->node);
  return 1;
}

static int node_tostring(lua_State *L) {
  lnode *h = luaL_checkudata(L, 1, LEDE_NODE);
  lua_getiuservalue(L, 1, 1);
  if (!((ldoc *)lua_touserdata(L, -1))->doc) lua_pushliteral(L, "lede.Node (document closed)");
  else lua_pushfstring(L, "lede.Node <%s>", h->node->name ? (const char *)h->node->name : "?");
  return 1;
}

static const luaL_Reg node_methods[] = {
  {"tag", node_tag}, {"attr", node_attr}, {"attrs", node_attrs}, {"set_attr", node_set_attr},
  {"text", node_text}, {"html", node_html}, {"inner_html", node_inner_html},
  {"parent", node_parent}, {"children", node_children}, {"next", node_next},
  {"prev", node_prev}, {"select", node_select}, {"xpath", node_xpath},
  {"remove", node_remove}, {"unwrap", node_unwrap}, {"path", node_path},
  {"stats", node_get_stats}, {"key", node_key}, {"removed", node_removed},
  {"ancestor_keys", node_ancestor_keys}, {"contains", node_contains},
  {"last_content", node_last_content},
  {"rename", node_rename},  /* filters (issue 6) */
  {NULL, NULL}
};

static const luaL_Reg node_metamethods[] = {
  {"__eq", node_eq}, {"__tostring", node_tostring}, {NULL, NULL}
};

void lnode_register(lua_State *L) {
  luaL_newmetatable(L, LEDE_NODE);
  luaL_setfuncs(L, node_metamethods, 0);
  luaL_newlib(L, node_methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
}
