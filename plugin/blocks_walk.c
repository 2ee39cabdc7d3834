/* blocks_walk: the walker of the blocks steps (see blocks_walk.h) and the
 * marks it leaves. */
#include "blocks_walk.h"

#include <stdlib.h>

#include "stats.h"
#include "walk.h"

static size_t since(size_t now, uint32_t then) {
  return (uint32_t)((uint32_t)now - then);
}

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
  int cell_start = r->cell_open;
  r->cell_open = 0;
  r->row_text = 1;
  r->br_owed = 0;
  if (cell_start && r->owed_break == BREAK_NONE && out->len != r->base) r->owed_space = 0;  /* text.c */
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
  if (r->cell_open) return;  /* a cell's leading blocks: the row's own break stands */
  if (b > r->owed_break) r->owed_break = b;
}

void wk_r_text(rstate *r, buf *out, const unsigned char *s, size_t len) {
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

void wk_r_element(rstate *r, buf *out, xmlNodePtr n, unsigned kind, int entering) {
  if (kind & TK_BR) {  /* <br><br> ends the paragraph (text.c) */
    if (entering && !r->cell_open) {
      r_owe(r, r->br_owed && r->owed_break == BREAK_LINE ? BREAK_PARAGRAPH : BREAK_LINE);
      r->br_owed = 1;
    }
    return;
  }
  if (kind & TK_PRE) r->pre_depth += entering ? 1u : (unsigned)-1;
  if (entering && (kind & TK_TABLE)) r->rows_in_table = 0;
  if (entering && (kind & TK_TR)) {
    /* one line per row, even when its cells hold paragraphs (text.c) */
    if (r->rows_in_table && r->owed_break > BREAK_LINE) r->owed_break = BREAK_LINE;
    r->row_text = 0;
  }
  if ((kind & TK_CELL) && !entering) r->cell_open = 0;
  if (entering && (kind & TK_CELL)) {
    if (r->row_text) {  /* the cells of a row stay on its line */
      r->owed_break = BREAK_NONE;
      r->owed_space = 0;
      buf_add(out, " | ", 3);
    }
    r->rows_in_table = r->cell_open = 1;
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
int wk_grow(void **p, size_t *cap, size_t need, size_t size) {
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
  if (wk_grow((void **)&t->rec, &t->cap, need, sizeof *t->rec) != 0) return -1;
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



static snapshot *wk_snaps(const walker *w, const frame *f) {
  return w->snaps + (size_t)(f - w->stack) * (size_t)w->nviews;
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
  if (name_is(name, "table")) k |= TK_TABLE;
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
unsigned wk_tag_kind(walker *w, const xmlChar *name) {
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
  if (wk_grow((void **)&w->stack, &scap, need, sizeof *w->stack) != 0) return -1;
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
  if (wk_grow((void **)&w->saves, &w->savecap, w->nsaves + 1, sizeof *w->saves) != 0) return -1;
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
  unsigned kind = wk_tag_kind(w, n->name), flags = el_flags(w, n, kind);
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
    f->min_src = (kind & TK_CELL) && w->r.row_text ? w->r.cell_src : NONE;
    wk_r_element(&w->r, &w->out, n, kind, 1);
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
    wk_r_element(&w->r, &w->out, n, f->kind, 0);
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
    if (w->render) wk_r_text(&w->r, &w->out, n->content, strlen((const char *)n->content));
  }
  return WALK_CONTINUE;
}

void wk_init(walker *w, blocks_tree *t, xmlNodePtr root, int nviews, int render) {
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
int wk_run(walker *w) {
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

void wk_free(walker *w) {
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

int wk_marks_add(blocks_marks *m, xmlNodePtr n, blocks_why why, const char *word, size_t chars) {
  if (wk_grow((void **)&m->v, &m->cap, m->n + 1, sizeof *m->v) != 0) return -1;
  m->v[m->n].node = n;
  m->v[m->n].why = why;
  m->v[m->n].word = word;
  m->v[m->n].chars = chars;
  m->n++;
  return 0;
}

/* The value of attribute a: its text node's content when it has one (no copy),
 * else a copy in *copy, which the caller frees. */
const char *wk_attr_text(xmlAttrPtr a, xmlChar **copy) {
  *copy = NULL;
  if (!a->children) return "";
  if (a->children->type == XML_TEXT_NODE && !a->children->next && a->children->content)
    return (const char *)a->children->content;
  *copy = xmlNodeGetContent((xmlNodePtr)a);
  return *copy ? (const char *)*copy : "";
}

/* The value of attribute `name`, as attr_text; NULL when absent. */
const char *wk_attr_value(xmlNodePtr n, const char *name, xmlChar **copy) {
  xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);
  *copy = NULL;
  return a ? wk_attr_text(a, copy) : NULL;
}

