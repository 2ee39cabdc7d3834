/* mindex: the word and part tests lede.metadata.index asks of class, id and
 * href values, so one C walk of the page can answer every rule at once.
 *
 * Plain C that knows nothing of Lua or of the tree. A rule is a list of
 * words and a list of vetoes; a value matches when it contains one of the
 * words and none of the vetoes, as substrings (class and id values compared
 * ASCII-lowercased, as Lua's string.lower does; hrefs compared as they are).
 * Queries never allocate. */
#ifndef LEDE_MINDEX_H
#define LEDE_MINDEX_H

#include <stddef.h>

typedef struct {
  const char *const *s;  /* the words, not NUL-terminated necessarily */
  const size_t *len;
  size_t n;
} mindex_list;

typedef struct {
  mindex_list words, unless;
} mindex_rule;

/* 1 when hay (lowercased first when lower is set) contains word; the empty
 * word is in every value. */
int mindex_contains(const char *hay, size_t hlen, const char *word, size_t wlen, int lower);

/* Copies src, ASCII-lowercased, into dst when it fits in cap bytes: 1, else
 * 0. A value lowercased once is then tested with lower = 0, which is faster
 * than folding it again for every word. */
int mindex_lower(char *dst, size_t cap, const char *src, size_t len);

/* 1 when value contains one of the list's words. */
int mindex_any(const mindex_list *l, const char *value, size_t len, int lower);

/* 1 when value contains one of the rule's words and none of its vetoes. */
int mindex_rule_hits(const mindex_rule *r, const char *value, size_t len, int lower);

#endif
