local t = require "spec"
local lede = require "lede"

local PAGE = [[<!DOCTYPE html><html lang="en"><head><title> A  title </title>
<meta name="description" content="first"><meta name="description" content="second">
<meta property="og:title" content="OG Title"><meta name="Twitter:Card" content="summary">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"H"}]}</script>
<script type="application/ld+json">{"@type": "Person", "name": "broken",}</script>
<script type="Application/LD+JSON "><!-- {"@type":"Organization","name":"Org"} --></script>
</head><body><div id="main"><p class="x">one</p><p>two</p></div></body></html>]]

t.test("parse returns a Document with root, head, body and title", function()
  local doc = assert(lede.parse(PAGE, { url = "https://example.com/a" }))
  t.eq("html", doc:root():tag())
  t.eq("head", doc:head():tag())
  t.eq("body", doc:body():tag())
  t.eq("A title", doc:title())
  t.eq("https://example.com/a", doc:url())
end)

t.test("meta maps name and property to content, first wins, keys lowercased", function()
  local m = assert(lede.parse(PAGE)):meta()
  t.eq("first", m.description)
  t.eq("OG Title", m["og:title"])
  t.eq("summary", m["twitter:card"])
end)

t.test("jsonld flattens @graph and skips broken JSON with a warning", function()
  local objects, warnings = assert(lede.parse(PAGE)):jsonld()
  t.eq(3, #objects)
  t.eq("WebSite", objects[1]["@type"])
  t.eq("H", objects[2].headline)
  t.eq("Org", objects[3].name, "comment-wrapped block, type matched case-insensitively")
  t.eq(1, #warnings)
  t.contains(warnings[1], "JSON-LD block 2 skipped")
end)

t.test("jsonld keeps the object before a stray closer, reads two objects in one block", function()
  local function read(json)
    return assert(lede.parse('<script type="application/ld+json">' .. json .. "</script>")):jsonld()
  end
  local objects, warnings = read('{"@type":"NewsArticle","datePublished":"2020-10-26"}\n}')
  t.eq({ 1, "2020-10-26", 0 }, { #objects, objects[1].datePublished, #warnings })
  objects, warnings = read('{"@type":"Organization"}{"@type":"NewsArticle"}')
  t.eq({ "Organization", "NewsArticle" }, { objects[1]["@type"], objects[2]["@type"] })
  t.contains(warnings[1], "holds 2 values")
  objects, warnings = read('{"headline":"H"} junk')
  t.eq("H", objects[1].headline)
  t.contains(warnings[1], "read in part (values kept: 1)")
  objects, warnings = read('{"headline":"H",}')
  t.eq({ 0, true }, { #objects, warnings[1]:find("skipped", 1, true) ~= nil })
end)

t.test("select returns Nodes in document order", function()
  local doc = assert(lede.parse(PAGE))
  local ps = doc:select("#main p")
  t.eq(2, #ps)
  t.eq("one", ps[1]:text())
  t.eq("two", ps[2]:text())
end)

t.test("xpath returns nodes, strings, numbers and booleans", function()
  local doc = assert(lede.parse(PAGE))
  t.eq(2, #doc:xpath("//p"))
  t.eq({ "x" }, doc:xpath("//p/@class"))
  t.eq(2, doc:xpath("count(//p)"))
  t.eq("one", doc:xpath("string(//p[1])"))
  t.eq(true, doc:xpath("boolean(//div)"))
end)

t.test("an invalid XPath raises with the expression in the message", function()
  local doc = assert(lede.parse(PAGE))
  t.raises("invalid XPath '//p[':", doc.xpath, doc, "//p[")
end)

t.test("an invalid selector raises, quoting it and saying where", function()
  local doc = assert(lede.parse(PAGE))
  t.raises('invalid selector "div >" at position', doc.select, doc, "div >")
end)

t.test("argument errors raise", function()
  t.raises("bad argument #1 to 'parse'", lede.parse, 42)
  t.raises("bad argument #2 to 'parse'", lede.parse, "<p>", "nope")
  local doc = assert(lede.parse(PAGE))
  t.raises("string expected", doc.select, doc, {})
end)

t.test("empty input and input of NUL bytes parse without error", function()
  local doc = assert(lede.parse(""))
  t.ok(doc:root() == nil or doc:root():tag() == "html")
  doc = assert(lede.parse("<p>a\0b</p>"))
  t.eq("a\u{FFFD}b", doc:select("p")[1]:text())
end)

t.test("close is idempotent and later use raises a clear error", function()
  local doc = assert(lede.parse(PAGE))
  doc:close()
  doc:close()
  t.raises("the document is closed", doc.select, doc, "p")
end)

t.test("a document is closed by a to-be-closed variable", function()
  local escaped
  do
    local doc <close> = assert(lede.parse(PAGE))
    escaped = doc
  end
  t.raises("the document is closed", escaped.body, escaped)
end)

t.test("deeply nested input parses and renders without crashing", function()
  local depth = 100000
  local html = string.rep("<div>", depth) .. "deep" .. string.rep("</div>", depth)
  local doc = assert(lede.parse(html))
  t.contains(doc:body():text(), "deep")
end)

-- Encoding detection, one test per path (tests/fixtures/encoding/README.md).
local function decoded(name, opts)
  local doc = assert(lede.parse(t.read(t.fixtures .. "/encoding/" .. name), opts))
  local _, source = doc:encoding()
  return doc:body():text(), select(1, doc:encoding()), source
end

t.test("encoding: a UTF-8 byte order mark wins", function()
  local text, enc, source = decoded("bom-utf8.html")
  t.contains(text, "café — “quotes”")
  t.eq("UTF-8", enc)
  t.eq("bom", source)
end)

t.test("encoding: the caller's charset wins over <meta>", function()
  local text, _, source = decoded("wrong-meta-utf8.html", { charset = "utf-8" })
  t.contains(text, "café")
  t.eq("caller", source)
end)

t.test("encoding: <meta charset> declares latin-1 (read as windows-1252)", function()
  local text, enc, source = decoded("meta-charset-latin1.html")
  t.contains(text, "café naïve Zürich")
  t.eq("WINDOWS-1252", enc)
  t.eq("meta", source)
end)

t.test("encoding: <meta http-equiv> declares windows-1252", function()
  local text, _, source = decoded("http-equiv-1252.html")
  t.contains(text, "“Price: 5 €”")
  t.eq("meta", source)
end)

t.test("encoding: undeclared valid UTF-8 is read as UTF-8", function()
  local text, _, source = decoded("undeclared-utf8.html")
  t.contains(text, "Київ")
  t.contains(text, "Straße")
  t.eq("utf-8 check", source)
end)

t.test("encoding: undeclared invalid UTF-8 falls back to windows-1252", function()
  local text, enc, source = decoded("undeclared-1252.html")
  t.contains(text, "é")
  t.contains(text, "’")
  t.eq("WINDOWS-1252", enc)
  t.eq("default", source)
end)

t.test("encoding: a gb2312 page is decoded to UTF-8", function()
  local text, enc = decoded("gb2312.html")
  t.contains(text, "新华社北京电")
  t.eq("GBK", enc)
end)

t.test("encoding: non-ASCII before <meta charset> still uses the meta", function()
  local doc = assert(lede.parse(t.read(t.fixtures .. "/encoding/late-meta.html")))
  local enc = doc:encoding()
  t.eq("UTF-8", enc)
end)

t.test("encoding: a <meta> after the first 1024 bytes is ignored", function()
  local text, enc = decoded("meta-beyond-1024.html")
  t.contains(text, "café")
  t.eq("UTF-8", enc)
end)

t.test("encoding: a truncated UTF-8 sequence becomes U+FFFD, the rest survives", function()
  local doc = assert(lede.parse("<meta charset=utf-8><p>ab\xC3 cd</p>"))
  t.eq("ab\u{FFFD} cd", doc:select("p")[1]:text())
end)

t.test("XPath run-time errors raise with libxml2's reason", function()
  local doc = assert(lede.parse("<div class=a>x</div>"))
  t.raises("function foo not found", doc.xpath, doc, "//div[foo()]")
  t.raises("wrong number or type of arguments", doc.xpath, doc, "//div[contains(@class)]")
end)

t.test("jsonld reads the script elements it is given, keeping only JSON-LD ones", function()
  local doc = assert(lede.parse(PAGE .. [[<script type="text/javascript">{"@type":"Thing"}</script>]]))
  local objects, warnings = doc:jsonld(doc:select("script[type]"))
  t.eq(3, #objects, "the text/javascript block is not JSON-LD")
  t.eq("Org", objects[3].name)
  t.eq(1, #warnings)
  local only_first = doc:jsonld({ doc:select("script")[1] })
  t.eq(2, #only_first, "only the scripts given are read")
end)

-- Plain selectors are matched in C without XPath (plugin/match.c); others,
-- and walks that would cost the square of a deep page, go through XPath.
-- Either way the answer is the XPath's.
local function same_nodes(a, b, what)
  t.eq(#b, #a, what .. ": count")
  for i = 1, #a do t.ok(a[i] == b[i], what .. ": node " .. i) end
end

t.test("select: direct and XPath matching agree, on plain and deep pages", function()
  local doc = assert(lede.parse(PAGE .. [[<div class="x y"><p class="y">1</p><span id=s>2</span></div>]]))
  for _, css in ipairs { "p", "div.x p.y", "div > span#s", "[class~=y]:not(p)", "p, span", "h1 + p" } do
    same_nodes(doc:select(css), doc:xpath(lede.core.css_to_xpath(css)), css)
    same_nodes(doc:body():select(css), doc:body():xpath(lede.core.css_to_xpath(css)), "body " .. css)
  end
  local deep = assert(lede.parse("<body>" .. string.rep("<div>", 20000) .. "<span>x</span>"))
  t.eq(0, #deep:select("span div"), "over the walk's budget: XPath answers")
  t.eq(19999, #deep:select("div div"))
  t.eq(1, #deep:select("div > span"))
end)

-- Random plain selectors (a fixed seed) on real pages: the direct matcher
-- and XPath must agree on every one, from the document and from <body>.
t.test("select: direct matching agrees with XPath on 300 random selectors, 5 pages", function()
  local TAGS = { "div", "p", "a", "span", "li", "ul", "h1", "h2", "article", "section", "time", "img", "*" }
  local WORDS = { "story", "article", "body", "content", "main", "byline", "author", "date", "nav", "menu",
    "a", "b", "x-y", "share", "related", "title", "header", "footer", "item" }
  local ATTRS = { "class", "id", "href", "rel", "lang", "datetime", "itemprop", "data-x", "title" }
  local OPS = { "=", "~=", "|=", "^=", "$=", "*=" }
  local rnd = 12345
  local function rand(n)  -- a small LCG: the same selectors on every platform
    rnd = (rnd * 1103515245 + 12345) % 2147483648
    return rnd % n + 1
  end
  local function pick(list) return list[rand(#list)] end
  local function simple()
    local r = rand(4)
    if r == 1 then return "." .. pick(WORDS) end
    if r == 2 then return "#" .. pick(WORDS) end
    if r == 3 then return "[" .. pick(ATTRS) .. "]" end
    return "[" .. pick(ATTRS) .. pick(OPS) .. '"' .. pick(WORDS) .. '"]'
  end
  local function compound()
    local s = rand(3) == 1 and "" or pick(TAGS)
    for _ = 1, rand(3) - 1 do s = s .. simple() end
    if rand(5) == 1 then s = s .. ":not(" .. (rand(2) == 1 and pick(TAGS):gsub("%*", "p") or simple()) .. ")" end
    return s == "" and pick(TAGS) or s
  end
  local function selector()
    local parts = { compound() }
    for _ = 1, rand(3) - 1 do parts[#parts + 1] = (rand(2) == 1 and " > " or " ") .. compound() end
    local s = table.concat(parts)
    if rand(6) == 1 then s = s .. ", " .. compound() end
    return s
  end
  local pages = {}
  for _, name in ipairs { "bylines.html", "sidebar.html", "photo-credit.html", "widget-date.html" } do
    pages[#pages + 1] = assert(lede.parse(t.read(t.fixtures .. "/metadata/" .. name)))
  end
  pages[#pages + 1] = assert(lede.parse(PAGE))
  for _ = 1, 300 do
    local css = selector()
    local xp = lede.core.css_to_xpath(css)
    for _, doc in ipairs(pages) do
      same_nodes(doc:select(css), doc:xpath(xp), css)
      local body = doc:body()
      if body then same_nodes(body:select(css), body:xpath(xp), "body " .. css) end
    end
  end
end)

t.test("core.squash: spaces collapsed and trimmed, nil when nothing is left; a non-string raises", function()
  local squash = lede.core.squash
  t.eq("Jane Doe", squash(" Jane\u{00A0}\t Doe\n"))
  local s = "already clean"
  t.eq(s, squash(s))
  t.eq(nil, squash(" \u{3000} "))
  t.raises("string expected", squash, {})
end)
