-- examples/pandoc/lede-reader.lua, run by a real pandoc when one is installed.
local t = require "spec"

local EXE = os.getenv("LEDE_EXE") or (t.source_dir .. "/build/bin/lede")
local SEED = t.source_dir .. "/examples/pages/omanobserver-1101124.html"
local READER = t.source_dir .. "/examples/pandoc/lede-reader.lua"

local sh_quote = t.sh_quote

local function have_pandoc()
  local p = io.popen("command -v pandoc 2>/dev/null")
  local path = p:read("l")
  p:close()
  return path ~= nil and path ~= ""
end

-- pandoc with the lede reader on `page`; returns its output and exit code.
local function pandoc(page, to)
  local out, _, code = t.run_program({ "pandoc", "-f", READER, "-t", to, "-s", page },
    { env = "LEDE=" .. sh_quote(EXE) })
  return out, code
end

t.test("pandoc reads the seed page's article and metadata through the reader", function()
  if not have_pandoc() then t.skip("pandoc is not installed (apt-get install pandoc)") end
  local out, code = pandoc(SEED, "markdown")
  t.eq(0, code)
  t.contains(out, "title: S Korea, China urge concessions to end US-North Korea standoff")
  t.contains(out, 'date: "2019-01-10T20:05:00+04:00"')
  t.contains(out, "wire: Reuters")
  t.contains(out, "SEOUL/SHANGHAI: China and South Korea called for concessions")
  t.excludes(out, "# S Korea", "the <h1> is not repeated in the body")
  t.excludes(out, "SHARE ARTICLE")
  t.excludes(out, "minus")
end)

t.test("a page with no article makes pandoc fail, not write an empty document", function()
  if not have_pandoc() then t.skip("pandoc is not installed (apt-get install pandoc)") end
  local empty = os.tmpname()
  local f = assert(io.open(empty, "wb"))
  f:write("<html><head><title>Nothing here</title></head><body></body></html>")
  f:close()
  local out, code = pandoc(empty, "markdown")
  os.remove(empty)
  t.ok(code ~= 0, "pandoc exits non-zero")
  t.eq("", out)
end)
