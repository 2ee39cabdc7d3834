#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

#define PRESCAN_BYTES 1024
/* How far a late <meta charset> is looked for (see enc_sniff). */
#define LATE_META_BYTES 65536
static const char REPLACEMENT[] = "\xEF\xBF\xBD";  /* U+FFFD */

static int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int is_space(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Length of the valid UTF-8 sequence at s, or 0 if it is invalid or truncated. */
static size_t utf8_seq_len(const unsigned char *s, size_t avail) {
  unsigned c = s[0];
  size_t n, i;
  unsigned lo = 0x80, hi = 0xBF;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  /* no surrogates */
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else return 0;
  if (avail < n) return 0;
  if (s[1] < lo || s[1] > hi) return 0;
  for (i = 2; i < n; i++)
    if (s[i] < 0x80 || s[i] > 0xBF) return 0;
  return n;
}

/* The length of the run of bytes 0x01..0x7F at p, eight bytes at a time:
 * most of a page is ASCII, and this is the hot loop of every parse. */
static size_t ascii_run(const unsigned char *p, size_t len) {
  const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
  size_t i = 0;
  while (i + 8 <= len) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    if ((w & high) || ((w - ones) & ~w & high)) break;  /* a byte >= 0x80, or a NUL */
    i += 8;
  }
  while (i < len && p[i] != 0 && p[i] < 0x80) i++;
  return i;
}

/* 1 if s is valid UTF-8 and, unless nul_ok, holds no NUL byte. */
static int utf8_valid(const char *s, size_t len, int nul_ok) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, n;
  while (i < len) {
    i += ascii_run(p + i, len - i);
    if (i >= len) break;
    n = p[i] ? utf8_seq_len(p + i, len - i) : (size_t)nul_ok;
    if (n == 0) return 0;
    i += n;
  }
  return 1;
}

int enc_is_utf8(const char *s, size_t len) { return utf8_valid(s, len, 1); }

int enc_is_clean_utf8(const char *s, size_t len) { return utf8_valid(s, len, 0); }

static int has_non_ascii(const char *s, size_t len) {
  size_t i;
  for (i = 0; i < len; i++)
    if ((unsigned char)s[i] >= 0x80) return 1;
  return 0;
}

typedef struct { const char *label; const char *name; } enc_alias;

/* WHATWG label mapping, the common part of it. */
static const enc_alias ALIASES[] = {
  {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
  {"utf-16", "UTF-8"}, {"utf-16le", "UTF-8"}, {"utf-16be", "UTF-8"},  /* per HTML spec */
  {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
  {"l1", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
  {"windows-1252", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"}, {"x-cp1252", "WINDOWS-1252"},
  {"cp819", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"}, {"ansi_x3.4-1968", "WINDOWS-1252"},
  {"iso-8859-2", "ISO-8859-2"}, {"latin2", "ISO-8859-2"}, {"iso-8859-5", "ISO-8859-5"},
  {"iso-8859-7", "ISO-8859-7"}, {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
  {"iso-8859-15", "ISO-8859-15"}, {"latin9", "ISO-8859-15"}, {"iso-8859-6", "ISO-8859-6"},
  {"iso-8859-8", "ISO-8859-8"}, {"iso-8859-13", "ISO-8859-13"},
  {"windows-1250", "WINDOWS-1250"}, {"windows-1251", "WINDOWS-1251"}, {"cp1251", "WINDOWS-1251"},
  {"windows-1253", "WINDOWS-1253"}, {"windows-1254", "WINDOWS-1254"},
  {"windows-1255", "WINDOWS-1255"}, {"windows-1256", "WINDOWS-1256"},
  {"windows-1257", "WINDOWS-1257"}, {"windows-1258", "WINDOWS-1258"},
  {"koi8-r", "KOI8-R"}, {"koi8-u", "KOI8-U"},
  {"gb2312", "GBK"}, {"gbk", "GBK"}, {"x-gbk", "GBK"}, {"gb_2312-80", "GBK"},
  {"chinese", "GBK"}, {"csgb2312", "GBK"}, {"gb18030", "GB18030"},
  {"big5", "BIG5"}, {"big5-hkscs", "BIG5-HKSCS"}, {"x-x-big5", "BIG5"},
  {"shift_jis", "SHIFT_JIS"}, {"shift-jis", "SHIFT_JIS"}, {"sjis", "SHIFT_JIS"},
  {"x-sjis", "SHIFT_JIS"}, {"windows-31j", "CP932"}, {"ms932", "CP932"},
  {"euc-jp", "EUC-JP"}, {"iso-2022-jp", "ISO-2022-JP"},
  {"euc-kr", "EUC-KR"}, {"ks_c_5601-1987", "EUC-KR"}, {"windows-949", "EUC-KR"},
  {"tis-620", "WINDOWS-874"}, {"windows-874", "WINDOWS-874"}, {"iso-8859-11", "WINDOWS-874"},
};

int enc_canonical(const char *label, size_t len, char *name, size_t namesz) {
  char low[40];
  size_t i, k;
  while (len > 0 && is_space((unsigned char)*label)) { label++; len--; }
  while (len > 0 && is_space((unsigned char)label[len - 1])) len--;
  if (len == 0 || len >= sizeof low) return -1;
  for (i = 0; i < len; i++) low[i] = (char)ascii_lower((unsigned char)label[i]);
  low[len] = '\0';
  for (k = 0; k < sizeof ALIASES / sizeof ALIASES[0]; k++) {
    if (strcmp(low, ALIASES[k].label) == 0) {
      if (strlen(ALIASES[k].name) >= namesz) return -1;
      strcpy(name, ALIASES[k].name);
      return 0;
    }
  }
  return -1;
}

/* Finds `charset=` in [p, end) and returns its value span. */
static int find_charset_value(const char *p, const char *end, const char **v, size_t *vlen) {
  static const char key[] = "charset";
  const char *q;
  for (; p + 7 < end; p++) {
    size_t i;
    for (i = 0; i < 7 && ascii_lower((unsigned char)p[i]) == key[i]; i++) {}
    if (i < 7) continue;
    q = p + 7;
    while (q < end && is_space((unsigned char)*q)) q++;
    if (q >= end || *q != '=') continue;
    q++;
    while (q < end && (is_space((unsigned char)*q) || *q == '"' || *q == '\'')) q++;
    *v = q;
    while (q < end && !is_space((unsigned char)*q) && *q != '"' && *q != '\'' && *q != ';'
           && *q != '>' && *q != '/')
      q++;
    *vlen = (size_t)(q - *v);
    return *vlen > 0;
  }
  return 0;
}

/* Looks at each <meta ...> tag in the first `limit` bytes for a charset. */
static int prescan_meta(const char *s, size_t len, size_t limit, char *name, size_t namesz) {
  const char *end = s + (len < limit ? len : limit);
  const char *p = s, *tag_end, *v;
  size_t vlen;
  while (p + 5 < end) {
    if (p[0] == '<' && ascii_lower((unsigned char)p[1]) == 'm' &&
        ascii_lower((unsigned char)p[2]) == 'e' && ascii_lower((unsigned char)p[3]) == 't' &&
        ascii_lower((unsigned char)p[4]) == 'a') {
      tag_end = memchr(p, '>', (size_t)(end - p));
      if (!tag_end) return -1;
      if (find_charset_value(p, tag_end, &v, &vlen) &&
          enc_canonical(v, vlen, name, namesz) == 0)
        return 0;
      p = tag_end;
    }
    p++;
  }
  return -1;
}

void enc_sniff(const char *bytes, size_t len, const char *caller, enc_choice *out) {
  const unsigned char *u = (const unsigned char *)bytes;
  out->bom_len = 0;
  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    strcpy(out->name, "UTF-8"); out->bom_len = 3; out->source = ENC_FROM_BOM; return;
  }
  if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    strcpy(out->name, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
    out->bom_len = 2; out->source = ENC_FROM_BOM; return;
  }
  if (caller && enc_canonical(caller, strlen(caller), out->name, sizeof out->name) == 0) {
    out->source = ENC_FROM_CALLER; return;
  }
  if (prescan_meta(bytes, len, PRESCAN_BYTES, out->name, sizeof out->name) == 0) {
    int stale = strcmp(out->name, "UTF-8") != 0 && has_non_ascii(bytes, len) &&
                enc_is_utf8(bytes, len);
    if (!stale) { out->source = ENC_FROM_META; return; }
    /* a stale legacy label on bytes just found to be UTF-8: no second check */
    strcpy(out->name, "UTF-8"); out->source = ENC_FROM_UTF8_CHECK; return;
  }
  if (enc_is_utf8(bytes, len)) {
    strcpy(out->name, "UTF-8"); out->source = ENC_FROM_UTF8_CHECK; return;
  }
  /* A browser that meets a <meta charset> after the prescan while its guess is
   * still tentative reparses the page in that encoding; archived pages (a
   * banner injected above the <head>) rely on it. */
  if (prescan_meta(bytes, len, LATE_META_BYTES, out->name, sizeof out->name) == 0) {
    out->source = ENC_FROM_LATE_META; return;
  }
  strcpy(out->name, "WINDOWS-1252");
  out->source = ENC_FROM_DEFAULT;
}

/* UTF-8 input: copy valid sequences, replace the rest (and NULs) with U+FFFD. */
static int utf8_clean(const char *bytes, size_t len, buf *out) {
  const unsigned char *p = (const unsigned char *)bytes;
  size_t i = 0, start = 0, n;
  if (buf_reserve(out, len) != 0) return -1;
  while (i < len) {
    i += ascii_run(p + i, len - i);
    if (i >= len) break;
    n = p[i] ? utf8_seq_len(p + i, len - i) : 0;
    if (n) { i += n; continue; }
    buf_add(out, bytes + start, i - start);
    buf_add(out, REPLACEMENT, 3);
    i++;
    start = i;
  }
  buf_add(out, bytes + start, len - start);
  return buf_failed(out) ? -1 : 0;
}

static int iconv_convert(iconv_t cd, const char *bytes, size_t len, buf *out) {
  char *in = (char *)bytes;  /* iconv's prototype is not const-correct */
  size_t inleft = len;
  while (inleft > 0) {
    char *dst;
    size_t room, r;
    if (buf_reserve(out, inleft * 2 + 16) != 0) return -1;
    dst = out->data + out->len;
    room = out->cap - out->len - 1;
    r = iconv(cd, &in, &inleft, &dst, &room);
    out->len = (size_t)(dst - out->data);
    out->data[out->len] = '\0';
    if (r != (size_t)-1) continue;
    if (errno == E2BIG) continue;
    buf_add(out, REPLACEMENT, 3);  /* EILSEQ or EINVAL (truncated at the end) */
    in++;
    inleft--;
    iconv(cd, NULL, NULL, NULL, NULL);
  }
  return buf_failed(out) ? -1 : 0;
}

int enc_to_utf8(const char *bytes, size_t len, const char *encoding, buf *out) {
  iconv_t cd;
  buf tmp;
  int rc;
  if (strcmp(encoding, "UTF-8") == 0) return utf8_clean(bytes, len, out);
  cd = iconv_open("UTF-8", encoding);
  if (cd == (iconv_t)-1) return -1;
  buf_init(&tmp);
  rc = iconv_convert(cd, bytes, len, &tmp);
  iconv_close(cd);
  /* a second pass drops NULs the legacy bytes may have decoded to */
  if (rc == 0) rc = utf8_clean(tmp.data ? tmp.data : "", tmp.len, out);
  buf_free(&tmp);
  return rc;
}

const char *enc_source_name(enc_source s) {
  switch (s) {
    case ENC_FROM_BOM: return "bom";
    case ENC_FROM_CALLER: return "caller";
    case ENC_FROM_META: return "meta";
    case ENC_FROM_UTF8_CHECK: return "utf-8 check";
    case ENC_FROM_LATE_META: return "late meta";
    default: return "default";
  }
}
