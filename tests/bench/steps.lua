-- Per-step CPU time of an extraction over the corpus: parse, the pipeline
-- steps (clean, body, prune, render) and metadata, summed over all pages.
--
-- usage: lua5.4 tests/bench/steps.lua [BUILD_DIR [REPEAT [CORPUS_DIR]]]
-- Run from the root of the checkout. BUILD_DIR (default build-bench, else
-- $LEDE_BENCH_BUILD) holds lede/core.so; build it Release for meaningful
-- numbers. REPEAT (default 3) runs the corpus that many times and keeps each
-- step's best total. Reading files is not timed.
local src = os.getenv("LEDE_SOURCE_DIR") or "."
local build = arg[1] or os.getenv("LEDE_BENCH_BUILD") or (src .. "/build-bench")
local repeat_n = tonumber(arg[2] or "3")
local corpus = arg[3] or os.getenv("LEDE_CORPUS") or (src .. "/../shared/corpus")
package.cpath = build .. "/?.so;" .. package.cpath
package.path = src .. "/lua/?.lua;" .. src .. "/lua/?/init.lua;" .. package.path

local cjson = require "cjson"
local core = require "lede.core"
require "lede.document"  -- Document:meta() and Document:jsonld(), which metadata reads
local pipeline = require "lede.pipeline"
local metadata = require "lede.metadata"

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local pages = {}
for line in io.lines(corpus .. "/expect.jsonl") do
  if line:find("%S") then
    local e = cjson.decode(line)
    pages[#pages + 1] = { html = read(corpus .. "/" .. e.html),
      url = e.base_url ~= cjson.null and e.base_url or nil }
  end
end

local STEPS = { "parse", "metadata", "clean", "body", "prune", "render" }

local function timed(t, name, f)
  local t0 = os.clock()
  f()
  t[name] = (t[name] or 0) + os.clock() - t0
end

local function pass()
  local t = {}
  for _, p in ipairs(pages) do
    local doc
    timed(t, "parse", function() doc = assert(core.parse(p.html, { url = p.url })) end)
    local ctx = { doc = doc, warnings = {}, opts = {}, article = {}, url = p.url }
    timed(t, "metadata", function() metadata.read(doc, ctx) end)
    for _, step in ipairs { "clean", "body", "prune", "render" } do
      timed(t, step, function() pipeline[step](ctx) end)
    end
    doc:close()
  end
  return t
end

local best = {}
for _ = 1, repeat_n do
  for k, v in pairs(pass()) do
    if not best[k] or v < best[k] then best[k] = v end
  end
end

print(string.format("%d pages, best of %d runs, CPU seconds summed over the corpus", #pages, repeat_n))
print("| step     | seconds |")
print("|----------|---------|")
local total = 0
for _, step in ipairs(STEPS) do
  print(string.format("| %-8s | %7.3f |", step, best[step]))
  total = total + best[step]
end
print(string.format("| %-8s | %7.3f |", "all", total))
