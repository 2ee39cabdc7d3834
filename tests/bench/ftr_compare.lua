-- What the FiveFilters site configs add: the corpus pages lede extracted with a
-- config (filter "ftr:..."), scored with and without it, side by side.
--
-- usage: tests/bench/ftr   (runs both, then this)
--        lua5.4 tests/bench/ftr_compare.lua CORPUS WITHOUT.jsonl WITH.jsonl [BUILD_DIR]
-- WITHOUT/WITH: lede_runner.lua output without and with LEDE_FTR.
-- The text score of a page is the one its corpus source carries, in [0, 1]:
-- readability pages the token F1 against *.expected.html, trafilatura pages
-- the mean of the share of must_include snippets found and the share of
-- must_exclude snippets kept out, postlight pages 1 when the text starts with
-- body_start (strict token prefix). htmldate pages have no text expectation.
-- The title is right when equal after white space and quote normalisation.
local cjson = require "cjson"

local corpus, without_file, with_file, build = arg[1], arg[2], arg[3], arg[4] or "build-bench"
if not corpus or not without_file or not with_file then
  io.stderr:write("usage: lua5.4 ftr_compare.lua CORPUS WITHOUT.jsonl WITH.jsonl [BUILD_DIR]\n")
  os.exit(2)
end
local src = os.getenv("LEDE_SOURCE_DIR") or "."
package.cpath = build .. "/?.so;" .. package.cpath
package.path = src .. "/lua/?.lua;" .. src .. "/lua/?/init.lua;" .. package.path
local lede = require "lede"

local measure = dofile(src .. "/tests/bench/measure.lua")
local read_file, str, norm_ws = measure.read_file, measure.str, measure.norm_ws
local norm_title = measure.norm_title

local function jsonl(path) return measure.by_id(measure.read_jsonl(path)) end

local ref_cache = {}
local function f1(e, text)
  local ref = ref_cache[e.id]
  if not ref then
    local b, n = measure.bag(measure.html_to_text(lede, read_file(corpus .. "/" .. e.reference_html)))
    ref = { bag = b, n = n }
    ref_cache[e.id] = ref
  end
  return select(3, measure.token_prf(text, ref.bag, ref.n))
end

-- The page's text score in [0, 1], or nil when its source has none.
local function text_score(e, text)
  text = text or ""
  if e.reference_html then return f1(e, text) end
  if type(e.must_include) == "table" or type(e.must_exclude) == "table" then
    local t = norm_ws(text)
    local inc, inc_n, exc, exc_n = 0, 0, 0, 0
    for _, s in ipairs(e.must_include or {}) do
      inc_n = inc_n + 1
      if t:find(norm_ws(s), 1, true) then inc = inc + 1 end
    end
    for _, s in ipairs(e.must_exclude or {}) do
      exc_n = exc_n + 1
      if not t:find(norm_ws(s), 1, true) then exc = exc + 1 end
    end
    local a = inc_n > 0 and inc / inc_n or 1
    local b = exc_n > 0 and exc / exc_n or 1
    return (a + b) / 2
  end
  if str(e.body_start) then
    return measure.body_starts(text, e) and 1 or 0
  end
  return nil
end

local expect = {}
for line in io.lines(corpus .. "/expect.jsonl") do
  if line:find("%S") then local e = cjson.decode(line); expect[e.id] = e end
end
local without, with = jsonl(without_file), jsonl(with_file)

local ids = {}
for id, r in pairs(with) do
  if type(r.filter) == "string" and r.filter:match("^ftr:") and expect[id] then ids[#ids + 1] = id end
end
table.sort(ids)

local function fmt(x) return x and string.format("%.3f", x) or "—" end

-- "stale": the config's body rule matched nothing (its drift warning names the file).
local function body_state(r)
  for _, w in ipairs(type(r.warnings) == "table" and r.warnings or {}) do
    if w:find("rule 'body': matched nothing", 1, true) then return "stale: " .. w:match("^(%S+):") end
    if w:find("the page was extracted with the default filter", 1, true) then return "failed: " .. w:sub(1, 80) end
  end
  return "ok"
end

print("| page | config | text without | text with | title without | title with | body rule |")
print("| --- | --- | --- | --- | --- | --- | --- |")
local n, sum_a, sum_b, scored, title_a, title_b, titled = #ids, 0, 0, 0, 0, 0, 0
local ms_a, ms_b, better, worse, stale = 0, 0, 0, 0, 0
for _, id in ipairs(ids) do
  local e, a, b = expect[id], without[id] or {}, with[id]
  local sa, sb = text_score(e, a.text), text_score(e, b.text)
  if sa and sb then
    scored = scored + 1
    sum_a, sum_b = sum_a + sa, sum_b + sb
    if sb > sa + 1e-9 then better = better + 1 elseif sb < sa - 1e-9 then worse = worse + 1 end
  end
  local ta, tb = "—", "—"
  if str(e.title) then
    titled = titled + 1
    local want = norm_title(e.title)
    ta = norm_title(a.title) == want and "right" or "wrong"
    tb = norm_title(b.title) == want and "right" or "wrong"
    if ta == "right" then title_a = title_a + 1 end
    if tb == "right" then title_b = title_b + 1 end
  end
  ms_a, ms_b = ms_a + (tonumber(a.ms) or 0), ms_b + (tonumber(b.ms) or 0)
  local state = body_state(b)
  if state ~= "ok" then stale = stale + 1 end
  print(string.format("| %s | %s | %s | %s | %s | %s | %s |", id, b.filter:gsub("^ftr:", "") .. ".txt",
    fmt(sa), fmt(sb), ta, tb, state))
end
print()
print(string.format("%d corpus pages have a site config (and no Lua filter); %d carry a text score.", n, scored))
print(string.format("mean text score: %s without the configs, %s with them (%d pages better, %d worse).",
  fmt(scored > 0 and sum_a / scored or nil), fmt(scored > 0 and sum_b / scored or nil), better, worse))
print(string.format("titles right: %d/%d without, %d/%d with.", title_a, titled, title_b, titled))
print(string.format("body rule stale or failed (generic extractor used, warning names the file): %d pages.", stale))
print(string.format("mean extraction time on these pages: %.2f ms without, %.2f ms with.",
  n > 0 and ms_a / n or 0, n > 0 and ms_b / n or 0))
