/* lede.core.mindex(doc, spec): one walk of the page, in page order, that
 * gathers for lede.metadata.index
 *   attrs: { node =, itemprop =, rel =, testid = } for every element with
 *          an itemprop, rel or data-testid attribute (absent ones nil);
 *   words: words[i] = the elements whose class or id (lowercased) contains
 *          one of spec.words[i].words and none of spec.words[i].unless;
 *   links: links[i] = the <a href> whose href contains one of spec.links[i];
 *   tags:  tags[i] = the elements matching one of spec.tags[i], a list of
 *          { tag = name [, attr = name] } (a CSS "tag" or "tag[attr]");
 *   depth: the deepest element's depth (the root element is 1).
 * Each words or links list stops at spec.max elements (default: no limit). An element in
 * several lists is one handle, and every handle keeps the document alive.
 *
 * Why in C: the Lua way took an XPath walk per kind plus a string per class
 * and id value (about 180,000 on a 400-page corpus) to test in Lua. */
#include "l_mindex.h"

#include <lauxlib.h>
#include <string.h>

#include "l_document.h"
#include "l_node.h"
#include "mindex.h"
#include "walk.h"

/* A simple selector: an element named tag (holding attribute attr). */
typedef struct {
  const char *tag, *attr;  /* attr NULL: any element of the tag */
} pick;

typedef struct {
  lua_State *L;
  int doc, attrs, words, links, tags, cache, anchor;  /* stack indexes */
  pick **groups;                        /* groups[i]: npicks[i] selectors */
  size_t *npicks, ngroups;
  lua_Integer *ntags;
  lua_Integer depth, deepest;
  mindex_rule *rules;
  mindex_list *parts;
  lua_Integer *nwords, *nlinks;         /* elements in each list so far */
  size_t nrules, nparts;
  lua_Integer nattrs, max;
  struct hit_cache *hits;               /* rule hits by class/id value, see value_bits */
} gather;

/* Memory owned by a userdata kept in the anchor table at stack index anchor,
 * so the collector frees it after the call, error or not. */
static void *anchored_alloc(lua_State *L, int anchor, size_t n) {
  void *p = lua_newuserdatauv(L, n ? n : 1, 0);
  lua_rawseti(L, anchor, (lua_Integer)lua_rawlen(L, anchor) + 1);
  return p;
}

/* The strings of the Lua list at idx into l: pointers into the spec's own
 * strings, alive for the call since no Lua code runs meanwhile. */
static void read_list(lua_State *L, int anchor, int idx, mindex_list *l, const char *what) {
  size_t k, n;
  const char **s;
  size_t *len;
  idx = lua_absindex(L, idx);
  l->s = NULL; l->len = NULL; l->n = 0;
  if (lua_isnil(L, idx)) return;
  if (!lua_istable(L, idx)) luaL_error(L, "lede.core.mindex: %s must be a list of strings", what);
  n = (size_t)lua_rawlen(L, idx);
  s = anchored_alloc(L, anchor, n * sizeof *s);
  len = anchored_alloc(L, anchor, n * sizeof *len);
  for (k = 0; k < n; k++) {
    lua_rawgeti(L, idx, (lua_Integer)k + 1);
    if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "lede.core.mindex: %s must hold strings", what);
    s[k] = lua_tolstring(L, -1, &len[k]);
    lua_pop(L, 1);
  }
  l->s = s; l->len = len; l->n = n;
}

/* A string field of the table on top, or NULL. */
static const char *string_field(lua_State *L, const char *field) {
  const char *v;
  lua_getfield(L, -1, field);
  v = lua_tostring(L, -1);  /* anchored by the spec, like the lists' strings */
  lua_pop(L, 1);
  return v;
}

/* spec.tags into g->groups. */
static void read_groups(lua_State *L, int spec, int anchor, gather *g) {
  size_t i, k;
  lua_getfield(L, spec, "tags");
  g->ngroups = lua_istable(L, -1) ? (size_t)lua_rawlen(L, -1) : 0;
  g->groups = anchored_alloc(L, anchor, g->ngroups * sizeof *g->groups);
  g->npicks = anchored_alloc(L, anchor, g->ngroups * sizeof *g->npicks);
  g->ntags = anchored_alloc(L, anchor, g->ngroups * sizeof *g->ntags);
  for (i = 0; i < g->ngroups; i++) {
    lua_rawgeti(L, -1, (lua_Integer)i + 1);
    if (!lua_istable(L, -1)) luaL_error(L, "lede.core.mindex: spec.tags[%d] must be a list", (int)i + 1);
    g->npicks[i] = (size_t)lua_rawlen(L, -1);
    g->groups[i] = anchored_alloc(L, anchor, g->npicks[i] * sizeof **g->groups);
    g->ntags[i] = 0;
    for (k = 0; k < g->npicks[i]; k++) {
      lua_rawgeti(L, -1, (lua_Integer)k + 1);
      if (!lua_istable(L, -1) || !(g->groups[i][k].tag = string_field(L, "tag")))
        luaL_error(L, "lede.core.mindex: spec.tags[%d][%d] needs a tag", (int)i + 1, (int)k + 1);
      g->groups[i][k].attr = string_field(L, "attr");
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* spec.words and spec.links into g; per-list counters start at 0. */
static void read_spec(lua_State *L, int spec, int anchor, gather *g) {
  size_t k;
  lua_getfield(L, spec, "words");
  g->nrules = lua_istable(L, -1) ? (size_t)lua_rawlen(L, -1) : 0;
  g->rules = anchored_alloc(L, anchor, g->nrules * sizeof *g->rules);
  g->nwords = anchored_alloc(L, anchor, g->nrules * sizeof *g->nwords);
  for (k = 0; k < g->nrules; k++) {
    lua_rawgeti(L, -1, (lua_Integer)k + 1);
    if (!lua_istable(L, -1)) luaL_error(L, "lede.core.mindex: spec.words[%d] must be a table", (int)k + 1);
    lua_getfield(L, -1, "words");
    read_list(L, anchor, -1, &g->rules[k].words, "a rule's words");
    lua_getfield(L, -2, "unless");
    read_list(L, anchor, -1, &g->rules[k].unless, "a rule's unless");
    lua_pop(L, 3);
    g->nwords[k] = 0;
  }
  lua_pop(L, 1);
  lua_getfield(L, spec, "links");
  g->nparts = lua_istable(L, -1) ? (size_t)lua_rawlen(L, -1) : 0;
  g->parts = anchored_alloc(L, anchor, g->nparts * sizeof *g->parts);
  g->nlinks = anchored_alloc(L, anchor, g->nparts * sizeof *g->nlinks);
  for (k = 0; k < g->nparts; k++) {
    lua_rawgeti(L, -1, (lua_Integer)k + 1);
    read_list(L, anchor, -1, &g->parts[k], "spec.links[i]");
    lua_pop(L, 1);
    g->nlinks[k] = 0;
  }
  lua_pop(L, 1);
  read_groups(L, spec, anchor, g);
  lua_getfield(L, spec, "max");
  g->max = lua_isnil(L, -1) ? LUA_MAXINTEGER : luaL_checkinteger(L, -1);
  lua_pop(L, 1);
}

/* The attributes the walk reads, by their place in ATTR_NAMES. */
enum { A_ITEMPROP, A_REL, A_TESTID, A_CLASS, A_ID, A_HREF, A_COUNT };
static const char *const ATTR_NAMES[A_COUNT] = { "itemprop", "rel", "data-testid", "class", "id", "href" };

typedef struct {
  const char *v[A_COUNT];  /* NULL: the element has no such attribute */
  size_t len[A_COUNT];
  unsigned char stable[A_COUNT];  /* v points into the tree (not a joined copy on the stack) */
} attr_set;

/* Most attributes are none of these: the first letter rules them out
 * before any strcmp. */
static int attr_slot(const xmlChar *name) {
  int k;
  if (!strchr("irdch", name[0]) || !name[0]) return -1;
  for (k = 0; k < A_COUNT; k++) {
    if (name[0] == (xmlChar)ATTR_NAMES[k][0] && strcmp((const char *)name, ATTR_NAMES[k]) == 0) return k;
  }
  return -1;
}

/* The value of attribute a. A value of several nodes is joined on the Lua
 * stack (the caller resets the stack after the element). */
static const char *attr_text(lua_State *L, xmlAttrPtr a, size_t *len, unsigned char *stable) {
  xmlNodePtr c = a->children;
  luaL_Buffer b;
  *stable = 1;
  if (!c) { *len = 0; return ""; }
  if (!c->next && c->type == XML_TEXT_NODE) {
    const char *s = c->content ? (const char *)c->content : "";
    *len = strlen(s);
    return s;
  }
  *stable = 0;
  luaL_buffinit(L, &b);
  for (; c; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      luaL_addstring(&b, (const char *)c->content);
  }
  luaL_pushresult(&b);
  return lua_tolstring(L, -1, len);
}

/* The element's attributes of ATTR_NAMES in one pass over its attributes;
 * the first of a name counts, as with xmlHasProp. */
static void read_attrs(lua_State *L, xmlNodePtr n, attr_set *as) {
  xmlAttrPtr a;
  int k;
  for (k = 0; k < A_COUNT; k++) as->v[k] = NULL;
  for (a = n->properties; a; a = a->next) {
    if (!a->name || (k = attr_slot(a->name)) < 0 || as->v[k]) continue;
    as->v[k] = attr_text(L, a, &as->len[k], &as->stable[k]);
  }
}

/* Pushes the one handle of n for this call. */
static void push_node(gather *g, xmlNodePtr n) {
  lua_State *L = g->L;
  if (lua_rawgetp(L, g->cache, n) != LUA_TNIL) return;
  lua_pop(L, 1);
  lnode_push(L, n, g->doc);
  lua_pushvalue(L, -1);
  lua_rawsetp(L, g->cache, n);
}

/* Appends n to the list at lists[k + 1], counting in *count. */
static void append(gather *g, int lists, size_t k, lua_Integer *count, xmlNodePtr n) {
  lua_State *L = g->L;
  lua_rawgeti(L, lists, (lua_Integer)k + 1);
  push_node(g, n);
  lua_rawseti(L, -2, ++*count);
  lua_pop(L, 1);
}

static void set_field(lua_State *L, const char *field, const char *v, size_t len) {
  if (!v) return;
  lua_pushlstring(L, v, len);
  lua_setfield(L, -2, field);
}

static void gather_attrs(gather *g, xmlNodePtr n, const attr_set *as) {
  lua_State *L = g->L;
  if (!as->v[A_ITEMPROP] && !as->v[A_REL] && !as->v[A_TESTID]) return;
  lua_createtable(L, 0, 4);
  push_node(g, n);
  lua_setfield(L, -2, "node");
  set_field(L, "itemprop", as->v[A_ITEMPROP], as->len[A_ITEMPROP]);
  set_field(L, "rel", as->v[A_REL], as->len[A_REL]);
  set_field(L, "testid", as->v[A_TESTID], as->len[A_TESTID]);
  lua_rawseti(L, g->attrs, ++g->nattrs);
}

/* Does the class or id value (slot k) hit rule r? Values that fit are
 * lowercased once for all rules (cls, id: those copies, or NULL). */
static int value_hits(const mindex_rule *r, const attr_set *as, int k, const char *folded) {
  if (!as->v[k]) return 0;
  if (folded) return mindex_rule_hits(r, folded, as->len[k], 0);
  return mindex_rule_hits(r, as->v[k], as->len[k], 1);
}

/* Pages repeat their class values (about two in three elements carry one
 * seen before), so the rules a value hits are worked out once per value and
 * page: an open-addressing table from the value to one byte per rule. It
 * starts small (most pages have a few hundred values; a fixed 2,048 slots
 * made 44 KB of garbage per page) and doubles when three quarters full, up
 * to HIT_MAX_SLOTS; past that, further values are matched afresh. */
#define HIT_MIN_SLOTS 256
#define HIT_MAX_SLOTS 4096

typedef struct {
  const char *s;  /* the value, in the tree; NULL: an empty slot */
  size_t len;
} hit_key;

struct hit_cache {
  hit_key *key;         /* slots entries */
  size_t slots, used;
  unsigned char *bits;  /* slots rows of nrules bytes, then a scratch row per slot A_CLASS, A_ID */
};

static size_t hit_hash(const char *s, size_t len) {
  size_t h = 2166136261u, i;
  for (i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* Empty arrays of `slots` slots, anchored for the call (the old ones, if
 * any, are left to the collector). */
static void hit_alloc(lua_State *L, int anchor, struct hit_cache *c, size_t slots, size_t nrules) {
  c->key = anchored_alloc(L, anchor, slots * sizeof *c->key);
  memset(c->key, 0, slots * sizeof *c->key);
  c->bits = anchored_alloc(L, anchor, (slots + 2) * nrules);
  c->slots = slots;
  c->used = 0;
}

/* Twice the slots, the values seen so far moved over with their rows. */
static void hit_grow(lua_State *L, int anchor, struct hit_cache *c, size_t nrules) {
  struct hit_cache old = *c;
  size_t i, j, mask = old.slots * 2 - 1;
  hit_alloc(L, anchor, c, old.slots * 2, nrules);
  for (i = 0; i < old.slots; i++) {
    if (!old.key[i].s) continue;
    for (j = hit_hash(old.key[i].s, old.key[i].len) & mask; c->key[j].s; j = (j + 1) & mask) {}
    c->key[j] = old.key[i];
    if (nrules) memcpy(c->bits + j * nrules, old.bits + i * nrules, nrules);
    c->used++;
  }
}

static void hit_compute(const gather *g, const attr_set *as, int k, unsigned char *bits) {
  char fbuf[512];
  const char *folded = mindex_lower(fbuf, sizeof fbuf, as->v[k], as->len[k]) ? fbuf : NULL;
  size_t r;
  for (r = 0; r < g->nrules; r++) bits[r] = (unsigned char)value_hits(&g->rules[r], as, k, folded);
}

/* The rules the value at slot k (A_CLASS or A_ID) hits, one byte per rule. */
static const unsigned char *value_bits(gather *g, const attr_set *as, int k) {
  struct hit_cache *c = g->hits;
  unsigned char *row;
  size_t h = hit_hash(as->v[k], as->len[k]), i;
  if (as->stable[k] && c->used >= c->slots / 4 * 3 && c->slots < HIT_MAX_SLOTS)
    hit_grow(g->L, g->anchor, c, g->nrules);
  row = c->bits + (c->slots + (k == A_ID)) * g->nrules;  /* scratch */
  i = h & (c->slots - 1);
  if (as->stable[k]) {
    for (; c->key[i].s; i = (i + 1) & (c->slots - 1)) {
      if (c->key[i].len == as->len[k] && memcmp(c->key[i].s, as->v[k], as->len[k]) == 0)
        return c->bits + i * g->nrules;
    }
    if (c->used < c->slots / 4 * 3) {
      c->key[i].s = as->v[k];
      c->key[i].len = as->len[k];
      c->used++;
      row = c->bits + i * g->nrules;
    }
  }
  hit_compute(g, as, k, row);
  return row;
}

static void gather_words(gather *g, xmlNodePtr n, const attr_set *as) {
  const unsigned char *cls, *id;
  size_t k;
  if (!as->v[A_CLASS] && !as->v[A_ID]) return;
  cls = as->v[A_CLASS] ? value_bits(g, as, A_CLASS) : NULL;
  id = as->v[A_ID] ? value_bits(g, as, A_ID) : NULL;
  for (k = 0; k < g->nrules; k++) {
    if (g->nwords[k] < g->max && ((cls && cls[k]) || (id && id[k])))
      append(g, g->words, k, &g->nwords[k], n);
  }
}

static void gather_links(gather *g, xmlNodePtr n, const attr_set *as) {
  size_t k;
  if (!as->v[A_HREF] || !walk_is_element(n, "a")) return;
  for (k = 0; k < g->nparts; k++) {
    if (g->nlinks[k] < g->max && mindex_any(&g->parts[k], as->v[A_HREF], as->len[A_HREF], 0))
      append(g, g->links, k, &g->nlinks[k], n);
  }
}

static int has_attr(xmlNodePtr n, const char *name) {
  xmlAttrPtr a;
  for (a = n->properties; a; a = a->next) {
    if (a->name && strcmp((const char *)a->name, name) == 0) return 1;
  }
  return 0;
}

static void gather_tags(gather *g, xmlNodePtr n) {
  size_t i, k;
  for (i = 0; i < g->ngroups; i++) {
    for (k = 0; k < g->npicks[i]; k++) {
      const pick *p = &g->groups[i][k];
      if (n->name[0] == (xmlChar)p->tag[0] && strcmp((const char *)n->name, p->tag) == 0 &&
          (!p->attr || has_attr(n, p->attr))) {
        append(g, g->tags, i, &g->ntags[i], n);
        break;
      }
    }
  }
}

static int gather_node(xmlNodePtr n, int entering, void *ud) {
  gather *g = ud;
  int top;
  attr_set as;
  if (n->type != XML_ELEMENT_NODE) return WALK_CONTINUE;
  if (!entering) { g->depth--; return WALK_CONTINUE; }
  if (++g->depth > g->deepest) g->deepest = g->depth;
  top = lua_gettop(g->L);
  luaL_checkstack(g->L, A_COUNT + 8, "lede.core.mindex");
  if (n->name) gather_tags(g, n);
  if (!n->properties) { lua_settop(g->L, top); return WALK_CONTINUE; }
  read_attrs(g->L, n, &as);
  gather_attrs(g, n, &as);
  gather_words(g, n, &as);
  gather_links(g, n, &as);
  lua_settop(g->L, top);
  return WALK_CONTINUE;
}

/* A table of n empty lists at the top of the stack; returns its index. */
static int push_lists(lua_State *L, size_t n) {
  size_t k;
  lua_createtable(L, (int)n, 0);
  for (k = 0; k < n; k++) {
    lua_newtable(L);
    lua_rawseti(L, -2, (lua_Integer)k + 1);
  }
  return lua_gettop(L);
}

int lmindex_gather(lua_State *L) {
  ldoc *d = ldoc_check(L, 1);
  gather g;
  struct hit_cache hits;
  int anchor;
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 2);
  memset(&g, 0, sizeof g);
  g.L = L;
  g.doc = 1;
  lua_newtable(L);
  anchor = lua_gettop(L);
  read_spec(L, 2, anchor, &g);
  g.anchor = anchor;
  g.hits = &hits;
  hit_alloc(L, anchor, &hits, HIT_MIN_SLOTS, g.nrules);
  lua_createtable(L, 0, 5);  /* the result */
  lua_newtable(L);
  g.attrs = lua_gettop(L);
  g.words = push_lists(L, g.nrules);
  g.links = push_lists(L, g.nparts);
  g.tags = push_lists(L, g.ngroups);
  lua_newtable(L);
  g.cache = lua_gettop(L);
  walk_tree((xmlNodePtr)d->doc, gather_node, &g);
  lua_pushvalue(L, g.attrs);
  lua_setfield(L, anchor + 1, "attrs");
  lua_pushvalue(L, g.words);
  lua_setfield(L, anchor + 1, "words");
  lua_pushvalue(L, g.links);
  lua_setfield(L, anchor + 1, "links");
  lua_pushvalue(L, g.tags);
  lua_setfield(L, anchor + 1, "tags");
  lua_pushinteger(L, g.deepest);
  lua_setfield(L, anchor + 1, "depth");
  lua_settop(L, anchor + 1);
  return 1;
}
