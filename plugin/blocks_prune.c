/* blocks_prune: lede.pipeline's prune step inside the body in one walk:
 * outside tags, class/id marks, captions, boilerplate lines and link-dense
 * blocks, each under the guard its Lua stage had. */
#include "blocks_walk.h"

#include <ctype.h>
#include <stdlib.h>

#include "walk.h"

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
    const char *v = wk_attr_value(n, attrs[i], &copy);
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
  v = wk_attr_value(n, "class", &copy);
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
    const char *v = wk_attr_value(img, attrs[i], &copy);
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
    const char *v = wk_attr_value(img, attrs[i], &copy);
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
      !(wk_tag_kind(w, n->name) & TK_BREAK) ||  /* a span: the block holding it is judged whole */
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

/* A counter: a number ("27", "1,204", "3.4K") and what it counts
 * ("comments", "shares"), nothing else. */
static int is_counter(const judge *j, const char *s, size_t len) {
  size_t i = 0;
  while (i < len && (isdigit((unsigned char)s[i]) || s[i] == ',' || s[i] == '.')) i++;
  if (i == 0 || !isdigit((unsigned char)s[0])) return 0;
  if (i < len && (s[i] == 'k' || s[i] == 'K' || s[i] == 'm' || s[i] == 'M')) i++;
  if (i >= len || !is_lua_space((unsigned char)s[i])) return 0;
  while (i < len && is_lua_space((unsigned char)s[i])) i++;
  return i < len && classify_member_lower(j->c, CLS_COUNTED, s + i, len - i);
}

/* Its whole text, lowercased, trimmed and without trailing punctuation, is a
 * boilerplate line (pipeline.normalized_line) or a counter. Long slices
 * cannot be one. */
static int normalized_is_line(const judge *j, const char *s, size_t len) {
  while (len && is_lua_space((unsigned char)*s)) { s++; len--; }
  for (;;) {
    while (len && (is_lua_space((unsigned char)s[len - 1]) || is_lua_punct((unsigned char)s[len - 1]))) len--;
    if (!trailing_mark(s, &len)) break;
  }
  return classify_member_lower(j->c, CLS_LINE, s, len) || is_counter(j, s, len);
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
    if (entering && n->content) wk_r_text(&lt->r, &lt->out, n->content, strlen((const char *)n->content));
    return WALK_CONTINUE;
  }
  if (n->type != XML_ELEMENT_NODE) return WALK_CONTINUE;
  kind = wk_tag_kind(lt->w, n->name);
  if (!entering) {
    if (n == lt->skipped) lt->skipped = NULL;
    else wk_r_element(&lt->r, &lt->out, n, kind, 0);
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
  wk_r_element(&lt->r, &lt->out, n, kind, 1);
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
  teaser = (cand & CAND_B) && judge_is_teaser_list(w->t, idx);
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
      if (!judge_is_teaser_list(w->t, i)) sum += wk_x(w, i).chars[P_NO_A(j)];
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
    if ((j->known || judge_guards_hold(w, j)) && trip == j->trip) break;
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
    rc = judge_emit_marks(&w, &j, flags, &out->remove, &out->captions);
  }
  judge_free(&j);
  wk_free(&w);
  blocks_tree_free(&t);
  return rc;
}
