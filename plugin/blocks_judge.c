/* blocks_judge: the decisions of a clean or prune walk, per record: the
 * guards that keep most of the text, and the marks listed in the order Lua's
 * stages would remove them. */
#include "blocks_walk.h"

#include <stdlib.h>

#include "walk.h"

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

int judge_is_teaser_list(const blocks_tree *t, size_t idx) {
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

int judge_reserve(judge *j, size_t n) {
  size_t cap = j->cap;
  unsigned char *st;
  const char **wd;
  if (n <= j->cap) return 0;
  if (wk_grow((void **)&j->cand, &cap, n, 1) != 0) return -1;
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

void judge_free(judge *j) {
  free(j->cand);
  free(j->state);
  free(j->word);
  free(j->gview);
}



/* A record's characters in view k (the records' own numbers are view 0's). */
size_t judge_view_chars(const walker *w, size_t idx, int k) {
  return w->xstride ? wk_x(w, idx).chars[k] : w->t->rec[idx].chars;
}

/* Whether every removal of an optimistic run passes its guard. */
int judge_guards_hold(const walker *w, const judge *j) {
  size_t i;
  for (i = 0; i < w->t->n; i++) {
    unsigned char st = j->state[i];
    if (st == ST_A || (st == ST_B && !judge_is_teaser_list(w->t, i)) || st == ST_HIDDEN) {
      if (j->gview[i] != GVIEW_UNGUARDED && guard_keeps(judge_view_chars(w, i, j->gview[i]), j->total))
        return 0;
    } else if (st == ST_C && !caption_fits(judge_view_chars(w, i, j->gview[i]), j->total)) {
      return 0;
    }
  }
  return 1;
}

static int emit_one(walker *w, judge *j, size_t i, blocks_marks *out, blocks_marks *captions) {
  xmlNodePtr n = w->t->rec[i].node;
  size_t chars = judge_view_chars(w, i, w->nviews - 1);
  switch (j->state[i]) {
    case ST_C: return wk_marks_add(captions, n, BLOCKS_CAPTION, NULL, chars);
    case ST_A: return wk_marks_add(out, n, BLOCKS_TAG, NULL, chars);
    case ST_HIDDEN: return wk_marks_add(out, n, BLOCKS_HIDDEN, NULL, chars);
    case ST_B: return wk_marks_add(out, n, BLOCKS_CLASS, j->word[i], chars);
    case ST_D_LINE: return wk_marks_add(out, n, BLOCKS_LINE, NULL, chars);
    default: return wk_marks_add(out, n, BLOCKS_LINK_DENSE, NULL, chars);
  }
}

/* Removed records in document order (all of them with BLOCKS_NESTED), as
 * Lua's stages would remove them: outermost, except that captions are taken
 * after the tag and class/id stages and before lines and link-dense blocks.
 * So a caption inside a late block is listed, and so is a tag or class/id
 * mark inside a caption (removed first, the caption's text is Lua's). */
int judge_emit_marks(walker *w, judge *j, int flags, blocks_marks *out, blocks_marks *captions) {
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

