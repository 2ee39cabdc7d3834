#include "stats.h"

#include <string.h>

#include "text.h"
#include "walk.h"

typedef struct {
  node_stats *s;
  xmlNodePtr root;
  int link_depth;
  int in_word;    /* the previous code point belonged to a word */
  int owed_space; /* white space seen since the last visible code point */
  int space_in_link; /* that white space was inside a link */
} counter;

int stats_is_unspaced_cp(unsigned cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||  /* kana */
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x0E00 && cp <= 0x0E7F);  /* Thai */
}

int stats_is_punct_cp(unsigned cp) {
  switch (cp) {
    case '.': case ',': case ';': case ':': case '!': case '?':
    case 0x3002: case 0xFF0C: case 0x3001: case 0xFF01: case 0xFF1F: case 0xFF1B:
    case 0xFF1A: case 0x060C: case 0x061B: case 0x061F: case 0x06D4: case 0x0964:
      return 1;
    default:
      return 0;
  }
}

static void count_cp(counter *c, unsigned cp) {
  if (cp < 0x80 ? TEXT_ASCII_SPACE(cp) : text_is_space_cp(cp)) {
    c->in_word = 0;
    if (!c->owed_space) c->space_in_link = c->link_depth > 0;
    c->owed_space = 1;
    return;
  }
  if (c->owed_space && c->s->chars > 0) {
    c->s->chars++;
    if (c->link_depth && c->space_in_link) c->s->link_chars++;
  }
  c->owed_space = 0;
  c->s->chars++;
  if (c->link_depth) c->s->link_chars++;
  if (stats_is_punct_cp(cp)) { c->s->punct++; return; }  /* punctuation starts no word */
  if (stats_is_unspaced_cp(cp)) { c->s->words++; c->in_word = 0; return; }
  if (!c->in_word) c->s->words++;
  c->in_word = 1;
}

/* Printable ASCII other than sentence punctuation: inside a run of these
 * only the characters grow (control bytes take the general path). */
static inline int is_plain_ascii(unsigned char b) {
  return b > ' ' && b < 0x80 && b != '.' && b != ',' && b != ';' && b != ':' && b != '!' && b != '?';
}

/* content is NUL-terminated: a NUL ends any UTF-8 sequence early, so decoding
 * never reads past it. */
static void count_text(counter *c, const xmlChar *content) {
  const unsigned char *p = content;
  while (*p) {
    unsigned cp = *p;
    if (is_plain_ascii(*p)) {
      /* a run of plain ASCII: its first character as count_cp sees it, the
       * rest only add characters (the word has begun, no space is owed) */
      const unsigned char *start = p;
      size_t rest;
      while (is_plain_ascii(*++p)) {}
      count_cp(c, cp);
      rest = (size_t)(p - start) - 1;
      c->s->chars += rest;
      if (c->link_depth) c->s->link_chars += rest;
      continue;
    }
    if (cp < 0x80) p++;
    else p += text_utf8_next(p, 4, &cp);
    count_cp(c, cp);
  }
}

static int count_step(xmlNodePtr n, int entering, void *ud) {
  counter *c = ud;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (entering && n->content) count_text(c, n->content);
    return WALK_CONTINUE;
  }
  if (n->type != XML_ELEMENT_NODE) return WALK_CONTINUE;
  if (n != c->root && walk_is_invisible_tag(n->name)) return WALK_SKIP;
  if (text_element_break(n->name) != BREAK_NONE || walk_is_element(n, "br")) {
    c->in_word = 0;
    /* a break starts a run of white space like a space does: a gap is a link
     * character only when its run began inside a link (the blocks walker relies on it) */
    if (!c->owed_space) c->space_in_link = c->link_depth > 0;
    c->owed_space = 1;
  }
  if (walk_is_element(n, "a") && xmlHasProp(n, (const xmlChar *)"href"))
    c->link_depth += entering ? 1 : -1;
  if (entering && walk_is_element(n, "p")) c->s->paragraphs++;
  return WALK_CONTINUE;
}

void stats_compute(xmlNodePtr node, node_stats *out) {
  counter c;
  xmlNodePtr p;
  memset(out, 0, sizeof *out);
  memset(&c, 0, sizeof c);
  c.s = out;
  c.root = node;
  walk_tree(node, count_step, &c);
  for (p = node->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) out->depth++;
  out->link_density = out->chars ? (double)out->link_chars / (double)out->chars : 0.0;
}
