-- examples/embed/headline.c: a C program that embeds Lua and requires lede.
local t = require "spec"

local EXE = os.getenv("LEDE_EMBED_EXAMPLE") or (t.source_dir .. "/build/bin/lede-embed-example")
local BUILD = os.getenv("LEDE_BUILD_DIR") or (t.source_dir .. "/build")
local SEED = t.source_dir .. "/examples/pages/omanobserver-1101124.html"

local sh_quote = t.sh_quote

local function run(args)
  local src = t.source_dir
  local env = "LUA_PATH=" .. sh_quote(src .. "/lua/?.lua;" .. src .. "/lua/?/init.lua;;")
    .. " LUA_CPATH=" .. sh_quote(BUILD .. "/?.so;;")
  -- a sanitized module needs the sanitizer runtimes when the host is not sanitized
  local preload = os.getenv("LEDE_SANITIZER_PRELOAD")
  if preload and preload ~= "" then env = env .. " LD_PRELOAD=" .. sh_quote(preload) end
  local out, _, code = t.run_program({ EXE, table.unpack(args) }, { env = env, stderr = "out" })
  return out, code
end

t.test("a C program extracts the seed page through require 'lede'", function()
  local out, code = run { SEED }
  t.eq(0, code, out)
  t.contains(out, "title: S Korea, China urge concessions to end US-North Korea standoff")
  t.contains(out, "published: 2019-01-10T20:05:00+04:00")
  t.contains(out, "wire: Reuters")
end)

t.test("a missing file and a page with no article are reported, and the exit status says so", function()
  local empty = os.tmpname()
  local f = assert(io.open(empty, "wb"))
  f:write("<html><body></body></html>")
  f:close()
  local out, code = run { "/nonexistent/page.html", empty, SEED }
  os.remove(empty)
  t.eq(1, code)
  t.contains(out, "/nonexistent/page.html: cannot open")
  t.contains(out, "no article found")
  t.contains(out, "wire: Reuters", "the good page after the bad ones is still extracted")
end)
