/* css: compiles a CSS selector into an XPath 1.0 expression.
 *
 * A recursive-descent parser, one function per grammar rule, writes the XPath
 * while it reads:
 *
 *   selector = list EOF
 *   list     = complex ("," complex)*
 *   complex  = compound (combinator compound)*
 *   compound = (type | "*")? (id | class | attribute | pseudo-class)*
 *
 * A complex selector becomes a location path from the context node
 * (descendant::div/child::p), a compound becomes one step whose predicates are
 * its conditions (p[@id = 'x']), a list becomes a union. Inside :not() and
 * :is() a compound is tested on the element itself with the self:: axis;
 * inside :has() each selector is a path from the element, true when it
 * selects something. */
#include "css.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define CSS_MAX_DEPTH 32   /* functional pseudo-classes inside each other */
#define CSS_SHOWN_MAX 100  /* bytes of the selector quoted in a message */
#define CSS_NO_POS ((size_t)-1)
#define CSS_LOWERED \
  "translate(., 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"

typedef struct parser {
  const char *s;  /* the selector: len bytes, not NUL-terminated */
  size_t len;
  size_t pos;     /* next byte to read */
  int depth;      /* functional pseudo-classes open at pos */
  int utf8_ok;    /* the selector has been checked to be UTF-8 */
  int failed;     /* a message has been written to err */
  char *err;
  size_t errsz;
} parser;

/* The compound selector being compiled, as its pseudo-classes see it. */
typedef struct compound {
  buf type;          /* XPath name test of its type selector; empty if none */
  const buf *outer;  /* for :not()/:is(): type of the compound around, or NULL */
} compound;

typedef struct attrib {
  buf name;
  buf value;
  int op;      /* 0 for [a], else '=', '~', '|', '^', '$' or '*' */
  int nocase;  /* the i flag */
} attrib;

enum { PS_PLAIN, PS_NTH, PS_NOT, PS_IS, PS_HAS };

typedef struct pseudo {
  const char *name;
  int kind;
  const char *xpath;  /* PLAIN: the condition; NTH: the siblings counted.
                         '$' stands for the compound's type test. */
} pseudo;

static const pseudo css_pseudos[] = {
  {"first-child", PS_PLAIN, "not(preceding-sibling::*)"},
  {"last-child", PS_PLAIN, "not(following-sibling::*)"},
  {"only-child", PS_PLAIN, "not(preceding-sibling::* | following-sibling::*)"},
  {"first-of-type", PS_PLAIN, "not(preceding-sibling::$)"},
  {"last-of-type", PS_PLAIN, "not(following-sibling::$)"},
  {"only-of-type", PS_PLAIN, "not(preceding-sibling::$ | following-sibling::$)"},
  {"empty", PS_PLAIN, "not(* | text())"},
  {"root", PS_PLAIN, "not(parent::*)"},
  {"nth-child", PS_NTH, "preceding-sibling::*"},
  {"nth-last-child", PS_NTH, "following-sibling::*"},
  {"nth-of-type", PS_NTH, "preceding-sibling::$"},
  {"nth-last-of-type", PS_NTH, "following-sibling::$"},
  {"not", PS_NOT, NULL},
  {"is", PS_IS, NULL},
  {"where", PS_IS, NULL},
  {"has", PS_HAS, NULL},
};

static int parse_list(parser *p, buf *out, int relative, size_t open);
static int parse_compound(parser *p, buf *out, const buf *outer);

/* ---- characters ---- */

static int char_at(const parser *p, size_t i) {
  return i < p->len ? (unsigned char)p->s[i] : -1;
}

static int peek(const parser *p) { return char_at(p, p->pos); }

static int at_end(const parser *p) { return p->pos >= p->len; }

static int is_ws(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int is_alpha(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_hex(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

static int is_combinator(int c) { return c == '>' || c == '+' || c == '~'; }

/* CSS name characters: ASCII letters, '_', anything non-ASCII; then digits, '-'. */
static int is_name_start(int c) { return is_alpha(c) || c == '_' || c >= 0x80; }

static int is_name_char(int c) {
  return is_name_start(c) || is_digit(c) || c == '-';
}

static int skip_ws(parser *p) {
  size_t start = p->pos;
  while (is_ws(peek(p))) p->pos++;
  return p->pos > start;
}

/* A backslash that escapes something: not a newline, not the end. */
static int valid_escape(const parser *p, size_t i) {
  int next = char_at(p, i + 1);
  return char_at(p, i) == '\\' && next != -1 && next != '\n' && next != '\r' &&
         next != '\f';
}

static int name_char_at(const parser *p, size_t i) {
  return is_name_char(char_at(p, i)) || valid_escape(p, i);
}

static int name_start_at(const parser *p, size_t i) {
  return is_name_start(char_at(p, i)) || valid_escape(p, i);
}

/* An identifier cannot start with a digit, nor with '-' and a digit. */
static int ident_start_at(const parser *p, size_t i) {
  if (char_at(p, i) == '-')
    return char_at(p, i + 1) == '-' || name_start_at(p, i + 1);
  return name_start_at(p, i);
}

/* Length of the UTF-8 character at s (n bytes available), 0 if malformed. */
static size_t utf8_len(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  unsigned lo = 0x80, hi = 0xBF;
  size_t len, i;
  if (s[0] < 0x80) return 1;
  len = s[0] < 0xC2 ? 0 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : s[0] < 0xF5 ? 4 : 0;
  if (len == 0 || len > n) return 0;
  if (s[0] == 0xE0) lo = 0xA0;
  else if (s[0] == 0xED) hi = 0x9F;
  else if (s[0] == 0xF0) lo = 0x90;
  else if (s[0] == 0xF4) hi = 0x8F;
  if (s[1] < lo || s[1] > hi) return 0;
  for (i = 2; i < len; i++)
    if ((s[i] & 0xC0) != 0x80) return 0;
  return len;
}

/* How many of the n bytes at s fit in max bytes without cutting a character. */
static size_t fit_chars(const char *s, size_t n, size_t max) {
  size_t i = 0, k;
  while (i < n) {
    k = utf8_len(s + i, n - i);
    if (k == 0) k = 1;
    if (i + k > max) break;
    i += k;
  }
  return i;
}

/* ---- errors ---- */

static char shown_byte(const parser *p, char ch) {
  unsigned char c = (unsigned char)ch;
  if (c < 0x20 || c == 0x7F || (c >= 0x80 && !p->utf8_ok)) return '?';
  return ch;
}

/* The selector as quoted in a message: printable, long ones cut with "...". */
static void show_selector(const parser *p, char dst[CSS_SHOWN_MAX + 4]) {
  size_t n = fit_chars(p->s, p->len, CSS_SHOWN_MAX), i;
  for (i = 0; i < n; i++) dst[i] = shown_byte(p, p->s[i]);
  strcpy(dst + n, n < p->len ? "..." : "");
}

static int fail(parser *p, size_t at, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;

/* Writes the first error only and returns -1, so callers can return fail(...). */
static int fail(parser *p, size_t at, const char *fmt, ...) {
  char reason[200], shown[CSS_SHOWN_MAX + 4];
  va_list ap;
  if (p->failed) return -1;
  p->failed = 1;
  if (!p->err || p->errsz == 0) return -1;
  va_start(ap, fmt);
  vsnprintf(reason, sizeof reason, fmt, ap);
  va_end(ap);
  show_selector(p, shown);
  snprintf(p->err, p->errsz, "invalid selector \"%s\" at position %zu: %s", shown,
           at, reason);
  return -1;
}

static int oom(parser *p) {
  p->failed = 1;
  if (p->err && p->errsz) snprintf(p->err, p->errsz, "%s", "out of memory");
  return -1;
}

static int fail_unexpected(parser *p) {
  int c = peek(p);
  if (c == -1) return fail(p, p->pos, "unexpected end of selector");
  if (c < 0x20 || c == 0x7F)
    return fail(p, p->pos, "unexpected control character");
  return fail(p, p->pos, "unexpected character '%.*s'",
              (int)utf8_len(p->s + p->pos, p->len - p->pos), p->s + p->pos);
}

/* Frees a scratch buffer, reporting whether it ran out of memory. */
static int free_tmp(parser *p, buf *b) {
  int rc = buf_failed(b) ? oom(p) : 0;
  buf_free(b);
  return rc;
}

/* XPath is read as XML text, which holds no control characters but tab, LF
 * and CR, and neither U+FFFE nor U+FFFF. */
static int is_xml_char(unsigned long cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0xFFFE && cp != 0xFFFF && (cp < 0xD800 || cp > 0xDFFF) && cp <= 0x10FFFF;
}

/* The code point of a well-formed UTF-8 character of n bytes. */
static unsigned long utf8_value(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  unsigned long cp = n == 1 ? s[0] : s[0] & (0x3F >> (n - 1));
  size_t i;
  for (i = 1; i < n; i++) cp = cp << 6 | (s[i] & 0x3F);
  return cp;
}

/* Rejects what libxml2 could not read back in the XPath: NUL bytes, malformed
 * UTF-8, characters XML forbids (form feed is whitespace, never copied). */
static int check_bytes(parser *p) {
  size_t i = 0, n;
  while (i < p->len) {
    if (p->s[i] == '\0') return fail(p, i, "unexpected NUL byte");
    n = utf8_len(p->s + i, p->len - i);
    if (n == 0) return fail(p, i, "invalid UTF-8");
    if (!is_xml_char(utf8_value(p->s + i, n)) && p->s[i] != '\f')
      return fail(p, i, "character not allowed in a selector");
    i += n;
  }
  p->utf8_ok = 1;
  return 0;
}

/* ---- names and strings ---- */

static const char *buf_bytes(const buf *b) { return b->data ? b->data : ""; }

static void ascii_lower(buf *b) {
  size_t i;
  for (i = 0; i < b->len; i++) b->data[i] = (char)lower((unsigned char)b->data[i]);
}

static void add_utf8(buf *b, unsigned long cp) {
  char u[4];
  if (!is_xml_char(cp)) cp = 0xFFFD;  /* as CSS does for 0 and surrogates */
  if (cp < 0x80) {
    buf_addc(b, (char)cp);
  } else if (cp < 0x800) {
    u[0] = (char)(0xC0 | cp >> 6);
    u[1] = (char)(0x80 | (cp & 0x3F));
    buf_add(b, u, 2);
  } else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | cp >> 12);
    u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    buf_add(b, u, 3);
  } else {
    u[0] = (char)(0xF0 | cp >> 18);
    u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    buf_add(b, u, 4);
  }
}

static int hex_value(int c) { return is_digit(c) ? c - '0' : lower(c) - 'a' + 10; }

/* Reads a valid escape: up to six hex digits and one optional space, or any
 * other character taken literally. */
static void read_escape(parser *p, buf *dst) {
  unsigned long cp = 0;
  int n = 0;
  p->pos++;  /* the backslash */
  for (; n < 6 && is_hex(peek(p)); n++)
    cp = cp * 16 + (unsigned long)hex_value(p->s[p->pos++]);
  if (n == 0) {
    buf_addc(dst, p->s[p->pos++]);
    return;
  }
  if (peek(p) == '\r' && char_at(p, p->pos + 1) == '\n') p->pos++;
  if (is_ws(peek(p))) p->pos++;
  add_utf8(dst, cp);
}

/* Reads a run of name characters and escapes, appending what they spell. */
static void read_name(parser *p, buf *dst) {
  while (name_char_at(p, p->pos)) {
    if (peek(p) == '\\') read_escape(p, dst);
    else buf_addc(dst, p->s[p->pos++]);
  }
}

/* A backslash inside a string: an escape, or an escaped newline that
 * continues the string. */
static void read_string_escape(parser *p, buf *dst) {
  int next = char_at(p, p->pos + 1);
  if (next == -1) {
    p->pos++;
  } else if (next == '\n' || next == '\f' || next == '\r') {
    p->pos += 2;
    if (next == '\r' && peek(p) == '\n') p->pos++;
  } else {
    read_escape(p, dst);
  }
}

static int read_string(parser *p, buf *dst) {
  size_t open = p->pos;
  int quote = p->s[p->pos++], c;
  for (;;) {
    c = peek(p);
    if (c == -1) return fail(p, open, "unclosed string");
    if (c == quote) break;
    if (c == '\n' || c == '\r' || c == '\f')
      return fail(p, p->pos, "newline in string");
    if (c == '\\') read_string_escape(p, dst);
    else buf_addc(dst, p->s[p->pos++]);
  }
  p->pos++;
  return 0;
}

/* ---- XPath output ---- */

static void add_quoted(buf *out, char q, const char *pre, const char *s, size_t n,
                       const char *post) {
  buf_addc(out, q);
  buf_adds(out, pre);
  buf_add(out, s, n);
  buf_adds(out, post);
  buf_addc(out, q);
}

/* concat(' ', 'a', "'", 'b" '): the only way to write a value holding both
 * quote characters (here pre + a'b" + post). pre and post hold no quotes. */
static void add_concat(buf *out, const char *pre, const char *s, size_t n,
                       const char *post) {
  const char *q;
  buf_adds(out, "concat(");
  if (*pre) {
    add_quoted(out, '\'', pre, "", 0, "");
    buf_adds(out, ", ");
  }
  while ((q = memchr(s, '\'', n)) != NULL) {
    add_quoted(out, '\'', "", s, (size_t)(q - s), "");
    buf_adds(out, ", \"'\", ");
    n -= (size_t)(q - s) + 1;
    s = q + 1;
  }
  add_quoted(out, '\'', "", s, n, post);
  buf_addc(out, ')');
}

/* Appends pre + s + post as an XPath string literal (XPath has no escapes). */
static void add_literal_parts(buf *out, const char *pre, const char *s, size_t n,
                              const char *post) {
  if (!memchr(s, '\'', n)) add_quoted(out, '\'', pre, s, n, post);
  else if (!memchr(s, '"', n)) add_quoted(out, '"', pre, s, n, post);
  else add_concat(out, pre, s, n, post);
}

static void add_literal(buf *out, const buf *value) {
  add_literal_parts(out, "", buf_bytes(value), value->len, "");
}

/* A name XPath can write as it is: ASCII letters, digits, '_' and '-'. */
static int is_simple_name(const buf *name) {
  size_t i;
  int c;
  if (name->len == 0) return 0;
  for (i = 0; i < name->len; i++) {
    c = (unsigned char)name->data[i];
    if (!is_alpha(c) && c != '_' && (i == 0 || (!is_digit(c) && c != '-')))
      return 0;
  }
  return 1;
}

/* A name test for an element or attribute name; other names by comparison. */
static void add_name_test(buf *out, const buf *name) {
  if (is_simple_name(name)) {
    buf_add(out, name->data, name->len);
    return;
  }
  buf_adds(out, "*[name() = ");
  add_literal(out, name);
  buf_addc(out, ']');
}

/* Appends a pseudo-class template with each '$' replaced by the type test. */
static void add_template(buf *out, const char *t, const buf *type) {
  for (; *t; t++) {
    if (*t == '$' && type) buf_add(out, buf_bytes(type), type->len);
    else buf_addc(out, *t);
  }
}

/* ---- :nth-child() and friends ---- */

static void add_count(buf *out, const char *siblings, const buf *type) {
  buf_adds(out, "count(");
  add_template(out, siblings, type);
  buf_addc(out, ')');
}

/* Positions k+1, k+1+a, k+1+2a, ...: count >= k and count mod a = k mod a. */
static void add_nth_forward(buf *out, const char *siblings, const buf *type, long a,
                            long k) {
  if (k <= 0 && a == 1) {
    buf_adds(out, "true()");
    return;
  }
  if (k > 0) {
    add_count(out, siblings, type);
    buf_addf(out, " >= %ld", k);
  }
  if (a == 1) return;
  if (k > 0) buf_adds(out, " and ");
  add_count(out, siblings, type);
  buf_addf(out, " mod %ld = %ld", a, (k % a + a) % a);
}

/* Positions k+1, k+1-a, ... down to 1: count <= k and count mod a = k mod a. */
static void add_nth_backward(buf *out, const char *siblings, const buf *type, long a,
                             long k) {
  if (k < 0) {
    buf_adds(out, "false()");
    return;
  }
  add_count(out, siblings, type);
  buf_addf(out, " <= %ld", k);
  if (a == 1) return;
  buf_adds(out, " and ");
  add_count(out, siblings, type);
  buf_addf(out, " mod %ld = %ld", a, k % a);
}

/* The element is at position a*n+b (n >= 0) among the siblings counted plus
 * itself; k = b - 1 is the number of siblings before it. */
static void add_nth(buf *out, const char *siblings, const buf *type, long a, long b) {
  long k = b - 1;
  if (a > 0) {
    add_nth_forward(out, siblings, type, a, k);
  } else if (a < 0) {
    add_nth_backward(out, siblings, type, -a, k);
  } else if (k < 0) {
    buf_adds(out, "false()");
  } else {
    add_count(out, siblings, type);
    buf_addf(out, " = %ld", k);
  }
}

/* Reads digits; returns how many, or -1 for a number of 1e9 or more. */
static int read_int(parser *p, long *n) {
  int digits = 0;
  *n = 0;
  while (is_digit(peek(p))) {
    if (*n > 99999999) return -1;
    *n = *n * 10 + (p->s[p->pos++] - '0');
    digits++;
  }
  return digits;
}

/* A keyword in any case, not followed by more of a name. */
static int read_word(parser *p, const char *word) {
  size_t n = strlen(word), i;
  for (i = 0; i < n; i++)
    if (lower(char_at(p, p->pos + i)) != word[i]) return 0;
  if (is_name_char(char_at(p, p->pos + n))) return 0;
  p->pos += n;
  return 1;
}

/* The "+ b" after "an"; spaces are allowed around the sign. */
static int read_nth_offset(parser *p, long *b) {
  size_t start = p->pos;
  long sign;
  *b = 0;
  skip_ws(p);
  if (peek(p) != '+' && peek(p) != '-') {
    p->pos = start;
    return 0;
  }
  sign = p->s[p->pos++] == '-' ? -1 : 1;
  skip_ws(p);
  if (read_int(p, b) <= 0) return -1;
  *b *= sign;
  return 0;
}

/* an+b, 'odd' or 'even' (CSS Syntax 3, section 6); -1 without a message. */
static int read_nth(parser *p, long *a, long *b) {
  long sign = 1, n;
  int digits;
  if (read_word(p, "odd")) {
    *a = 2;
    *b = 1;
    return 0;
  }
  if (read_word(p, "even")) {
    *a = 2;
    *b = 0;
    return 0;
  }
  if (peek(p) == '+' || peek(p) == '-') sign = p->s[p->pos++] == '-' ? -1 : 1;
  digits = read_int(p, &n);
  if (digits < 0) return -1;
  if (lower(peek(p)) != 'n') {
    *a = 0;
    *b = sign * n;
    return digits > 0 ? 0 : -1;
  }
  p->pos++;
  *a = sign * (digits > 0 ? n : 1);
  return read_nth_offset(p, b);
}

static int parse_nth(parser *p, buf *out, const pseudo *ps, const buf *type,
                     size_t open) {
  long a = 0, b = 0;
  int rc;
  skip_ws(p);
  rc = read_nth(p, &a, &b);
  skip_ws(p);
  if (rc == 0 && peek(p) == ')') {
    add_nth(out, ps->xpath, type, a, b);
    return 0;
  }
  if (at_end(p)) return fail(p, open, "unclosed '('");
  return fail(p, p->pos, "bad argument to ':%s()': expected an+b, 'odd' or 'even'",
              ps->name);
}

/* ---- pseudo-classes ---- */

static const buf *type_of(const compound *c) {
  return c->type.len > 0 ? &c->type : c->outer;
}

static int same_name(const char *s, size_t n, const char *name) {
  size_t i;
  if (strlen(name) != n) return 0;
  for (i = 0; i < n; i++)
    if (lower((unsigned char)s[i]) != name[i]) return 0;
  return 1;
}

static const pseudo *find_pseudo(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < sizeof css_pseudos / sizeof css_pseudos[0]; i++)
    if (same_name(s, n, css_pseudos[i].name)) return &css_pseudos[i];
  return NULL;
}

static int fail_arity(parser *p, const pseudo *ps) {
  if (ps->kind == PS_PLAIN)
    return fail(p, p->pos, "':%s' takes no argument", ps->name);
  return fail(p, p->pos, "':%s' needs an argument in parentheses", ps->name);
}

/* XPath 1.0 can count siblings of one name, not "of the same name as me". */
static int check_type(parser *p, const pseudo *ps, const compound *c, size_t at) {
  if (!ps->xpath || !strchr(ps->xpath, '$') || type_of(c)) return 0;
  return fail(p, at,
              "':%s' needs a type selector in the same compound, as in 'p:%s' "
              "(XPath 1.0 cannot express it for any type)",
              ps->name, ps->name);
}

static int expect_close(parser *p, size_t open) {
  skip_ws(p);
  if (peek(p) == ')') {
    p->pos++;
    return 0;
  }
  if (at_end(p)) return fail(p, open, "unclosed '('");
  return fail_unexpected(p);
}

/* Reports a missing member of a selector list. */
static int fail_member(parser *p, int after_comma, size_t open) {
  int c = peek(p);
  if (c == -1 && open != CSS_NO_POS) return fail(p, open, "unclosed '('");
  if (after_comma) return fail(p, p->pos, "expected a selector after ','");
  if (c == ',' || is_combinator(c))
    return fail(p, p->pos, "expected a selector before '%c'", c);
  if (c == -1 || (c == ')' && open != CSS_NO_POS))
    return fail(p, p->pos, "expected a selector");
  return fail_unexpected(p);
}

static int compound_start(const parser *p) {
  int c = peek(p);
  return c == '*' || c == '#' || c == '.' || c == '[' || c == ':' ||
         ident_start_at(p, p->pos);
}

/* :not(a, b) and :is(a, b): compounds tested on the element itself. */
static int parse_compound_list(parser *p, buf *out, const pseudo *ps,
                               const compound *c, size_t open) {
  int after_comma = 0;
  buf_adds(out, ps->kind == PS_NOT ? "not(" : "(");
  for (;;) {
    skip_ws(p);
    if (!compound_start(p)) return fail_member(p, after_comma, open);
    buf_adds(out, "self::");
    if (parse_compound(p, out, type_of(c)) != 0) return -1;
    skip_ws(p);
    if (compound_start(p) || is_combinator(peek(p)))
      return fail(p, p->pos,
                  "':%s()' accepts only compound selectors, without combinators", ps->name);
    if (peek(p) != ',') break;
    p->pos++;
    after_comma = 1;
    buf_adds(out, " | ");
  }
  buf_addc(out, ')');
  return 0;
}

static int parse_functional(parser *p, buf *out, const pseudo *ps, const compound *c,
                            size_t at) {
  size_t open = p->pos++;
  int rc;
  if (p->depth >= CSS_MAX_DEPTH)
    return fail(p, at, "selector nested too deeply (more than %d levels)", CSS_MAX_DEPTH);
  p->depth++;
  buf_addc(out, '[');
  if (ps->kind == PS_NTH) rc = parse_nth(p, out, ps, type_of(c), open);
  else if (ps->kind == PS_HAS) rc = parse_list(p, out, 1, open);
  else rc = parse_compound_list(p, out, ps, c, open);
  buf_addc(out, ']');
  p->depth--;
  return rc != 0 ? rc : expect_close(p, open);
}

static int parse_pseudo(parser *p, buf *out, const compound *c) {
  size_t at = p->pos++, name = p->pos;
  const pseudo *ps;
  if (peek(p) == ':') return fail(p, at, "pseudo-elements are not supported");
  while (is_name_char(peek(p))) p->pos++;
  if (p->pos == name) return fail(p, name, "expected a pseudo-class name after ':'");
  ps = find_pseudo(p->s + name, p->pos - name);
  if (!ps)
    return fail(p, at, "unknown pseudo-class ':%.*s'",
                (int)fit_chars(p->s + name, p->pos - name, 40), p->s + name);
  if ((peek(p) == '(') != (ps->kind != PS_PLAIN)) return fail_arity(p, ps);
  if (check_type(p, ps, c, at) != 0) return -1;
  if (ps->kind != PS_PLAIN) return parse_functional(p, out, ps, c, at);
  buf_addc(out, '[');
  add_template(out, ps->xpath, type_of(c));
  buf_addc(out, ']');
  return 0;
}

/* ---- attribute selectors ---- */

/* Inside [...], running off the end means the '[' was never closed. */
static int fail_attrib(parser *p, size_t open, const char *what) {
  if (at_end(p)) return fail(p, open, "unclosed '['");
  return fail(p, p->pos, "%s", what);
}

static int is_op_char(int c) {
  return c == '~' || c == '|' || c == '^' || c == '$' || c == '*';
}

static int read_attrib_op(parser *p, attrib *a, size_t open) {
  int c = peek(p);
  if (c == ']') return 0;
  if (c == '=') {
    a->op = '=';
    p->pos++;
    return 0;
  }
  if (is_op_char(c) && char_at(p, p->pos + 1) == '=') {
    a->op = c;
    p->pos += 2;
    return 0;
  }
  return fail_attrib(p, open,
                     "bad attribute operator (expected =, ~=, |=, ^=, $=, *= or ']')");
}

/* The optional i (ASCII case-insensitive) or s (case-sensitive) flag. */
static void read_attrib_flag(parser *p, attrib *a) {
  int c;
  skip_ws(p);
  c = lower(peek(p));
  if ((c != 'i' && c != 's') || is_name_char(char_at(p, p->pos + 1))) return;
  a->nocase = c == 'i';
  p->pos++;
}

static int read_attrib_value(parser *p, attrib *a, size_t open) {
  int c;
  skip_ws(p);
  c = peek(p);
  if (c == '"' || c == '\'') {
    if (read_string(p, &a->value) != 0) return -1;
  } else if (name_char_at(p, p->pos)) {
    read_name(p, &a->value);
  } else {
    return fail_attrib(p, open, "expected an attribute value");
  }
  read_attrib_flag(p, a);
  if (a->nocase) ascii_lower(&a->value);
  return 0;
}

static int read_attrib(parser *p, attrib *a) {
  size_t open = p->pos++;
  skip_ws(p);
  if (!ident_start_at(p, p->pos))
    return fail_attrib(p, open, "expected an attribute name");
  read_name(p, &a->name);
  ascii_lower(&a->name);
  skip_ws(p);
  if (read_attrib_op(p, a, open) != 0) return -1;
  if (a->op && read_attrib_value(p, a, open) != 0) return -1;
  skip_ws(p);
  if (peek(p) != ']') return fail_attrib(p, open, "expected ']'");
  p->pos++;
  return 0;
}

static int has_ws(const buf *b) {
  size_t i;
  for (i = 0; i < b->len; i++)
    if (is_ws((unsigned char)b->data[i])) return 1;
  return 0;
}

/* CSS: an empty value never starts, ends or is contained, and a value with
 * whitespace is never one of the whitespace-separated words. */
static int never_matches(const attrib *a) {
  if (a->op == '~') return a->value.len == 0 || has_ws(&a->value);
  return a->value.len == 0 && (a->op == '^' || a->op == '$' || a->op == '*');
}

/* The test for each operator: V is the attribute's value, L the selector's
 * value as a literal, W that value between spaces, D it followed by '-'. */
static const char *attrib_template(int op) {
  switch (op) {
  case '=': return "V = L";
  case '~': return "contains(concat(' ', normalize-space(V), ' '), W)";
  case '|': return "V = L or starts-with(V, D)";
  case '^': return "starts-with(V, L)";
  case '$': return "substring(V, string-length(V) - string-length(L) + 1) = L";
  default: return "contains(V, L)";
  }
}

static void add_value(buf *out, const attrib *a, const char *pre, const char *post) {
  add_literal_parts(out, pre, buf_bytes(&a->value), a->value.len, post);
}

/* The predicate on the attribute node, written from the operator's template. */
static void add_attrib_test(buf *out, const attrib *a) {
  const char *t;
  if (never_matches(a)) {
    buf_adds(out, "false()");
    return;
  }
  for (t = attrib_template(a->op); *t; t++) {
    switch (*t) {
    case 'V': buf_adds(out, a->nocase ? CSS_LOWERED : "."); break;
    case 'L': add_value(out, a, "", ""); break;
    case 'W': add_value(out, a, " ", " "); break;
    case 'D': add_value(out, a, "", "-"); break;
    default: buf_addc(out, *t); break;
    }
  }
}

/* [@name] or [@name[test]]: the attribute exists (and passes the test). */
static void add_attrib(buf *out, const attrib *a) {
  buf_adds(out, "[@");
  add_name_test(out, &a->name);
  if (a->op) {
    buf_addc(out, '[');
    add_attrib_test(out, a);
    buf_addc(out, ']');
  }
  buf_addc(out, ']');
}

static int parse_attrib(parser *p, buf *out) {
  attrib a;
  int rc;
  buf_init(&a.name);
  buf_init(&a.value);
  a.op = 0;
  a.nocase = 0;
  rc = read_attrib(p, &a);
  if (rc == 0 && (buf_failed(&a.name) || buf_failed(&a.value))) rc = oom(p);
  if (rc == 0) add_attrib(out, &a);
  buf_free(&a.name);
  buf_free(&a.value);
  return rc;
}

/* ---- compound selectors ---- */

static int parse_hash(parser *p, buf *out) {
  size_t at = p->pos++;
  buf id;
  if (!name_char_at(p, p->pos)) return fail(p, at, "expected a name after '#'");
  buf_init(&id);
  read_name(p, &id);
  buf_adds(out, "[@id = ");
  add_literal(out, &id);
  buf_addc(out, ']');
  return free_tmp(p, &id);
}

/* A class is one of the whitespace-separated tokens of @class. */
static int parse_class(parser *p, buf *out) {
  size_t at = p->pos++;
  buf name;
  if (!name_char_at(p, p->pos)) return fail(p, at, "expected a class name after '.'");
  buf_init(&name);
  read_name(p, &name);
  if (has_ws(&name)) {
    buf_adds(out, "[false()]");
  } else {
    buf_adds(out, "[contains(concat(' ', normalize-space(@class), ' '), ");
    add_literal_parts(out, " ", buf_bytes(&name), name.len, " ");
    buf_adds(out, ")]");
  }
  return free_tmp(p, &name);
}

/* The type selector (or '*', or nothing) that opens a compound. */
static int parse_type(parser *p, buf *out, compound *c) {
  buf name;
  int rc;
  if (peek(p) == '*' || !ident_start_at(p, p->pos)) {
    if (peek(p) == '*') p->pos++;
    buf_addc(out, '*');
    return 0;
  }
  buf_init(&name);
  read_name(p, &name);
  ascii_lower(&name);
  add_name_test(&c->type, &name);
  buf_add(out, buf_bytes(&c->type), c->type.len);
  rc = free_tmp(p, &name);
  if (rc == 0 && buf_failed(&c->type)) rc = oom(p);
  return rc;
}

static int parse_simple(parser *p, buf *out, const compound *c) {
  switch (peek(p)) {
  case '#': return parse_hash(p, out);
  case '.': return parse_class(p, out);
  case '[': return parse_attrib(p, out);
  default: return parse_pseudo(p, out, c);
  }
}

static int is_simple_start(int c) {
  return c == '#' || c == '.' || c == '[' || c == ':';
}

/* Writes one step: its name test, then one predicate per condition. */
static int parse_compound(parser *p, buf *out, const buf *outer) {
  compound c;
  int rc;
  buf_init(&c.type);
  c.outer = outer;
  rc = parse_type(p, out, &c);
  while (rc == 0 && is_simple_start(peek(p))) rc = parse_simple(p, out, &c);
  buf_free(&c.type);
  return rc;
}

/* ---- complex selectors and lists ---- */

static void add_axis(buf *out, int combinator, int first) {
  if (!first) buf_addc(out, '/');
  switch (combinator) {
  case '>': buf_adds(out, "child::"); break;
  case '+': buf_adds(out, "following-sibling::*[1]/self::"); break;
  case '~': buf_adds(out, "following-sibling::"); break;
  default: buf_adds(out, "descendant::"); break;
  }
}

/* After a compound: '>', '+', '~', ' ' (descendant), 0 at the end of the
 * complex selector, -1 on error. */
static int read_combinator(parser *p) {
  size_t start = p->pos;
  int ws = skip_ws(p), c = peek(p);
  if (is_combinator(c)) {
    p->pos++;
    skip_ws(p);
    if (!compound_start(p)) return fail(p, p->pos, "expected a selector after '%c'", c);
    return c;
  }
  if (ws && compound_start(p)) return ' ';
  p->pos = start;
  return 0;
}

/* A path from the context node. A relative selector (inside :has()) may open
 * with a combinator; otherwise the first step is a descendant. */
static int parse_complex(parser *p, buf *out, int relative) {
  int comb = ' ', first = 1;
  if (relative && is_combinator(peek(p))) {
    comb = p->s[p->pos++];
    skip_ws(p);
    if (!compound_start(p))
      return fail(p, p->pos, "expected a selector after '%c'", comb);
  }
  for (;;) {
    add_axis(out, comb, first);
    first = 0;
    if (parse_compound(p, out, NULL) != 0) return -1;
    comb = read_combinator(p);
    if (comb <= 0) return comb;
  }
}

/* Complex selectors separated by commas, written as a union. open is the
 * position of the '(' around the list, or CSS_NO_POS at the top. */
static int parse_list(parser *p, buf *out, int relative, size_t open) {
  int after_comma = 0;
  for (;;) {
    skip_ws(p);
    if (!compound_start(p) && !(relative && is_combinator(peek(p))))
      return fail_member(p, after_comma, open);
    if (parse_complex(p, out, relative) != 0) return -1;
    skip_ws(p);
    if (peek(p) != ',') return 0;
    p->pos++;
    after_comma = 1;
    buf_adds(out, " | ");
  }
}

static int parse_selector(parser *p, buf *out) {
  skip_ws(p);
  if (at_end(p)) return fail(p, 0, "empty selector");
  if (parse_list(p, out, 0, CSS_NO_POS) != 0) return -1;
  if (!at_end(p)) return fail_unexpected(p);
  return 0;
}

int css_compile(const char *selector, size_t len, buf *out, char *err, size_t errsz) {
  parser p;
  size_t start = out->len;
  int rc;
  memset(&p, 0, sizeof p);
  p.s = selector ? selector : "";
  p.len = selector ? len : 0;
  p.err = err;
  p.errsz = errsz;
  if (err && errsz) err[0] = '\0';
  if (buf_failed(out)) return oom(&p);
  rc = check_bytes(&p);
  if (rc == 0) rc = parse_selector(&p, out);
  if (rc == 0 && buf_failed(out)) rc = oom(&p);
  if (rc != 0 && !buf_failed(out) && out->data) {
    out->len = start;  /* leave out as it was */
    out->data[start] = '\0';
  }
  return rc;
}
