/* lede.core.join_drop_caps: a drop cap's letter put back into its word. */
#ifndef LEDE_L_DROPCAP_H
#define LEDE_L_DROPCAP_H

#include <lua.h>

/* lede.core.join_drop_caps(node) -> number of drop caps joined */
int ldropcap_join(lua_State *L);

#endif
