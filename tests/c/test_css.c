/* Tests for css.c: every selector form is compiled, then evaluated by libxml2
 * against a small page, and the ids of the matches are compared in document
 * order. Errors are compared word for word. */
#include <check.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "css.h"

#define HTML_OPTIONS \
  (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)

static const char PAGE[] =
  "<html id='root'><body id='body'>"
  "<div id='main' class='story  wide' lang='en-US' data-x='Hello World'>"
  "<h1 id='h1' class='caf\xc3\xa9' title=''>Title</h1>"
  "<p id='p1' class='lead first'>One</p>"
  "<p id='p2' class='body'>Two <a id='a1' href='/x' rel='nofollow noopener'>x</a></p>"
  "<span id='s1' class='md:flex' title=\"it's\">S</span>"
  "<p id='p3' class='body last' title='say \"hi\"'>Three</p>"
  "<div id='inner' class='story'>"
  "<p id='p4' class='x'>Four</p>"
  "<span id='s2' title=\"both ' and &quot;\"></span>"
  "</div>"
  "</div>"
  "<div id='side' class='aside' lang='en'>"
  "<ul id='list'><li id='l1'>1</li><li id='l2'>2</li><li id='l3'>3</li>"
  "<li id='l4'>4</li><li id='l5'>5</li><li id='l6'>6</li><li id='l7'>7</li></ul>"
  "<p id='e1'></p><p id='e2'><!-- note --></p><p id='e3'> </p>"
  "<my-widget id='w1'></my-widget><my.el id='xy' v-on:click='go'></my.el>"
  "</div>"
  "</body></html>";

/* The page, parsed by the fixture for each test (Check fixtures take no arguments). */
static htmlDocPtr page;

static void page_setup(void) {
  page = htmlReadMemory(PAGE, (int)strlen(PAGE), "x.html", "UTF-8", HTML_OPTIONS);
  ck_assert_ptr_nonnull(page);
}

static void page_teardown(void) {
  xmlFreeDoc(page);
  page = NULL;
}

static void ignore_error(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

/* css_compile into a fresh buffer, which the caller frees. */
static int compile(const char *selector, size_t len, buf *xpath, char *err,
                   size_t errsz) {
  buf_init(xpath);
  return css_compile(selector, len, xpath, err, errsz);
}

static xmlNodePtr by_id(const char *id) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(page);
  xmlXPathObjectPtr res;
  xmlNodePtr node = NULL;
  char expr[64];
  ck_assert_ptr_nonnull(ctx);
  snprintf(expr, sizeof expr, "//*[@id='%s']", id);
  res = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
  if (res && res->nodesetval && res->nodesetval->nodeNr == 1)
    node = res->nodesetval->nodeTab[0];
  xmlXPathFreeObject(res);
  xmlXPathFreeContext(ctx);
  ck_assert_msg(node != NULL, "no element with id %s", id);
  return node;
}

/* Evaluates xpath from node; appends the ids of the matches to ids, space
 * separated ("?" for an element without one). Returns 0 if libxml2 could not
 * evaluate it to a node-set. */
static int evaluate(xmlNodePtr from, const char *xpath, buf *ids) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(from->doc);
  xmlXPathObjectPtr res;
  int i, ok;
  ck_assert_ptr_nonnull(ctx);
  ctx->node = from;
  res = xmlXPathEvalExpression((const xmlChar *)xpath, ctx);
  ok = res != NULL && res->type == XPATH_NODESET;
  for (i = 0; ok && res->nodesetval && i < res->nodesetval->nodeNr; i++) {
    xmlChar *id = xmlGetProp(res->nodesetval->nodeTab[i], (const xmlChar *)"id");
    if (ids->len) buf_addc(ids, ' ');
    buf_adds(ids, id ? (const char *)id : "?");
    xmlFree(id);
  }
  xmlXPathFreeObject(res);
  xmlXPathFreeContext(ctx);
  return ok;
}

static void check_from(xmlNodePtr from, const char *selector, const char *want) {
  buf xpath, ids;
  char err[256];
  int rc = compile(selector, strlen(selector), &xpath, err, sizeof err);
  ck_assert_msg(rc == 0, "%s: %s", selector, err);
  buf_init(&ids);
  ck_assert_msg(evaluate(from, buf_cstr(&xpath), &ids), "%s: libxml2 rejects %s",
                selector, buf_cstr(&xpath));
  ck_assert_msg(strcmp(buf_cstr(&ids), want) == 0, "%s -> %s: got \"%s\", want \"%s\"",
                selector, buf_cstr(&xpath), buf_cstr(&ids), want);
  buf_free(&xpath);
  buf_free(&ids);
}

/* The ids the selector matches in the whole page, in document order. */
static void check(const char *selector, const char *want) {
  check_from((xmlNodePtr)page, selector, want);
}

static void check_error(const char *selector, size_t len, const char *want) {
  buf xpath;
  char err[256];
  ck_assert_msg(compile(selector, len, &xpath, err, sizeof err) == -1,
                "%s compiled to %s", selector, buf_cstr(&xpath));
  ck_assert_str_eq(err, want);
  buf_free(&xpath);
}

/* ---- simple selectors ---- */

START_TEST(type_selector) {
  check("p", "p1 p2 p3 p4 e1 e2 e3");
  check("h1", "h1");
  check("my-widget", "w1");
}
END_TEST

START_TEST(type_selector_is_lowercased) {
  check("P", "p1 p2 p3 p4 e1 e2 e3");
  check("UL", "list");
}
END_TEST

START_TEST(type_selector_other_names) {
  check("my\\.el", "xy");
  check("[v-on\\:click=go]", "xy");
}
END_TEST

START_TEST(universal_selector) {
  check("ul *", "l1 l2 l3 l4 l5 l6 l7");
  check("*#p2", "p2");
}
END_TEST

START_TEST(id_selector) {
  check("#p2", "p2");
  check("#P2", "");
  check("p#p3", "p3");
  check("span#p3", "");
}
END_TEST

START_TEST(class_selector) {
  check(".body", "p2 p3");
  check(".bod", "");
  check(".first", "p1");
  check(".story", "main inner");
  check(".wide.story", "main");
  check(".lead.body", "");
  check("p.body#p3", "p3");
  check(".caf\xc3\xa9", "h1");
}
END_TEST

START_TEST(escapes_in_names) {
  check(".md\\:flex", "s1");
  check(".md\\3A flex", "s1");
  check(".md\\00003aflex", "s1");
  check("#\\70 1", "p1");
}
END_TEST

/* ---- attribute selectors ---- */

START_TEST(attribute_present) {
  check("[title]", "h1 s1 p3 s2");
  check("[DATA-X]", "main");
  check("[ lang ]", "main side");
}
END_TEST

START_TEST(attribute_equals) {
  check("[lang=en]", "side");
  check("[lang=en-US]", "main");
  check("[lang = 'en' ]", "side");
  check("[lang=EN]", "");
  check("[title='']", "h1");
}
END_TEST

START_TEST(attribute_word) {
  check("[rel~=noopener]", "a1");
  check("[rel~='nofollow']", "a1");
  check("[rel~=noop]", "");
  check("[rel~='nofollow noopener']", "");
  check("[rel~='']", "");
}
END_TEST

START_TEST(attribute_dash) {
  check("[lang|=en]", "main side");
  check("[lang|=e]", "");
}
END_TEST

START_TEST(attribute_prefix) {
  check("[data-x^=Hello]", "main");
  check("[data-x^=World]", "");
}
END_TEST

START_TEST(attribute_suffix) {
  check("[data-x$=World]", "main");
  check("[data-x$=Worl]", "");
  check("[data-x$='Hello World']", "main");
  check("[data-x$='A Hello World']", "");
}
END_TEST

START_TEST(attribute_substring) {
  check("[data-x*='o W']", "main");
  check("[data-x*='oW']", "");
}
END_TEST

START_TEST(attribute_empty_values_match_nothing) {
  check("[title^='']", "");
  check("[title$=\"\"]", "");
  check("[title*='']", "");
}
END_TEST

START_TEST(attribute_case_flag) {
  check("[data-x^=hello i]", "main");
  check("[data-x^=hello]", "");
  check("[lang='EN' i]", "side");
  check("[lang='EN'i]", "side");
  check("[lang='EN' I]", "side");
  check("[lang|=EN i]", "main side");
  check("[lang=en s]", "side");
  check("[data-x^=hello s]", "");
  check("[title='' i]", "h1");
}
END_TEST

START_TEST(attribute_quotes) {
  check("[title=\"it's\"]", "s1");
  check("[title='say \"hi\"']", "p3");
  check("[title=\"both ' and \\\"\"]", "s2");
  check("[title*=\"' and \\\"\"]", "s2");
  check("[title='it\\'s']", "s1");
  check("[title='it\\27 s']", "s1");
  check("[title='it\\\n\\'s']", "s1");
  check("[title=\"it\\\r\n's\"]", "s1");
}
END_TEST

START_TEST(literals_choose_quotes) {
  buf x;
  char err[256];
  ck_assert_int_eq(compile("[t=\"it's\"]", 10, &x, err, sizeof err), 0);
  ck_assert_ptr_nonnull(strstr(buf_cstr(&x), "\"it's\""));
  buf_free(&x);
  ck_assert_int_eq(compile("[t='a\"b']", 9, &x, err, sizeof err), 0);
  ck_assert_ptr_nonnull(strstr(buf_cstr(&x), "'a\"b'"));
  buf_free(&x);
  ck_assert_int_eq(compile("[t='\\'\"']", 9, &x, err, sizeof err), 0);
  ck_assert_ptr_nonnull(strstr(buf_cstr(&x), "concat("));
  buf_free(&x);
}
END_TEST

/* ---- combinators and groups ---- */

START_TEST(descendant_combinator) {
  check("#main p", "p1 p2 p3 p4");
  check("#main\t\n p", "p1 p2 p3 p4");
  check("div div p", "p4");
  check("#side p", "e1 e2 e3");
}
END_TEST

START_TEST(child_combinator) {
  check("#main > p", "p1 p2 p3");
  check("#main>p", "p1 p2 p3");
  check("body > div > div > p", "p4");
}
END_TEST

START_TEST(adjacent_combinator) {
  check("h1 + p", "p1");
  check("p + span", "s1 s2");
  check("p+p", "p2 e2 e3");
  check("h1 + span", "");
}
END_TEST

START_TEST(sibling_combinator) {
  check("#p2 ~ p", "p3");
  check("h1 ~ *", "p1 p2 s1 p3 inner");
  check("#main > p ~ span", "s1");
}
END_TEST

START_TEST(groups_in_document_order) {
  check("#p3, #p1", "p1 p3");
  check("span,h1", "h1 s1 s2");
  check("li:nth-child(2) , #list, #p1", "p1 list l2");
  check("p, .body", "p1 p2 p3 p4 e1 e2 e3");
}
END_TEST

/* ---- pseudo-classes ---- */

START_TEST(first_and_last_child) {
  check("li:first-child", "l1");
  check("li:last-child", "l7");
  check("#main > :first-child", "h1");
  check("#main > :last-child", "inner");
  check("LI:FIRST-CHILD", "l1");
}
END_TEST

START_TEST(only_child) {
  check("#main :only-child", "a1");
}
END_TEST

START_TEST(nth_child) {
  check("li:nth-child(2n+1)", "l1 l3 l5 l7");
  check("li:nth-child(odd)", "l1 l3 l5 l7");
  check("li:nth-child(even)", "l2 l4 l6");
  check("li:nth-child(3)", "l3");
  check("li:nth-child(+3)", "l3");
  check("li:nth-child(-n+3)", "l1 l2 l3");
  check("li:nth-child( 2n + 1 )", "l1 l3 l5 l7");
  check("li:nth-child(3n-1)", "l2 l5");
  check("li:nth-child(n+5)", "l5 l6 l7");
  check("li:nth-child(N)", "l1 l2 l3 l4 l5 l6 l7");
  check("li:nth-child(0)", "");
  check("li:nth-child(-2n+5)", "l1 l3 l5");
  check("li:nth-child(0n+2)", "l2");
  check("li:nth-child(-3)", "");
}
END_TEST

START_TEST(nth_last_child) {
  check("li:nth-last-child(2)", "l6");
  check("li:nth-last-child(-n+2)", "l6 l7");
  check("li:nth-last-child(3n)", "l2 l5");
}
END_TEST

START_TEST(of_type) {
  check("p:first-of-type", "p1 p4 e1");
  check("p:last-of-type", "p3 p4 e3");
  check("span:only-of-type", "s1 s2");
  check("li:only-of-type", "");
  check("p:nth-of-type(2)", "p2 e2");
  check("p:nth-last-of-type(2)", "p2 e2");
  check("p:not(:first-of-type)", "p2 p3 e2 e3");
}
END_TEST

START_TEST(empty) {
  check("#side :empty", "e1 e2 w1 xy");
  check("#main :empty", "s2");
}
END_TEST

START_TEST(root) {
  check(":root", "root");
}
END_TEST

START_TEST(not) {
  check("#main > p:not(.body)", "p1");
  check("#main > :not(p)", "h1 s1 inner");
  check("li:not(:first-child, :last-child)", "l2 l3 l4 l5 l6");
  check("li:not( #l1 , li#l2 )", "l3 l4 l5 l6 l7");
  check("#main :not(:not(.x))", "p4");
  check(":not(*)", "");
}
END_TEST

START_TEST(is_and_where) {
  check(":is(h1, #p2)", "h1 p2");
  check("p:where(.lead, .x)", "p1 p4");
}
END_TEST

START_TEST(has) {
  check("div:has(p.x)", "main inner");
  check("div:has(> p.x)", "inner");
  check("p:has(a)", "p2");
  check("h1:has(+ p)", "h1");
  check("p:has(~ span)", "p1 p2 p4");
  check("div:has(> h1, > ul)", "main side");
  check("div:has(div > .x)", "main");
  check("div:has(:has(.x))", "main");
}
END_TEST

/* ---- scope ---- */

START_TEST(context_element_scopes_to_descendants) {
  xmlNodePtr inner = by_id("inner"), main = by_id("main");
  check_from(inner, "p", "p4");
  check_from(inner, "*", "p4 s2");
  check_from(inner, "span, p", "p4 s2");
  check_from(inner, ":first-child", "p4");
  check_from(inner, "div p", "");
  check_from(main, "div > p", "p4");
  check_from(main, "#main, .story", "inner");
  check_from(main, "h1 + p", "p1");
}
END_TEST

/* ---- the buffer ---- */

START_TEST(appends_to_out) {
  buf x;
  char err[256];
  buf_init(&x);
  buf_adds(&x, "A:");
  ck_assert_int_eq(css_compile("p", 1, &x, err, sizeof err), 0);
  ck_assert_str_eq(buf_cstr(&x), "A:descendant::p");
  ck_assert_str_eq(err, "");
  buf_free(&x);
}
END_TEST

START_TEST(error_leaves_out_unchanged) {
  buf x;
  char err[256];
  buf_init(&x);
  buf_adds(&x, "A:");
  ck_assert_int_eq(css_compile("p > a[href", 10, &x, err, sizeof err), -1);
  ck_assert_str_eq(buf_cstr(&x), "A:");
  ck_assert_uint_eq(x.len, 2);
  buf_free(&x);
}
END_TEST

START_TEST(out_of_memory) {
  buf x;
  char err[64];
  buf_init(&x);
  x.failed = 1;  /* as after a failed allocation */
  ck_assert_int_eq(css_compile("p", 1, &x, err, sizeof err), -1);
  ck_assert_str_eq(err, "out of memory");
  buf_free(&x);
}
END_TEST

/* ---- errors ---- */

static const struct {
  const char *selector;
  const char *message;
} errors[] = {
  {"", "invalid selector \"\" at position 0: empty selector"},
  {"  \t", "invalid selector \"  ?\" at position 0: empty selector"},
  {"div >", "invalid selector \"div >\" at position 5: expected a selector after '>'"},
  {"div + ", "invalid selector \"div + \" at position 6: expected a selector after '+'"},
  {"div ~,p", "invalid selector \"div ~,p\" at position 5: expected a selector after '~'"},
  {"div > > p", "invalid selector \"div > > p\" at position 6: expected a selector after '>'"},
  {"> p", "invalid selector \"> p\" at position 0: expected a selector before '>'"},
  {"a,,b", "invalid selector \"a,,b\" at position 2: expected a selector after ','"},
  {"a, ", "invalid selector \"a, \" at position 3: expected a selector after ','"},
  {",a", "invalid selector \",a\" at position 0: expected a selector before ','"},
  {"p:hover", "invalid selector \"p:hover\" at position 1: unknown pseudo-class ':hover'"},
  {"p:contains(x)",
   "invalid selector \"p:contains(x)\" at position 1: unknown pseudo-class ':contains'"},
  {"::before", "invalid selector \"::before\" at position 0: pseudo-elements are not supported"},
  {"a:", "invalid selector \"a:\" at position 2: expected a pseudo-class name after ':'"},
  {"a[href", "invalid selector \"a[href\" at position 1: unclosed '['"},
  {"a[href=", "invalid selector \"a[href=\" at position 1: unclosed '['"},
  {"a[href='x", "invalid selector \"a[href='x\" at position 7: unclosed string"},
  {"a[href='x\ny']", "invalid selector \"a[href='x?y']\" at position 9: newline in string"},
  {"a[href='x' ", "invalid selector \"a[href='x' \" at position 1: unclosed '['"},
  {"p:not(.a", "invalid selector \"p:not(.a\" at position 5: unclosed '('"},
  {"p:has(", "invalid selector \"p:has(\" at position 5: unclosed '('"},
  {"li:nth-child(2n+", "invalid selector \"li:nth-child(2n+\" at position 12: unclosed '('"},
  {"li:nth-child(2n+1", "invalid selector \"li:nth-child(2n+1\" at position 12: unclosed '('"},
  {"li:nth-child(2x)", "invalid selector \"li:nth-child(2x)\" at position 14: "
                       "bad argument to ':nth-child()': expected an+b, 'odd' or 'even'"},
  {"li:nth-child()", "invalid selector \"li:nth-child()\" at position 13: "
                     "bad argument to ':nth-child()': expected an+b, 'odd' or 'even'"},
  {"li:nth-child(+ n)", "invalid selector \"li:nth-child(+ n)\" at position 15: "
                        "bad argument to ':nth-child()': expected an+b, 'odd' or 'even'"},
  {"li:nth-child(2 n)", "invalid selector \"li:nth-child(2 n)\" at position 15: "
                        "bad argument to ':nth-child()': expected an+b, 'odd' or 'even'"},
  {"li:nth-child(n-)", "invalid selector \"li:nth-child(n-)\" at position 15: "
                       "bad argument to ':nth-child()': expected an+b, 'odd' or 'even'"},
  {"li:nth-child(oddly)", "invalid selector \"li:nth-child(oddly)\" at position 13: "
                          "bad argument to ':nth-child()': expected an+b, 'odd' or 'even'"},
  {"li:nth-child(9999999999)", "invalid selector \"li:nth-child(9999999999)\" at position 22: "
                               "bad argument to ':nth-child()': expected an+b, 'odd' or 'even'"},
  {"li:nth-last-child(1 of p)", "invalid selector \"li:nth-last-child(1 of p)\" at position 20: "
                                "bad argument to ':nth-last-child()': expected an+b, 'odd' or 'even'"},
  {"[a!=b]", "invalid selector \"[a!=b]\" at position 2: "
             "bad attribute operator (expected =, ~=, |=, ^=, $=, *= or ']')"},
  {"[a~b]", "invalid selector \"[a~b]\" at position 2: "
            "bad attribute operator (expected =, ~=, |=, ^=, $=, *= or ']')"},
  {"[a b]", "invalid selector \"[a b]\" at position 3: "
            "bad attribute operator (expected =, ~=, |=, ^=, $=, *= or ']')"},
  {"[=b]", "invalid selector \"[=b]\" at position 1: expected an attribute name"},
  {"[a=]", "invalid selector \"[a=]\" at position 3: expected an attribute value"},
  {"[a=b c]", "invalid selector \"[a=b c]\" at position 5: expected ']'"},
  {"[a]]", "invalid selector \"[a]]\" at position 3: unexpected character ']'"},
  {"div)", "invalid selector \"div)\" at position 3: unexpected character ')'"},
  {"a b$", "invalid selector \"a b$\" at position 3: unexpected character '$'"},
  {"*|a", "invalid selector \"*|a\" at position 1: unexpected character '|'"},
  {"a\xc3\xa9!", "invalid selector \"a\xc3\xa9!\" at position 3: unexpected character '!'"},
  {"[a]\xe2\x82\xac", "invalid selector \"[a]\xe2\x82\xac\" at position 3: "
                       "unexpected character '\xe2\x82\xac'"},
  {"a\x7f", "invalid selector \"a?\" at position 1: unexpected control character"},
  {"[a='\x01']", "invalid selector \"[a='?']\" at position 4: character not allowed in a selector"},
  {"a\xef\xbf\xbf", "invalid selector \"a???\" at position 1: "
                     "character not allowed in a selector"},
  {"#", "invalid selector \"#\" at position 0: expected a name after '#'"},
  {"p.", "invalid selector \"p.\" at position 1: expected a class name after '.'"},
  {":first-of-type", "invalid selector \":first-of-type\" at position 0: ':first-of-type' "
                     "needs a type selector in the same compound, as in 'p:first-of-type' "
                     "(XPath 1.0 cannot express it for any type)"},
  {"*:last-of-type", "invalid selector \"*:last-of-type\" at position 1: ':last-of-type' "
                     "needs a type selector in the same compound, as in 'p:last-of-type' "
                     "(XPath 1.0 cannot express it for any type)"},
  {"p :nth-of-type(2)", "invalid selector \"p :nth-of-type(2)\" at position 2: ':nth-of-type' "
                        "needs a type selector in the same compound, as in 'p:nth-of-type' "
                        "(XPath 1.0 cannot express it for any type)"},
  {":first-child()", "invalid selector \":first-child()\" at position 12: "
                     "':first-child' takes no argument"},
  {"p:not", "invalid selector \"p:not\" at position 5: ':not' needs an argument in parentheses"},
  {":not()", "invalid selector \":not()\" at position 5: expected a selector"},
  {":has( )", "invalid selector \":has( )\" at position 6: expected a selector"},
  {":not(a,)", "invalid selector \":not(a,)\" at position 7: expected a selector after ','"},
  {":not(a b)", "invalid selector \":not(a b)\" at position 7: "
                "':not()' accepts only compound selectors, without combinators"},
  {":is(a > b)", "invalid selector \":is(a > b)\" at position 6: "
                 "':is()' accepts only compound selectors, without combinators"},
  {":not(a]", "invalid selector \":not(a]\" at position 6: unexpected character ']'"},
};

START_TEST(error_messages) {
  check_error(errors[_i].selector, strlen(errors[_i].selector), errors[_i].message);
}
END_TEST

START_TEST(nul_byte) {
  check_error("a\0b", 3, "invalid selector \"a?b\" at position 1: unexpected NUL byte");
  check_error("a\0", 2, "invalid selector \"a?\" at position 1: unexpected NUL byte");
  check_error("\0", 1, "invalid selector \"?\" at position 0: unexpected NUL byte");
}
END_TEST

START_TEST(only_len_bytes_are_read) {
  buf x;
  char err[256];
  ck_assert_int_eq(compile("p\0$$", 1, &x, err, sizeof err), 0);
  ck_assert_str_eq(buf_cstr(&x), "descendant::p");
  buf_free(&x);
}
END_TEST

START_TEST(invalid_utf8) {
  check_error("a\xff", 2, "invalid selector \"a?\" at position 1: invalid UTF-8");
  check_error("[t='\xc3']", 7, "invalid selector \"[t='?']\" at position 4: invalid UTF-8");
}
END_TEST

/* ---- robustness ---- */

static void nest(buf *b, const char *open, int depth, const char *inner) {
  int i;
  for (i = 0; i < depth; i++) buf_adds(b, open);
  buf_adds(b, inner);
  for (i = 0; i < depth; i++) buf_addc(b, ')');
}

START_TEST(nesting_limit) {
  buf sel, x;
  char err[256];
  buf_init(&sel);
  nest(&sel, ":not(", 32, "#p1");
  check(buf_cstr(&sel), "p1");
  buf_reset(&sel);
  nest(&sel, ":not(", 31, "#p1");
  check(buf_cstr(&sel), "root body main h1 p2 a1 s1 p3 inner p4 s2 side list l1 l2 l3 "
                        "l4 l5 l6 l7 e1 e2 e3 w1 xy");
  buf_reset(&sel);
  nest(&sel, ":not(", 33, "#p1");
  ck_assert_int_eq(compile(buf_cstr(&sel), sel.len, &x, err, sizeof err), -1);
  ck_assert_ptr_nonnull(strstr(err, "at position 160: selector nested too deeply"));
  buf_free(&x);
  buf_reset(&sel);
  nest(&sel, "div:has(", 100000, "p");
  ck_assert_int_eq(compile(buf_cstr(&sel), sel.len, &x, err, sizeof err), -1);
  ck_assert_ptr_nonnull(strstr(err, "selector nested too deeply"));
  buf_free(&x);
  buf_free(&sel);
}
END_TEST

START_TEST(long_selectors) {
  buf sel, x;
  char err[256];
  int i;
  buf_init(&sel);
  for (i = 0; i < 100000; i++) buf_adds(&sel, "div > p, ");
  buf_adds(&sel, "p");
  ck_assert_int_eq(compile(buf_cstr(&sel), sel.len, &x, err, sizeof err), 0);
  buf_free(&x);
  buf_reset(&sel);
  buf_addc(&sel, '.');
  for (i = 0; i < 100000; i++) buf_adds(&sel, "ab\\31 ");
  ck_assert_int_eq(compile(buf_cstr(&sel), sel.len, &x, err, sizeof err), 0);
  buf_free(&x);
  buf_free(&sel);
}
END_TEST

START_TEST(long_selector_in_message) {
  buf sel, x;
  char err[256];
  int i;
  buf_init(&sel);
  for (i = 0; i < 10000; i++) buf_adds(&sel, "p ");
  buf_addc(&sel, '>');
  ck_assert_int_eq(compile(buf_cstr(&sel), sel.len, &x, err, sizeof err), -1);
  ck_assert_ptr_nonnull(strstr(err, "p p ...\" at position 20001: expected a selector after '>'"));
  ck_assert_uint_lt(strlen(err), sizeof err);
  buf_free(&x);
  buf_free(&sel);
}
END_TEST

START_TEST(small_error_buffers) {
  buf x;
  char err[8];
  memset(err, 'x', sizeof err);
  ck_assert_int_eq(compile("div >", 5, &x, err, 1), -1);
  ck_assert_str_eq(err, "");
  buf_free(&x);
  ck_assert_int_eq(compile("div >", 5, &x, err, sizeof err), -1);
  ck_assert_str_eq(err, "invalid");
  buf_free(&x);
  ck_assert_int_eq(compile("div >", 5, &x, NULL, 0), -1);
  buf_free(&x);
  ck_assert_int_eq(compile(NULL, 0, &x, err, sizeof err), -1);
  ck_assert_str_eq(err, "invalid");
  buf_free(&x);
}
END_TEST

/* Every one- and two-byte input is either compiled or rejected with a message. */
START_TEST(every_short_input) {
  char sel[2], err[256];
  buf x, ids;
  int a, b;
  buf_init(&ids);
  for (a = 0; a < 256; a++) {
    for (b = 0; b < 256; b++) {
      sel[0] = (char)a;
      sel[1] = (char)b;
      if (compile(sel, 2, &x, err, sizeof err) == 0)
        ck_assert_msg(evaluate((xmlNodePtr)page, buf_cstr(&x), &ids), "%s", buf_cstr(&x));
      else
        ck_assert_int_eq(strncmp(err, "invalid selector \"", 18), 0);
      buf_free(&x);
      buf_reset(&ids);
    }
  }
  buf_free(&ids);
}
END_TEST

static unsigned long next_random(unsigned long *state) {
  *state = *state * 6364136223846793005UL + 1442695040888963407UL;
  return (*state >> 33) & 0x7FFFFFFF;
}

/* Random pieces of selectors: whatever compiles must be XPath libxml2 accepts. */
START_TEST(random_selectors) {
  static const char *const pieces[] = {
    "div", "p", "*", "#p1", ".body", "[title", "[lang|=en]", "[a='x\\'y\"'", " i]", "]",
    ":not(", ":has(", ":is(", "(", ")", ":nth-child(", "2n+1", "-n", "odd", ":first-child",
    "p:first-of-type", ":empty", " ", " > ", "+", "~", ",", "'", "\"", "\\", "\\31 ", "=",
    "^=", "$=", "*=", "~=", ":", "::", "[", "li", "\xc3\xa9", "\n", "-", "_x", "0", "|"};
  const size_t npieces = sizeof pieces / sizeof pieces[0];
  unsigned long state = 42;
  buf sel, x, ids;
  char err[256];
  int i, j, n, compiled = 0;
  buf_init(&sel);
  buf_init(&ids);
  for (i = 0; i < 20000; i++) {
    buf_reset(&sel);
    n = 1 + (int)(next_random(&state) % 8);
    for (j = 0; j < n; j++) buf_adds(&sel, pieces[next_random(&state) % npieces]);
    if (compile(buf_cstr(&sel), sel.len, &x, err, sizeof err) == 0) {
      compiled++;
      ck_assert_msg(evaluate((xmlNodePtr)page, buf_cstr(&x), &ids), "%s -> %s",
                    buf_cstr(&sel), buf_cstr(&x));
    } else {
      ck_assert_int_eq(strncmp(err, "invalid selector \"", 18), 0);
    }
    buf_free(&x);
    buf_reset(&ids);
  }
  ck_assert_int_gt(compiled, 1000);
  buf_free(&sel);
  buf_free(&ids);
}
END_TEST

static TCase *page_case(const char *name) {
  TCase *tc = tcase_create(name);
  tcase_add_checked_fixture(tc, page_setup, page_teardown);
  return tc;
}

static Suite *css_suite(void) {
  Suite *s = suite_create("css");
  TCase *simple = page_case("simple"), *attrs = page_case("attributes");
  TCase *combinators = page_case("combinators"), *pseudos = page_case("pseudo-classes");
  TCase *output = page_case("output"), *errs = tcase_create("errors");
  TCase *robust = page_case("robustness");

  tcase_add_test(simple, type_selector);
  tcase_add_test(simple, type_selector_is_lowercased);
  tcase_add_test(simple, type_selector_other_names);
  tcase_add_test(simple, universal_selector);
  tcase_add_test(simple, id_selector);
  tcase_add_test(simple, class_selector);
  tcase_add_test(simple, escapes_in_names);
  suite_add_tcase(s, simple);

  tcase_add_test(attrs, attribute_present);
  tcase_add_test(attrs, attribute_equals);
  tcase_add_test(attrs, attribute_word);
  tcase_add_test(attrs, attribute_dash);
  tcase_add_test(attrs, attribute_prefix);
  tcase_add_test(attrs, attribute_suffix);
  tcase_add_test(attrs, attribute_substring);
  tcase_add_test(attrs, attribute_empty_values_match_nothing);
  tcase_add_test(attrs, attribute_case_flag);
  tcase_add_test(attrs, attribute_quotes);
  suite_add_tcase(s, attrs);

  tcase_add_test(combinators, descendant_combinator);
  tcase_add_test(combinators, child_combinator);
  tcase_add_test(combinators, adjacent_combinator);
  tcase_add_test(combinators, sibling_combinator);
  tcase_add_test(combinators, groups_in_document_order);
  tcase_add_test(combinators, context_element_scopes_to_descendants);
  suite_add_tcase(s, combinators);

  tcase_add_test(pseudos, first_and_last_child);
  tcase_add_test(pseudos, only_child);
  tcase_add_test(pseudos, nth_child);
  tcase_add_test(pseudos, nth_last_child);
  tcase_add_test(pseudos, of_type);
  tcase_add_test(pseudos, empty);
  tcase_add_test(pseudos, root);
  tcase_add_test(pseudos, not);
  tcase_add_test(pseudos, is_and_where);
  tcase_add_test(pseudos, has);
  suite_add_tcase(s, pseudos);

  tcase_add_test(output, literals_choose_quotes);
  tcase_add_test(output, appends_to_out);
  tcase_add_test(output, error_leaves_out_unchanged);
  tcase_add_test(output, out_of_memory);
  suite_add_tcase(s, output);

  tcase_add_loop_test(errs, error_messages, 0, (int)(sizeof errors / sizeof errors[0]));
  tcase_add_test(errs, nul_byte);
  tcase_add_test(errs, only_len_bytes_are_read);
  tcase_add_test(errs, invalid_utf8);
  suite_add_tcase(s, errs);

  tcase_add_test(robust, nesting_limit);
  tcase_add_test(robust, long_selectors);
  tcase_add_test(robust, long_selector_in_message);
  tcase_add_test(robust, small_error_buffers);
  tcase_add_test(robust, every_short_input);
  tcase_add_test(robust, random_selectors);
  tcase_set_timeout(robust, 120);
  suite_add_tcase(s, robust);
  return s;
}

int main(void) {
  SRunner *sr;
  int failed;
  xmlSetGenericErrorFunc(NULL, ignore_error);
  sr = srunner_create(css_suite());
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
