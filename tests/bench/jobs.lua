-- Writes the job lists for one benchmark run.
--
-- usage: lua5.4 tests/bench/jobs.lua CORPUS_DIR OUT_DIR [--quick]
-- OUT_DIR/jobs.jsonl           {id, path, url} for every page (or the quick subset)
-- OUT_DIR/jobs-postlight.jsonl  the same, but pages of the postlight source get the
--                              URL http://fakehost/test/page.html, so Postlight Parser
--                              runs its generic extractor on its own fixtures
-- OUT_DIR/jobs-quick.jsonl     the quick subset, always written (used when jsdom
--                              must fall back to it)
-- OUT_DIR/floor.tsv            "id<TAB>path" lines for lede-floor
-- The URL is the page's own (`url`), readability's `base_url`, or the fake URL when the
-- corpus records none. The quick subset is fixed: QUICK_PER_SOURCE pages per source,
-- evenly spaced over the pages sorted by id.
local cjson = require "cjson"

local FAKE_URL = "http://fakehost/test/page.html"
local QUICK_PER_SOURCE = 10
local SOURCES = { "readability", "postlight", "trafilatura", "htmldate" }

local corpus, out_dir, quick = arg[1], arg[2], arg[3] == "--quick"
if not corpus or not out_dir then
  io.stderr:write("usage: lua5.4 jobs.lua CORPUS_DIR OUT_DIR [--quick]\n")
  os.exit(2)
end

local function str(v) return type(v) == "string" and v or nil end

local by_source, all = {}, {}
for line in io.lines(corpus .. "/expect.jsonl") do
  if line:find("%S") then
    local rec = cjson.decode(line)
    local job = { id = rec.id, source = rec.source, path = corpus .. "/" .. rec.html,
                  url = str(rec.url) or str(rec.base_url) or FAKE_URL }
    all[#all + 1] = job
    by_source[rec.source] = by_source[rec.source] or {}
    table.insert(by_source[rec.source], job)
  end
end
table.sort(all, function(a, b) return a.id < b.id end)

local function quick_subset()
  local picked = {}
  for _, src in ipairs(SOURCES) do
    local list = by_source[src] or {}
    table.sort(list, function(a, b) return a.id < b.id end)
    local n = math.min(QUICK_PER_SOURCE, #list)
    for i = 0, n - 1 do
      picked[#picked + 1] = list[1 + (i * #list) // n]
    end
  end
  table.sort(picked, function(a, b) return a.id < b.id end)
  return picked
end

local function write_jobs(path, list, fake_for_postlight)
  local f = assert(io.open(path, "wb"))
  for _, j in ipairs(list) do
    local url = (fake_for_postlight and j.source == "postlight") and FAKE_URL or j.url
    f:write(cjson.encode({ id = j.id, path = j.path, url = url }), "\n")
  end
  f:close()
end

local qlist = quick_subset()
local list = quick and qlist or all
write_jobs(out_dir .. "/jobs.jsonl", list, false)
write_jobs(out_dir .. "/jobs-postlight.jsonl", list, true)
write_jobs(out_dir .. "/jobs-quick.jsonl", qlist, false)
local f = assert(io.open(out_dir .. "/floor.tsv", "wb"))
for _, j in ipairs(list) do f:write(j.id, "\t", j.path, "\n") end
f:close()
print(#list)
