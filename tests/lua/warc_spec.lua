-- WARC input: lede.core.warc_records and the `lede` command on WARC files.
local t = require "spec"
local core = require "lede.core"
local json = require "lede.json"

local EXE = os.getenv("LEDE_EXE") or (t.source_dir .. "/build/bin/lede")
local SEED = t.read(t.source_dir .. "/examples/pages/omanobserver-1101124.html")
local TMP = os.tmpname()

local sh_quote = t.sh_quote

-- Runs lede with arguments; returns stdout, stderr and the exit code.
local function run(args)
  return t.run_program({ EXE, table.unpack(args) })
end

local function lines(s)
  local r = {}
  for line in s:gmatch("[^\n]+") do r[#r + 1] = line end
  return r
end

local function write(path, data)
  local f = assert(io.open(path, "wb"))
  f:write(data)
  f:close()
  return path
end

-- One WARC record; headers is a list of "Name: value" lines.
local function record(headers, block)
  return "WARC/1.0\r\n" .. table.concat(headers, "\r\n") .. "\r\nContent-Length: " .. #block
    .. "\r\n\r\n" .. block .. "\r\n\r\n"
end

local function response(id, uri, http_head, body)
  return record({ "WARC-Type: response", "WARC-Target-URI: " .. uri,
    "WARC-Record-ID: <urn:uuid:" .. id .. ">", "WARC-Date: 2019-01-10T10:00:00Z",
    "Content-Type: application/http; msgtype=response" },
    http_head:gsub("\n", "\r\n") .. "\r\n\r\n" .. body)
end

local URL = "https://www.omanobserver.om/article/1101124/world/x"
local HTML_OK = "HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8"
local XHTML_OK = "HTTP/1.1 200 OK\nContent-Type: application/xhtml+xml"

-- warcinfo, a request, an HTML page, an image, a 404 page, another HTML page.
local function sample_warc()
  return record({ "WARC-Type: warcinfo", "WARC-Record-ID: <urn:uuid:info>",
      "Content-Type: application/warc-fields" }, "software: lede test\r\n")
    .. record({ "WARC-Type: request", "WARC-Target-URI: " .. URL, "WARC-Record-ID: <urn:uuid:req>",
      "Content-Type: application/http; msgtype=request" }, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    .. response("one", URL, HTML_OK, SEED)
    .. response("img", "http://example.com/a.png", "HTTP/1.1 200 OK\nContent-Type: image/png",
      "\137PNG")
    .. response("gone", "http://example.com/gone", "HTTP/1.1 404 Not Found\nContent-Type: text/html",
      "<p>no</p>")
    .. response("two", "http://example.com/two", XHTML_OK, SEED)
end

t.test("warc_records yields one table per record with the WARC and HTTP fields", function()
  local path = write(TMP .. ".warc", sample_warc())
  local recs = {}
  for rec in core.warc_records(path) do recs[#recs + 1] = rec end
  t.eq(6, #recs)
  t.eq("warcinfo", recs[1].type)
  t.eq(0, recs[1].offset)
  t.eq(nil, recs[1].status)
  t.eq("software: lede test\r\n", recs[1].body)
  local page = recs[3]
  t.eq("response", page.type)
  t.eq(URL, page.uri)
  t.eq("<urn:uuid:one>", page.id)
  t.eq("2019-01-10T10:00:00Z", page.date)
  t.eq(200, page.status)
  t.eq("text/html", page.content_type)
  t.eq("utf-8", page.charset)
  t.eq(SEED, page.body)
  t.eq(404, recs[5].status)
  t.eq(nil, recs[6].charset)
  os.remove(path)
end)

t.test("warc_records refuses a record over max_record and goes on", function()
  local path = write(TMP .. ".warc", sample_warc())
  local ids, errors = {}, 0
  for rec in core.warc_records(path, 1000) do
    ids[#ids + 1] = rec.id
    if rec.error then
      errors = errors + 1
      t.contains(rec.error, "over the maximum of 1000 bytes")
      t.eq(nil, rec.body)
      t.eq(200, rec.status)
    end
  end
  t.eq(2, errors)
  t.eq(6, #ids)
  os.remove(path)
end)

t.test("warc_records on a truncated file yields the records before and one error", function()
  local data = sample_warc()
  local path = write(TMP .. ".warc", data:sub(1, #data - 500))
  local recs = {}
  for rec in core.warc_records(path) do recs[#recs + 1] = rec end
  t.eq(6, #recs)
  t.eq("<urn:uuid:gone>", recs[5].id)
  local cut = #data - #response("two", "http://example.com/two", XHTML_OK, SEED)
  t.eq({ error = "truncated record at offset " .. cut, offset = cut }, recs[6])
  os.remove(path)
end)

t.test("warc_records on a missing file yields one error", function()
  local recs = {}
  for rec in core.warc_records("/nonexistent/a.warc") do recs[#recs + 1] = rec end
  t.eq(1, #recs)
  t.eq("/nonexistent/a.warc: No such file or directory", recs[1].error)
end)

t.test("breaking out of the loop closes the reader; so does the collector", function()
  local path = write(TMP .. ".warc", sample_warc())
  local iter, state, init, closing = core.warc_records(path)
  t.eq(state, closing)
  for rec in iter, state, init, closing do
    if rec.type == "request" then break end
  end
  t.eq(nil, iter(state), "the reader was closed by break")
  iter, state = core.warc_records(path)
  t.eq("warcinfo", iter(state).type)
  iter, state = nil, nil
  collectgarbage()
  collectgarbage()
  os.remove(path)
end)

t.test("lede FILE.warc prints one JSON line per HTML response with status 200", function()
  local path = write(TMP .. ".warc", sample_warc())
  local out, err, code = run { path }
  t.eq(0, code)
  t.eq("", err)
  local recs = lines(out)
  t.eq(2, #recs)
  local a = json.decode(recs[1])
  t.eq(path .. "#<urn:uuid:one>", a.source)
  t.eq(URL, a.url)
  t.eq("www.omanobserver.om", a.host)
  t.eq("S Korea, China urge concessions to end US-North Korea standoff", a.title)
  local b = json.decode(recs[2])
  t.eq(path .. "#<urn:uuid:two>", b.source)
  t.eq("http://example.com/two", b.url)
  os.remove(path)
end)

t.test("a truncated WARC gives its articles, an error record for the file and exit 1", function()
  local data = sample_warc()
  local path = write(TMP .. ".warc", data:sub(1, #data - 500))
  local out, err, code = run { path }
  t.eq(1, code)
  local recs = lines(out)
  t.eq(2, #recs)
  t.eq(path .. "#<urn:uuid:one>", json.decode(recs[1]).source)
  local e = json.decode(recs[2])
  t.eq(path, e.source)
  t.contains(e.error, "truncated record at offset ")
  t.contains(err, "lede: " .. path .. ": truncated record at offset ")
  os.remove(path)
end)

t.test("a WARC page that has no article gives an error record named by its record id", function()
  local path = write(TMP .. ".warc",
    response("empty", "http://example.com/e", HTML_OK, "<html><body></body></html>"))
  local out, _, code = run { path }
  t.eq(1, code)
  t.eq({ source = path .. "#<urn:uuid:empty>", error = "no article found" }, json.decode(out))
  os.remove(path)
end)

t.test("the HTTP charset decodes the page", function()
  local privet = "\xF0\xD2\xC9\xD7\xC5\xD4 \xCD\xC9\xD2. "  -- "Привет мир. " in KOI8-R
  local page = "<html><body><article><h1>T</h1><p>" .. privet:rep(60) .. "</p><p>"
    .. privet:rep(60) .. "</p></article></body></html>"
  local path = write(TMP .. ".warc",
    response("koi", "http://example.com/k", "HTTP/1.1 200 OK\nContent-Type: text/html; charset=KOI8-R", page))
  local out = run { path }
  t.contains(json.decode(out).text, "Привет мир.")
  os.remove(path)
end)

t.test("directories are walked for WARC files; --progress reports pages and skipped records", function()
  local dir = TMP .. ".d"
  assert(os.execute("mkdir -p " .. sh_quote(dir)))
  local path = write(dir .. "/a.warc", sample_warc())
  local out, err, code = run { "--progress", dir }
  t.eq(0, code)
  t.eq(2, #lines(out))
  t.contains(err, "lede: " .. path .. ": 2 pages, 0 failed, 4 other records skipped")
  os.remove(path)
  os.remove(dir)
end)

-- The sample files in ../shared/warc/ (see PROVENANCE.md there).
local function shared_warc()
  return (t.need_shared("warc/PROVENANCE.md"):gsub("PROVENANCE%.md$", ""))
end

local function count(path)
  local n, errors, last = 0, 0, nil
  for rec in core.warc_records(path) do
    n = n + 1
    if rec.error then errors = errors + 1; last = rec end
  end
  return n, errors, last
end

t.test("samples: every record of the Common Crawl, ClueWeb and block-sized files is read", function()
  local dir = shared_warc()
  t.eq({ 50, 0 }, { count(dir .. "warcfile.warc.gz") })
  t.eq({ 30, 0 }, { count(dir .. "clueweb-quirk.warc.gz") })
  t.eq({ 3, 0 }, { count(dir .. "block-sized-records.warc.gz") })
  local responses = 0
  for rec in core.warc_records(dir .. "clueweb-quirk.warc.gz") do
    if rec.type == "response" then
      responses = responses + 1
      t.eq(200, rec.status)   -- LF-only HTTP heads
      t.eq("EUC-JP", rec.charset)
    end
  end
  t.eq(29, responses)
end)

t.test("samples: lede gives one line per HTML response and exits 0", function()
  local dir = shared_warc()
  for name, want in pairs { ["warcfile.warc.gz"] = 16, ["clueweb-quirk.warc.gz"] = 29,
                            ["block-sized-records.warc.gz"] = 0 } do
    local out, _, code = run { dir .. name }
    t.eq(want, #lines(out), name)
    t.eq(0, code, name)
    for _, line in ipairs(lines(out)) do
      t.ok(json.decode(line).source:find(dir .. name .. "#<urn:uuid:", 1, true), name)
    end
  end
end)

t.test("samples: the clipped file reports the truncation and keeps the records before it", function()
  local dir = shared_warc()
  t.eq({ 1, 1, { error = "truncated record at offset 0", offset = 0 } }, { count(dir .. "clipped.warc.gz") })
  -- the clipped record after the 50 records of another file (gzip members concatenate)
  local path = write(TMP .. ".warc.gz", t.read(dir .. "warcfile.warc.gz") .. t.read(dir .. "clipped.warc.gz"))
  local n, errors, last = count(path)
  t.eq({ 51, 1 }, { n, errors })
  t.eq("truncated record at offset 550336", last.error)
  local out, err, code = run { path }
  local recs = lines(out)
  t.eq(1, code)
  t.eq(17, #recs)
  t.eq({ source = path, error = "truncated record at offset 550336" }, json.decode(recs[17]))
  t.contains(err, "truncated record at offset 550336")
  os.remove(path)
end)

os.remove(TMP)
os.remove(TMP .. ".err")
