/* text: block-aware plain text of a subtree, and UTF-8 helpers.
 *
 * Block elements end a paragraph (a blank line), list items, table rows and
 * <br> end a line, table cells are joined with " | ", runs of white space
 * collapse to one space (kept as written inside <pre>), and invisible
 * elements (script, style, template, noscript, ...) never contribute. */
#ifndef LEDE_TEXT_H
#define LEDE_TEXT_H

#include <libxml/tree.h>

#include "buf.h"

typedef enum { BREAK_NONE = 0, BREAK_LINE = 1, BREAK_PARAGRAPH = 2 } text_break;

/* The break an element makes around itself: none for inline elements. */
text_break text_element_break(const xmlChar *name);

/* Appends the text of `node` to out; returns 0, or -1 if memory ran out. */
int text_render(xmlNodePtr node, buf *out);

/* Appends s with white space collapsed and trimmed (for titles, attributes). */
void text_collapse(const char *s, size_t len, buf *out);

/* Metadata's squash: U+00A0 and the typographic spaces U+2002, U+2003,
 * U+2009, U+200A, U+200B, U+202F and U+3000 become spaces, each run of ASCII
 * white space (space, \t \n \v \f \r) one space, and the ends lose it.
 * Returns 0 when s is already so (out untouched: the caller can keep s),
 * 1 when the squashed text was appended to out. */
int text_squash(const char *s, size_t len, buf *out);

/* Number of code points in a UTF-8 string. */
size_t text_utf8_len(const char *s, size_t len);

/* Decodes one code point at s (at most `avail` bytes); returns its byte length
 * (at least 1, so loops always advance) and stores the code point, or 0xFFFD. */
size_t text_utf8_next(const unsigned char *s, size_t avail, unsigned *cp);

int text_is_space_cp(unsigned cp);

/* The first code point of the NUL-terminated s that is not white space
 * (U+00A0 and the like are): returns it, 0 when there is none (or s is
 * NULL), and stores its byte offset in *at (0 when there is none). */
unsigned text_first_visible(const unsigned char *s, size_t *at);
/* text_is_space_cp for code points below 0x80, as a macro for hot loops:
 * space, tab, LF, VT, FF, CR. */
#define TEXT_ASCII_SPACE(cp) ((cp) == ' ' || ((cp) >= '\t' && (cp) <= '\r'))

/* Capital and small letters of the Latin, Greek and Cyrillic alphabets most
 * pages use (Latin-1, basic Greek and Russian); other code points are neither. */
int text_is_upper_cp(unsigned cp);
int text_is_lower_cp(unsigned cp);

#endif
