/* The little file-system access the CLI needs and plain Lua lacks. */
#ifndef LEDE_L_FS_H
#define LEDE_L_FS_H

#include <lua.h>

int lfs_listdir(lua_State *L);   /* listdir(path) -> sorted names, or nil, message */
int lfs_filetype(lua_State *L);  /* filetype(path) -> "file"|"directory"|"other", or nil, message */

#endif
