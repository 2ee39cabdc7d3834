-- lede's benchmark runner: extracts every page of a job list in this one process.
--
-- usage: lua5.4 tests/bench/lede_runner.lua JOBS.jsonl OUT.jsonl [BUILD_DIR]
-- JOBS: JSON lines {id, path, url}. OUT: one JSON line per page,
--   {id, title, byline, authors, published, text, wire, syndicated, dateline, site, host,
--   captions, filter, warnings, ms}
--   or {id, error, ms}. ms is os.clock() time (process CPU time) of lede.extract only;
--   reading the file is not timed. A page that raises is recorded, never fatal.
-- Run from the root of the checkout (or set LEDE_SOURCE_DIR); BUILD_DIR defaults to
-- $LEDE_BENCH_BUILD, else build-bench. LEDE_BENCH_FILTERS=none runs the
-- generic extractor only (no filter files), to score what the filters add.
local src = os.getenv("LEDE_SOURCE_DIR") or "."
local build = arg[3] or os.getenv("LEDE_BENCH_BUILD") or (src .. "/build-bench")
package.cpath = build .. "/?.so;" .. package.cpath
package.path = src .. "/lua/?.lua;" .. src .. "/lua/?/init.lua;" .. package.path

local cjson = require "cjson"
local lede = require "lede"

local no_filters = os.getenv("LEDE_BENCH_FILTERS") == "none"

local jobs_file, out_file = arg[1], arg[2]
if not jobs_file or not out_file then
  io.stderr:write("usage: lua5.4 lede_runner.lua JOBS.jsonl OUT.jsonl [BUILD_DIR]\n")
  os.exit(2)
end

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end

local function str(v)
  if type(v) == "string" then return v end
  return nil
end

-- The first few captions, each cut short: the scorer reads only their start.
local function captions(list)
  local out = {}
  for _, c in ipairs(type(list) == "table" and list or {}) do
    if #out >= 5 then break end
    if type(c) == "string" then out[#out + 1] = c:sub(1, (utf8.offset(c, 301) or #c + 1) - 1) end
  end
  return #out > 0 and out or nil
end

-- Only the fields the scorer reads, in plain JSON-able form; missing ones stay nil.
local function record(id, a, ms)
  local authors, names = {}, {}
  for _, au in ipairs(type(a.authors) == "table" and a.authors or {}) do
    if type(au) == "table" and type(au.name) == "string" then
      authors[#authors + 1] = { name = au.name, role = str(au.role) }
      names[#names + 1] = au.name
    end
  end
  local wire = {}
  for _, w in ipairs(type(a.wire) == "table" and a.wire or {}) do
    if type(w) == "table" and type(w.agency) == "string" then
      wire[#wire + 1] = { agency = w.agency, where = str(w.where), text = str(w.text) }
    end
  end
  local syn = type(a.syndicated) == "table" and str(a.syndicated.agency) or nil
  local dl = type(a.dateline) == "table" and a.dateline or nil
  return {
    id = id, title = str(a.title), text = str(a.text) or "", ms = ms, filter = str(a.filter),
    warnings = type(a.warnings) == "table" and #a.warnings > 0 and a.warnings or nil,
    byline = #names > 0 and table.concat(names, ", ") or nil,
    authors = authors,
    published = str(a.published),
    wire = wire,
    syndicated = syn,
    dateline = dl and { text = str(dl.text), agency = str(dl.agency), place = str(dl.place) } or nil,
    site = str(a.site), host = str(a.host), captions = captions(a.captions),
  }
end

local out = assert(io.open(out_file, "wb"))
for line in io.lines(jobs_file) do
  if line:find("%S") then
    local job = cjson.decode(line)
    local html, rerr = read_file(job.path)
    local rec
    if not html then
      rec = { id = job.id, error = "read: " .. tostring(rerr) }
    else
      local t0 = os.clock()
      local ok, a, err = pcall(lede.extract, html, { url = job.url, no_filters = no_filters })
      local ms = (os.clock() - t0) * 1e3
      if not ok then
        rec = { id = job.id, error = "raised: " .. tostring(a):sub(1, 300), ms = ms }
      elseif not a then
        rec = { id = job.id, error = tostring(err), ms = ms }
      else
        local rok, r = pcall(record, job.id, a, ms)
        rec = rok and r or { id = job.id, error = "record: " .. tostring(r), ms = ms }
      end
    end
    out:write(cjson.encode(rec), "\n")
  end
end
out:close()
