#include "text.h"

#include <string.h>

#include "walk.h"

typedef struct { const char *name; text_break brk; } tag_break;

static const tag_break BREAKS[] = {
  {"address", BREAK_PARAGRAPH}, {"article", BREAK_PARAGRAPH}, {"aside", BREAK_PARAGRAPH},
  {"blockquote", BREAK_PARAGRAPH}, {"body", BREAK_PARAGRAPH}, {"caption", BREAK_LINE},
  {"center", BREAK_PARAGRAPH}, {"dd", BREAK_LINE}, {"details", BREAK_PARAGRAPH},
  {"dialog", BREAK_PARAGRAPH}, {"div", BREAK_PARAGRAPH}, {"dl", BREAK_PARAGRAPH},
  {"dt", BREAK_LINE}, {"fieldset", BREAK_PARAGRAPH}, {"figcaption", BREAK_PARAGRAPH},
  {"figure", BREAK_PARAGRAPH}, {"footer", BREAK_PARAGRAPH}, {"form", BREAK_PARAGRAPH},
  {"h1", BREAK_PARAGRAPH}, {"h2", BREAK_PARAGRAPH}, {"h3", BREAK_PARAGRAPH},
  {"h4", BREAK_PARAGRAPH}, {"h5", BREAK_PARAGRAPH}, {"h6", BREAK_PARAGRAPH},
  {"header", BREAK_PARAGRAPH}, {"hgroup", BREAK_PARAGRAPH}, {"hr", BREAK_PARAGRAPH},
  {"html", BREAK_PARAGRAPH}, {"legend", BREAK_LINE}, {"li", BREAK_LINE},
  {"main", BREAK_PARAGRAPH}, {"menu", BREAK_PARAGRAPH}, {"nav", BREAK_PARAGRAPH},
  {"ol", BREAK_PARAGRAPH}, {"option", BREAK_LINE}, {"p", BREAK_PARAGRAPH},
  {"pre", BREAK_PARAGRAPH}, {"section", BREAK_PARAGRAPH}, {"summary", BREAK_LINE},
  {"table", BREAK_PARAGRAPH}, {"tbody", BREAK_LINE}, {"tfoot", BREAK_LINE},
  {"thead", BREAK_LINE}, {"tr", BREAK_LINE}, {"ul", BREAK_PARAGRAPH},
};

text_break text_element_break(const xmlChar *name) {
  size_t lo = 0, hi = sizeof BREAKS / sizeof BREAKS[0];
  if (!name) return BREAK_NONE;
  while (lo < hi) {  /* BREAKS is sorted by name */
    size_t mid = (lo + hi) / 2;
    int c = (int)name[0] - (int)(unsigned char)BREAKS[mid].name[0];  /* most probes end here */
    if (c == 0) c = strcmp((const char *)name, BREAKS[mid].name);
    if (c == 0) return BREAKS[mid].brk;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return BREAK_NONE;
}

size_t text_utf8_next(const unsigned char *s, size_t avail, unsigned *cp) {
  unsigned c = s[0];
  size_t n, i;
  if (c < 0x80) { *cp = c; return 1; }
  if (c >= 0xC0 && c < 0xE0) { n = 2; *cp = c & 0x1F; }
  else if (c >= 0xE0 && c < 0xF0) { n = 3; *cp = c & 0x0F; }
  else if (c >= 0xF0 && c < 0xF8) { n = 4; *cp = c & 0x07; }
  else { *cp = 0xFFFD; return 1; }
  if (avail < n) { *cp = 0xFFFD; return 1; }
  for (i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
    *cp = (*cp << 6) | (s[i] & 0x3F);
  }
  return n;
}

int text_is_space_cp(unsigned cp) {
  if (cp < 0x80) return TEXT_ASCII_SPACE(cp);
  return cp == 0xA0 || cp == 0x2007 || cp == 0x202F || cp == 0x200B || cp == 0xFEFF ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000 || cp == 0x1680 || cp == 0x2028 ||
         cp == 0x2029;
}

unsigned text_first_visible(const unsigned char *s, size_t *at) {
  const unsigned char *p = s;
  *at = 0;
  while (p && *p) {
    unsigned cp = *p;
    size_t n = cp < 0x80 ? 1 : text_utf8_next(p, 4, &cp);  /* NUL-terminated: a NUL ends a sequence */
    if (cp < 0x80 ? !TEXT_ASCII_SPACE(cp) : !text_is_space_cp(cp)) {
      *at = (size_t)(p - s);
      return cp;
    }
    p += n;
  }
  return 0;
}

int text_is_upper_cp(unsigned cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

int text_is_lower_cp(unsigned cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
         (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x45F);
}

size_t text_utf8_len(const char *s, size_t len) {
  size_t i, n = 0;
  for (i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  return n;
}

/* The renderer's state: breaks and spaces are owed, and paid only when the
 * next visible character arrives, so the output never starts or ends with
 * white space and never holds two separators in a row. */
typedef struct {
  buf *out;
  xmlNodePtr root;
  text_break owed_break;
  int owed_space;
  int pre_depth;
  int cell_open;      /* inside a cell, no text yet: its blocks add no break */
  int rows_in_table;  /* a cell of the current table was entered: rows break by a line */
  int row_text;       /* the current row has text: the next cell opens with " | " */
  int br_owed;        /* the owed line break is a <br>'s */
} renderer;

static void pay_debts(renderer *r) {
  int cell_start = r->cell_open;
  r->cell_open = 0;
  r->row_text = 1;
  r->br_owed = 0;
  if (r->out->len == 0) { r->owed_break = BREAK_NONE; r->owed_space = 0; return; }
  if (cell_start && r->owed_break == BREAK_NONE) r->owed_space = 0;  /* " | " has its space */
  if (r->owed_break == BREAK_PARAGRAPH) buf_add(r->out, "\n\n", 2);
  else if (r->owed_break == BREAK_LINE) buf_addc(r->out, '\n');
  else if (r->owed_space) buf_addc(r->out, ' ');
  r->owed_break = BREAK_NONE;
  r->owed_space = 0;
}

static void owe_break(renderer *r, text_break b) {
  if (r->cell_open) return;  /* a cell's leading blocks: the row's own break stands */
  if (b > r->owed_break) r->owed_break = b;
}

/* <br> breaks the line; a second one with no text between ends the
 * paragraph, as <br><br> looks on screen (pages without <p> set their
 * paragraphs so). */
static void owe_br(renderer *r) {
  if (r->cell_open) return;
  owe_break(r, r->br_owed && r->owed_break == BREAK_LINE ? BREAK_PARAGRAPH : BREAK_LINE);
  r->br_owed = 1;
}

static void emit_collapsed(renderer *r, const unsigned char *s, size_t len) {
  size_t i = 0, start = 0;
  while (i < len) {
    unsigned cp = s[i];
    size_t n = 1;
    if (cp >= 0x80) n = text_utf8_next(s + i, len - i, &cp);
    if (cp < 0x80 ? TEXT_ASCII_SPACE(cp) : text_is_space_cp(cp)) {
      if (i > start) { pay_debts(r); buf_add(r->out, (const char *)s + start, i - start); }
      r->owed_space = 1;
      start = i + n;
    }
    i += n;
  }
  if (len > start) { pay_debts(r); buf_add(r->out, (const char *)s + start, len - start); }
}

static void emit_pre(renderer *r, const char *s, size_t len) {
  if (len == 0) return;
  pay_debts(r);
  buf_add(r->out, s, len);
}

/* Tables row by row: a row's cells on one line, " | " between them once
 * the row has text (empty leading cells leave no mark), whatever blocks the
 * cells hold; a cell's own paragraphs keep their breaks (a layout table's
 * one cell holds a whole article). */
static void enter_row(renderer *r) {
  if (r->rows_in_table && r->owed_break > BREAK_LINE) r->owed_break = BREAK_LINE;
  r->row_text = 0;
}

static void enter_cell(renderer *r) {
  if (r->row_text) {
    r->owed_break = BREAK_NONE;
    r->owed_space = 0;
    buf_add(r->out, " | ", 3);
  }
  r->rows_in_table = r->cell_open = 1;
}

static int render_step(xmlNodePtr n, int entering, void *ud) {
  renderer *r = ud;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (entering && n->content) {
      size_t len = strlen((const char *)n->content);
      if (r->pre_depth) emit_pre(r, (const char *)n->content, len);
      else emit_collapsed(r, n->content, len);
    }
    return WALK_CONTINUE;
  }
  if (n->type != XML_ELEMENT_NODE) return WALK_CONTINUE;
  if (n != r->root && walk_is_invisible_tag(n->name)) return WALK_SKIP;
  if (walk_is_element(n, "br")) {
    if (entering) owe_br(r);
    return WALK_CONTINUE;
  }
  if (walk_is_element(n, "pre")) r->pre_depth += entering ? 1 : -1;
  if (entering && walk_is_element(n, "table")) r->rows_in_table = 0;
  if (entering && walk_is_element(n, "tr")) enter_row(r);
  if (walk_is_element(n, "td") || walk_is_element(n, "th")) {
    if (entering) enter_cell(r);
    else r->cell_open = 0;
  }
  if (walk_is_element(n, "img") && entering) return WALK_CONTINUE;
  owe_break(r, text_element_break(n->name));
  return WALK_CONTINUE;
}

int text_render(xmlNodePtr node, buf *out) {
  renderer r;
  memset(&r, 0, sizeof r);
  r.out = out;
  r.root = node;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    if (node->content) emit_collapsed(&r, node->content, strlen((const char *)node->content));
  } else {
    walk_tree(node, render_step, &r);
  }
  return buf_failed(out) ? -1 : 0;
}

void text_collapse(const char *s, size_t len, buf *out) {
  renderer r;
  memset(&r, 0, sizeof r);
  r.out = out;
  if (out->len > 0) r.owed_space = 0;
  emit_collapsed(&r, (const unsigned char *)s, len);
}

/* ---- squash ------------------------------------------------------------- */

static int squash_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Bytes of the Unicode space starting at s (0 if none): U+00A0, U+2002,
 * U+2003, U+2009, U+200A, U+200B, U+202F, U+3000. */
static size_t squash_unicode_space(const unsigned char *s, size_t avail) {
  if (avail >= 2 && s[0] == 0xC2 && s[1] == 0xA0) return 2;
  if (avail < 3 || s[1] != 0x80) return 0;
  if (s[0] == 0xE3) return s[2] == 0x80 ? 3 : 0;
  if (s[0] != 0xE2) return 0;
  switch (s[2]) {
  case 0x82: case 0x83: case 0x89: case 0x8A: case 0x8B: case 0xAF: return 3;
  default: return 0;
  }
}

static int squash_needed(const unsigned char *s, size_t len) {
  size_t i;
  if (len == 0 || s[0] == ' ' || s[len - 1] == ' ') return 1;
  for (i = 0; i < len; i++) {
    unsigned char c = s[i];
    if (c == ' ') {
      if (i + 1 < len && s[i + 1] == ' ') return 1;
    } else if (c < 0x80) {
      if (squash_ascii_space(c)) return 1;
    } else if (squash_unicode_space(s + i, len - i)) {
      return 1;
    }
  }
  return 0;
}

int text_squash(const char *str, size_t len, buf *out) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0, start = out->len;
  int space = 0;  /* a space is owed before the next visible byte */
  if (!squash_needed(s, len)) return 0;
  while (i < len) {
    size_t u = s[i] < 0x80 ? 0 : squash_unicode_space(s + i, len - i);
    if (u || squash_ascii_space(s[i])) {
      space = out->len > start;  /* never at the start */
      i += u ? u : 1;
      continue;
    }
    if (space) buf_addc(out, ' ');
    space = 0;
    buf_addc(out, (char)s[i++]);
  }
  return 1;
}
