/* Check suite for plugin/render.c: Markdown and clean-HTML rendering. */
#include <check.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "render.h"
#include "text.h"

#define BASE "http://example.com/a/b.html"
#define DEEP 100000

static htmlDocPtr doc;
static buf out;

static void setup(void) {
  doc = NULL;
  buf_init(&out);
}

static void teardown(void) {
  if (doc) xmlFreeDoc(doc);
  doc = NULL;
  buf_free(&out);
}

static htmlDocPtr parse(const char *html, size_t len) {
  if (doc) xmlFreeDoc(doc);
  doc = htmlReadMemory(html, (int)len, BASE, "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                           HTML_PARSE_NOWARNING);
  return doc;
}

typedef int (*render_fn)(xmlNodePtr, const render_options *, buf *);

static const char *render_with(render_fn fn, const char *html, int links, int images, int tables) {
  render_options o;
  o.base_url = BASE;
  o.links = links;
  o.images = images;
  o.tables = tables;
  parse(html, strlen(html));
  buf_reset(&out);
  ck_assert_int_eq(fn(doc ? xmlDocGetRootElement(doc) : NULL, &o, &out), 0);
  return buf_cstr(&out);
}

static const char *md(const char *html) { return render_with(render_markdown, html, 1, 1, 1); }
static const char *hl(const char *html) { return render_with(render_html, html, 1, 1, 1); }

/* ---- Markdown ---- */

START_TEST(md_headings_and_paragraphs) {
  ck_assert_str_eq(md("<h1>One</h1><p>a</p><h3>Three</h3><p>b</p><h6>Six</h6>"),
                   "# One\n\na\n\n### Three\n\nb\n\n###### Six");
  ck_assert_str_eq(md("<div>\n\n  <p>  first </p>\n\n<p>second\n line</p>  \n</div>"),
                   "first\n\nsecond line");
  ck_assert_str_eq(md("<h2> </h2><p>only</p>"), "only");
}
END_TEST

START_TEST(md_emphasis) {
  ck_assert_str_eq(md("<p>x<em> y </em>z and <strong>b</strong>, <i>i</i> <b> </b>end</p>"),
                   "x *y* z and **b**, *i* end");
  ck_assert_str_eq(md("<p>a<em></em>b<strong>  </strong>c</p>"), "ab c");
  ck_assert_str_eq(md("<p><strong>s <em>e</em></strong></p>"), "**s *e***");
  ck_assert_str_eq(md("<p><em>a <i>b</i></em></p>"), "*a b*");
  ck_assert_str_eq(md("<p>a<em>b</em><em>c</em> <b>x</b><b>y</b> <em><b>p</b></em><em><b>q</b></em></p>"),
                   "a*bc* **xy** ***pq***");  /* adjacent markers merge */
  ck_assert_str_eq(md("<p><b>s</b><em>t</em></p>"), "**s***t*");
}
END_TEST

START_TEST(md_links) {
  ck_assert_str_eq(md("<p><a href=\"../c.html\">rel</a> <a href=\"http://o.org/x\">abs</a></p>"),
                   "[rel](http://example.com/c.html) [abs](http://o.org/x)");
  ck_assert_str_eq(md("<p><a href=\"javascript:void(0)\">js</a> <a href=\" JavaScript:x\">JS</a></p>"),
                   "js JS");
  ck_assert_str_eq(md("<p><a href=\"x y(1).html\"> t </a></p>"),
                   "[t](http://example.com/a/x%20y\\(1\\).html)");
  ck_assert_str_eq(md("<p><a href=\"/e\"></a>text</p>"), "text");
  ck_assert_str_eq(md("<a href=x><div>one <em>1</em></div><div>two</div></a>"),  /* closed at breaks */
                   "[one *1*](http://example.com/a/x)\n\n[two](http://example.com/a/x)");
}
END_TEST

START_TEST(md_lists) {
  ck_assert_str_eq(md("<p>Intro</p><ul><li>one</li><li>two<ul><li>a</li><li>b</li></ul></li>"
                      "<li>three</li></ul><p>end</p>"),
                   "Intro\n\n- one\n- two\n  - a\n  - b\n- three\n\nend");
  ck_assert_str_eq(md("<ol><li>x</li><li>y<ol><li>z</li></ol></li></ol>"),
                   "1. x\n2. y\n   1. z");
  ck_assert_str_eq(md("<ol start=\"9\"><li>x</li><li>y<ul><li>z</li></ul></li></ol>"),
                   "9. x\n10. y\n    - z");
  ck_assert_str_eq(md("<ul><li><p>p1</p><p>p2</p></li><li><p>p3</p></li></ul>"),
                   "- p1\n\n  p2\n- p3");
  ck_assert_str_eq(md("<ul><li>a<ul><li>b</li></ul>c</li><li>d</li></ul>"),
                   "- a\n  - b\n\n  c\n- d");
}
END_TEST

START_TEST(md_blockquote) {
  ck_assert_str_eq(md("<blockquote><p>q1</p><blockquote><p>inner</p></blockquote><p>q2</p>"
                      "</blockquote><p>after</p>"),
                   "> q1\n>\n> > inner\n>\n> q2\n\nafter");
  ck_assert_str_eq(md("<ul><li><blockquote>quoted</blockquote></li></ul>"), "- > quoted");
  ck_assert_str_eq(md("<blockquote><ul><li>a</li><li>b</li></ul></blockquote>"), "> - a\n> - b");
}
END_TEST

START_TEST(md_pre) {
  ck_assert_str_eq(md("<pre><code>a ``` b\n  indented *x*\n</code></pre>"),
                   "````\na ``` b\n  indented *x*\n````");
  ck_assert_str_eq(md("<pre class=\"language-lua\">\nlocal x = 1</pre><p>after</p>"),
                   "```lua\nlocal x = 1\n```\n\nafter");
  ck_assert_str_eq(md("<ul><li>item<pre>l1\nl2</pre></li></ul>"),
                   "- item\n\n  ```\n  l1\n  l2\n  ```");
  ck_assert_str_eq(md("<pre>  </pre><p>x</p>"), "x");
}
END_TEST

START_TEST(md_inline_code) {
  ck_assert_str_eq(md("<p>use <code>x*y</code> and <code>a`b</code> or <kbd>``</kbd></p>"),
                   "use `x*y` and `` a`b `` or ``` `` ```");
  ck_assert_str_eq(md("<p><code> a  <em>b</em> </code>!</p>"), "`a b` !");
  ck_assert_str_eq(md("<p><code>p</code><code>q</code> <code>a`</code><code>b</code></p>"),
                   "`pq` `` a` `` `b`");
}
END_TEST

START_TEST(md_br_hr) {
  ck_assert_str_eq(md("<p>line1<br>line2<br></p>"), "line1\\\nline2");
  ck_assert_str_eq(md("<p>a<br><br>b</p>"), "a\n\nb");
  ck_assert_str_eq(md("<p>a</p><hr><p>b</p>"), "a\n\n---\n\nb");
  ck_assert_str_eq(md("<blockquote><p>a<br>b</p></blockquote>"), "> a\\\n> b");
  ck_assert_str_eq(md("<ul><li><hr></li></ul>"), "- ***");  /* "- ---" would be a rule */
}
END_TEST

START_TEST(md_tables) {
  ck_assert_str_eq(md("<p>before</p><table><tr><th>A</th><th>B|C</th></tr>"
                      "<tr><td>1</td><td>multi<p>line</p></td></tr>"
                      "<tr><td><code>x|y</code></td><td><em>e</em></td></tr></table><p>after</p>"),
                   "before\n\n| A | B\\|C |\n| --- | --- |\n| 1 | multi line |\n"
                   "| `x\\|y` | *e* |\n\nafter");
  ck_assert_str_eq(md("<table><caption>Cap</caption><thead><tr><th colspan=\"2\">H</th></tr></thead>"
                      "<tbody><tr><td>a</td><td>b</td></tr></tbody></table>"),
                   "Cap\n\n| H |  |\n| --- | --- |\n| a | b |");
}
END_TEST

START_TEST(md_images) {
  ck_assert_str_eq(md("<p>see <img src=\"i.png\" alt=\" An [image] \"></p>"),
                   "see ![An \\[image\\]](http://example.com/a/i.png)");
  ck_assert_str_eq(md("<p><a href=\"/big\"><img src=\"/s.png\" alt=\"\"></a></p>"),
                   "[![](http://example.com/s.png)](http://example.com/big)");
  ck_assert_str_eq(md("<p>a<img alt=\"no src\">b</p>"), "ab");
}
END_TEST

START_TEST(lazy_images) {
  /* the placeholder a lazy loader swaps out, and the attribute it reads */
  ck_assert_str_eq(md("<p><img src=\"data:image/gif;base64,R0lGOD\" data-src=\"/big.jpg\" alt=\"A\"></p>"),
                   "![A](http://example.com/big.jpg)");
  ck_assert_str_eq(md("<p><img data-lazy-src=\"l.png\"></p>"), "![](http://example.com/a/l.png)");
  ck_assert_str_eq(md("<p><img src=\" \" data-srcset=\"s1.jpg 300w, s2.jpg 600w\"></p>"),
                   "![](http://example.com/a/s1.jpg)");
  ck_assert_str_eq(md("<p><img srcset=\"x.jpg, y.jpg 2x\"></p>"), "![](http://example.com/a/x.jpg)");
  /* a real src wins; a data: image with nothing else is the image */
  ck_assert_str_eq(md("<p><img src=\"r.png\" data-src=\"other.png\"></p>"), "![](http://example.com/a/r.png)");
  ck_assert_str_eq(md("<p><img src=\"data:image/png;base64,iVBO\"></p>"), "![](data:image/png;base64,iVBO)");
  ck_assert_str_eq(hl("<p><img src=\"data:,\" data-original=\"/o.jpg\" alt=\"o\"></p>"),
                   "<p><img src=\"http://example.com/o.jpg\" alt=\"o\"></p>");
}
END_TEST

START_TEST(md_escaping) {
  ck_assert_str_eq(md("<p>*a* _b_ `c` [d] 2*3 a\\b ~s~ x|y</p>"),
                   "\\*a\\* \\_b\\_ \\`c\\` \\[d\\] 2\\*3 a\\\\b \\~s\\~ x\\|y");
  ck_assert_str_eq(md("<p># h</p><p>&gt; q</p><p>- l</p><p>+ l</p><p>1. n</p><p>2) m</p><p>---</p>"),
                   "\\# h\n\n\\> q\n\n\\- l\n\n\\+ l\n\n1\\. n\n\n2\\) m\n\n\\---");
  ck_assert_str_eq(md("<p>a # b - c + d 1. e &gt; f -1 +1 #tag</p>"),
                   "a # b - c + d 1. e > f -1 +1 #tag");
  ck_assert_str_eq(md("<p>&lt;div&gt; a &lt; b &amp;amp; AT&amp;T</p>"),
                   "\\<div> a \\< b \\&amp; AT&T");
  ck_assert_str_eq(md("<h2>C# #1</h2>"), "## C\\# \\#1");
  ck_assert_str_eq(md("<p>snake_case __init__ a_ see www.x_y.com/a_b http://x.org/~u?a=_b_</p>"),
                   "snake_case \\_\\_init\\_\\_ a\\_ see www.x_y.com/a_b http://x.org/~u?a=_b_");
}
END_TEST

START_TEST(md_invisible) {
  ck_assert_str_eq(md("<head><title>T</title><style>p{}</style></head><body><p>a<script>x()</script>"
                      "b<noscript>n</noscript></p><template>t</template><p>c</p></body>"),
                   "ab\n\nc");
}
END_TEST

/* ---- HTML ---- */

START_TEST(html_attributes_and_unwrapping) {
  ck_assert_str_eq(hl("<div class=c><p id=x style=s>Hi <span class=s>there</span> "
                      "<a href=\"x.html\" target=_blank rel=n>l</a><br>n</p>"
                      "<img src=\"/i.png\" alt=\"a&quot;b\" width=3><hr><script>bad()</script></div>"),
                   "<p>Hi there <a href=\"http://example.com/a/x.html\">l</a><br>n</p>\n"
                   "<p><img src=\"http://example.com/i.png\" alt=\"a&quot;b\"></p>\n<hr>");
  ck_assert_str_eq(hl("<div>a</div><section><div>b</div></section>"), "<p>a</p>\n<p>b</p>");
  ck_assert_str_eq(hl("<ul><li>x<div>y</div></li></ul>"), "<ul>\n<li>x<br>y</li></ul>");
  /* <br><br> keeps its paragraph's gap (more than two are one gap); a line stays a line */
  ck_assert_str_eq(hl("<p>a<br><br><br>b<br>c</p>"), "<p>a<br><br>b<br>c</p>");
  ck_assert_str_eq(hl("<p>a<br></p>"), "<p>a</p>");
}
END_TEST

START_TEST(html_escaping) {
  ck_assert_str_eq(hl("<p>a &lt;b&gt; &amp; \"q\"</p>"), "<p>a &lt;b&gt; &amp; \"q\"</p>");
  ck_assert_str_eq(hl("<p><a href='/s?a=1&amp;b=\"2\"'>l</a></p>"),
                   "<p><a href=\"http://example.com/s?a=1&amp;b=%222%22\">l</a></p>");
  ck_assert_str_eq(hl("<pre>  x &lt; y\n  z</pre>"), "<pre>  x &lt; y\n  z</pre>");
}
END_TEST

START_TEST(html_structure) {
  ck_assert_str_eq(hl("<h2 class=t>T</h2><blockquote>q<p>p</p></blockquote>"
                      "<ol start=3><li>a</li></ol><dl><dt>t</dt><dd>d</dd></dl>"),
                   "<h2>T</h2>\n<blockquote>\n<p>q</p>\n<p>p</p></blockquote>\n"
                   "<ol>\n<li>a</li></ol>\n<dl>\n<dt>t</dt>\n<dd>d</dd></dl>");
  ck_assert_str_eq(hl("<table class=x><tr><td colspan=2 style=s>a</td><th rowspan=\"0\">b</th></tr></table>"),
                   "<table>\n<tr><td colspan=\"2\">a</td><th rowspan=\"0\">b</th></tr></table>");
  ck_assert_str_eq(hl("<table><caption id=c>Cap</caption><tr><td>x</td></tr></table>"),
                   "<table>\n<caption>Cap</caption>\n<tr><td>x</td></tr></table>");
  ck_assert_str_eq(hl("<figure><img src=i.png><figcaption>c <sup>1</sup></figcaption></figure>"),
                   "<figure><img src=\"http://example.com/a/i.png\">\n"
                   "<figcaption>c <sup>1</sup></figcaption></figure>");
}
END_TEST

START_TEST(html_empty_wrappers_and_nesting) {
  ck_assert_str_eq(hl("<p>a<em></em><b> </b>b<strong><span></span></strong></p><p> </p>"),
                   "<p>a b</p>");
  ck_assert_str_eq(hl("<p>x <em> two <b>bold words</b> </em>.</p>"),
                   "<p>x <em>two <b>bold words</b></em> .</p>");
  ck_assert_str_eq(hl("<a href=x><div>one</div><div>two</div></a>"),
                   "<p><a href=\"http://example.com/a/x\">one</a></p>\n"
                   "<p><a href=\"http://example.com/a/x\">two</a></p>");
  ck_assert_str_eq(hl("<p><a href=\"javascript:alert(1)\">js</a> <a href=\"data:text/html,x\">d</a></p>"),
                   "<p>js d</p>");
}
END_TEST

/* ---- options ---- */

START_TEST(options_links_images_tables) {
  const char *page = "<p><a href=\"/l\">link</a> <img src=\"i.png\" alt=\"A\"></p>"
                     "<table><tr><td>cell</td></tr></table><p>end</p>";
  ck_assert_str_eq(render_with(render_markdown, page, 1, 1, 1),
                   "[link](http://example.com/l) ![A](http://example.com/a/i.png)\n\n"
                   "| cell |\n| --- |\n\nend");
  ck_assert_str_eq(render_with(render_markdown, page, 0, 1, 1),
                   "link ![A](http://example.com/a/i.png)\n\n| cell |\n| --- |\n\nend");
  ck_assert_str_eq(render_with(render_markdown, page, 1, 0, 1),
                   "[link](http://example.com/l)\n\n| cell |\n| --- |\n\nend");
  ck_assert_str_eq(render_with(render_markdown, page, 1, 1, 0),
                   "[link](http://example.com/l) ![A](http://example.com/a/i.png)\n\nend");
  ck_assert_str_eq(render_with(render_html, page, 0, 0, 0), "<p>link</p>\n<p>end</p>");
}
END_TEST

START_TEST(options_null_and_no_base) {
  parse("<p><a href=\"x.html\">l</a></p>", 29);
  ck_assert_int_eq(render_markdown(xmlDocGetRootElement(doc), NULL, &out), 0);
  ck_assert_str_eq(buf_cstr(&out), "[l](x.html)");
}
END_TEST

START_TEST(url_resolution) {
  buf u;
  buf_init(&u);
  ck_assert_int_eq(render_url((const xmlChar *)"  ../c d.html\n", BASE, 0, &u), 0);
  ck_assert_str_eq(buf_cstr(&u), "http://example.com/c%20d.html");
  ck_assert_int_eq(render_url((const xmlChar *)"java\tscript:x", BASE, 0, &u), -1);
  ck_assert_int_eq(render_url((const xmlChar *)"VBScript:x", NULL, 1, &u), -1);
  ck_assert_int_eq(render_url((const xmlChar *)"data:image/png,x", NULL, 0, &u), -1);
  ck_assert_int_eq(render_url((const xmlChar *)"   ", BASE, 0, &u), -1);
  buf_reset(&u);
  ck_assert_int_eq(render_url((const xmlChar *)"caf\xc3\xa9", BASE, 1, &u), 0);
  ck_assert_str_eq(buf_cstr(&u), "http://example.com/a/caf%C3%A9");
  buf_free(&u);
}
END_TEST

/* ---- robustness ---- */

static char *repeat_wrap(const char *open, const char *close, int n, const char *inner, size_t *len) {
  size_t lo = strlen(open), lc = strlen(close), li = strlen(inner);
  char *s = malloc((size_t)n * (lo + lc) + li + 1), *p = s;
  int i;
  ck_assert_ptr_nonnull(s);
  for (i = 0; i < n; i++, p += lo) memcpy(p, open, lo);
  memcpy(p, inner, li);
  p += li;
  for (i = 0; i < n; i++, p += lc) memcpy(p, close, lc);
  *p = '\0';
  *len = (size_t)(p - s);
  return s;
}

/* Whether the parser kept the text (libxml2 may cap the nesting depth). */
static int tree_has(const char *needle) {
  buf t;
  int found;
  buf_init(&t);
  ck_assert_int_eq(text_render((xmlNodePtr)doc, &t), 0);
  found = strstr(buf_cstr(&t), needle) != NULL;
  buf_free(&t);
  return found;
}

START_TEST(deep_parsed_document) {
  size_t len;
  char *s = repeat_wrap("<div>", "</div>", DEEP, "INNERMOST", &len);
  int kept;
  ck_assert_ptr_nonnull(parse(s, len));
  free(s);
  kept = tree_has("INNERMOST");
  ck_assert_int_eq(render_markdown((xmlNodePtr)doc, NULL, &out), 0);
  ck_assert_int_eq(strstr(buf_cstr(&out), "INNERMOST") != NULL, kept);
  buf_reset(&out);
  ck_assert_int_eq(render_html((xmlNodePtr)doc, NULL, &out), 0);
  ck_assert_int_eq(strstr(buf_cstr(&out), "INNERMOST") != NULL, kept);
}
END_TEST

/* The parser stops early, so build the 100,000 levels directly. */
static xmlNodePtr build_deep(const char *even, const char *odd) {
  xmlNodePtr root, cur;
  int i;
  if (doc) xmlFreeDoc(doc);
  doc = htmlNewDocNoDtD(NULL, NULL);
  ck_assert_ptr_nonnull(doc);
  root = cur = xmlNewDocNode(doc, NULL, (const xmlChar *)"body", NULL);
  xmlDocSetRootElement(doc, root);
  for (i = 0; i < DEEP; i++) {
    xmlNodePtr c = xmlNewDocNode(doc, NULL, (const xmlChar *)(i % 2 ? odd : even), NULL);
    ck_assert_ptr_nonnull(xmlAddChild(cur, c));
    cur = c;
  }
  xmlAddChild(cur, xmlNewDocText(doc, (const xmlChar *)"INNERMOST"));
  return root;
}

START_TEST(deep_built_trees) {
  static const char *const pairs[][2] = {
    {"div", "div"}, {"ul", "li"}, {"blockquote", "p"}, {"b", "em"}, {"table", "td"}, {"pre", "a"}
  };
  size_t i;
  for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    xmlNodePtr root = build_deep(pairs[i][0], pairs[i][1]);
    buf_reset(&out);
    ck_assert_int_eq(render_markdown(root, NULL, &out), 0);
    ck_assert_msg(strstr(buf_cstr(&out), "INNERMOST") != NULL, "markdown lost text (%s)", pairs[i][0]);
    buf_reset(&out);
    ck_assert_int_eq(render_html(root, NULL, &out), 0);
    ck_assert_msg(strstr(buf_cstr(&out), "INNERMOST") != NULL, "html lost text (%s)", pairs[i][0]);
  }
}
END_TEST

static size_t widest_indent(const char *p) {
  size_t widest = 0;
  while (*p) {
    size_t n = strspn(p, " ");
    if (n > widest) widest = n;
    p += n + strcspn(p + n, "\n");
    if (*p) p++;
  }
  return widest;
}

START_TEST(nesting_beyond_limit) {
  size_t len, words = 0;
  char *s = repeat_wrap("<ul><li>w", "</li></ul>", 100, "", &len);  /* 200 > 64 contexts */
  const char *p;
  ck_assert_ptr_nonnull(parse(s, len));
  free(s);
  ck_assert_int_eq(render_markdown(xmlDocGetRootElement(doc), NULL, &out), 0);
  for (p = buf_cstr(&out); *p; p++) words += *p == 'w';
  ck_assert_uint_eq(words, 100);                                     /* no text lost */
  ck_assert_uint_le(widest_indent(buf_cstr(&out)), RENDER_MAX_NEST);  /* indentation capped */
  ck_assert_uint_ge(widest_indent(buf_cstr(&out)), RENDER_MAX_NEST / 2);
}
END_TEST

START_TEST(empty_documents) {
  ck_assert_int_eq(render_markdown(NULL, NULL, &out), 0);
  ck_assert_int_eq(render_html(NULL, NULL, &out), 0);
  ck_assert_str_eq(buf_cstr(&out), "");
  parse("", 0);
  if (doc) {
    ck_assert_int_eq(render_markdown((xmlNodePtr)doc, NULL, &out), 0);
    ck_assert_int_eq(render_html((xmlNodePtr)doc, NULL, &out), 0);
  }
  ck_assert_str_eq(buf_cstr(&out), "");
  ck_assert_str_eq(md("<html><body> \n <div></div><p>&nbsp;</p><script>x</script></body></html>"), "");
  ck_assert_str_eq(hl("<html><body> \n <div></div><p>&nbsp;</p><em> </em></body></html>"), "");
}
END_TEST

START_TEST(appends_to_existing_output) {
  parse("<h1>T</h1><p>x</p>", 18);
  buf_adds(&out, "PRE:");
  ck_assert_int_eq(render_markdown(xmlDocGetRootElement(doc), NULL, &out), 0);
  ck_assert_str_eq(buf_cstr(&out), "PRE:# T\n\nx");
}
END_TEST

static Suite *render_suite(void) {
  Suite *s = suite_create("render");
  TCase *m = tcase_create("markdown"), *h = tcase_create("html");
  TCase *o = tcase_create("options"), *r = tcase_create("robustness");
  TCase *all[4];
  size_t i;
  all[0] = m; all[1] = h; all[2] = o; all[3] = r;
  for (i = 0; i < 4; i++) {
    tcase_add_checked_fixture(all[i], setup, teardown);
    suite_add_tcase(s, all[i]);
  }
  tcase_add_test(m, md_headings_and_paragraphs);
  tcase_add_test(m, md_emphasis);
  tcase_add_test(m, md_links);
  tcase_add_test(m, md_lists);
  tcase_add_test(m, md_blockquote);
  tcase_add_test(m, md_pre);
  tcase_add_test(m, md_inline_code);
  tcase_add_test(m, md_br_hr);
  tcase_add_test(m, md_tables);
  tcase_add_test(m, md_images);
  tcase_add_test(m, lazy_images);
  tcase_add_test(m, md_escaping);
  tcase_add_test(m, md_invisible);
  tcase_add_test(h, html_attributes_and_unwrapping);
  tcase_add_test(h, html_escaping);
  tcase_add_test(h, html_structure);
  tcase_add_test(h, html_empty_wrappers_and_nesting);
  tcase_add_test(o, options_links_images_tables);
  tcase_add_test(o, options_null_and_no_base);
  tcase_add_test(o, url_resolution);
  tcase_set_timeout(r, 60);
  tcase_add_test(r, deep_parsed_document);
  tcase_add_test(r, deep_built_trees);
  tcase_add_test(r, nesting_beyond_limit);
  tcase_add_test(r, empty_documents);
  tcase_add_test(r, appends_to_existing_output);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(render_suite());
  int failed;
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
