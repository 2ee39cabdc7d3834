/* mindex: substring tests of class, id and href values against rule words. */
#include "mindex.h"

#include <string.h>

static unsigned char lower_ascii(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Plain substring search: memchr to each candidate start, then memcmp. */
static int find_plain(const char *hay, size_t hlen, const char *word, size_t wlen) {
  const char *p = hay, *end = hay + hlen - wlen + 1;  /* starts left to try: [p, end) */
  while (p < end) {
    p = memchr(p, word[0], (size_t)(end - p));
    if (!p) return 0;
    if (memcmp(p, word, wlen) == 0) return 1;
    p++;
  }
  return 0;
}

/* The words are lowercase already when lower is set: only the value is
 * folded, so an uppercase word never matches (as with Lua's
 * value:lower():find(word, 1, true)). */
static int find_lower(const char *hay, size_t hlen, const char *word, size_t wlen) {
  size_t i, j;
  for (i = 0; i + wlen <= hlen; i++) {
    for (j = 0; j < wlen; j++) {
      if (lower_ascii((unsigned char)hay[i + j]) != (unsigned char)word[j]) break;
    }
    if (j == wlen) return 1;
  }
  return 0;
}

int mindex_contains(const char *hay, size_t hlen, const char *word, size_t wlen, int lower) {
  if (wlen == 0) return 1;
  if (wlen > hlen) return 0;
  return lower ? find_lower(hay, hlen, word, wlen) : find_plain(hay, hlen, word, wlen);
}

int mindex_lower(char *dst, size_t cap, const char *src, size_t len) {
  size_t i;
  if (len > cap) return 0;
  for (i = 0; i < len; i++) dst[i] = (char)lower_ascii((unsigned char)src[i]);
  return 1;
}

int mindex_any(const mindex_list *l, const char *value, size_t len, int lower) {
  size_t k;
  for (k = 0; k < l->n; k++) {
    if (mindex_contains(value, len, l->s[k], l->len[k], lower)) return 1;
  }
  return 0;
}

int mindex_rule_hits(const mindex_rule *r, const char *value, size_t len, int lower) {
  return mindex_any(&r->words, value, len, lower) && !mindex_any(&r->unless, value, len, lower);
}
