/* render: an article subtree as Markdown (CommonMark + GFM tables) or as
 * clean, semantic HTML.
 *
 * Both renderers walk the tree iteratively (walk.h) and are linear in the
 * size of the subtree. Like text_render they owe breaks and spaces and pay
 * them only when visible content follows, so the output never starts or
 * ends with white space. Invisible elements (script, style, ...) are
 * skipped, except when the subtree's root is one. List and quote nesting
 * beyond RENDER_MAX_NEST levels stops indenting (the text is kept). */
#ifndef LEDE_RENDER_H
#define LEDE_RENDER_H

#include <libxml/tree.h>

#include "buf.h"

#define RENDER_MAX_NEST 64    /* list/quote (markdown), block/inline (html) levels */
#define RENDER_MAX_URL 8192   /* links with a longer resolved href are kept as text */

typedef struct {
  const char *base_url;   /* for making href/src absolute (xmlBuildURI); NULL = leave as is */
  int links;              /* render <a href> ([text](url) / <a href>); 0 = text only */
  int images;             /* render <img> (markdown ![alt](src), html <img src alt>) */
  int tables;             /* 0 = drop tables entirely */
} render_options;

/* Append the rendering of `node` to out; return 0, or -1 if memory ran out.
 * opt may be NULL (no base URL, links, images and tables on). */
int render_markdown(xmlNodePtr node, const render_options *opt, buf *out);
int render_html(xmlNodePtr node, const render_options *opt, buf *out);

/* The URL an href/src attribute value stands for: white space trimmed, tabs
 * and newlines removed, unsafe bytes percent-escaped, resolved against base
 * (when not NULL). Returns 0, or -1 when the value is empty or its scheme is
 * javascript:/vbscript: (or data: when !allow_data). */
int render_url(const xmlChar *raw, const char *base, int allow_data, buf *out);

#endif
