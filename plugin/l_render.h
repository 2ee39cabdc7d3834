/* lede.core.render: Markdown and clean-HTML rendering of a lede.Node. */
#ifndef LEDE_L_RENDER_H
#define LEDE_L_RENDER_H

#include <lua.h>

/* Pushes { markdown = f, html = f }, where f(node [, opts]) returns a string.
 * opts: { base_url = string, links = bool, images = bool, tables = bool };
 * the flags default to true. */
int lede_open_render(lua_State *L);

#endif
