/* lede.core.elements_at_most(node, limit): does the subtree of node (node
 * included) hold at most limit elements? Only elements are descended into,
 * as node:children() sees the tree.
 *
 * Why: metadata asks this of every date and byline candidate, and a
 * candidate may be a big container; counting stops past the limit, and no
 * handle is made (the Lua walk made one per element). */
#include "l_mcount.h"

#include <lauxlib.h>

#include "l_node.h"

/* The next node of a depth-first walk of root's subtree after n, whose
 * children are skipped; NULL at the end. */
static xmlNodePtr next_skipping_children(xmlNodePtr root, xmlNodePtr n) {
  while (n != root && !n->next) n = n->parent;
  return n == root ? NULL : n->next;
}

static int elements_at_most(xmlNodePtr root, lua_Integer limit) {
  lua_Integer seen = 0;
  xmlNodePtr n = root;
  while (n) {
    if (n->type == XML_ELEMENT_NODE) {
      if (++seen > limit) return 0;
      if (n->children) { n = n->children; continue; }
    }
    n = next_skipping_children(root, n);
  }
  return 1;
}

int lmcount_elements_at_most(lua_State *L) {
  ldoc *d;
  xmlNodePtr n = lnode_check(L, 1, &d);
  lua_Integer limit = luaL_checkinteger(L, 2);
  lua_pushboolean(L, elements_at_most(n, limit));
  return 1;
}
