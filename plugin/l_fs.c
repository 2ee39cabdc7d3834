#include "l_fs.h"

#include <dirent.h>
#include <errno.h>
#include <lauxlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct { DIR *dir; } dirhandle;

static int fs_dir_gc(lua_State *L) {
  dirhandle *h = lua_touserdata(L, 1);
  if (h->dir) closedir(h->dir);
  h->dir = NULL;
  return 0;
}

static int fs_fail(lua_State *L, const char *path) {
  int e = errno;
  luaL_pushfail(L);
  lua_pushfstring(L, "%s: %s", path, strerror(e));
  return 2;
}

int lfs_listdir(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  dirhandle *h = lua_newuserdatauv(L, sizeof *h, 0);  /* closes the DIR if we raise */
  struct dirent *ent;
  lua_Integer i = 0;
  h->dir = NULL;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, fs_dir_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  h->dir = opendir(path);
  if (!h->dir) return fs_fail(L, path);
  lua_newtable(L);
  errno = 0;
  while ((ent = readdir(h->dir)) != NULL) {
    if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0) continue;
    lua_pushstring(L, ent->d_name);
    lua_rawseti(L, -2, ++i);
  }
  closedir(h->dir);
  h->dir = NULL;
  return 1;
}

int lfs_filetype(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  struct stat st;
  if (stat(path, &st) != 0) return fs_fail(L, path);
  if (S_ISREG(st.st_mode)) lua_pushliteral(L, "file");
  else if (S_ISDIR(st.st_mode)) lua_pushliteral(L, "directory");
  else lua_pushliteral(L, "other");
  return 1;
}
