/* dropcap: a drop cap set apart from its word.
 *
 * Pages print an article's first letter large in an element of its own,
 * beside the paragraph that holds the rest of the word:
 *   <span class="dropcap">T</span><p>urkey, Poland and ...</p>
 * Rendered as blocks, that reads "T" and then "urkey, Poland". A drop cap is
 * an element whose whole text is one capital letter, followed (white space
 * and comments aside) by content whose first text starts with a small letter;
 * the letter belongs to that text. */
#ifndef LEDE_DROPCAP_H
#define LEDE_DROPCAP_H

#include <libxml/tree.h>

#define DROPCAP_MAX 16  /* drop caps looked for under one root: a page has one or a few */

typedef struct {
  xmlNodePtr cap;   /* the element holding the letter */
  xmlNodePtr text;  /* the text node it begins */
} dropcap_pair;

/* Finds up to DROPCAP_MAX drop caps under root, in document order; returns
 * how many were stored in out. */
size_t dropcap_find(xmlNodePtr root, dropcap_pair *out);

/* The text's new content: the cap's letter, then the text from its first
 * letter on (white space before it is dropped). Allocated with xmlMalloc;
 * NULL when out of memory. */
xmlChar *dropcap_new_text(const dropcap_pair *p);

/* Gives the text node that content (taking ownership); the cap element is
 * left as it is, for the caller to remove. Never fails. */
void dropcap_set_text(xmlNodePtr text, xmlChar *content);

#endif
