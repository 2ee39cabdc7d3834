/* CSS selection and XPath evaluation for Documents and Nodes, with compiled
 * expressions cached per Lua state (never in global variables). */
#ifndef LEDE_L_SELECT_H
#define LEDE_L_SELECT_H

#include <lua.h>

#include "l_document.h"

/* The selector / expression is argument 2. doc_idx is the Document's stack
 * index, used as the user value of the Node handles returned. */
int lsel_select(lua_State *L, ldoc *d, xmlNodePtr context, int doc_idx);
int lsel_xpath(lua_State *L, ldoc *d, xmlNodePtr context, int doc_idx);

/* lede.core.css_to_xpath(selector): the XPath a selector compiles to. */
int lsel_css_to_xpath(lua_State *L);

void lsel_register(lua_State *L);

#endif
