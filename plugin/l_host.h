/* Running a Lua script with lede.core preloaded: shared by the `lede`
 * executable and the test host. */
#ifndef LEDE_L_HOST_H
#define LEDE_L_HOST_H

typedef struct {
  const char *script;       /* the Lua file to run */
  const char *lua_path;     /* prepended to package.path ("dir/?.lua;dir/?/init.lua;...") */
  const char *filter_dir;   /* installed filters/, exposed as lede.config.filter_dir */
} lede_host_options;

/* Runs the script with arg[0] = script and arg[1..] = argv[1..argc-1]. The
 * script's integer return value is the exit status; an error prints a
 * traceback and gives 1. */
int lede_host_main(int argc, char **argv, const lede_host_options *opt);

#endif
