/* lede.core.scan: the agency table compiled for the C scanners. */
#ifndef LEDE_L_SCAN_H
#define LEDE_L_SCAN_H

#include <lua.h>

/* Pushes { compile = f }: compile(list) -> an Agencies object with the methods
 * dateline(text), closing(text), agency_at(text [, init [, allow_short]]) and
 * find(text [, allow_short]). list is lede.agencies' M.list. */
int lede_open_scan(lua_State *L);

#endif
