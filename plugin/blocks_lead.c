/* blocks_lead: the article's header at the top of the body (headline,
 * kicker, byline, date) and the standfirst printed above the body. */
#include "blocks_walk.h"

#include <stdlib.h>

#include "stats.h"
#include "walk.h"

#define LEAD_SMALL 600     /* bytes of text a block may hold to be judged as a header block */
#define LEAD_NODES 200     /* elements a block may hold to be judged */
#define LEAD_EXAMINED 48   /* blocks looked at before giving up */
#define LEAD_MARKS 12      /* header blocks removed at most */
#define LEAD_LINE 80       /* code points of a furniture line (byline, date, kicker) */
#define LEAD_LIST_LINE 32  /* code points of each item of a furniture list (date, counter, name) */
#define LEAD_CREDIT_LINE 140  /* code points of a line opening with a byline or date word */
#define LEAD_TITLE_EXTRA 120  /* bytes a title block may hold beyond the title */
#define LEAD_TEASER_MIN 20    /* letters and digits (bytes, folded) a teaser holds at least */
#define LEAD_TEASER_WINDOW 65536  /* folded bytes of the text after a teaser searched for its words */

typedef struct {
  size_t bytes, nodes, limit;
  int big;
} lead_size;

static int lead_size_step(xmlNodePtr n, int entering, void *ud) {
  lead_size *s = ud;
  if (!entering) return WALK_CONTINUE;
  if (n->type == XML_ELEMENT_NODE) {
    if (walk_is_invisible_tag(n->name)) return WALK_SKIP;
    if (++s->nodes > LEAD_NODES) { s->big = 1; return WALK_STOP; }
  } else if (n->type == XML_TEXT_NODE && n->content) {
    const xmlChar *p;
    for (p = n->content; *p; p++)
      if (!is_lua_space(*p) && ++s->bytes > s->limit) { s->big = 1; return WALK_STOP; }
  }
  return WALK_CONTINUE;
}

/* Whether n is small enough to be a header block, without visiting more of
 * it than that takes. */
static int lead_is_small(xmlNodePtr n, size_t limit) {
  lead_size s = { 0, 0, limit, 0 };
  walk_tree(n, lead_size_step, &s);
  return !s.big;
}

int lead_is_heading(xmlNodePtr n) {
  return n->name && n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' && !n->name[2];
}

/* Blocks that hold running text of their own: the story begins at them. */
static int lead_is_text_block(xmlNodePtr n) {
  static const char *const tags[] = { "p", "li", "ul", "ol", "dl", "table", "pre", "blockquote", NULL };
  return name_in(n->name, tags);
}

/* Letters and digits only, ASCII lowercased, for comparing a block with the
 * title whatever its quotes, dashes and spacing. */
void lead_fold(const char *s, size_t len, buf *out) {
  size_t i = 0;
  while (i < len) {
    unsigned cp = (unsigned char)s[i];
    size_t n = cp < 0x80 ? 1 : text_utf8_next((const unsigned char *)s + i, len - i, &cp);
    int keep = cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9')
                         : !(cp >= 0x2000 && cp <= 0x206F) && !(cp >= 0x3000 && cp <= 0x303F) &&
                           !(cp >= 0xFF00 && cp <= 0xFF20) && cp != 0xA0 && cp != 0xFFFD;
    if (keep) {
      if (cp < 0x80) buf_addc(out, (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      else buf_add(out, s + i, n);
    }
    i += n;
  }
}

int lead_has(const char *hay, size_t hl, const char *needle, size_t nl) {
  size_t i;
  if (!nl || nl > hl) return 0;
  for (i = 0; i + nl <= hl; i++)
    if (memcmp(hay + i, needle, nl) == 0) return 1;
  return 0;
}

static int lead_ends_text(const char *s, size_t len);

/* The block repeats the headline: it holds the title (with a kicker or a
 * date around it), or is most of it. */
static int lead_is_title(const char *text, size_t len, const char *title, size_t tlen) {
  buf a, b;
  int yes = 0;
  if (!title || tlen < 8) return 0;
  buf_init(&a);
  buf_init(&b);
  lead_fold(text, len, &a);
  lead_fold(title, tlen, &b);
  if (!buf_failed(&a) && !buf_failed(&b) && b.len >= 8 && a.len)
    yes = (a.len <= b.len + LEAD_TITLE_EXTRA && lead_has(a.data, a.len, b.data, b.len) &&
           (a.len == b.len || !lead_ends_text(text, len))) ||  /* a sentence naming the title is text */
          (a.len * 10 >= b.len * 6 && lead_has(b.data, b.len, a.data, a.len));
  buf_free(&a);
  buf_free(&b);
  return yes;
}

/* The last code point of [s, s + len), 0 when empty. */
static unsigned lead_last_cp(const char *s, size_t len) {
  size_t i = len;
  unsigned cp = 0;
  if (!len) return 0;
  while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
  if (i > 0) i--;
  text_utf8_next((const unsigned char *)s + i, len - i, &cp);
  return cp;
}

/* Abbreviations that end a clock time with a full stop ("10:31 a.m.", "09:01
 * hrs."): the stop ends the time, not a sentence. */
static const char *const LEAD_CLOCK_ENDS[] = { "a.m.", "p.m.", "hrs.", "hs.", "h.", "uhr.", NULL };

static int lead_is_digit(char c) { return c >= '0' && c <= '9'; }

/* The line ends with a clock time and one of those abbreviations: "..., 09:01 hrs." */
static int lead_ends_clock(const char *s, size_t len) {
  size_t k, i;
  for (k = 0; LEAD_CLOCK_ENDS[k]; k++) {
    size_t n = strlen(LEAD_CLOCK_ENDS[k]);
    if (len < n + 5) continue;
    for (i = 0; i < n && ((unsigned char)s[len - n + i] | 0x20) == (unsigned char)LEAD_CLOCK_ENDS[k][i]; i++) {}
    if (i < n) continue;
    i = len - n;
    while (i > 0 && s[i - 1] == ' ') i--;
    return i >= 4 && lead_is_digit(s[i - 1]) && lead_is_digit(s[i - 2]) && s[i - 3] == ':' &&
           lead_is_digit(s[i - 4]);
  }
  return 0;
}

/* A line that ends a sentence or leads into the next one ("BEIJING:",
 * "WASHINGTON —"): story text, never furniture. A date line that ends with
 * "a.m." is neither. */
static int lead_ends_text(const char *s, size_t len) {
  unsigned cp;
  if (lead_ends_clock(s, len)) return 0;
  while (len) {
    cp = lead_last_cp(s, len);
    if (cp != '"' && cp != '\'' && cp != ')' && cp != 0x201D && cp != 0x2019 && cp != 0x300D) break;
    while (len && ((unsigned char)s[len - 1] & 0xC0) == 0x80) len--;
    if (len) len--;
  }
  cp = lead_last_cp(s, len);
  return stats_is_punct_cp(cp) || cp == 0x2014 || cp == 0x2013 || cp == '-' || cp == 0x2026;
}

/* The line opens with a word of bylines and date lines ("By", "Published",
 * "Updated"; classify's CLS_LEAD words, lowercased). */
int lead_opens_credit(const classify *c, const char *s, size_t len) {
  size_t k = 0;
  char w[32];
  while (k < len && k < sizeof w && !is_lua_space((unsigned char)s[k]) && s[k] != ':') {
    w[k] = (char)((unsigned char)s[k] >= 'A' && (unsigned char)s[k] <= 'Z' ? s[k] + 32 : s[k]);
    k++;
  }
  return k > 0 && k < sizeof w && k < len && classify_member(c, CLS_LEAD, w, k);
}

/* Every line is short and ends no sentence, or opens as bylines and date
 * lines do: a byline, a date, a kicker, a reading time. */
static int lead_is_furniture(const classify *c, const char *text, size_t len, size_t max_line) {
  size_t start = 0, lines = 0;
  while (start < len) {
    size_t end = start, a, b;
    while (end < len && text[end] != '\n') end++;
    for (a = start; a < end && is_lua_space((unsigned char)text[a]); a++) {}
    for (b = end; b > a && is_lua_space((unsigned char)text[b - 1]); b--) {}
    if (b > a) {
      size_t cps = text_utf8_len(text + a, b - a);
      if (lead_opens_credit(c, text + a, b - a) ? cps > LEAD_CREDIT_LINE
                                                : cps > max_line || lead_ends_text(text + a, b - a))
        return 0;
      lines++;
    }
    start = end + 1;
  }
  return lines > 0;
}

typedef enum { LEAD_SKIP, LEAD_HEADER, LEAD_STORY } lead_verdict;

/* The text ends with an ellipsis ("...", "…"), as an excerpt cut short does. */
static int lead_ends_ellipsis(const char *s, size_t len) {
  while (len && is_lua_space((unsigned char)s[len - 1])) len--;
  return (len >= 3 && memcmp(s + len - 3, "...", 3) == 0) || lead_last_cp(s, len) == 0x2026;
}

/* The text after a block, folded, up to a limit: where a teaser's words
 * come again. Reading only a window keeps the test cheap on huge pages. */
typedef struct {
  xmlNodePtr after;
  int passed;
  buf *out;
} lead_window;

static int lead_window_step(xmlNodePtr n, int entering, void *ud) {
  lead_window *w = ud;
  if (n == w->after) {
    if (!entering) w->passed = 1;
    return entering ? WALK_SKIP : WALK_CONTINUE;
  }
  if (!entering) return WALK_CONTINUE;
  if (n->type == XML_ELEMENT_NODE && walk_is_invisible_tag(n->name)) return WALK_SKIP;
  if (w->passed && n->type == XML_TEXT_NODE && n->content) {
    lead_fold((const char *)n->content, strlen((const char *)n->content), w->out);
    if (w->out->len >= LEAD_TEASER_WINDOW || buf_failed(w->out)) return WALK_STOP;
  }
  return WALK_CONTINUE;
}

/* An excerpt printed above the story and cut short ("People love to
 * share what they hate..."): its words come again in the story below it. */
static int lead_is_teaser(xmlNodePtr body, xmlNodePtr n, const char *s, size_t len, int *yes) {
  buf f, after;
  lead_window w;
  int rc = 0;
  *yes = 0;
  if (!lead_ends_ellipsis(s, len)) return 0;
  buf_init(&f);
  buf_init(&after);
  lead_fold(s, len, &f);
  if (!buf_failed(&f) && f.len >= LEAD_TEASER_MIN) {
    w.after = n;
    w.passed = 0;
    w.out = &after;
    walk_tree(body, lead_window_step, &w);
    *yes = !buf_failed(&after) && lead_has(after.data, after.len, f.data, f.len);
  }
  if (buf_failed(&f) || buf_failed(&after)) rc = -1;
  buf_free(&f);
  buf_free(&after);
  return rc;
}

/* What a small block at the top of the body is. */
static int lead_judge(const classify *c, xmlNodePtr body, xmlNodePtr n, const char *title, size_t tlen,
                      lead_verdict *v) {
  buf t;
  int teaser = 0;
  buf_init(&t);
  if (text_render(n, &t) != 0 || buf_failed(&t)) { buf_free(&t); return -1; }
  if (!t.len) *v = LEAD_SKIP;  /* images, empty wrappers */
  else if (lead_is_title(t.data, t.len, title, tlen)) *v = LEAD_HEADER;
  else if (walk_is_element(n, "h1")) *v = LEAD_HEADER;  /* the page's headline, in other words */
  else if (lead_is_heading(n)) *v = LEAD_STORY;  /* a heading of the story itself */
  else if (!lead_is_text_block(n) || walk_is_element(n, "p"))
    *v = lead_is_furniture(c, t.data, t.len, LEAD_LINE) ? LEAD_HEADER : LEAD_STORY;
  /* a list of a few words per item ("<li><time>…</time><li>6,762"): the
   * header's date, counters and names; key points run longer */
  else if (walk_is_element(n, "ul") || walk_is_element(n, "ol"))
    *v = lead_is_furniture(c, t.data, t.len, LEAD_LIST_LINE) ? LEAD_HEADER : LEAD_STORY;
  else *v = LEAD_STORY;
  if (*v == LEAD_STORY && !lead_is_heading(n) && lead_is_teaser(body, n, t.data, t.len, &teaser) != 0) {
    buf_free(&t);
    return -1;
  }
  if (teaser) *v = LEAD_HEADER;
  buf_free(&t);
  return 0;
}

int lead_has_text(xmlNodePtr n) {
  const xmlChar *p;
  if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) return 0;
  for (p = n->content; p && *p; p++)
    if (!is_lua_space(*p)) return 1;
  return 0;
}

/* Elements whose children may hold the header: block containers. */
static int lead_can_descend(xmlNodePtr n) {
  return text_element_break(n->name) == BREAK_PARAGRAPH && !lead_is_text_block(n) && !lead_is_heading(n);
}

/* A container of blocks only: text or inline elements straight inside it
 * make one block of it, judged whole. */
static int lead_holds_blocks(xmlNodePtr n) {
  int blocks = 0;
  for (n = n->children; n; n = n->next) {
    if (lead_has_text(n)) return 0;
    if (n->type != XML_ELEMENT_NODE || walk_is_invisible_tag(n->name)) continue;
    if (text_element_break(n->name) == BREAK_NONE && !walk_is_element(n, "img")) return 0;
    if (text_element_break(n->name) != BREAK_NONE) blocks = 1;
  }
  return blocks;
}

/* The node after n in the walk of body's blocks: its next sibling, else the
 * next sibling of the nearest wrapper that has one. */
static xmlNodePtr lead_next(xmlNodePtr n, xmlNodePtr body) {
  while (!n->next && n->parent && n->parent != body) n = n->parent;
  return n->next;
}

static int lead_holds_text(xmlNodePtr n) {
  lead_size s = { 0, 0, 1, 0 };
  walk_tree(n, lead_size_step, &s);
  return s.bytes > 0;
}

int blocks_lead_marks(xmlNodePtr body, const classify *c, const char *title, size_t tlen,
                      blocks_marks *out) {
  xmlNodePtr n;
  size_t examined = 0, start = out->n;
  if (!body || body->type != XML_ELEMENT_NODE) return 0;
  n = body->children;
  while (n && examined < LEAD_EXAMINED) {
    lead_verdict v;
    if (lead_has_text(n)) return 0;  /* running text straight in a container: the story */
    if (n->type != XML_ELEMENT_NODE || walk_is_invisible_tag(n->name)) { n = lead_next(n, body); continue; }
    if (text_element_break(n->name) == BREAK_NONE) {  /* inline: the story's text flow, unless empty */
      if (lead_holds_text(n)) return 0;
      n = lead_next(n, body);
      continue;
    }
    examined++;
    if (lead_can_descend(n) && lead_holds_blocks(n)) {
      n = n->children;  /* a wrapper: judge its blocks one by one */
      continue;
    }
    if (!lead_is_small(n, LEAD_SMALL)) return 0;  /* a long block of text: the story */
    if (lead_judge(c, body, n, title, tlen, &v) != 0) return -1;
    if (v == LEAD_STORY) {
      return 0;  /* found where the story begins: the marks stand */
    }
    if (v == LEAD_HEADER) {
      if (out->n - start >= LEAD_MARKS) break;
      if (wk_marks_add(out, n, BLOCKS_LEAD, NULL, 0) != 0) return -1;
    }
    n = lead_next(n, body);
  }
  out->n = start;  /* no story found after them: keep everything */
  return 0;
}

/* ---- standfirst: the summary printed above the body, outside it ----------- */

#define SF_LEVELS 4       /* ancestors of the body whose earlier siblings are looked at */
#define SF_SIBLINGS 6     /* earlier siblings looked at per level */
#define SF_SMALL 2000     /* bytes of text of a block that may hold it (with a headline, a byline) */
#define SF_KEY 48         /* bytes of the folded description that must match */

/* The paragraph of text (paragraphs split at blank lines) that is the
 * description, as folded text: it starts with the description's first
 * SF_KEY folded bytes and is at most a little longer than it. */
static int sf_paragraph(const char *text, size_t len, const buf *key, size_t dlen, buf *out) {
  size_t start = 0;
  while (start < len) {
    size_t end = start;
    buf f;
    int yes;
    while (end < len && !(text[end] == '\n' && end + 1 < len && text[end + 1] == '\n')) end++;
    buf_init(&f);
    lead_fold(text + start, end - start, &f);
    yes = !buf_failed(&f) && f.len >= key->len && f.len <= dlen + dlen / 2 + 40 &&
          memcmp(f.data, key->data, key->len) == 0;
    buf_free(&f);
    if (yes) {
      while (start < end && is_lua_space((unsigned char)text[start])) start++;
      buf_add(out, text + start, end - start);
      return 1;
    }
    start = end + 2;
  }
  return 0;
}

/* Looks for desc in the small blocks just before body (earlier siblings of
 * the body and of its nearest ancestors), never in body itself. */
int blocks_standfirst(xmlNodePtr body, const char *desc, size_t dlen, buf *out) {
  buf key, d, t;
  xmlNodePtr at = body;
  int level, found = 0, rc = 0;
  if (!body || !desc) return 0;
  buf_init(&key);
  buf_init(&d);
  buf_init(&t);
  lead_fold(desc, dlen, &d);
  if (d.len < SF_KEY || buf_failed(&d)) goto done;
  buf_add(&key, d.data, SF_KEY);
  if (text_render(body, &t) != 0) { rc = -1; goto done; }
  buf_reset(&d);
  lead_fold(t.data ? t.data : "", t.len, &d);
  if (buf_failed(&d) || lead_has(d.data, d.len, key.data, key.len)) goto done;  /* the body has it */
  for (level = 0; level < SF_LEVELS && at && at->type == XML_ELEMENT_NODE && !found; level++) {
    xmlNodePtr s;
    int n = 0;
    for (s = at->prev; s && n < SF_SIBLINGS && !found; s = s->prev) {
      if (s->type != XML_ELEMENT_NODE || walk_is_invisible_tag(s->name)) continue;
      n++;
      if (!lead_is_small(s, SF_SMALL)) continue;
      buf_reset(&t);
      if (text_render(s, &t) != 0) { rc = -1; goto done; }
      found = t.len && sf_paragraph(t.data, t.len, &key, dlen, out);
    }
    at = at->parent;
  }
done:
  if (buf_failed(&key) || buf_failed(&d) || buf_failed(&t)) rc = -1;
  buf_free(&key);
  buf_free(&d);
  buf_free(&t);
  return rc ? rc : found;
}

