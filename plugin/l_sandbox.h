/* Bounded calls for untrusted filter code: an instruction budget and a
 * memory budget around one protected call. */
#ifndef LEDE_L_SANDBOX_H
#define LEDE_L_SANDBOX_H

#include <lua.h>

/* lede.core.bounded_call(limits, f, ...) -> true, results... | false, message
 * limits = { instructions = N, memory = BYTES }; either may be absent. */
int lsandbox_bounded_call(lua_State *L);

#endif
