/* lede.core.join_drop_caps(node): under node, every drop cap ("<span
 * class=dropcap>T</span><p>urkey, Poland ...") gives its letter to the word it
 * begins and is removed as node:remove() removes (see dropcap.h). Returns how
 * many were joined. The prune step calls it on the body, so that every
 * renderer and the pruning itself read "Turkey". */
#include "l_dropcap.h"

#include <lauxlib.h>

#include "dropcap.h"
#include "l_node.h"

int ldropcap_join(lua_State *L) {
  ldoc *d;
  xmlNodePtr root = lnode_check(L, 1, &d);
  dropcap_pair found[DROPCAP_MAX];
  size_t i, n = dropcap_find(root, found);
  for (i = 0; i < n; i++) {
    /* every step that can fail comes before the tree changes */
    xmlChar *text = dropcap_new_text(&found[i]);
    if (!text) return luaL_error(L, "out of memory");
    if (ldoc_bury(d, found[i].cap) != 0) {
      xmlFree(text);
      return luaL_error(L, "out of memory");
    }
    dropcap_set_text(found[i].text, text);
    xmlUnlinkNode(found[i].cap);
  }
  lua_pushinteger(L, (lua_Integer)n);
  return 1;
}
