-- Load cost of the FiveFilters site configs: the directory index, reading and
-- parsing every file, turning every file into a filter (global.txt merged,
-- XPaths checked), and the full check `lede filters check-ftr` makes.
--
-- usage: lua5.4 tests/bench/ftr_load.lua [FTR_DIR] [BUILD_DIR]
-- FTR_DIR defaults to ../shared/ftr-site-config, BUILD_DIR to build-bench.
-- CPU time (os.clock), each phase from a cold cache of lede.ftr_site.
local src = os.getenv("LEDE_SOURCE_DIR") or "."
local dir = arg[1] or (src .. "/../shared/ftr-site-config")
local build = arg[2] or os.getenv("LEDE_BENCH_BUILD") or (src .. "/build-bench")
package.cpath = build .. "/?.so;" .. package.cpath
package.path = src .. "/lua/?.lua;" .. src .. "/lua/?/init.lua;" .. package.path
local site = require "lede.ftr_site"

local function timed(label, f)
  site.reset()
  local t0 = os.clock()
  local n = f()
  local ms = (os.clock() - t0) * 1000
  print(string.format("%-44s %8.1f ms  (%d files, %.3f ms a file)", label, ms, n, ms / math.max(n, 1)))
end

timed("index (one directory listing)", function() return site.index(dir).count end)
timed("read + parse every file", function()
  local n = 0
  for _, name in ipairs(site.index(dir).names) do site.load(dir .. "/" .. name); n = n + 1 end
  return n
end)
timed("read + parse + filter for every file", function()
  local n = 0
  for _, name in ipairs(site.index(dir).names) do
    if name ~= "global.txt" then site.filter(dir, site.load(dir .. "/" .. name)); n = n + 1 end
  end
  return n
end)
timed("check-ftr (every XPath of every file)", function() return #site.check(dir) end)
