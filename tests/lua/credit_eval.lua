-- Scores lede's credits on the labelled set tests/fixtures/credits/cases.jsonl,
-- per kind of credit: precision and recall of datelines, closing (and opening)
-- credits, byline credits and roles, and the syndicated flag.
local cjson = require "cjson"
local lede = require "lede"
local pipeline = require "lede.pipeline"
local credits = require "lede.credits"

local M = {}

local function null(v) if v == cjson.null then return nil end return v end

-- Runs the body through the same prune and render steps as a page, then credits.
function M.run_case(case, policy)
  local doc = assert(lede.parse("<html><body><article>" .. case.body .. "</article></body></html>"))
  local article = { warnings = {} }
  local ctx = { doc = doc, article = article, warnings = article.warnings, opts = { wire = policy },
    body = doc:select("article")[1], byline_text = null(case.byline) }
  pipeline.prune(ctx)
  pipeline.render(ctx)
  credits.apply(article, ctx)
  doc:close()
  return article
end

local function counter() return { tp = 0, fp = 0, fn = 0, misses = {} } end

local function bag(list, key_of)
  local b = {}
  for _, x in ipairs(list or {}) do
    local k = key_of(x)
    b[k] = (b[k] or 0) + 1
  end
  return b
end

-- Adds true/false positives of two bags to counter c.
local function compare_bags(c, got, want, id)
  for k, n in pairs(want) do
    local hit = math.min(n, got[k] or 0)
    c.tp = c.tp + hit
    if n > hit then c.fn = c.fn + n - hit; c.misses[#c.misses + 1] = id .. " missed " .. k end
  end
  for k, n in pairs(got) do
    local extra = n - math.min(n, want[k] or 0)
    if extra > 0 then c.fp = c.fp + extra; c.misses[#c.misses + 1] = id .. " false " .. k end
  end
end

local function dateline_key(d)
  if not d then return nil end
  return string.format("%s|%s|%s", d.text, table.concat(d.places or {}, "/"), tostring(null(d.agency)))
end

local function wire_of(list, wheres)
  local r = {}
  for _, w in ipairs(list or {}) do
    if wheres[w.where] then r[#r + 1] = w end
  end
  return r
end

function M.score(cases_path)
  local kinds = { dateline = counter(), closing = counter(), byline = counter(),
    roles = counter(), syndicated = counter() }
  local n = 0
  for line in io.lines(cases_path) do
    local case = cjson.decode(line)
    local want, got = case.expect, M.run_case(case)
    n = n + 1
    local wd, gd = dateline_key(null(want.dateline)), dateline_key(got.dateline)
    local dc = kinds.dateline
    if wd and gd == wd then dc.tp = dc.tp + 1
    else
      if wd then dc.fn = dc.fn + 1; dc.misses[#dc.misses + 1] = case.id .. " missed " .. wd end
      if gd then dc.fp = dc.fp + 1; dc.misses[#dc.misses + 1] = case.id .. " false " .. gd end
    end
    local key = function(w) return w.agency .. "@" .. w.where end
    compare_bags(kinds.closing, bag(wire_of(got.wire, { ["end"] = true, start = true }), key),
      bag(wire_of(want.wire, { ["end"] = true, start = true }), key), case.id)
    compare_bags(kinds.byline, bag(wire_of(got.wire, { byline = true }), key),
      bag(wire_of(want.wire, { byline = true }), key), case.id)
    local akey = function(a) return a.name .. "/" .. a.role end
    compare_bags(kinds.roles, bag(got.authors, akey), bag(want.authors, akey), case.id)
    local ws, gs = null(want.syndicated), got.syndicated and got.syndicated.agency
    compare_bags(kinds.syndicated, gs and { [gs] = 1 } or {}, ws and { [ws] = 1 } or {}, case.id)
  end
  for _, c in pairs(kinds) do
    c.precision = (c.tp + c.fp) > 0 and c.tp / (c.tp + c.fp) or 1
    c.recall = (c.tp + c.fn) > 0 and c.tp / (c.tp + c.fn) or 1
  end
  return kinds, n
end

M.ORDER = { "dateline", "closing", "byline", "roles", "syndicated" }

function M.table(kinds, n)
  local out = { string.format("credits on %d labelled cases", n),
    "| kind | tp | fp | fn | precision | recall |", "|---|---:|---:|---:|---:|---:|" }
  for _, k in ipairs(M.ORDER) do
    local c = kinds[k]
    out[#out + 1] = string.format("| %s | %d | %d | %d | %.3f | %.3f |", k, c.tp, c.fp, c.fn,
      c.precision, c.recall)
  end
  return table.concat(out, "\n")
end

return M
