/* blocks_body: the article body: the body selectors in order, else
 * Readability-style scoring of the paragraphs' containers. */
#include "blocks_walk.h"

#include <stdio.h>
#include <stdlib.h>

#include "css.h"
#include "walk.h"

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

/* An article body never sits inside a link: a teaser card's "story-content"
 * inside <a href> is another story's summary, however long. Only the few
 * matches that would become the best are tested (a walk to the root). */
static int inside_link(xmlNodePtr n) {
  for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent)
    if (walk_is_element(n, "a") && xmlHasProp(n, (const xmlChar *)"href")) return 1;
  return 0;
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
      if (chars > *best_chars && !inside_link(n)) { *best = (size_t)(r - t->rec); *best_chars = chars; }
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
      if (sel->simple[s] && chars > best_chars[s] && match_compound_holds(sel->simple[s], t->rec[i].node) &&
          !inside_link(t->rec[i].node)) {
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
    const char *v = wk_attr_value(n, attrs[i], &copy);
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
    if (wk_marks_add(&out->drop, t->rec[i].node, BLOCKS_APART, NULL, t->rec[i].chars) != 0) return -1;
  }
  out->node = t->rec[parent].node;
  return 0;
}

/* Readability's "alternative candidate ancestors": when at least
 * ALT_MIN of the next-best ALT_TOP - 1 candidates score close to the best
 * (ALT_CLOSE of it) and an ancestor of the best holds ALT_MIN of them, that
 * ancestor is the body: a story cut in steps or sections, each a candidate
 * of its own ("div.step > div.content", with teasers between them). */
#define ALT_TOP 5
#define ALT_MIN 3
#define ALT_CLOSE 0.75
static size_t shared_ancestor(const blocks_tree *t, const scores *s, size_t bi, double best) {
  size_t top[ALT_TOP], close[ALT_TOP], ntop = 0, nclose = 0, i, k, p;
  double topv[ALT_TOP];
  for (i = 0; i < s->n; i++) {  /* the ALT_TOP best, by adjusted score */
    size_t at = s->order[i];
    double v = s->score[at] * (1 - blocks_link_density(&t->rec[at]));
    if (ntop == ALT_TOP && v <= topv[ALT_TOP - 1]) continue;
    /* inside_link walks to the root: only for the few that would enter the
     * list, or a page nested 20,000 tables deep is quadratic */
    if (inside_link(t->rec[at].node)) continue;
    k = ntop < ALT_TOP ? ntop++ : ALT_TOP - 1;
    for (; k > 0 && topv[k - 1] < v; k--) {  /* ties keep page order */
      top[k] = top[k - 1];
      topv[k] = topv[k - 1];
    }
    top[k] = at;
    topv[k] = v;
  }
  for (k = 0; k < ntop; k++)
    if (top[k] != bi && topv[k] >= ALT_CLOSE * best) close[nclose++] = top[k];
  if (nclose < ALT_MIN) return NONE;
  for (p = t->rec[bi].parent; p != NONE && p != 0 && !walk_is_element(t->rec[p].node, "body");
       p = t->rec[p].parent) {
    size_t held = 0;
    for (k = 0; k < nclose; k++) held += close[k] > p && close[k] < t->rec[p].end;
    if (held >= ALT_MIN) return p;
  }
  return NONE;
}

/* A part of a table (rows, a row group) is never the article: cells are
 * scored as paragraphs, so their row and row group win on a page whose
 * story is a table. The table then is the candidate, and its siblings (the
 * paragraphs around it) are weighed with it. NONE when i is no such part. */
static size_t table_of(const blocks_tree *t, size_t i) {
  static const char *const parts[] = { "tbody", "thead", "tfoot", "tr", "td", "th", NULL };
  size_t p = i;
  while (p != NONE && p != 0 && name_in(t->rec[p].node->name, parts)) p = t->rec[p].parent;
  return p != i && p != NONE && p != 0 && walk_is_element(t->rec[p].node, "table") ? p : NONE;
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
    if (v > best && !inside_link(r->node)) {
      best = v;
      out->node = r->node;
      out->score = v;
      *bi = s->order[i];
    }
  }
  if (*bi != NONE) {
    size_t anc = shared_ancestor(t, s, *bi, best);
    if (anc == NONE) anc = table_of(t, *bi);
    if (anc != NONE) {
      *bi = anc;
      out->node = t->rec[anc].node;
    }
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
