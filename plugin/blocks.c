#include "blocks.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "css.h"
#include "stats.h"
#include "text.h"
#include "walk.h"

#define NONE BLOCKS_NONE
#define VIEWS 8            /* most a step needs: prune's, below */
#define RENDER_VIEW VIEWS  /* bit of the text buffer in a wind-back mask */
#define LINK_LEVELS 4      /* <a href> nesting followed for link_chars */
#define UNLIKELY_REACH 8   /* how far up scored_body looks for nav, footer, menu */

/* ---- one view of the character stream ---------------------------------- */

/* Running counters of one view, and the state stats.c's counter keeps. An
 * element's numbers are the differences between leaving and entering it,
 * less the white space before its first visible character, which
 * stats_compute never counts (it starts with chars = 0). Elements entered
 * since the last visible character form a group led by the first of them;
 * the next visible character tells the leader whether a gap preceded it. */
typedef struct {
  size_t vis, gaps, punct, paras;
  size_t link[LINK_LEVELS];  /* visible characters and gaps at link depth > k */
  size_t group;              /* leader of the elements awaiting their first visible char */
  unsigned depth;            /* <a href> depth in this context */
  unsigned run_level;        /* link depth where the owed white space began */
  unsigned char owed, seen;
} tally;

/* text.c's renderer over one buffer: a context's text starts at base. */
typedef struct {
  size_t base, len;
  size_t cell_src;  /* the record whose tr or cell last set cell_in_row */
  text_break owed_break;
  unsigned char owed_space, cell_in_row;
  unsigned pre_depth;
} rstate;

typedef struct {
  tally t[VIEWS];
  rstate r;
} saved;

/* Counters when an element was entered, kept in 32 bits: pages are under
 * 2 GiB (lede.core.parse refuses larger ones), so an element's counts stay
 * below 2^32 and differences taken modulo 2^32 (since) are exact. Deep pages
 * keep one snapshot per open element and view. */
typedef struct {
  uint32_t vis, gaps, link, group;
  unsigned d0;  /* link depth when entered: the element's own links lie deeper */
} snapshot;

static size_t since(size_t now, uint32_t then) {
  return (uint32_t)((uint32_t)now - then);
}

/* What an element's tag says, worked out once per tag name (tag_kind). */
enum {
  TK_BR = 1 << 0, TK_BREAK = 1 << 1, TK_A = 1 << 2, TK_P = 1 << 3, TK_PRE = 1 << 4,
  TK_INVISIBLE = 1 << 5, TK_TR = 1 << 6, TK_CELL = 1 << 7, TK_IMG = 1 << 8, TK_UNLIKELY = 1 << 9,
  TK_PRUNE = 1 << 10, TK_DENSE = 1 << 11, TK_FIGCAPTION = 1 << 12,
  TK_CLEAN = 1 << 13, TK_OUTSIDE = 1 << 14, TK_CONTENT = 1 << 15,  /* the classify table's tag sets */
  TK_ORDER_SHIFT = 16  /* above: the position of an outside tag in its list (4 bits) */
};

/* What the walk notes about one element. */
enum { EL_LINK = 1, EL_INVISIBLE = 2, EL_IN_PRE = 4, EL_SAVE = 8 };

/* One open element. Its snapshots (one per view) lie in walker.snaps at the
 * frame's depth: pages nest 100,000 levels deep, so a frame holds no more
 * than the walk's views need. */
typedef struct {
  size_t idx, save;
  size_t min_src;  /* least cell_src behind a " | " written inside it */
  uint32_t punct, paras;  /* view 0's counters when entered (records keep view 0's) */
  unsigned kind, flags;
} frame;

#define NAME_SLOTS 64

typedef struct {
  const xmlChar *name;
  unsigned kind;
} name_slot;

/* A record's numbers in every view and its text slice, kept only when asked
 * for: pointers into walker.xv, where a record takes xstride slots (chars per
 * view, link per view, then ts and te when the walk renders). */
typedef struct {
  size_t *chars, *link;
  size_t *ts, *te;  /* NULL without rendering */
} recx;

typedef struct walker walker;
struct walker {
  blocks_tree *t;
  xmlNodePtr root;
  const classify *cls;         /* for the TK_ tag sets; NULL when no step needs them */
  name_slot names[NAME_SLOTS]; /* tag_kind by name */
  int nviews, render;
  tally v[VIEWS];
  unsigned char *fgap[VIEWS];  /* per record: 0, or 1 + link level of the gap before its group's first char */
  size_t *xv;                  /* per record: see recx */
  size_t xstride;
  size_t wcap;                 /* records the arrays above hold */
  frame *stack;
  snapshot *snaps;             /* nviews per frame */
  size_t depth, scap;
  saved *saves;
  size_t nsaves, savecap;
  buf out;
  rstate r;
  int (*enter)(walker *w, size_t idx);      /* 1: the node may be removed at its end */
  unsigned (*leave)(walker *w, size_t idx); /* the views it is removed from (bit per view) */
  void *ud;
  int failed;
};

static void tally_owe(tally *v) {
  if (!v->owed) {
    v->owed = 1;
    v->run_level = v->depth;
  }
}

static void tally_add_link(tally *v, unsigned level, size_t n) {
  unsigned k;
  for (k = 0; k < level && k < LINK_LEVELS; k++) v->link[k] += n;
}

static void tally_fresh(tally *v) {
  v->group = NONE;
  v->depth = v->run_level = 0;
  v->owed = v->seen = 0;
}

/* What a text node does to a view, computed once for all views. */
typedef struct {
  size_t nvis, ngaps, npunct;
  unsigned char lead, trail, space;
} text_sum;

/* Bytes as stats.c sees them: 0 visible ASCII, 1 white space, 2 punctuation
 * (. , ; : ! ?), 3 the lead of a longer UTF-8 sequence (or a stray byte), 4 NUL. */
static const unsigned char BYTE_KIND[256] = {
  4, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 2,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

/* s is NUL-terminated (a text node's content). */
static void text_summarise(const unsigned char *s, text_sum *ts) {
  int owed = 0;
  memset(ts, 0, sizeof *ts);
  for (;;) {
    unsigned kind = BYTE_KIND[*s];
    if (kind == 0) {  /* a run of plain ASCII: the common case, counted at once */
      const unsigned char *start = s;
      while (BYTE_KIND[*++s] == 0) {}
      if (owed && ts->nvis) ts->ngaps++;
      owed = 0;
      ts->nvis += (size_t)(s - start);
      continue;
    }
    if (kind == 4) break;
    if (kind == 3) {  /* a NUL ends any sequence early, so this never reads past the end */
      unsigned cp;
      s += text_utf8_next(s, 4, &cp);
      kind = text_is_space_cp(cp) ? 1 : stats_is_punct_cp(cp) ? 2 : 0;
    } else {
      s++;
    }
    if (kind == 1) {
      if (!ts->nvis) ts->lead = 1;
      owed = ts->space = 1;
      continue;
    }
    if (owed && ts->nvis) ts->ngaps++;
    owed = 0;
    ts->nvis++;
    if (kind == 2) ts->npunct++;
  }
  ts->trail = (unsigned char)(owed && ts->nvis);
}

static void tally_text(walker *w, int k, const text_sum *ts) {
  tally *v = &w->v[k];
  unsigned level;
  int gap;
  if (!ts->nvis) {
    if (ts->space) tally_owe(v);
    return;
  }
  if (ts->lead) tally_owe(v);
  gap = v->owed && v->seen;
  level = v->run_level < v->depth ? v->run_level : v->depth;
  if (v->group != NONE) {
    w->fgap[k][v->group] = (unsigned char)(gap ? 1 + (level < 254 ? level : 254) : 0);
    v->group = NONE;
  }
  if (gap) {
    v->gaps++;
    tally_add_link(v, level, 1);
  }
  v->vis += ts->nvis;
  v->gaps += ts->ngaps;
  v->punct += ts->npunct;
  tally_add_link(v, v->depth, ts->nvis + ts->ngaps);
  v->seen = 1;
  v->owed = 0;
  if (ts->trail) tally_owe(v);
}

/* ---- the renderer (text.c's rules, so slices equal text_render) --------- */

static void r_pay(rstate *r, buf *out) {
  if (out->len == r->base) {
    r->owed_break = BREAK_NONE;
    r->owed_space = 0;
    return;
  }
  if (r->owed_break == BREAK_PARAGRAPH) buf_add(out, "\n\n", 2);
  else if (r->owed_break == BREAK_LINE) buf_addc(out, '\n');
  else if (r->owed_space) buf_addc(out, ' ');
  r->owed_break = BREAK_NONE;
  r->owed_space = 0;
}

static void r_owe(rstate *r, text_break b) {
  if (b > r->owed_break) r->owed_break = b;
}

static void r_text(rstate *r, buf *out, const unsigned char *s, size_t len) {
  size_t i = 0, start = 0;
  if (r->pre_depth) {
    if (len) { r_pay(r, out); buf_add(out, (const char *)s, len); }
    return;
  }
  while (i < len) {
    unsigned cp = s[i];
    size_t n = cp < 0x80 ? 1 : text_utf8_next(s + i, len - i, &cp);
    if (cp < 0x80 ? TEXT_ASCII_SPACE(cp) : text_is_space_cp(cp)) {
      if (i > start) { r_pay(r, out); buf_add(out, (const char *)s + start, i - start); }
      r->owed_space = 1;
      start = i + n;
    }
    i += n;
  }
  if (len > start) { r_pay(r, out); buf_add(out, (const char *)s + start, len - start); }
}

static void r_element(rstate *r, buf *out, xmlNodePtr n, unsigned kind, int entering) {
  if (kind & TK_BR) {
    if (entering) r_owe(r, BREAK_LINE);
    return;
  }
  if (kind & TK_PRE) r->pre_depth += entering ? 1u : (unsigned)-1;
  if (entering && (kind & TK_TR)) r->cell_in_row = 0;
  if (entering && (kind & TK_CELL)) {
    if (r->cell_in_row) { r_pay(r, out); buf_add(out, " | ", 3); }
    r->cell_in_row = 1;
  }
  if (entering && (kind & TK_IMG)) return;
  if (kind & TK_BREAK) r_owe(r, text_element_break(n->name));
}

/* ---- the walk ----------------------------------------------------------- */

void blocks_tree_init(blocks_tree *t) {
  t->rec = NULL;
  t->n = t->cap = 0;
}

void blocks_tree_free(blocks_tree *t) {
  free(t->rec);
  blocks_tree_init(t);
}

/* The first allocation is exactly need (at least 64): wk_presize asks for
 * the page's element count and depth, and doubling past them would waste up
 * to half of the largest arrays. Later growth doubles. */
static int grow(void **p, size_t *cap, size_t need, size_t size) {
  size_t c = *cap ? *cap : (need > 64 ? need : 64);
  void *q;
  if (need <= *cap) return 0;
  while (c < need) c *= 2;
  if (!(q = realloc(*p, c * size))) return -1;
  *p = q;
  *cap = c;
  return 0;
}

/* Room for need records in the tree and in the walker's per-record arrays. */
static int wk_room(walker *w, size_t need) {
  blocks_tree *t = w->t;
  int k;
  if (need <= t->cap && need <= w->wcap) return 0;
  if (grow((void **)&t->rec, &t->cap, need, sizeof *t->rec) != 0) return -1;
  if (w->wcap >= t->cap) return 0;
  for (k = 0; k < w->nviews; k++) {
    unsigned char *f = realloc(w->fgap[k], t->cap);
    if (!f) return -1;
    w->fgap[k] = f;
  }
  if (w->xstride) {
    size_t *x = realloc(w->xv, t->cap * w->xstride * sizeof *x);
    if (!x) return -1;
    w->xv = x;
  }
  w->wcap = t->cap;
  return 0;
}

static recx wk_x(const walker *w, size_t idx) {
  recx x;
  size_t *p = w->xv + idx * w->xstride;
  int nv = w->nviews;
  x.chars = p;
  x.link = p + nv;
  x.ts = w->render ? p + 2 * nv : NULL;
  x.te = w->render ? p + 2 * nv + 1 : NULL;
  return x;
}

static snapshot *wk_snaps(const walker *w, const frame *f) {
  return w->snaps + (size_t)(f - w->stack) * (size_t)w->nviews;
}

static int name_is(const xmlChar *name, const char *s) {
  return strcmp((const char *)name, s) == 0;
}

static int name_in(const xmlChar *name, const char *const *list) {
  for (; *list; list++)
    if (name_is(name, *list)) return 1;
  return 0;
}

static int cls_has(const classify *c, cls_set set, const xmlChar *name) {
  return c && classify_member(c, set, (const char *)name, strlen((const char *)name));
}

static unsigned tag_kind_of(const classify *c, const xmlChar *name) {
  static const char *const unlikely[] = { "nav", "footer", "menu", NULL };
  static const char *const prune[] = { "p", "div", "span", "small", "li", "ul", "ol", "section", "h2", "h3",
                                       "h4", "h5", "h6", "figcaption", "figure", "table",
                                       "blockquote", NULL };  /* "Read also:" set as a quote */
  static const char *const dense[] = { "ul", "ol", "div", "section", NULL };
  unsigned k = 0;
  if (name_is(name, "br")) k |= TK_BR | TK_BREAK;
  if (text_element_break(name) != BREAK_NONE) k |= TK_BREAK;
  if (name_is(name, "a")) k |= TK_A;
  if (name_is(name, "p")) k |= TK_P;
  if (name_is(name, "pre")) k |= TK_PRE;
  if (walk_is_invisible_tag(name)) k |= TK_INVISIBLE;
  if (name_is(name, "tr")) k |= TK_TR;
  if (name_is(name, "td") || name_is(name, "th")) k |= TK_CELL;
  if (name_is(name, "img")) k |= TK_IMG;
  if (name_in(name, unlikely)) k |= TK_UNLIKELY;
  if (name_in(name, prune)) k |= TK_PRUNE;
  if (name_in(name, dense)) k |= TK_DENSE;
  if (name_is(name, "figcaption")) k |= TK_FIGCAPTION;
  if (cls_has(c, CLS_TAG_CLEAN, name)) k |= TK_CLEAN;
  if (c) {
    long o = classify_index(c, CLS_TAG_OUTSIDE, (const char *)name, strlen((const char *)name));
    if (o >= 0) k |= TK_OUTSIDE | (unsigned)(o < 15 ? o : 15) << TK_ORDER_SHIFT;
  }
  if (cls_has(c, CLS_TAG_CONTENT, name)) k |= TK_CONTENT;
  return k;
}

/* Tag names are not interned in HTML documents: a small table keyed by the
 * name's bytes answers with one comparison per element. */
static unsigned tag_kind(walker *w, const xmlChar *name) {
  name_slot *slot;
  size_t h = 2166136261u;
  const xmlChar *p;
  if (!name) return 0;
  for (p = name; *p; p++) h = (h ^ *p) * 16777619u;
  slot = &w->names[h % NAME_SLOTS];
  if (!slot->name || strcmp((const char *)slot->name, (const char *)name) != 0) {
    slot->name = name;  /* stays valid: the walk changes nothing */
    slot->kind = tag_kind_of(w->cls, name);
  }
  return slot->kind;
}

static unsigned el_flags(walker *w, xmlNodePtr n, unsigned kind) {
  unsigned f = 0;
  if ((kind & TK_A) && xmlHasProp(n, (const xmlChar *)"href")) f |= EL_LINK;
  if (n != w->root && (kind & TK_INVISIBLE)) f |= EL_INVISIBLE;
  if (w->r.pre_depth) f |= EL_IN_PRE;
  return f;
}

/* Room for need open elements. */
static int wk_stack_room(walker *w, size_t need) {
  size_t scap = w->scap;
  snapshot *sn;
  if (need <= w->scap) return 0;
  if (grow((void **)&w->stack, &scap, need, sizeof *w->stack) != 0) return -1;
  if (!(sn = realloc(w->snaps, scap * (size_t)w->nviews * sizeof *sn))) return -1;
  w->snaps = sn;
  w->scap = scap;
  return 0;
}

typedef struct {
  size_t n, depth, max_depth;
} census;

static int census_step(xmlNodePtr n, int entering, void *ud) {
  census *c = ud;
  if (n->type != XML_ELEMENT_NODE) return WALK_CONTINUE;
  if (!entering) {
    c->depth--;
    return WALK_CONTINUE;
  }
  c->n++;
  if (++c->depth > c->max_depth) c->max_depth = c->depth;
  return WALK_CONTINUE;
}

/* The arrays at their final size before the first walk: grown while walking,
 * each doubling would copy them, and the old and new copies together are the
 * peak memory of a deep or large page. Counting the elements costs a walk
 * that reads no text. */
static int wk_presize(walker *w) {
  census c;
  memset(&c, 0, sizeof c);
  walk_tree(w->root, census_step, &c);
  return wk_room(w, c.n) != 0 || wk_stack_room(w, c.max_depth) != 0 ? -1 : 0;
}

static int wk_push(walker *w, xmlNodePtr n, unsigned kind, frame **fp) {
  blocks_tree *t = w->t;
  blocks_rec *r;
  size_t parent = w->depth ? w->stack[w->depth - 1].idx : NONE;
  if (wk_room(w, t->n + 1) != 0 || wk_stack_room(w, w->depth + 1) != 0) return -1;
  r = &t->rec[t->n];
  memset(r, 0, sizeof *r);
  r->node = n;
  r->parent = parent;
  if (parent != NONE) {
    unsigned char up = t->rec[parent].unlikely;
    r->unlikely = (w->stack[w->depth - 1].kind & TK_UNLIKELY) ? 1 : (up && up < UNLIKELY_REACH) ? up + 1 : 0;
  }
  *fp = &w->stack[w->depth++];
  (*fp)->idx = t->n++;
  (*fp)->save = NONE;
  (*fp)->kind = kind;
  return 0;
}

static int wk_save(walker *w, frame *f) {
  if (grow((void **)&w->saves, &w->savecap, w->nsaves + 1, sizeof *w->saves) != 0) return -1;
  memcpy(w->saves[w->nsaves].t, w->v, sizeof w->v);
  w->saves[w->nsaves].r = w->r;
  w->saves[w->nsaves].r.len = w->out.len;
  f->save = w->nsaves++;
  return 0;
}

/* An invisible element is a page of its own: stats_compute of a node inside
 * it never sees what lies outside, and nothing outside sees inside it. */
static void wk_fresh_context(walker *w) {
  int k;
  for (k = 0; k < w->nviews; k++) tally_fresh(&w->v[k]);
  memset(&w->r, 0, sizeof w->r);
  w->r.base = w->out.len;
  w->r.cell_src = NONE;
}

static void wk_stats_event(walker *w, const frame *f, int entering) {
  int k;
  for (k = 0; k < w->nviews; k++) {
    tally *v = &w->v[k];
    if (f->kind & TK_BREAK) tally_owe(v);
    if (f->flags & EL_LINK) v->depth += entering ? 1u : (unsigned)-1;
    if (entering && (f->kind & TK_P)) v->paras++;
  }
}

static int wk_enter(walker *w, xmlNodePtr n) {
  frame *f;
  int k;
  unsigned kind = tag_kind(w, n->name), flags = el_flags(w, n, kind);
  if (wk_push(w, n, kind, &f) != 0) return -1;
  f->flags = flags;
  if (w->enter && w->enter(w, f->idx)) flags |= EL_SAVE;
  if (w->failed || ((flags & (EL_SAVE | EL_INVISIBLE)) && wk_save(w, f) != 0)) return -1;
  if (flags & EL_INVISIBLE) wk_fresh_context(w);
  for (k = 0; k < w->nviews; k++) {
    tally *v = &w->v[k];
    snapshot *s = &wk_snaps(w, f)[k];
    if (v->group == NONE) v->group = f->idx;
    s->vis = (uint32_t)v->vis;
    s->gaps = (uint32_t)v->gaps;
    s->group = (uint32_t)v->group;
    s->d0 = v->depth;
    s->link = (uint32_t)(v->depth < LINK_LEVELS ? v->link[v->depth] : 0);
  }
  f->punct = (uint32_t)w->v[0].punct;
  f->paras = (uint32_t)w->v[0].paras;
  wk_stats_event(w, f, 1);
  if (w->render) {
    f->min_src = (kind & TK_CELL) && w->r.cell_in_row ? w->r.cell_src : NONE;
    r_element(&w->r, &w->out, n, kind, 1);
    if (kind & (TK_TR | TK_CELL)) w->r.cell_src = f->idx;
    *wk_x(w, f->idx).ts = w->out.len;
  }
  return 0;
}

/* The element's numbers in view k. */
static void wk_numbers(walker *w, int k, const snapshot *s, size_t *chars, size_t *link) {
  tally *v = &w->v[k];
  size_t vis = since(v->vis, s->vis), gaps = since(v->gaps, s->gaps);
  size_t lk = s->d0 < LINK_LEVELS ? since(v->link[s->d0], s->link) : 0;
  if (vis) {
    unsigned char g = w->fgap[k][s->group];
    if (g) {
      gaps--;
      if ((unsigned)(g - 1) > s->d0 && s->d0 < LINK_LEVELS) lk--;
    }
  }
  *chars = vis + gaps;
  *link = lk;
}

static void wk_restore(walker *w, const saved *sv, unsigned mask) {
  int k;
  for (k = 0; k < w->nviews; k++)
    if (mask & (1u << k)) w->v[k] = sv->t[k];
  if (w->render && (mask & (1u << RENDER_VIEW))) {
    w->r = sv->r;
    w->out.len = sv->r.len;
    if (w->out.data) w->out.data[w->out.len] = '\0';
  }
}

static int wk_leave(walker *w, xmlNodePtr n) {
  frame *f = &w->stack[w->depth - 1];
  blocks_rec *r = &w->t->rec[f->idx];
  unsigned mask = 0;
  int k;
  wk_stats_event(w, f, 0);
  if (w->render) {
    r_element(&w->r, &w->out, n, f->kind, 0);
    *wk_x(w, f->idx).te = w->out.len;
  }
  wk_numbers(w, 0, &wk_snaps(w, f)[0], &r->chars, &r->link_chars);
  r->punct = since(w->v[0].punct, f->punct);
  r->paragraphs = since(w->v[0].paras, f->paras);
  if (w->xstride) {
    recx x = wk_x(w, f->idx);
    for (k = 0; k < w->nviews; k++) wk_numbers(w, k, &wk_snaps(w, f)[k], &x.chars[k], &x.link[k]);
  }
  if (w->leave) mask = w->leave(w, f->idx);
  if (f->flags & EL_INVISIBLE) mask = (unsigned)-1;
  if (f->save != NONE) {
    if (mask) wk_restore(w, &w->saves[f->save], mask);
    w->nsaves--;
  }
  if (w->render && !(mask & (1u << RENDER_VIEW)) && w->depth > 1 && f->min_src < f[-1].min_src)
    f[-1].min_src = f->min_src;
  r->end = w->t->n;
  w->depth--;
  return 0;
}

static int wk_step(xmlNodePtr n, int entering, void *ud) {
  walker *w = ud;
  if (n->type == XML_ELEMENT_NODE) {
    if ((entering ? wk_enter(w, n) : wk_leave(w, n)) != 0) {
      w->failed = 1;
      return WALK_STOP;
    }
  } else if (entering && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
             n->content && w->depth) {
    text_sum ts;
    int k;
    text_summarise(n->content, &ts);
    for (k = 0; k < w->nviews; k++) tally_text(w, k, &ts);
    if (w->render) r_text(&w->r, &w->out, n->content, strlen((const char *)n->content));
  }
  return WALK_CONTINUE;
}

static void wk_init(walker *w, blocks_tree *t, xmlNodePtr root, int nviews, int render) {
  int k;
  memset(w, 0, sizeof *w);
  w->t = t;
  w->root = root;
  w->nviews = nviews;
  w->render = render;
  w->xstride = nviews > 1 || render ? (size_t)(2 * nviews + (render ? 2 : 0)) : 0;
  buf_init(&w->out);
  for (k = 0; k < VIEWS; k++) tally_fresh(&w->v[k]);
}

/* One walk of w->root; the walker keeps its arrays for another run. */
static int wk_run(walker *w) {
  int k;
  w->t->n = 0;
  w->depth = w->nsaves = 0;
  w->failed = 0;
  memset(w->v, 0, sizeof w->v);
  for (k = 0; k < VIEWS; k++) tally_fresh(&w->v[k]);
  memset(&w->r, 0, sizeof w->r);
  w->r.cell_src = NONE;
  buf_reset(&w->out);
  if (!w->wcap && wk_presize(w) != 0) return -1;
  walk_tree(w->root, wk_step, w);
  if (buf_failed(&w->out)) w->failed = 1;
  return w->failed ? -1 : 0;
}

static void wk_free(walker *w) {
  int k;
  for (k = 0; k < VIEWS; k++) free(w->fgap[k]);
  free(w->xv);
  free(w->stack);
  free(w->snaps);
  free(w->saves);
  buf_free(&w->out);
}

int blocks_annotate(xmlNodePtr root, blocks_tree *t) {
  walker w;
  int rc;
  t->n = 0;
  if (!root || root->type != XML_ELEMENT_NODE) return 0;
  wk_init(&w, t, root, 1, 0);
  rc = wk_run(&w);
  wk_free(&w);
  return rc;
}

double blocks_link_density(const blocks_rec *r) {
  return r->chars ? (double)r->link_chars / (double)r->chars : 0.0;
}

/* ---- marks ---------------------------------------------------------------- */

void blocks_marks_init(blocks_marks *m) {
  m->v = NULL;
  m->n = m->cap = 0;
}

void blocks_marks_free(blocks_marks *m) {
  free(m->v);
  blocks_marks_init(m);
}

static int marks_add(blocks_marks *m, xmlNodePtr n, blocks_why why, const char *word, size_t chars) {
  if (grow((void **)&m->v, &m->cap, m->n + 1, sizeof *m->v) != 0) return -1;
  m->v[m->n].node = n;
  m->v[m->n].why = why;
  m->v[m->n].word = word;
  m->v[m->n].chars = chars;
  m->n++;
  return 0;
}

/* The value of attribute a: its text node's content when it has one (no copy),
 * else a copy in *copy, which the caller frees. */
static const char *attr_text(xmlAttrPtr a, xmlChar **copy) {
  *copy = NULL;
  if (!a->children) return "";
  if (a->children->type == XML_TEXT_NODE && !a->children->next && a->children->content)
    return (const char *)a->children->content;
  *copy = xmlNodeGetContent((xmlNodePtr)a);
  return *copy ? (const char *)*copy : "";
}

/* The value of attribute `name`, as attr_text; NULL when absent. */
static const char *attr_value(xmlNodePtr n, const char *name, xmlChar **copy) {
  xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);
  *copy = NULL;
  return a ? attr_text(a, copy) : NULL;
}

/* Lua's "%s" in the C locale. */
static int is_lua_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int is_lua_punct(unsigned char c) {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/* s (lowercased) holds `what` "%s*:%s*" `value`. */
static int style_has(const char *s, size_t len, const char *what, const char *value) {
  size_t wl = strlen(what), vl = strlen(value), i, j;
  for (i = 0; i + wl <= len; i++) {
    size_t k;
    for (k = 0; k < wl && (s[i + k] | 0x20) == what[k]; k++) {}
    if (k < wl) continue;
    j = i + wl;
    while (j < len && is_lua_space((unsigned char)s[j])) j++;
    if (j >= len || s[j] != ':') continue;
    j++;
    while (j < len && is_lua_space((unsigned char)s[j])) j++;
    for (k = 0; k < vl && j + k < len && ((unsigned char)s[j + k] | 0x20) == (unsigned char)value[k]; k++) {}
    if (k == vl) return 1;
  }
  return 0;
}

/* pipeline.is_hidden, in one pass over the attributes. Letters compare
 * case-insensitively, as after :lower(). */
static int is_hidden(xmlNodePtr n) {
  xmlAttrPtr a;
  for (a = n->properties; a; a = a->next) {
    const char *name = (const char *)a->name, *v;
    xmlChar *copy;
    int hidden = 0;
    if (!name) continue;
    if (strcmp(name, "hidden") == 0) return 1;
    if (strcmp(name, "aria-hidden") == 0) {
      v = attr_text(a, &copy);
      hidden = strcmp(v, "true") == 0;
    } else if (strcmp(name, "style") == 0) {
      size_t len;
      v = attr_text(a, &copy);
      len = strlen(v);
      hidden = style_has(v, len, "display", "none") || style_has(v, len, "visibility", "hidden");
    } else {
      continue;
    }
    xmlFree(copy);
    if (hidden) return 1;
  }
  return 0;
}

/* The tag bits of the element the walk is at (in enter and leave hooks). */
static unsigned current_kind(const walker *w) {
  return w->stack[w->depth - 1].kind;
}

/* Removal guards, as pipeline.drop and take_captions write them. */
static int guard_keeps(size_t chars, size_t total) { return total > 0 && chars > total / 2.0; }
static int caption_fits(size_t chars, size_t total) { return chars <= total / 2.0; }

/* A list of teasers: a ul or ol of at least TEASER_ITEMS items, each holding
 * a link, and no paragraph (the titles of other stories, with their
 * summaries). Such a list whose class says boilerplate ("related-posts")
 * goes even when it is most of the body, and does not count for the class
 * guard: below a short story it is often the larger part, and it is never
 * the story. */
#define TEASER_ITEMS 3
static int holds_link(const blocks_tree *t, size_t i) {
  size_t k;
  for (k = i; k < t->rec[i].end; k++)
    if (walk_is_element(t->rec[k].node, "a") && xmlHasProp(t->rec[k].node, (const xmlChar *)"href")) return 1;
  return 0;
}

static int is_teaser_list(const blocks_tree *t, size_t idx) {
  const blocks_rec *r = &t->rec[idx];
  size_t i, items = 0;
  if ((!walk_is_element(r->node, "ul") && !walk_is_element(r->node, "ol")) || r->paragraphs) return 0;
  for (i = idx + 1; i < r->end; i = t->rec[i].end) {
    if (!walk_is_element(t->rec[i].node, "li")) continue;
    if (!holds_link(t, i)) return 0;
    items++;
  }
  return items >= TEASER_ITEMS;
}

/* Decisions per record, shared by clean and prune. */
enum { ST_NONE = 0, ST_A, ST_B, ST_C, ST_D_LINE, ST_D_DENSE, ST_HIDDEN };

typedef struct {
  const classify *c;
  unsigned char *cand;   /* candidate kinds (bits), per record */
  unsigned char *state;  /* ST_*: why it is removed */
  const char **word;     /* class/id word of ST_B candidates (prune only: NULL for clean) */
  int words;             /* word is kept */
  size_t cap;
  int known;             /* total is known: guards apply during the walk */
  size_t total;
  int trip;              /* class/id marks are not trusted in this run */
  size_t line_max;
  int na;                /* prune: views of stage a, less one */
  unsigned char *gview;  /* the view a removal's guard read, per record */
  int favor;             /* BLOCKS_FAVOR_* */
  double dense;          /* link density above which a ul/ol/div/section is pruned */
} judge;

static int judge_reserve(judge *j, size_t n) {
  size_t cap = j->cap;
  unsigned char *st;
  const char **wd;
  if (n <= j->cap) return 0;
  if (grow((void **)&j->cand, &cap, n, 1) != 0) return -1;
  if (!(st = realloc(j->state, cap))) return -1;
  j->state = st;
  if (j->words) {
    if (!(wd = realloc(j->word, cap * sizeof *wd))) return -1;
    j->word = wd;
  }
  if (!(st = realloc(j->gview, cap))) return -1;
  j->gview = st;
  j->cap = cap;
  return 0;
}

static void judge_free(judge *j) {
  free(j->cand);
  free(j->state);
  free(j->word);
  free(j->gview);
}

/* Before the body's size is known, the walk removes every candidate and the
 * guards are checked afterwards (guards_hold); a failure means another run. */
static int judge_allows(const judge *j, int ok) {
  return j->known ? ok : 1;
}

/* ---- clean ---------------------------------------------------------------- */

/* Clean's one view: the page without the listed tags (what Lua's hidden pass
 * and the tags' own guards see). The body's size on the whole page comes from
 * stats_compute: a second view would cost every open element a snapshot, and
 * pages nest 100,000 levels deep. */
enum { C_NO_TAGS, C_VIEWS };
enum { CLEAN_TAG = 1, CLEAN_HIDDEN = 2, CLEAN_UNSEEN = 4 };

/* gview of a removal no guard reads: an element whose content the text never
 * shows (script, style, svg, ...). Its size is no measure of the page's text:
 * a 100 KB script of page state in <head> would otherwise "hold most of the
 * page" and cost a second walk, only to be kept for nothing. */
#define GVIEW_UNGUARDED 0xFF

/* A record's characters in view k (the records' own numbers are view 0's). */
static size_t view_chars(const walker *w, size_t idx, int k) {
  return w->xstride ? wk_x(w, idx).chars[k] : w->t->rec[idx].chars;
}

static int clean_enter(walker *w, size_t idx) {
  judge *j = w->ud;
  xmlNodePtr n = w->t->rec[idx].node;
  if (judge_reserve(j, w->t->cap) != 0) { w->failed = 1; return 0; }  /* once: the tree is presized */
  j->cand[idx] = 0;
  j->state[idx] = ST_NONE;
  if (n == w->root) return 0;
  if (current_kind(w) & TK_CLEAN)
    j->cand[idx] = (unsigned char)(CLEAN_TAG | ((current_kind(w) & TK_INVISIBLE) ? CLEAN_UNSEEN : 0));
  else if (n->properties && is_hidden(n)) j->cand[idx] = CLEAN_HIDDEN;
  return j->cand[idx] != 0;
}

static unsigned clean_leave(walker *w, size_t idx) {
  judge *j = w->ud;
  if (w->failed || !j->cand[idx]) return 0;
  j->gview[idx] = (j->cand[idx] & CLEAN_UNSEEN) ? GVIEW_UNGUARDED : C_NO_TAGS;
  if (j->gview[idx] != GVIEW_UNGUARDED &&
      !judge_allows(j, !guard_keeps(view_chars(w, idx, C_NO_TAGS), j->total)))
    return 0;
  if (j->cand[idx] == CLEAN_HIDDEN) {
    j->state[idx] = ST_HIDDEN;
    return 0;  /* no view reads the page without hidden blocks */
  }
  j->state[idx] = ST_A;
  return 1u << C_NO_TAGS;
}

/* Whether every removal of an optimistic run passes its guard. */
static int guards_hold(const walker *w, const judge *j) {
  size_t i;
  for (i = 0; i < w->t->n; i++) {
    unsigned char st = j->state[i];
    if (st == ST_A || (st == ST_B && !is_teaser_list(w->t, i)) || st == ST_HIDDEN) {
      if (j->gview[i] != GVIEW_UNGUARDED && guard_keeps(view_chars(w, i, j->gview[i]), j->total)) return 0;
    } else if (st == ST_C && !caption_fits(view_chars(w, i, j->gview[i]), j->total)) {
      return 0;
    }
  }
  return 1;
}

static size_t body_index(const blocks_tree *t) {
  size_t i;
  for (i = 1; i < t->n; i++)
    if (t->rec[i].parent == 0 && walk_is_element(t->rec[i].node, "body")) return i;
  return NONE;
}

static int emit_one(walker *w, judge *j, size_t i, blocks_marks *out, blocks_marks *captions) {
  xmlNodePtr n = w->t->rec[i].node;
  size_t chars = view_chars(w, i, w->nviews - 1);
  switch (j->state[i]) {
    case ST_C: return marks_add(captions, n, BLOCKS_CAPTION, NULL, chars);
    case ST_A: return marks_add(out, n, BLOCKS_TAG, NULL, chars);
    case ST_HIDDEN: return marks_add(out, n, BLOCKS_HIDDEN, NULL, chars);
    case ST_B: return marks_add(out, n, BLOCKS_CLASS, j->word[i], chars);
    case ST_D_LINE: return marks_add(out, n, BLOCKS_LINE, NULL, chars);
    default: return marks_add(out, n, BLOCKS_LINK_DENSE, NULL, chars);
  }
}

/* Removed records in document order (all of them with BLOCKS_NESTED), as
 * Lua's stages would remove them: outermost, except that captions are taken
 * after the tag and class/id stages and before lines and link-dense blocks.
 * So a caption inside a late block is listed, and so is a tag or class/id
 * mark inside a caption (removed first, the caption's text is Lua's). */
static int emit_marks(walker *w, judge *j, int flags, blocks_marks *out, blocks_marks *captions) {
  const blocks_tree *t = w->t;
  size_t i, early = 0, cap = 0, late = 0;  /* ends of the enclosing removed subtrees, by stage */
  for (i = 0; i < t->n; i++) {
    unsigned char st = j->state[i];
    size_t end = t->rec[i].end;
    int show;
    if (st == ST_NONE || (i < early && !(flags & BLOCKS_NESTED))) continue;
    if (st == ST_C) {
      show = i >= cap;
      if (show) cap = end;
    } else if (st == ST_D_LINE || st == ST_D_DENSE) {
      show = i >= cap && i >= late;
      if (show) late = end;
    } else {
      show = i < cap || i >= late;
      early = end;
    }
    if ((show || (flags & BLOCKS_NESTED)) && emit_one(w, j, i, out, captions) != 0) return -1;
  }
  return 0;
}

/* Whether every guard of an optimistic clean run passes without the body's
 * size: the body's characters without the removed blocks (lower) never
 * exceed its size, so blocks of at most half of them pass whatever it is.
 * Counting the body again is then needless. */
static int clean_guards_sure(const walker *w, const judge *j, size_t lower) {
  size_t i;
  for (i = 0; i < w->t->n; i++) {
    unsigned char st = j->state[i];
    if ((st == ST_A || st == ST_HIDDEN) && j->gview[i] != GVIEW_UNGUARDED &&
        view_chars(w, i, j->gview[i]) > lower / 2.0)
      return 0;
  }
  return 1;
}

int blocks_clean_marks(xmlDocPtr doc, const classify *c, int flags, blocks_marks *out) {
  blocks_tree t;
  walker w;
  judge j;
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  size_t body;
  int rc = 0;
  if (!root) return 0;
  blocks_tree_init(&t);
  memset(&j, 0, sizeof j);
  j.c = c;
  wk_init(&w, &t, root, C_VIEWS, 0);
  w.cls = c;
  w.enter = clean_enter;
  w.leave = clean_leave;
  w.ud = &j;
  rc = wk_run(&w);
  if (rc == 0) {  /* the first run assumed every guard passes; body's size is known now */
    body = body_index(&t);
    if (body != NONE && !clean_guards_sure(&w, &j, t.rec[body].chars)) {
      node_stats st;
      stats_compute(t.rec[body].node, &st);
      j.total = st.chars;
      j.known = 1;
      if (!guards_hold(&w, &j)) rc = wk_run(&w);
    }
  }
  if (rc == 0) rc = emit_marks(&w, &j, flags, out, out);
  judge_free(&j);
  wk_free(&w);
  blocks_tree_free(&t);
  return rc;
}

/* ---- body ----------------------------------------------------------------- */

static void silent_error(void *ctx, xmlErrorPtr err) {
  (void)ctx;
  (void)err;
}

/* ---- body selectors -------------------------------------------------------- */

/* The direct form of css (match.c), when it is one compound; else NULL (or
 * memory ran out), and XPath answers. */
static match_sel *simple_parse(const char *css) {
  match_sel *m;
  if (match_compile(css, strlen(css), &m) != MATCH_OK) return NULL;
  if (!match_is_compound(m)) {
    match_free(m);
    return NULL;
  }
  return m;
}

int blocks_selectors_compile(blocks_selectors *s, const char *const *css, size_t n,
                             char *err, size_t errsz) {
  xmlXPathContextPtr xp = xmlXPathNewContext(NULL);
  size_t i;
  int rc = 0;
  memset(s, 0, sizeof *s);
  if (!xp || !(s->css = calloc(n ? n : 1, sizeof *s->css)) ||
      !(s->comp = calloc(n ? n : 1, sizeof *s->comp)) ||
      !(s->simple = calloc(n ? n : 1, sizeof *s->simple))) {
    snprintf(err, errsz, "out of memory");
    rc = -1;
  }
  if (xp) xp->error = silent_error;
  for (i = 0; rc == 0 && i < n; i++) {
    buf b;
    buf_init(&b);
    s->n = i + 1;
    if (css_compile(css[i], strlen(css[i]), &b, err, errsz) != 0 || buf_failed(&b)) {
      rc = -1;
    } else if (!(s->comp[i] = xmlXPathCtxtCompile(xp, (const xmlChar *)buf_cstr(&b))) ||
               !(s->css[i] = malloc(strlen(css[i]) + 1))) {
      snprintf(err, errsz, "cannot compile selector '%s'", css[i]);
      rc = -1;
    } else {
      strcpy(s->css[i], css[i]);
      s->simple[i] = simple_parse(css[i]);
    }
    buf_free(&b);
  }
  if (xp) xmlXPathFreeContext(xp);
  if (rc != 0) blocks_selectors_free(s);
  return rc;
}

void blocks_selectors_free(blocks_selectors *s) {
  size_t i;
  for (i = 0; i < s->n; i++) {
    if (s->comp && s->comp[i]) xmlXPathFreeCompExpr(s->comp[i]);
    if (s->css) free(s->css[i]);
    if (s->simple) match_free(s->simple[i]);
  }
  free(s->simple);
  free(s->comp);
  free(s->css);
  memset(s, 0, sizeof *s);
}

/* Non-link characters as structural_body computes them. */
static double text_chars(const blocks_rec *r) {
  return (double)r->chars * (1 - blocks_link_density(r));
}

/* Node -> record index through _private, set only for the selectors' lookups. */
static void map_records(const blocks_tree *t, int on) {
  size_t i;
  for (i = 0; i < t->n; i++) t->rec[i].node->_private = on ? (void *)(t->rec + i) : NULL;
}

/* The best match of one selector: index or NONE; -1 when evaluation failed. */
static int best_match(const blocks_tree *t, xmlXPathContextPtr xp, xmlXPathCompExprPtr comp,
                      xmlDocPtr doc, size_t *best, double *best_chars) {
  xmlXPathObjectPtr o;
  int k;
  xp->node = (xmlNodePtr)doc;
  if (!(o = xmlXPathCompiledEval(comp, xp))) return -1;
  *best = NONE;
  *best_chars = 0;
  if (o->type == XPATH_NODESET && o->nodesetval) {
    for (k = 0; k < o->nodesetval->nodeNr; k++) {
      xmlNodePtr n = o->nodesetval->nodeTab[k];
      const blocks_rec *r = n->type == XML_ELEMENT_NODE ? n->_private : NULL;
      double chars;
      if (!r || r < t->rec || r >= t->rec + t->n || r->node != n) continue;
      chars = text_chars(r);
      if (chars > *best_chars) { *best = (size_t)(r - t->rec); *best_chars = chars; }
    }
  }
  xmlXPathFreeObject(o);
  return 0;
}

/* The best match of every simple selector, in one pass over the records. */
static int best_simple(const blocks_tree *t, const blocks_selectors *sel, size_t *best, double *best_chars) {
  size_t i, s;
  for (s = 0; s < sel->n; s++) {
    best[s] = NONE;
    best_chars[s] = 0;
  }
  for (i = 0; i < t->n; i++) {
    double chars = text_chars(&t->rec[i]);
    if (chars <= 0) continue;  /* never better than nothing */
    for (s = 0; s < sel->n; s++) {
      if (sel->simple[s] && chars > best_chars[s] && match_compound_holds(sel->simple[s], t->rec[i].node)) {
        best[s] = i;
        best_chars[s] = chars;
      }
    }
  }
  return 0;
}

/* A story cut in parts (sections of one article, each matching the
 * selector, with figures, ads and wrappers between them): the nearest common
 * ancestor of the parts holding text is the body, when the parts hold most of
 * its text. */
#define PART_CHARS 100  /* non-link characters a match needs to count as a part */
static size_t rec_depth(const blocks_tree *t, size_t i) {
  size_t d = 0;
  for (; t->rec[i].parent != NONE; i = t->rec[i].parent) d++;
  return d;
}

static size_t common_ancestor(const blocks_tree *t, size_t a, size_t b) {
  size_t da = rec_depth(t, a), db = rec_depth(t, b);
  for (; da > db; da--) a = t->rec[a].parent;
  for (; db > da; db--) b = t->rec[b].parent;
  while (a != b) { a = t->rec[a].parent; b = t->rec[b].parent; }
  return a;
}

static size_t parts_parent(const blocks_tree *t, const match_sel *p, size_t best) {
  size_t i, anc = best, parts = 0, end = 0;
  double sum = 0;
  for (i = 0; i < t->n; i++) {
    double chars = text_chars(&t->rec[i]);
    if (i < end || chars < PART_CHARS || !match_compound_holds(p, t->rec[i].node)) continue;
    end = t->rec[i].end;  /* a match inside a part is part of it */
    sum += chars;
    parts++;
    anc = common_ancestor(t, anc, i);  /* best is one of the parts, maybe not the first */
    if (parts > 64) return best;  /* a listing page's teasers, not parts of one story */
  }
  if (parts < 2 || anc == 0 || sum < 0.6 * text_chars(&t->rec[anc])) return best;
  return anc;
}

static int structural_body(const blocks_tree *t, xmlDocPtr doc, xmlXPathContextPtr xp,
                           const blocks_selectors *sel, double min_chars, blocks_body *out) {
  size_t s, *best = malloc(sel->n * sizeof *best);
  double *chars = malloc(sel->n * sizeof *chars);
  int rc = 0, mapped = 0;
  if (!best || !chars) { free(best); free(chars); return -1; }
  best_simple(t, sel, best, chars);
  for (s = 0; s < sel->n && !out->node; s++) {
    if (!sel->simple[s]) {
      if (!xp) { rc = -1; break; }
      if (!mapped) map_records(t, mapped = 1);
      if ((rc = best_match(t, xp, sel->comp[s], doc, &best[s], &chars[s])) != 0) break;
    }
    if (best[s] != NONE && chars[s] >= min_chars) {
      if (sel->simple[s]) best[s] = parts_parent(t, sel->simple[s], best[s]);
      out->node = t->rec[best[s]].node;
      out->selector = s;
      out->score = chars[s];
    }
  }
  if (mapped) map_records(t, 0);
  free(best);
  free(chars);
  return rc;
}

/* Readability's class weight: boilerplate words cost, content words earn. */
static int class_weight(const classify *c, xmlNodePtr n) {
  static const char *const attrs[] = { "class", "id" };
  int w = 0, i;
  for (i = 0; i < 2; i++) {
    xmlChar *copy;
    const char *v = attr_value(n, attrs[i], &copy);
    if (v && *v) {
      size_t len = strlen(v);
      if (classify_reason(c, v, len)) w -= 25;
      if (classify_has_word(c, CLS_LIKELY, v, len)) w += 25;
    }
    xmlFree(copy);
  }
  return w;
}

static int is_scored(xmlNodePtr n) {
  return walk_is_element(n, "p") || walk_is_element(n, "pre") || walk_is_element(n, "td") ||
         walk_is_element(n, "blockquote");
}

/* Elements that make a div a container of blocks rather than a paragraph
 * (Readability's DIV_TO_P_ELEMS, with the sectioning and heading tags). */
static int is_block_content(xmlNodePtr n) {
  static const char *const tags[] = { "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul",
                                      "section", "article", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
                                      NULL };
  return name_in(n->name, tags);
}

/* A text div: a div without block content inside, holding a paragraph of
 * text (set with <br>, or one div per paragraph: chapters, forum posts, old
 * pages), which scored_body may score as a paragraph. */
#define TEXT_DIV_CHARS 100  /* a paragraph's worth: not a label or a date */
#define TEXT_DIV_SHARE 2    /* how many times the body's text the text divs must hold to be scored */
static int is_text_div(const blocks_rec *r, unsigned char holds_blocks) {
  return !holds_blocks && r->chars >= TEXT_DIV_CHARS && r->punct && walk_is_element(r->node, "div");
}

/* Per record, 1 when a descendant is block content: one pass from the last
 * record back, each telling its parent. */
static unsigned char *mark_block_holders(const blocks_tree *t) {
  unsigned char *holds = calloc(t->n ? t->n : 1, 1);
  size_t i;
  if (!holds) return NULL;
  for (i = t->n; i-- > 1;) {
    size_t p = t->rec[i].parent;
    if (p != NONE && (holds[i] || is_block_content(t->rec[i].node))) holds[p] = 1;
  }
  return holds;
}

typedef struct {
  double *score;
  unsigned char *seen;
  size_t *order, n;
} scores;

static void credit(const classify *c, const blocks_tree *t, scores *s, size_t i, double points) {
  if (i == NONE) return;
  if (!s->seen[i]) {  /* first credit: ties go to the first */
    s->seen[i] = 1;
    s->score[i] = class_weight(c, t->rec[i].node);
    s->order[s->n++] = i;
  }
  s->score[i] += points;
}

/* Whether a sibling of the best candidate belongs to the article, as
 * Readability judges: a score close to the best (a bonus when it shares the
 * best's class), or a paragraph of text with few links. */
static int sibling_belongs(const blocks_tree *t, const scores *s, size_t i, size_t bi, double best) {
  const blocks_rec *r = &t->rec[i];
  double ld = blocks_link_density(r), bonus = 0;
  xmlChar *a = xmlGetProp(r->node, (const xmlChar *)"class"), *b;
  if (a && *a && (b = xmlGetProp(t->rec[bi].node, (const xmlChar *)"class")) != NULL) {
    if (xmlStrEqual(a, b)) bonus = best * 0.2;
    xmlFree(b);
  }
  xmlFree(a);
  if (s->seen[i] && s->score[i] * (1 - ld) + bonus >= (best * 0.2 > 10 ? best * 0.2 : 10)) return 1;
  return walk_is_element(r->node, "p") && ((r->chars > 80 && ld < 0.25) || (r->chars > 0 && ld == 0 && r->punct > 0));
}

/* The best candidate plus the siblings that belong with it: when any does,
 * the parent is the body and its other children holding text are dropped. */
static int add_siblings(const blocks_tree *t, const scores *s, size_t bi, double best, blocks_body *out) {
  size_t parent = t->rec[bi].parent, i;
  int any = 0;
  if (parent == NONE || parent == 0 || walk_is_element(t->rec[parent].node, "body")) return 0;
  for (i = parent + 1; i < t->rec[parent].end; i = t->rec[i].end)
    if (i != bi && sibling_belongs(t, s, i, bi, best)) any = 1;
  if (!any) return 0;
  for (i = parent + 1; i < t->rec[parent].end; i = t->rec[i].end) {
    if (i == bi || sibling_belongs(t, s, i, bi, best) || !t->rec[i].chars) continue;
    if (marks_add(&out->drop, t->rec[i].node, BLOCKS_APART, NULL, t->rec[i].chars) != 0) return -1;
  }
  out->node = t->rec[parent].node;
  return 0;
}

/* One scoring pass: the paragraphs (and, when divs is set, the text divs)
 * credit their parent and grandparent; the best candidate with the
 * siblings that belong with it. Its record's index in *bi, NONE if none. */
static int scored_pass(const blocks_tree *t, const classify *c, const unsigned char *holds, int divs,
                       scores *s, blocks_body *out, size_t *bi) {
  size_t i;
  double best = 0;
  s->n = 0;
  memset(s->seen, 0, t->n ? t->n : 1);
  *bi = NONE;
  for (i = 0; i < t->n; i++) {
    const blocks_rec *r = &t->rec[i];
    if ((is_scored(r->node) ? r->chars >= 25 : divs && is_text_div(r, holds[i])) && !r->unlikely) {
      size_t cap = r->chars / 100 < 3 ? r->chars / 100 : 3;
      double points = (double)(1 + r->punct + cap);
      credit(c, t, s, r->parent, points);
      if (r->parent != NONE) credit(c, t, s, t->rec[r->parent].parent, points / 2);
    }
  }
  for (i = 0; i < s->n; i++) {
    const blocks_rec *r = &t->rec[s->order[i]];
    double v = s->score[s->order[i]] * (1 - blocks_link_density(r));
    if (v > best) { best = v; out->node = r->node; out->score = v; *bi = s->order[i]; }
  }
  return *bi != NONE ? add_siblings(t, s, *bi, best, out) : 0;
}

/* Whether record i has b's tag and b's class value, which is not empty. */
static int same_class(const blocks_tree *t, size_t i, const xmlChar *tag, const xmlChar *cls) {
  xmlChar *v;
  int yes;
  if (!xmlStrEqual(t->rec[i].node->name, tag)) return 0;
  v = xmlGetProp(t->rec[i].node, (const xmlChar *)"class");
  yes = v && xmlStrEqual(v, cls);
  xmlFree(v);
  return yes;
}

/* A scored story cut in parts, as structural_body's parts_parent: the
 * blocks with the best candidate's tag and class ("post__content"), each
 * holding a few paragraphs, when there are several and they hold most of
 * the text of their nearest common ancestor, which is then the body. NONE
 * otherwise. A class alone says less than a selector of article bodies:
 * fields of one CMS template ("field-item") share it, a summary with the
 * story, so a part must be longer than a summary. */
#define SCORED_PART_CHARS 500
static size_t class_parts_parent(const blocks_tree *t, size_t best) {
  xmlChar *cls = xmlGetProp(t->rec[best].node, (const xmlChar *)"class");
  size_t i, anc = best, parts = 0, end = 0;
  double sum = 0;
  if (!cls || !*cls) { xmlFree(cls); return NONE; }
  for (i = 0; i < t->n && parts <= 64; i++) {
    double chars = text_chars(&t->rec[i]);
    if (i < end || chars < SCORED_PART_CHARS || !same_class(t, i, t->rec[best].node->name, cls)) continue;
    end = t->rec[i].end;  /* a match inside a part is part of it */
    sum += chars;
    parts++;
    anc = common_ancestor(t, anc, i);
  }
  xmlFree(cls);
  if (parts < 2 || parts > 64 || anc == 0 || sum < 0.6 * text_chars(&t->rec[anc])) return NONE;
  return anc;
}

/* The characters of the text divs outside nav, footer and menu. */
static size_t text_div_chars(const blocks_tree *t, const unsigned char *holds) {
  size_t i, sum = 0;
  for (i = 0; i < t->n; i++)
    if (!t->rec[i].unlikely && is_text_div(&t->rec[i], holds[i])) sum += t->rec[i].chars;
  return sum;
}

/* Readability's scoring over paragraphs; when divs of text without any
 * block inside (a story set with <br>, one div per paragraph) hold far more
 * text than the body found, again with those divs scored as paragraphs.
 * Only then: a div may as well be a summary or a teaser beside a story of
 * <p>s. */
static int scored_body(const blocks_tree *t, const classify *c, blocks_body *out) {
  scores s;
  unsigned char *holds;
  size_t bi;
  int rc;
  s.score = malloc((t->n ? t->n : 1) * sizeof *s.score);
  s.order = malloc((t->n ? t->n : 1) * sizeof *s.order);
  s.seen = malloc(t->n ? t->n : 1);
  holds = mark_block_holders(t);
  if (!s.score || !s.order || !s.seen || !holds) {
    free(s.score); free(s.order); free(s.seen); free(holds);
    return -1;
  }
  rc = scored_pass(t, c, holds, 0, &s, out, &bi);
  if (rc == 0 && text_div_chars(t, holds) > TEXT_DIV_SHARE * (bi != NONE ? t->rec[bi].chars : 0)) {
    out->node = NULL;
    out->score = 0;
    out->drop.n = 0;
    rc = scored_pass(t, c, holds, 1, &s, out, &bi);
  }
  if (rc == 0 && bi != NONE) {  /* the parts' ancestor, unless the body holds them already */
    size_t anc = class_parts_parent(t, bi), k;
    for (k = bi; anc != NONE && k != NONE && t->rec[k].node != out->node; k = t->rec[k].parent) {}
    if (anc != NONE && (k == NONE || anc < k)) out->node = t->rec[anc].node;
  }
  free(s.score);
  free(s.order);
  free(s.seen);
  free(holds);
  return rc;
}

void blocks_body_free(blocks_body *b) {
  blocks_marks_free(&b->drop);
}

int blocks_best_body(xmlDocPtr doc, const classify *c, xmlXPathContextPtr xp,
                     const blocks_selectors *sel, double min_chars, blocks_body *out) {
  blocks_tree t;
  xmlXPathContextPtr own = NULL;
  int rc;
  out->node = NULL;
  out->selector = NONE;
  out->score = 0;
  blocks_marks_init(&out->drop);
  blocks_tree_init(&t);
  if (blocks_annotate(xmlDocGetRootElement(doc), &t) != 0) return -1;
  rc = 0;
  if (sel && sel->n) {
    if (!xp && (xp = own = xmlXPathNewContext(doc)) != NULL) own->error = silent_error;
    rc = structural_body(&t, doc, xp, sel, min_chars, out);
    if (own) xmlXPathFreeContext(own);
  }
  if (rc == 0 && !out->node) rc = scored_body(&t, c, out);
  blocks_tree_free(&t);
  return rc;
}

/* ---- prune ---------------------------------------------------------------- */

/* Prune's views follow pipeline.prune's stages. Stage a removes the outside
 * tags one tag after another (nav, then header, ...): view k (k = 0 .. na)
 * is the body without the outside tags before the k-th, so view 0 is the
 * whole body and view na is the body without any (P_NO_A). Then the body
 * without a and the class/id marks (b), and without a, b and captions (c).
 * Each removal's guard reads the view its stage saw; lines and link-dense
 * blocks (d) read the last. */
#define A_ORDERS 5  /* outside tags followed one by one; later ones share the last view */
#define P_NO_A(j) ((j)->na)
#define P_NO_AB(j) ((j)->na + 1)
#define P_NO_ABC(j) ((j)->na + 2)

/* CAND_B_LINKED: a content tag (p, h2 ...) whose class or id says boilerplate
 * ("newsletter-promo"): its class alone never removes it, but it goes with
 * the class/id marks when its text is mostly a link and a sentence long (a
 * promotion or a teaser set as a paragraph; a short link is a name or a tag,
 * left to the other rules). It does not count for the class guard. */
#define LINKED_MIN_CHARS 40
enum { CAND_A = 1, CAND_B = 2, CAND_C = 4, CAND_LINE = 8, CAND_DENSE = 16, CAND_IN_PRE = 32,
       CAND_B_LINKED = 64, CAND_ALT = 128 };
#define PRE_RENDER_MAX 64  /* elements a block may hold to be rendered on its own (is_line) */

static const char *class_reason(const classify *c, xmlNodePtr n) {
  static const char *const attrs[] = { "class", "id" };
  const char *why = NULL;
  int i;
  for (i = 0; i < 2 && !why; i++) {
    xmlChar *copy;
    const char *v = attr_value(n, attrs[i], &copy);
    if (v) why = classify_reason(c, v, strlen(v));
    xmlFree(copy);
  }
  return why;
}

static int is_caption(const classify *c, xmlNodePtr n, unsigned kind) {
  xmlChar *copy;
  const char *v;
  int yes = 0;
  if (kind & TK_FIGCAPTION) return 1;
  /* a heading or a table is content whatever its class says; a paragraph
   * classed as a caption ("wp-caption-text", "caption") is the caption */
  if ((kind & TK_CONTENT) && !name_is(n->name, "p")) return 0;
  v = attr_value(n, "class", &copy);
  if (v) yes = classify_has_word(c, CLS_CAPTION, v, strlen(v));
  xmlFree(copy);
  return yes;
}

/* A caption without a caption class: the block right after an image (its
 * previous sibling is the <img>, or an element holding one and no text, as
 * <picture>, <a> or <figure>) that repeats the image's alt or title text
 * ("<figure><img alt=X></figure><div>X</div>", "Enlarge X (c) agency"). */
#define ALT_MIN 20        /* folded bytes an alt text needs: short ones ("photo", a name) match by chance */
#define ALT_EXTRA 48      /* folded bytes a caption may hold beyond the alt (a credit, "Enlarge") */
#define ALT_REACH 32      /* elements of the previous sibling looked through for the image */

static void lead_fold(const char *s, size_t len, buf *out);
static int lead_has(const char *hay, size_t hl, const char *needle, size_t nl);
static int lead_is_heading(xmlNodePtr n);
static int lead_has_text(xmlNodePtr n);

typedef struct {
  xmlNodePtr img;
  size_t elements;
  int text;
} alt_find;

static int alt_find_step(xmlNodePtr n, int entering, void *ud) {
  alt_find *f = ud;
  if (!entering) return WALK_CONTINUE;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    const xmlChar *p;
    for (p = n->content; p && *p; p++)
      if (!is_lua_space(*p)) { f->text = 1; return WALK_STOP; }
    return WALK_CONTINUE;
  }
  if (n->type != XML_ELEMENT_NODE) return WALK_CONTINUE;
  if (walk_is_invisible_tag(n->name)) return WALK_SKIP;
  if (++f->elements > ALT_REACH) { f->text = 1; return WALK_STOP; }
  if (!f->img && walk_is_element(n, "img")) f->img = n;
  return WALK_CONTINUE;
}

/* The image just before n, or NULL: its previous element sibling (no text
 * between) is one, or holds one and no text. */
static xmlNodePtr image_before(xmlNodePtr n) {
  alt_find f = { NULL, 0, 0 };
  xmlNodePtr p;
  for (p = n->prev; p && p->type != XML_ELEMENT_NODE; p = p->prev)
    if ((p->type == XML_TEXT_NODE || p->type == XML_CDATA_SECTION_NODE) && lead_has_text(p)) return NULL;
  if (!p) return NULL;
  walk_tree(p, alt_find_step, &f);
  return f.text ? NULL : f.img;
}

/* Whether the image before n has an alt or title long enough to be matched. */
static int has_alt_before(xmlNodePtr n) {
  static const char *const attrs[] = { "alt", "title" };
  xmlNodePtr img = image_before(n);
  int i, yes = 0;
  for (i = 0; img && i < 2 && !yes; i++) {
    xmlChar *copy;
    const char *v = attr_value(img, attrs[i], &copy);
    yes = v && strlen(v) >= ALT_MIN;
    xmlFree(copy);
  }
  return yes;
}

/* The folded text t repeats the folded alt a: holds it with little more, or
 * is most of it. */
static int alt_repeats(const buf *t, const buf *a) {
  if (a->len < ALT_MIN || !t->len) return 0;
  if (t->len >= a->len) return t->len <= a->len + a->len / 2 + ALT_EXTRA && lead_has(t->data, t->len, a->data, a->len);
  return t->len * 10 >= a->len * 6 && lead_has(a->data, a->len, t->data, t->len);
}

/* The block's text (s, len) repeats the alt or title of the image before it. */
static int is_alt_caption(xmlNodePtr n, const char *s, size_t len) {
  static const char *const attrs[] = { "alt", "title" };
  xmlNodePtr img = image_before(n);
  buf t, a;
  int i, yes = 0;
  if (!img || !s) return 0;
  buf_init(&t);
  buf_init(&a);
  for (i = 0; i < 2 && !yes && !buf_failed(&t); i++) {
    xmlChar *copy;
    const char *v = attr_value(img, attrs[i], &copy);
    if (v && len <= 4 * (strlen(v) + ALT_EXTRA)) {  /* longer: far more than the alt once folded */
      if (!t.len) lead_fold(s, len, &t);
      buf_reset(&a);
      lead_fold(v, strlen(v), &a);
      yes = !buf_failed(&a) && alt_repeats(&t, &a);
    }
    xmlFree(copy);
  }
  buf_free(&t);
  buf_free(&a);
  return yes;
}

/* A photo credit left in the text as a block of its own: one short line that
 * is a labelled credit ("Photo: X", "Image source: X", "Photo by X",
 * "[Featured image by X]", CLS_CREDIT labels) or names a photo agency beside
 * a photographer ("X/Getty Images", "REUTERS/X", "...＝ロイター": the
 * agencies are CLS_CREDIT members written with a leading '/'). Right after an
 * image, a short block whose last line or last sentence is such a credit, or
 * is a picture desk's name alone ("Getty Images", "//name"), is the image's
 * caption. A news agency's name alone is left alone: above or below a story
 * it is the story's wire credit. */
#define CREDIT_MAX 160       /* bytes of a credit line */
#define CREDIT_LABEL 24      /* bytes of its label ("Image source") */
#define CREDIT_AGENCY 63     /* bytes of an agency's name (lede.core.blocks takes no longer) */
#define IMAGE_CAPTION_MAX 400  /* bytes of a caption ending with a credit, after an image */

static void credit_trim(const char **s, size_t *len) {
  while (*len && is_lua_space((unsigned char)**s)) { (*s)++; (*len)--; }
  while (*len && is_lua_space((unsigned char)(*s)[*len - 1])) (*len)--;
}

/* [s, s + len), trimmed and without a final full stop, is a photo agency
 * (CLS_CREDIT's "/name"); alone: one that is a photo credit alone ("//name"). */
static int credit_is_agency(const judge *j, const char *s, size_t len, int alone) {
  char key[CREDIT_AGENCY + 2];
  credit_trim(&s, &len);
  if (len && s[len - 1] == '.') len--;
  credit_trim(&s, &len);
  if (!len || len > CREDIT_AGENCY) return 0;
  key[0] = key[1] = '/';
  memcpy(key + 2, s, len);
  return classify_member_lower(j->c, CLS_CREDIT, alone ? key : key + 1, len + (alone ? 2 : 1));
}

static int lead_opens_credit(const classify *c, const char *s, size_t len);

/* The word "by" (any case) is in [s, s + len). */
static int credit_has_by(const char *s, size_t len) {
  size_t k;
  for (k = 0; k + 2 <= len; k++)
    if ((s[k] | 0x20) == 'b' && (s[k + 1] | 0x20) == 'y' && (k == 0 || is_lua_space((unsigned char)s[k - 1])) &&
        (k + 2 == len || is_lua_space((unsigned char)s[k + 2])))
      return 1;
  return 0;
}

/* "X/Agency", "Agency/X", "X＝Agency": parts split at '/' and U+FF1D, one an
 * agency and one not ("AP/Reuters" is a story's wire credit). A byline or a
 * reporting credit ("By Jane Doe/AP", "Reporting by X/Reuters") is not a photo
 * credit: the wire credits read it. */
static int credit_slash_form(const judge *j, const char *s, size_t len) {
  size_t start = 0, k = 0, parts = 0, agency = 0;
  if (credit_has_by(s, len) || lead_opens_credit(j->c, s, len)) return 0;
  while (k <= len) {
    size_t sep = k == len ? 1 : s[k] == '/' ? 1 : (len - k >= 3 && memcmp(s + k, "\xef\xbc\x9d", 3) == 0) ? 3 : 0;
    if (!sep) { k++; continue; }
    parts++;
    if (credit_is_agency(j, s + start, k - start, 0)) agency++;
    k += sep;
    start = k;
  }
  return parts >= 2 && agency >= 1 && agency < parts;
}

/* "Label: X" or "Label by X", the label in CLS_CREDIT. */
static int credit_labelled(const judge *j, const char *s, size_t len) {
  size_t k;
  for (k = 1; k < len && k <= CREDIT_LABEL; k++) {
    if (s[k] == ':' && k + 1 < len)
      return classify_member_lower(j->c, CLS_CREDIT, s, k);
    if (k + 4 < len && s[k] == ' ' && (s[k + 1] | 0x20) == 'b' && (s[k + 2] | 0x20) == 'y' && s[k + 3] == ' ' &&
        !(s[k + 4] >= 'a' && s[k + 4] <= 'z'))  /* a name follows, not a phrase ("photo by photo") */
      if (classify_member_lower(j->c, CLS_CREDIT, s, k)) return 1;
  }
  return 0;
}

/* One line that is a photo credit; by an image, an agency's name alone is one too. */
static int is_credit_line(const judge *j, const char *s, size_t len, int by_image) {
  credit_trim(&s, &len);
  if (len > CREDIT_MAX || len < 3 || memchr(s, '\n', len)) return 0;
  if ((s[0] == '(' && s[len - 1] == ')') || (s[0] == '[' && s[len - 1] == ']')) {
    s++;
    len -= 2;
    credit_trim(&s, &len);
  }
  return credit_labelled(j, s, len) || credit_slash_form(j, s, len) ||
         (by_image && credit_is_agency(j, s, len, 1));
}

/* The last line of the block, or when it has one line, what follows its last
 * sentence ("Caption. Bild: X / AP Photo"). */
static int credit_tail(const judge *j, const char *s, size_t len) {
  size_t k;
  credit_trim(&s, &len);
  for (k = len; k > 0 && s[k - 1] != '\n'; k--) {}
  if (k > 0) return is_credit_line(j, s + k, len - k, 1);
  for (k = len; k > 1; k--)
    if ((s[k - 2] == '.' && s[k - 1] == ' ') ||
        (k >= 3 && memcmp(s + k - 3, "\xe3\x80\x82", 3) == 0))  /* 。 */
      return k < len && is_credit_line(j, s + k, len - k, 1);
  return 0;
}

/* The block at idx is a photo credit, or a caption ending with one under an image. */
static int is_credit_caption(walker *w, const judge *j, size_t idx) {
  recx x = wk_x(w, idx);
  const char *s = w->out.data ? w->out.data + *x.ts : NULL;
  size_t len = *x.te - *x.ts;
  unsigned char cand = j->cand[idx];
  xmlNodePtr n = w->t->rec[idx].node;
  if (!s || !(cand & CAND_LINE) || (cand & (CAND_C | CAND_IN_PRE)) || len > IMAGE_CAPTION_MAX ||
      !(tag_kind(w, n->name) & TK_BREAK) ||  /* a span: the block holding it is judged whole */
      w->stack[w->depth - 1].min_src < idx || lead_is_heading(n))
    return 0;
  if (is_credit_line(j, s, len, 0)) return 1;
  return image_before(n) && (is_credit_line(j, s, len, 1) || credit_tail(j, s, len));
}

static int prune_enter(walker *w, size_t idx) {
  judge *j = w->ud;
  xmlNodePtr n = w->t->rec[idx].node;
  unsigned kind = current_kind(w);
  unsigned char cand = 0;
  if (judge_reserve(j, w->t->cap) != 0) { w->failed = 1; return 0; }  /* once: the tree is presized */
  j->state[idx] = ST_NONE;
  j->word[idx] = NULL;
  if (n != w->root) {
    if (kind & TK_OUTSIDE) cand |= CAND_A;
    if (n->properties && (j->word[idx] = class_reason(j->c, n)) != NULL)
      cand |= (kind & TK_CONTENT) ? CAND_B_LINKED : CAND_B;
    if (is_caption(j->c, n, kind)) cand |= CAND_C;
    if (kind & TK_PRUNE) cand |= CAND_LINE;
    if (kind & TK_DENSE) cand |= CAND_DENSE;
    if (w->stack[w->depth - 1].flags & EL_IN_PRE) cand |= CAND_IN_PRE;
    if ((kind & TK_PRUNE) && !(cand & (CAND_C | CAND_IN_PRE)) && !lead_is_heading(n) && has_alt_before(n))
      cand |= CAND_ALT;
  }
  j->cand[idx] = cand;
  return (cand & (CAND_A | CAND_B | CAND_C | CAND_B_LINKED | CAND_ALT)) != 0;
}

/* Drops one trailing arrow, guillemet, ellipsis or no-break space ("À lire
 * aussi »", "Read more →"); 1 when it did. */
/* "»" (U+00BB) at s: a label's end, as in "Read also » <link>". */
static int is_raquo(const char *s, size_t len) {
  return len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xBB;
}

static int trailing_mark(const char *s, size_t *len) {
  static const char *const marks[] = { "\xc2\xbb", "\xc2\xa0", "\xe2\x80\xba", "\xe2\x86\x92",
                                       "\xe2\x80\xa6", "\xe2\x96\xba", NULL };
  const char *const *m;
  for (m = marks; *m; m++) {
    size_t ml = strlen(*m);
    if (*len >= ml && memcmp(s + *len - ml, *m, ml) == 0) { *len -= ml; return 1; }
  }
  return 0;
}

/* Its whole text, lowercased, trimmed and without trailing punctuation, is a
 * boilerplate line (pipeline.normalized_line). Long slices cannot be one. */
static int normalized_is_line(const judge *j, const char *s, size_t len) {
  while (len && is_lua_space((unsigned char)*s)) { s++; len--; }
  for (;;) {
    while (len && (is_lua_space((unsigned char)s[len - 1]) || is_lua_punct((unsigned char)s[len - 1]))) len--;
    if (!trailing_mark(s, &len)) break;
  }
  return classify_member_lower(j->c, CLS_LINE, s, len);
}

/* Renders the finished subtree of record idx on its own, as text_render would
 * after the removals made so far; its elements are records idx, idx + 1, ... */
typedef struct {
  walker *w;
  judge *j;
  xmlNodePtr root, skipped;
  size_t next;  /* the record of the next element entered */
  int lost;     /* the tree and the records disagree (never expected) */
  rstate r;
  buf out;
} local_text;

static int local_step(xmlNodePtr n, int entering, void *ud) {
  local_text *lt = ud;
  const blocks_tree *t = lt->w->t;
  unsigned kind;
  size_t i = lt->next;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (entering && n->content) r_text(&lt->r, &lt->out, n->content, strlen((const char *)n->content));
    return WALK_CONTINUE;
  }
  if (n->type != XML_ELEMENT_NODE) return WALK_CONTINUE;
  kind = tag_kind(lt->w, n->name);
  if (!entering) {
    if (n == lt->skipped) lt->skipped = NULL;
    else r_element(&lt->r, &lt->out, n, kind, 0);
    return WALK_CONTINUE;
  }
  if (i >= t->n || t->rec[i].node != n) {
    lt->lost = 1;
    return WALK_STOP;
  }
  if (n != lt->root && ((kind & TK_INVISIBLE) || lt->j->state[i] == ST_A || lt->j->state[i] == ST_B ||
                        lt->j->state[i] == ST_C)) {
    lt->next = t->rec[i].end;
    lt->skipped = n;
    return WALK_SKIP;
  }
  lt->next = i + 1;
  r_element(&lt->r, &lt->out, n, kind, 1);
  return WALK_CONTINUE;
}

/* The block's text is its slice of the body's text, except in two places
 * where the block alone renders differently: inside <pre> (the body keeps
 * white space as written, the block collapses it) and when a cell inside it
 * follows a cell outside it in the same row (the body writes " | ", the block
 * does not). There a small block is rendered on its own. */
static int is_line(walker *w, judge *j, size_t idx) {
  recx x = wk_x(w, idx);
  size_t len = *x.te - *x.ts;
  local_text lt;
  int yes;
  if (!(j->cand[idx] & CAND_IN_PRE) && w->stack[w->depth - 1].min_src >= idx)
    return w->out.data && len <= j->line_max && normalized_is_line(j, w->out.data + *x.ts, len);
  if (w->t->n - idx > PRE_RENDER_MAX) return 0;
  memset(&lt, 0, sizeof lt);
  lt.w = w;
  lt.j = j;
  lt.root = w->t->rec[idx].node;
  lt.next = idx;
  buf_init(&lt.out);
  walk_tree(lt.root, local_step, &lt);
  yes = !lt.lost && !buf_failed(&lt.out) && normalized_is_line(j, buf_cstr(&lt.out), lt.out.len);
  buf_free(&lt.out);
  return yes;
}

/* "Read also: <a link to another story>": a boilerplate line's words, a
 * colon, then mostly link text. */
static int is_labelled_link(walker *w, judge *j, size_t idx) {
  recx x = wk_x(w, idx);
  const char *s = w->out.data ? w->out.data + *x.ts : NULL;
  size_t len = *x.te - *x.ts, k;
  if (!s || (j->cand[idx] & CAND_IN_PRE) || !x.chars[P_NO_ABC(j)] ||
      2 * x.link[P_NO_ABC(j)] < x.chars[P_NO_ABC(j)] || len > 400)
    return 0;
  while (len && is_lua_space((unsigned char)*s)) { s++; len--; }  /* the break before the block */
  for (k = 0; k < len && k < 48 && s[k] != ':' && s[k] != '\n' && !is_raquo(s + k, len - k); k++) {}
  return k < len && (s[k] == ':' || is_raquo(s + k, len - k)) && k > 0 && normalized_is_line(j, s, k);
}

/* Promotion and disclaimers: a short block of one line whose text opens with
 * a listed opening ("Follow us on", "Never miss", "The views expressed")
 * followed by the end or a word boundary; or a block that is only a photo
 * credit in parentheses, "(Credit: name / agency)". One line: a block that
 * holds other paragraphs too is not judged by its first. */
#define PROMO_MAX 300  /* bytes of text such a block may hold */
#define CREDIT_LABEL_MAX 24

static int at_word_end(const char *s, size_t len, size_t k) {
  return k == len || is_lua_space((unsigned char)s[k]) || is_lua_punct((unsigned char)s[k]);
}

static int opens_promo(const judge *j, const char *s, size_t len) {
  size_t k, longest = classify_longest(j->c, CLS_PROMO);
  for (k = 1; k <= len && k <= longest; k++)
    if (at_word_end(s, len, k) && classify_member_lower(j->c, CLS_PROMO, s, k)) return 1;
  return 0;
}

static int is_paren_credit(const judge *j, const char *s, size_t len) {
  size_t k;
  if (len < 4 || s[0] != '(' || s[len - 1] != ')') return 0;
  for (k = 1; k < len && k <= CREDIT_LABEL_MAX && s[k] != ':'; k++)
    if (s[k] == '(' || s[k] == ')') return 0;
  if (k >= len - 1 || s[k] != ':' || memchr(s + k, '(', len - k)) return 0;
  return classify_member_lower(j->c, CLS_CREDIT, s + 1, k - 1);
}

static int is_promo(walker *w, judge *j, size_t idx) {
  recx x = wk_x(w, idx);
  const char *s = w->out.data ? w->out.data + *x.ts : NULL;
  size_t len = *x.te - *x.ts;
  if (!s || (j->cand[idx] & CAND_IN_PRE) || len > PROMO_MAX) return 0;
  while (len && is_lua_space((unsigned char)*s)) { s++; len--; }
  while (len && is_lua_space((unsigned char)s[len - 1])) len--;
  if (memchr(s, '\n', len)) return 0;
  return opens_promo(j, s, len) || is_paren_credit(j, s, len);
}

/* Lines and link density on the body without a, b and c (P_NO_ABC); the guard
 * is applied when the walk is over. */
static void prune_judge_block(walker *w, judge *j, size_t idx) {
  unsigned char cand = j->cand[idx];
  recx x = wk_x(w, idx);
  if (j->favor == BLOCKS_FAVOR_RECALL) return;  /* recall keeps lines and link lists */
  if ((cand & CAND_LINE) && (is_line(w, j, idx) || is_labelled_link(w, j, idx) || is_promo(w, j, idx)))
    j->state[idx] = ST_D_LINE;
  else if ((cand & CAND_DENSE) && x.chars[P_NO_ABC(j)] > 0 &&
           (double)x.link[P_NO_ABC(j)] / (double)x.chars[P_NO_ABC(j)] > j->dense)
    j->state[idx] = ST_D_DENSE;
}

static unsigned prune_leave(walker *w, size_t idx) {
  judge *j = w->ud;
  unsigned char cand;
  int teaser;
  recx x;
  const unsigned c_gone = (1u << P_NO_ABC(j)) | (1u << RENDER_VIEW);
  const unsigned b_gone = (1u << P_NO_AB(j)) | c_gone;
  if (w->failed || idx == 0) return 0;
  cand = j->cand[idx];
  x = wk_x(w, idx);
  prune_judge_block(w, j, idx);
  if (cand & CAND_A) {  /* gone from the views of the outside tags after its own */
    unsigned k = (current_kind(w) >> TK_ORDER_SHIFT) & 15;
    j->gview[idx] = (unsigned char)(k < (unsigned)j->na ? k : (unsigned)j->na - 1);
    if (judge_allows(j, !guard_keeps(x.chars[j->gview[idx]], j->total))) {
      j->state[idx] = ST_A;
      return (((1u << P_NO_A(j)) - 1) & ~((2u << j->gview[idx]) - 1)) | (1u << P_NO_A(j)) | b_gone;
    }
  }
  teaser = (cand & CAND_B) && is_teaser_list(w->t, idx);
  if (((cand & CAND_B) || ((cand & CAND_B_LINKED) && 2 * x.link[P_NO_A(j)] >= x.chars[P_NO_A(j)] &&
                            x.chars[P_NO_A(j)] >= LINKED_MIN_CHARS)) && (!j->trip || teaser)) {
    j->gview[idx] = (unsigned char)P_NO_A(j);
    if (judge_allows(j, teaser || !guard_keeps(x.chars[P_NO_A(j)], j->total))) {
      j->state[idx] = ST_B;
      return b_gone;
    }
  }
  if ((cand & CAND_C) ||
      ((cand & CAND_ALT) && 2 * x.link[P_NO_AB(j)] < x.chars[P_NO_AB(j)] &&  /* a teaser's title is a link */
       is_alt_caption(w->t->rec[idx].node, w->out.data ? w->out.data + *x.ts : NULL, *x.te - *x.ts)) ||
      (2 * x.link[P_NO_AB(j)] < x.chars[P_NO_AB(j)] && is_credit_caption(w, j, idx))) {
    j->gview[idx] = (unsigned char)P_NO_AB(j);
    if (judge_allows(j, caption_fits(x.chars[P_NO_AB(j)], j->total))) {
      j->state[idx] = ST_C;
      return c_gone;
    }
  }
  return 0;
}

/* pipeline.prune_boilerplate's guard: the characters of the outermost class/id
 * candidates left after the outside tags went (P_NO_A). */
static size_t class_marked_chars(walker *w, judge *j) {
  size_t i = 1, sum = 0;
  while (i < w->t->n) {
    if (j->state[i] == ST_A) { i = w->t->rec[i].end; continue; }
    if (j->cand[i] & CAND_B) {
      if (!is_teaser_list(w->t, i)) sum += wk_x(w, i).chars[P_NO_A(j)];
      i = w->t->rec[i].end;
      continue;
    }
    i++;
  }
  return sum;
}

void blocks_prune_init(blocks_prune *p) {
  blocks_marks_init(&p->remove);
  blocks_marks_init(&p->captions);
  p->guard_tripped = 0;
  p->marked_chars = p->total = 0;
}

void blocks_prune_free(blocks_prune *p) {
  blocks_marks_free(&p->remove);
  blocks_marks_free(&p->captions);
}

/* Runs the prune walk until its assumptions hold: the first run assumes the
 * guards pass and class names are trusted; a second (rarely a third) run
 * knows the body's size and whether class names are trusted. */
static int prune_runs(walker *w, judge *j, blocks_prune *out) {
  int run;
  for (run = 0; run < 3; run++) {
    int trip;
    if (wk_run(w) != 0) return -1;
    j->total = w->t->rec[0].chars;
    out->marked_chars = class_marked_chars(w, j);
    trip = guard_keeps(out->marked_chars, j->total);
    if ((j->known || guards_hold(w, j)) && trip == j->trip) break;
    j->known = 1;
    j->trip = trip;
  }
  out->total = j->total;
  out->guard_tripped = j->trip;
  return 0;
}

int blocks_prune_marks(xmlNodePtr body, const classify *c, int flags, blocks_prune *out) {
  return blocks_prune_marks_favor(body, c, flags, BLOCKS_FAVOR_BALANCED, out);
}

int blocks_prune_marks_favor(xmlNodePtr body, const classify *c, int flags, int favor, blocks_prune *out) {
  blocks_tree t;
  walker w;
  judge j;
  size_t i;
  int rc;
  if (!body || body->type != XML_ELEMENT_NODE) return 0;
  blocks_tree_init(&t);
  memset(&j, 0, sizeof j);
  j.c = c;
  j.words = 1;
  j.line_max = 4 * classify_longest(c, CLS_LINE) + 64;
  j.favor = favor;
  j.dense = favor == BLOCKS_FAVOR_PRECISION ? 0.4 : 0.6;
  j.na = (int)classify_count(c, CLS_TAG_OUTSIDE);
  if (j.na > A_ORDERS) j.na = A_ORDERS;
  if (j.na < 1) j.na = 1;
  wk_init(&w, &t, body, j.na + 3, 1);
  w.cls = c;
  w.enter = prune_enter;
  w.leave = prune_leave;
  w.ud = &j;
  rc = prune_runs(&w, &j, out);
  if (rc == 0) {
    for (i = 1; i < t.n; i++) {  /* lines and link-dense blocks: the guard, now */
      if ((j.state[i] == ST_D_LINE || j.state[i] == ST_D_DENSE) &&
          guard_keeps(wk_x(&w, i).chars[P_NO_ABC(&j)], j.total))
        j.state[i] = ST_NONE;
    }
    rc = emit_marks(&w, &j, flags, &out->remove, &out->captions);
  }
  judge_free(&j);
  wk_free(&w);
  blocks_tree_free(&t);
  return rc;
}

/* ---- lead: the article's header at the top of the body -------------------- */

#define LEAD_SMALL 600     /* bytes of text a block may hold to be judged as a header block */
#define LEAD_NODES 200     /* elements a block may hold to be judged */
#define LEAD_EXAMINED 48   /* blocks looked at before giving up */
#define LEAD_MARKS 12      /* header blocks removed at most */
#define LEAD_LINE 80       /* code points of a furniture line (byline, date, kicker) */
#define LEAD_CREDIT_LINE 140  /* code points of a line opening with a byline or date word */
#define LEAD_TITLE_EXTRA 120  /* bytes a title block may hold beyond the title */

typedef struct {
  size_t bytes, nodes, limit;
  int big;
} lead_size;

static int lead_size_step(xmlNodePtr n, int entering, void *ud) {
  lead_size *s = ud;
  if (!entering) return WALK_CONTINUE;
  if (n->type == XML_ELEMENT_NODE) {
    if (walk_is_invisible_tag(n->name)) return WALK_SKIP;
    if (++s->nodes > LEAD_NODES) { s->big = 1; return WALK_STOP; }
  } else if (n->type == XML_TEXT_NODE && n->content) {
    const xmlChar *p;
    for (p = n->content; *p; p++)
      if (!is_lua_space(*p) && ++s->bytes > s->limit) { s->big = 1; return WALK_STOP; }
  }
  return WALK_CONTINUE;
}

/* Whether n is small enough to be a header block, without visiting more of
 * it than that takes. */
static int lead_is_small(xmlNodePtr n, size_t limit) {
  lead_size s = { 0, 0, limit, 0 };
  walk_tree(n, lead_size_step, &s);
  return !s.big;
}

static int lead_is_heading(xmlNodePtr n) {
  return n->name && n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' && !n->name[2];
}

/* Blocks that hold running text of their own: the story begins at them. */
static int lead_is_text_block(xmlNodePtr n) {
  static const char *const tags[] = { "p", "li", "ul", "ol", "dl", "table", "pre", "blockquote", NULL };
  return name_in(n->name, tags);
}

/* Letters and digits only, ASCII lowercased, for comparing a block with the
 * title whatever its quotes, dashes and spacing. */
static void lead_fold(const char *s, size_t len, buf *out) {
  size_t i = 0;
  while (i < len) {
    unsigned cp = (unsigned char)s[i];
    size_t n = cp < 0x80 ? 1 : text_utf8_next((const unsigned char *)s + i, len - i, &cp);
    int keep = cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9')
                         : !(cp >= 0x2000 && cp <= 0x206F) && !(cp >= 0x3000 && cp <= 0x303F) &&
                           !(cp >= 0xFF00 && cp <= 0xFF20) && cp != 0xA0 && cp != 0xFFFD;
    if (keep) {
      if (cp < 0x80) buf_addc(out, (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      else buf_add(out, s + i, n);
    }
    i += n;
  }
}

static int lead_has(const char *hay, size_t hl, const char *needle, size_t nl) {
  size_t i;
  if (!nl || nl > hl) return 0;
  for (i = 0; i + nl <= hl; i++)
    if (memcmp(hay + i, needle, nl) == 0) return 1;
  return 0;
}

static int lead_ends_text(const char *s, size_t len);

/* The block repeats the headline: it holds the title (with a kicker or a
 * date around it), or is most of it. */
static int lead_is_title(const char *text, size_t len, const char *title, size_t tlen) {
  buf a, b;
  int yes = 0;
  if (!title || tlen < 8) return 0;
  buf_init(&a);
  buf_init(&b);
  lead_fold(text, len, &a);
  lead_fold(title, tlen, &b);
  if (!buf_failed(&a) && !buf_failed(&b) && b.len >= 8 && a.len)
    yes = (a.len <= b.len + LEAD_TITLE_EXTRA && lead_has(a.data, a.len, b.data, b.len) &&
           (a.len == b.len || !lead_ends_text(text, len))) ||  /* a sentence naming the title is text */
          (a.len * 10 >= b.len * 6 && lead_has(b.data, b.len, a.data, a.len));
  buf_free(&a);
  buf_free(&b);
  return yes;
}

/* The last code point of [s, s + len), 0 when empty. */
static unsigned lead_last_cp(const char *s, size_t len) {
  size_t i = len;
  unsigned cp = 0;
  if (!len) return 0;
  while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
  if (i > 0) i--;
  text_utf8_next((const unsigned char *)s + i, len - i, &cp);
  return cp;
}

/* A line that ends a sentence or leads into the next one ("BEIJING:",
 * "WASHINGTON —"): story text, never furniture. */
static int lead_ends_text(const char *s, size_t len) {
  unsigned cp;
  while (len) {
    cp = lead_last_cp(s, len);
    if (cp != '"' && cp != '\'' && cp != ')' && cp != 0x201D && cp != 0x2019 && cp != 0x300D) break;
    while (len && ((unsigned char)s[len - 1] & 0xC0) == 0x80) len--;
    if (len) len--;
  }
  cp = lead_last_cp(s, len);
  return stats_is_punct_cp(cp) || cp == 0x2014 || cp == 0x2013 || cp == '-' || cp == 0x2026;
}

/* The line opens with a word of bylines and date lines ("By", "Published",
 * "Updated"; classify's CLS_LEAD words, lowercased). */
static int lead_opens_credit(const classify *c, const char *s, size_t len) {
  size_t k = 0;
  char w[32];
  while (k < len && k < sizeof w && !is_lua_space((unsigned char)s[k]) && s[k] != ':') {
    w[k] = (char)((unsigned char)s[k] >= 'A' && (unsigned char)s[k] <= 'Z' ? s[k] + 32 : s[k]);
    k++;
  }
  return k > 0 && k < sizeof w && k < len && classify_member(c, CLS_LEAD, w, k);
}

/* Every line is short and ends no sentence, or opens as bylines and date
 * lines do: a byline, a date, a kicker, a reading time. */
static int lead_is_furniture(const classify *c, const char *text, size_t len) {
  size_t start = 0, lines = 0;
  while (start < len) {
    size_t end = start, a, b;
    while (end < len && text[end] != '\n') end++;
    for (a = start; a < end && is_lua_space((unsigned char)text[a]); a++) {}
    for (b = end; b > a && is_lua_space((unsigned char)text[b - 1]); b--) {}
    if (b > a) {
      size_t cps = text_utf8_len(text + a, b - a);
      if (lead_opens_credit(c, text + a, b - a) ? cps > LEAD_CREDIT_LINE
                                                : cps > LEAD_LINE || lead_ends_text(text + a, b - a))
        return 0;
      lines++;
    }
    start = end + 1;
  }
  return lines > 0;
}

typedef enum { LEAD_SKIP, LEAD_HEADER, LEAD_STORY } lead_verdict;

/* What a small block at the top of the body is. */
static int lead_judge(const classify *c, xmlNodePtr n, const char *title, size_t tlen, lead_verdict *v) {
  buf t;
  buf_init(&t);
  if (text_render(n, &t) != 0 || buf_failed(&t)) { buf_free(&t); return -1; }
  if (!t.len) *v = LEAD_SKIP;  /* images, empty wrappers */
  else if (lead_is_title(t.data, t.len, title, tlen)) *v = LEAD_HEADER;
  else if (lead_is_heading(n)) *v = LEAD_STORY;  /* a heading of the story itself */
  else if (!lead_is_text_block(n) || walk_is_element(n, "p"))
    *v = lead_is_furniture(c, t.data, t.len) ? LEAD_HEADER : LEAD_STORY;
  else *v = LEAD_STORY;
  buf_free(&t);
  return 0;
}

static int lead_has_text(xmlNodePtr n) {
  const xmlChar *p;
  if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) return 0;
  for (p = n->content; p && *p; p++)
    if (!is_lua_space(*p)) return 1;
  return 0;
}

/* Elements whose children may hold the header: block containers. */
static int lead_can_descend(xmlNodePtr n) {
  return text_element_break(n->name) == BREAK_PARAGRAPH && !lead_is_text_block(n) && !lead_is_heading(n);
}

/* A container of blocks only: text or inline elements straight inside it
 * make one block of it, judged whole. */
static int lead_holds_blocks(xmlNodePtr n) {
  int blocks = 0;
  for (n = n->children; n; n = n->next) {
    if (lead_has_text(n)) return 0;
    if (n->type != XML_ELEMENT_NODE || walk_is_invisible_tag(n->name)) continue;
    if (text_element_break(n->name) == BREAK_NONE && !walk_is_element(n, "img")) return 0;
    if (text_element_break(n->name) != BREAK_NONE) blocks = 1;
  }
  return blocks;
}

/* The node after n in the walk of body's blocks: its next sibling, else the
 * next sibling of the nearest wrapper that has one. */
static xmlNodePtr lead_next(xmlNodePtr n, xmlNodePtr body) {
  while (!n->next && n->parent && n->parent != body) n = n->parent;
  return n->next;
}

static int lead_holds_text(xmlNodePtr n) {
  lead_size s = { 0, 0, 1, 0 };
  walk_tree(n, lead_size_step, &s);
  return s.bytes > 0;
}

int blocks_lead_marks(xmlNodePtr body, const classify *c, const char *title, size_t tlen,
                      blocks_marks *out) {
  xmlNodePtr n;
  size_t examined = 0, start = out->n;
  if (!body || body->type != XML_ELEMENT_NODE) return 0;
  n = body->children;
  while (n && examined < LEAD_EXAMINED) {
    lead_verdict v;
    if (lead_has_text(n)) return 0;  /* running text straight in a container: the story */
    if (n->type != XML_ELEMENT_NODE || walk_is_invisible_tag(n->name)) { n = lead_next(n, body); continue; }
    if (text_element_break(n->name) == BREAK_NONE) {  /* inline: the story's text flow, unless empty */
      if (lead_holds_text(n)) return 0;
      n = lead_next(n, body);
      continue;
    }
    examined++;
    if (lead_can_descend(n) && lead_holds_blocks(n)) {
      n = n->children;  /* a wrapper: judge its blocks one by one */
      continue;
    }
    if (!lead_is_small(n, LEAD_SMALL)) return 0;  /* a long block of text: the story */
    if (lead_judge(c, n, title, tlen, &v) != 0) return -1;
    if (v == LEAD_STORY) {
      return 0;  /* found where the story begins: the marks stand */
    }
    if (v == LEAD_HEADER) {
      if (out->n - start >= LEAD_MARKS) break;
      if (marks_add(out, n, BLOCKS_LEAD, NULL, 0) != 0) return -1;
    }
    n = lead_next(n, body);
  }
  out->n = start;  /* no story found after them: keep everything */
  return 0;
}

/* ---- standfirst: the summary printed above the body, outside it ----------- */

#define SF_LEVELS 4       /* ancestors of the body whose earlier siblings are looked at */
#define SF_SIBLINGS 6     /* earlier siblings looked at per level */
#define SF_SMALL 2000     /* bytes of text of a block that may hold it (with a headline, a byline) */
#define SF_KEY 48         /* bytes of the folded description that must match */

/* The paragraph of text (paragraphs split at blank lines) that is the
 * description, as folded text: it starts with the description's first
 * SF_KEY folded bytes and is at most a little longer than it. */
static int sf_paragraph(const char *text, size_t len, const buf *key, size_t dlen, buf *out) {
  size_t start = 0;
  while (start < len) {
    size_t end = start;
    buf f;
    int yes;
    while (end < len && !(text[end] == '\n' && end + 1 < len && text[end + 1] == '\n')) end++;
    buf_init(&f);
    lead_fold(text + start, end - start, &f);
    yes = !buf_failed(&f) && f.len >= key->len && f.len <= dlen + dlen / 2 + 40 &&
          memcmp(f.data, key->data, key->len) == 0;
    buf_free(&f);
    if (yes) {
      while (start < end && is_lua_space((unsigned char)text[start])) start++;
      buf_add(out, text + start, end - start);
      return 1;
    }
    start = end + 2;
  }
  return 0;
}

/* Looks for desc in the small blocks just before body (earlier siblings of
 * the body and of its nearest ancestors), never in body itself. */
int blocks_standfirst(xmlNodePtr body, const char *desc, size_t dlen, buf *out) {
  buf key, d, t;
  xmlNodePtr at = body;
  int level, found = 0, rc = 0;
  if (!body || !desc) return 0;
  buf_init(&key);
  buf_init(&d);
  buf_init(&t);
  lead_fold(desc, dlen, &d);
  if (d.len < SF_KEY || buf_failed(&d)) goto done;
  buf_add(&key, d.data, SF_KEY);
  if (text_render(body, &t) != 0) { rc = -1; goto done; }
  buf_reset(&d);
  lead_fold(t.data ? t.data : "", t.len, &d);
  if (buf_failed(&d) || lead_has(d.data, d.len, key.data, key.len)) goto done;  /* the body has it */
  for (level = 0; level < SF_LEVELS && at && at->type == XML_ELEMENT_NODE && !found; level++) {
    xmlNodePtr s;
    int n = 0;
    for (s = at->prev; s && n < SF_SIBLINGS && !found; s = s->prev) {
      if (s->type != XML_ELEMENT_NODE || walk_is_invisible_tag(s->name)) continue;
      n++;
      if (!lead_is_small(s, SF_SMALL)) continue;
      buf_reset(&t);
      if (text_render(s, &t) != 0) { rc = -1; goto done; }
      found = t.len && sf_paragraph(t.data, t.len, &key, dlen, out);
    }
    at = at->parent;
  }
done:
  if (buf_failed(&key) || buf_failed(&d) || buf_failed(&t)) rc = -1;
  buf_free(&key);
  buf_free(&d);
  buf_free(&t);
  return rc ? rc : found;
}
