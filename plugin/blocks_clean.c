/* blocks_clean: lede.pipeline's clean step in one walk: the listed tags and
 * hidden elements, never a block holding most of the page. */
#include "blocks_walk.h"

#include "stats.h"
#include "walk.h"

/* Clean's one view: the page without the listed tags (what Lua's hidden pass
 * and the tags' own guards see). The body's size on the whole page comes from
 * stats_compute: a second view would cost every open element a snapshot, and
 * pages nest 100,000 levels deep. */
enum { C_NO_TAGS, C_VIEWS };
enum { CLEAN_TAG = 1, CLEAN_HIDDEN = 2, CLEAN_UNSEEN = 4 };

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

/* A class token of text shown to screen readers only ("sr-only",
 * "visually-hidden"): labels such as "(opens in a new tab)" or "Skip to
 * content", which a reader of the page never sees. */
static int has_hidden_class(const classify *c, const char *v) {
  size_t longest = classify_longest(c, CLS_HIDDEN);
  while (*v) {
    size_t k = 0;
    while (*v && is_lua_space((unsigned char)*v)) v++;
    while (v[k] && !is_lua_space((unsigned char)v[k])) k++;
    if (k && k <= longest && classify_member_lower(c, CLS_HIDDEN, v, k)) return 1;
    v += k;
  }
  return 0;
}

/* Hidden from the reader, in one pass over the attributes: hidden,
 * aria-hidden="true", inline display:none or visibility:hidden, a
 * screen-reader-only class. Letters compare case-insensitively. */
static int is_hidden(const classify *c, xmlNodePtr n) {
  xmlAttrPtr a;
  for (a = n->properties; a; a = a->next) {
    const char *name = (const char *)a->name, *v;
    xmlChar *copy;
    int hidden = 0;
    if (!name) continue;
    if (strcmp(name, "hidden") == 0) return 1;
    if (strcmp(name, "aria-hidden") == 0) {
      v = wk_attr_text(a, &copy);
      hidden = strcmp(v, "true") == 0;
    } else if (strcmp(name, "style") == 0) {
      size_t len;
      v = wk_attr_text(a, &copy);
      len = strlen(v);
      hidden = style_has(v, len, "display", "none") || style_has(v, len, "visibility", "hidden");
    } else if (strcmp(name, "class") == 0) {
      v = wk_attr_text(a, &copy);
      hidden = has_hidden_class(c, v);
    } else {
      continue;
    }
    xmlFree(copy);
    if (hidden) return 1;
  }
  return 0;
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
  else if (n->properties && is_hidden(j->c, n)) j->cand[idx] = CLEAN_HIDDEN;
  return j->cand[idx] != 0;
}

static unsigned clean_leave(walker *w, size_t idx) {
  judge *j = w->ud;
  if (w->failed || !j->cand[idx]) return 0;
  j->gview[idx] = (j->cand[idx] & CLEAN_UNSEEN) ? GVIEW_UNGUARDED : C_NO_TAGS;
  if (j->gview[idx] != GVIEW_UNGUARDED &&
      !judge_allows(j, !guard_keeps(judge_view_chars(w, idx, C_NO_TAGS), j->total)))
    return 0;
  if (j->cand[idx] == CLEAN_HIDDEN) {
    j->state[idx] = ST_HIDDEN;
    return 0;  /* no view reads the page without hidden blocks */
  }
  j->state[idx] = ST_A;
  return 1u << C_NO_TAGS;
}

static size_t body_index(const blocks_tree *t) {
  size_t i;
  for (i = 1; i < t->n; i++)
    if (t->rec[i].parent == 0 && walk_is_element(t->rec[i].node, "body")) return i;
  return NONE;
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
        judge_view_chars(w, i, j->gview[i]) > lower / 2.0)
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
      if (!judge_guards_hold(&w, &j)) rc = wk_run(&w);
    }
  }
  if (rc == 0) rc = judge_emit_marks(&w, &j, flags, out, out);
  judge_free(&j);
  wk_free(&w);
  blocks_tree_free(&t);
  return rc;
}
