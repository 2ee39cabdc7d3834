/* blocks: the clean, body and prune decisions of lede.pipeline, made in C
 * with one linear walk per step.
 *
 * Plain C that knows nothing of Lua. Every function here walks the tree
 * iteratively (pages nest 100,000 deep) and never modifies the document:
 * it returns the nodes to remove and why, and the Lua layer removes them
 * (so filters can still protect nodes and traces still name them).
 *
 * Statistics follow stats.c exactly (blocks_annotate gives, for every
 * element, the numbers stats_compute would give for it): they come from one
 * post-order walk in which each element's numbers are differences of running
 * counters taken when the walk enters and leaves it. When a decision removes
 * a subtree, the counters are wound back to where they stood before it, so the
 * numbers of every enclosing block no longer include it: later decisions see
 * the page as Lua saw it after the removal. Each step keeps one such set of
 * counters ("view") per stage of the Lua step it replaces, so every guard
 * reads the numbers Lua's guard read at that point.
 *
 * Where this differs from the Lua steps (none of it occurs on the corpus):
 * - link_chars of an element nested in more than 4 links counts 0;
 * - clean judges nested listed tags inside out (a <form> in a <dialog> in a
 *   <button>), Lua by the order of boilerplate.tags: they differ only when
 *   the outer one holds more than half of <body> thanks to the inner ones;
 * - a block inside <pre>, or holding a cell that follows one outside it, is
 *   judged as a boilerplate line only when it has at most 64 elements. */
#ifndef LEDE_BLOCKS_H
#define LEDE_BLOCKS_H

#include <stddef.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "buf.h"
#include "classify.h"
#include "match.h"

#define BLOCKS_NONE ((size_t)-1)

/* One element, at its pre-order position in the walk. */
typedef struct {
  xmlNodePtr node;
  size_t parent;      /* index of the parent element, BLOCKS_NONE for the walk's root */
  size_t end;         /* one past the index of its last descendant */
  size_t chars;       /* as stats_compute: code points, white space runs counted once */
  size_t link_chars;  /* chars inside <a href> */
  size_t punct;       /* sentence punctuation */
  size_t paragraphs;  /* <p> elements, the node itself included */
  unsigned char unlikely;  /* an ancestor within 8 levels is nav, footer or menu */
} blocks_rec;

typedef struct {
  blocks_rec *rec;
  size_t n, cap;
} blocks_tree;

void blocks_tree_init(blocks_tree *t);
void blocks_tree_free(blocks_tree *t);

/* One post-order walk of root's subtree filling t (emptied first). Elements
 * inside invisible ones (script, template, video ...) are recorded too, with
 * their own numbers, as stats_compute would count them. 0, or -1 when memory
 * ran out. */
int blocks_annotate(xmlNodePtr root, blocks_tree *t);

/* Link density as lede reports it: link_chars / chars, 0 for an empty block. */
double blocks_link_density(const blocks_rec *r);

/* Why a node is marked. */
typedef enum {
  BLOCKS_TAG,           /* its tag is listed: "tag <name>" */
  BLOCKS_HIDDEN,        /* hidden attribute, aria-hidden="true", display:none, visibility:hidden */
  BLOCKS_CLASS,         /* a class/id word: "class/id word '<word>'" */
  BLOCKS_LINE,          /* its whole text is a boilerplate line */
  BLOCKS_LINK_DENSE,    /* ul, ol, div or section with link density above 0.6 */
  BLOCKS_CAPTION,       /* figcaption, a caption/credit class word, or a photo credit's text */
  BLOCKS_APART,         /* a sibling of the scored body's best candidate that is not the article's */
  BLOCKS_LEAD           /* the article's header above the story: headline, kicker, byline, date */
} blocks_why;

typedef struct {
  xmlNodePtr node;
  blocks_why why;
  const char *word;     /* BLOCKS_CLASS: the word (owned by the classify table) */
  size_t chars;         /* its characters when it was judged */
} blocks_mark;

typedef struct {
  blocks_mark *v;
  size_t n, cap;
} blocks_marks;

void blocks_marks_init(blocks_marks *m);
void blocks_marks_free(blocks_marks *m);

/* Flags for the mark functions. */
enum {
  BLOCKS_NESTED = 1   /* list marked nodes inside marked nodes too (for callers that may
                         keep a marked node: the ones inside must then go one by one) */
};

/* clean: the elements of doc to remove, in document order, outermost only:
 * tags in CLS_TAG_CLEAN, then hidden elements. Never the root element, and
 * never a node holding more than half the characters of <body> (except an
 * element whose content is never text: script, style, svg ...). */
int blocks_clean_marks(xmlDocPtr doc, const classify *c, int flags, blocks_marks *out);

/* body: CSS selectors tried in order, compiled once. A selector that is one
 * compound (a tag, classes, ids, attribute tests: all of
 * pipeline.body_selectors) is matched directly on the walk's records by
 * match.c, with the semantics of the XPath css_compile writes for it; any
 * other goes through libxml2's XPath. */
typedef struct {
  size_t n;
  char **css;
  xmlXPathCompExprPtr *comp;
  match_sel **simple;   /* per selector: its direct form (one compound), or NULL */
} blocks_selectors;

/* Compiles n CSS selectors; 0, or -1 with a message in err (errsz bytes). */
int blocks_selectors_compile(blocks_selectors *s, const char *const *css, size_t n,
                             char *err, size_t errsz);
void blocks_selectors_free(blocks_selectors *s);

typedef struct {
  xmlNodePtr node;      /* NULL when neither a selector nor scoring found a body */
  size_t selector;      /* index of the selector that chose it, BLOCKS_NONE for scoring */
  double score;         /* non-link characters (selector) or the candidate's score */
  blocks_marks drop;    /* scoring: children of the body that are not the article's (the body
                           is then the parent of the best candidate and its close siblings) */
} blocks_body;

void blocks_body_free(blocks_body *b);

/* The article body: per selector in order, its match with the most non-link
 * characters, when they reach min_chars (several matches holding most of
 * their common ancestor's text: that ancestor, a story cut in parts); else
 * Readability-style scoring of paragraphs (and of divs of text without
 * blocks, when they hold far more text than the body found), with the
 * siblings of the best candidate that belong with it (out->drop lists the
 * parent's other children, to remove; blocks_body_free frees it), or the
 * common ancestor of long blocks sharing the best candidate's class.
 * xp: an XPath context for doc (errors silenced), or NULL for a temporary one.
 * 0, or -1 when memory ran out or an XPath evaluation failed. */
int blocks_best_body(xmlDocPtr doc, const classify *c, xmlXPathContextPtr xp,
                     const blocks_selectors *sel, double min_chars, blocks_body *out);

typedef struct {
  blocks_marks remove;    /* document order; outermost, except tag and class/id marks inside a
                             caption (remove those first, then take the captions' text) */
  blocks_marks captions;  /* captions to keep apart (text) and remove */
  int guard_tripped;      /* class/id marks would have taken over half the body: none applied */
  size_t marked_chars;    /* the characters they would have taken */
  size_t total;           /* the body's characters */
} blocks_prune;

void blocks_prune_init(blocks_prune *p);
void blocks_prune_free(blocks_prune *p);

/* prune: inside body, the blocks to remove and why. In the order Lua applies
 * them: tags in CLS_TAG_OUTSIDE, class/id boilerplate (guarded), captions
 * (by tag or class, a block after an image repeating its alt text, a line
 * that is a photo credit, or a short block after an image ending with one:
 * CLS_CREDIT's labels and agencies), then
 * boilerplate lines and link-dense ul/ol/div/section, each judged on the
 * body as the earlier removals leave it. Never a block holding more than half
 * of the body's characters, but a list of teasers whose class says
 * boilerplate; never a content tag for its class. */
int blocks_prune_marks(xmlNodePtr body, const classify *c, int flags, blocks_prune *out);

/* What prune leans to: the default; precision (a block of ul/ol/div/section
 * goes from link density 0.4 instead of 0.6); recall (no boilerplate lines,
 * no link-dense blocks: only tags, class/id words and captions). */
enum { BLOCKS_FAVOR_BALANCED = 0, BLOCKS_FAVOR_PRECISION, BLOCKS_FAVOR_RECALL };

/* blocks_prune_marks leaning as favor says. */
int blocks_prune_marks_favor(xmlNodePtr body, const classify *c, int flags, int favor, blocks_prune *out);

/* lead: the blocks at the top of body that repeat the headline (title, when
 * given) or are furniture lines (byline, date, kicker: short lines
 * that end no sentence, or lines opening with a CLS_LEAD word), appended to out in document order. Blocks are judged one by
 * one, descending into wrappers, until the first block of story text; when
 * there is none (a list of short lines, say), nothing is marked. Reads at
 * most a bounded number of small blocks. 0, or -1 when memory ran out. */
int blocks_lead_marks(xmlNodePtr body, const classify *c, const char *title, size_t tlen,
                      blocks_marks *out);

/* standfirst: the summary the page prints above its body, outside it: a
 * paragraph of a small block among the earlier siblings of body or of its
 * nearest ancestors that starts as desc (the page's description) does,
 * compared on letters and digits. Appends it to out and returns 1; 0 when
 * there is none or body already holds it; -1 when memory ran out. */
int blocks_standfirst(xmlNodePtr body, const char *desc, size_t dlen, buf *out);

#endif
