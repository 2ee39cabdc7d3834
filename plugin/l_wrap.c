/* core.wrap(node, tag): a new <tag> element takes the node's place and the
 * node becomes its only child. FiveFilters site configs use it (wrap_in) to
 * turn a site's pull-quote <div> into a <blockquote>, and so on. */
#include <lauxlib.h>
#include <libxml/tree.h>

#include "l_node.h"
#include "l_wrap.h"

int lwrap_wrap(lua_State *L) {
  ldoc *d;
  xmlNodePtr n = lnode_check(L, 1, &d), w;  /* pushes the document */
  int doc_idx = lua_gettop(L);
  const char *tag = luaL_checkstring(L, 2);
  if (!lnode_valid_tag(tag)) return luaL_error(L, "lede.wrap: invalid tag name '%s'", tag);
  if (n == xmlDocGetRootElement(d->doc)) return luaL_error(L, "lede.wrap: cannot wrap the root element");
  w = xmlNewDocNode(d->doc, NULL, (const xmlChar *)tag, NULL);
  if (!w) return luaL_error(L, "out of memory");
  /* w is an element: xmlAddPrevSibling links it without merging text nodes */
  xmlAddPrevSibling(n, w);
  xmlUnlinkNode(n);
  n->parent = w;  /* linked by hand, as unwrap does: no node is ever merged or freed */
  w->children = w->last = n;
  n->prev = n->next = NULL;
  lnode_push(L, w, doc_idx);
  return 1;
}
