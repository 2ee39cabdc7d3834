/* Tests for match.c: each supported selector must select exactly what css.c's
 * XPath selects (same elements, same order) from the document and from an
 * element; the forms match.c leaves to XPath must say so; a pathological
 * tree must end the walk with MATCH_OVER_BUDGET, not take quadratic time. */
#include <check.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "css.h"
#include "match.h"

#define HTML_OPTIONS \
  (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
   XML_PARSE_HUGE)

static const char PAGE[] =
  "<html id='root'><head id='hd'><title id='t'>T</title>"
  "<meta id='m1' property='og:title' content='x'><meta id='m2' name='author' content='y'></head>"
  "<body id='body'>"
  "<div id='main' class='story  wide\tbig' lang='en-US' data-x='Hello World'>"
  "<h1 id='h1' class='headline__699' title=''>Title</h1>"
  "<p id='p1' class='lead first'>One <a id='a0' rel='author nofollow' href='/by/jane'>Jane</a></p>"
  "<p id='p2' class='body'>Two <a id='a1' href='/x' rel='nofollow noopener'>x</a></p>"
  "<div id='inner' class='story body-content'>"
  "<p id='p4' class='x'>Four <time id='t1' datetime='2020' class='updated'>u</time>"
  "<time id='t2' datetime='2019'>p</time></p>"
  "<aside id='as1' class='abstract-box'><p id='p5'>Five</p></aside>"
  "</div>"
  "</div>"
  "<article id='art'><div id='d1'><div id='d2' class='a b'><span id='s1' class='b a'>s</span></div></div>"
  "<time id='t3' datetime='2018' class='pub'>x</time></article>"
  "<div id='side' class='aside' lang='en'>"
  "<ul id='list'><li id='l1' class='item'>1</li><li id='l2' class='item-2'>2</li></ul>"
  "<span id='s2' class='md:flex' data-role='-x'></span>"
  "</div>"
  "</body></html>";

static htmlDocPtr page;

static void page_setup(void) {
  page = htmlReadMemory(PAGE, (int)strlen(PAGE), "x.html", "UTF-8", HTML_OPTIONS);
  ck_assert_ptr_nonnull(page);
}

static void page_teardown(void) {
  xmlFreeDoc(page);
  page = NULL;
}

static void add_id(buf *ids, xmlNodePtr n) {
  xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
  if (ids->len) buf_addc(ids, ' ');
  buf_adds(ids, id ? (const char *)id : "?");
  xmlFree(id);
}

static void found(xmlNodePtr el, void *ud) { add_id(ud, el); }

/* The ids css.c's XPath selects from `from`. */
static void xpath_ids(xmlNodePtr from, const char *selector, buf *ids) {
  buf xp;
  char err[256];
  xmlXPathContextPtr ctx = xmlXPathNewContext(page);
  xmlXPathObjectPtr res;
  int i;
  buf_init(&xp);
  ck_assert_msg(css_compile(selector, strlen(selector), &xp, err, sizeof err) == 0, "%s", err);
  ck_assert_ptr_nonnull(ctx);
  ctx->node = from;
  res = xmlXPathEvalExpression((const xmlChar *)buf_cstr(&xp), ctx);
  ck_assert(res && res->type == XPATH_NODESET);
  for (i = 0; res->nodesetval && i < res->nodesetval->nodeNr; i++) add_id(ids, res->nodesetval->nodeTab[i]);
  xmlXPathFreeObject(res);
  xmlXPathFreeContext(ctx);
  buf_free(&xp);
}

static void direct_ids(xmlNodePtr from, const match_sel *s, buf *ids) {
  ck_assert_int_eq(match_each(s, from, found, ids), MATCH_OK);
}

static xmlNodePtr by_id(const char *id) {
  xmlNodePtr n = xmlDocGetRootElement(page);
  while (n) {
    xmlChar *v = n->type == XML_ELEMENT_NODE ? xmlGetProp(n, (const xmlChar *)"id") : NULL;
    int hit = v && strcmp((const char *)v, id) == 0;
    xmlFree(v);
    if (hit) return n;
    if (n->children) n = n->children;
    else {
      while (n && !n->next) n = n->parent;
      if (n) n = n->next;
    }
  }
  ck_abort_msg("no element with id %s", id);
  return NULL;
}

/* Direct matching from the document and from #main agrees with XPath, and
 * from the document gives `want`. */
static void check(const char *selector, const char *want) {
  match_sel *s = NULL;
  buf a, b;
  xmlNodePtr from[2];
  int i;
  from[0] = (xmlNodePtr)page;
  from[1] = by_id("main");
  ck_assert_msg(match_compile(selector, strlen(selector), &s) == MATCH_OK, "%s unsupported", selector);
  for (i = 0; i < 2; i++) {
    buf_init(&a);
    buf_init(&b);
    direct_ids(from[i], s, &a);
    xpath_ids(from[i], selector, &b);
    ck_assert_msg(strcmp(buf_cstr(&a), buf_cstr(&b)) == 0, "%s from %s: direct \"%s\", XPath \"%s\"",
                  selector, i ? "#main" : "document", buf_cstr(&a), buf_cstr(&b));
    if (i == 0)
      ck_assert_msg(strcmp(buf_cstr(&a), want) == 0, "%s: got \"%s\", want \"%s\"", selector,
                    buf_cstr(&a), want);
    buf_free(&a);
    buf_free(&b);
  }
  match_free(s);
}

START_TEST(types_classes_ids) {
  check("p", "p1 p2 p4 p5");
  check("P", "p1 p2 p4 p5");
  check(".story", "main inner");
  check(".wide", "main");   /* tokens split on any blank, tab included */
  check(".big", "main");
  check("div.story.body-content", "inner");
  check(".a.b", "d2 s1");
  check("#inner", "inner");
  check("h1#h1.headline__699", "h1");
  check("*", "root hd t m1 m2 body main h1 p1 a0 p2 a1 inner p4 t1 t2 as1 p5 art d1 d2 s1 t3 side list l1 l2 s2");
  check(".missing", "");
}
END_TEST

START_TEST(attributes) {
  check("[datetime]", "t1 t2 t3");
  check("meta[property=\"og:title\"]", "m1");
  check("meta[name='author']", "m2");
  check("[title='']", "h1");
  check("[rel~=author]", "a0");
  check("[rel~=\"noopener\"]", "a1");
  check("[class^=\"abstract\"]", "as1");
  check("[class^=headline__]", "h1");
  check("[class$=\"-2\"]", "l2");
  check("[href*='/by/']", "a0");
  check("[lang|=en]", "main side");
  check("[data-role|='']", "s2");  /* "-x" starts with "" followed by "-" */
  check("[DATA-X='Hello World']", "main");
  check("[data-x='hello world']", "");  /* values compare case-sensitively */
}
END_TEST

START_TEST(combinators_lists_not) {
  check("div p", "p1 p2 p4 p5");
  check(".body-content aside", "as1");
  check("div > p", "p1 p2 p4");
  check("article > div > div > span", "s1");
  check("article span", "s1");
  check("body > div > p > a", "a0 a1");
  check("div div", "inner d2");
  check("time:not(.updated)", "t2 t3");
  check("article time[datetime]:not(.updated)", "t3");
  check("p:not([class])", "p5");
  check("div:not(div)", "");
  check(":not(p)[id^=p]", "");
  check("li:not(.item)", "l2");
  check(".b.a, h1, .missing, p > a", "h1 a0 a1 d2 s1");  /* document order, each once */
  check("  div >p , span ", "p1 p2 p4 s1 s2");
}
END_TEST

/* A compound is a test of the element alone (blocks_body.c matches body selectors so). */
START_TEST(compounds) {
  match_sel *s;
  const char *lists[] = { "div p", "div > p", "p, div" };
  size_t i;
  ck_assert_int_eq(match_compile("div.story[lang|=en]:not(.aside)", 31, &s), MATCH_OK);
  ck_assert(match_is_compound(s));
  ck_assert(match_compound_holds(s, by_id("main")));
  ck_assert(!match_compound_holds(s, by_id("inner")));  /* no lang */
  ck_assert(!match_compound_holds(s, by_id("side")));   /* class aside */
  match_free(s);
  for (i = 0; i < 3; i++) {
    ck_assert_int_eq(match_compile(lists[i], strlen(lists[i]), &s), MATCH_OK);
    ck_assert_msg(!match_is_compound(s), "%s is no compound", lists[i]);
    match_free(s);
  }
}
END_TEST

static void check_unsupported(const char *selector) {
  match_sel *s = (match_sel *)1;
  ck_assert_msg(match_compile(selector, strlen(selector), &s) == MATCH_UNSUPPORTED,
                "%s should be left to XPath", selector);
  ck_assert_ptr_null(s);
}

START_TEST(left_to_xpath) {
  check_unsupported("p:first-child");
  check_unsupported("h1 + p");
  check_unsupported("h1 ~ p");
  check_unsupported("a[href$='']");
  check_unsupported("a[rel~='a b']");
  check_unsupported("a[href='x' i]");
  check_unsupported(".md\\:flex");
  check_unsupported(".caf\xc3\xa9");
  check_unsupported(":not(:not(p))");
  check_unsupported(":not(.a .b)");
  check_unsupported("p,");
  check_unsupported("");
  check_unsupported("div >");
  check_unsupported("[");
  check_unsupported("ns|p");
}
END_TEST

static void count(xmlNodePtr el, void *ud) {
  (void)el;
  ++*(size_t *)ud;
}

/* 100,000 nested divs and "span div": every div would walk all its ancestors
 * looking for a span. The budget stops it early; "div div" needs one step
 * per element and stays within it. */
START_TEST(budget_on_deep_trees) {
  const size_t depth = 100000;
  buf html;
  size_t i, n = 0;
  htmlDocPtr deep;
  match_sel *s;
  buf_init(&html);
  buf_adds(&html, "<html><body>");
  for (i = 0; i < depth; i++) buf_adds(&html, "<div>");
  buf_adds(&html, "</body></html>");
  ck_assert(!buf_failed(&html));
  deep = htmlReadMemory(buf_cstr(&html), (int)html.len, "d.html", "UTF-8", HTML_OPTIONS);
  ck_assert_ptr_nonnull(deep);
  ck_assert_int_eq(match_compile("span div", 8, &s), MATCH_OK);
  ck_assert_int_eq(match_each(s, (xmlNodePtr)deep, count, &n), MATCH_OVER_BUDGET);
  match_free(s);
  n = 0;
  ck_assert_int_eq(match_compile("div div", 7, &s), MATCH_OK);
  ck_assert_int_eq(match_each(s, (xmlNodePtr)deep, count, &n), MATCH_OK);
  ck_assert_uint_eq(n, depth - 1);
  match_free(s);
  xmlFreeDoc(deep);
  buf_free(&html);
}
END_TEST

static Suite *match_suite(void) {
  Suite *s = suite_create("match");
  TCase *tc = tcase_create("page");
  tcase_add_checked_fixture(tc, page_setup, page_teardown);
  tcase_add_test(tc, types_classes_ids);
  tcase_add_test(tc, attributes);
  tcase_add_test(tc, combinators_lists_not);
  tcase_add_test(tc, left_to_xpath);
  tcase_add_test(tc, compounds);
  suite_add_tcase(s, tc);
  tc = tcase_create("deep");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, budget_on_deep_trees);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(match_suite());
  int failed;
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
