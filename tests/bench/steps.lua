-- Per-step time of the extraction steps on the corpus: the Lua steps of
-- lede.pipeline (clean, body, prune) against the same steps made by
-- lede.core.blocks (C decisions, Lua removing the marked nodes), and parsing.
--
-- usage: lua5.4 tests/bench/steps.lua [BUILD_DIR [REPEAT [CORPUS_DIR]]]
-- Run from the root of the checkout. BUILD_DIR (default build-bench, else
-- $LEDE_BENCH_BUILD) holds lede/core.so; build it Release for meaningful numbers.
-- REPEAT (default 3) runs the whole corpus that many times and keeps each step's
-- best total. Times are os.clock() (process CPU) seconds summed over all pages;
-- reading files is not timed. Also checks that both paths chose the same body
-- and left the same text, and says on how many pages they did.
local src = os.getenv("LEDE_SOURCE_DIR") or "."
local build = arg[1] or os.getenv("LEDE_BENCH_BUILD") or (src .. "/build-bench")
local repeat_n = tonumber(arg[2] or "3")
local corpus = arg[3] or os.getenv("LEDE_CORPUS") or (src .. "/../shared/corpus")
package.cpath = build .. "/?.so;" .. package.cpath
package.path = src .. "/lua/?.lua;" .. src .. "/lua/?/init.lua;" .. package.path

local cjson = require "cjson"
local core = require "lede.core"
local boilerplate = require "lede.boilerplate"
local pipeline = require "lede.pipeline"
local reference = pipeline.reference or pipeline  -- the Lua steps, kept when pipeline runs on C

-- The glue recommended for pipeline.lua, kept here so the C column pays for it.
local BLOCKS = core.blocks.config(boilerplate)
local LATE = { ["boilerplate line"] = true, ["link-dense block"] = true }

local function remove_marked(ctx, node, reason)
  if ctx.protect then
    if node:removed() or ctx.protect(node, reason) then return false end
  end
  node:remove()
  return true
end

local C = {}

function C.clean(ctx)
  if not ctx.protect and not ctx.trace then
    BLOCKS:clean_marks(ctx.doc, { apply = true })  -- nothing to ask about each node: C removes them
    return
  end
  for _, m in ipairs(BLOCKS:clean_marks(ctx.doc, { nested = ctx.protect ~= nil })) do
    remove_marked(ctx, m[1], m[2])
  end
end

function C.body(ctx)
  local node, rule = BLOCKS:best_body(ctx.doc,
    { selectors = pipeline.body_selectors, min_chars = pipeline.min_body_chars })
  if not node then
    node, rule = ctx.doc:body(), "whole page"
    ctx.warnings[#ctx.warnings + 1] = "no article body found; the whole page was used"
  end
  ctx.body, ctx.body_rule = node, rule
end

function C.prune(ctx)
  local body = ctx.body
  if not body then return end
  local r = BLOCKS:prune_marks(body, { nested = ctx.protect ~= nil })
  if r.guard_tripped then
    ctx.warnings[#ctx.warnings + 1] = string.format(
      "class names would remove %d%% of the body; class-based pruning skipped", r.marked_chars * 100 // r.total)
  end
  for _, m in ipairs(r.remove) do
    if not LATE[m[2]] then remove_marked(ctx, m[1], m[2]) end
  end
  ctx.captions = ctx.captions or {}
  for _, cap in ipairs(r.captions) do
    if not cap:removed() then
      local t = cap:text()
      if t ~= "" then ctx.captions[#ctx.captions + 1] = t end
      cap:remove()
    end
  end
  for _, m in ipairs(r.remove) do
    if LATE[m[2]] then remove_marked(ctx, m[1], m[2]) end
  end
end

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
    pages[#pages + 1] = { id = e.id, html = read(corpus .. "/" .. e.html),
      url = e.base_url ~= cjson.null and e.base_url or nil }
  end
end

local STEPS = { "clean", "body", "prune" }

-- One pass over the corpus with `impl`; returns per-step seconds and, per page,
-- the body's path and the final text.
local function pass(impl)
  local t = { parse = 0, clean = 0, body = 0, prune = 0 }
  local out = {}
  for i, p in ipairs(pages) do
    local t0 = os.clock()
    local doc = assert(core.parse(p.html, { url = p.url }))
    t.parse = t.parse + os.clock() - t0
    local ctx = { doc = doc, warnings = {}, opts = {}, article = {}, url = p.url }
    for _, step in ipairs(STEPS) do
      t0 = os.clock()
      impl[step](ctx)
      t[step] = t[step] + os.clock() - t0
    end
    out[i] = { path = ctx.body and ctx.body:path() or "", rule = ctx.body_rule,
      text = ctx.body and ctx.body:text() or "", captions = table.concat(ctx.captions or {}, "\1") }
    doc:close()
  end
  return t, out
end

local best = { lua = {}, c = {} }
local results = {}
for _ = 1, repeat_n do
  for _, which in ipairs { "lua", "c" } do
    local t, out = pass(which == "lua" and reference or C)
    results[which] = out
    for k, v in pairs(t) do
      if not best[which][k] or v < best[which][k] then best[which][k] = v end
    end
  end
end

local same_body, same_text = 0, 0
local differ = {}
for i, p in ipairs(pages) do
  local a, b = results.lua[i], results.c[i]
  if a.path == b.path and a.rule == b.rule then same_body = same_body + 1 end
  if a.text == b.text and a.captions == b.captions then same_text = same_text + 1
  else differ[#differ + 1] = p.id end
end

local function row(name, lua_s, c_s)
  print(string.format("| %-6s | %8.3f | %8.3f | %6.1fx |", name, lua_s, c_s, c_s > 0 and lua_s / c_s or 0))
end
print(string.format("%d pages, best of %d runs, CPU seconds summed over the corpus", #pages, repeat_n))
print("| step   |  Lua (s) |    C (s) | faster |")
print("|--------|----------|----------|--------|")
local lt, ct = 0, 0
for _, step in ipairs(STEPS) do
  row(step, best.lua[step], best.c[step])
  lt, ct = lt + best.lua[step], ct + best.c[step]
end
row("steps", lt, ct)
print(string.format("| parse  | %8.3f | %8.3f |        |", best.lua.parse, best.c.parse))
print(string.format("same body on %d/%d pages; same text and captions on %d/%d", same_body, #pages, same_text, #pages))
for _, id in ipairs(differ) do print("  text differs: " .. id) end
