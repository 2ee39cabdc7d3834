/* Check suite for plugin/encoding.c: sniffing order, label mapping, decoding. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"

static enc_choice sniff(const char *s, const char *caller) {
  enc_choice c;
  enc_sniff(s, strlen(s), caller, &c);
  return c;
}

START_TEST(bom_wins_over_everything) {
  enc_choice c = sniff("\xEF\xBB\xBF<meta charset=iso-8859-1>caf\xC3\xA9", "koi8-r");
  ck_assert_str_eq(c.name, "UTF-8");
  ck_assert_int_eq(c.source, ENC_FROM_BOM);
  ck_assert_uint_eq(c.bom_len, 3);
}
END_TEST

START_TEST(caller_wins_over_meta) {
  enc_choice c = sniff("<meta charset=utf-8>caf\xE9", "latin1");
  ck_assert_str_eq(c.name, "WINDOWS-1252");
  ck_assert_int_eq(c.source, ENC_FROM_CALLER);
}
END_TEST

START_TEST(unknown_caller_label_is_ignored) {
  enc_choice c = sniff("<meta charset=gb2312>\xD0\xC2", "x-no-such-charset");
  ck_assert_str_eq(c.name, "GBK");
  ck_assert_int_eq(c.source, ENC_FROM_META);
}
END_TEST

START_TEST(meta_charset_and_http_equiv) {
  enc_choice c = sniff("<html><head><META CHARSET=\"Shift_JIS\">\x82\xA0", NULL);
  ck_assert_str_eq(c.name, "SHIFT_JIS");
  c = sniff("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\xE0", NULL);
  ck_assert_str_eq(c.name, "WINDOWS-1251");
  ck_assert_int_eq(c.source, ENC_FROM_META);
}
END_TEST

START_TEST(meta_beyond_prescan_is_ignored) {
  char page[2048];
  memset(page, ' ', sizeof page);
  memcpy(page + 1200, "<meta charset=iso-8859-2>", 25);
  page[sizeof page - 1] = '\0';
  ck_assert_int_eq(sniff(page, NULL).source, ENC_FROM_UTF8_CHECK);
}
END_TEST

/* A page whose <meta> comes after 1500 bytes of banner, then `text`. */
static enc_choice sniff_late(const char *text) {
  static const char meta[] = "<meta charset=gb2312><p>";
  char page[3000];
  memset(page, ' ', sizeof page);
  memcpy(page, "<!-- banner -->", 15);
  memcpy(page + 1500, meta, strlen(meta));
  memcpy(page + 1500 + strlen(meta), text, strlen(text));
  page[sizeof page - 1] = '\0';
  return sniff(page, NULL);
}

START_TEST(late_meta_after_the_utf8_check) {
  enc_choice c = sniff_late("\xD0\xC2");  /* GBK, not UTF-8 */
  ck_assert_str_eq(c.name, "GBK");
  ck_assert_int_eq(c.source, ENC_FROM_LATE_META);
  c = sniff_late("\xE6\x96\xB0");  /* valid UTF-8 wins over a late meta */
  ck_assert_int_eq(c.source, ENC_FROM_UTF8_CHECK);
}
END_TEST

START_TEST(stale_legacy_meta_on_utf8_bytes) {
  enc_choice c = sniff("<meta charset=iso-8859-1><p>caf\xC3\xA9</p>", NULL);
  ck_assert_str_eq(c.name, "UTF-8");
  ck_assert_int_eq(c.source, ENC_FROM_UTF8_CHECK);
  /* pure ASCII: the declaration stands */
  c = sniff("<meta charset=iso-8859-1><p>cafe</p>", NULL);
  ck_assert_int_eq(c.source, ENC_FROM_META);
}
END_TEST

START_TEST(utf8_check_then_windows_1252) {
  ck_assert_int_eq(sniff("<p>\xD0\x9A\xD0\xB8</p>", NULL).source, ENC_FROM_UTF8_CHECK);
  ck_assert_str_eq(sniff("<p>caf\xE9</p>", NULL).name, "WINDOWS-1252");
  ck_assert_int_eq(sniff("<p>caf\xE9</p>", NULL).source, ENC_FROM_DEFAULT);
}
END_TEST

START_TEST(label_mapping_follows_whatwg) {
  char name[32];
  ck_assert_int_eq(enc_canonical(" ISO-8859-1 ", 12, name, sizeof name), 0);
  ck_assert_str_eq(name, "WINDOWS-1252");
  ck_assert_int_eq(enc_canonical("gb2312", 6, name, sizeof name), 0);
  ck_assert_str_eq(name, "GBK");
  ck_assert_int_eq(enc_canonical("us-ascii", 8, name, sizeof name), 0);
  ck_assert_str_eq(name, "WINDOWS-1252");
  ck_assert_int_eq(enc_canonical("utf-16", 6, name, sizeof name), 0);
  ck_assert_str_eq(name, "UTF-8");
  ck_assert_int_eq(enc_canonical("bogus", 5, name, sizeof name), -1);
  ck_assert_int_eq(enc_canonical("", 0, name, sizeof name), -1);
}
END_TEST

START_TEST(utf8_validation) {
  ck_assert(enc_is_utf8("plain", 5));
  ck_assert(enc_is_utf8("\xE2\x82\xAC", 3));
  ck_assert(!enc_is_utf8("\xC0\xAF", 2));          /* overlong */
  ck_assert(!enc_is_utf8("\xED\xA0\x80", 3));      /* surrogate */
  ck_assert(!enc_is_utf8("\xF4\x90\x80\x80", 4));  /* beyond U+10FFFF */
  ck_assert(!enc_is_utf8("\xE2\x82", 2));          /* truncated */
}
END_TEST

/* ASCII is skipped eight bytes at a time: what follows a long run, at every
 * offset within a word, must still be checked and cleaned. */
START_TEST(long_ascii_runs_then_anything) {
  char page[64];
  size_t at;
  for (at = 0; at < 24; at++) {
    buf b;
    memset(page, 'a', sizeof page);
    page[at] = '\xC3';  /* a lone lead byte: invalid */
    ck_assert(!enc_is_utf8(page, sizeof page));
    ck_assert(!enc_is_clean_utf8(page, sizeof page));
    buf_init(&b);
    ck_assert_int_eq(enc_to_utf8(page, sizeof page, "UTF-8", &b), 0);
    ck_assert_uint_eq(b.len, sizeof page + 2);
    ck_assert(memcmp(b.data + at, "\xEF\xBF\xBD", 3) == 0);
    buf_free(&b);
    page[at] = '\0';  /* a NUL: valid UTF-8, replaced when cleaning */
    ck_assert(enc_is_utf8(page, sizeof page));
    ck_assert(!enc_is_clean_utf8(page, sizeof page));
    buf_init(&b);
    ck_assert_int_eq(enc_to_utf8(page, sizeof page, "UTF-8", &b), 0);
    ck_assert(memcmp(b.data + at, "\xEF\xBF\xBD", 3) == 0);
    buf_free(&b);
    page[at] = 'b';  /* clean: enc_to_utf8 would copy it unchanged */
    ck_assert(enc_is_clean_utf8(page, sizeof page));
  }
}
END_TEST

static char *decode(const char *s, size_t len, const char *enc) {
  buf b;
  char *r;
  buf_init(&b);
  ck_assert_int_eq(enc_to_utf8(s, len, enc, &b), 0);
  r = strdup(buf_cstr(&b));
  buf_free(&b);
  return r;
}

START_TEST(decoding_replaces_what_it_cannot_read) {
  char *r = decode("a\xC3" "b\0c\xE2\x82\xAC", 8, "UTF-8");
  ck_assert_str_eq(r, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xE2\x82\xAC");
  free(r);
  r = decode("\x93" "5 \x80\x94", 5, "WINDOWS-1252");
  ck_assert_str_eq(r, "\xE2\x80\x9C" "5 \xE2\x82\xAC\xE2\x80\x9D");
  free(r);
  r = decode("\xD0\xC2\xFF\xFF" "x", 5, "GBK");  /* an invalid pair in the middle */
  ck_assert_ptr_nonnull(strstr(r, "\xE6\x96\xB0"));  /* U+65B0 */
  ck_assert_ptr_nonnull(strstr(r, "x"));
  free(r);
}
END_TEST

START_TEST(decoding_an_unknown_encoding_fails) {
  buf b;
  buf_init(&b);
  ck_assert_int_eq(enc_to_utf8("x", 1, "NO-SUCH-ENCODING", &b), -1);
  buf_free(&b);
}
END_TEST

static Suite *encoding_suite(void) {
  Suite *s = suite_create("encoding");
  TCase *sniffing = tcase_create("sniffing");
  TCase *decoding = tcase_create("decoding");
  tcase_add_test(sniffing, bom_wins_over_everything);
  tcase_add_test(sniffing, caller_wins_over_meta);
  tcase_add_test(sniffing, unknown_caller_label_is_ignored);
  tcase_add_test(sniffing, meta_charset_and_http_equiv);
  tcase_add_test(sniffing, meta_beyond_prescan_is_ignored);
  tcase_add_test(sniffing, stale_legacy_meta_on_utf8_bytes);
  tcase_add_test(sniffing, utf8_check_then_windows_1252);
  tcase_add_test(sniffing, label_mapping_follows_whatwg);
  tcase_add_test(sniffing, utf8_validation);
  tcase_add_test(sniffing, late_meta_after_the_utf8_check);
  tcase_add_test(decoding, decoding_replaces_what_it_cannot_read);
  tcase_add_test(decoding, long_ascii_runs_then_anything);
  tcase_add_test(decoding, decoding_an_unknown_encoding_fails);
  suite_add_tcase(s, sniffing);
  suite_add_tcase(s, decoding);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(encoding_suite());
  int failed;
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
