/* core.find_tokens(doc, set): elements whose class or id holds a listed word
 * (FiveFilters' strip_id_or_class). */
#ifndef LEDE_L_TOKENS_H
#define LEDE_L_TOKENS_H

#include <lua.h>

int ltokens_find(lua_State *L);  /* find_tokens(doc, {word = true, ...}) -> array of Nodes */

#endif
