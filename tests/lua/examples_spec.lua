-- Runs the shipped examples so they cannot rot.
local t = require "spec"

local SRC = t.source_dir
local BUILD = os.getenv("LEDE_BUILD_DIR") or (SRC .. "/build")
local EXE = os.getenv("LEDE_EXE") or (BUILD .. "/bin/lede")
local LUA = os.getenv("LUA_EXECUTABLE") or "lua5.4"
local SEED = SRC .. "/examples/pages/omanobserver-1101124.html"

local sh_quote = t.sh_quote

local function capture(cmd)
  local p = assert(io.popen(cmd, "r"))
  local out = p:read("a")
  local _, _, code = p:close()
  return out, code
end

t.test("examples/headline.lua prints the title, first paragraph and canonical URL", function()
  local env = string.format("LUA_CPATH=%s LUA_PATH=%s", sh_quote(BUILD .. "/?.so;;"),
    sh_quote(SRC .. "/lua/?.lua;" .. SRC .. "/lua/?/init.lua;;"))
  -- the sanitizer build's module needs its runtime preloaded into lua5.4
  local preload = os.getenv("LEDE_SANITIZER_PRELOAD")
  if preload and preload ~= "" then
    env = env .. " LD_PRELOAD=" .. sh_quote(preload) .. " ASAN_OPTIONS=detect_leaks=0"
  end
  local out, code = capture(env .. " " .. sh_quote(LUA) .. " " .. sh_quote(SRC .. "/examples/headline.lua")
    .. " " .. sh_quote(SEED) .. " https://www.omanobserver.om/article/1101124/world/x 2>&1")
  t.eq(0, code, out)
  -- the URL picks filters/omanobserver.om.lua, whose wire = "field" takes the dateline out (issue 6)
  t.eq(1, out:find("S Korea, China urge concessions to end US-North Korea standoff\nChina and South Korea called", 1, true))
  t.ok(out:find("\n%d+ words\n"), "word count line")
  t.contains(out, "canonical: https://www.omanobserver.om/article/1101124/")
end)

t.test("examples/titles.sh lists the titles of a folder of pages", function()
  local out, code = capture("sh " .. sh_quote(SRC .. "/examples/titles.sh") .. " "
    .. sh_quote(SRC .. "/examples/pages") .. " " .. sh_quote(EXE) .. " 2>&1")
  t.eq(0, code, out)
  t.contains(out, "S Korea, China urge concessions to end US-North Korea standoff\t")
  t.contains(out, "omanobserver-1101124.html\n0 failed\n")
end)
