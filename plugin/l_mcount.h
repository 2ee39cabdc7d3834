/* lede.core.elements_at_most: a bounded count of a subtree's elements. */
#ifndef LEDE_L_MCOUNT_H
#define LEDE_L_MCOUNT_H

#include <lua.h>

/* lede.core.elements_at_most(node, limit) -> boolean */
int lmcount_elements_at_most(lua_State *L);

#endif
