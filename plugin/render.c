/* render: Markdown and clean-HTML renderers of an article subtree.
 *
 * Both follow text.c's design: breaks and spaces are owed and paid only when
 * visible content arrives. Inline markup (Markdown markers, HTML inline tags)
 * is "pending" until its first content, so empty wrappers vanish and
 * surrounding spaces land outside; at block boundaries open markup is closed
 * and reopened with the next content, which keeps the output well formed. */
#include "render.h"

#include <libxml/uri.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "walk.h"

/* ------------------------------------------------------------------ */
/* Shared helpers: tags, attributes, URLs, words                       */

typedef enum {
  T_OTHER = 0, T_A, T_B, T_BLOCKQUOTE, T_BR, T_CAPTION, T_CODE, T_DD, T_DL, T_DT, T_EM,
  T_FIGCAPTION, T_FIGURE, T_H1, T_H2, T_H3, T_H4, T_H5, T_H6, T_HR, T_I, T_IMG,
  T_KBD, T_LI, T_OL, T_P, T_PRE, T_SAMP, T_STRONG, T_SUB, T_SUP, T_TABLE,
  T_TBODY, T_TD, T_TH, T_THEAD, T_TR, T_TT, T_UL
} rnd_tag;

typedef struct { const char *name; rnd_tag tag; } rnd_tag_entry;

static const rnd_tag_entry RND_TAGS[] = {  /* sorted by name */
  {"a", T_A}, {"b", T_B}, {"blockquote", T_BLOCKQUOTE}, {"br", T_BR}, {"caption", T_CAPTION},
  {"code", T_CODE},
  {"dd", T_DD}, {"dl", T_DL}, {"dt", T_DT}, {"em", T_EM}, {"figcaption", T_FIGCAPTION},
  {"figure", T_FIGURE}, {"h1", T_H1}, {"h2", T_H2}, {"h3", T_H3}, {"h4", T_H4},
  {"h5", T_H5}, {"h6", T_H6}, {"hr", T_HR}, {"i", T_I}, {"img", T_IMG}, {"kbd", T_KBD},
  {"li", T_LI}, {"ol", T_OL}, {"p", T_P}, {"pre", T_PRE}, {"samp", T_SAMP},
  {"strong", T_STRONG}, {"sub", T_SUB}, {"sup", T_SUP}, {"table", T_TABLE},
  {"tbody", T_TBODY}, {"td", T_TD}, {"th", T_TH}, {"thead", T_THEAD}, {"tr", T_TR},
  {"tt", T_TT}, {"ul", T_UL},
};

static const render_options RND_DEFAULTS = {NULL, 1, 1, 1};

static rnd_tag rnd_tag_of(xmlNodePtr n) {
  size_t lo = 0, hi = sizeof RND_TAGS / sizeof RND_TAGS[0];
  if (!n->name) return T_OTHER;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp((const char *)n->name, RND_TAGS[mid].name);
    if (c == 0) return RND_TAGS[mid].tag;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return T_OTHER;
}

static int rnd_is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int rnd_is_digit(char c) { return c >= '0' && c <= '9'; }
static int rnd_is_hex(char c) {
  return rnd_is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* An integer attribute clamped to [lo, hi]; def when absent or not a number. */
static long rnd_int_attr(xmlNodePtr n, const char *name, long lo, long hi, long def) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  char *end;
  long x;
  if (!v) return def;
  x = strtol((const char *)v, &end, 10);
  if (end == (char *)v) x = def;
  xmlFree(v);
  return x < lo ? lo : x > hi ? hi : x;
}

/* Percent-escapes what xmlBuildURI rejects; drops tabs and newlines. */
static void rnd_url_escape(const char *s, size_t len, buf *out) {
  static const char HEX[] = "0123456789ABCDEF";
  size_t i;
  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    int bad_pct = c == '%' && !(i + 2 < len && rnd_is_hex(s[i + 1]) && rnd_is_hex(s[i + 2]));
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c <= 0x20 || c >= 0x7F || strchr("\"<>\\^`{|}", c) || bad_pct) {
      buf_addc(out, '%');
      buf_addc(out, HEX[c >> 4]);
      buf_addc(out, HEX[c & 15]);
    } else {
      buf_addc(out, (char)c);
    }
  }
}

static int rnd_has_scheme(const char *url, const char *scheme) {
  size_t i;
  for (i = 0; scheme[i]; i++) {
    char c = url[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c != scheme[i]) return 0;
  }
  return 1;
}

static int rnd_unsafe(const char *url, int allow_data) {
  return rnd_has_scheme(url, "javascript:") || rnd_has_scheme(url, "vbscript:") ||
         (!allow_data && rnd_has_scheme(url, "data:"));
}

int render_url(const xmlChar *raw, const char *base, int allow_data, buf *out) {
  const char *s = (const char *)raw;
  size_t len;
  xmlChar *abs;
  buf esc;
  if (!s) return -1;
  while (*s && (unsigned char)*s <= 0x20) s++;
  len = strlen(s);
  while (len > 0 && (unsigned char)s[len - 1] <= 0x20) len--;
  buf_init(&esc);
  rnd_url_escape(s, len, &esc);
  if (buf_failed(&esc)) out->failed = 1;
  if (esc.len == 0 || buf_failed(&esc) || rnd_unsafe(esc.data, allow_data)) {
    buf_free(&esc);
    return -1;
  }
  abs = base ? xmlBuildURI((const xmlChar *)esc.data, (const xmlChar *)base) : NULL;
  buf_adds(out, abs ? (const char *)abs : esc.data);  /* unresolvable: keep as written */
  xmlFree(abs);
  buf_free(&esc);
  return 0;
}

/* Attributes lazy-loading scripts read an image's real address from, then
 * those holding a srcset (its first candidate is taken). */
static const char *const LAZY_SRC[] = {
  "data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src",
  "data-full-src", "data-echo", NULL
};
static const char *const LAZY_SRCSET[] = { "data-srcset", "data-lazy-srcset", "srcset", NULL };

/* No address: missing, blank, or a data: URI (the 1x1 placeholder a lazy
 * loader swaps out). */
static int rnd_no_address(const xmlChar *v) {
  const char *s = (const char *)v;
  if (!s) return 1;
  while (*s && (unsigned char)*s <= 0x20) s++;
  return *s == 0 || rnd_has_scheme(s, "data:");
}

/* The first URL of a srcset ("a.jpg 300w, b.jpg 600w" -> "a.jpg"), or NULL. */
static xmlChar *rnd_srcset_first(const xmlChar *v) {
  const char *s = (const char *)v, *e;
  while (*s && ((unsigned char)*s <= 0x20 || *s == ',')) s++;
  e = s;
  while (*e && (unsigned char)*e > 0x20) e++;
  if (e > s && e[-1] == ',') e--;  /* "a.jpg, b.jpg 2x": no descriptor before the comma */
  return e > s ? xmlStrndup((const xmlChar *)s, (int)(e - s)) : NULL;
}

/* The image's address (the caller frees it): src, unless it has none while a
 * lazy-loading attribute holds the real one; NULL when there is none at all. */
static xmlChar *render_img_src(xmlNodePtr n) {
  xmlChar *src = xmlGetProp(n, (const xmlChar *)"src"), *v;
  int i;
  if (!rnd_no_address(src)) return src;
  for (i = 0; LAZY_SRC[i]; i++) {
    v = xmlGetProp(n, (const xmlChar *)LAZY_SRC[i]);
    if (!rnd_no_address(v)) { xmlFree(src); return v; }
    xmlFree(v);
  }
  for (i = 0; LAZY_SRCSET[i]; i++) {
    xmlChar *first;
    v = xmlGetProp(n, (const xmlChar *)LAZY_SRCSET[i]);
    first = v ? rnd_srcset_first(v) : NULL;
    xmlFree(v);
    if (!rnd_no_address(first)) { xmlFree(src); return first; }
    xmlFree(first);
  }
  return src;  /* a data: image without another address is the image */
}

typedef void (*rnd_word_fn)(void *ud, const char *w, size_t n);

/* Calls fn for each run of non-space characters; white space sets *space. */
static void rnd_words(const char *s, size_t len, rnd_word_fn fn, void *ud, int *space) {
  size_t i = 0, start = 0;
  while (i < len) {
    unsigned cp = (unsigned char)s[i];
    size_t n = cp < 0x80 ? 1 : text_utf8_next((const unsigned char *)s + i, len - i, &cp);
    if (cp < 0x80 ? TEXT_ASCII_SPACE(cp) : text_is_space_cp(cp)) {
      if (i > start) fn(ud, s + start, i - start);
      *space = 1;
      start = i + n;
    }
    i += n;
  }
  if (len > start) fn(ud, s + start, len - start);
}

static int rnd_is_text(xmlNodePtr n) {
  return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

/* The longest backtick run of a subtree's text, and whether it has any. */
typedef struct { int run, max, any; } rnd_ticks;

static int rnd_ticks_step(xmlNodePtr n, int entering, void *ud) {
  rnd_ticks *t = ud;
  const char *s;
  if (n->type == XML_ELEMENT_NODE && walk_is_invisible_tag(n->name)) return WALK_SKIP;
  if (!entering || !rnd_is_text(n) || !n->content) return WALK_CONTINUE;
  for (s = (const char *)n->content; *s; s++) {
    t->run = *s == '`' ? t->run + 1 : 0;
    if (t->run > t->max) t->max = t->run;
    if (!strchr(" \t\n\r\f", *s)) t->any = 1;
  }
  return WALK_CONTINUE;
}

static void rnd_scan_ticks(xmlNodePtr n, rnd_ticks *t) {
  memset(t, 0, sizeof *t);
  walk_tree(n, rnd_ticks_step, t);
}

/* ------------------------------------------------------------------ */
/* Markdown                                                            */

enum { MD_NONE, MD_HARD, MD_LINE, MD_PARA };      /* owed breaks, weakest first */
enum { MD_LIST, MD_ITEM, MD_QUOTE };              /* line-prefix contexts */
enum { MK_EM, MK_STRONG, MK_LINK, MK_CODE, MK_MAX };  /* inline markers */

typedef struct {
  xmlNodePtr node;
  int kind;
  int ordered, items;   /* lists: numbered?, markers written so far */
  long next;            /* lists: the next item's number */
  int list;             /* items: index of their list, or -1 */
  int pending, width;   /* items: marker not yet written; its width */
} md_ctx;

typedef struct { xmlNodePtr node; int kind, open; } md_mark;

/* A closer just written: reopening the same marker right there merges the two
 * (<em>a</em><em>b</em> is *ab*, not *a**b*, which would parse otherwise). */
typedef struct { int kind, ticks, pad; size_t at, len; } md_closed;

typedef struct {
  buf *out;
  const render_options *opt;
  xmlNodePtr root;
  size_t start;                    /* out->len when rendering began */
  int owed, owed_space, list_ended;
  int at_line_start, after_marker; /* only a line prefix (ending in a list marker) so far */
  md_ctx ctx[RENDER_MAX_NEST];
  int depth, opened, pending_items;/* opened: contexts whose prefix began the last line */
  md_mark mark[MK_MAX];            /* at most one of each kind, outermost first */
  int nmark;
  md_closed closed[MK_MAX];        /* closers written back to back, innermost first */
  int nclosed;
  int lead;                        /* heading level whose "#"s are still to write */
  xmlNodePtr heading, pre, table, row, cell;
  buf url;                         /* the link's destination, escaped */
  int ticks, pad;                  /* the code span's delimiter */
  int fence, pre_nl, pre_first;
  int rows, cols;
} md_state;

static void md_spaces(md_state *r, int n) {
  while (n-- > 0) buf_addc(r->out, ' ');
}

static void md_write_marker(md_state *r, md_ctx *c) {
  md_ctx *l = c->list >= 0 ? &r->ctx[c->list] : NULL;
  size_t before = r->out->len;
  if (l && l->ordered) {
    buf_addf(r->out, "%ld. ", l->next);
    if (l->next < 999999999) l->next++;
  } else {
    buf_add(r->out, "- ", 2);
  }
  if (l) l->items++;
  c->width = (int)(r->out->len - before);
  c->pending = 0;
  r->pending_items--;
  r->after_marker = 1;
}

/* Starts a line: "> " per quote, the marker or its indentation per item. */
static void md_line_prefix(md_state *r) {
  int i;
  r->after_marker = 0;
  for (i = 0; i < r->depth; i++) {
    md_ctx *c = &r->ctx[i];
    if (c->kind == MD_LIST) continue;
    if (c->kind == MD_ITEM && c->pending) { md_write_marker(r, c); continue; }
    if (c->kind == MD_QUOTE) buf_add(r->out, "> ", 2);
    else md_spaces(r, c->width);
    r->after_marker = 0;
  }
  r->opened = r->depth;
  r->at_line_start = 1;
}

/* A blank line inside the contexts both neighbouring lines share. */
static void md_blank_prefix(md_state *r) {
  buf *o = r->out;
  int i;
  for (i = 0; i < r->opened; i++) {
    if (r->ctx[i].kind == MD_QUOTE) buf_add(o, "> ", 2);
    else if (r->ctx[i].kind == MD_ITEM) md_spaces(r, r->ctx[i].width);
  }
  if (buf_failed(o)) return;
  while (o->len > r->start && o->data[o->len - 1] == ' ') o->len--;
  o->data[o->len] = '\0';
}

static int md_has_mark(const md_state *r, int kind) {
  int i;
  for (i = 0; i < r->nmark; i++)
    if (r->mark[i].kind == kind) return 1;
  return 0;
}

static void md_ticks(md_state *r) {
  int i;
  for (i = 0; i < r->ticks; i++) buf_addc(r->out, '`');
}

static void md_write_mark(md_state *r, const md_mark *m, int opening) {
  buf *o = r->out;
  switch (m->kind) {
    case MK_EM: buf_addc(o, '*'); break;
    case MK_STRONG: buf_add(o, "**", 2); break;
    case MK_LINK:
      if (opening) { buf_addc(o, '['); break; }
      buf_add(o, "](", 2);
      buf_add(o, buf_cstr(&r->url), r->url.len);
      buf_addc(o, ')');
      break;
    default:
      if (!opening && r->pad) buf_addc(o, ' ');
      md_ticks(r);
      if (opening && r->pad) buf_addc(o, ' ');
      break;
  }
}

static void md_close_mark(md_state *r, const md_mark *m) {
  size_t at = r->out->len;
  md_closed *c;
  if (r->nclosed > 0 && r->closed[r->nclosed - 1].at + r->closed[r->nclosed - 1].len != at)
    r->nclosed = 0;  /* something was written since: a new chain */
  md_write_mark(r, m, 0);
  if (r->nclosed == MK_MAX) return;
  c = &r->closed[r->nclosed++];
  c->kind = m->kind;
  c->ticks = r->ticks;
  c->pad = r->pad;
  c->at = at;
  c->len = r->out->len - at;
}

/* Takes back the closer of the same marker if it is the last thing written. */
static int md_merge_mark(md_state *r, const md_mark *m) {
  md_closed *c = r->nclosed > 0 ? &r->closed[r->nclosed - 1] : NULL;
  if (!c || c->at + c->len != r->out->len || c->kind != m->kind || m->kind == MK_LINK ||
      (m->kind == MK_CODE && (c->ticks != r->ticks || c->pad != r->pad)) || buf_failed(r->out))
    return 0;
  r->out->len = c->at;
  r->out->data[c->at] = '\0';
  r->nclosed--;
  return 1;
}

static void md_open_mark(md_state *r, const md_mark *m) {
  const md_closed *c = r->nclosed > 0 ? &r->closed[r->nclosed - 1] : NULL;
  if (m->kind == MK_CODE && c && c->kind == MK_CODE && c->at + c->len == r->out->len)
    buf_addc(r->out, ' ');  /* backtick runs of different lengths must not touch */
  md_write_mark(r, m, 1);
}

static void md_close_marks(md_state *r) {
  int i;
  for (i = r->nmark - 1; i >= 0; i--)
    if (r->mark[i].open) { md_close_mark(r, &r->mark[i]); r->mark[i].open = 0; }
}

static void md_open_marks(md_state *r) {
  int i;
  for (i = 0; i < r->nmark; i++)
    if (!r->mark[i].open) {
      if (!md_merge_mark(r, &r->mark[i])) md_open_mark(r, &r->mark[i]);
      r->mark[i].open = 1;
      r->at_line_start = 0;
    }
}

/* Writes the owed break and the next line's prefix (the prefix alone at the start). */
static void md_pay_break(md_state *r) {
  int b = r->owed;
  if (b == MD_LINE && r->list_ended && r->pending_items == 0) b = MD_PARA;
  r->owed = MD_NONE;
  r->owed_space = r->list_ended = 0;
  if (r->out->len == r->start) { md_line_prefix(r); return; }
  if (b == MD_NONE) return;
  if (b == MD_HARD) buf_addc(r->out, '\\');
  else md_close_marks(r);
  buf_addc(r->out, '\n');
  if (b == MD_PARA) { md_blank_prefix(r); buf_addc(r->out, '\n'); }
  md_line_prefix(r);
}

/* Before any visible inline content: pay debts, write the heading lead, open markers. */
static void md_content(md_state *r) {
  if (r->owed != MD_NONE || r->out->len == r->start) md_pay_break(r);
  else if (r->owed_space) buf_addc(r->out, ' ');
  r->owed_space = 0;
  if (r->lead) {
    for (; r->lead > 0; r->lead--) buf_addc(r->out, '#');
    buf_addc(r->out, ' ');
    r->at_line_start = 0;
  }
  md_open_marks(r);
}

/* Inside headings and tables, blocks and breaks are mere spaces. */
static int md_inline_mode(const md_state *r) { return r->heading || r->table; }

static void md_owe_raw(md_state *r, int b) {
  if (r->pending_items > 0 && b > MD_LINE) b = MD_LINE;  /* nothing yet since "- " */
  if (b > r->owed) r->owed = b;
}

static void md_owe(md_state *r, int b) {
  if (md_inline_mode(r)) r->owed_space = 1;
  else md_owe_raw(r, b);
}

static md_ctx *md_push(md_state *r, xmlNodePtr n, int kind) {
  md_ctx *c;
  if (r->depth == RENDER_MAX_NEST) return NULL;  /* deeper: no more indentation */
  c = &r->ctx[r->depth++];
  memset(c, 0, sizeof *c);
  c->node = n;
  c->kind = kind;
  c->list = -1;
  return c;
}

static int md_pop(md_state *r, xmlNodePtr n) {
  md_ctx *c;
  if (r->depth == 0 || r->ctx[r->depth - 1].node != n) return 0;
  c = &r->ctx[--r->depth];
  if (c->kind == MD_ITEM && c->pending) r->pending_items--;
  if (r->opened > r->depth) r->opened = r->depth;
  return 1;
}

static int md_top_is(const md_state *r, int kind) {
  return r->depth > 0 && r->ctx[r->depth - 1].kind == kind;
}

/* ---- text ---- */

static int md_entity_like(const char *s, size_t n) {
  size_t j = n > 0 && s[0] == '#' ? 1 : 0, k = 0;
  while (j + k < n && k <= 32 && (rnd_is_alpha(s[j + k]) || rnd_is_digit(s[j + k]))) k++;
  return k > 0 && j + k < n && s[j + k] == ';';
}

static int md_is_alnum(char c) { return rnd_is_alpha(c) || rnd_is_digit(c); }

/* Bare URLs: GFM autolinks them and would keep backslashes in the link. */
static int md_url_like(const char *w, size_t n) {
  return (n > 7 && strncmp(w, "http://", 7) == 0) || (n > 8 && strncmp(w, "https://", 8) == 0) ||
         (n > 4 && strncmp(w, "www.", 4) == 0);
}

static int md_all_digits(const char *w, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (!rnd_is_digit(w[i])) return 0;
  return 1;
}

/* Whether w[i] would change meaning unescaped (conservative). An underscore
 * between letters or digits never delimits emphasis. */
static int md_must_escape(const md_state *r, const char *w, size_t n, size_t i, int url) {
  char c = w[i], next = i + 1 < n ? w[i + 1] : '\0';
  int first = r->at_line_start && i == 0;
  switch (c) {
    case '\\': case '*': case '`': case '[': case ']': case '|': return 1;
    case '_': return !url && !(i > 0 && md_is_alnum(w[i - 1]) && md_is_alnum(next));
    case '~': return !url;
    case '<': return next == '\0' || rnd_is_alpha(next) || (next != '\0' && strchr("/!?", next));
    case '&': return md_entity_like(w + i + 1, n - i - 1);
    case '#': return first || r->heading != NULL;
    case '>': return first;
    case '+': return first && next == '\0';
    case '-': case '=': return first && (next == '\0' || next == c);
    case '.': case ')': return r->at_line_start && i > 0 && i <= 9 && md_all_digits(w, i);
    default: return 0;
  }
}

static void md_escaped(md_state *r, const char *w, size_t n) {
  size_t i, seg = 0;
  int url = md_url_like(w, n);
  for (i = 0; i < n; i++) {
    if (!md_must_escape(r, w, n, i, url)) continue;
    buf_add(r->out, w + seg, i - seg);
    buf_addc(r->out, '\\');
    seg = i;
  }
  buf_add(r->out, w + seg, n - seg);
}

/* Code span text is literal; only a table cell's pipes need a backslash. */
static void md_code_text(md_state *r, const char *w, size_t n) {
  size_t i, seg = 0;
  for (i = 0; r->cell && i < n; i++) {
    if (w[i] != '|') continue;
    buf_add(r->out, w + seg, i - seg);
    buf_addc(r->out, '\\');
    seg = i;
  }
  buf_add(r->out, w + seg, n - seg);
}

static void md_word(void *ud, const char *w, size_t n) {
  md_state *r = ud;
  md_content(r);
  if (md_has_mark(r, MK_CODE)) md_code_text(r, w, n);
  else md_escaped(r, w, n);
  r->at_line_start = 0;
}

/* <pre> text: as written, each line behind the container prefix. */
static void md_verbatim(md_state *r, const char *s, size_t len) {
  size_t i, seg = 0, first;
  if (len == 0) return;
  if (r->pre_first && s[0] == '\n') seg = 1;  /* the newline right after <pre> */
  r->pre_first = 0;
  first = seg;
  for (i = seg; i < len; i++) {
    if (s[i] != '\n') continue;
    buf_add(r->out, s + seg, i - seg);
    buf_addc(r->out, '\n');
    md_line_prefix(r);
    seg = i + 1;
  }
  buf_add(r->out, s + seg, len - seg);
  if (len > first) r->pre_nl = s[len - 1] == '\n';
}

static void md_text(md_state *r, const char *s) {
  if (r->pre) md_verbatim(r, s, strlen(s));
  else rnd_words(s, strlen(s), md_word, r, &r->owed_space);
}

/* Alt text: collapsed, with the characters that matter inside [ ] escaped. */
static void md_alt(md_state *r, const xmlChar *alt) {
  buf t;
  size_t i;
  if (!alt) return;
  buf_init(&t);
  text_collapse((const char *)alt, strlen((const char *)alt), &t);
  if (buf_failed(&t)) r->out->failed = 1;
  for (i = 0; i < t.len; i++) {
    if (strchr("\\`*_[]~|<", t.data[i])) buf_addc(r->out, '\\');
    buf_addc(r->out, t.data[i]);
  }
  buf_free(&t);
}

/* A link destination: parentheses escaped (spaces and <> are percent-escaped). */
static void md_dest(buf *out, const char *url) {
  for (; *url; url++) {
    if (*url == '(' || *url == ')') buf_addc(out, '\\');
    buf_addc(out, *url);
  }
}

/* ---- elements ---- */

static void md_br(md_state *r) {
  if (md_inline_mode(r) || md_has_mark(r, MK_CODE)) { r->owed_space = 1; return; }
  md_owe_raw(r, r->owed == MD_HARD ? MD_PARA : MD_HARD);  /* <br><br> ends a paragraph */
}

static void md_hr(md_state *r) {
  if (md_inline_mode(r)) { r->owed_space = 1; return; }
  md_owe(r, MD_PARA);
  md_pay_break(r);
  buf_adds(r->out, r->after_marker ? "***" : "---");  /* "- ---" would be a rule */
  r->at_line_start = 0;
  md_owe(r, MD_PARA);
}

static void md_img(md_state *r, xmlNodePtr n) {
  xmlChar *src, *alt;
  buf dest;
  if (!r->opt->images || md_has_mark(r, MK_CODE)) return;
  src = render_img_src(n);
  buf_init(&dest);
  if (render_url(src, r->opt->base_url, 1, &dest) == 0) {
    alt = xmlGetProp(n, (const xmlChar *)"alt");
    md_content(r);
    buf_add(r->out, "![", 2);
    md_alt(r, alt);
    buf_add(r->out, "](", 2);
    md_dest(r->out, buf_cstr(&dest));
    buf_addc(r->out, ')');
    xmlFree(alt);
  }
  if (buf_failed(&dest)) r->out->failed = 1;
  buf_free(&dest);
  xmlFree(src);
}

static void md_push_mark(md_state *r, xmlNodePtr n, int kind) {
  if (md_has_mark(r, kind) || md_has_mark(r, MK_CODE)) return;  /* no nesting, code is literal */
  r->mark[r->nmark].node = n;
  r->mark[r->nmark].kind = kind;
  r->mark[r->nmark].open = 0;
  r->nmark++;
}

static void md_leave_mark(md_state *r, xmlNodePtr n) {
  md_mark *m;
  if (r->nmark == 0 || r->mark[r->nmark - 1].node != n) return;
  m = &r->mark[--r->nmark];
  if (m->open) md_close_mark(r, m);
}

static void md_enter_link(md_state *r, xmlNodePtr n) {
  xmlChar *href;
  buf url;
  if (!r->opt->links || md_has_mark(r, MK_LINK) || md_has_mark(r, MK_CODE)) return;
  href = xmlGetProp(n, (const xmlChar *)"href");
  buf_init(&url);
  if (render_url(href, r->opt->base_url, 0, &url) == 0 && url.len <= RENDER_MAX_URL) {
    buf_reset(&r->url);
    md_dest(&r->url, buf_cstr(&url));
    md_push_mark(r, n, MK_LINK);
  }
  if (buf_failed(&url)) r->out->failed = 1;
  buf_free(&url);
  xmlFree(href);
}

/* A code span's delimiter is one backtick longer than any run inside it. */
static void md_enter_code(md_state *r, xmlNodePtr n) {
  rnd_ticks t;
  if (md_has_mark(r, MK_CODE)) return;
  rnd_scan_ticks(n, &t);
  r->ticks = t.max + 1;
  r->pad = t.max > 0;
  md_push_mark(r, n, MK_CODE);
}

static int md_info_char(char c) {
  return rnd_is_alpha(c) || rnd_is_digit(c) || (c != '\0' && strchr("+#._-", c));
}

/* "language-x" / "lang-x" in the class of <pre> or of its first <code>. */
static int md_info_from(xmlNodePtr n, char *info, size_t cap) {
  xmlChar *cls = n ? xmlGetProp(n, (const xmlChar *)"class") : NULL;
  const char *p;
  size_t k = 0;
  if (!cls) return 0;
  for (p = (const char *)cls; *p; p++) {
    if (p != (const char *)cls && p[-1] != ' ') continue;
    if (strncmp(p, "language-", 9) == 0) p += 9;
    else if (strncmp(p, "lang-", 5) == 0) p += 5;
    else continue;
    while (k + 1 < cap && md_info_char(*p)) info[k++] = *p++;
    break;
  }
  info[k] = '\0';
  xmlFree(cls);
  return k > 0;
}

static void md_info(xmlNodePtr pre, char *info, size_t cap) {
  xmlNodePtr c = pre->children;
  while (c && c->type != XML_ELEMENT_NODE) c = c->next;
  info[0] = '\0';
  if (!md_info_from(pre, info, cap) && walk_is_element(c, "code")) md_info_from(c, info, cap);
}

static void md_fence(md_state *r) {
  int i;
  for (i = 0; i < r->fence; i++) buf_addc(r->out, '`');
}

static int md_enter_pre(md_state *r, xmlNodePtr n) {
  rnd_ticks t;
  char info[33];
  if (md_inline_mode(r)) { md_enter_code(r, n); return WALK_CONTINUE; }
  rnd_scan_ticks(n, &t);
  if (!t.any) return WALK_SKIP;
  md_info(n, info, sizeof info);
  md_owe(r, MD_PARA);
  md_pay_break(r);
  r->fence = t.max >= 3 ? t.max + 1 : 3;
  md_fence(r);
  buf_adds(r->out, info);
  buf_addc(r->out, '\n');
  md_line_prefix(r);
  r->pre = n;
  r->pre_nl = r->pre_first = 1;
  return WALK_CONTINUE;
}

static int md_in_pre(md_state *r, xmlNodePtr n, int entering) {
  if (!entering && n == r->pre) {
    if (!r->pre_nl) { buf_addc(r->out, '\n'); md_line_prefix(r); }
    md_fence(r);
    r->pre = NULL;
    r->at_line_start = 0;
    md_owe(r, MD_PARA);
  } else if (entering && walk_is_element(n, "br")) {
    r->pre_first = 0;
    md_verbatim(r, "\n", 1);
  }
  return WALK_CONTINUE;
}

static void md_enter_heading(md_state *r, xmlNodePtr n, int level) {
  md_owe(r, MD_PARA);
  if (md_inline_mode(r)) return;
  r->heading = n;
  r->lead = level;
}

static void md_leave_heading(md_state *r, xmlNodePtr n) {
  if (n == r->heading) { r->heading = NULL; r->lead = 0; }
  md_owe(r, MD_PARA);
}

static void md_enter_list(md_state *r, xmlNodePtr n, int ordered) {
  md_ctx *c;
  md_owe(r, md_top_is(r, MD_ITEM) ? MD_LINE : MD_PARA);
  if (md_inline_mode(r) || !(c = md_push(r, n, MD_LIST))) return;
  c->ordered = ordered;
  c->next = ordered ? rnd_int_attr(n, "start", 0, 999999999, 1) : 0;
}

static void md_leave_list(md_state *r, xmlNodePtr n) {
  if (md_pop(r, n) && md_top_is(r, MD_ITEM)) {
    md_owe(r, MD_LINE);
    r->list_ended = 1;  /* the item's own text may follow: that needs a blank line */
  } else {
    md_owe(r, MD_PARA);
  }
}

static void md_enter_item(md_state *r, xmlNodePtr n) {
  md_ctx *l = md_top_is(r, MD_LIST) ? &r->ctx[r->depth - 1] : NULL, *c;
  if (md_inline_mode(r)) { r->owed_space = 1; return; }
  if (l && l->items > 0) r->owed = MD_LINE;  /* keep the list tight */
  md_owe(r, MD_LINE);
  if (!(c = md_push(r, n, MD_ITEM))) return;
  c->list = l ? (int)(l - r->ctx) : -1;
  c->pending = 1;
  r->pending_items++;
}

static void md_leave_item(md_state *r, xmlNodePtr n) {
  md_pop(r, n);
  md_owe(r, MD_LINE);
}

static void md_enter_quote(md_state *r, xmlNodePtr n) {
  md_owe(r, MD_PARA);
  if (!md_inline_mode(r)) md_push(r, n, MD_QUOTE);
}

static void md_leave_quote(md_state *r, xmlNodePtr n) {
  md_pop(r, n);
  md_owe(r, MD_PARA);
}

/* ---- tables: the outermost one becomes a GFM table, inner ones inline text ---- */

static int md_enter_table(md_state *r, xmlNodePtr n) {
  if (!r->opt->tables) return WALK_SKIP;
  md_owe(r, MD_PARA);
  if (!md_inline_mode(r)) { r->table = n; r->rows = 0; }
  return WALK_CONTINUE;
}

static void md_leave_table(md_state *r, xmlNodePtr n) {
  if (n == r->table) r->table = NULL;
  md_owe(r, MD_PARA);
}

static void md_enter_row(md_state *r, xmlNodePtr n) {
  if (r->table && !r->row && !r->cell) { r->row = n; r->cols = 0; }
  else r->owed_space = 1;
}

static void md_leave_row(md_state *r, xmlNodePtr n) {
  int i;
  if (n != r->row) { r->owed_space = 1; return; }
  r->row = NULL;
  if (r->cols == 0) return;
  buf_add(r->out, " |", 2);
  if (r->rows++ > 0) return;
  buf_addc(r->out, '\n');  /* the first row is the header */
  md_line_prefix(r);
  buf_addc(r->out, '|');
  for (i = 0; i < r->cols; i++) buf_add(r->out, " --- |", 6);
}

static void md_enter_cell(md_state *r, xmlNodePtr n) {
  if (!r->row || r->cell) { r->owed_space = 1; return; }
  r->cell = n;
  if (r->cols == 0) {
    md_owe_raw(r, r->rows == 0 ? MD_PARA : MD_LINE);
    md_pay_break(r);
    buf_add(r->out, "| ", 2);
  } else {
    md_close_marks(r);
    buf_add(r->out, " | ", 3);
  }
  r->owed_space = 0;
  r->cols++;
  r->at_line_start = 0;
}

static void md_leave_cell(md_state *r, xmlNodePtr n) {
  long span, i;
  if (n != r->cell) { r->owed_space = 1; return; }
  md_close_marks(r);
  span = rnd_int_attr(n, "colspan", 1, 64, 1);
  for (i = 1; i < span; i++) buf_add(r->out, " | ", 3);  /* keep the columns aligned */
  r->cols += (int)span - 1;
  r->cell = NULL;
  r->owed_space = 0;
}

static void md_block(md_state *r, xmlNodePtr n) {
  if (text_element_break(n->name) != BREAK_NONE) md_owe(r, MD_PARA);
}

static int md_enter(md_state *r, xmlNodePtr n) {
  rnd_tag t = rnd_tag_of(n);
  switch (t) {
    case T_BR: md_br(r); break;
    case T_HR: md_hr(r); break;
    case T_IMG: md_img(r, n); break;
    case T_EM: case T_I: md_push_mark(r, n, MK_EM); break;
    case T_STRONG: case T_B: md_push_mark(r, n, MK_STRONG); break;
    case T_A: md_enter_link(r, n); break;
    case T_CODE: case T_KBD: case T_SAMP: case T_TT: md_enter_code(r, n); break;
    case T_PRE: return md_enter_pre(r, n);
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
      md_enter_heading(r, n, (int)(t - T_H1) + 1);
      break;
    case T_UL: case T_OL: md_enter_list(r, n, t == T_OL); break;
    case T_LI: md_enter_item(r, n); break;
    case T_BLOCKQUOTE: md_enter_quote(r, n); break;
    case T_TABLE: return md_enter_table(r, n);
    case T_TR: md_enter_row(r, n); break;
    case T_TD: case T_TH: md_enter_cell(r, n); break;
    default: md_block(r, n); break;
  }
  return WALK_CONTINUE;
}

static void md_leave(md_state *r, xmlNodePtr n) {
  rnd_tag t = rnd_tag_of(n);
  switch (t) {
    case T_BR: case T_HR: case T_IMG: break;
    case T_EM: case T_I: case T_STRONG: case T_B: case T_A:
    case T_CODE: case T_KBD: case T_SAMP: case T_TT: case T_PRE:
      md_leave_mark(r, n);
      break;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
      md_leave_heading(r, n);
      break;
    case T_UL: case T_OL: md_leave_list(r, n); break;
    case T_LI: md_leave_item(r, n); break;
    case T_BLOCKQUOTE: md_leave_quote(r, n); break;
    case T_TABLE: md_leave_table(r, n); break;
    case T_TR: md_leave_row(r, n); break;
    case T_TD: case T_TH: md_leave_cell(r, n); break;
    default: md_block(r, n); break;
  }
}

static int md_step(xmlNodePtr n, int entering, void *ud) {
  md_state *r = ud;
  if (rnd_is_text(n)) {
    if (entering && n->content) md_text(r, (const char *)n->content);
    return WALK_CONTINUE;
  }
  if (n->type != XML_ELEMENT_NODE) return WALK_CONTINUE;
  if (n != r->root && walk_is_invisible_tag(n->name)) return WALK_SKIP;
  if (r->pre) return md_in_pre(r, n, entering);
  if (entering) return md_enter(r, n);
  md_leave(r, n);
  return WALK_CONTINUE;
}

int render_markdown(xmlNodePtr node, const render_options *opt, buf *out) {
  md_state r;
  int rc;
  memset(&r, 0, sizeof r);
  r.out = out;
  r.opt = opt ? opt : &RND_DEFAULTS;
  r.root = node;
  r.start = out->len;
  buf_init(&r.url);
  if (node) walk_tree(node, md_step, &r);
  rc = buf_failed(out) || buf_failed(&r.url) ? -1 : 0;
  buf_free(&r.url);
  return rc;
}

/* ------------------------------------------------------------------ */
/* HTML                                                                */

typedef struct { xmlNodePtr node; rnd_tag tag; int emitted; } hl_block;
typedef struct { xmlNodePtr node; rnd_tag tag; int emitted; size_t off; } hl_inline;

typedef struct {
  buf *out;
  const render_options *opt;
  xmlNodePtr root, pre;
  size_t start;
  hl_block blocks[RENDER_MAX_NEST];  /* kept block elements, outermost first */
  hl_inline inl[RENDER_MAX_NEST];    /* kept inline elements, reopened after blocks */
  int nblocks, ninl;
  buf openers;                       /* the inline elements' start tags, back to back */
  int owed_space, owed_br, has_content, implicit_p;
} hl_state;

static int hl_is_inline(rnd_tag t) {
  return t == T_A || t == T_B || t == T_CODE || t == T_EM || t == T_I || t == T_STRONG ||
         t == T_SUB || t == T_SUP;
}

static int hl_is_table_part(rnd_tag t) {
  return t == T_TABLE || t == T_TBODY || t == T_THEAD || t == T_TR || t == T_TD || t == T_TH;
}

static int hl_is_block(rnd_tag t) {
  return (t >= T_H1 && t <= T_H6) || hl_is_table_part(t) || t == T_BLOCKQUOTE || t == T_CAPTION ||
         t == T_DD || t == T_DL || t == T_DT || t == T_FIGCAPTION || t == T_FIGURE ||
         t == T_LI || t == T_OL || t == T_P || t == T_PRE || t == T_UL;
}

static void hl_escape(buf *out, const char *s, size_t n, int attr) {
  size_t i, seg = 0;
  for (i = 0; i < n; i++) {
    const char *rep = NULL;
    switch (s[i]) {
      case '&': rep = "&amp;"; break;
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '"': if (attr) rep = "&quot;"; break;
      default: break;
    }
    if (!rep) continue;
    buf_add(out, s + seg, i - seg);
    buf_adds(out, rep);
    seg = i + 1;
  }
  buf_add(out, s + seg, n - seg);
}

static void hl_attr(buf *out, const char *name, const char *value) {
  buf_addc(out, ' ');
  buf_adds(out, name);
  buf_add(out, "=\"", 2);
  hl_escape(out, value, strlen(value), 1);
  buf_addc(out, '"');
}

static void hl_newline(hl_state *r) {
  buf *o = r->out;
  if (!buf_failed(o) && o->len > r->start && o->data[o->len - 1] != '\n') buf_addc(o, '\n');
}

static void hl_close_tag(hl_state *r, xmlNodePtr n) {
  buf_add(r->out, "</", 2);
  buf_adds(r->out, (const char *)n->name);
  buf_addc(r->out, '>');
}

static void hl_span_attr(hl_state *r, xmlNodePtr n, const char *name, long lo) {
  char v[24];
  if (!xmlHasProp(n, (const xmlChar *)name)) return;
  snprintf(v, sizeof v, "%ld", rnd_int_attr(n, name, lo, 1000, 1));
  hl_attr(r->out, name, v);
}

static void hl_open_block(hl_state *r, hl_block *b) {
  if (b->tag != T_TD && b->tag != T_TH) hl_newline(r);
  buf_addc(r->out, '<');
  buf_adds(r->out, (const char *)b->node->name);
  if (b->tag == T_TD || b->tag == T_TH) {
    hl_span_attr(r, b->node, "colspan", 1);
    hl_span_attr(r, b->node, "rowspan", 0);
  }
  buf_addc(r->out, '>');
  b->emitted = 1;
}

static void hl_flush_blocks(hl_state *r) {
  int i;
  for (i = 0; i < r->nblocks; i++)
    if (!r->blocks[i].emitted) hl_open_block(r, &r->blocks[i]);
}

static void hl_close_inlines(hl_state *r) {
  int i;
  for (i = r->ninl - 1; i >= 0; i--)
    if (r->inl[i].emitted) { hl_close_tag(r, r->inl[i].node); r->inl[i].emitted = 0; }
}

static void hl_open_inlines(hl_state *r) {
  int i;
  if (buf_failed(&r->openers)) return;
  for (i = 0; i < r->ninl; i++) {
    size_t end = i + 1 < r->ninl ? r->inl[i + 1].off : r->openers.len;
    if (r->inl[i].emitted) continue;
    buf_add(r->out, r->openers.data + r->inl[i].off, end - r->inl[i].off);
    r->inl[i].emitted = 1;
  }
}

/* Loose text of the root or a blockquote goes into a paragraph of its own. */
static int hl_p_context(const hl_state *r) {
  return r->nblocks == 0 || r->blocks[r->nblocks - 1].tag == T_BLOCKQUOTE;
}

/* Before any visible content: open what is pending, pay the owed separator. */
static void hl_content(hl_state *r) {
  hl_flush_blocks(r);
  if (!r->pre && !r->implicit_p && hl_p_context(r)) {
    hl_newline(r);
    buf_add(r->out, "<p>", 3);
    r->implicit_p = 1;
  }
  if (r->owed_br) buf_add(r->out, "<br><br>", 4 * (size_t)r->owed_br);
  else if (r->owed_space && r->has_content) buf_addc(r->out, ' ');
  r->owed_br = r->owed_space = 0;
  hl_open_inlines(r);
  r->has_content = 1;
}

/* Entering or leaving a kept block: inline elements close (to reopen inside). */
static void hl_block_boundary(hl_state *r) {
  hl_close_inlines(r);
  if (r->implicit_p) { buf_add(r->out, "</p>", 4); r->implicit_p = 0; }
  r->owed_space = r->owed_br = r->has_content = 0;
}

/* An unwrapped block (div, section, ...) still separates what is on either side. */
static void hl_soft_boundary(hl_state *r) {
  if (r->pre) return;
  if (r->implicit_p) { hl_block_boundary(r); return; }
  if (r->has_content && !r->owed_br) r->owed_br = 1;
  r->owed_space = 0;
}

static void hl_enter_block(hl_state *r, xmlNodePtr n, rnd_tag t) {
  hl_block *b;
  if (r->pre) return;
  if (r->nblocks == RENDER_MAX_NEST) { hl_soft_boundary(r); return; }
  hl_block_boundary(r);
  b = &r->blocks[r->nblocks++];
  b->node = n;
  b->tag = t;
  b->emitted = 0;
  if (hl_is_table_part(t) || t == T_LI) hl_flush_blocks(r);  /* kept even when empty */
  if (t == T_PRE) r->pre = n;
}

static void hl_leave_block(hl_state *r) {
  hl_block *b = &r->blocks[r->nblocks - 1];
  hl_block_boundary(r);
  if (b->emitted) hl_close_tag(r, b->node);
  if (b->node == r->pre) r->pre = NULL;
  r->nblocks--;
}

static int hl_has_link(const hl_state *r) {
  int i;
  for (i = 0; i < r->ninl; i++)
    if (r->inl[i].tag == T_A) return 1;
  return 0;
}

/* Appends <a href="..."> to the openers; 0 when the link is kept as text. */
static int hl_link_opener(hl_state *r, xmlNodePtr n) {
  xmlChar *href;
  buf url;
  int ok;
  if (!r->opt->links || hl_has_link(r)) return 0;
  href = xmlGetProp(n, (const xmlChar *)"href");
  buf_init(&url);
  ok = render_url(href, r->opt->base_url, 0, &url) == 0 && url.len <= RENDER_MAX_URL;
  if (ok) {
    buf_add(&r->openers, "<a", 2);
    hl_attr(&r->openers, "href", buf_cstr(&url));
    buf_addc(&r->openers, '>');
  }
  if (buf_failed(&url)) r->out->failed = 1;
  buf_free(&url);
  xmlFree(href);
  return ok;
}

static void hl_enter_inline(hl_state *r, xmlNodePtr n, rnd_tag t) {
  size_t off = r->openers.len;
  hl_inline *e;
  if (r->ninl == RENDER_MAX_NEST) return;  /* deeper: unwrapped */
  if (t == T_A && !hl_link_opener(r, n)) return;
  if (t != T_A) {
    buf_addc(&r->openers, '<');
    buf_adds(&r->openers, (const char *)n->name);
    buf_addc(&r->openers, '>');
  }
  e = &r->inl[r->ninl++];
  e->node = n;
  e->tag = t;
  e->emitted = 0;
  e->off = off;
}

static void hl_leave_inline(hl_state *r) {
  hl_inline *e = &r->inl[--r->ninl];
  if (e->emitted) hl_close_tag(r, e->node);
  if (!buf_failed(&r->openers) && r->openers.data) {
    r->openers.len = e->off;
    r->openers.data[e->off] = '\0';
  }
}

static void hl_br(hl_state *r) {
  if (r->pre) { hl_content(r); buf_addc(r->out, '\n'); }
  else if (r->has_content) r->owed_br = r->owed_br ? 2 : 1;  /* <br><br>: a paragraph's gap, kept */
}

static void hl_hr(hl_state *r) {
  if (r->pre) return;
  hl_block_boundary(r);
  hl_flush_blocks(r);
  hl_newline(r);
  buf_add(r->out, "<hr>", 4);
}

static void hl_img(hl_state *r, xmlNodePtr n) {
  xmlChar *src, *alt;
  buf url, text;
  if (!r->opt->images) return;
  src = render_img_src(n);
  buf_init(&url);
  buf_init(&text);
  if (render_url(src, r->opt->base_url, 1, &url) == 0) {
    alt = xmlGetProp(n, (const xmlChar *)"alt");
    hl_content(r);
    buf_add(r->out, "<img", 4);
    hl_attr(r->out, "src", buf_cstr(&url));
    if (alt) text_collapse((const char *)alt, strlen((const char *)alt), &text);
    if (alt) hl_attr(r->out, "alt", buf_cstr(&text));
    buf_addc(r->out, '>');
    xmlFree(alt);
  }
  if (buf_failed(&url) || buf_failed(&text)) r->out->failed = 1;
  buf_free(&url);
  buf_free(&text);
  xmlFree(src);
}

static void hl_word(void *ud, const char *w, size_t n) {
  hl_state *r = ud;
  hl_content(r);
  hl_escape(r->out, w, n, 0);
}

static void hl_text(hl_state *r, const char *s) {
  size_t len = strlen(s);
  if (!r->pre) { rnd_words(s, len, hl_word, r, &r->owed_space); return; }
  if (len == 0) return;
  hl_content(r);
  hl_escape(r->out, s, len, 0);
}

static int hl_enter(hl_state *r, xmlNodePtr n) {
  rnd_tag t = rnd_tag_of(n);
  if (t == T_TABLE && !r->opt->tables) return WALK_SKIP;
  if (t == T_BR) hl_br(r);
  else if (t == T_HR) hl_hr(r);
  else if (t == T_IMG) hl_img(r, n);
  else if (hl_is_inline(t)) hl_enter_inline(r, n, t);
  else if (hl_is_block(t)) hl_enter_block(r, n, t);
  else if (text_element_break(n->name) != BREAK_NONE) hl_soft_boundary(r);
  return WALK_CONTINUE;
}

static void hl_leave(hl_state *r, xmlNodePtr n) {
  rnd_tag t = rnd_tag_of(n);
  if (t == T_BR || t == T_HR || t == T_IMG) return;
  if (r->ninl > 0 && r->inl[r->ninl - 1].node == n) hl_leave_inline(r);
  else if (r->nblocks > 0 && r->blocks[r->nblocks - 1].node == n) hl_leave_block(r);
  else if (hl_is_block(t) || text_element_break(n->name) != BREAK_NONE) hl_soft_boundary(r);
}

static int hl_step(xmlNodePtr n, int entering, void *ud) {
  hl_state *r = ud;
  if (rnd_is_text(n)) {
    if (entering && n->content) hl_text(r, (const char *)n->content);
    return WALK_CONTINUE;
  }
  if (n->type != XML_ELEMENT_NODE) return WALK_CONTINUE;
  if (n != r->root && walk_is_invisible_tag(n->name)) return WALK_SKIP;
  if (entering) return hl_enter(r, n);
  hl_leave(r, n);
  return WALK_CONTINUE;
}

int render_html(xmlNodePtr node, const render_options *opt, buf *out) {
  hl_state r;
  int rc;
  memset(&r, 0, sizeof r);
  r.out = out;
  r.opt = opt ? opt : &RND_DEFAULTS;
  r.root = node;
  r.start = out->len;
  buf_init(&r.openers);
  if (node) walk_tree(node, hl_step, &r);
  hl_block_boundary(&r);
  rc = buf_failed(out) || buf_failed(&r.openers) ? -1 : 0;
  buf_free(&r.openers);
  return rc;
}
