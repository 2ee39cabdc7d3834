/* The lede.Node userdata: a handle to one element, kept valid by its Document. */
#ifndef LEDE_L_NODE_H
#define LEDE_L_NODE_H

#include <lua.h>
#include <libxml/tree.h>

#include "l_document.h"

#define LEDE_NODE "lede.Node"

/* Pushes a handle to n whose user value is the Document at stack index doc_idx. */
void lnode_push(lua_State *L, xmlNodePtr n, int doc_idx);

/* Checks the handle at idx: raises if the document is closed or the node was
 * removed. Stores the document in *d and pushes it (for new handles). */
xmlNodePtr lnode_check(lua_State *L, int idx, ldoc **d);

/* 1 when name is a tag name node:rename and core.wrap accept: a letter, then
 * letters, digits and '-'. */
int lnode_valid_tag(const char *name);

void lnode_register(lua_State *L);

#endif
