/* Check suite for plugin/text.c, plugin/stats.c and plugin/walk.c. */
#include <check.h>
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "text.h"
#include "walk.h"

#define OPTS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
              XML_PARSE_HUGE)

static htmlDocPtr parse(const char *html) {
  htmlDocPtr d = htmlReadMemory(html, (int)strlen(html), "t.html", "UTF-8", OPTS);
  ck_assert_ptr_nonnull(d);
  return d;
}

static xmlNodePtr body_of(htmlDocPtr d) {
  xmlNodePtr n = xmlDocGetRootElement(d)->children;
  while (n && !walk_is_element(n, "body")) n = n->next;
  ck_assert_ptr_nonnull(n);
  return n;
}

static void assert_text(const char *html, const char *expected) {
  htmlDocPtr d = parse(html);
  buf b;
  buf_init(&b);
  ck_assert_int_eq(text_render(body_of(d), &b), 0);
  ck_assert_str_eq(buf_cstr(&b), expected);
  buf_free(&b);
  xmlFreeDoc(d);
}

START_TEST(paragraphs_and_breaks) {
  assert_text("<p>a</p><p>b<br>c</p>", "a\n\nb\nc");
  assert_text("<div><p>a</p></div>  <div>b</div>", "a\n\nb");
}
END_TEST

START_TEST(double_br_ends_a_paragraph) {
  /* pages without <p> set paragraphs with <br><br>, as they look on screen */
  assert_text("<div>a<br><br>b</div>", "a\n\nb");
  assert_text("<div>a<br> <br><br>b<br>c</div>", "a\n\nb\nc");
  assert_text("<div>a<br><b></b><br>b</div>", "a\n\nb");
  assert_text("<div>a<br>x<br>b</div>", "a\nx\nb");
  assert_text("<ul><li>a</li><li><br>b</li></ul>", "a\nb");  /* a list item's break is not a <br> */
  assert_text("<table><tr><td>a</td><td><br><br>b</td></tr></table>", "a | b");
}
END_TEST

START_TEST(whitespace_collapses_and_trims) {
  assert_text("<p>  a \n\t b&nbsp;&nbsp;c  </p>", "a b c");
  assert_text("<p>x<b>y</b> <i>z</i></p>", "xy z");
}
END_TEST

START_TEST(invisible_elements_do_not_contribute) {
  assert_text("<p>a<script>s()</script><style>p{}</style><noscript>n</noscript>"
              "<template>t</template>b</p>", "ab");
}
END_TEST

START_TEST(lists_tables_and_pre) {
  assert_text("<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter");
  assert_text("<table><tr><th>h</th><th>i</th></tr><tr><td>1</td><td>2</td></tr></table>",
              "h | i\n1 | 2");
  assert_text("<pre>a\n  b</pre>", "a\n  b");
}
END_TEST

START_TEST(table_rows_stay_on_their_lines) {
  /* cells holding paragraphs: still one line per row, one " | " between cells */
  assert_text("<table><tr><td><p>Entity status</p></td><td><p>Assoc status</p></td></tr>"
              "<tr><td>a</td><td>b</td></tr></table>",
              "Entity status | Assoc status\na | b");
  /* white space around cells adds no second space beside the " | " */
  assert_text("<table>\n<tr>\n<th>Capital</th>\n<td>\n Wellington</td>\n</tr></table>", "Capital | Wellington");
  /* empty leading cells leave no mark */
  assert_text("<table><tr><td></td><td><img src=x></td><td>c</td></tr></table>", "c");
  /* a layout table's one cell keeps its paragraphs, and the text after the table its break */
  assert_text("<p>x</p><table><tr><td><p>one</p><p>two</p></td></tr></table><p>after</p>",
              "x\n\none\n\ntwo\n\nafter");
  assert_text("<p>a</p><table><tr><td><img src=x></td></tr></table><p>b</p>", "a\n\nb");
}
END_TEST

START_TEST(collapse_helper) {
  buf b;
  buf_init(&b);
  text_collapse("  Title \n  here ", 16, &b);
  ck_assert_str_eq(buf_cstr(&b), "Title here");
  buf_free(&b);
}
END_TEST

START_TEST(utf8_helpers) {
  unsigned cp;
  ck_assert_uint_eq(text_utf8_len("caf\xC3\xA9", 5), 4);
  ck_assert_uint_eq(text_utf8_next((const unsigned char *)"\xE2\x82\xAC", 3, &cp), 3);
  ck_assert_uint_eq(cp, 0x20AC);
  ck_assert_uint_eq(text_utf8_next((const unsigned char *)"\xE2\x82", 2, &cp), 1);
  ck_assert_uint_eq(cp, 0xFFFD);
  ck_assert(text_is_space_cp(0xA0));
  ck_assert(!text_is_space_cp('x'));
}
END_TEST

START_TEST(stats_of_a_paragraph) {
  htmlDocPtr d = parse("<div><p>Read <a href='/x'>a link</a> now, please.</p><p>Two</p></div>");
  node_stats s;
  xmlNodePtr div = body_of(d)->children;
  stats_compute(div->children, &s);
  ck_assert_uint_eq(s.chars, 24);
  ck_assert_uint_eq(s.words, 5);
  ck_assert_uint_eq(s.link_chars, 6);
  ck_assert_uint_eq(s.punct, 2);
  ck_assert_uint_eq(s.depth, 3);
  stats_compute(div, &s);
  ck_assert_uint_eq(s.paragraphs, 2);
  ck_assert_uint_eq(s.words, 6);
  xmlFreeDoc(d);
}
END_TEST

START_TEST(stats_of_unspaced_scripts) {
  htmlDocPtr d = parse("<p>東京で会議。</p>");
  node_stats s;
  stats_compute(body_of(d)->children, &s);
  ck_assert_uint_eq(s.words, 5);
  ck_assert_uint_eq(s.punct, 1);
  ck_assert_uint_eq(s.chars, 6);
  xmlFreeDoc(d);
}
END_TEST

/* Runs of plain ASCII are counted at once: punctuation, control bytes,
 * non-ASCII spaces and letters inside or beside a run count as one by one. */
START_TEST(stats_of_mixed_runs) {
  htmlDocPtr d = parse("<p>ab,cd\x01" "e\xc2\xa0" "f\xc3\xa9" "g<a href=x>hi!</a>j</p>");
  node_stats s;
  stats_compute(body_of(d)->children, &s);
  /* punctuation ends no word: "ab,cde" and "f\xc3\xa9ghi!j" with one gap (libxml2 drops
   * the control byte) */
  ck_assert_uint_eq(s.chars, 14);
  ck_assert_uint_eq(s.words, 2);
  ck_assert_uint_eq(s.punct, 2);
  ck_assert_uint_eq(s.link_chars, 3);
  xmlFreeDoc(d);
}
END_TEST

static int count_elements(xmlNodePtr n, int entering, void *ud) {
  if (entering && n->type == XML_ELEMENT_NODE) ++*(long *)ud;
  return WALK_CONTINUE;
}

/* The walk uses no stack: 100,000 levels must not overflow anything. */
START_TEST(deep_nesting_walks_iteratively) {
  const int depth = 100000;
  size_t len = (size_t)depth * 11 + 16;
  char *html = malloc(len), *p = html;
  htmlDocPtr d;
  long count = 0;
  buf b;
  int i;
  ck_assert_ptr_nonnull(html);
  for (i = 0; i < depth; i++) { memcpy(p, "<div>", 5); p += 5; }
  memcpy(p, "deep", 4); p += 4;
  for (i = 0; i < depth; i++) { memcpy(p, "</div>", 6); p += 6; }
  *p = '\0';
  d = parse(html);
  walk_tree(xmlDocGetRootElement(d), count_elements, &count);
  ck_assert_int_gt(count, 2);
  buf_init(&b);
  ck_assert_int_eq(text_render(xmlDocGetRootElement(d), &b), 0);
  ck_assert_str_eq(buf_cstr(&b), "deep");
  buf_free(&b);
  xmlFreeDoc(d);
  free(html);
}
END_TEST

static int stop_at_b(xmlNodePtr n, int entering, void *ud) {
  (void)entering;
  if (walk_is_element(n, "b")) { *(int *)ud = 1; return WALK_STOP; }
  if (walk_is_element(n, "i")) { *(int *)ud = 2; }
  return walk_is_element(n, "span") ? WALK_SKIP : WALK_CONTINUE;
}

START_TEST(walk_skip_and_stop) {
  htmlDocPtr d = parse("<p><span><i>x</i></span><b>y</b><i>z</i></p>");
  int seen = 0;
  walk_tree(body_of(d), stop_at_b, &seen);
  ck_assert_int_eq(seen, 1);  /* the <i> under the skipped span was not visited, nor the last */
  xmlFreeDoc(d);
}
END_TEST

/* squash(in) gives want; NULL want: in is already squashed (0, out untouched). */
static void check_squash(const char *in, const char *want) {
  buf out;
  int rc;
  buf_init(&out);
  rc = text_squash(in, strlen(in), &out);
  if (!want) {
    ck_assert_msg(rc == 0 && out.len == 0, "\"%s\" should come back as it is", in);
  } else {
    ck_assert_msg(rc == 1, "\"%s\" should be squashed", in);
    ck_assert_str_eq(buf_cstr(&out), want);
  }
  buf_free(&out);
}

START_TEST(squash_spaces) {
  check_squash("Jane Doe", NULL);
  check_squash("a b c", NULL);
  check_squash("\xc3\xa9" "t\xc3\xa9", NULL);  /* other UTF-8 stays */
  check_squash(" Jane  Doe ", "Jane Doe");
  check_squash("Jane\t\n\r\v\fDoe", "Jane Doe");
  check_squash("Jane\xc2\xa0" "Doe", "Jane Doe");       /* U+00A0 */
  check_squash("a\xe2\x80\x82" "b\xe2\x80\x83" "c\xe2\x80\x89" "d\xe2\x80\x8a"
               "e\xe2\x80\x8b" "f\xe2\x80\xaf" "g\xe3\x80\x80" "h", "a b c d e f g h");
  check_squash("a\xe2\x80\x8c" "b", NULL);              /* U+200C is not a space here */
  check_squash("\xc2\xa0 \xe3\x80\x80x", "x");
  check_squash("", "");
  check_squash("   ", "");
}
END_TEST

static Suite *text_suite(void) {
  Suite *s = suite_create("text");
  TCase *render = tcase_create("render");
  TCase *stats = tcase_create("stats");
  TCase *walk = tcase_create("walk");
  tcase_add_test(render, paragraphs_and_breaks);
  tcase_add_test(render, double_br_ends_a_paragraph);
  tcase_add_test(render, whitespace_collapses_and_trims);
  tcase_add_test(render, invisible_elements_do_not_contribute);
  tcase_add_test(render, lists_tables_and_pre);
  tcase_add_test(render, table_rows_stay_on_their_lines);
  tcase_add_test(render, collapse_helper);
  tcase_add_test(render, utf8_helpers);
  tcase_add_test(render, squash_spaces);
  tcase_add_test(stats, stats_of_a_paragraph);
  tcase_add_test(stats, stats_of_unspaced_scripts);
  tcase_add_test(stats, stats_of_mixed_runs);
  tcase_set_timeout(walk, 30);
  tcase_add_test(walk, deep_nesting_walks_iteratively);
  tcase_add_test(walk, walk_skip_and_stop);
  suite_add_tcase(s, render);
  suite_add_tcase(s, stats);
  suite_add_tcase(s, walk);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(text_suite());
  int failed;
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
