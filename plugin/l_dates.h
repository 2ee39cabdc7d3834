/* l_dates: the Lua face of dates.c, opened as lede.core.dates. */
#ifndef LEDE_L_DATES_H
#define LEDE_L_DATES_H

#include <lua.h>

/* Pushes the table { parse = function }. See l_dates.c for parse(). */
int lede_open_dates(lua_State *L);

#endif
