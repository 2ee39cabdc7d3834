-- lede inspect: the blocks of a page and what extraction did with each.
local t = require "spec"
local inspect = require "lede.inspect"

local EXE = os.getenv("LEDE_EXE") or (t.source_dir .. "/build/bin/lede")
local SEED = t.source_dir .. "/examples/pages/omanobserver-1101124.html"
local SEED_URL = "https://www.omanobserver.om/article/1101124/world/s-korea-china-urge-concessions-to-end-us-north-korea-standoff"
local SPEC = t.fixtures .. "/filters/spec"
local TMP = os.tmpname()

local sh_quote = t.sh_quote

local function run(args)
  return t.run_program({ EXE, table.unpack(args) }, { env = "LEDE_FILTERS=" })
end

-- The report line of the block whose selector ends with `tail`.
local function line_for(out, tail)
  for line in out:gmatch("[^\n]+") do
    local path = line:match("^%S+%s+%d+%s+%d+%s+[%d.]+%s+(.-)%s%s")
    if path and path:sub(-#tail) == tail then return line end
  end
  error("no block ending in '" .. tail .. "' in:\n" .. out, 2)
end

t.test("the trace records every decision: filter rules, clean, body, prune, credits", function()
  local html = t.read(SEED)
  local article, _, trace = inspect.run(html, { url = SEED_URL, filter_dirs = {} })
  t.ok(article, "an article")
  local seen = {}
  for _, e in ipairs(trace) do
    seen[e.action .. ":" .. (e.step or "-")] = true
    if e.reason and e.reason:find("filter rule remove", 1, true) then seen.filter_remove = true end
  end
  t.ok(seen["body:body"], "body choice")
  t.ok(seen["removed:clean"], "generic clean")
  t.ok(seen.filter_remove, "filter remove rules")
  t.ok(seen["credit:-"], "wire credit")
  t.ok(seen["dateline:-"], "dateline")
  local _, _, trace2 = inspect.run(t.read(SPEC .. "/page.html"), { url = "https://no-filter.invalid/" })
  local pruned = false
  for _, e in ipairs(trace2) do if e.action == "pruned" and e.step == "prune" then pruned = true end end
  t.ok(pruned, "prune decisions")
end)

t.test("lede inspect prints each block with its decision, statistics and selector", function()
  local out, err, code = run { "inspect", "--url", SEED_URL, SEED }
  t.eq(0, code, err)
  t.contains(out, "filter:   omanobserver.om (")
  t.contains(out, "body:     div#article-body > div.article-desc > div.field-body (filter rule 'body')")
  t.contains(line_for(out, "div.article-desc > div.field-body"), "BODY ")
  t.contains(line_for(out, "header.site-header > div.masthead:nth-child(2)"), "[filter rule remove '.masthead']")
  local dl = line_for(out, "div.field-body > p:nth-child(2)")
  t.eq(1, dl:find("dateline", 1, true))
  local cr = line_for(out, "div.field-body > p:nth-child(10)")
  t.eq(1, cr:find("credit", 1, true))
  t.contains(cr, "wire credit (Reuters, end, taken out of text)")
  local p3 = line_for(out, "div.field-body > p:nth-child(3)")
  t.ok(p3:match("^body%s+330%s+48%s+0%.00"), p3)
  t.contains(out, "[tag script]")
end)

t.test("lede inspect shows pruned blocks and blocks a filter's keep protected", function()
  local page = SPEC .. "/page.html"
  local out = run { "inspect", "--filters", SPEC, "--url", "https://no-filter.invalid/", page }
  local pruned = line_for(out, "div.share-quote:nth-child(3)")
  t.eq(1, pruned:find("pruned", 1, true))
  t.contains(pruned, "class/id word 'share'")
  local kept = run { "inspect", "--filters", SPEC, "--url", "https://keep.test/", page }
  t.contains(line_for(kept, "div.share-quote:nth-child(3)"), "kept by filter rule keep '.share-quote'")
end)

t.test("lede inspect --html outlines the decisions, with reasons and a legend, offline", function()
  local out, err, code = run { "inspect", "--html", "--url", SEED_URL, SEED }
  t.eq(0, code, err)
  t.contains(out, '<div id="lede-legend">')
  t.contains(out, 'data-lede="body" title="BODY: body (filter rule \'body\')"')
  t.contains(out, 'data-lede="removed" title="removed: filter rule remove \'.masthead\'"')
  t.contains(out, 'data-lede="credit"')
  t.contains(out, "Content-Security-Policy")
  t.excludes(out, "<script")
  t.excludes(out, "data-lede-n=")
end)

-- PNG width and height from the IHDR chunk.
local function png_size(data)
  if data:sub(1, 8) ~= "\137PNG\r\n\26\n" then return nil end
  return string.unpack(">I4", data, 17), string.unpack(">I4", data, 21)
end

local function chromium()
  for _, name in ipairs { "chromium", "chromium-browser", "google-chrome" } do
    local p = io.popen("command -v " .. name .. " 2>/dev/null")
    local path = p:read("l")
    p:close()
    if path and path ~= "" then return path end
  end
  return nil
end

local function screenshot(browser, html_file, png)
  os.remove(png)
  local profile = TMP .. "-profile"
  local cmd = table.concat({ sh_quote(browser), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--user-data-dir=" .. sh_quote(profile), "--screenshot=" .. sh_quote(png), "--window-size=1280,2000",
    sh_quote("file://" .. html_file), ">/dev/null 2>&1" }, " ")
  os.execute("timeout 120 " .. cmd)
  os.execute("rm -rf " .. sh_quote(profile))
  local f = io.open(png, "rb")
  if not f then return nil end
  local data = f:read("a")
  f:close()
  return data
end

t.test("the --html view renders in a headless browser and is not blank", function()
  local browser = chromium()
  if not browser then t.skip("chromium is not installed (apt-get install chromium): no screenshot taken") end
  local out = run { "inspect", "--html", "--url", SEED_URL, SEED }
  local view, blank = TMP .. "-view.html", TMP .. "-blank.html"
  local f = assert(io.open(view, "wb")); f:write(out); f:close()
  f = assert(io.open(blank, "wb")); f:write("<!DOCTYPE html><html><body></body></html>"); f:close()
  local png = screenshot(browser, view, TMP .. "-view.png")
  t.ok(png, "chromium wrote the screenshot")
  local w, h = png_size(png)
  t.eq(1280, w)
  t.eq(2000, h)
  local empty = screenshot(browser, blank, TMP .. "-blank.png")
  t.ok(empty, "chromium wrote the blank screenshot")
  -- a blank page compresses to almost nothing; text, outlines and the legend do not
  t.ok(#png > 10 * #empty and #png > 50000,
    string.format("the view (%d bytes) is far larger than a blank page (%d bytes)", #png, #empty))
  os.remove(view); os.remove(blank); os.remove(TMP .. "-blank.png")
  print("        screenshot: " .. TMP .. "-view.png (" .. #png .. " bytes)")
end)
