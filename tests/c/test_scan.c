/* Check suite for plugin/scan.c: datelines and closing credits with a small table. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

enum { REUTERS, AP, DPA, EFE, PTI, NNN, ONA, ANSA };

static scan_agencies *table;

static void add(const char *form, int id, int flags) {
  ck_assert_int_eq(scan_agencies_add(table, form, strlen(form), id, flags), 0);
}

static void setup(void) {
  table = scan_agencies_new();
  ck_assert_ptr_nonnull(table);
  add("Reuters", REUTERS, SCAN_FULL);
  add("Thomson Reuters", REUTERS, SCAN_FULL);
  add("Associated Press", AP, SCAN_FULL);
  add("AP", AP, SCAN_SHORT | SCAN_CASE);
  add("dpa", DPA, SCAN_FULL | SCAN_CASE);
  add("EFE", EFE, SCAN_SHORT | SCAN_CASE);
  add("PTI", PTI, SCAN_SHORT | SCAN_CASE);
  add("NNN", NNN, SCAN_SHORT | SCAN_CASE);
  add("ONA", ONA, SCAN_SHORT | SCAN_CASE);
  add("ANSA", ANSA, SCAN_SHORT | SCAN_CASE);
}

static void teardown(void) { scan_agencies_free(table); }

static scan_dateline dl(const char *s, int expect) {
  scan_dateline d;
  ck_assert_msg(scan_find_dateline(table, s, strlen(s), &d) == expect, "dateline? %s", s);
  return d;
}

static void span_eq(const char *s, scan_span sp, const char *want) {
  ck_assert_uint_eq(sp.len, strlen(want));
  ck_assert_int_eq(memcmp(s + sp.start, want, sp.len), 0);
}

START_TEST(agency_matching) {
  int id;
  ck_assert_uint_eq(scan_agency_at(table, "Thomson Reuters said", 20, 0, &id), 15);
  ck_assert_int_eq(id, REUTERS);
  ck_assert_uint_eq(scan_agency_at(table, "REUTERS", 7, 0, &id), 7);
  ck_assert_uint_eq(scan_agency_at(table, "AP", 2, 0, &id), 0);      /* short forms need allow_short */
  ck_assert_uint_eq(scan_agency_at(table, "AP", 2, 1, &id), 2);
  ck_assert_uint_eq(scan_agency_at(table, "Ap", 2, 1, &id), 0);      /* exact case */
  ck_assert_uint_eq(scan_agency_at(table, "APEC", 4, 1, &id), 0);    /* whole words */
  ck_assert_uint_eq(scan_agency_at(table, "DPA", 3, 1, &id), 0);
}
END_TEST

START_TEST(datelines_with_agencies) {
  const char *s = "LONDON, April 26 (Reuters) - Britain";
  scan_dateline d = dl(s, 1);
  ck_assert_int_eq(d.agency, REUTERS);
  span_eq(s, d.places[0], "LONDON");
  span_eq(s, d.date, "April 26");
  span_eq(s, d.text, "LONDON, April 26 (Reuters) -");
  ck_assert_uint_eq(d.len, strlen("LONDON, April 26 (Reuters) - "));
  s = "KYIV, Ukraine (AP) \xE2\x80\x94 Russia";
  d = dl(s, 1);
  span_eq(s, d.region, "Ukraine");
  ck_assert_int_eq(d.agency, AP);
  s = "Berlin (dpa/bb) - Die";
  ck_assert_int_eq(dl(s, 1).agency, DPA);
  s = "MUSCAT, June 13 (NNN-ONA) \xE2\x80\x93 The";
  d = dl(s, 1);
  ck_assert_int_eq(d.agency, ONA);
  ck_assert_int_eq(d.relay, NNN);
  s = "New Delhi, Oct 20 (PTI) The government";
  d = dl(s, 1);
  span_eq(s, d.places[0], "New Delhi");
  span_eq(s, d.text, "New Delhi, Oct 20 (PTI)");
  s = "(ANSA) - ROMA, 26 FEB - Il governo";
  d = dl(s, 1);
  ck_assert_int_eq(d.agency, ANSA);
  span_eq(s, d.places[0], "ROMA");
  span_eq(s, d.date, "26 FEB");
  s = "Madrid (EFE).- El";
  span_eq(s, dl(s, 1).text, "Madrid (EFE).-");
}
END_TEST

START_TEST(datelines_without_agencies) {
  const char *s = "SEOUL/SHANGHAI: China and South Korea";
  scan_dateline d = dl(s, 1);
  ck_assert_int_eq(d.nplaces, 2);
  span_eq(s, d.places[1], "SHANGHAI");
  ck_assert_int_eq(d.agency, -1);
  dl("MUSCAT: The ministry", 1);
  s = "WASHINGTON, U.S. - The";  /* a dotted abbreviation is no host name */
  d = dl(s, 1);
  span_eq(s, d.places[0], "WASHINGTON");
}
END_TEST

START_TEST(agency_written_as_place) {
  const char *s = "REUTERS - Shares fell";
  scan_dateline d = dl(s, 1);
  ck_assert_int_eq(d.agency, REUTERS);
  ck_assert_int_eq(d.nplaces, 0);
  span_eq(s, d.text, "REUTERS -");
  s = "ANSA \xE2\x80\x94 Il governo";
  d = dl(s, 1);
  ck_assert_int_eq(d.agency, ANSA);
  ck_assert_int_eq(d.nplaces, 0);
  dl("Ansa \xE2\x80\x94 Il governo", 0);  /* a short form counts in its own case only */
}
END_TEST

START_TEST(not_datelines) {
  dl("BREAKING: Markets fall", 0);
  dl("EDITOR'S NOTE: This story", 0);
  dl("FILE - A man walks", 0);
  dl("(LEAD) S. Korea", 0);
  dl("THE BIG PICTURE", 0);
  dl("Kim told Xi about it", 0);
  dl("Ahead of the vote: what to know", 0);
  dl("VIDEO3: The market watch", 0);  /* no place has a digit */
  dl("COVID-19: What to know", 0);
  dl("Name: Ashley Location: Downtown", 0);  /* a fact line's label */
  dl("Last Updated: January 7, 2025", 0);
  dl("Abu Dhabi: The ministry said", 1);
  dl("Ski: 2021-2022 Line Outline, 186 cm", 0);  /* a label before a number */
  dl("DUBAI: 15 people were hurt", 1);
  dl("TRIBUNNEWS.COM - Berikut ini", 0);  /* a site's name */
  dl("Detik.com: Pemerintah", 0);
  dl("", 0);
}
END_TEST

static scan_credit closing(const char *s, int expect) {
  scan_credit c;
  ck_assert_msg(scan_find_closing(table, s, strlen(s), &c) == expect, "credit? %s", s);
  return c;
}

START_TEST(closing_credits) {
  const char *s = "further details. \xE2\x80\x94 Reuters";
  scan_credit c = closing(s, 1);
  ck_assert_int_eq(c.agencies[0], REUTERS);
  ck_assert_int_eq(c.kind, CREDIT_DASH);
  span_eq(s, c.text, "\xE2\x80\x94 Reuters");
  s = "the talks. (dpa/gem)";
  c = closing(s, 1);
  ck_assert_int_eq(c.kind, CREDIT_PAREN);
  span_eq(s, c.text, "(dpa/gem)");
  ck_assert_int_eq(closing("Source: PTI", 1).kind, CREDIT_SOURCE);
  ck_assert_int_eq(closing("With inputs from PTI", 1).kind, CREDIT_INPUTS);
  ck_assert_int_eq(closing("(With inputs from PTI)", 1).kind, CREDIT_INPUTS);
  ck_assert_int_eq(closing("(Source: PTI)", 1).kind, CREDIT_SOURCE);
  ck_assert_int_eq(closing("the talks. (EFE, Reuters)", 1).nagencies, 2);
  ck_assert_int_eq(closing("EFE/Rola Nasser/Omar Haddad", 1).kind, CREDIT_ALONE);
  ck_assert_int_eq(closing("EFE", 1).kind, CREDIT_ALONE);
  ck_assert_int_eq(closing("Copyright 2024 Thomson Reuters", 1).kind, CREDIT_COPYRIGHT);
  ck_assert_int_eq(closing("  \xC2\xA9 2020 Reuters  ", 1).kind, CREDIT_COPYRIGHT);
}
END_TEST

START_TEST(not_closing_credits) {
  closing("he told PTI", 0);
  closing("Reuters reported on Monday", 0);
  closing("REUTERS/Kim Hong-Ji", 0);
  closing("(AP Photo/Evan Vucci)", 0);
  closing("\xC2\xA9 2024 Gulf Times. All rights reserved.", 0);
  closing("(With inputs from agencies)", 0);
  closing("the Coca-AP deal", 0);
  closing("", 0);
}
END_TEST

START_TEST(robust_on_garbage) {
  char junk[3000];
  size_t i;
  scan_dateline d;
  scan_credit c;
  for (i = 0; i < sizeof junk; i++) junk[i] = (char)("(-)/ A\xE2\x80\x94P:,"[i % 12]);
  scan_find_dateline(table, junk, sizeof junk, &d);
  scan_find_closing(table, junk, sizeof junk, &c);
  scan_find_dateline(table, "(", 1, &d);
  scan_find_closing(table, ")", 1, &c);
  scan_find_closing(table, "\xE2\x80", 2, &c);
}
END_TEST

static Suite *scan_suite(void) {
  Suite *s = suite_create("scan");
  TCase *tc = tcase_create("scan");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, agency_matching);
  tcase_add_test(tc, datelines_with_agencies);
  tcase_add_test(tc, datelines_without_agencies);
  tcase_add_test(tc, agency_written_as_place);
  tcase_add_test(tc, not_datelines);
  tcase_add_test(tc, closing_credits);
  tcase_add_test(tc, not_closing_credits);
  tcase_add_test(tc, robust_on_garbage);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(scan_suite());
  int failed;
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
