/* core.wrap(node, tag): puts an element in a new element (FiveFilters' wrap_in). */
#ifndef LEDE_L_WRAP_H
#define LEDE_L_WRAP_H

#include <lua.h>

int lwrap_wrap(lua_State *L);  /* wrap(node, tag) -> the new element */

#endif
