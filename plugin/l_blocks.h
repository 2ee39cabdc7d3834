/* lede.core.blocks: the clean, body and prune decisions made in C. */
#ifndef LEDE_L_BLOCKS_H
#define LEDE_L_BLOCKS_H

#include <lua.h>

/* Pushes { config = f }. config(t) compiles the boilerplate table t (the
 * fields of lede.boilerplate: words, phrases, whole, lines, tags,
 * outside_article_tags, content_tags; optionally likely_words,
 * caption_words, body_selectors, min_body_chars) into an object with the
 * methods classify(value), clean_marks(doc [, opts]), best_body(doc [, opts])
 * and prune_marks(body [, opts]). */
int lede_open_blocks(lua_State *L);

#endif
