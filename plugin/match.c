/* match: see match.h. A selector is read into lists (complex selectors of
 * compounds of tests), then each element below the context is checked
 * against each complex selector from its last compound leftwards. */
#include "match.h"

#include <stdlib.h>
#include <string.h>

#define ANCESTOR_STEPS_PER_ELEMENT 64  /* walk budget; see match_each */
#define ANCESTOR_STEPS_BASE 4096

/* One condition on an element. */
typedef struct {
  int op;      /* 'T' type, 'C' class, 'I' id, 'A' [attr], or the operator of [attr op value] */
  int negate;  /* inside :not() */
  char *name;  /* the type, class or id, or the attribute's name (lowercased) */
  char *value; /* the value of [attr op value] */
  size_t vlen;
} test;

typedef struct {
  test *tests;
  size_t n;
  int comb;  /* how it relates to the compound on its left: ' ' ancestor, '>' parent */
} compound;

typedef struct {
  compound *parts;
  size_t n;
} complex;

struct match_sel {
  complex *v;
  size_t n;
};

/* ---- reading ---------------------------------------------------------------- */

typedef struct {
  const char *s;
  size_t len, pos;
  int status;  /* MATCH_OK until something fails */
} reader;

static int peek(const reader *r) { return r->pos < r->len ? (unsigned char)r->s[r->pos] : 0; }

static int is_ws(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_name_char(int c) { return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_'; }

static int skip_ws(reader *r) {
  size_t start = r->pos;
  while (is_ws(peek(r))) r->pos++;
  return r->pos > start;
}

static int unsupported(reader *r) {
  if (r->status == MATCH_OK) r->status = MATCH_UNSUPPORTED;
  return -1;
}

static char *copy(reader *r, const char *s, size_t n, int lower) {
  char *p = malloc(n + 1);
  size_t i;
  if (!p) {
    r->status = MATCH_NOMEM;
    return NULL;
  }
  for (i = 0; i < n; i++) p[i] = (char)(lower && s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
  p[n] = '\0';
  return p;
}

/* A run of name characters (class, id, unquoted value); ident: it must start
 * as a CSS identifier does (type and attribute names). */
static char *read_name(reader *r, int ident, int lower) {
  size_t start = r->pos;
  if (ident) {
    size_t i = r->pos + (peek(r) == '-');
    int c = i < r->len ? (unsigned char)r->s[i] : 0;
    if (!(is_alpha(c) || c == '_')) {
      unsupported(r);
      return NULL;
    }
  }
  while (is_name_char(peek(r))) r->pos++;
  if (r->pos == start) {
    unsupported(r);
    return NULL;
  }
  return copy(r, r->s + start, r->pos - start, lower);
}

static int add_test(reader *r, compound *c, test t) {
  test *v = realloc(c->tests, (c->n + 1) * sizeof *v);
  if (!v) {
    free(t.name);
    free(t.value);
    r->status = MATCH_NOMEM;
    return -1;
  }
  c->tests = v;
  c->tests[c->n++] = t;
  return 0;
}

/* A quoted string without escapes, or a run of name characters. */
static int read_value(reader *r, test *t) {
  int q = peek(r);
  size_t start;
  if (q != '"' && q != '\'') {
    t->value = read_name(r, 0, 0);
    t->vlen = t->value ? strlen(t->value) : 0;
    return t->value ? 0 : -1;
  }
  start = ++r->pos;
  while (r->pos < r->len && peek(r) != q) {
    if (peek(r) == '\\') return unsupported(r);
    r->pos++;
  }
  if (r->pos >= r->len) return unsupported(r);
  t->vlen = r->pos - start;
  t->value = copy(r, r->s + start, t->vlen, 0);
  r->pos++;
  return t->value ? 0 : -1;
}

static int has_blank(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (is_ws((unsigned char)s[i])) return 1;
  return 0;
}

/* [attr] or [attr op value]; values css.c writes as false() are left to it. */
static int read_attrib(reader *r, test *t) {
  int c;
  r->pos++;
  skip_ws(r);
  if (!(t->name = read_name(r, 1, 1))) return -1;
  skip_ws(r);
  c = peek(r);
  if (c == ']') {
    t->op = 'A';
    r->pos++;
    return 0;
  }
  if (c == '=') {
    t->op = '=';
    r->pos++;
  } else if ((c == '~' || c == '|' || c == '^' || c == '$' || c == '*') &&
             r->pos + 1 < r->len && r->s[r->pos + 1] == '=') {
    t->op = c;
    r->pos += 2;
  } else {
    return unsupported(r);
  }
  skip_ws(r);
  if (read_value(r, t) != 0) return -1;
  skip_ws(r);
  if (peek(r) != ']') return unsupported(r);  /* a flag, or an error for css.c to word */
  r->pos++;
  if (t->vlen == 0 && t->op != '=' && t->op != '|') return unsupported(r);
  if (t->op == '~' && has_blank(t->value, t->vlen)) return unsupported(r);
  return 0;
}

static int read_simple(reader *r, test *t);

/* :not() around one simple selector. */
static int read_not(reader *r, test *t) {
  if (r->len - r->pos < 5 || memcmp(r->s + r->pos, ":not(", 5) != 0) return unsupported(r);
  r->pos += 5;
  skip_ws(r);
  if (peek(r) == ':' || peek(r) == '*') return unsupported(r);
  if (is_alpha(peek(r)) || peek(r) == '-' || peek(r) == '_') {
    t->op = 'T';
    if (!(t->name = read_name(r, 1, 1))) return -1;
  } else if (read_simple(r, t) != 0) {
    return -1;
  }
  t->negate = 1;
  skip_ws(r);
  if (peek(r) != ')') return unsupported(r);
  r->pos++;
  return 0;
}

static int read_simple(reader *r, test *t) {
  switch (peek(r)) {
  case '#':
  case '.':
    t->op = peek(r) == '#' ? 'I' : 'C';
    r->pos++;
    t->name = read_name(r, 0, 0);
    return t->name ? 0 : -1;
  case '[': return read_attrib(r, t);
  case ':': return read_not(r, t);
  default: return unsupported(r);
  }
}

static int is_simple_start(int c) { return c == '#' || c == '.' || c == '[' || c == ':'; }

static int read_compound(reader *r, compound *c) {
  int any = 0;
  if (peek(r) == '*') {
    r->pos++;
    any = 1;
  } else if (is_alpha(peek(r)) || peek(r) == '-' || peek(r) == '_') {
    test t = {'T', 0, NULL, NULL, 0};
    if (!(t.name = read_name(r, 1, 1)) || add_test(r, c, t) != 0) return -1;
    any = 1;
  }
  while (is_simple_start(peek(r))) {
    test t = {0, 0, NULL, NULL, 0};
    if (read_simple(r, &t) != 0) {
      free(t.name);
      free(t.value);
      return -1;
    }
    if (add_test(r, c, t) != 0) return -1;
    any = 1;
  }
  return any ? 0 : unsupported(r);
}

static int read_complex(reader *r, complex *x) {
  int comb = ' ';
  for (;;) {
    compound *v = realloc(x->parts, (x->n + 1) * sizeof *v);
    int ws;
    if (!v) {
      r->status = MATCH_NOMEM;
      return -1;
    }
    x->parts = v;
    memset(&x->parts[x->n], 0, sizeof *v);
    x->parts[x->n].comb = comb;
    if (read_compound(r, &x->parts[x->n++]) != 0) return -1;
    ws = skip_ws(r);
    if (peek(r) == '>') {
      r->pos++;
      skip_ws(r);
      comb = '>';
    } else if (ws && peek(r) && peek(r) != ',') {
      comb = ' ';
    } else {
      return 0;
    }
  }
}

static int read_list(reader *r, match_sel *s) {
  for (;;) {
    complex *v = realloc(s->v, (s->n + 1) * sizeof *v);
    if (!v) {
      r->status = MATCH_NOMEM;
      return -1;
    }
    s->v = v;
    memset(&s->v[s->n], 0, sizeof *v);
    skip_ws(r);
    if (read_complex(r, &s->v[s->n++]) != 0) return -1;
    skip_ws(r);
    if (peek(r) != ',') return r->pos == r->len ? 0 : unsupported(r);
    r->pos++;
  }
}

void match_free(match_sel *s) {
  size_t i, j, k;
  if (!s) return;
  for (i = 0; i < s->n; i++) {
    for (j = 0; j < s->v[i].n; j++) {
      compound *c = &s->v[i].parts[j];
      for (k = 0; k < c->n; k++) {
        free(c->tests[k].name);
        free(c->tests[k].value);
      }
      free(c->tests);
    }
    free(s->v[i].parts);
  }
  free(s->v);
  free(s);
}

int match_compile(const char *css, size_t len, match_sel **out) {
  reader r;
  size_t i;
  match_sel *s;
  *out = NULL;
  for (i = 0; i < len; i++)  /* css.c checks UTF-8 and words its own errors */
    if ((unsigned char)css[i] >= 0x80 || css[i] == '\\' || css[i] == '\0') return MATCH_UNSUPPORTED;
  if (!(s = calloc(1, sizeof *s))) return MATCH_NOMEM;
  r.s = css;
  r.len = len;
  r.pos = 0;
  r.status = MATCH_OK;
  if (read_list(&r, s) != 0 || r.status != MATCH_OK) {
    match_free(s);
    return r.status == MATCH_OK ? MATCH_UNSUPPORTED : r.status;
  }
  *out = s;
  return MATCH_OK;
}

/* ---- matching --------------------------------------------------------------- */

/* The value of the attribute `name` without a namespace, as XPath's string
 * value reads it; NULL when there is none. *owned is set when it had to be
 * put together (an attribute of several nodes): the caller frees it. */
static const char *attr_value(xmlNodePtr el, const char *name, xmlChar **owned) {
  xmlAttrPtr a;
  *owned = NULL;
  for (a = el->properties; a; a = a->next) {
    if (a->ns || strcmp((const char *)a->name, name) != 0) continue;
    if (!a->children) return "";
    if (!a->children->next && a->children->type == XML_TEXT_NODE && a->children->content)
      return (const char *)a->children->content;
    *owned = xmlNodeListGetString(el->doc, a->children, 1);
    return *owned ? (const char *)*owned : "";
  }
  return NULL;
}

static int is_blank(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Is word one of the blank-separated words of v (XPath's normalize-space)? */
static int has_word(const char *v, const char *word, size_t n) {
  while (*v) {
    const char *w;
    while (is_blank((unsigned char)*v)) v++;
    for (w = v; *v && !is_blank((unsigned char)*v); v++) {}
    if ((size_t)(v - w) == n && memcmp(w, word, n) == 0) return 1;
  }
  return 0;
}

static int value_holds(const test *t, const char *v) {
  size_t n = strlen(v);
  switch (t->op) {
  case 'A': return 1;
  case '=': return strcmp(v, t->value) == 0;
  case '~': return has_word(v, t->value, t->vlen);
  case '|': return strcmp(v, t->value) == 0 ||
                   (n > t->vlen && strncmp(v, t->value, t->vlen) == 0 && v[t->vlen] == '-');
  case '^': return strncmp(v, t->value, t->vlen) == 0;
  case '$': return n >= t->vlen && memcmp(v + n - t->vlen, t->value, t->vlen) == 0;
  default: return strstr(v, t->value) != NULL;  /* '*' */
  }
}

static int test_holds(const test *t, xmlNodePtr el) {
  const char *v;
  xmlChar *owned;
  int yes;
  if (t->op == 'T') return (el->ns == NULL && strcmp((const char *)el->name, t->name) == 0) != t->negate;
  v = attr_value(el, t->op == 'C' ? "class" : t->op == 'I' ? "id" : t->name, &owned);
  if (!v) yes = 0;
  else if (t->op == 'C') yes = has_word(v, t->name, strlen(t->name));
  else if (t->op == 'I') yes = strcmp(v, t->name) == 0;
  else yes = value_holds(t, v);
  xmlFree(owned);
  return yes != t->negate;
}

static int compound_holds(const compound *c, xmlNodePtr el) {
  size_t i;
  for (i = 0; i < c->n; i++)
    if (!test_holds(&c->tests[i], el)) return 0;
  return 1;
}

typedef struct {
  xmlNodePtr context;
  size_t budget;  /* ancestor steps left */
  int over;
} walk;

/* Does part k of x, and what lies left of it, hold for el (and its
 * ancestors below the context)? */
static int complex_holds(const complex *x, size_t k, xmlNodePtr el, walk *w) {
  xmlNodePtr p;
  if (!compound_holds(&x->parts[k], el)) return 0;
  if (k == 0) return 1;
  for (p = el->parent; p && p != w->context && p->type == XML_ELEMENT_NODE; p = p->parent) {
    if (w->budget == 0) {
      w->over = 1;
      return 0;
    }
    w->budget--;
    if (complex_holds(x, k - 1, p, w)) return 1;
    if (w->over || x->parts[k].comb == '>') return 0;
  }
  return 0;
}

int match_is_compound(const match_sel *s) {
  return s && s->n == 1 && s->v[0].n == 1;
}

int match_compound_holds(const match_sel *s, xmlNodePtr el) {
  return el->type == XML_ELEMENT_NODE && compound_holds(&s->v[0].parts[0], el);
}

static int selector_holds(const match_sel *s, xmlNodePtr el, walk *w) {
  size_t i;
  for (i = 0; i < s->n && !w->over; i++)
    if (complex_holds(&s->v[i], s->v[i].n - 1, el, w)) return 1;
  return 0;
}

/* The node after n in document order, below context; NULL past the end. */
static xmlNodePtr next_below(xmlNodePtr n, xmlNodePtr context) {
  if (n->type == XML_ELEMENT_NODE && n->children) return n->children;
  while (!n->next) {
    n = n->parent;
    if (!n || n == context) return NULL;
  }
  return n->next;
}

int match_each(const match_sel *s, xmlNodePtr context,
               void (*found)(xmlNodePtr el, void *ud), void *ud) {
  walk w;
  xmlNodePtr n;
  w.context = context;
  w.budget = ANCESTOR_STEPS_BASE;
  w.over = 0;
  for (n = context ? context->children : NULL; n; n = next_below(n, context)) {
    if (n->type != XML_ELEMENT_NODE) continue;
    w.budget += ANCESTOR_STEPS_PER_ELEMENT;
    if (selector_holds(s, n, &w)) found(n, ud);
    if (w.over) return MATCH_OVER_BUDGET;
  }
  return MATCH_OK;
}
