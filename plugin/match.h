/* match: the common CSS selectors matched directly on libxml2's tree.
 *
 * css.c turns any selector into XPath 1.0, which libxml2 evaluates exactly
 * but slowly: each class test builds strings for every element it visits
 * (concat, normalize-space), about a microsecond per element and selector.
 * Filters and metadata ask dozens of plain selectors of every page, so this
 * file answers the subset they use without XPath:
 *
 *   list     = complex ("," complex)*
 *   complex  = compound ((" " | ">") compound)*
 *   compound = (type | "*")? ("#" id | "." class | attrib | ":not(" simple ")")*
 *   attrib   = "[" name (("=" | "~=" | "|=" | "^=" | "$=" | "*=") value)? "]"
 *
 * with the same elements, in the same order, as css.c's XPath selects.
 * Anything else (escapes, non-ASCII, other pseudo-classes, sibling
 * combinators, flags, values that never match) is "unsupported": the caller
 * then uses css.c and XPath, which also give the error messages.
 *
 * Plain C that knows nothing of Lua. */
#ifndef LEDE_MATCH_H
#define LEDE_MATCH_H

#include <stddef.h>
#include <libxml/tree.h>

typedef struct match_sel match_sel;

enum { MATCH_OK = 0, MATCH_UNSUPPORTED = 1, MATCH_OVER_BUDGET = 2, MATCH_NOMEM = -1 };

/* Reads a selector of len bytes. MATCH_OK with *out set (free it with
 * match_free), MATCH_UNSUPPORTED or MATCH_NOMEM with *out NULL. */
int match_compile(const char *css, size_t len, match_sel **out);
void match_free(match_sel *s);

/* Calls found(element, ud) for each element below context (its descendants,
 * not context itself) that the selector matches, in document order, each
 * once. A selector like "div span" is checked from each element up through
 * its ancestors; on pathological trees (thousands of levels) that could
 * cost the square of the page, so the walk gives up past a budget
 * proportional to the elements it has seen and returns MATCH_OVER_BUDGET:
 * the caller then asks XPath, and discards what found() was given. */
int match_each(const match_sel *s, xmlNodePtr context,
               void (*found)(xmlNodePtr el, void *ud), void *ud);

/* 1 when the selector is one compound ("div.story", "[itemprop=articleBody]"):
 * no combinator, no list. Such a selector is a test of the element alone. */
int match_is_compound(const match_sel *s);

/* Whether element el passes the compound s (match_is_compound). */
int match_compound_holds(const match_sel *s, xmlNodePtr el);

#endif
