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

local LONG = "The minister said on Tuesday that the talks would resume next week in Geneva, after "
  .. "both sides agreed to a short pause. Officials declined to give further details. "

local function story(head)
  return "<html><head><title>Talks resume in Geneva</title></head><body><article>" .. head
    .. "<p>" .. LONG .. "</p><p>" .. LONG .. "</p><p>" .. LONG .. "</p></article></body></html>"
end

t.test("a source line above the story leaves the text; credits still read them", function()
  local a = assert(lede.extract(story("<p>EFE</p>")))
  t.eq(1, a.text:find("The minister said", 1, true))
  t.eq("EFE", a.wire[1] and a.wire[1].agency)
  t.eq("start", a.wire[1] and a.wire[1].where)
end)

t.test("favor = 'recall' keeps the header lines; an unknown favor raises", function()
  local a = assert(lede.extract(story("<p>By Jane Doe</p>"), { favor = "recall" }))
  t.eq(1, a.text:find("By Jane Doe", 1, true))
  t.raises("favor must be", lede.extract, story(""), { favor = "most" })
end)

t.test("readerable: an article is, a list of links is not (the best block, with a warning)", function()
  t.eq(true, assert(lede.extract(story(""))).readerable)
  local links = {}
  for i = 1, 40 do links[#links + 1] = '<li><a href="/s' .. i .. '">Another story about the talks, number ' .. i .. '</a></li>' end
  local a = assert(lede.extract("<html><body><ul>" .. table.concat(links) .. "</ul></body></html>"))
  t.eq(false, a.readerable)
  t.contains(table.concat(a.warnings, "\n"), "no article")
end)

t.test("favor = 'recall' puts the standfirst printed above the body first; the default does not", function()
  local dek = "Both sides agreed to a short pause in the talks, and officials declined to say more today."
  local page = "<html><head><title>Talks resume in Geneva</title><meta name=description content=\"" .. dek
    .. "\"></head><body><header><h1>Talks resume in Geneva</h1><p>" .. dek .. "</p></header><article>"
    .. "<p>" .. LONG .. "</p><p>" .. LONG .. "</p><p>" .. LONG .. "</p></article></body></html>"
  t.eq(1, assert(lede.extract(page, { favor = "recall" })).text:find(dek, 1, true))
  t.eq(1, assert(lede.extract(page)).text:find("The minister said", 1, true))
end)

-- Options: links, images, tables, comments.
local function options_page(inside, after)
  return "<html><head><title>Talks resume in Geneva</title></head><body><div class=\"wrap\"><article>"
    .. "<p>" .. LONG .. "<a href=\"/more\">More on the talks</a>.</p>"
    .. "<p><img src=\"/p.jpg\" alt=\"The delegates\">" .. LONG .. "</p>"
    .. "<table><tr><td>Round</td><td>Date</td></tr><tr><td>First</td><td>May 2</td></tr></table>"
    .. "<p>" .. LONG .. "</p>" .. (inside or "") .. "</article>" .. (after or "") .. "</div></body></html>"
end
local COMMENTS = "<div id=\"comments\" class=\"comments-area\"><h3>2 comments</h3>"
  .. "<div class=\"comment\"><p>A fair account of the talks.</p></div>"
  .. "<div class=\"comment\"><p>The pause was a mistake.</p></div></div>"

t.test("tables = false drops tables from text, markdown and html; the default keeps them", function()
  t.contains(assert(lede.extract(options_page())).text, "Round | Date\nFirst | May 2")
  local a = assert(lede.extract(options_page(), { tables = false, markdown = true, html = true }))
  t.excludes(a.text, "Round")
  t.excludes(a.markdown, "Round")
  t.excludes(a.html, "<table")
  t.contains(a.text, "The minister said")
end)

t.test("links = false and images = false leave markdown and html without them, text unchanged", function()
  local all = assert(lede.extract(options_page(), { markdown = true, html = true }))
  t.contains(all.markdown, "[More on the talks](/more)")
  t.contains(all.markdown, "![The delegates](/p.jpg)")
  local a = assert(lede.extract(options_page(), { links = false, images = false, markdown = true, html = true }))
  t.contains(a.markdown, "More on the talks")
  t.excludes(a.markdown, "](/more)")
  t.excludes(a.markdown, "/p.jpg")
  t.excludes(a.html, "<a ")
  t.excludes(a.html, "<img")
  t.eq(all.text, a.text)
end)

t.test("comments = true keeps the comment section apart, inside the article or right after it", function()
  for _, page in ipairs { options_page(COMMENTS), options_page(nil, COMMENTS) } do
    local plain = assert(lede.extract(page))
    t.eq(nil, plain.comments)
    t.excludes(plain.text, "fair account")
    local a = assert(lede.extract(page, { comments = true }))
    t.eq("2 comments\n\nA fair account of the talks.\n\nThe pause was a mistake.", a.comments)
    t.eq(plain.text, a.text)
  end
end)

t.test("comments = true: no comment section, no field; a class like 'commentary' is no comment", function()
  local page = options_page(nil, "<div class=\"commentary-links\"><p>Our commentary desk</p></div>")
  t.eq(nil, assert(lede.extract(page, { comments = true })).comments)
  t.eq(nil, assert(lede.extract(options_page(), { comments = true })).comments)
end)

t.test("the boolean options must be booleans", function()
  t.raises("tables must be a boolean", lede.extract, options_page(), { tables = "no" })
  t.raises("comments must be a boolean", lede.extract, options_page(), { comments = 1 })
end)

t.test("a caption without a caption class (it repeats the image's alt) leaves the text for captions", function()
  local alt = "Delegates arrive in Geneva for the talks. Photo: AP"
  local a = assert(lede.extract(story("<figure><img src=/d.jpg alt='" .. alt .. "'></figure><div>" .. alt .. "</div>")))
  t.excludes(a.text, "Delegates arrive")
  t.eq({ alt }, a.captions)
  t.contains(a.text, "The minister said")
end)

t.test("photo credits and a caption ending with one leave the text for captions; a wire credit stays", function()
  local cap = "Delegates arrive in Geneva. Photo: Jane Doe/Reuters"
  local a = assert(lede.extract(story("<figure><img src=/d.jpg alt=''></figure><div>" .. cap .. "</div>"
    .. "<p>Image source: Getty Images.</p>")))
  t.eq({ cap, "Image source: Getty Images." }, a.captions)
  t.excludes(a.text, "Delegates arrive")
  t.excludes(a.text, "Image source")
  t.contains(a.text, "The minister said")
  a = assert(lede.extract(story("<p>Reuters</p>")))  -- a source line, not a photo credit
  t.eq("Reuters", a.wire[1] and a.wire[1].agency)
  t.eq(nil, a.captions[1])
end)

t.test("a related-stories list below a short story goes, though it is longer than the story", function()
  local items = {}
  for i = 1, 5 do
    items[#items + 1] = "<li><a href=/s" .. i .. ">Earlier talks, part " .. i .. "</a><br><small>" .. LONG .. "</small></li>"
  end
  local page = "<html><head><title>Talks resume</title></head><body><div class=entry><p>" .. LONG .. "</p><p>"
    .. LONG .. "</p><ul class=related-posts>" .. table.concat(items) .. "</ul></div></body></html>"
  local a = assert(lede.extract(page))
  t.excludes(a.text, "Earlier talks")
  t.eq({}, a.warnings)
end)

t.test("itemprop=articlebody in lower case marks the body as articleBody does", function()
  local page = "<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
    .. "<p>Filed from the archive of the weekly edition, page four.</p><div itemprop=articlebody><p>"
    .. LONG .. "</p><p>" .. LONG .. "</p></div></article></body></html>"
  local a = assert(lede.extract(page, { no_filters = true }))
  t.ok(a.text:find("The minister said", 1, true) == 1, a.text)
  t.excludes(a.text, "Filed from the archive")
end)

-- A page drawn by JavaScript: the HTML a shell, the story in JSON-LD.
local function shell_page(article_body, visible)
  local cjson = require "cjson"
  return "<html><head><title>Bridge closed - Example News</title><script type=\"application/ld+json\">"
    .. cjson.encode({ ["@type"] = "NewsArticle", headline = "Bridge closed", articleBody = article_body })
    .. "</script></head><body><div id=app><h1>Bridge closed</h1>" .. (visible or "<div>Loading…</div>")
    .. "</div></body></html>"
end

local STORY_PARAGRAPHS = {}
for i = 1, 6 do
  STORY_PARAGRAPHS[i] = "Paragraph " .. i .. ": the council voted on Tuesday to close the old bridge"
    .. " after engineers found cracks in two of its piers, officials said."
end

t.test("a page whose HTML is a shell gives its JSON-LD articleBody, paragraphs kept, and says so", function()
  local a = assert(lede.extract(shell_page(table.concat(STORY_PARAGRAPHS, "\n\n")), { markdown = true }))
  t.eq(table.concat(STORY_PARAGRAPHS, "\n\n"), a.text)
  t.eq("json-ld:articleBody", a.sources.text)
  t.contains(a.markdown, STORY_PARAGRAPHS[6])
  t.contains(table.concat(a.warnings, "\n"), "JSON-LD articleBody")
end)

t.test("entities left in a plain-text articleBody are read; a stray '<' stays text", function()
  local body = table.concat(STORY_PARAGRAPHS, "\n\n") .. "\n\nRock &amp; roll&#8217;s fans say 3 < 4 is true."
  local a = assert(lede.extract(shell_page(body)))
  t.contains(a.text, "\n\nRock & roll’s fans say 3 < 4 is true.")
end)

t.test("an articleBody of escaped HTML is unescaped and rendered", function()
  local html = "&lt;p&gt;" .. table.concat(STORY_PARAGRAPHS, "&lt;/p&gt;&lt;p&gt;"):gsub("council", "cons&amp;eacute;il")
    .. "&lt;/p&gt;"
  local a = assert(lede.extract(shell_page(html), { html = true }))
  t.eq(1, a.text:find("Paragraph 1: the conséil voted", 1, true))
  t.contains(a.text, "\n\nParagraph 2:")
  t.contains(a.html, "<p>Paragraph 6: the conséil voted")
end)

t.test("a page that prints its story keeps its own text beside the same articleBody", function()
  local visible = "<article>"
  for _, p in ipairs(STORY_PARAGRAPHS) do visible = visible .. "<p>" .. p .. "</p>" end
  local a = assert(lede.extract(shell_page(table.concat(STORY_PARAGRAPHS, "\n\n") .. " Extra words.",
    visible .. "</article>")))
  t.eq(nil, a.sources.text)
  t.eq(table.concat(STORY_PARAGRAPHS, "\n\n"), a.text)
end)

local function ending(tail)
  return "<html><head><title>Talks resume in Geneva</title></head><body><article><p>" .. LONG .. "</p><p>"
    .. LONG .. "</p><p>" .. LONG .. "Talks end Friday.</p>" .. tail .. "</article></body></html>"
end

t.test("prune: headings and colon lead-ins that end the body go (what they announce was removed or is drawn by script)", function()
  for _, tail in ipairs {
    "<h4>Related Videos</h4><div id=player></div>",
    "<h3>Read More About:</h3><ul class=tags><li><a href=/t/a>Geneva</a></li><li><a href=/t/b>Talks</a></li></ul>",
    "<h2>Further Reading</h2><h3><a href=/r><span>Storage Best Picks</span></a></h3>",
    "<h4>Loading comments...</h4>",
    "<p>To see the launch in action, check out the footage below:</p><div class=video-embed></div>",
    "<div><p>MÁS INFORMACIÓN:</p></div>",
  } do
    local a = assert(lede.extract(ending(tail), { markdown = true }))
    t.eq("Talks end Friday.", a.text:sub(-#"Talks end Friday."), tail)
    t.eq("Talks end Friday.", a.markdown:sub(-#"Talks end Friday."), tail)
  end
end)

t.test("prune: a heading that ends the body as a sentence, titles an image, or is the body, and a lead-in followed by its list, stay", function()
  local a = assert(lede.extract(ending("<h2>Still, she will continue to slay.</h2>")))
  t.eq("Still, she will continue to slay.", a.text:sub(-#"Still, she will continue to slay."))
  a = assert(lede.extract(ending("<h2>Test Case 2</h2><img src='/a.png' alt='chart'>"), { markdown = true }))
  t.contains(a.markdown, "## Test Case 2")
  a = assert(lede.extract(ending("<h2>Sources</h2>"), { favor = "recall" }))
  t.eq("Sources", a.text:sub(-#"Sources"), "recall keeps it")
  a = assert(lede.extract(ending("<p>The minister listed three demands:</p><ul><li>a ceasefire</li></ul>")))
  t.eq("a ceasefire", a.text:sub(-#"a ceasefire"), "the colon's list is there")
  a = assert(lede.extract("<html><body><h1>Only a heading here</h1></body></html>"))
  t.eq("Only a heading here", a.text)
end)

t.test("prune: a drop cap set apart ('T' + 'urkey, Poland') is one word again in every rendering", function()
  local page = "<html><head><title>Talks resume in Geneva</title></head><body><article>"
    .. "<span class=dropcap>T</span><p><a href=/topic/turkey>urkey</a>, Poland and Saba were added. "
    .. LONG .. "</p><p>" .. LONG .. "</p></article></body></html>"
  local a = assert(lede.extract(page, { markdown = true, html = true }))
  t.eq(1, a.text:find("Turkey, Poland and Saba", 1, true))
  t.eq(1, a.markdown:find("[Turkey](/topic/turkey), Poland", 1, true))
  t.contains(a.html, '<a href="/topic/turkey">Turkey</a>, Poland')
end)

t.test("readerable counts words where a script has no spaces: a short Japanese story is an article", function()
  local story = string.rep("文化庁は１日、アート、エンターテインメント、アニメーション、マンガの各部門の受賞作品を発表した。", 3)
  local a = assert(lede.extract("<html><body><article><p>" .. story .. "</p></article></body></html>"))
  t.ok(#story // 3 < 250, "under 250 characters")
  t.eq(true, a.readerable)
  a = assert(lede.extract("<html><body><article><p>Photo: Jane Doe for the Times. Caption only here.</p>"
    .. "</article></body></html>"))
  t.eq(false, a.readerable)
end)

t.test("captions leave out the image's controls and ad labels, and keep a credit line", function()
  local page = "<html><body><article><p>" .. LONG .. "</p><figure><img src=/a.jpg><figcaption>"
    .. "<p>SHOW CAPTION +</p><p>HIDE CAPTION –</p></figcaption></figure><figure><img src=/b.jpg>"
    .. "<figcaption><p>Twitter Lite reaches 11 countries.</p><p>Twitter</p></figcaption></figure>"
    .. "<figure><figcaption>Advertisement:</figcaption></figure><p>" .. LONG .. "</p></article></body></html>"
  local a = assert(lede.extract(page))
  t.eq({ "Twitter Lite reaches 11 countries.\n\nTwitter" }, a.captions)
end)

t.test("prune: a 'read more' link ending its paragraph goes with its brackets; one inside a sentence stays", function()
  local function text_of(p) return assert(lede.extract(ending(p))).text end
  local t1 = text_of("<p>Akcja Katolicka staje w obronie fundacji. <strong>[<a href=/x>czytaj więcej</a>]</strong></p>")
  t.eq("Akcja Katolicka staje w obronie fundacji.", t1:sub(-#"Akcja Katolicka staje w obronie fundacji."))
  local md = assert(lede.extract(ending("<p>Obrona fundacji. <strong>[<a href=/x>więcej</a>]</strong></p>"),
    { markdown = true })).markdown
  t.eq("Obrona fundacji.", md:sub(-#"Obrona fundacji."))
  t.eq("Obrona", (assert(lede.extract(ending("<p>Obrona [<a href=/x>więcej</a>]</p>"),
    { favor = "recall" })).text:match("(Obrona) %[więcej%]$")), "recall keeps it")
  local t2 = text_of("<p>The council voted on Monday. <a class=more-link href=/x>Continue reading →</a></p>")
  t.eq("The council voted on Monday.", t2:sub(-#"The council voted on Monday."))
  local t3 = text_of("<p>Learn <a href=/more>more</a> about the plan and the vote on Monday.</p>")
  t.contains(t3, "Learn more about the plan and the vote on Monday.")
  local t4 = text_of("<p>The full text is <a href=/doc>here</a>.</p>")
  t.contains(t4, "The full text is here.")
end)
