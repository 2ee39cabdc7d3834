/* css: compiles CSS selectors into XPath 1.0 expressions.
 *
 * Plain C that knows nothing of Lua. The XPath it writes is meant for
 * documents from libxml2's HTML parser, which lowercases element and
 * attribute names: type selectors and attribute names are lowercased too. */
#ifndef LEDE_CSS_H
#define LEDE_CSS_H

#include <stddef.h>

#include "buf.h"

/* Compiles a CSS selector (group) into an XPath 1.0 expression that, evaluated with
 * a context node (an element or the document node), selects the matching elements
 * that are DESCENDANTS of the context node, in document order.
 * Returns 0 and appends the expression to *out, or -1 and writes a message to err
 * (errsz bytes, always NUL-terminated) such as:
 *   invalid selector "div >" at position 5: expected a selector after '>'
 * Allocation failure: returns -1 with err "out of memory". */
int css_compile(const char *selector, size_t len, buf *out, char *err, size_t errsz);

#endif
