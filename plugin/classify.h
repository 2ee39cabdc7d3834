/* classify: the boilerplate lists of lua/lede/boilerplate.lua, compiled.
 *
 * Plain C that knows nothing of Lua. A class or id value is split into
 * tokens at white space; a token is split into words at '-', '_', ':', '.'
 * and camelCase boundaries ("PicImgCaption" -> pic img caption), lowercased.
 * It marks boilerplate when (in this order of precedence, as
 * lede.pipeline.boilerplate_reason does):
 *   1. a whole token, lowercased, is a listed whole value ("nav", "footer");
 *   2. a word is a listed word ("share-list" has "share"; "commentary" is not
 *      "comment");
 *   3. adjacent words form a listed phrase ("most-read", "site_header"; so
 *      "article-header" is not a site header).
 * Utility-CSS tokens (holding ':', '[' or '/': "md:px-4", "bg-[#fff]") say how
 * a block looks, not what it is: rules 2 and 3 skip them.
 *
 * The same table holds exact-match sets: words that make a class "likely
 * content" or a caption (matched against the words of every token), the
 * boilerplate lines and the tag lists. Queries never allocate. */
#ifndef LEDE_CLASSIFY_H
#define LEDE_CLASSIFY_H

#include <stddef.h>

typedef enum {
  CLS_WORD = 0,     /* boilerplate words (boilerplate.words) */
  CLS_WHOLE,        /* whole values (boilerplate.whole) */
  CLS_LIKELY,       /* words of likely content (Readability's positive class words) */
  CLS_CAPTION,      /* words of captions and photo credits */
  CLS_LINE,         /* boilerplate lines, matched against normalised block text */
  CLS_TAG_CLEAN,    /* tags removed anywhere (boilerplate.tags) */
  CLS_TAG_OUTSIDE,  /* tags removed inside the body (boilerplate.outside_article_tags) */
  CLS_TAG_CONTENT,  /* tags a class word never removes (boilerplate.content_tags) */
  CLS_LEAD,         /* first words of byline and date lines (boilerplate.lead_words) */
  CLS_PROMO,        /* openings of promotion and disclaimer paragraphs (boilerplate.promo_openings) */
  CLS_CREDIT,       /* labels of a photo credit in parentheses (boilerplate.credit_labels) */
  CLS_COUNTED,      /* what a counter line counts, after its number (boilerplate.counted) */
  CLS_HIDDEN,       /* whole class tokens of text shown to screen readers only (boilerplate.hidden_classes) */
  CLS_NSETS
} cls_set;

typedef struct classify classify;

classify *classify_new(void);
void classify_free(classify *c);

/* Adds s to a set; returns 0, or -1 when memory ran out. */
int classify_add(classify *c, cls_set set, const char *s, size_t len);

/* Adds a phrase of n words (n >= 2); returns 0, or -1 when memory ran out. */
int classify_add_phrase(classify *c, const char *const *words, const size_t *lens, size_t n);

/* Why the class or id value marks boilerplate: the whole value, the word, or
 * the phrase joined with '-' (a NUL-terminated string owned by c), or NULL. */
const char *classify_reason(const classify *c, const char *value, size_t len);

/* 1 when a word of any token of value (utility tokens included) is in set. */
int classify_has_word(const classify *c, cls_set set, const char *value, size_t len);

/* 1 when s is exactly a member of set. */
int classify_member(const classify *c, cls_set set, const char *s, size_t len);

/* 1 when s, lowercased (ASCII letters and the Latin-1 capitals À..Þ in UTF-8), is exactly a
 * member of set. */
int classify_member_lower(const classify *c, cls_set set, const char *s, size_t len);

/* The position of s in set (its order of adding, from 0), or -1. */
long classify_index(const classify *c, cls_set set, const char *s, size_t len);

/* The number of members of set. */
size_t classify_count(const classify *c, cls_set set);

/* The longest member of set, in bytes (0 when the set is empty). */
size_t classify_longest(const classify *c, cls_set set);

#endif
