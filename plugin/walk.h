/* walk: iterative pre/post-order traversal of a libxml2 subtree.
 *
 * Pages can nest 100,000 levels deep, so nothing in lede recurses over the
 * tree: the walk follows parent/next pointers and uses no stack. */
#ifndef LEDE_WALK_H
#define LEDE_WALK_H

#include <libxml/tree.h>

enum { WALK_CONTINUE = 0, WALK_SKIP = 1, WALK_STOP = 2 };

/* Called with entering = 1 before a node's children and entering = 0 after
 * them (also for nodes without children, and for skipped ones). Returning
 * WALK_SKIP on entry skips the children; WALK_STOP ends the walk. */
typedef int (*walk_fn)(xmlNodePtr node, int entering, void *ud);

void walk_tree(xmlNodePtr root, walk_fn fn, void *ud);

/* Tag helpers shared by the walkers. Names are lowercase (libxml2's HTML parser
 * lowercases them). */
int walk_is_element(xmlNodePtr n, const char *name);
int walk_is_invisible_tag(const xmlChar *name);  /* script, style, template, noscript, head ... */

/* The last text that is not white space, or <img>, inside root in document
 * order (invisible elements skipped); NULL when there is none. */
xmlNodePtr walk_last_content(xmlNodePtr root);

#endif
