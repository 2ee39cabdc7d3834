/* Check suite for plugin/classify.c and the blocks steps (plugin/blocks_*.c, API in blocks.h). */
#include <check.h>
#include <dirent.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "classify.h"
#include "stats.h"
#include "text.h"
#include "walk.h"

#ifndef LEDE_FIXTURES
#define LEDE_FIXTURES "tests/fixtures"
#endif

#define OPTS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
              XML_PARSE_HUGE)

/* lede.boilerplate's lists (a copy: this suite tests the rules, not the data). */
static const char *const WORDS[] = { "share", "sharing", "social", "related", "newsletter", "subscribe",
  "cookie", "promo", "advert", "ads", "ad", "sponsor", "breadcrumb", "comments", "comment", "tags",
  "popular", "trending", "sidebar", "banner", "toolbar", "modal", "popup", "login", "copyright", NULL };
static const char *const WHOLE[] = { "header", "footer", "nav", "navigation", "aside", NULL };
static const char *const LINES[] = { "share", "share this article", "print", "email", "read more",
  "advertisement", "follow us", "a+", "back to top", "comments", "related articles", "subscribe",
  "close", "menu", "search", "read also", NULL };
static const char *const LEAD[] = { "by", "published", "updated", NULL };
static const char *const CLEAN_TAGS[] = { "script", "style", "template", "noscript", "iframe", "object",
  "embed", "svg", "canvas", "button", "input", "select", "textarea", "form", "link", "meta", "dialog",
  NULL };
static const char *const OUTSIDE[] = { "nav", "header", "footer", "aside", "menu", NULL };
static const char *const CONTENT[] = { "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
  "table", "article", "main", "body", "html", NULL };
static const char *const LIKELY[] = { "article", "body", "content", "entry", "main", "page", "post",
  "text", "blog", "story", NULL };
static const char *const CAPTION[] = { "caption", "captions", "figcaption", "credit", "credits",
  "photocredit", "imagecredit", NULL };
static const char *const PHRASES[][4] = {
  { "most", "read", NULL }, { "read", "more", NULL }, { "site", "header", NULL },
  { "site", "footer", NULL }, { "you", "may", "like", NULL }, { "main", "nav", NULL },
  { "font", "size", NULL }, { "author", "bio", NULL },
};

static classify *C;

static void add_list(cls_set set, const char *const *list) {
  for (; *list; list++) ck_assert_int_eq(classify_add(C, set, *list, strlen(*list)), 0);
}

static void setup(void) {
  size_t i;
  C = classify_new();
  ck_assert_ptr_nonnull(C);
  add_list(CLS_WORD, WORDS);
  add_list(CLS_WHOLE, WHOLE);
  add_list(CLS_LINE, LINES);
  add_list(CLS_TAG_CLEAN, CLEAN_TAGS);
  add_list(CLS_TAG_OUTSIDE, OUTSIDE);
  add_list(CLS_LEAD, LEAD);
  add_list(CLS_TAG_CONTENT, CONTENT);
  add_list(CLS_LIKELY, LIKELY);
  add_list(CLS_CAPTION, CAPTION);
  for (i = 0; i < sizeof PHRASES / sizeof PHRASES[0]; i++) {
    size_t lens[4], n;
    for (n = 0; PHRASES[i][n]; n++) lens[n] = strlen(PHRASES[i][n]);
    ck_assert_int_eq(classify_add_phrase(C, PHRASES[i], lens, n), 0);
  }
}

static void teardown(void) {
  classify_free(C);
  C = NULL;
}

static const char *reason(const char *value) {
  return classify_reason(C, value, strlen(value));
}

static void assert_reason(const char *value, const char *expected) {
  const char *got = reason(value);
  if (!expected) ck_assert_msg(got == NULL, "'%s' gave '%s', expected no reason", value, got);
  else ck_assert_msg(got && strcmp(got, expected) == 0, "'%s' gave '%s', expected '%s'", value,
                     got ? got : "(none)", expected);
}

/* ---- classify --------------------------------------------------------------- */

START_TEST(words_mark_boilerplate) {
  assert_reason("share-list", "share");
  assert_reason("post_sidebar", "sidebar");
  assert_reason("x.ad.y", "ad");
  assert_reason("SOCIAL", "social");
  assert_reason("entry-content", NULL);
  assert_reason("", NULL);
  assert_reason(" \t\n", NULL);
}
END_TEST

START_TEST(a_word_is_never_part_of_a_longer_word) {
  assert_reason("commentary", NULL);
  assert_reason("comments-area", "comments");
  assert_reason("shadow", NULL);   /* holds "ad" but is not "ad" */
  assert_reason("download", NULL);
}
END_TEST

START_TEST(phrases_need_adjacent_words) {
  assert_reason("most-read", "most-read");
  assert_reason("site_header", "site-header");
  assert_reason("you-may-like", "you-may-like");
  assert_reason("box you may like", "you-may-like");  /* phrases span tokens */
  assert_reason("most-big-read", NULL);
  assert_reason("article-header", NULL);
  assert_reason("page-header", NULL);  /* not listed in this suite's phrases */
}
END_TEST

START_TEST(whole_values_match_whole_tokens) {
  assert_reason("nav", "nav");
  assert_reason("Footer", "footer");
  assert_reason("main nav", "nav");       /* a whole token wins over a phrase ... */
  assert_reason("share nav", "nav");      /* ... and over a word, wherever it stands */
  assert_reason("navbar-inner", NULL);    /* "nav" is a whole value, not a word */
  assert_reason("header-logo", NULL);
}
END_TEST

START_TEST(camel_case_splits_words) {
  assert_reason("shareButtons", "share");
  assert_reason("mostRead", "most-read");
  assert_reason("articleSidebarRight", "sidebar");
  assert_reason("SHAREbuttons", NULL);  /* no lower-to-upper boundary: one word */
  ck_assert(classify_has_word(C, CLS_CAPTION, "Img__PicImgCaption", 18));
  ck_assert(!classify_has_word(C, CLS_CAPTION, "captionless", 11));
}
END_TEST

START_TEST(utility_tokens_are_ignored) {
  assert_reason("md:share", NULL);
  assert_reason("bg-[#share]", NULL);
  assert_reason("w-1/2 ad", "ad");
  assert_reason("md:px-4 sidebar", "sidebar");
  assert_reason("print:hidden", NULL);
  /* likely and caption words read every token (pipeline.words_of) */
  ck_assert(classify_has_word(C, CLS_LIKELY, "lg:content", 10));
}
END_TEST

START_TEST(exact_sets) {
  ck_assert(classify_member(C, CLS_LINE, "share this article", 18));
  ck_assert(!classify_member(C, CLS_LINE, "Share this article", 18));
  ck_assert(classify_member_lower(C, CLS_LINE, "Share This Article", 18));
  ck_assert(classify_member(C, CLS_TAG_OUTSIDE, "aside", 5));
  ck_assert(!classify_member(C, CLS_TAG_OUTSIDE, "div", 3));
  ck_assert_uint_eq(classify_longest(C, CLS_LINE), strlen("share this article"));
  ck_assert_int_eq(classify_index(C, CLS_TAG_OUTSIDE, "footer", 6), 2);
  ck_assert_int_eq(classify_index(C, CLS_TAG_OUTSIDE, "div", 3), -1);
  ck_assert_uint_eq(classify_count(C, CLS_TAG_OUTSIDE), 5);
}
END_TEST

/* ---- helpers for the walks ---------------------------------------------------- */

static htmlDocPtr parse(const char *html) {
  htmlDocPtr d = htmlReadMemory(html, (int)strlen(html), "t.html", "UTF-8", OPTS);
  ck_assert_ptr_nonnull(d);
  return d;
}

static xmlNodePtr find_id(xmlNodePtr root, const char *id) {
  xmlNodePtr n = root;
  while (n) {
    if (n->type == XML_ELEMENT_NODE) {
      xmlChar *v = xmlGetProp(n, (const xmlChar *)"id");
      int hit = v && strcmp((const char *)v, id) == 0;
      xmlFree(v);
      if (hit) return n;
    }
    if (n->children && n->type == XML_ELEMENT_NODE) { n = n->children; continue; }
    while (n && !n->next) n = n->parent;
    if (n) n = n->next;
  }
  return NULL;
}

static xmlNodePtr by_id(htmlDocPtr d, const char *id) {
  xmlNodePtr n = find_id(xmlDocGetRootElement(d), id);
  ck_assert_msg(n != NULL, "no element #%s", id);
  return n;
}

static const char *id_of(xmlNodePtr n) {
  static char id[64];
  xmlChar *v = xmlGetProp(n, (const xmlChar *)"id");
  snprintf(id, sizeof id, "%s", v ? (const char *)v : (const char *)n->name);
  xmlFree(v);
  return id;
}

/* "id:why id:why ..." of a list of marks, for readable assertions. */
static const char *describe(const blocks_marks *m) {
  static char out[1024];
  size_t i, len = 0;
  static const char *const why[] = { "tag", "hidden", "class", "line", "dense", "caption", "apart", "lead" };
  out[0] = '\0';
  for (i = 0; i < m->n && len < sizeof out - 80; i++)
    len += (size_t)snprintf(out + len, sizeof out - len, "%s%s:%s", i ? " " : "", id_of(m->v[i].node),
                            why[m->v[i].why]);
  return out;
}

/* Every element's numbers equal stats_compute's. */
static void assert_annotate_matches(htmlDocPtr d, const char *what) {
  blocks_tree t;
  size_t i;
  blocks_tree_init(&t);
  ck_assert_int_eq(blocks_annotate(xmlDocGetRootElement(d), &t), 0);
  for (i = 0; i < t.n; i++) {
    node_stats s;
    const blocks_rec *r = &t.rec[i];
    stats_compute(r->node, &s);
    ck_assert_msg(s.chars == r->chars && s.link_chars == r->link_chars && s.punct == r->punct &&
                  s.paragraphs == r->paragraphs,
                  "%s: element %zu <%s>: stats %zu/%zu/%zu/%zu, annotate %zu/%zu/%zu/%zu", what, i,
                  r->node->name, s.chars, s.link_chars, s.punct, s.paragraphs, r->chars, r->link_chars,
                  r->punct, r->paragraphs);
    ck_assert(r->end > i && r->end <= t.n);
    if (i > 0) ck_assert(r->parent < i && t.rec[r->parent].node == r->node->parent);
  }
  blocks_tree_free(&t);
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *b = NULL;
  long n;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
      (b = malloc((size_t)n + 1)) != NULL) {
    *len = fread(b, 1, (size_t)n, f);
    b[*len] = '\0';
  }
  fclose(f);
  return b;
}

static void quiet(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

static int annotate_file(const char *path) {
  size_t len;
  char *html = slurp(path, &len);
  htmlDocPtr d;
  if (!html) return 0;
  xmlSetGenericErrorFunc(NULL, quiet);  /* undeclared encodings make libxml2 talk */
  d = htmlReadMemory(html, (int)len, path, NULL, OPTS);
  free(html);
  if (!d) return 0;
  assert_annotate_matches(d, path);
  xmlFreeDoc(d);
  return 1;
}

/* ---- annotate ------------------------------------------------------------------ */

START_TEST(annotate_counts_as_stats_compute) {
  static const char *const pages[] = {
    "<p>Read <a href=x>a link</a> now.</p><p>  two   words, ok? </p>",
    "<div><a href=x>one <b>two</b><div>three</div> four</a> five <a href=y>six</a><a href=z> seven</a></div>",
    "<ul><li><a href=a>menu<br>item</a></li><li><a href=b>x y</a> <span>z</span></li></ul>",
    "<a href=o><span>in <a href=i>inner <a href=j>deeper</a></a> out</span></a>",
    "<p>新华社北京电。记者<a href=x>报道</a>，完。</p><pre>a\n  b</pre>",
    "<table><tr><td>a</td><td> b </td></tr><tr><th>c</th></tr></table>",
    "<p>x<script>var s = 'hidden text';</script>y<noscript><p>no <b>script</b></p></noscript></p>"
    "<video><p>Your browser, alas, cannot play it.</p></video><template><div>t <i>u</i></div></template>",
    "<div>  <p> lead</p>\n<p>tail </p>  </div><p>&nbsp;x&#x200B;y\xe2\x80\x83z</p>",
    "<div><a href=x> </a><a href=y>w</a> <br><a href=z>v</a></div>",
  };
  size_t i;
  for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    htmlDocPtr d = parse(pages[i]);
    assert_annotate_matches(d, pages[i]);
    xmlFreeDoc(d);
  }
}
END_TEST

START_TEST(annotate_counts_fixture_and_corpus_pages) {
  char path[4096];
  const char *shared = getenv("LEDE_SHARED_DIR");
  DIR *dir = opendir(LEDE_FIXTURES "/filters");
  struct dirent *e;
  int pages = 0;
  ck_assert_ptr_nonnull(dir);
  while ((e = readdir(dir)) != NULL) {
    if (!strstr(e->d_name, ".html")) continue;
    snprintf(path, sizeof path, "%s/filters/%s", LEDE_FIXTURES, e->d_name);
    pages += annotate_file(path);
  }
  closedir(dir);
  ck_assert_int_gt(pages, 5);
  if (shared) {  /* the development corpus, when present: every 4th page */
    FILE *f;
    char line[8192];
    int k = 0;
    snprintf(path, sizeof path, "%s/corpus/expect.jsonl", shared);
    if ((f = fopen(path, "r")) != NULL) {
      while (fgets(line, sizeof line, f)) {
        char *p = strstr(line, "\"html\": \""), *q;
        if (!p || k++ % 4) continue;
        p += 9;
        if (!(q = strchr(p, '"'))) continue;
        *q = '\0';
        snprintf(path, sizeof path, "%s/corpus/%s", shared, p);
        annotate_file(path);
      }
      fclose(f);
    }
  }
}
END_TEST

START_TEST(annotate_notes_unlikely_ancestors_within_eight_levels) {
  htmlDocPtr d = parse("<nav><p id=near>x</p><div><div><div><div><div><div><div><p id=eight>x</p>"
                       "<div><p id=nine>x</p></div></div></div></div></div></div></div></div></nav>"
                       "<p id=out>x</p>");
  blocks_tree t;
  size_t i;
  blocks_tree_init(&t);
  ck_assert_int_eq(blocks_annotate(xmlDocGetRootElement(d), &t), 0);
  for (i = 0; i < t.n; i++) {
    xmlNodePtr n = t.rec[i].node;
    if (n == by_id(d, "near") || n == by_id(d, "eight")) ck_assert(t.rec[i].unlikely);
    if (n == by_id(d, "nine") || n == by_id(d, "out")) ck_assert(!t.rec[i].unlikely);
  }
  blocks_tree_free(&t);
  xmlFreeDoc(d);
}
END_TEST

/* ---- clean --------------------------------------------------------------------- */

static const char *clean_of(const char *html, int flags) {
  static char out[1024];
  htmlDocPtr d = parse(html);
  blocks_marks m;
  blocks_marks_init(&m);
  ck_assert_int_eq(blocks_clean_marks(d, C, flags, &m), 0);
  snprintf(out, sizeof out, "%s", describe(&m));
  blocks_marks_free(&m);
  xmlFreeDoc(d);
  return out;
}

#define LONG_TEXT "The minister said on Tuesday that the talks would resume next week in Geneva, " \
  "after both sides agreed to a short pause. Officials declined to give further details. "

START_TEST(clean_marks_invisible_and_hidden_blocks) {
  ck_assert_str_eq(clean_of("<html><head><meta id=m charset=utf-8><script id=s>x()</script></head>"
                            "<body><p>" LONG_TEXT "</p><button id=b>Go</button>"
                            "<div id=h1 hidden>a</div><div id=h2 aria-hidden=\"true\">b</div>"
                            "<div id=h3 style=\"color:red; DISPLAY : None\">c</div>"
                            "<div id=h4 style=\"visibility:hidden\">d</div></body></html>", 0),
                   "m:tag s:tag b:tag h1:hidden h2:hidden h3:hidden h4:hidden");
}
END_TEST

START_TEST(clean_keeps_what_is_visible) {
  ck_assert_str_eq(clean_of("<html style=\"display:none\"><body><p>" LONG_TEXT "</p>"
                            "<div id=v1 aria-hidden=\"false\">a</div><div id=v2 style=\"display: block\">b"
                            "</div><div id=v3 style=\"visibility:visible\">c</div></body></html>", 0),
                   "");
}
END_TEST

START_TEST(clean_never_takes_most_of_the_page) {
  /* ASP.NET wraps the whole page in a form: kept, while the button inside goes */
  ck_assert_str_eq(clean_of("<body><form id=f><p>" LONG_TEXT "</p><button id=b>Send</button></form>"
                            "<p>x</p></body>", 0),
                   "b:tag");
}
END_TEST

START_TEST(clean_lists_outermost_marks_unless_nested) {
  const char *page = "<body><p>" LONG_TEXT "</p><div id=d hidden><button id=b>x</button></div></body>";
  ck_assert_str_eq(clean_of(page, 0), "d:hidden");
  ck_assert_str_eq(clean_of(page, BLOCKS_NESTED), "d:hidden b:tag");
}
END_TEST

/* ---- body ---------------------------------------------------------------------- */

static const char *const SELECTORS[] = { "[itemprop=\"articleBody\"]", ".article-body", "article" };

static char body_drop[256];  /* the drop list of the last body_of */

static const char *body_of(const char *html, const char *const *sel, size_t nsel, const char **rule) {
  static char out[64];
  htmlDocPtr d = parse(html);
  blocks_selectors s;
  blocks_body b;
  char err[256];
  xmlNodePtr n;
  ck_assert_int_eq(blocks_selectors_compile(&s, sel, nsel, err, sizeof err), 0);
  ck_assert_int_eq(blocks_best_body(d, C, NULL, &s, 200, &b), 0);
  snprintf(out, sizeof out, "%s", b.node ? id_of(b.node) : "(none)");
  snprintf(body_drop, sizeof body_drop, "%s", describe(&b.drop));
  blocks_body_free(&b);
  *rule = b.selector == BLOCKS_NONE ? "scoring" : sel[b.selector];
  for (n = xmlDocGetRootElement(d); n;) {  /* _private is left as found */
    ck_assert_ptr_null(n->_private);
    if (n->children && n->type == XML_ELEMENT_NODE) { n = n->children; continue; }
    while (n && !n->next) n = n->parent;
    if (n) n = n->next;
  }
  blocks_selectors_free(&s);
  xmlFreeDoc(d);
  return out;
}

START_TEST(body_prefers_selectors_in_order) {
  const char *rule;
  const char *page = "<body><article id=a><p>" LONG_TEXT LONG_TEXT "</p></article>"
                     "<div id=ab class=\"x article-body\"><p>" LONG_TEXT LONG_TEXT "</p></div>"
                     "<div id=small class=article-body><p>short</p></div></body>";
  ck_assert_str_eq(body_of(page, SELECTORS, 3, &rule), "ab");
  ck_assert_str_eq(rule, ".article-body");
}
END_TEST

START_TEST(body_takes_a_story_cut_in_parts) {
  const char *rule;
  /* two sections of one story in wrappers, an ad between: their common ancestor */
  const char *page = "<body><div id=nav><a href=x>Home</a></div><div id=w>"
                     "<div><section id=s1 itemprop=articleBody><p>" LONG_TEXT LONG_TEXT "</p></section></div>"
                     "<div class=ad>Advertisement</div>"
                     "<div><section id=s2 itemprop=articleBody><p>" LONG_TEXT "</p></section></div></div>"
                     "<div id=side><p>" LONG_TEXT "</p></div></body>";
  ck_assert_str_eq(body_of(page, SELECTORS, 3, &rule), "w");
  /* teasers all over a page are not parts of one story: their ancestor holds too much else */
  page = "<body><div id=w><div><article id=a1><p>" LONG_TEXT "</p></article></div>"
         "<div><p>" LONG_TEXT LONG_TEXT LONG_TEXT LONG_TEXT LONG_TEXT "</p></div>"
         "<div><article id=a2><p>" LONG_TEXT LONG_TEXT "</p></article></div></div></body>";
  ck_assert_str_eq(body_of(page, SELECTORS, 3, &rule), "a2");
}
END_TEST

START_TEST(body_scoring_takes_close_siblings) {
  const char *rule;
  /* a paragraph beside the best candidate belongs to it; the link list beside it does not */
  const char *page = "<body><div id=p><div id=best><p>" LONG_TEXT "</p><p>" LONG_TEXT "</p></div>"
                     "<p>" LONG_TEXT "</p><div id=links><a href=a>One story</a> <a href=b>Another</a></div>"
                     "</div></body>";
  ck_assert_str_eq(body_of(page, SELECTORS, 0, &rule), "p");
  ck_assert_str_eq(body_drop, "links:apart");
  /* nothing beside it belongs: the best candidate alone */
  page = "<body><div id=p><div id=best><p>" LONG_TEXT "</p><p>" LONG_TEXT "</p></div>"
         "<div id=links><a href=a>One story</a> <a href=b>Another</a></div></div></body>";
  ck_assert_str_eq(body_of(page, SELECTORS, 0, &rule), "best");
  ck_assert_str_eq(body_drop, "");
}
END_TEST

START_TEST(body_needs_enough_non_link_text_from_a_selector) {
  const char *rule;
  const char *page = "<body><div class=article-body id=links><a href=x>" LONG_TEXT LONG_TEXT "</a></div>"
                     "<div id=main><p>" LONG_TEXT "</p><p>" LONG_TEXT "</p></div></body>";
  ck_assert_str_eq(body_of(page, SELECTORS, 3, &rule), "main");
  ck_assert_str_eq(rule, "scoring");
}
END_TEST

START_TEST(body_is_never_inside_a_link) {
  static const char *const sel[] = { ".story-content", "article" };
  const char *rule;
  /* teaser cards: a "story-content" summary inside <a href>, longer than the selector's minimum */
  const char *page = "<body><div id=cards><div><a href=/a><div class=story-content id=c1>" LONG_TEXT LONG_TEXT
                     "</div></a></div><div><a href=/b><div class=story-content id=c2>" LONG_TEXT
                     "</div></a></div></div>"
                     "<article id=story><p>" LONG_TEXT "</p><p>" LONG_TEXT "</p></article>"
                     "</body>";
  ck_assert_str_eq(body_of(page, sel, 2, &rule), "story");
  ck_assert_str_eq(rule, "article");
  /* by scoring too: a teaser's paragraphs inside a link never make it the body */
  page = "<body><a href=/t><div id=teaser><p>" LONG_TEXT "</p><p>" LONG_TEXT "</p><p>" LONG_TEXT
         "</p></div></a>"
         "<div id=stub><p>" LONG_TEXT "</p></div></body>";
  ck_assert_str_eq(body_of(page, sel, 0, &rule), "stub");
  ck_assert_str_eq(rule, "scoring");
}
END_TEST

START_TEST(body_scoring_skips_navigation_and_link_lists) {
  const char *rule;
  const char *page = "<body><nav><div id=navbox><p>" LONG_TEXT "</p><p>" LONG_TEXT "</p></div></nav>"
                     "<div id=links><p><a href=x>" LONG_TEXT "</a></p><p><a href=y>" LONG_TEXT
                     "</a></p><p><a href=z>" LONG_TEXT "</a></p></div>"
                     "<div id=story><p>" LONG_TEXT "</p><p>" LONG_TEXT "</p></div></body>";
  ck_assert_str_eq(body_of(page, SELECTORS, 3, &rule), "story");
}
END_TEST

START_TEST(body_selectors_beyond_simple_go_through_xpath) {
  static const char *const sel[] = { "div > section.story", "main p:first-child" };
  const char *rule;
  const char *page = "<body><div><section id=s class=story><p>" LONG_TEXT LONG_TEXT "</p></section></div>"
                     "</body>";
  ck_assert_str_eq(body_of(page, sel, 2, &rule), "s");
  ck_assert_str_eq(rule, "div > section.story");
  ck_assert_str_eq(body_of("<body><p>x</p></body>", sel, 2, &rule), "(none)");
}
END_TEST

/* ---- prune --------------------------------------------------------------------- */

static void prune_of(const char *html, int flags, char *remove, char *captions, int *tripped) {
  htmlDocPtr d = parse(html);
  blocks_prune p;
  blocks_prune_init(&p);
  ck_assert_int_eq(blocks_prune_marks(by_id(d, "body"), C, flags, &p), 0);
  strcpy(remove, describe(&p.remove));
  strcpy(captions, describe(&p.captions));
  *tripped = p.guard_tripped;
  blocks_prune_free(&p);
  xmlFreeDoc(d);
}

static void assert_prune(const char *html, const char *remove, const char *captions) {
  char r[1024], c[1024];
  int tripped;
  prune_of(html, 0, r, c, &tripped);
  ck_assert_str_eq(r, remove);
  ck_assert_str_eq(c, captions);
  ck_assert(!tripped);
}

#define ARTICLE "<p>" LONG_TEXT "</p><p>" LONG_TEXT "</p><p>" LONG_TEXT "</p>"

START_TEST(prune_marks_each_kind) {
  assert_prune("<div id=body>" ARTICLE "<nav id=n>Home News</nav>"
               "<div id=s class=share-tools>Facebook Twitter</div>"
               "<div id=l>Share this article:</div>"
               "<ul id=u><li><a href=a>One story</a></li><li><a href=b>Another story</a></li></ul>"
               "<figure><img src=x><figcaption id=f>A photo <span id=c class=copyright>AP</span></figcaption>"
               "</figure><div id=pc class=\"photoCredit\">Photo: AP</div></div>",
               "n:tag s:class l:line u:dense c:class", "f:caption pc:caption");
}
END_TEST

START_TEST(prune_marks_labelled_links_but_not_labelled_text) {
  assert_prune("<div id=body>" ARTICLE "<p id=r>Read also: <a href=x>Talks resume in Geneva next week</a></p>"
               "<p>Read also: the minister's statement, which said the talks would resume.</p></div>",
               "r:line", "");
}
END_TEST

START_TEST(prune_favor_moves_the_link_density_bar) {
  const char *html = "<div id=body>" ARTICLE "<div id=d>Two stories: <a href=a>one story</a> and "
                     "<a href=b>another one</a></div><div id=l>Read more</div></div>";
  htmlDocPtr d = parse(html);
  blocks_prune p;
  int favor;
  const char *want[] = { "l:line", "d:dense l:line", "" };
  for (favor = BLOCKS_FAVOR_BALANCED; favor <= BLOCKS_FAVOR_RECALL; favor++) {
    blocks_prune_init(&p);
    ck_assert_int_eq(blocks_prune_marks_favor(by_id(d, "body"), C, 0, favor, &p), 0);
    ck_assert_str_eq(describe(&p.remove), want[favor]);
    blocks_prune_free(&p);
  }
  xmlFreeDoc(d);
}
END_TEST

START_TEST(prune_lines_match_accented_capitals_and_trailing_marks) {
  ck_assert_int_eq(classify_add(C, CLS_LINE, "lo \xc3\xbaltimo", strlen("lo \xc3\xbaltimo")), 0);
  ck_assert_int_eq(classify_add(C, CLS_LINE, "\xc3\xa0 lire aussi", strlen("\xc3\xa0 lire aussi")), 0);
  assert_prune("<div id=body>" ARTICLE "<div id=u>LO \xc3\x9aLTIMO</div>"
               "<div id=l>\xc3\x80 lire aussi \xc2\xbb</div><div>\xc3\x80 lire aussi le reste</div></div>",
               "u:line l:line", "");
}
END_TEST

START_TEST(standfirst_found_above_the_body_not_in_it) {
  const char *desc = "Damit Mitarbeiter gesund bleiben, m\xc3\xbcssen sich Unternehmen einiges einfallen lassen.";
  htmlDocPtr d = parse("<body><div><header><h1>Titel</h1><p>Damit Mitarbeiter gesund bleiben, "
                       "m\xc3\xbcssen sich Unternehmen einiges einfallen lassen.</p></header>"
                       "<div id=body>" ARTICLE "</div></div></body>");
  buf out;
  buf_init(&out);
  ck_assert_int_eq(blocks_standfirst(by_id(d, "body"), desc, strlen(desc), &out), 1);
  ck_assert_str_eq(buf_cstr(&out), "Damit Mitarbeiter gesund bleiben, m\xc3\xbcssen sich Unternehmen einiges "
                   "einfallen lassen.");
  buf_reset(&out);
  ck_assert_int_eq(blocks_standfirst(by_id(d, "body"), LONG_TEXT, strlen(LONG_TEXT), &out), 0);  /* in it */
  ck_assert_int_eq(blocks_standfirst(by_id(d, "body"), "Something else entirely, that this page never "
                   "prints anywhere at all.", 70, &out), 0);
  buf_free(&out);
  xmlFreeDoc(d);
}
END_TEST

static void assert_lead(const char *html, const char *title, const char *marks) {
  htmlDocPtr d = parse(html);
  blocks_marks m;
  blocks_marks_init(&m);
  ck_assert_int_eq(blocks_lead_marks(by_id(d, "body"), C, title, title ? strlen(title) : 0, &m), 0);
  ck_assert_str_eq(describe(&m), marks);
  blocks_marks_free(&m);
  xmlFreeDoc(d);
}

START_TEST(lead_marks_the_header_above_the_story) {
  /* kicker, headline (quotes differ from the title), byline, date, inside wrappers */
  assert_lead("<div id=body><div><div id=k>SLOW MOVING</div><h1 id=h>Talks \u201cresume\u201d in Geneva</h1>"
              "<div id=bd><span>By Jane Doe</span><div>March 3, 2024 10:00</div></div></div>"
              "<div>" ARTICLE "</div></div>", "Talks \"resume\" in Geneva", "k:lead h:lead bd:lead");
  /* a date line that ends with a full stop but opens as date lines do */
  assert_lead("<div id=body><p id=u>Published February 24, 2020. Last updated July 21, 2022.</p>" ARTICLE
              "</div>", NULL, "u:lead");
}
END_TEST

START_TEST(lead_keeps_the_story_and_its_dateline) {
  /* a dateline block, a short first paragraph, a section heading: story */
  assert_lead("<div id=body><p>BEIJING:</p>" ARTICLE "</div>", "Talks resume", "");
  assert_lead("<div id=body><p>It was cold.</p>" ARTICLE "</div>", NULL, "");
  assert_lead("<div id=body><h2>What happened</h2>" ARTICLE "</div>", NULL, "");
  /* a sentence naming the title is text, not the headline */
  assert_lead("<div id=body><p>Geneva is where the talks resume, officials said.</p>" ARTICLE "</div>",
              "Geneva", "");
  /* only short lines (a poem, a list of names): no story found, nothing marked */
  assert_lead("<div id=body><p id=a>Roses are red</p><p id=b>Violets are blue</p></div>", NULL, "");
  /* running text straight after the header ends it */
  assert_lead("<div id=body><div id=k>Politics</div>The minister said on Tuesday that talks resume.</div>",
              NULL, "k:lead");
}
END_TEST

START_TEST(prune_spares_content_and_lookalikes) {
  assert_prune("<div id=body>" ARTICLE "<p id=p class=share>A paragraph a CMS called share.</p>"
               "<div class=commentary>An opinion, at length.</div><div class=article-header>Title</div>"
               "<div>Share this article with your friends, they will like it.</div>"
               "<ul><li>one <a href=x>link</a> in a list of words</li></ul></div>",
               "", "");
}
END_TEST

START_TEST(prune_never_removes_most_of_the_body) {
  assert_prune("<div id=body><aside id=big>" ARTICLE "</aside><nav id=n>Home</nav></div>", "n:tag", "");
  assert_prune("<div id=body><div id=links><a href=x>" LONG_TEXT LONG_TEXT "</a></div><p>Short.</p></div>",
               "", "");
}
END_TEST

START_TEST(prune_distrusts_class_names_that_would_take_the_body) {
  char r[1024], c[1024];
  int tripped;
  prune_of("<div id=body><div id=w1 class=sidebar-widget><p>" LONG_TEXT "</p></div>"
           "<div id=w2 class=sidebar-widget><p>" LONG_TEXT "</p></div>"
           "<div id=w3 class=sidebar-widget><p>" LONG_TEXT "</p></div><p>x</p>"
           "<aside id=as>aside</aside></div>", 0, r, c, &tripped);
  ck_assert(tripped);
  ck_assert_str_eq(r, "as:tag");  /* tags still go */
}
END_TEST

START_TEST(prune_judges_blocks_after_earlier_removals) {
  /* without its share widget the div holds only "Share": a boilerplate line; and
   * the list is link-dense only once its class-marked text has gone */
  assert_prune("<div id=body>" ARTICLE "<div id=d><span id=s class=social>Follow on X</span> Share</div>"
               "<ul id=u><li><a href=a>Link one</a></li><li id=t class=promo>Plain text promo here</li></ul>"
               "</div>",
               "d:line u:dense", "");
  /* a caption inside a link-dense block is still taken */
  assert_prune("<div id=body>" ARTICLE "<div id=g><a href=a>Gallery link</a><a href=b>Gallery link</a>"
               "<figcaption id=f>The caption</figcaption></div></div>",
               "g:dense", "f:caption");
}
END_TEST

START_TEST(prune_follows_lua_stage_order) {
  /* Lua removes outside tags tag by tag, each in document order: the outer
   * header is judged with the inner one still in it (more than half: kept) */
  assert_prune("<div id=body><p>" LONG_TEXT "</p><header id=h1><p>" LONG_TEXT "</p><header id=h2><p>"
               LONG_TEXT "</p></header></header></div>",
               "h2:tag", "");
}
END_TEST

START_TEST(prune_reads_block_text_as_the_block_alone_renders) {
  /* inside <pre> the body keeps white space; the block alone collapses it */
  assert_prune("<div id=body>" ARTICLE "<pre><div id=pl>Share   this\n  article</div></pre></div>", "pl:line", "");
  /* a cell after a cell outside the block: " | " in the body's text, not in the block's */
  assert_prune("<div id=body>" ARTICLE "<table><tr><td>a</td><td><div id=cx><td>Share</td></div></td></tr>"
               "</table></div>",
               "cx:line", "");
  /* a cell holding a paragraph reads as the paragraph, its row's " | " outside it */
  assert_prune("<div id=body>" ARTICLE "<table><tr><td><p>Price</p></td><td><p id=cs>Share</p></td></tr>"
               "</table></div>",
               "cs:line", "");
}
END_TEST

START_TEST(prune_lists_nested_marks_when_asked) {
  char r[1024], c[1024];
  int tripped;
  prune_of("<div id=body>" ARTICLE "<aside id=as><div id=s class=share>x</div></aside></div>",
           BLOCKS_NESTED, r, c, &tripped);
  ck_assert_str_eq(r, "as:tag s:class");
}
END_TEST

/* ---- depth ---------------------------------------------------------------------- */

/* 100,000 nested elements of one kind around some text. */
static htmlDocPtr deep_page(const char *open, size_t depth) {
  size_t len = strlen(open), i;
  char *html = malloc(depth * len + 256), *p = html;
  htmlDocPtr d;
  ck_assert_ptr_nonnull(html);
  p += sprintf(p, "<html><body id=body>");
  for (i = 0; i < depth; i++) { memcpy(p, open, len); p += len; }
  p += sprintf(p, "Deep text, at last.</body></html>");
  d = htmlReadMemory(html, (int)(p - html), "deep.html", "UTF-8", OPTS);
  free(html);
  ck_assert_ptr_nonnull(d);
  return d;
}

START_TEST(deep_nesting_does_not_recurse) {
  static const char *const opens[] = { "<div>", "<div class=share>", "<a href=x><span>", "<object>",
                                       "<figcaption>", "<ul><li>" };
  size_t i;
  for (i = 0; i < sizeof opens / sizeof opens[0]; i++) {
    htmlDocPtr d = deep_page(opens[i], 100000);
    blocks_tree t;
    blocks_marks m;
    blocks_prune p;
    blocks_body b;
    blocks_tree_init(&t);
    blocks_marks_init(&m);
    blocks_prune_init(&p);
    ck_assert_int_eq(blocks_annotate(xmlDocGetRootElement(d), &t), 0);
    ck_assert_uint_ge(t.n, 100000);
    if (i != 3) ck_assert_uint_eq(t.rec[0].chars, strlen("Deep text, at last."));
    ck_assert_int_eq(blocks_clean_marks(d, C, 0, &m), 0);
    ck_assert_int_eq(blocks_best_body(d, C, NULL, NULL, 200, &b), 0);
    ck_assert_int_eq(blocks_prune_marks(by_id(d, "body"), C, 0, &p), 0);
    blocks_body_free(&b);
    blocks_prune_free(&p);
    blocks_marks_free(&m);
    blocks_tree_free(&t);
    xmlFreeDoc(d);
  }
}
END_TEST

static Suite *blocks_suite(void) {
  Suite *s = suite_create("blocks");
  TCase *cls = tcase_create("classify");
  TCase *ann = tcase_create("annotate");
  TCase *clean = tcase_create("clean");
  TCase *body = tcase_create("body");
  TCase *prune = tcase_create("prune");
  TCase *deep = tcase_create("deep");
  TCase *all[] = { cls, ann, clean, body, prune, deep };
  size_t i;
  for (i = 0; i < sizeof all / sizeof all[0]; i++) {
    tcase_add_checked_fixture(all[i], setup, teardown);
    suite_add_tcase(s, all[i]);
  }
  tcase_add_test(cls, words_mark_boilerplate);
  tcase_add_test(cls, a_word_is_never_part_of_a_longer_word);
  tcase_add_test(cls, phrases_need_adjacent_words);
  tcase_add_test(cls, whole_values_match_whole_tokens);
  tcase_add_test(cls, camel_case_splits_words);
  tcase_add_test(cls, utility_tokens_are_ignored);
  tcase_add_test(cls, exact_sets);
  tcase_set_timeout(ann, 300);
  tcase_add_test(ann, annotate_counts_as_stats_compute);
  tcase_add_test(ann, annotate_counts_fixture_and_corpus_pages);
  tcase_add_test(ann, annotate_notes_unlikely_ancestors_within_eight_levels);
  tcase_add_test(clean, clean_marks_invisible_and_hidden_blocks);
  tcase_add_test(clean, clean_keeps_what_is_visible);
  tcase_add_test(clean, clean_never_takes_most_of_the_page);
  tcase_add_test(clean, clean_lists_outermost_marks_unless_nested);
  tcase_add_test(body, body_prefers_selectors_in_order);
  tcase_add_test(body, body_needs_enough_non_link_text_from_a_selector);
  tcase_add_test(body, body_takes_a_story_cut_in_parts);
  tcase_add_test(body, body_scoring_takes_close_siblings);
  tcase_add_test(body, body_scoring_skips_navigation_and_link_lists);
  tcase_add_test(body, body_is_never_inside_a_link);
  tcase_add_test(body, body_selectors_beyond_simple_go_through_xpath);
  tcase_add_test(prune, prune_marks_each_kind);
  tcase_add_test(prune, prune_spares_content_and_lookalikes);
  tcase_add_test(prune, prune_never_removes_most_of_the_body);
  tcase_add_test(prune, prune_distrusts_class_names_that_would_take_the_body);
  tcase_add_test(prune, prune_judges_blocks_after_earlier_removals);
  tcase_add_test(prune, prune_follows_lua_stage_order);
  tcase_add_test(prune, prune_reads_block_text_as_the_block_alone_renders);
  tcase_add_test(prune, prune_lists_nested_marks_when_asked);
  tcase_add_test(prune, prune_marks_labelled_links_but_not_labelled_text);
  tcase_add_test(prune, prune_favor_moves_the_link_density_bar);
  tcase_add_test(prune, lead_marks_the_header_above_the_story);
  tcase_add_test(prune, prune_lines_match_accented_capitals_and_trailing_marks);
  tcase_add_test(prune, standfirst_found_above_the_body_not_in_it);
  tcase_add_test(prune, lead_keeps_the_story_and_its_dateline);
  tcase_set_timeout(deep, 120);
  tcase_add_test(deep, deep_nesting_does_not_recurse);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(blocks_suite());
  int failed;
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
