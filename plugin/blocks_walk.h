/* blocks_walk: what the files of the blocks steps share (blocks_walk.c,
 * blocks_judge.c, blocks_clean.c, blocks_body.c, blocks_prune.c,
 * blocks_lead.c). Internal to lede: callers use blocks.h.
 *
 * The walker makes the one linear walk each step rests on: per element its
 * numbers in several views of the character stream (blocks.h says how) and,
 * when asked, its rendered text. A step hooks its decisions into the walk
 * (enter, leave) and keeps them in a judge; blocks_judge.c checks the guards
 * and lists the marks. */
#ifndef LEDE_BLOCKS_WALK_H
#define LEDE_BLOCKS_WALK_H

#include <stdint.h>
#include <string.h>

#include "blocks.h"
#include "text.h"

#define NONE BLOCKS_NONE
#define VIEWS 8            /* most a step needs: prune's (blocks_prune.c) */
#define RENDER_VIEW VIEWS  /* bit of the text buffer in a wind-back mask */
#define LINK_LEVELS 4      /* <a href> nesting followed for link_chars */
#define UNLIKELY_REACH 8   /* how far up scored_body looks for nav, footer, menu */

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
  size_t cell_src;  /* the tr or cell entered last */
  text_break owed_break;
  unsigned char owed_space;
  unsigned char cell_open;      /* inside a cell, no text yet: its blocks add no break */
  unsigned char rows_in_table;  /* a cell of the current table was entered: rows break by a line */
  unsigned char row_text;       /* the current row has text: the next cell opens with " | " */
  unsigned char br_owed;        /* the owed line break is a <br>'s */
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

/* What an element's tag says, worked out once per tag name (tag_kind). */
enum {
  TK_BR = 1 << 0, TK_BREAK = 1 << 1, TK_A = 1 << 2, TK_P = 1 << 3, TK_PRE = 1 << 4,
  TK_INVISIBLE = 1 << 5, TK_TR = 1 << 6, TK_CELL = 1 << 7, TK_IMG = 1 << 8, TK_UNLIKELY = 1 << 9,
  TK_PRUNE = 1 << 10, TK_DENSE = 1 << 11, TK_FIGCAPTION = 1 << 12,
  TK_CLEAN = 1 << 13, TK_OUTSIDE = 1 << 14, TK_CONTENT = 1 << 15,  /* the classify table's tag sets */
  TK_ORDER_SHIFT = 16,  /* above: the position of an outside tag in its list (4 bits) */
  TK_TABLE = 1 << 20
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

static inline recx wk_x(const walker *w, size_t idx) {
  recx x;
  size_t *p = w->xv + idx * w->xstride;
  int nv = w->nviews;
  x.chars = p;
  x.link = p + nv;
  x.ts = w->render ? p + 2 * nv : NULL;
  x.te = w->render ? p + 2 * nv + 1 : NULL;
  return x;
}

static inline int name_is(const xmlChar *name, const char *s) {
  return strcmp((const char *)name, s) == 0;
}

static inline int name_in(const xmlChar *name, const char *const *list) {
  for (; *list; list++)
    if (name_is(name, *list)) return 1;
  return 0;
}

/* Lua's "%s" in the C locale. */
static inline int is_lua_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline int is_lua_punct(unsigned char c) {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/* The tag bits of the element the walk is at (in enter and leave hooks). */
static inline unsigned current_kind(const walker *w) {
  return w->stack[w->depth - 1].kind;
}

/* Removal guards, as pipeline.drop and take_captions write them. */
static inline int guard_keeps(size_t chars, size_t total) { return total > 0 && chars > total / 2.0; }
static inline int caption_fits(size_t chars, size_t total) { return chars <= total / 2.0; }

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

/* Before the body's size is known, the walk removes every candidate and the
 * guards are checked afterwards (judge_guards_hold); a failure means another run. */
static inline int judge_allows(const judge *j, int ok) {
  return j->known ? ok : 1;
}

/* gview of a removal no guard reads: an element whose content the text never
 * shows (script, style, svg, ...). Its size is no measure of the page's text:
 * a 100 KB script of page state in <head> would otherwise "hold most of the
 * page" and cost a second walk, only to be kept for nothing. */
#define GVIEW_UNGUARDED 0xFF

/* blocks_walk.c */
int wk_grow(void **p, size_t *cap, size_t need, size_t size);
void wk_init(walker *w, blocks_tree *t, xmlNodePtr root, int nviews, int render);
int wk_run(walker *w);
void wk_free(walker *w);
unsigned wk_tag_kind(walker *w, const xmlChar *name);
void wk_r_text(rstate *r, buf *out, const unsigned char *s, size_t len);
void wk_r_element(rstate *r, buf *out, xmlNodePtr n, unsigned kind, int entering);
int wk_marks_add(blocks_marks *m, xmlNodePtr n, blocks_why why, const char *word, size_t chars);
const char *wk_attr_text(xmlAttrPtr a, xmlChar **copy);
const char *wk_attr_value(xmlNodePtr n, const char *name, xmlChar **copy);

/* blocks_judge.c */
int judge_reserve(judge *j, size_t n);
void judge_free(judge *j);
int judge_is_teaser_list(const blocks_tree *t, size_t idx);
size_t judge_view_chars(const walker *w, size_t idx, int k);
int judge_guards_hold(const walker *w, const judge *j);
int judge_emit_marks(walker *w, judge *j, int flags, blocks_marks *out, blocks_marks *captions);

/* blocks_lead.c, for prune's caption and line tests */
void lead_fold(const char *s, size_t len, buf *out);
int lead_has(const char *hay, size_t hl, const char *needle, size_t nl);
int lead_is_heading(xmlNodePtr n);
int lead_has_text(xmlNodePtr n);
int lead_opens_credit(const classify *c, const char *s, size_t len);

#endif
