local t = require "spec"
local json = require "lede.json"

local EXE = os.getenv("LEDE_EXE") or (t.source_dir .. "/build/bin/lede")
local SEED = t.source_dir .. "/examples/pages/omanobserver-1101124.html"

local TMP = os.tmpname()

-- Runs lede with arguments; returns stdout, stderr and the exit code.
local function run(args, stdin)
  return t.run_program({ EXE, table.unpack(args) }, { stdin = stdin })
end

local function lines(s)
  local r = {}
  for line in s:gmatch("[^\n]+") do r[#r + 1] = line end
  return r
end

t.test("json.write_line writes what encode gives, a newline after it, slashes unescaped", function()
  local got = {}
  local sink = { write = function(_, s) got[#got + 1] = s end }
  local v = { title = "A/B", authors = {}, url = "https://example.org/a/b", text = "x \\/ y" }
  json.write_line(sink, v)
  t.eq(json.encode(v) .. "\n", table.concat(got))
  t.eq([[{"url":"https://example.org/a/b","title":"A/B","authors":[],"text":"x \\/ y"}]], json.encode(v))
  t.eq(v.text, json.decode(json.encode(v)).text)
end)

t.test("lede PAGE prints one JSON line with the article and exits 0", function()
  local out, _, code = run { SEED }
  t.eq(0, code)
  local recs = lines(out)
  t.eq(1, #recs)
  local a = json.decode(recs[1])
  t.eq(SEED, a.source)
  t.eq("S Korea, China urge concessions to end US-North Korea standoff", a.title)
  t.eq(1, a.text:find("SEOUL/SHANGHAI: China and South Korea called", 1, true))
end)

t.test("a missing file yields an error record, a stderr line and exit 1; the run goes on", function()
  local out, err, code = run { "/nonexistent/page.html", SEED }
  t.eq(1, code)
  local recs = lines(out)
  t.eq(2, #recs)
  local e = json.decode(recs[1])
  t.eq("/nonexistent/page.html", e.source)
  t.contains(e.error, "No such file")
  t.ok(json.decode(recs[2]).title, "the second page still extracted")
  t.contains(err, "lede: /nonexistent/page.html: ")
  t.eq(1, #lines(err), "one line on stderr")
end)

t.test("a page with no article yields an error record", function()
  local f = assert(io.open(TMP .. ".html", "wb"))
  f:write("<html><body></body></html>")
  f:close()
  local out, _, code = run { TMP .. ".html" }
  t.eq(1, code)
  t.eq("no article found", json.decode(lines(out)[1]).error)
  os.remove(TMP .. ".html")
end)

t.test("usage errors exit 2", function()
  local _, err, code = run { "--bogus" }
  t.eq(2, code)
  t.contains(err, "unknown option --bogus")
  _, err, code = run { "--format", "xml", SEED }
  t.eq(2, code)
  t.contains(err, "unknown format 'xml'")
  _, _, code = run { "--format" }
  t.eq(2, code)
  _, err, code = run { "--url", "http://x/", SEED, SEED }
  t.eq(2, code)
  t.contains(err, "--url applies to a single input")
end)

t.test("--help and --version", function()
  local out, _, code = run { "--help" }
  t.eq(0, code)
  t.contains(out, "usage: lede")
  out, _, code = run { "--version" }
  t.eq(0, code)
  t.ok(out:match("^lede %d+%.%d+%.%d+\n$"), "version line: " .. out)
end)

t.test("--format text prints the title and the text", function()
  local out, _, code = run { "--format", "text", SEED }
  t.eq(0, code)
  t.eq(1, out:find("S Korea, China urge concessions to end US-North Korea standoff\n\nSEOUL/SHANGHAI:", 1, true))
end)

t.test("--format markdown prints a heading and the body", function()
  local out, _, code = run { "--format=markdown", SEED }
  t.eq(0, code)
  t.eq(1, out:find("# S Korea, China urge concessions", 1, true))
  t.contains(out, "SEOUL/SHANGHAI:")
end)

t.test("--url sets url and host", function()
  local out = run { "--url", "https://www.omanobserver.om/article/1101124/x", SEED }
  local a = json.decode(out)
  t.eq("www.omanobserver.om", a.host)
end)

t.test("standard input is read for '-' and for no argument", function()
  local out, _, code = run({}, SEED)
  t.eq(0, code)
  t.eq("-", json.decode(out).source)
  out = run({ "-" }, SEED)
  t.eq("-", json.decode(out).source)
end)

t.test("--output writes to a file", function()
  local _, _, code = run { "-o", TMP .. ".jsonl", SEED }
  t.eq(0, code)
  local a = json.decode(t.read(TMP .. ".jsonl"))
  t.ok(a.title)
  os.remove(TMP .. ".jsonl")
end)

t.test("a directory is walked for .html and .htm files in sorted order", function()
  local out, _, code = run { t.source_dir .. "/tests/fixtures/encoding" }
  local recs = lines(out)
  t.eq(9, #recs)
  local first = json.decode(recs[1])
  t.contains(first.source, "/tests/fixtures/encoding/bom-utf8.html")
  t.ok(code == 0 or code == 1, "exit code " .. tostring(code))
end)

t.test("empty arrays print as [] in JSON", function()
  local out = run { SEED }
  t.contains(out, '"warnings":[]')
end)

os.remove(TMP)

t.test("a page without a title gets no empty <h1> in --format html, standalone or not", function()
  local page = "<html><body><article><p>" .. string.rep("The harbour reopened on Monday after repairs. ", 8)
    .. "</p></article></body></html>"
  local file = os.tmpname()
  local f = assert(io.open(file, "wb"))
  f:write(page)
  f:close()
  for _, args in ipairs { { "--format", "html", "-" }, { "--format", "html", "--standalone", "-" } } do
    local out, _, code = run(args, file)
    t.eq(0, code)
    t.excludes(out, "<h1>")
    t.contains(out, "<article>\n<p>The harbour reopened")
  end
  os.remove(file)
end)

t.test("--standalone writes a whole HTML page with the metadata in <head>", function()
  local out, _, code = run { "--format", "html", "--standalone", SEED }
  t.eq(0, code)
  t.contains(out, "<!DOCTYPE html>\n<html lang=\"en\">")
  t.contains(out, "<title>S Korea, China urge concessions to end US-North Korea standoff</title>")
  t.contains(out, '<meta name="date" content="2019-01-10T20:05:00+04:00">')
  t.contains(out, '<meta name="wire" content="Reuters">')
  t.contains(out, '<meta name="dateline" content="SEOUL/SHANGHAI:">')
  t.contains(out, "<article>\n<h1>")
  t.contains(out, "China and South Korea called for concessions")
  t.excludes(out, "SHARE ARTICLE")
  local _, err, bad = run { "--standalone", SEED }
  t.eq(2, bad)
  t.contains(err, "--standalone needs --format html")
end)

t.test("a filter XPath that fails at run time gives a warning, nothing on stderr from libxml2", function()
  local filter = TMP .. "-badxpath.lua"
  local f = assert(io.open(filter, "wb"))
  f:write('return { body = { xpath = "//div[unknown_function()]" } }\n')
  f:close()
  local out, err, code = run { "--filter", filter, SEED }
  os.remove(filter)
  t.eq(0, code)
  t.excludes(err, "xmlXPathCompOpEval")
  t.contains(json.decode(out).warnings[1], "function unknown_function not found")
end)

t.test("--no-tables, --no-links, --no-images and --comments reach the extractor", function()
  local page = os.tmpname() .. ".html"
  local long = string.rep("The minister said on Tuesday that the talks would resume next week. ", 3)
  local f = assert(io.open(page, "wb"))
  f:write("<html><body><article><p>", long, '<a href="/more">More on the talks</a>.</p>',
    '<p><img src="/p.jpg" alt="Delegates">', long, "</p>",
    "<table><tr><td>Round</td><td>Date</td></tr></table><p>", long, "</p></article>",
    '<section id="comments"><p>A fair account.</p></section></body></html>')
  f:close()
  local out, _, code = run { page }
  t.eq(0, code)
  local rec = json.decode(out)
  t.contains(rec.text, "Round | Date")
  t.eq(nil, rec.comments)
  rec = json.decode((run { "--no-tables", "--comments", page }))
  t.excludes(rec.text, "Round")
  t.eq("A fair account.", rec.comments)
  local md = run { "--format", "markdown", "--no-links", "--no-images", page }
  t.contains(md, "More on the talks")
  t.excludes(md, "](/more)")
  t.excludes(md, "/p.jpg")
  os.remove(page)
end)

t.test("--favor takes precision, recall or balanced; anything else is a usage error", function()
  for _, v in ipairs { "precision", "recall", "balanced" } do
    local _, _, code = run { "--favor", v, SEED }
    t.eq(0, code, v)
  end
  local _, err, code = run { "--favor", "most", SEED }
  t.eq(2, code)
  t.contains(err, "unknown --favor 'most' (precision, recall or balanced)")
end)
