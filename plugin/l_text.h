/* core.squash(s): metadata's white-space squash in C (text_squash). */
#ifndef LEDE_L_TEXT_H
#define LEDE_L_TEXT_H

#include <lua.h>

int ltext_squash(lua_State *L);  /* squash(s) -> s squashed (s itself when already so), or nil when empty */

#endif
