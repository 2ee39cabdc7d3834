-- What the shipped filter files add: per filter, the benchmark's misses on the
-- pages it matched, with the filter and with the generic extractor alone.
--
-- usage: tests/bench/filters-compare   (runs the two benchmarks, then this)
--        lua5.4 tests/bench/filters_compare.lua WITH_DIR WITHOUT_DIR
-- WITH_DIR, WITHOUT_DIR: output folders of `tests/bench/run --only lede` with
-- filters and with LEDE_BENCH_FILTERS=none. A miss is a line of
-- lede-misses.tsv (a metric the page carries and lede failed).
local cjson = require "cjson"

local with_dir, without_dir = arg[1], arg[2]
if not with_dir or not without_dir then
  io.stderr:write("usage: lua5.4 filters_compare.lua WITH_DIR WITHOUT_DIR\n")
  os.exit(2)
end

-- page id -> filter name, from the run with filters
local function filters_of(dir)
  local by_page = {}
  for line in io.lines(dir .. "/lede.jsonl") do
    local r = cjson.decode(line)
    if type(r.filter) == "string" and r.filter ~= "default" then by_page[r.id] = r.filter end
  end
  return by_page
end

-- page id -> { metric = true, ... }
local function misses_of(dir)
  local by_page, first = {}, true
  for line in io.lines(dir .. "/lede-misses.tsv") do
    if first then first = false
    else
      local id, metric = line:match("^([^\t]+)\t([^\t]+)")
      if id then
        by_page[id] = by_page[id] or {}
        by_page[id][metric] = true
      end
    end
  end
  return by_page
end

local function list(set)
  local out = {}
  for k in pairs(set or {}) do out[#out + 1] = k end
  table.sort(out)
  return #out > 0 and table.concat(out, ", ") or "—"
end

local filter_of = filters_of(with_dir)
local with, without = misses_of(with_dir), misses_of(without_dir)
local pages_by_filter, names = {}, {}
for id, f in pairs(filter_of) do
  if not pages_by_filter[f] then pages_by_filter[f] = {}; names[#names + 1] = f end
  table.insert(pages_by_filter[f], id)
end
table.sort(names)

print("| filter | page | misses without the filter | misses with it |")
print("| --- | --- | --- | --- |")
local total_without, total_with = 0, 0
for _, f in ipairs(names) do
  table.sort(pages_by_filter[f])
  for _, id in ipairs(pages_by_filter[f]) do
    local a, b = list(without[id]), list(with[id])
    for _ in pairs(without[id] or {}) do total_without = total_without + 1 end
    for _ in pairs(with[id] or {}) do total_with = total_with + 1 end
    print(string.format("| %s | %s | %s | %s |", f, id, a, b))
  end
end
print(string.format("\n%d filters on %d corpus pages: %d misses without the filters, %d with them.",
  #names, (function() local n = 0; for _ in pairs(filter_of) do n = n + 1 end; return n end)(),
  total_without, total_with))
