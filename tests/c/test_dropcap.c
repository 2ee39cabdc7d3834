/* Check suite for plugin/dropcap.c: drop caps found and joined to their word. */
#include <check.h>
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

#include "dropcap.h"
#include "buf.h"
#include "text.h"

static htmlDocPtr doc;

static void teardown(void) {
  if (doc) xmlFreeDoc(doc);
  doc = NULL;
}

/* Parses html, joins every drop cap under <body> (removing the caps as the
 * binding does) and returns the body's text, blocks separated by "|". */
static const char *joined(const char *html, size_t *found) {
  static char out[512];
  dropcap_pair pairs[DROPCAP_MAX];
  xmlNodePtr body;
  buf b;
  size_t i;
  if (doc) xmlFreeDoc(doc);
  doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_COMPACT);
  ck_assert_ptr_nonnull(doc);
  body = xmlDocGetRootElement(doc)->children;
  while (body && !(body->type == XML_ELEMENT_NODE && strcmp((const char *)body->name, "body") == 0))
    body = body->next;
  ck_assert_ptr_nonnull(body);
  *found = dropcap_find(body, pairs);
  for (i = 0; i < *found; i++) {
    xmlChar *t = dropcap_new_text(&pairs[i]);
    ck_assert_ptr_nonnull(t);
    dropcap_set_text(pairs[i].text, t);
    xmlUnlinkNode(pairs[i].cap);
    xmlFreeNode(pairs[i].cap);
  }
  buf_init(&b);
  ck_assert_int_eq(text_render(body, &b), 0);
  ck_assert_uint_lt(b.len, sizeof out);
  for (i = 0; i < b.len; i++) out[i] = b.data[i] == '\n' ? '|' : b.data[i];
  out[b.len] = 0;
  buf_free(&b);
  return out;
}

START_TEST(joins_drop_caps) {
  size_t n;
  ck_assert_str_eq(joined("<body><span class=dc>T</span><p><a href=x>urkey</a>, Poland</p></body>", &n),
                   "Turkey, Poland");
  ck_assert_uint_eq(n, 1);
  ck_assert_str_eq(joined("<body><p class=dc>\xC3\x89</p>\n<p>  t\xC3\xA9 vert</p></body>", &n),
                   "\xC3\x89t\xC3\xA9 vert");  /* before a block, white space does not part them */
  ck_assert_str_eq(joined("<body><p><b>I</b><!-- x -->n the end</p></body>", &n), "In the end");
}
END_TEST

START_TEST(leaves_words_alone) {
  size_t n;
  ck_assert_str_eq(joined("<body><p><b>A</b> man walked in.</p></body>", &n), "A man walked in.");
  ck_assert_uint_eq(n, 0);
  ck_assert_str_eq(joined("<body><span>T</span><p>The talks</p></body>", &n), "T||The talks");
  ck_assert_uint_eq(n, 0);  /* the next word starts with a capital: not its letter */
  joined("<body><span>t</span><p>he talks</p></body>", &n);
  ck_assert_uint_eq(n, 0);  /* a small letter is no drop cap */
  joined("<body><span>AB</span><p>out</p></body>", &n);
  ck_assert_uint_eq(n, 0);
  joined("<body><span>T</span><img src=x><p>urkey</p></body>", &n);
  ck_assert_uint_eq(n, 0);
  joined("<body><span>T<i>x</i></span><p>urkey</p></body>", &n);
  ck_assert_uint_eq(n, 0);
  joined("<body><span>T</span></body>", &n);
  ck_assert_uint_eq(n, 0);
  /* a value of its own: a table's grade, a list's option, a link */
  ck_assert_str_eq(joined("<body><table><tr><td>A</td><td>excellent</td></tr></table></body>", &n),
                   "A | excellent");
  ck_assert_uint_eq(n, 0);
  joined("<body><ul><li>B</li><li>good</li></ul></body>", &n);
  ck_assert_uint_eq(n, 0);
  joined("<body><p><a href=x>A</a>nd so</p></body>", &n);
  ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(stops_at_the_limit) {
  char html[4096] = "<body>";
  size_t n, i;
  for (i = 0; i < DROPCAP_MAX + 4; i++) strcat(html, "<span>T</span><p>urkey</p>");
  strcat(html, "</body>");
  joined(html, &n);
  ck_assert_uint_eq(n, DROPCAP_MAX);
}
END_TEST

int main(void) {
  Suite *s = suite_create("dropcap");
  TCase *tc = tcase_create("core");
  SRunner *sr;
  int failed;
  tcase_add_checked_fixture(tc, NULL, teardown);
  tcase_add_test(tc, joins_drop_caps);
  tcase_add_test(tc, leaves_words_alone);
  tcase_add_test(tc, stops_at_the_limit);
  suite_add_tcase(s, tc);
  sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
