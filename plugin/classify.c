#include "classify.h"

#include <stdlib.h>
#include <string.h>

#define NONE ((size_t)-1)

typedef struct {
  char *s;
  size_t len;
  unsigned sets;   /* one bit per cls_set */
  size_t phrase;   /* the first phrase starting with this word, or NONE */
  size_t order[CLS_NSETS];  /* its position in each set's list */
} cls_entry;

typedef struct {
  char **w;
  size_t *wl;
  size_t n;
  char *joined;    /* "most-read": the reason reported */
  size_t next;     /* the next phrase with the same first word, or NONE */
} cls_phrase;

struct classify {
  cls_entry *e;    /* open addressing; cap is a power of two */
  size_t cap, count;
  cls_phrase *ph;
  size_t nph, capph;
  size_t longest[CLS_NSETS];
  size_t members[CLS_NSETS];
};

/* The character classes of Lua patterns in the C locale: %s, %l, %u. */
static int cls_is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int cls_is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int cls_is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static unsigned char cls_lower(unsigned char c) { return cls_is_upper(c) ? (unsigned char)(c + 32) : c; }
static int cls_is_word_sep(unsigned char c) { return c == '-' || c == '_' || c == ':' || c == '.'; }

/* Byte i of s lowercased: ASCII letters, and the Latin-1 capitals in UTF-8
 * (C3 80..9E but C3 97, the multiplication sign): "Ú" is C3 9A, "ú" C3 BA. */
static unsigned char cls_lower_at(const char *s, size_t i) {
  unsigned char ch = (unsigned char)s[i];
  if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && ch >= 0x80 && ch <= 0x9E && ch != 0x97)
    return (unsigned char)(ch + 0x20);
  return cls_lower(ch);
}

/* FNV-1a over the bytes, lowercased when `lower` is set. */
static size_t cls_hash(const char *s, size_t len, int lower) {
  size_t h = 2166136261u, i;
  for (i = 0; i < len; i++) {
    unsigned char ch = (unsigned char)s[i];
    h = (h ^ (lower ? cls_lower_at(s, i) : ch)) * 16777619u;
  }
  return h;
}

/* Entries are stored as written; a lowercased query matches only lowercase entries,
 * as Lua's table lookups of word:lower() do. */
static int cls_same(const cls_entry *e, const char *s, size_t len, int lower) {
  size_t i;
  if (e->len != len) return 0;
  if (!lower) return memcmp(e->s, s, len) == 0;
  for (i = 0; i < len; i++)
    if ((unsigned char)e->s[i] != cls_lower_at(s, i)) return 0;
  return 1;
}

static const cls_entry *cls_find(const classify *c, const char *s, size_t len, int lower) {
  size_t i;
  if (!c->cap) return NULL;
  for (i = cls_hash(s, len, lower) & (c->cap - 1); c->e[i].s; i = (i + 1) & (c->cap - 1))
    if (cls_same(&c->e[i], s, len, lower)) return &c->e[i];
  return NULL;
}

static int cls_grow(classify *c) {
  size_t cap = c->cap ? c->cap * 2 : 64, i;
  cls_entry *e = calloc(cap, sizeof *e);
  if (!e) return -1;
  for (i = 0; i < c->cap; i++) {
    size_t j;
    if (!c->e[i].s) continue;
    for (j = cls_hash(c->e[i].s, c->e[i].len, 0) & (cap - 1); e[j].s; j = (j + 1) & (cap - 1)) {}
    e[j] = c->e[i];
  }
  free(c->e);
  c->e = e;
  c->cap = cap;
  return 0;
}

/* The entry for s, created when absent; NULL when memory ran out. */
static cls_entry *cls_intern(classify *c, const char *s, size_t len) {
  cls_entry *e = (cls_entry *)cls_find(c, s, len, 0);
  size_t i;
  if (e) return e;
  if ((c->count + 1) * 2 > c->cap && cls_grow(c) != 0) return NULL;
  for (i = cls_hash(s, len, 0) & (c->cap - 1); c->e[i].s; i = (i + 1) & (c->cap - 1)) {}
  e = &c->e[i];
  e->s = malloc(len + 1);
  if (!e->s) return NULL;
  memcpy(e->s, s, len);
  e->s[len] = '\0';
  e->len = len;
  e->sets = 0;
  e->phrase = NONE;
  memset(e->order, 0, sizeof e->order);
  c->count++;
  return e;
}

classify *classify_new(void) {
  return calloc(1, sizeof(classify));
}

void classify_free(classify *c) {
  size_t i, k;
  if (!c) return;
  for (i = 0; i < c->cap; i++) free(c->e[i].s);
  for (i = 0; i < c->nph; i++) {
    for (k = 0; k < c->ph[i].n; k++) free(c->ph[i].w[k]);
    free(c->ph[i].w);
    free(c->ph[i].wl);
    free(c->ph[i].joined);
  }
  free(c->e);
  free(c->ph);
  free(c);
}

int classify_add(classify *c, cls_set set, const char *s, size_t len) {
  cls_entry *e = cls_intern(c, s, len);
  if (!e) return -1;
  if (!(e->sets & (1u << set))) e->order[set] = c->members[set]++;
  e->sets |= 1u << set;
  if (len > c->longest[set]) c->longest[set] = len;
  return 0;
}

static int cls_fill_phrase(cls_phrase *p, const char *const *words, const size_t *lens, size_t n) {
  size_t k, total = 0;
  p->w = calloc(n, sizeof *p->w);
  p->wl = calloc(n, sizeof *p->wl);
  if (!p->w || !p->wl) return -1;
  p->n = n;
  for (k = 0; k < n; k++) {
    if (!(p->w[k] = malloc(lens[k] + 1))) return -1;
    memcpy(p->w[k], words[k], lens[k]);
    p->w[k][lens[k]] = '\0';
    p->wl[k] = lens[k];
    total += lens[k] + 1;
  }
  if (!(p->joined = malloc(total))) return -1;
  for (total = 0, k = 0; k < n; k++) {
    memcpy(p->joined + total, words[k], lens[k]);
    total += lens[k];
    p->joined[total++] = k + 1 < n ? '-' : '\0';
  }
  return 0;
}

int classify_add_phrase(classify *c, const char *const *words, const size_t *lens, size_t n) {
  cls_entry *first;
  cls_phrase *p;
  size_t *link;
  if (n < 2) return 0;
  if (c->nph == c->capph) {
    size_t cap = c->capph ? c->capph * 2 : 16;
    cls_phrase *ph = realloc(c->ph, cap * sizeof *ph);
    if (!ph) return -1;
    c->ph = ph;
    c->capph = cap;
  }
  p = &c->ph[c->nph++];
  memset(p, 0, sizeof *p);
  p->next = NONE;
  if (cls_fill_phrase(p, words, lens, n) != 0) return -1;
  if (!(first = cls_intern(c, words[0], lens[0]))) return -1;
  for (link = &first->phrase; *link != NONE; link = &c->ph[*link].next) {}
  *link = c->nph - 1;  /* phrases keep their list order, as Lua tries them */
  return 0;
}

/* Words of a class value: tokens at white space, words at separators and at a
 * lowercase letter followed by an uppercase one. */
typedef struct {
  const char *s;
  size_t len, pos, tok_end;
  int skip_utility;
} cls_words;

static void cls_words_init(cls_words *it, const char *s, size_t len, int skip_utility) {
  it->s = s;
  it->len = len;
  it->pos = it->tok_end = 0;
  it->skip_utility = skip_utility;
}

static int cls_is_utility(const char *s, size_t len) {
  size_t i;
  for (i = 0; i < len; i++)
    if (s[i] == ':' || s[i] == '[' || s[i] == '/') return 1;
  return 0;
}

/* Moves to the next token (skipping utility tokens when asked); 0 at the end. */
static int cls_next_token(cls_words *it) {
  for (;;) {
    size_t start;
    while (it->pos < it->len && cls_is_space((unsigned char)it->s[it->pos])) it->pos++;
    if (it->pos >= it->len) return 0;
    start = it->pos;
    while (it->pos < it->len && !cls_is_space((unsigned char)it->s[it->pos])) it->pos++;
    it->tok_end = it->pos;
    it->pos = start;
    if (!it->skip_utility || !cls_is_utility(it->s + start, it->tok_end - start)) return 1;
    it->pos = it->tok_end;
  }
}

static int cls_next_word(cls_words *it, const char **w, size_t *wl) {
  const unsigned char *s = (const unsigned char *)it->s;
  size_t start;
  for (;;) {
    while (it->pos < it->tok_end && cls_is_word_sep(s[it->pos])) it->pos++;
    if (it->pos < it->tok_end) break;
    if (!cls_next_token(it)) return 0;
  }
  start = it->pos++;
  while (it->pos < it->tok_end && !cls_is_word_sep(s[it->pos]) &&
         !(cls_is_lower(s[it->pos - 1]) && cls_is_upper(s[it->pos])))
    it->pos++;
  *w = it->s + start;
  *wl = it->pos - start;
  return 1;
}

static int cls_word_eq(const char *w, size_t wl, const char *p, size_t pl) {
  size_t i;
  if (wl != pl) return 0;
  for (i = 0; i < wl; i++)
    if (cls_lower((unsigned char)w[i]) != (unsigned char)p[i]) return 0;
  return 1;
}

/* The phrase starting at the word just read from `at`, or NULL. */
static const char *cls_phrase_at(const classify *c, size_t first, const cls_words *at) {
  size_t k;
  for (k = first; k != NONE; k = c->ph[k].next) {
    const cls_phrase *p = &c->ph[k];
    cls_words it = *at;
    size_t j;
    for (j = 1; j < p->n; j++) {
      const char *w;
      size_t wl;
      if (!cls_next_word(&it, &w, &wl) || !cls_word_eq(w, wl, p->w[j], p->wl[j])) break;
    }
    if (j == p->n) return p->joined;
  }
  return NULL;
}

static const char *cls_whole_token(const classify *c, const char *value, size_t len) {
  cls_words it;
  cls_words_init(&it, value, len, 0);
  while (cls_next_token(&it)) {
    const cls_entry *e = cls_find(c, value + it.pos, it.tok_end - it.pos, 1);
    if (e && (e->sets & (1u << CLS_WHOLE))) return e->s;
    it.pos = it.tok_end;
  }
  return NULL;
}

const char *classify_reason(const classify *c, const char *value, size_t len) {
  cls_words it;
  const char *w, *r;
  size_t wl;
  if (!value || !len) return NULL;
  if ((r = cls_whole_token(c, value, len))) return r;
  cls_words_init(&it, value, len, 1);
  while (cls_next_word(&it, &w, &wl)) {
    const cls_entry *e = cls_find(c, w, wl, 1);
    if (e && (e->sets & (1u << CLS_WORD))) return e->s;
  }
  cls_words_init(&it, value, len, 1);
  while (cls_next_word(&it, &w, &wl)) {
    const cls_entry *e = cls_find(c, w, wl, 1);
    if (e && e->phrase != NONE && (r = cls_phrase_at(c, e->phrase, &it))) return r;
  }
  return NULL;
}

int classify_has_word(const classify *c, cls_set set, const char *value, size_t len) {
  cls_words it;
  const char *w;
  size_t wl;
  if (!value) return 0;
  cls_words_init(&it, value, len, 0);
  while (cls_next_word(&it, &w, &wl)) {
    const cls_entry *e = cls_find(c, w, wl, 1);
    if (e && (e->sets & (1u << set))) return 1;
  }
  return 0;
}

int classify_member(const classify *c, cls_set set, const char *s, size_t len) {
  const cls_entry *e = cls_find(c, s, len, 0);
  return e && (e->sets & (1u << set));
}

int classify_member_lower(const classify *c, cls_set set, const char *s, size_t len) {
  const cls_entry *e = cls_find(c, s, len, 1);
  return e && (e->sets & (1u << set));
}

long classify_index(const classify *c, cls_set set, const char *s, size_t len) {
  const cls_entry *e = cls_find(c, s, len, 0);
  return e && (e->sets & (1u << set)) ? (long)e->order[set] : -1;
}

size_t classify_count(const classify *c, cls_set set) {
  return c->members[set];
}

size_t classify_longest(const classify *c, cls_set set) {
  return c->longest[set];
}
