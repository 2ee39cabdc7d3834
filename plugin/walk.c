#include "walk.h"

#include <string.h>

#include "text.h"

void walk_tree(xmlNodePtr root, walk_fn fn, void *ud) {
  xmlNodePtr n = root;
  if (!root) return;
  for (;;) {
    int r = fn(n, 1, ud);
    if (r == WALK_STOP) return;
    if (r == WALK_CONTINUE && n->children &&
        (n->type == XML_ELEMENT_NODE || n->type == XML_DOCUMENT_NODE ||
         n->type == XML_HTML_DOCUMENT_NODE)) {
      n = n->children;
      continue;
    }
    for (;;) {  /* leave n, then climb until a next sibling exists */
      if (fn(n, 0, ud) == WALK_STOP || n == root) return;
      if (n->next) { n = n->next; break; }
      n = n->parent;
      if (!n) return;
    }
  }
}

int walk_is_element(xmlNodePtr n, const char *name) {
  /* the first letters first: most elements differ there, without a call */
  return n && n->type == XML_ELEMENT_NODE && n->name && n->name[0] == (xmlChar)name[0] &&
         strcmp((const char *)n->name, name) == 0;
}

/* Elements whose content a reader never sees as text. MathML is read: its
 * tokens ("a ≠ 0") are the formula's text, but the TeX source a <semantics>
 * element may carry beside them (<annotation>) is not. */
static const char *const INVISIBLE[] = {
  "script", "style", "template", "noscript", "head", "title", "iframe", "object",
  "embed", "svg", "annotation", "annotation-xml", "canvas", "select", "datalist", "audio",
  "video", NULL
};

int walk_is_invisible_tag(const xmlChar *name) {
  int i;
  if (!name) return 0;
  for (i = 0; INVISIBLE[i]; i++)
    if (name[0] == (xmlChar)INVISIBLE[i][0] && strcmp((const char *)name, INVISIBLE[i]) == 0) return 1;
  return 0;
}

/* Deepest last descendant of n, not entering invisible elements. */
static xmlNodePtr deepest_last(xmlNodePtr n) {
  while (n->type == XML_ELEMENT_NODE && n->last && !walk_is_invisible_tag(n->name)) n = n->last;
  return n;
}

/* Reverse document order from the end of root's subtree: each step is a
 * previous sibling's deepest last descendant, or the parent. Costs the nodes
 * after the answer, not the subtree. */
xmlNodePtr walk_last_content(xmlNodePtr root) {
  xmlNodePtr n;
  if (!root || !root->last) return NULL;
  n = deepest_last(root->last);
  while (n && n != root) {
    size_t at;
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && text_first_visible(n->content, &at))
      return n;
    if (walk_is_element(n, "img")) return n;
    n = n->prev ? deepest_last(n->prev) : n->parent;
  }
  return NULL;
}
