/* lede.core.mindex: one walk of a page gathering what lede.metadata.index needs. */
#ifndef LEDE_L_MINDEX_H
#define LEDE_L_MINDEX_H

#include <lua.h>

/* lede.core.mindex(doc, spec) -> { attrs = {...}, words = {...}, links = {...} } */
int lmindex_gather(lua_State *L);

#endif
