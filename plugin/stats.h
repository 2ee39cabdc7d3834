/* stats: per-block statistics that extraction decisions rest on. */
#ifndef LEDE_STATS_H
#define LEDE_STATS_H

#include <stddef.h>
#include <libxml/tree.h>

typedef struct {
  size_t chars;       /* code points of the visible text, white space runs counted once */
  size_t words;       /* space-separated words; each CJK character or kana counts as one */
  size_t link_chars;  /* chars inside <a href> */
  size_t punct;       /* sentence punctuation: . , ; : ! ? and their CJK/Arabic forms */
  size_t paragraphs;  /* <p> elements in the subtree, the node itself included */
  size_t depth;       /* element ancestors of the node */
  double link_density;/* link_chars / chars, 0 for an empty block */
} node_stats;

void stats_compute(xmlNodePtr node, node_stats *out);

/* 1 for scripts written without spaces between words (CJK, kana, Thai). */
int stats_is_unspaced_cp(unsigned cp);
int stats_is_punct_cp(unsigned cp);

#endif
