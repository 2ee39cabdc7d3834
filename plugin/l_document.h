/* The lede.Document userdata: owns one parsed xmlDoc. */
#ifndef LEDE_L_DOCUMENT_H
#define LEDE_L_DOCUMENT_H

#include <lua.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#define LEDE_DOCUMENT "lede.Document"

typedef struct ldoc {
  htmlDocPtr doc;              /* NULL once closed */
  xmlXPathContextPtr xpath;    /* one per document: errors are captured, never printed */
  xmlNodePtr *removed;         /* unlinked subtrees, freed at close so stale handles stay safe */
  size_t nremoved, capremoved;
  char xpath_error[256];       /* last XPath error message, filled by the error handler */
} ldoc;

ldoc *ldoc_check(lua_State *L, int idx);     /* raises if not a Document or closed */
int ldoc_is_attached(ldoc *d, xmlNodePtr n); /* 1 if n is still in d's tree */
int ldoc_bury(ldoc *d, xmlNodePtr n);        /* keeps an unlinked subtree until close; 0 ok */
void ldoc_register(lua_State *L);            /* metatable; leaves nothing on the stack */
int ldoc_parse(lua_State *L);                /* lede.core.parse(html [, opts]) */

#endif
