#include "dropcap.h"

#include <string.h>

#include <libxml/dict.h>
#include <libxml/xmlmemory.h>

#include "text.h"
#include "walk.h"

/* Elements whose one capital letter is a value of its own, never a drop cap:
 * a table's "A" grade, a list's "B" option, a link, a superscript. */
static const char *const DROPCAP_NEVER[] = {
  "td", "th", "tr", "li", "dt", "dd", "option", "button", "label", "a", "sup", "sub", "abbr",
  "code", "kbd", "var", "samp", NULL
};

static int never_cap(const xmlChar *name) {
  int i;
  for (i = 0; DROPCAP_NEVER[i]; i++)
    if (strcmp((const char *)name, DROPCAP_NEVER[i]) == 0) return 1;
  return 0;
}

/* Whether the element's text is one capital letter (white space aside) and
 * it holds no element. */
static int is_cap(xmlNodePtr n) {
  xmlNodePtr c;
  int letters = 0;
  if (n->type != XML_ELEMENT_NODE || !n->children || !n->name || never_cap(n->name)) return 0;
  for (c = n->children; c; c = c->next) {
    const unsigned char *p;
    if (c->type == XML_COMMENT_NODE) continue;
    if (c->type != XML_TEXT_NODE || !c->content) return 0;
    for (p = c->content; *p;) {
      unsigned cp;
      p += text_utf8_next(p, 4, &cp);
      if (text_is_space_cp(cp)) continue;
      if (++letters > 1 || !text_is_upper_cp(cp)) return 0;
    }
  }
  return letters == 1;
}

/* The first text node with visible text in root's subtree (root included),
 * not inside invisible elements; NULL when an image, a line break or no text
 * comes first. */
static xmlNodePtr first_text(xmlNodePtr root) {
  xmlNodePtr n = root;
  size_t at;
  while (n) {
    if (n->type == XML_TEXT_NODE) {
      if (text_first_visible(n->content, &at)) return n;
    } else if (n->type == XML_ELEMENT_NODE) {
      if (walk_is_invisible_tag(n->name) || walk_is_element(n, "img") || walk_is_element(n, "br"))
        return NULL;
      if (n->children) { n = n->children; continue; }
    } else if (n->type != XML_COMMENT_NODE) {
      return NULL;
    }
    while (n != root && !n->next) n = n->parent;
    if (n == root) return NULL;
    n = n->next;
  }
  return NULL;
}

static int is_block(xmlNodePtr n) {
  return n->type == XML_ELEMENT_NODE && text_element_break(n->name) != BREAK_NONE;
}

/* The text the cap begins, or NULL. Before a block, white space between them
 * (and at the block's start) is not shown, so they still touch; before
 * inline content they must touch in the source: "<b>A</b> man" is a word. */
static xmlNodePtr text_after(xmlNodePtr cap) {
  xmlNodePtr n = cap->next, t;
  int spaced = 0;
  size_t at = 0;
  while (n && (n->type == XML_COMMENT_NODE ||
               (n->type == XML_TEXT_NODE && !text_first_visible(n->content, &at)))) {
    if (n->type == XML_TEXT_NODE) spaced = 1;
    n = n->next;
  }
  if (!n || (spaced && !is_block(n))) return NULL;
  t = first_text(n);
  if (!t || !text_is_lower_cp(text_first_visible(t->content, &at))) return NULL;
  return (at == 0 || is_block(n)) ? t : NULL;
}

typedef struct {
  dropcap_pair *out;
  size_t n;
} finder;

static int find_step(xmlNodePtr n, int entering, void *ud) {
  finder *f = ud;
  xmlNodePtr t;
  if (!entering || n->type != XML_ELEMENT_NODE) return WALK_CONTINUE;
  if (walk_is_invisible_tag(n->name)) return WALK_SKIP;
  if (!is_cap(n)) return WALK_CONTINUE;
  t = text_after(n);
  if (t) {
    f->out[f->n].cap = n;
    f->out[f->n].text = t;
    if (++f->n == DROPCAP_MAX) return WALK_STOP;
  }
  return WALK_SKIP;
}

size_t dropcap_find(xmlNodePtr root, dropcap_pair *out) {
  finder f;
  f.out = out;
  f.n = 0;
  walk_tree(root, find_step, &f);
  return f.n;
}

void dropcap_set_text(xmlNodePtr t, xmlChar *content) {
  /* as xmlNodeSetContent frees: unless the old text lives in the node itself
   * (HTML_PARSE_COMPACT) or in the document's dictionary */
  if (t->content && t->content != (xmlChar *)&t->properties &&
      !(t->doc && t->doc->dict && xmlDictOwns(t->doc->dict, t->content)))
    xmlFree(t->content);
  t->content = content;
  t->properties = NULL;
}

xmlChar *dropcap_new_text(const dropcap_pair *p) {
  size_t at = 0, letter_at = 0, letter_len, rest;
  unsigned cp;
  xmlNodePtr c;
  const xmlChar *letter = NULL;
  xmlChar *joined;
  for (c = p->cap->children; c && !letter; c = c->next)
    if (c->type == XML_TEXT_NODE && text_first_visible(c->content, &letter_at)) letter = c->content + letter_at;
  text_first_visible(p->text->content, &at);  /* dropcap_find saw a letter in both */
  letter_len = letter ? text_utf8_next(letter, 4, &cp) : 0;
  rest = strlen((const char *)p->text->content + at);
  joined = xmlMalloc(letter_len + rest + 1);
  if (!joined) return NULL;
  if (letter_len) memcpy(joined, letter, letter_len);
  memcpy(joined + letter_len, p->text->content + at, rest + 1);
  return joined;
}
