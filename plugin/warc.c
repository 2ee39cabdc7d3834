/* warc: see warc.h. Three layers, bottom up: the source (file bytes, inflated
 * when gzip) fills a lookahead buffer; lines and blocks are read from it; a
 * record is its head parsed into fields, its block, and for HTTP responses the
 * status, media type, charset and body split out of the block. */
#include "warc.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"

enum { WARC_IN_SIZE = 65536, WARC_OUT_SIZE = 65536 };
#define WARC_MAX_HEAD ((size_t)1024 * 1024)  /* a WARC head longer than this is not one */
#define WARC_HTTP_PEEK ((size_t)65536)        /* what a refused record keeps for its HTTP head */

struct warc_reader {
  FILE *f;
  int gzip;
  z_stream z;
  int z_ready;             /* inflateInit2 succeeded: inflateEnd is due */
  int member_open;         /* inside a gzip member: the file ending here is a cut */
  int members;             /* gzip members started */
  int cut;                 /* the file ended inside a gzip member */
  int done;                /* after the end or an error: warc_next returns 0 */
  unsigned char in[WARC_IN_SIZE];    /* compressed bytes from the file */
  unsigned char out[WARC_OUT_SIZE];  /* lookahead: out[pos..len) is unread */
  size_t pos, len;
  uint64_t out_base;       /* stream offset of out[0] */
  uint64_t in_read;        /* bytes read from the file */
  size_t max_record;
  buf head;                /* the WARC head as read */
  buf fields;              /* its fields: name\0value\0... */
  buf http_fields;         /* the HTTP head's fields, same layout */
  buf scratch;             /* media type\0charset\0 */
  buf block;
  char refusal[128];
  char err[256];
  uint64_t err_offset;
};

enum { LINE_OK = 1, LINE_EOF = 0, LINE_ERR = -1, LINE_CUT = -2, LINE_LONG = -3 };

static int warc_fail(warc_reader *r, uint64_t offset, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;

/* Records the message of the error that stops the reader; returns -1. */
static int warc_fail(warc_reader *r, uint64_t offset, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->err, sizeof r->err, fmt, ap);
  va_end(ap);
  r->err_offset = offset;
  return -1;
}

static uint64_t warc_here(const warc_reader *r) { return r->out_base + r->pos; }

static int warc_truncated(warc_reader *r, uint64_t start) {
  return warc_fail(r, start, "truncated record at offset %" PRIu64, start);
}

/* ---- source ---------------------------------------------------------- */

/* Refills in[] from the file: 1 bytes read, 0 end of file, -1 read error. */
static int src_refill(warc_reader *r) {
  size_t n = fread(r->in, 1, WARC_IN_SIZE, r->f);
  if (n == 0 && ferror(r->f))
    return warc_fail(r, warc_here(r), "read error: %s", strerror(errno));
  r->z.next_in = r->in;
  r->z.avail_in = (uInt)n;
  r->in_read += n;
  return n > 0;
}

/* Inflates into dst until something comes out; restarts on each new member.
 * Returns the bytes produced, 0 at the end of the file, -1 on an error. */
static long src_inflate(warc_reader *r, unsigned char *dst, size_t cap) {
  z_stream *z = &r->z;
  z->next_out = dst;
  z->avail_out = (uInt)cap;
  while (z->avail_out == cap) {
    int rc;
    if (z->avail_in == 0) {
      rc = src_refill(r);
      if (rc < 0) return -1;
      if (rc == 0) { r->cut = r->member_open; break; }
    }
    if (!r->member_open) {  /* a new gzip member starts here */
      if (r->members > 0 && inflateReset(z) != Z_OK)
        return warc_fail(r, warc_here(r), "zlib: cannot restart the inflater");
      r->member_open = 1;
      r->members++;
    }
    rc = inflate(z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) r->member_open = 0;
    else if (rc != Z_OK && rc != Z_BUF_ERROR)
      return warc_fail(r, warc_here(r), "corrupt gzip data at byte %" PRIu64 " of the file (%s)",
                       r->in_read - z->avail_in, z->msg ? z->msg : "inflate failed");
  }
  return (long)(cap - z->avail_out);
}

/* Makes unread bytes available: 1 some, 0 the end of the data, -1 an error. */
static int src_fill(warc_reader *r) {
  long n;
  if (r->pos < r->len) return 1;
  r->out_base += r->len;
  r->pos = r->len = 0;
  if (r->gzip) {
    n = src_inflate(r, r->out, WARC_OUT_SIZE);
  } else {
    n = (long)fread(r->out, 1, WARC_OUT_SIZE, r->f);
    if (n == 0 && ferror(r->f)) n = warc_fail(r, warc_here(r), "read error: %s", strerror(errno));
  }
  if (n < 0) return -1;
  r->len = (size_t)n;
  return n > 0;
}

/* ---- lines and blocks ------------------------------------------------ */

/* Appends the next line, "\n" included, to b, which may not exceed limit. */
static int read_line(warc_reader *r, buf *b, size_t limit) {
  size_t start = b->len;
  for (;;) {
    const unsigned char *p, *nl;
    size_t n;
    int rc = src_fill(r);
    if (rc < 0) return LINE_ERR;
    if (rc == 0) return b->len > start ? LINE_CUT : LINE_EOF;
    p = r->out + r->pos;
    nl = memchr(p, '\n', r->len - r->pos);
    n = nl ? (size_t)(nl - p) + 1 : r->len - r->pos;
    if (b->len + n > limit) return LINE_LONG;
    buf_add(b, (const char *)p, n);
    r->pos += n;
    if (nl) return LINE_OK;
  }
}

/* Reads n bytes into b (emptied first): 1 done, 0 the data ended first, -1 error. */
static int read_bytes(warc_reader *r, buf *b, size_t n) {
  buf_reset(b);
  if (buf_reserve(b, n) != 0) return warc_fail(r, warc_here(r), "out of memory");
  while (b->len < n) {
    size_t take;
    int rc = src_fill(r);
    if (rc <= 0) return rc;
    take = r->len - r->pos;
    if (take > n - b->len) take = n - b->len;
    memcpy(b->data + b->len, r->out + r->pos, take);
    b->len += take;
    r->pos += take;
  }
  b->data[b->len] = '\0';
  return 1;
}

/* Skips n bytes: 1 done, 0 the data ended first, -1 error. */
static int skip_bytes(warc_reader *r, uint64_t n) {
  while (n > 0) {
    size_t take;
    int rc = src_fill(r);
    if (rc <= 0) return rc;
    take = r->len - r->pos;
    if (take > n) take = (size_t)n;
    r->pos += take;
    n -= take;
  }
  return 1;
}

/* ---- header fields --------------------------------------------------- */

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static int is_blank(const char *p, size_t n) {
  while (n > 0 && is_space(*p)) { p++; n--; }
  return n == 0;
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* Whether s starts with prefix, ASCII case ignored. */
static int starts_ci(const char *s, const char *prefix) {
  for (; *prefix; s++, prefix++)
    if (lower(*s) != lower(*prefix)) return 0;
  return 1;
}

static int same_ci(const char *a, const char *b) { return strlen(a) == strlen(b) && starts_ci(a, b); }

/* Adds [p, end) without surrounding white space. */
static void add_trimmed(buf *b, const char *p, const char *end) {
  while (p < end && is_space(*p)) p++;
  while (end > p && is_space(end[-1])) end--;
  buf_add(b, p, (size_t)(end - p));
}

/* Appends a folded continuation line to the last value of out. */
static void fields_fold(buf *out, const char *p, const char *end) {
  size_t before;
  out->len--;                                   /* drop the value's NUL */
  before = out->len;
  if (out->data[before - 1] != '\0') buf_addc(out, ' ');  /* non-empty value */
  add_trimmed(out, p, end);
  if (out->len == before + 1 && out->data[before] == ' ') out->len--;
  buf_addc(out, '\0');
}

/* Parses "Name: value" lines in [p, end) into out as name\0value\0 pairs,
 * folded lines joined to the previous value with one space; stops at a blank
 * line. Lines without a colon are ignored. */
static void fields_parse(buf *out, const char *p, const char *end) {
  int have = 0;  /* a field was added: a continuation line may follow */
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p)), *next, *colon;
    if (!eol) eol = end;
    next = eol < end ? eol + 1 : end;
    if (is_blank(p, (size_t)(eol - p))) break;
    if (*p == ' ' || *p == '\t') {
      if (have && !buf_failed(out)) fields_fold(out, p, eol);
    } else if ((colon = memchr(p, ':', (size_t)(eol - p))) != NULL) {
      add_trimmed(out, p, colon);
      buf_addc(out, '\0');
      add_trimmed(out, colon + 1, eol);
      buf_addc(out, '\0');
      have = 1;
    } else {
      have = 0;
    }
    p = next;
  }
}

/* The value of the first field called name (case ignored), or NULL. */
static char *fields_get(buf *fields, const char *name) {
  char *p = fields->data, *end = fields->data + fields->len;
  if (!p || fields->failed) return NULL;
  while (p < end) {
    char *value = p + strlen(p) + 1;
    if (same_ci(p, name)) return value;
    p = value + strlen(value) + 1;
  }
  return NULL;
}

/* Parses a Content-Length: decimal digits only, no overflow. */
static int parse_length(const char *s, uint64_t *out) {
  uint64_t v = 0;
  if (!s || *s < '0' || *s > '9') return -1;
  for (; *s >= '0' && *s <= '9'; s++) {
    unsigned d = (unsigned)(*s - '0');
    if (v > (UINT64_MAX - d) / 10) return -1;
    v = v * 10 + d;
  }
  if (*s) return -1;
  *out = v;
  return 0;
}

/* ---- HTTP ------------------------------------------------------------- */

/* The charset parameter of a Content-Type value, unquoted, length in *n; or NULL. */
static const char *ct_charset(const char *v, size_t *n) {
  const char *p = strchr(v, ';');
  while (p) {
    p++;
    while (*p == ' ' || *p == '\t') p++;
    if (starts_ci(p, "charset")) {
      const char *q = p + 7, *end;
      while (*q == ' ' || *q == '\t') q++;
      if (*q == '=') {
        q++;
        while (*q == ' ' || *q == '\t') q++;
        if (*q == '"' || *q == '\'') {
          end = strchr(q + 1, *q);
          q++;
          if (!end) end = q + strlen(q);
        } else {
          end = q + strcspn(q, "; \t");
        }
        *n = (size_t)(end - q);
        return *n > 0 ? q : NULL;
      }
    }
    p = strchr(p, ';');
  }
  return NULL;
}

/* The status code of an "HTTP/x.y NNN reason" line, or 0. */
static int http_status(const char *p, const char *end) {
  int code = 0, i;
  if (end - p < 5 || memcmp(p, "HTTP/", 5) != 0) return 0;
  p += 5;
  while (p < end && !is_space(*p)) p++;
  while (p < end && (*p == ' ' || *p == '\t')) p++;
  for (i = 0; i < 3; i++, p++) {
    if (p >= end || *p < '0' || *p > '9') return 0;
    code = code * 10 + (*p - '0');
  }
  return p < end && !is_space(*p) ? 0 : code;
}

/* Stores the media type (lowercased) and charset of the HTTP Content-Type. */
static int http_content_type(warc_reader *r, warc_record *rec) {
  const char *ct = fields_get(&r->http_fields, "Content-Type"), *cs;
  size_t i, media_len, cs_len = 0;
  if (!ct) return 0;
  media_len = strcspn(ct, ";");
  while (media_len > 0 && is_space(ct[media_len - 1])) media_len--;
  cs = ct_charset(ct, &cs_len);
  buf_reset(&r->scratch);
  for (i = 0; i < media_len; i++) buf_addc(&r->scratch, lower(ct[i]));
  buf_addc(&r->scratch, '\0');
  if (cs) buf_add(&r->scratch, cs, cs_len);
  buf_addc(&r->scratch, '\0');
  if (buf_failed(&r->scratch)) return warc_fail(r, rec->offset, "out of memory");
  if (media_len > 0) rec->http_content_type = r->scratch.data;
  if (cs) rec->http_charset = r->scratch.data + media_len + 1;
  return 0;
}

/* Splits the HTTP response in the block into status, head fields and body. */
static int http_parse(warc_reader *r, warc_record *rec) {
  const char *p = rec->block, *end = rec->block + rec->block_len;
  const char *first_eol = memchr(p, '\n', rec->block_len), *line;
  int status = first_eol ? http_status(p, first_eol) : 0;
  if (status == 0) return 0;
  rec->http_status = status;
  rec->body = end;
  rec->body_len = 0;
  for (line = first_eol + 1; line < end;) {  /* the head ends at a blank line */
    const char *eol = memchr(line, '\n', (size_t)(end - line));
    if (!eol) break;
    if (is_blank(line, (size_t)(eol - line))) {
      rec->body = eol + 1;
      rec->body_len = (size_t)(end - rec->body);
      break;
    }
    line = eol + 1;
  }
  fields_parse(&r->http_fields, first_eol + 1, rec->body);
  if (buf_failed(&r->http_fields)) return warc_fail(r, rec->offset, "out of memory");
  return http_content_type(r, rec);
}

static int is_http_response(const warc_record *rec) {
  return rec->type && same_ci(rec->type, "response") &&
         (!rec->content_type || starts_ci(rec->content_type, "application/http"));
}

/* ---- records ---------------------------------------------------------- */

static int line_fail(warc_reader *r, int rc, uint64_t start) {
  if (rc == LINE_ERR) return -1;
  if (rc == LINE_LONG)
    return warc_fail(r, start, "WARC header over %zu bytes at offset %" PRIu64, WARC_MAX_HEAD, start);
  return warc_truncated(r, start);
}

/* Reads a record's head (version line to blank line) into r->head, skipping
 * blank lines before it: 1 read, 0 the end of the file, -1 an error. */
static int read_head(warc_reader *r, uint64_t *start) {
  int rc;
  do {
    buf_reset(&r->head);
    *start = warc_here(r);
    rc = read_line(r, &r->head, WARC_MAX_HEAD);
    if (rc == LINE_EOF) return r->cut ? warc_truncated(r, *start) : 0;
    if (rc != LINE_OK) return line_fail(r, rc, *start);
  } while (is_blank(r->head.data, r->head.len));
  if (r->head.len < 5 || memcmp(r->head.data, "WARC/", 5) != 0)
    return warc_fail(r, *start, "no WARC record at offset %" PRIu64, *start);
  for (;;) {
    size_t before = r->head.len;
    rc = read_line(r, &r->head, WARC_MAX_HEAD);
    if (rc != LINE_OK) return line_fail(r, rc == LINE_EOF ? LINE_CUT : rc, *start);
    if (buf_failed(&r->head)) return warc_fail(r, *start, "out of memory");
    if (is_blank(r->head.data + before, r->head.len - before)) return 1;
  }
}

/* Fills the record's fields from r->fields and r->block. */
static int record_fill(warc_reader *r, warc_record *rec) {
  char *uri = fields_get(&r->fields, "WARC-Target-URI");
  size_t n = uri ? strlen(uri) : 0;
  if (n >= 2 && uri[0] == '<' && uri[n - 1] == '>') { uri[n - 1] = '\0'; uri++; }  /* WARC 0.x style */
  rec->target_uri = uri;
  rec->type = fields_get(&r->fields, "WARC-Type");
  rec->record_id = fields_get(&r->fields, "WARC-Record-ID");
  rec->date = fields_get(&r->fields, "WARC-Date");
  rec->content_type = fields_get(&r->fields, "Content-Type");
  rec->block = r->block.data ? r->block.data : "";
  rec->block_len = r->block.len;
  rec->body = rec->block;
  rec->body_len = rec->block_len;
  return is_http_response(rec) ? http_parse(r, rec) : 0;
}

/* A record over the maximum: keeps its head and HTTP head, skips its block. */
static int record_refuse(warc_reader *r, warc_record *rec) {
  uint64_t len = rec->content_length;
  size_t peek = len < WARC_HTTP_PEEK ? (size_t)len : WARC_HTTP_PEEK;
  int rc = read_bytes(r, &r->block, peek);
  if (rc > 0) rc = skip_bytes(r, len - peek);
  if (rc == 0) return warc_truncated(r, rec->offset);
  if (rc < 0 || record_fill(r, rec) < 0) return -1;
  snprintf(r->refusal, sizeof r->refusal, "record of %" PRIu64 " bytes is over the maximum of %zu bytes",
           len, r->max_record);
  rec->error = r->refusal;
  rec->block = rec->body = "";
  rec->block_len = rec->body_len = 0;
  return 1;
}

static int record_read(warc_reader *r, warc_record *rec) {
  const char *cl, *first_eol;
  int rc = read_head(r, &rec->offset);
  if (rc <= 0) return rc;
  first_eol = memchr(r->head.data, '\n', r->head.len);
  fields_parse(&r->fields, first_eol + 1, r->head.data + r->head.len);
  if (buf_failed(&r->fields)) return warc_fail(r, rec->offset, "out of memory");
  cl = fields_get(&r->fields, "Content-Length");
  if (!cl)
    return warc_fail(r, rec->offset, "missing Content-Length in record at offset %" PRIu64, rec->offset);
  if (parse_length(cl, &rec->content_length) != 0)
    return warc_fail(r, rec->offset, "bad Content-Length \"%.40s\" in record at offset %" PRIu64,
                     cl, rec->offset);
  if (rec->content_length > r->max_record) return record_refuse(r, rec);
  rc = read_bytes(r, &r->block, (size_t)rec->content_length);
  if (rc == 0) return warc_truncated(r, rec->offset);
  if (rc < 0) return -1;
  return record_fill(r, rec) < 0 ? -1 : 1;
}

/* ---- public ------------------------------------------------------------ */

warc_reader *warc_open(const char *path, char *err, size_t errsz) {
  warc_reader *r = calloc(1, sizeof *r);
  size_t n;
  if (!r) { snprintf(err, errsz, "out of memory"); return NULL; }
  r->max_record = WARC_DEFAULT_MAX_RECORD;
  r->f = fopen(path, "rb");
  if (!r->f) {
    snprintf(err, errsz, "%s: %s", path, strerror(errno));
    free(r);
    return NULL;
  }
  n = fread(r->in, 1, 2, r->f);  /* sniff the gzip magic number */
  r->in_read = n;
  r->gzip = n == 2 && r->in[0] == 0x1f && r->in[1] == 0x8b;
  if (!r->gzip) {
    memcpy(r->out, r->in, n);
    r->len = n;
    return r;
  }
  r->z.zalloc = Z_NULL;
  r->z.zfree = Z_NULL;
  r->z.opaque = Z_NULL;
  r->z.next_in = r->in;
  r->z.avail_in = (uInt)n;
  if (inflateInit2(&r->z, 16 + MAX_WBITS) != Z_OK) {
    snprintf(err, errsz, "zlib: %s", r->z.msg ? r->z.msg : "cannot start the inflater");
    warc_close(r);
    return NULL;
  }
  r->z_ready = 1;
  return r;
}

void warc_set_max_record(warc_reader *r, size_t max) { r->max_record = max; }

int warc_next(warc_reader *r, warc_record *rec) {
  int rc;
  memset(rec, 0, sizeof *rec);
  if (r->done) return 0;
  buf_reset(&r->fields);
  buf_reset(&r->http_fields);
  buf_reset(&r->scratch);
  rc = record_read(r, rec);
  if (rc != 1) {
    r->done = 1;
    if (rc < 0) memset(rec, 0, sizeof *rec);
  }
  return rc;
}

const char *warc_error(const warc_reader *r) { return r->err; }

uint64_t warc_error_offset(const warc_reader *r) { return r->err_offset; }

void warc_close(warc_reader *r) {
  if (!r) return;
  if (r->z_ready) inflateEnd(&r->z);
  if (r->f) fclose(r->f);
  buf_free(&r->head);
  buf_free(&r->fields);
  buf_free(&r->http_fields);
  buf_free(&r->scratch);
  buf_free(&r->block);
  free(r);
}
