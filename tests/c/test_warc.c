/* Check suite for plugin/warc.c: WARC files written by the test, plain and gzip. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "warc.h"

enum { PLAIN, GZ_EACH, GZ_ONE };  /* how a test file is written */
enum { MAX_RECS = 8 };

static char path[64];
static buf recs[MAX_RECS];  /* the records of the file being built, one buf each */
static int nrecs;

static void setup(void) {
  int fd, i;
  strcpy(path, "/tmp/lede-test-warc-XXXXXX");
  fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  close(fd);
  for (i = 0; i < MAX_RECS; i++) buf_init(&recs[i]);
  nrecs = 0;
}

static void teardown(void) {
  int i;
  unlink(path);
  for (i = 0; i < MAX_RECS; i++) buf_free(&recs[i]);
}

/* Appends s with every "\n" written as eol. */
static void add_lines(buf *b, const char *s, const char *eol) {
  for (; *s; s++) {
    if (*s == '\n') buf_adds(b, eol);
    else buf_addc(b, *s);
  }
}

/* A new record: "WARC/1.1", the header lines, Content-Length, the block, two eols. */
static buf *rec_add(const char *eol, const char *headers, const char *block, size_t n) {
  buf *b = &recs[nrecs++];
  ck_assert_int_le(nrecs, MAX_RECS);
  add_lines(b, "WARC/1.1\n", eol);
  add_lines(b, headers, eol);
  buf_addf(b, "Content-Length: %zu%s%s", n, eol, eol);
  buf_add(b, block, n);
  buf_adds(b, eol);
  buf_adds(b, eol);
  ck_assert(!buf_failed(b));
  return b;
}

static buf *rec_adds(const char *eol, const char *headers, const char *block) {
  return rec_add(eol, headers, block, strlen(block));
}

/* A record written verbatim. */
static void rec_raw(const char *s) {
  buf_adds(&recs[nrecs++], s);
}

/* Compresses data as one gzip member appended to out. */
static void gz_member(buf *out, const char *data, size_t n) {
  z_stream z;
  uLong bound;
  memset(&z, 0, sizeof z);
  ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  bound = deflateBound(&z, (uLong)n) + 32;
  ck_assert_int_eq(buf_reserve(out, bound), 0);
  z.next_in = (Bytef *)data;
  z.avail_in = (uInt)n;
  z.next_out = (Bytef *)out->data + out->len;
  z.avail_out = (uInt)bound;
  ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
  out->len += bound - z.avail_out;
  deflateEnd(&z);
}

/* Writes the records to path; keeps only the first `keep` bytes when keep > 0. */
static void write_file(int mode, long keep) {
  buf all, out;
  int i;
  FILE *f;
  buf_init(&all);
  buf_init(&out);
  for (i = 0; i < nrecs; i++) {
    if (mode == GZ_EACH) gz_member(&out, recs[i].data, recs[i].len);
    else buf_add(&all, recs[i].data, recs[i].len);
  }
  if (mode == GZ_ONE) gz_member(&out, all.data, all.len);
  if (mode == PLAIN) { buf_free(&out); out = all; buf_init(&all); }
  if (keep > 0) {
    ck_assert_int_lt(keep, (long)out.len);
    out.len = (size_t)keep;
  }
  f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  if (out.len > 0) ck_assert_uint_eq(fwrite(out.data, 1, out.len, f), out.len);
  fclose(f);
  buf_free(&all);
  buf_free(&out);
}

static warc_reader *open_ok(void) {
  char err[256];
  warc_reader *r = warc_open(path, err, sizeof err);
  ck_assert_msg(r != NULL, "%s", err);
  return r;
}

static void next_ok(warc_reader *r, warc_record *rec) {
  int rc = warc_next(r, rec);
  ck_assert_msg(rc == 1, "warc_next gave %d: %s", rc, warc_error(r));
}

static void body_eq(const warc_record *rec, const char *want) {
  ck_assert_uint_eq(rec->body_len, strlen(want));
  ck_assert_int_eq(memcmp(rec->body, want, rec->body_len), 0);
}

static const char *HTML = "<html><body><p>Hello</p></body></html>\n";

/* A response record with an HTTP head in eol line ends. */
static void add_response(const char *eol, const char *id, const char *http_head, const char *body) {
  buf block;
  char headers[256];
  buf_init(&block);
  add_lines(&block, http_head, eol);
  buf_adds(&block, eol);  /* the last header line's end */
  buf_adds(&block, eol);  /* the blank line */
  buf_adds(&block, body);
  snprintf(headers, sizeof headers,
           "WARC-Type: response\nWARC-Target-URI: http://example.com/%s\nWARC-Record-ID: <urn:%s>\n"
           "WARC-Date: 2024-01-02T03:04:05Z\nContent-Type: application/http; msgtype=response\n", id, id);
  rec_add(eol, headers, block.data, block.len);
  buf_free(&block);
}

/* Reads the file written by add_standard() and checks every field. */
static void check_standard(void) {
  warc_reader *r = open_ok();
  warc_record rec;
  next_ok(r, &rec);
  ck_assert_str_eq(rec.type, "warcinfo");
  ck_assert_uint_eq(rec.offset, 0);
  ck_assert_int_eq(rec.http_status, 0);
  ck_assert_ptr_null(rec.target_uri);
  body_eq(&rec, "software: test\r\n");
  next_ok(r, &rec);
  ck_assert_uint_eq(rec.offset, recs[0].len);
  ck_assert_str_eq(rec.type, "response");
  ck_assert_str_eq(rec.target_uri, "http://example.com/a");
  ck_assert_str_eq(rec.record_id, "<urn:a>");
  ck_assert_str_eq(rec.date, "2024-01-02T03:04:05Z");
  ck_assert_str_eq(rec.content_type, "application/http; msgtype=response");
  ck_assert_int_eq(rec.http_status, 200);
  ck_assert_str_eq(rec.http_content_type, "text/html");
  ck_assert_str_eq(rec.http_charset, "ISO-8859-1");
  ck_assert_ptr_null(rec.error);
  body_eq(&rec, HTML);
  ck_assert_uint_eq(rec.block_len, rec.content_length);
  next_ok(r, &rec);
  ck_assert_int_eq(rec.http_status, 404);
  ck_assert_str_eq(rec.http_content_type, "application/xhtml+xml");
  ck_assert_ptr_null(rec.http_charset);
  body_eq(&rec, "gone");
  ck_assert_int_eq(warc_next(r, &rec), 0);
  ck_assert_int_eq(warc_next(r, &rec), 0);
  warc_close(r);
}

static void add_standard(const char *eol) {
  rec_adds(eol, "WARC-Type: warcinfo\nWARC-Record-ID: <urn:info>\n", "software: test\r\n");
  add_response(eol, "a", "HTTP/1.1 200 OK\nContent-Type: Text/HTML; charset=ISO-8859-1\nServer: x", HTML);
  add_response(eol, "b", "HTTP/1.0 404 Not Found\ncontent-type: application/xhtml+xml", "gone");
}

START_TEST(plain_crlf) {
  add_standard("\r\n");
  write_file(PLAIN, 0);
  check_standard();
}
END_TEST

START_TEST(plain_lf) {
  add_standard("\n");
  write_file(PLAIN, 0);
  check_standard();
}
END_TEST

START_TEST(gzip_one_member_per_record) {
  add_standard("\r\n");
  write_file(GZ_EACH, 0);
  check_standard();
}
END_TEST

START_TEST(gzip_one_member_for_the_file) {
  add_standard("\r\n");
  write_file(GZ_ONE, 0);
  check_standard();
}
END_TEST

START_TEST(quirky_headers) {
  warc_reader *r;
  warc_record rec;
  /* ClueWeb09: WARC/0.18, CRLF WARC head, LF-only HTTP head; lowercase names; folded lines */
  rec_raw("\r\n\r\nWARC/0.18\r\nwarc-type: response\r\nWARC-TARGET-URI:\r\n  <http://example.com/\r\n"
          "\tfolded>\r\ncontent-length: 69\r\ncontent-type: application/http;msgtype=response\r\n\r\n"
          "HTTP/1.1 200 OK\nContent-Type: text/html;\n  charset=\"utf-8\"\n\n<p>x</p>\n"
          "\r\n\r\n\n\r\n");
  rec_adds("\n", "WARC-Type: response\nX-Empty:\n", "no HTTP here");
  write_file(GZ_EACH, 0);
  r = open_ok();
  next_ok(r, &rec);
  ck_assert_uint_eq(rec.offset, 4);
  ck_assert_str_eq(rec.type, "response");
  ck_assert_str_eq(rec.target_uri, "http://example.com/ folded");
  ck_assert_int_eq(rec.http_status, 200);
  ck_assert_str_eq(rec.http_content_type, "text/html");
  ck_assert_str_eq(rec.http_charset, "utf-8");
  body_eq(&rec, "<p>x</p>\n");
  next_ok(r, &rec);
  ck_assert_int_eq(rec.http_status, 0);  /* a response whose block is not HTTP */
  ck_assert_ptr_null(rec.http_content_type);
  body_eq(&rec, "no HTTP here");
  ck_assert_int_eq(warc_next(r, &rec), 0);
  warc_close(r);
}
END_TEST

START_TEST(missing_content_length) {
  warc_reader *r;
  warc_record rec;
  char want[80];
  add_response("\r\n", "a", "HTTP/1.1 200 OK", HTML);
  rec_raw("WARC/1.1\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n");
  add_response("\r\n", "c", "HTTP/1.1 200 OK", HTML);
  write_file(PLAIN, 0);
  r = open_ok();
  next_ok(r, &rec);
  ck_assert_int_eq(warc_next(r, &rec), -1);
  snprintf(want, sizeof want, "missing Content-Length in record at offset %zu", recs[0].len);
  ck_assert_str_eq(warc_error(r), want);
  ck_assert_uint_eq(warc_error_offset(r), recs[0].len);
  ck_assert_int_eq(warc_next(r, &rec), 0);
  warc_close(r);
}
END_TEST

START_TEST(bad_content_length) {
  warc_reader *r;
  warc_record rec;
  rec_raw("WARC/1.1\r\nContent-Length: 12x\r\n\r\n");
  write_file(PLAIN, 0);
  r = open_ok();
  ck_assert_int_eq(warc_next(r, &rec), -1);
  ck_assert_str_eq(warc_error(r), "bad Content-Length \"12x\" in record at offset 0");
  warc_close(r);
}
END_TEST

/* Cuts the file written in mode at each of several places inside the last
 * record: the records before the cut come out, then the truncation error. */
static void check_truncation(int mode) {
  long cuts[3];
  int i;
  char want[64];
  add_standard("\r\n");
  snprintf(want, sizeof want, "truncated record at offset %zu", recs[0].len + recs[1].len);
  if (mode == PLAIN) {
    long start = (long)(recs[0].len + recs[1].len);
    cuts[0] = start + 5;                        /* in the version line */
    cuts[1] = start + 40;                       /* in the head */
    cuts[2] = start + (long)recs[2].len - 10;   /* in the block */
  } else {
    buf c;  /* the compressed size of the whole file, to cut inside its last part */
    buf_init(&c);
    for (i = 0; i < nrecs; i++) gz_member(&c, recs[i].data, recs[i].len);
    cuts[0] = (long)c.len - 20;
    cuts[1] = (long)c.len - 30;
    cuts[2] = (long)c.len - 60;
    buf_free(&c);
  }
  for (i = 0; i < 3; i++) {
    warc_reader *r;
    warc_record rec;
    write_file(mode, cuts[i]);
    r = open_ok();
    next_ok(r, &rec);
    ck_assert_str_eq(rec.type, "warcinfo");
    next_ok(r, &rec);
    body_eq(&rec, HTML);
    ck_assert_int_eq(warc_next(r, &rec), -1);
    ck_assert_str_eq(warc_error(r), want);
    ck_assert_int_eq(warc_next(r, &rec), 0);
    warc_close(r);
  }
}

START_TEST(truncated_plain) { check_truncation(PLAIN); }
END_TEST

START_TEST(truncated_gzip_members) { check_truncation(GZ_EACH); }
END_TEST

/* Only the last member's trailer is missing: its record is whole, the file is not. */
START_TEST(truncated_gzip_trailer) {
  warc_reader *r;
  warc_record rec;
  char want[64];
  long size = 0;
  int i;
  add_standard("\r\n");
  for (i = 0; i < nrecs; i++) {
    buf c;
    buf_init(&c);
    gz_member(&c, recs[i].data, recs[i].len);
    size += (long)c.len;
    buf_free(&c);
  }
  write_file(GZ_EACH, size - 8);
  r = open_ok();
  for (i = 0; i < 3; i++) next_ok(r, &rec);
  ck_assert_int_eq(warc_next(r, &rec), -1);
  snprintf(want, sizeof want, "truncated record at offset %zu", recs[0].len + recs[1].len + recs[2].len);
  ck_assert_str_eq(warc_error(r), want);
  warc_close(r);
}
END_TEST

START_TEST(truncated_gzip_single_member) {
  warc_reader *r;
  warc_record rec;
  int n = 0;
  char want[64];
  add_standard("\r\n");
  write_file(GZ_ONE, 0);
  /* a single member: cut it well inside, records before the cut still come out */
  {
    FILE *f = fopen(path, "rb");
    long size;
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fclose(f);
    write_file(GZ_ONE, size - 40);
  }
  r = open_ok();
  while (warc_next(r, &rec) == 1) n++;
  ck_assert_int_eq(n, 2);
  snprintf(want, sizeof want, "truncated record at offset %zu", recs[0].len + recs[1].len);
  ck_assert_str_eq(warc_error(r), want);
  warc_close(r);
}
END_TEST

START_TEST(record_over_the_maximum) {
  warc_reader *r;
  warc_record rec;
  char big[3000];
  memset(big, 'x', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  add_response("\r\n", "a", "HTTP/1.1 200 OK\nContent-Type: text/html", HTML);
  add_response("\r\n", "big", "HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8", big);
  add_response("\r\n", "c", "HTTP/1.1 200 OK\nContent-Type: text/html", HTML);
  write_file(GZ_ONE, 0);
  r = open_ok();
  warc_set_max_record(r, 1000);
  next_ok(r, &rec);
  ck_assert_ptr_null(rec.error);
  next_ok(r, &rec);
  ck_assert_ptr_nonnull(rec.error);
  ck_assert_str_eq(rec.record_id, "<urn:big>");
  ck_assert_int_eq(rec.http_status, 200);
  ck_assert_str_eq(rec.http_content_type, "text/html");
  ck_assert_str_eq(rec.http_charset, "utf-8");
  ck_assert_uint_eq(rec.body_len, 0);
  ck_assert_uint_eq(rec.block_len, 0);
  ck_assert_msg(strstr(rec.error, "over the maximum of 1000 bytes") != NULL, "%s", rec.error);
  next_ok(r, &rec);
  ck_assert_str_eq(rec.record_id, "<urn:c>");
  body_eq(&rec, HTML);
  ck_assert_int_eq(warc_next(r, &rec), 0);
  warc_close(r);
}
END_TEST

/* Records whose ends fall on, just before and just after the reader's 64 KB
 * buffer boundaries, plain and compressed. */
START_TEST(block_boundaries) {
  int d, mode;
  for (d = -4; d <= 4; d++) {
    for (mode = PLAIN; mode <= GZ_ONE; mode++) {
      warc_reader *r;
      warc_record rec;
      size_t head, n, i;
      char *block;
      int k;
      buf probe;
      nrecs = 0;
      for (i = 0; i < MAX_RECS; i++) buf_reset(&recs[i]);
      buf_init(&probe);
      add_lines(&probe, "WARC/1.1\nWARC-Type: resource\nContent-Length: 65000\n\n", "\r\n");
      head = probe.len;
      buf_free(&probe);
      n = (size_t)(65536 + d) - head - 4;
      block = malloc(n + 1);
      ck_assert_ptr_nonnull(block);
      for (k = 0; k < 3; k++) {
        memset(block, 'a' + k, n);
        rec_add("\r\n", "WARC-Type: resource\n", block, n);
        ck_assert_uint_eq(recs[k].len, (size_t)(65536 + d));
      }
      free(block);
      write_file(mode, 0);
      r = open_ok();
      for (k = 0; k < 3; k++) {
        next_ok(r, &rec);
        ck_assert_uint_eq(rec.offset, (uint64_t)k * (uint64_t)(65536 + d));
        ck_assert_uint_eq(rec.block_len, n);
        ck_assert_int_eq(rec.block[0], 'a' + k);
        ck_assert_int_eq(rec.block[n - 1], 'a' + k);
      }
      ck_assert_int_eq(warc_next(r, &rec), 0);
      warc_close(r);
    }
  }
}
END_TEST

START_TEST(not_a_warc_file) {
  warc_reader *r;
  warc_record rec;
  rec_raw("<html><body>hello</body></html>\n");
  write_file(PLAIN, 0);
  r = open_ok();
  ck_assert_int_eq(warc_next(r, &rec), -1);
  ck_assert_str_eq(warc_error(r), "no WARC record at offset 0");
  warc_close(r);
}
END_TEST

START_TEST(empty_file) {
  warc_reader *r;
  warc_record rec;
  write_file(PLAIN, 0);
  r = open_ok();
  ck_assert_int_eq(warc_next(r, &rec), 0);
  warc_close(r);
}
END_TEST

START_TEST(corrupt_gzip) {
  warc_reader *r;
  warc_record rec;
  add_standard("\r\n");
  rec_raw("this is no gzip member");  /* plain bytes after the members */
  {
    buf out;
    FILE *f;
    int i;
    buf_init(&out);
    for (i = 0; i < 3; i++) gz_member(&out, recs[i].data, recs[i].len);
    buf_add(&out, recs[3].data, recs[3].len);
    f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fwrite(out.data, 1, out.len, f);
    fclose(f);
    buf_free(&out);
  }
  r = open_ok();
  next_ok(r, &rec);
  next_ok(r, &rec);
  next_ok(r, &rec);
  ck_assert_int_eq(warc_next(r, &rec), -1);
  ck_assert_msg(strstr(warc_error(r), "corrupt gzip data") != NULL, "%s", warc_error(r));
  warc_close(r);
}
END_TEST

START_TEST(open_failure) {
  char err[256];
  ck_assert_ptr_null(warc_open("/nonexistent/x.warc", err, sizeof err));
  ck_assert_str_eq(err, "/nonexistent/x.warc: No such file or directory");
  warc_close(NULL);
}
END_TEST

static Suite *warc_suite(void) {
  Suite *s = suite_create("warc");
  TCase *tc = tcase_create("warc");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, plain_crlf);
  tcase_add_test(tc, plain_lf);
  tcase_add_test(tc, gzip_one_member_per_record);
  tcase_add_test(tc, gzip_one_member_for_the_file);
  tcase_add_test(tc, quirky_headers);
  tcase_add_test(tc, missing_content_length);
  tcase_add_test(tc, bad_content_length);
  tcase_add_test(tc, truncated_plain);
  tcase_add_test(tc, truncated_gzip_members);
  tcase_add_test(tc, truncated_gzip_trailer);
  tcase_add_test(tc, truncated_gzip_single_member);
  tcase_add_test(tc, record_over_the_maximum);
  tcase_add_test(tc, block_boundaries);
  tcase_add_test(tc, not_a_warc_file);
  tcase_add_test(tc, empty_file);
  tcase_add_test(tc, corrupt_gzip);
  tcase_add_test(tc, open_failure);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(warc_suite());
  int failed;
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
