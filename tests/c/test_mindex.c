/* Check suite for plugin/mindex.c: the substring tests of class, id and href values. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "mindex.h"

static int contains(const char *hay, const char *word, int lower) {
  return mindex_contains(hay, strlen(hay), word, strlen(word), lower);
}

START_TEST(substrings_plain_and_lowercased) {
  ck_assert_int_eq(contains("post-date", "date", 0), 1);
  ck_assert_int_eq(contains("post-Date", "date", 0), 0);
  ck_assert_int_eq(contains("post-DATE", "date", 1), 1);
  ck_assert_int_eq(contains("dat", "date", 1), 0);
  ck_assert_int_eq(contains("ddate", "date", 0), 1);   /* a false start, then the match */
  ck_assert_int_eq(contains("xyz", "", 0), 1);         /* the empty word is everywhere */
  ck_assert_int_eq(contains("POST", "POST", 1), 0);    /* words are lowercase: an uppercase one never matches */
  ck_assert_int_eq(contains("/Author/jane", "/author/", 0), 0);  /* hrefs keep their case */
}
END_TEST

START_TEST(lowering_copies_only_what_fits) {
  char buf[8];
  ck_assert_int_eq(mindex_lower(buf, sizeof buf, "AbC-1", 5), 1);
  ck_assert_int_eq(memcmp(buf, "abc-1", 5), 0);
  ck_assert_int_eq(mindex_lower(buf, sizeof buf, "ABCDEFGHIJ", 10), 0);
  ck_assert_int_eq(mindex_lower(buf, sizeof buf, "\xC3\x89T\xC3\x89", 5), 1);  /* "ÉTÉ": bytes >= 0x80 stay */
  ck_assert_int_eq(memcmp(buf, "\xC3\x89t\xC3\x89", 5), 0);
}
END_TEST

START_TEST(a_rule_hits_unless_vetoed) {
  static const char *const words[] = { "author", "byline" };
  static const size_t wl[] = { 6, 6 };
  static const char *const vetoes[] = { "authorit" };
  static const size_t vl[] = { 8 };
  mindex_rule r;
  r.words.s = words; r.words.len = wl; r.words.n = 2;
  r.unless.s = vetoes; r.unless.len = vl; r.unless.n = 1;
  ck_assert_int_eq(mindex_rule_hits(&r, "author-name", 11, 1), 1);
  ck_assert_int_eq(mindex_rule_hits(&r, "Authority-box", 13, 1), 0);
  ck_assert_int_eq(mindex_rule_hits(&r, "story-byline", 12, 1), 1);
  ck_assert_int_eq(mindex_rule_hits(&r, "headline", 8, 1), 0);
  r.unless.n = 0;
  ck_assert_int_eq(mindex_rule_hits(&r, "authority", 9, 1), 1);
  r.words.n = 0;
  ck_assert_int_eq(mindex_any(&r.words, "author", 6, 0), 0);  /* no words: nothing hits */
}
END_TEST

static Suite *mindex_suite(void) {
  Suite *s = suite_create("mindex");
  TCase *tc = tcase_create("match");
  tcase_add_test(tc, substrings_plain_and_lowercased);
  tcase_add_test(tc, lowering_copies_only_what_fits);
  tcase_add_test(tc, a_rule_hits_unless_vetoed);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(mindex_suite());
  int failed;
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
