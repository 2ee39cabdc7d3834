#include "l_document.h"

#include <lauxlib.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "encoding.h"
#include "l_node.h"
#include "l_select.h"
#include "text.h"

#define PARSE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
                       HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | \
                       XML_PARSE_HUGE)

/* libxml2 reports through this instead of printing to stderr. */
static void doc_silent_error(void *ctx, xmlErrorPtr err) {
  (void)ctx;
  (void)err;
}

static void doc_xpath_error(void *ctx, xmlErrorPtr err) {
  ldoc *d = ctx;
  size_t n;
  if (!d || !err || !err->message) return;
  strncpy(d->xpath_error, err->message, sizeof d->xpath_error - 1);
  d->xpath_error[sizeof d->xpath_error - 1] = '\0';
  n = strlen(d->xpath_error);
  while (n > 0 && d->xpath_error[n - 1] == '\n') d->xpath_error[--n] = '\0';
}

ldoc *ldoc_check(lua_State *L, int idx) {
  ldoc *d = luaL_checkudata(L, idx, LEDE_DOCUMENT);
  if (!d->doc) luaL_error(L, "lede.Document: the document is closed");
  return d;
}

int ldoc_is_attached(ldoc *d, xmlNodePtr n) {
  for (; n; n = n->parent)
    if ((xmlDocPtr)n == (xmlDocPtr)d->doc) return 1;
  return 0;
}

int ldoc_bury(ldoc *d, xmlNodePtr n) {
  if (d->nremoved == d->capremoved) {
    size_t cap = d->capremoved ? d->capremoved * 2 : 16;
    xmlNodePtr *p = realloc(d->removed, cap * sizeof *p);
    if (!p) return -1;
    d->removed = p;
    d->capremoved = cap;
  }
  d->removed[d->nremoved++] = n;
  return 0;
}

static void doc_release(ldoc *d) {
  size_t i;
  /* buried subtrees share the document's dictionary: free them first */
  for (i = 0; i < d->nremoved; i++) xmlFreeNode(d->removed[i]);
  free(d->removed);
  d->removed = NULL;
  d->nremoved = d->capremoved = 0;
  if (d->xpath) xmlXPathFreeContext(d->xpath);
  d->xpath = NULL;
  if (d->doc) xmlFreeDoc(d->doc);
  d->doc = NULL;
}

static int doc_close(lua_State *L) {
  ldoc *d = luaL_checkudata(L, 1, LEDE_DOCUMENT);
  doc_release(d);
  return 0;
}

/* Parses UTF-8 text without NULs. libxml2 is told the bytes are UTF-8
 * without being given a converter: htmlCtxtReadMemory, told "UTF-8", runs
 * the whole page through its UTF-8 to UTF-8 converter (a copy of the page,
 * 0.8% of the parse's instructions on the corpus); told nothing, it reads
 * Latin-1. (A static input buffer would save libxml2's own copy too, but
 * 2.9.14's HTML parser crashes on some pages read from one.) */
static htmlDocPtr doc_parse_utf8(const char *text, size_t size) {
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  xmlParserInputBufferPtr in;
  xmlParserInputPtr stream;
  htmlDocPtr doc;
  if (!ctxt) return NULL;
  ctxt->sax->serror = doc_silent_error;
  htmlCtxtUseOptions(ctxt, PARSE_OPTIONS);
  in = xmlParserInputBufferCreateMem(text, (int)size, XML_CHAR_ENCODING_NONE);
  stream = in ? xmlNewIOInputStream(ctxt, in, XML_CHAR_ENCODING_NONE) : NULL;
  if (!stream) {
    if (in) xmlFreeParserInputBuffer(in);
    htmlFreeParserCtxt(ctxt);
    return NULL;
  }
  if (inputPush(ctxt, stream) < 0) {  /* it frees the stream */
    htmlFreeParserCtxt(ctxt);
    return NULL;
  }
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;
  htmlFreeParserCtxt(ctxt);
  return doc;
}

/* Decodes the page to UTF-8 and parses it; NULL with a reason on failure.
 * Most pages are clean UTF-8 already: libxml2 then reads the caller's bytes
 * and lede makes no copy of the page (libxml2 keeps one in its input). */
static htmlDocPtr doc_parse_bytes(const char *html, size_t len, const char *charset,
                                  enc_choice *enc, const char **why) {
  buf utf8;
  htmlDocPtr doc;
  const char *text = html;
  size_t size;
  int clean;
  enc_sniff(html, len, charset, enc);
  text += enc->bom_len;
  size = len - enc->bom_len;
  buf_init(&utf8);
  /* the sniffer's UTF-8 check has validated the bytes already: only NULs are left to find */
  clean = enc->source == ENC_FROM_UTF8_CHECK ? memchr(text, 0, size) == NULL
                                             : enc_is_clean_utf8(text, size);
  if (strcmp(enc->name, "UTF-8") != 0 || !clean) {
    if (enc_to_utf8(text, size, enc->name, &utf8) != 0) {
      buf_free(&utf8);
      *why = "cannot decode the page from its encoding";
      return NULL;
    }
    text = utf8.data;
    size = utf8.len;
  }
  doc = size ? doc_parse_utf8(text, size) : doc_parse_utf8(" ", 1);  /* empty: an empty document */
  buf_free(&utf8);
  if (!doc) *why = "libxml2 could not parse the page";
  return doc;
}

static void doc_set_info(lua_State *L, int ud, const char *url, const enc_choice *enc) {
  lua_createtable(L, 0, 3);
  if (url) { lua_pushstring(L, url); lua_setfield(L, -2, "url"); }
  lua_pushstring(L, enc->name);
  lua_setfield(L, -2, "encoding");
  lua_pushstring(L, enc_source_name(enc->source));
  lua_setfield(L, -2, "encoding_source");
  lua_setiuservalue(L, ud, 1);
}

static const char *opt_string(lua_State *L, int opts, const char *key) {
  const char *s = NULL;
  if (lua_isnoneornil(L, opts)) return NULL;
  if (lua_getfield(L, opts, key) != LUA_TNIL) {
    if (!lua_isstring(L, -1)) luaL_error(L, "bad option '%s' (string expected)", key);
    s = lua_tostring(L, -1);
  }
  lua_pop(L, 1);  /* the string stays alive in the options table */
  return s;
}

int ldoc_parse(lua_State *L) {
  size_t len;
  const char *html = luaL_checklstring(L, 1, &len);
  const char *url, *charset, *why = NULL;
  enc_choice enc;
  ldoc *d;
  if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TTABLE);
  if (len > (size_t)0x7FFFFFFF - 8) {
    luaL_pushfail(L);
    lua_pushstring(L, "page too large (over 2 GiB)");
    return 2;
  }
  url = opt_string(L, 2, "url");
  charset = opt_string(L, 2, "charset");
  d = lua_newuserdatauv(L, sizeof *d, 1);  /* userdata first: nothing leaks if it fails */
  memset(d, 0, sizeof *d);
  luaL_setmetatable(L, LEDE_DOCUMENT);
  d->doc = doc_parse_bytes(html, len, charset, &enc, &why);
  if (d->doc) d->xpath = xmlXPathNewContext(d->doc);
  if (!d->doc || !d->xpath) {
    doc_release(d);
    luaL_pushfail(L);
    lua_pushstring(L, why ? why : "out of memory");
    return 2;
  }
  d->xpath->error = doc_xpath_error;
  d->xpath->userData = d;
  doc_set_info(L, lua_gettop(L), url, &enc);
  return 1;
}

static xmlNodePtr doc_child_element(xmlNodePtr parent, const char *name) {
  xmlNodePtr c;
  for (c = parent ? parent->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0) return c;
  return NULL;
}

static int doc_push_or_nil(lua_State *L, xmlNodePtr n) {
  if (n) lnode_push(L, n, 1);
  else lua_pushnil(L);
  return 1;
}

static int doc_root(lua_State *L) {
  ldoc *d = ldoc_check(L, 1);
  return doc_push_or_nil(L, xmlDocGetRootElement(d->doc));
}

static int doc_head(lua_State *L) {
  ldoc *d = ldoc_check(L, 1);
  return doc_push_or_nil(L, doc_child_element(xmlDocGetRootElement(d->doc), "head"));
}

static int doc_body(lua_State *L) {
  ldoc *d = ldoc_check(L, 1);
  return doc_push_or_nil(L, doc_child_element(xmlDocGetRootElement(d->doc), "body"));
}

static int doc_info_field(lua_State *L, const char *key) {
  ldoc_check(L, 1);
  lua_getiuservalue(L, 1, 1);
  lua_getfield(L, -1, key);
  return 1;
}

static int doc_url(lua_State *L) { return doc_info_field(L, "url"); }
static int doc_encoding(lua_State *L) {
  doc_info_field(L, "encoding");
  lua_getfield(L, -2, "encoding_source");
  return 2;
}

/* The first <title> anywhere (some pages put it in the body), white space collapsed. */
static int doc_title(lua_State *L) {
  ldoc *d = ldoc_check(L, 1);
  xmlNodePtr n = xmlDocGetRootElement(d->doc);
  buf b;
  while (n && !(n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "title") == 0)) {
    if (n->children && n->type == XML_ELEMENT_NODE) n = n->children;
    else {
      while (n && !n->next) n = n->parent;
      if (n) n = n->next;
    }
  }
  if (!n) { lua_pushnil(L); return 1; }
  buf_init(&b);
  text_render(n, &b);
  if (buf_failed(&b)) { buf_free(&b); return luaL_error(L, "out of memory"); }
  lua_pushlstring(L, buf_cstr(&b), b.len);
  buf_free(&b);
  return 1;
}

static int doc_select(lua_State *L) {
  ldoc *d = ldoc_check(L, 1);
  return lsel_select(L, d, (xmlNodePtr)d->doc, 1);
}

static int doc_xpath(lua_State *L) {
  ldoc *d = ldoc_check(L, 1);
  return lsel_xpath(L, d, (xmlNodePtr)d->doc, 1);
}

static int doc_tostring(lua_State *L) {
  ldoc *d = luaL_checkudata(L, 1, LEDE_DOCUMENT);
  lua_pushfstring(L, "lede.Document (%s)", d->doc ? "open" : "closed");
  return 1;
}

static const luaL_Reg doc_methods[] = {
  {"root", doc_root}, {"head", doc_head}, {"body", doc_body}, {"title", doc_title},
  {"url", doc_url}, {"encoding", doc_encoding}, {"select", doc_select},
  {"xpath", doc_xpath}, {"close", doc_close}, {NULL, NULL}
};

static const luaL_Reg doc_metamethods[] = {
  {"__gc", doc_close}, {"__close", doc_close}, {"__tostring", doc_tostring}, {NULL, NULL}
};

void ldoc_register(lua_State *L) {
  luaL_newmetatable(L, LEDE_DOCUMENT);
  luaL_setfuncs(L, doc_metamethods, 0);
  luaL_newlib(L, doc_methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
}
