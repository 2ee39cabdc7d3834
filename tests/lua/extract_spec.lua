local t = require "spec"
local lede = require "lede"

local SEED = t.source_dir .. "/examples/pages/omanobserver-1101124.html"
local URL = "https://www.omanobserver.om/article/1101124/world/s-korea-china-urge-concessions-to-end-us-north-korea-standoff"

-- the generic extractor: the page's filter (filters/omanobserver.om.lua) has
-- its own self-tests (tests/lua/filters_spec.lua runs them)  -- issue 6
local function seed() return assert(lede.extract(t.read(SEED), { url = URL, no_filters = true })) end

t.test("the seed page gives the headline as title", function()
  t.eq("S Korea, China urge concessions to end US-North Korea standoff", seed().title)
end)

t.test("the seed page's text starts with the dateline and holds the body", function()
  local a = seed()
  t.eq(1, a.text:find("SEOUL/SHANGHAI: China and South Korea called for concessions", 1, true))
  t.contains(a.text, "North Korean state news agency KCNA said on Thursday")
  t.contains(a.text, "would not provide further details. — Reuters")
end)

t.test("the seed page's text holds none of the widget noise", function()
  local text = seed().text
  for _, noise in ipairs { "clear sky", "26°C", "EDITOR IN CHIEF", "1101124", "minus",
      "SHARE ARTICLE", "arrow up", "home icon", "Shawwal", "Most read", "Related articles",
      "Newsletter", "All rights reserved" } do
    t.excludes(text, noise)
  end
end)

t.test("the article names its url, host, filter and warnings", function()
  local a = seed()
  t.eq(URL, a.url)
  t.eq("www.omanobserver.om", a.host)
  t.eq("default", a.filter)
  t.eq({}, a.warnings)
end)

t.test("paragraphs are separated by one blank line", function()
  local text = seed().text
  t.ok(text:find("slipping.\n\nSouth Korean President", 1, true), "blank line between paragraphs")
  t.ok(not text:find("\n\n\n", 1, true), "never two blank lines")
end)

t.test("a page without text yields nil and a message", function()
  local a, err = lede.extract("<html><body><script>x()</script><img src=a.png></body></html>")
  t.eq(nil, a)
  t.eq("no article found", err)
end)

t.test("a page without an article body gives the whole page with a warning", function()
  local a = assert(lede.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>"))
  t.eq("Home", a.text)
  t.eq({ "no article body found; the whole page was used" }, a.warnings)
end)

t.test("extract checks its arguments", function()
  t.raises("bad argument #1 to 'extract'", lede.extract, nil)
  t.raises("bad argument #2 to 'extract'", lede.extract, "<p>x</p>", 5)
end)

t.test("boilerplate words match whole words, not substrings", function()
  local pipeline = require "lede.pipeline"
  t.eq("share", pipeline.boilerplate_reason("article-share"))
  t.eq("comment", pipeline.boilerplate_reason("comment-list"))
  t.eq(nil, pipeline.boilerplate_reason("commentary"))
  t.eq(nil, pipeline.boilerplate_reason("article-header"))
  t.eq("header", pipeline.boilerplate_reason("header"))
  t.eq("site-header", pipeline.boilerplate_reason("site-header"))
  t.eq("share", pipeline.boilerplate_reason("shareButtons"))
  t.eq(nil, pipeline.boilerplate_reason("headline"))
end)
