-- FiveFilters site configs: the format (lede.ftr), host lookup and filters
-- (lede.ftr_site), XPath checks (lede.ftr_xpath), the C helpers they use, the
-- command line, and the public ftr-site-config checkout in ../shared.
-- Fixtures: tests/fixtures/ftr/configs (one file per host; every.test.txt has
-- every directive kind, CRLF endings, comments, duplicates and malformed
-- lines), tests/fixtures/ftr/pages (a page saved for every.test.txt's test_url).
local t = require "spec"
local lede = require "lede"
local core = require "lede.core"
local ftr = require "lede.ftr"
local site = require "lede.ftr_site"
local xcheck = require "lede.ftr_xpath"

local DIR = t.fixtures .. "/ftr/configs"
local PAGES = t.fixtures .. "/ftr/pages"
local PAGE = t.read(PAGES .. "/every.test_2024_story.html")
local EXE = os.getenv("LEDE_EXE") or (t.source_dir .. "/build/bin/lede")

local function extract(url, opts)
  opts = opts or {}
  opts.url, opts.ftr = url, opts.ftr or DIR
  local a, err = lede.extract(opts.html or PAGE, opts)
  t.ok(a, "an article for " .. url .. " (" .. tostring(err) .. ")")
  return a
end

local function has_warning(a, fragment)
  for _, w in ipairs(a.warnings or {}) do
    if w:find(fragment, 1, true) then return w end
  end
  return nil
end

local sh_quote = t.sh_quote

local function run(args, env)
  local out, _, code = t.run_program({ EXE, table.unpack(args) }, { env = env })
  return out, code
end

local EVERY = ftr.parse(t.read(DIR .. "/every.test.txt"))

-- the format ----------------------------------------------------------------

t.test("CRLF endings, comments and blank lines: directives keep their line numbers", function()
  t.eq({ xpath = "//h2[@class='headline']", line = 2 }, EVERY.title[1])
  t.eq({ xpath = "//h1", line = 3 }, EVERY.title[2])
  t.eq("//div[@class='part']", EVERY.body[1].xpath)
  for _, d in ipairs(EVERY.directives) do t.ok(not d.value:find("\r", 1, true), "no CR left in " .. d.key) end
end)

t.test("list directives accumulate in file order", function()
  t.eq(2, #EVERY.strip)
  t.eq({ "ad", '"share-tools"' }, { EVERY.strip_id_or_class[1].value, EVERY.strip_id_or_class[2].value })
end)

t.test("a repeated single-valued directive: the last wins, and it is noted", function()
  t.eq(true, EVERY.prune)
  t.eq("prune repeated (line 13); the last value is used", EVERY.problems[1].message)
  t.eq(14, EVERY.problems[1].line)
end)

t.test("malformed lines are problems with their line; the rest of the file still loads", function()
  local lines = {}
  for _, p in ipairs(EVERY.problems) do lines[#lines + 1] = p.line end
  t.eq({ 14, 40, 41 }, lines)
  t.eq(2, #EVERY.tests)
end)

t.test("unknown directives are kept, not applied", function()
  t.eq(1, #EVERY.unknown)
  t.eq({ "frobnicate", "yes", 42 }, { EVERY.unknown[1].key, EVERY.unknown[1].value, EVERY.unknown[1].line })
  t.eq("move_into", EVERY.unsupported[1].key)
end)

t.test("find_string/replace_string pair by position; replace_string(x): y keeps colons in x", function()
  t.eq({ { find = "<x-para>", replace = "<p>", line = 17 }, { find = "</x-para>", replace = "</p>", line = 19 },
    { find = "FIND:ME", replace = "found", line = 21 } }, EVERY.replace)
  local c = ftr.parse('replace_string(,"value":): ,"invalid":\n')
  t.eq({ { find = ',"value":', replace = ',"invalid":', line = 1 } }, c.replace)
end)

t.test("unequal find_string and replace_string counts: none applied, as Full-Text RSS does", function()
  local c = ftr.parse("find_string: a\nreplace_string: b\nfind_string: c\n")
  t.eq({}, c.replace)
  t.contains(c.problems[1].message, "2 find_string and 1 replace_string lines")
end)

t.test("replacements are plain text, not Lua patterns", function()
  t.eq("x(.)%y", ftr.replace("a(.)%b", { { find = "a", replace = "x" }, { find = "%b", replace = "%y" } }))
end)

t.test("if_page_contains belongs to the link directive before it", function()
  t.eq("//div[@class='paged']", EVERY.single_page_link[1].if_page_contains)
  t.eq(nil, EVERY.next_page_link[1].if_page_contains)
  t.eq("if_page_contains without a single_page_link or next_page_link before it",
    ftr.parse("if_page_contains: //x\n").problems[1].message)
end)

t.test("switches, http headers and login directives are exposed", function()
  t.eq({ true, false, true, true }, { EVERY.prune, EVERY.tidy, EVERY.autodetect_on_failure, EVERY.skip_json_ld })
  t.eq("lede-test/1.0 (+https://example.test)", EVERY.http_header["user-agent"])
  t.eq("https://every.test/login", EVERY.login_uri)
  t.eq({ remember = "1" }, EVERY.login.extra_fields)
  t.eq(false, EVERY.requires_login)
  t.eq({ { tag = "blockquote", xpath = "//div[@class='pull']", line = 28 } }, EVERY.wrap_in)
end)

t.test("test_url and test_contains become tests", function()
  t.eq({ url = "https://every.test/2024/story", line = 43,
    contains = { "The first part of the story", "The second part" } }, EVERY.tests[1])
end)

t.test("parse raises on a non-string, never on content", function()
  t.raises("string expected", ftr.parse, nil)
  local c = ftr.parse("\0\255: x\n::::\n(((: x\n")
  t.eq({ 1, 2, 3 }, { c.problems[1].line, c.problems[2].line, c.problems[3].line })
end)

-- XPath checks ----------------------------------------------------------------

t.test("XPath check: syntax errors, unknown functions and arity are errors", function()
  t.eq("error", select(2, xcheck.check("//h1[", "title")))
  t.eq("unknown XPath function contain()", (xcheck.check("//a[contain(@class, 'x')]", "strip")))
  t.eq("contains() takes 2 arguments, not 1", (xcheck.check("//div[contains(@class='x')]", "body")))
end)

t.test("XPath check: what must survive it", function()
  for _, e in ipairs { "//div[contains(@class,'a') and (contains(@id,'b'))]", "//p[text()='f(x)']",
      "substring-before(//div[@class='byline'], ' by ')", "//h2/following-sibling::text()[1]",
      "concat(//a/@href, 'x', 'y')", "(//div)[last()]" } do
    t.eq(nil, (xcheck.check(e, "title")), e)
  end
end)

t.test("XPath check: a string where elements are needed is a warning", function()
  t.eq({ "gives a string where elements are needed", "warning" }, { xcheck.check("' · '", "strip") })
  t.eq(nil, (xcheck.check("' · '", "author")))
end)

-- C helpers -----------------------------------------------------------------------

t.test("core.wrap puts an element in a new one, in place", function()
  local doc = lede.parse("<div><p>a</p><p class='q'>b</p><p>c</p></div>")
  local w = core.wrap(doc:select("p.q")[1], "blockquote")
  t.eq("blockquote", w:tag())
  t.eq('<div><p>a</p><blockquote><p class="q">b</p></blockquote><p>c</p></div>',
    (doc:select("div")[1]:html():gsub("\n", "")))
  t.raises("invalid tag name", core.wrap, doc:select("p")[1], "b q")
  t.raises("root element", core.wrap, doc:root(), "div")
end)

t.test("core.find_tokens matches whole class and id tokens only", function()
  local doc = lede.parse([[<div class="x ad"></div><div class="adverb"></div><p id="ad"></p>
    <span class=" share-tools  "></span><b class="ad-free"></b>]])
  local tags = {}
  for _, n in ipairs(core.find_tokens(doc, { ad = true, ["share-tools"] = true })) do tags[#tags + 1] = n:tag() end
  t.eq({ "div", "p", "span" }, tags)
end)

-- host lookup -------------------------------------------------------------------

t.test("host lookup: www. dropped, .host.txt covers one level of subdomain", function()
  local index = site.index(DIR)
  t.eq("every.test.txt", site.file_for(index, "www.every.test"))
  t.eq("every.test.txt", site.file_for(index, "EVERY.test."))
  t.eq(".sub.test.txt", site.file_for(index, "news.sub.test"))
  t.eq(nil, site.file_for(index, "sub.test"))
  t.eq(nil, site.file_for(index, "a.b.sub.test"))
  t.eq(nil, site.file_for(index, "notevery.test"))
  t.eq(nil, site.file_for(index, "global"))
end)

-- extraction ----------------------------------------------------------------------

local A = extract("https://www.every.test/2024/story", { html = PAGE })

t.test("the config is the page's filter", function()
  t.eq("ftr:every.test", A.filter)
end)

t.test("body: several matches are joined in document order, what lies between goes", function()
  t.contains(A.text, "The first part of the story")
  t.contains(A.text, "Officials said repairs")
  t.ok(A.text:find("The first part", 1, true) < A.text:find("The second part", 1, true))
  t.excludes(A.text, "An advertisement between the parts")
  t.excludes(A.text, "Copyright Every Test")
end)

local SCOPE_PAGE = [[<html><body>
  <div id="wrap"><div class="links"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
  <div class="note"><p>Printed in the weekend edition.</p></div>
  <div class="text"><p>]] .. string.rep("The harbour story, told in full, inside the wrapper. ", 6) .. [[</p>
  <p>]] .. string.rep("A second paragraph of the harbour story, with commas, too. ", 5) .. [[</p></div></div>
  <div class="talk">]] .. string.rep("<p>A long reader discussion, outside the wrapper, with commas, "
  .. "and more commas, and more words than the story has.</p>", 12) .. [[</div></body></html>]]

t.test("a one-element body bounds the article: the generic choice runs inside it", function()
  local a = extract("https://scope.test/x", { html = SCOPE_PAGE })
  t.eq("ftr:scope.test", a.filter)
  t.contains(a.text, "The harbour story, told in full")
  t.excludes(a.text, "reader discussion")
  t.excludes(a.text, "Printed in the weekend edition", "the generic choice inside the element leaves it")
  t.contains(lede.extract(SCOPE_PAGE, { url = "https://scope.test/x" }).text, "reader discussion",
    "without the config, the generic extractor takes the discussion")
end)

t.test("find_string/replace_string run on the raw HTML before parsing", function()
  t.contains(A.text, "found in the text becomes a word.")
  t.excludes(A.text, "FIND:ME")
  local html = lede.extract(PAGE, { url = "https://www.every.test/2024/story", ftr = DIR, html = true }).html
  t.contains(html, "<p>The first part of the story")
end)

t.test("strip, strip_id_or_class (whole tokens), strip_image_src", function()
  t.excludes(A.text, "Subscribe to our newsletter")
  t.excludes(A.text, "Share on every network")
  t.contains(A.text, "A note whose class only contains the letters of ad stays")
  local html = lede.extract(PAGE, { url = "https://www.every.test/2024/story", ftr = DIR, html = true }).html
  t.excludes(html, "tracker.example")
end)

t.test("strip_attr and an attribute strip take the attribute, not the element", function()
  local html = lede.extract(PAGE, { url = "https://www.every.test/2024/story", ftr = DIR, html = true }).html
  t.excludes(html, "srcset")
  t.contains(A.text, "The kicker paragraph loses its class attribute but keeps every word")
end)

t.test("src_lazy_load_attr, wrap_in and dissolve", function()
  local html = lede.extract(PAGE, { url = "https://www.every.test/2024/story", ftr = DIR, html = true }).html
  t.contains(html, 'src="https://www.every.test/photo-large.jpg"')
  t.contains(html, "<blockquote>")
  t.contains(html, "A pull quote that becomes a blockquote.")
  t.contains(html, "<p>Some wrapped words dissolve into the paragraph.</p>")
end)

t.test("single_page_link (its condition holds) and next_page_link come back as fields", function()
  t.eq({ single_page_link = "https://www.every.test/print/2024/story",
    next_page_link = "https://www.every.test/2024/story?page=2" }, A.fields)
end)

t.test("if_page_contains: no link when the condition fails", function()
  local a = extract("https://www.every.test/2024/story", { html = PAGE:gsub('class="paged"', 'class="single"') })
  t.eq(nil, a.fields.single_page_link)
end)

t.test("native_ad_clue sets sponsored = true; absent otherwise", function()
  t.eq(true, A.sponsored)
  local a = extract("https://www.every.test/2024/story", { html = PAGE:gsub('content="Sponsored"', 'content="News"') })
  t.eq(nil, a.sponsored)
end)

t.test("skip_json_ld: the JSON-LD block is not read", function()
  t.ok(A.title ~= "A JSON-LD headline that skip_json_ld hides", A.title)
  local names = {}
  for _, au in ipairs(A.authors or {}) do names[#names + 1] = au.name end
  t.excludes(table.concat(names, ","), "Json Person")
end)

t.test("date and author rules fill what the metadata pass left empty", function()
  t.eq("2024-03-05", A.published:sub(1, 10))
  t.eq("filter ftr:every.test", A.date_source.published)
end)

t.test("a title rule does not override the metadata pass's title", function()
  t.eq("Harbour reopens after the storm", A.title)
end)

t.test("a title rule gives the title when the page has no other", function()
  local html = [[<html><body><h2 class="headline">Only the config knows this headline</h2>
    <div class="part"><p>]] .. string.rep("A long paragraph of article text for the test. ", 8)
    .. [[</p></div></body></html>]]
  local a = extract("https://every.test/x", { html = html })
  t.eq("Only the config knows this headline", a.title)
end)

t.test("notes (malformed lines, unknown directives) are warned once per process", function()
  site.reset()
  local first = extract("https://every.test/2024/story")
  t.ok(has_warning(first, "every.test.txt:42: unknown directive 'frobnicate' ignored"), "the unknown directive")
  t.ok(has_warning(first, "every.test.txt:40: not a directive"), "the malformed line")
  local second = extract("https://every.test/2024/story")
  t.eq(nil, has_warning(second, "frobnicate"))
end)

t.test("global.txt is merged: its strip rules and replacements apply", function()
  t.excludes(A.text, "Global junk")
  t.contains(A.text, "The second part of the story")
end)

t.test("autodetect_on_failure: no leaves global.txt out", function()
  local a = extract("https://noauto.test/story")
  t.eq("ftr:noauto.test", a.filter)
  t.contains(a.text, "Global junk the global config strips")
end)

t.test("a stale body rule: the generic extractor runs and a warning names the file and line", function()
  local a = extract("https://stale.test/story")
  t.eq("ftr:stale.test", a.filter)
  t.ok(has_warning(a, "stale.test.txt:2: rule 'body': matched nothing; the generic extractor was used"))
  t.contains(a.text, "The first part of the story")
end)

t.test("typos: the broken rules are dropped and named, the others still apply", function()
  site.reset()
  local a = extract("https://typo.test/story", { html = PAGE:gsub("<p>Officials", "<p class='fine'>Officials") })
  t.eq("ftr:typo.test", a.filter)
  t.ok(has_warning(a, "typo.test.txt:1: body: contains() takes 2 arguments, not 1; the rule is ignored"))
  t.ok(has_warning(a, "typo.test.txt:2: strip: unknown XPath function contain(); the rule is ignored"))
  t.ok(has_warning(a, "typo.test.txt:5: title: does not compile"))
  t.excludes(a.text, "Officials said repairs")
end)

t.test("a Lua filter takes precedence over a config for the same host", function()
  local a = extract("https://lua.test/story", { filter_dirs = { t.fixtures .. "/ftr/lua" } })
  t.eq("lua.test", a.filter)
end)

t.test("subdomain config applies to news.sub.test", function()
  local html = [[<html><body><div id="sub-story"><p>]] .. string.rep("Subdomain story text. ", 12) ..
    [[</p></div><div><p>]] .. string.rep("Other text that is not the story. ", 14) .. [[</p></div></body></html>]]
  local a = extract("https://news.sub.test/x", { html = html })
  t.eq("ftr:.sub.test", a.filter)
  t.excludes(a.text, "Other text")
end)

t.test("a config that cannot be read: the default filter, and a warning names it", function()
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir " .. sh_quote(dir) .. " && mkdir " .. sh_quote(dir .. "/broken.test.txt")))
  local a = extract("https://broken.test/x", { ftr = dir })
  os.execute("rm -rf " .. sh_quote(dir))
  t.eq("default", a.filter)
  t.ok(has_warning(a, "filter broken.test.txt: Is a directory; the default filter was used"),
    table.concat(a.warnings, " | "))
end)

t.test("no config for the host, or no --ftr: the default filter", function()
  t.eq("default", extract("https://elsewhere.test/x").filter)
  t.eq("default", lede.extract(PAGE, { url = "https://every.test/x" }).filter)
end)

t.test("check: every file, XPath errors per file with lines, never raises", function()
  local errors = {}
  for _, r in ipairs(site.check(DIR)) do
    if #r.errors > 0 then errors[r.file] = r.errors end
  end
  t.eq({ ["typo.test.txt"] = {
    "typo.test.txt:1: body: contains() takes 2 arguments, not 1",
    "typo.test.txt:2: strip: unknown XPath function contain()",
    "typo.test.txt:5: title: does not compile: '//h1[': cannot compile" } }, errors)
end)

t.test("self-test: test_url runs on a saved page, test_contains is checked", function()
  local F = site.for_file(DIR .. "/every.test.txt")
  t.eq(nil, site.run_test(F, F.tests[1], PAGES))
  t.eq("skip", site.run_test(F, F.tests[2], PAGES))
  local broken = { url = F.tests[1].url, page = F.tests[1].page, text_contains = { "not in the page" } }
  t.contains(site.run_test(F, broken, PAGES), "test_contains")
end)

-- command line ---------------------------------------------------------------------

t.test("lede --ftr DIR uses the config for the page's host", function()
  local out, code = run({ "--ftr", DIR, "-u", "https://www.every.test/2024/story",
    PAGES .. "/every.test_2024_story.html" })
  t.eq(0, code)
  t.contains(out, '"filter":"ftr:every.test"')
end)

t.test("LEDE_FTR points lede at the configs too", function()
  local out = run({ "-u", "https://www.every.test/2024/story", PAGES .. "/every.test_2024_story.html" },
    "LEDE_FTR=" .. sh_quote(DIR))
  t.contains(out, '"filter":"ftr:every.test"')
end)

t.test("--filter FILE.txt forces a config", function()
  local out = run({ "--filter", DIR .. "/every.test.txt", "-u", "https://elsewhere.test/x",
    PAGES .. "/every.test_2024_story.html" })
  t.contains(out, '"filter":"ftr:every.test"')
end)

t.test("lede filters check-ftr reports the typo file and exits 1; --pages runs the self-tests", function()
  local out, code = run({ "filters", "check-ftr", DIR, "--pages", PAGES })
  t.eq(1, code)
  t.contains(out, "typo.test.txt\n  typo.test.txt:1: body: contains() takes 2 arguments, not 1")
  t.contains(out, "ok    every.test.txt https://every.test/2024/story")
  t.contains(out, "self-tests: 1 passed, 0 failed, 1 without a saved page")
end)

t.test("lede filters list shows Lua filters and configs, and which takes precedence", function()
  local out = run({ "filters", "list", "--filters", t.fixtures .. "/ftr/lua", "--ftr", DIR })
  t.contains(out, "lua.test")
  t.contains(out, "FiveFilters site configs: " .. DIR .. " (--ftr), 7 files")
  t.contains(out, "(Lua filter lua.test.lua takes precedence)")
  t.contains(out, "hosts *.sub.test")
end)

-- the public checkout -----------------------------------------------------------------

t.test("ftr-site-config: every file loads; exactly the four typo files have XPath errors", function()
  local dir = t.need_shared("ftr-site-config")
  local t0 = os.clock()
  local report = site.check(dir)
  local ms = (os.clock() - t0) * 1000
  local bad = {}
  for _, r in ipairs(report) do if #r.errors > 0 then bad[#bad + 1] = r.file end end
  t.ok(#report > 1900, "about 2,000 files, got " .. #report)
  t.eq({ "faz.net.txt", "gendai.media.txt", "polygon.com.txt", "zive.cz.txt" }, bad)
  io.stderr:write(string.format("  (%d files loaded and checked in %.0f ms)\n", #report, ms))
end)

t.test("ftr-site-config: a corpus page extracts with its config from the command line", function()
  local dir = t.need_shared("ftr-site-config")
  local page = t.need_shared("corpus/pages/postlight/www.nytimes.com.html")
  local url = "https://www.nytimes.com/2016/09/20/nyregion/nyc-nj-explosions-ahmad-khan-rahami.html"
  local out, code = run({ "--ftr", dir, "-u", url, page })
  t.eq(0, code)
  t.contains(out, '"filter":"ftr:nytimes.com"')
  t.contains(out, "Ahmad Khan Rahami")
end)


t.test("a checkout at $XDG_DATA_HOME/lede/ftr-site-config is the default, after --ftr and LEDE_FTR", function()
  local home = os.tmpname()
  os.remove(home)
  local dir = home .. "/lede/ftr-site-config"
  assert(os.execute("mkdir -p " .. sh_quote(dir) .. " && cp " .. sh_quote(DIR) .. "/*.txt " .. sh_quote(dir)))
  local out = run({ "filters", "list" }, "XDG_DATA_HOME=" .. sh_quote(home) .. " LEDE_FTR=")
  t.contains(out, dir)
  out = run({ "filters", "list" }, "XDG_DATA_HOME=" .. sh_quote(home .. "/none") .. " LEDE_FTR=")
  t.excludes(out, "ftr-site-config")
  os.execute("rm -rf " .. sh_quote(home))
end)

return t
