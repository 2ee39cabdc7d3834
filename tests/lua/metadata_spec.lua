-- Metadata that is right, not merely present (issue 4): dates from the
-- article region only, headlines without the site's name, bylines as people,
-- organisations and agencies apart, normalised language and URLs.
local t = require "spec"
local lede = require "lede"
local metadata = require "lede.metadata"

local DIR = t.fixtures .. "/metadata/"
local SEED = t.source_dir .. "/examples/pages/omanobserver-1101124.html"
local SEED_URL = "https://www.omanobserver.om/article/1101124/world/" ..
  "s-korea-china-urge-concessions-to-end-us-north-korea-standoff"

-- A fixed "now" keeps the tests independent of the day they run.
local NOW = 1735689600  -- 2025-01-01T00:00:00Z

local function page(name, opts)
  opts = opts or {}
  opts.no_filters = true
  opts.now = opts.now or NOW
  return assert(lede.extract(t.read(DIR .. name), opts))
end

-- metadata.read on an inline page, as extract.lua calls it.
local function read(html, url)
  local doc = assert(lede.parse(html, { url = url }))
  local ctx = { warnings = {}, url = url, opts = { now = NOW }, article = {} }
  local out = metadata.read(doc, ctx)
  doc:close()
  return out, ctx
end

local function names(article)
  local out = {}
  for _, a in ipairs(article.authors) do
    if a.role == "byline" then out[#out + 1] = a.name end
  end
  return out
end

local function byline(text)
  return read("<html><head><title>A story</title><meta name='author' content='" .. text ..
    "'></head><body><h1>A story</h1><p>Text.</p></body></html>")
end

local function byline_names(text)
  local out = {}
  for _, a in ipairs(byline(text).authors) do out[#out + 1] = a.name end
  return out
end

-- ---- dates: only the article's own ---------------------------------------------

t.test("a header's 'today' widget is not the published date", function()
  local a = page("widget-date.html")
  t.eq("2019-01-10T20:05:00", a.published)
  t.eq("minute", a.date_precision)
end)

t.test("a copyright or footer date is never the published date", function()
  local a = page("copyright-footer.html")
  t.eq(nil, a.published)
  t.eq(nil, a.modified)
end)

t.test("a teaser list inside the article is not its date", function()
  local a = assert(lede.extract([[<html><body><article><h1>Dog show returns to the park</h1>
    <div class="content">
    <div class="related-links"><span class="date">March 3, 2024</span> <a href="/x">Cat show</a></div>
    <p class="dateline">July 8, 2022</p>
    <p>The dog show returned to the city park on Saturday after a two-year break, with more than four
    hundred dogs competing in thirty classes in front of a crowd of several thousand visitors.</p>
    <p>A retired police dog won the obedience class, and the best-in-show prize went to a young setter
    from a breeder in the hills north of the city, the judges announced at the end of the day.</p>
    </div></article></body></html>]], { no_filters = true, now = NOW }))
  t.eq("2022-07-08", a.published)
end)

t.test("the dates of other stories in sidebars are not taken", function()
  local a = page("sidebar.html")
  t.eq("2021-06-15T14:20:00+02:00", a.published)
  t.eq("html:time", a.sources.published)
end)

t.test("a date only in the URL gives the published day", function()
  local a = page("url-date.html", { url = "https://news.example.org/arts/2019/01/10/orchestra-winter-season/" })
  t.eq("2019-01-10", a.published)
  t.eq("day", a.date_precision)
  t.eq("url", a.sources.published)
end)

t.test("published and modified both come with their time zone and source", function()
  local a = page("dates-structured.html")
  t.eq("2023-03-14T06:45:00+01:00", a.published)
  t.eq("2023-03-14T11:02:00+01:00", a.modified)
  t.eq("json-ld:NewsArticle.datePublished", a.sources.published)
  t.eq("json-ld:NewsArticle.dateModified", a.sources.modified)
end)

t.test("a modified date before the published one is dropped with a warning", function()
  local a = page("modified-before-published.html")
  t.eq("2020-05-02T09:00:00+00:00", a.published)
  t.eq(nil, a.modified)
  t.contains(table.concat(a.warnings, "\n"), "earlier than the published date")
end)

t.test("a date after now is rejected", function()
  local out = read([[<html><head><title>X</title>
    <meta property="article:published_time" content="2031-02-03T10:00:00Z">
    <meta name="date" content="2019-05-06"></head><body><h1>X</h1></body></html>]])
  t.eq("2019-05-06", out.published)
  t.eq("meta:date", out.sources.published)
end)

t.test("a Hijri date is never read as a Gregorian one", function()
  local a = assert(lede.extract([[<html><body><article><h1>Ministry opens new school</h1>
    <p class="date">Shawwal 16, 1445 H</p>
    <p>The ministry opened a new school in the capital on Sunday, with room for nine hundred pupils
    in thirty classrooms and a library that is open to the public in the afternoons.</p>
    <p>Teachers were recruited from across the country, the minister said at the opening ceremony,
    which was attended by parents, pupils and officials of the education department.</p>
    </article></body></html>]], { no_filters = true, now = NOW }))
  t.eq(nil, a.published)
end)

-- An article page around `inner` (a header) with enough text for a body.
local function article(inner, head)
  return "<html><head>" .. (head or "") .. "</head><body><article>" .. inner .. [[
    <p>The museum reopened its east wing on Saturday after a renovation that took two years and
    restored the painted ceilings of the three great halls to their original colours.</p>
    <p>Visitors can see the collection of maps again, which was kept in storage during the works,
    and a new room shows how the ceilings were cleaned, the museum's director said.</p>
    </article></body></html>]]
end

local function extract(html, opts)
  opts = opts or {}
  opts.no_filters, opts.now = true, opts.now or NOW
  return assert(lede.extract(html, opts))
end

t.test("a modified time earlier on the published day is dropped; a bare day or one zone only stays", function()
  local function dated(published, modified)
    local a = extract([[<html><head><title>X</title><meta property="article:published_time" content="]]
      .. published .. [["><meta property="article:modified_time" content="]] .. modified
      .. [["></head><body><article><h1>X</h1><p>]] .. string.rep("Words of the story here. ", 20)
      .. [[</p></article></body></html>]])
    return a.modified, table.concat(a.warnings, "\n")
  end
  local m, w = dated("2022-10-11T19:11:05-04:00", "2022-10-11T15:11:05-04:00")
  t.eq(nil, m)
  t.contains(w, "earlier than the published date")
  t.eq(nil, (dated("2021-05-04T13:20:05", "2021-05-04T12:20:07")), "no zone on either side: same clock")
  t.eq("2020-02-18", (dated("2020-02-18T18:07:56+09:00", "2020-02-18")), "a bare day: no order within it")
  t.eq("2019-02-22T17:23:00", (dated("2019-02-22T17:23:44+09:00", "2019-02-22T17:23:00")), "a zone on one side")
end)

t.test("a date printed as a line of its own at the top of the article dates an undated page", function()
  local a = extract(article("<h1>East wing reopens</h1><p>January 18, 2020</p><p>PARIS (Reuters) - The wing reopened"
    .. " on Saturday after two years of works on its painted ceilings, the museum said.</p>"))
  t.eq("2020-01-18", a.published)
  t.eq("text:date-line", a.sources.published)
  -- a caption that mentions a day is no date line; nor is a month alone
  local b = extract(article("<h1>East wing reopens</h1><p>Visitors in the east wing, Paris, France, January 16,"
    .. " 2020.</p><p>March 2020</p>"))
  t.eq(nil, b.published)
end)

t.test("Chinese and Japanese dates are read", function()
  local a = extract(article("<h1>Museum reopens east wing</h1><p class='date'>2019年04月21日 12時00分</p>"))
  t.eq("2019-04-21T12:00:00", a.published)
end)

t.test("Russian month names are read", function()
  local a = extract(article("<h1>Museum reopens east wing</h1><p class='date'>15 августа 2016, 13:43</p>"))
  t.eq("2016-08-15T13:43:00", a.published)
end)

t.test("JavaScript's Date.toString() form is read", function()
  local a = extract(article("<h1>Museum reopens east wing</h1>",
    "<meta property='article:published_time' content='Mon Aug 03 12:45:00 EDT 2015'>"))
  t.eq("2015-08-03T12:45:00-04:00", a.published)
end)

t.test("a UTC date is given in the page's own time zone when the page writes it", function()
  local a = extract(article("<h1>Museum reopens east wing</h1>",
    "<meta property='article:published_time' content='2020-02-25T02:25:54Z'>" ..
    "<script>var dataLayer = {\"date\":\"2020-02-24T21:25:54-05:00\"};</script>"))
  t.eq("2020-02-24T21:25:54-05:00", a.published)
end)

-- A page printing 28.04.2020 whose <head> holds `metas`.
local function printed_on_28_april(metas)
  return extract(article("<h1>Museum reopens east wing</h1><p class='date'>28.04.2020</p>", metas))
end
local MODIFIED_META = "<meta property='article:modified_time' content='2020-04-30T08:00:00+02:00'>"

t.test("a printed date beats a generic <meta name=date>, with or without a modified date", function()
  local weak = "<meta name='date' content='2020-04-29T11:52:23'>"
  t.eq("2020-04-28", printed_on_28_april(weak).published)
  local a = printed_on_28_april(weak .. MODIFIED_META)
  t.eq("2020-04-28", a.published)
  t.eq("2020-04-30T08:00:00+02:00", a.modified)
end)

t.test("trusted published and modified dates in the metadata stand against a printed date", function()
  local a = printed_on_28_april("<meta property='article:published_time' content='2020-04-29T11:52:23+02:00'>"
    .. MODIFIED_META)
  t.eq("2020-04-29T11:52:23+02:00", a.published)
  t.eq("meta:article:published_time", a.sources.published)
  t.eq("2020-04-30T08:00:00+02:00", a.modified)
end)

t.test("a page that prints only its update date gives it as published too", function()
  local a = extract(article("<h1>Museum reopens east wing</h1>" ..
    "<p class='meta'>Updated on December 12, 2016 09:22 AM</p>"))
  t.eq("2016-12-12T09:22:00", a.published)
  t.eq("2016-12-12T09:22:00", a.modified)
end)

t.test("the seed page gets its 2019 date from its metadata, not the 2024 widget", function()
  local a = assert(lede.extract(t.read(SEED), { no_filters = true, now = NOW }))
  t.eq("2019-01-10T20:05:00+04:00", a.published)
  t.eq("json-ld:NewsArticle.datePublished", a.sources.published)
end)

t.test("the seed page with its URL and filter keeps the 2019 date", function()
  local a = assert(lede.extract(t.read(SEED), { url = SEED_URL, now = NOW }))
  t.eq("2019-01-10", a.published:sub(1, 10))
end)

-- ---- titles ---------------------------------------------------------------------------

t.test("a ' | Site' suffix is cut from the <title>", function()
  t.eq("Mountain road reopens after landslide", page("title-suffix.html").title)
end)

t.test("a 'Site - ' prefix is cut from the <title>", function()
  t.eq("Fishing fleet returns early as storm approaches", page("title-prefix.html").title)
end)

t.test("short last parts of the <title> are the site's name and section", function()
  local out = read("<html><head><title>Ferry timetable changes for the summer - Travel | Isle Gazette" ..
    "</title></head><body><p>Text.</p></body></html>")
  t.eq("Ferry timetable changes for the summer", out.title)
  t.eq("Isle Gazette", out.site)
end)

t.test("the title the sources agree on wins over a lone og:title", function()
  local out = read([[<html><head><title>Snow closes schools across the north - Example News</title>
    <meta property="og:title" content="Heavy snow: what you need to know"></head>
    <body><h1>Snow closes schools across the north</h1></body></html>]])
  t.eq("Snow closes schools across the north", out.title)
  t.eq("html:h1", out.sources.title)
end)

t.test("the site's name alone is never the title", function()
  local out = read([[<html><head><title>Example Chronicle</title>
    <meta property="og:site_name" content="Example Chronicle"></head>
    <body><h1>Example Chronicle</h1><h1>Farmers protest over new rules on water use</h1></body></html>]])
  t.eq("Farmers protest over new rules on water use", out.title)
end)

t.test("a <title> or og:title longer than a title can be is not read", function()
  local huge = string.rep("Word | ", 50000)
  local out = read("<html><head><title>" .. huge .. "</title><meta property='og:title' content='" .. huge
    .. "'></head><body><h1>Farmers protest over new rules on water use</h1><p>Text</p></body></html>")
  t.eq("Farmers protest over new rules on water use", out.title)
  t.eq("html:h1", out.sources.title)
end)

t.test("an <h1> linking to the home page is the logo, not the title", function()
  local function title_of(h1)
    return read("<html><head><title>Farmers protest over new rules on water use [Example Archive]</title></head>"
      .. "<body>" .. h1 .. "<p>Text</p></body></html>").title
  end
  local want = "Farmers protest over new rules on water use [Example Archive]"
  t.eq(want, title_of([[<h1><a href="/"><span>Example Archive</span> <sup>beta</sup></a></h1>]]))
  t.eq(want, title_of([[<a href="https://example.org/"><h1>Example Archive of Stories</h1></a>]]))
  -- a headline that links to its own story stays the headline
  t.eq("Rain returns to the valley after months", title_of([[<h1><a href="/2024/rain">Rain returns to the valley after months</a></h1>]]))
end)

-- ---- authors ---------------------------------------------------------------------------

t.test("'By Jane Doe and John Roe' gives two authors", function()
  t.eq({ "Jane Doe", "John Roe" }, byline_names("By Jane Doe and John Roe"))
end)

t.test("an ALL-CAPS byline is title-cased", function()
  t.eq({ "Jacobo Betancur Peláez" }, byline_names("JACOBO BETANCUR PELÁEZ"))
end)

t.test("an e-mail or @handle is no part of a name", function()
  t.eq({ "Jane Doe" }, byline_names("By Jane Doe Jane.Doe@Example.com"))
  t.eq({ "John Roe" }, byline_names("@JohnRoe John Roe"))
end)

t.test("e-mails, @handles and job titles are stripped from a byline", function()
  local a = page("bylines.html")
  t.eq({ "Jane Doe", "John Roe" }, names(a))
  t.eq("html:div.byline", a.sources.authors)
end)

t.test("'Jane Doe, Reuters' gives the author and a Reuters byline credit", function()
  local out, ctx = byline("Jane Doe, Reuters")
  t.eq({ { name = "Jane Doe", role = "byline" } }, out.authors)
  t.eq({ { agency = "Reuters", where = "byline", text = "Jane Doe, Reuters" } }, ctx.byline_credits)
end)

t.test("an agency printed after a name without a comma is split off: 'Jane Doe Associated Press'", function()
  local people = require "lede.metadata.people"
  local function parsed(s)
    local r = people.parse(s, {})
    return { table.concat(r.names, "; "), table.concat(r.agencies, "; ") }
  end
  t.eq({ "Jane Doe", "Associated Press" }, parsed("By Jane Doe Associated Press"))
  t.eq({ "Orhan Coskun; Suleiman Al-Khalidi", "Reuters" }, parsed("By Orhan Coskun and Suleiman Al-Khalidi Reuters"))
  -- what stays must be a full name: these are people
  t.eq({ "Michael Bloomberg", "" }, parsed("By Michael Bloomberg"))
  t.eq({ "Michael R. Bloomberg", "" }, parsed("By Michael R. Bloomberg"))
end)

t.test("Korean bylines: the 기자 (reporter) label and the outlet before '=' are not the name", function()
  local people = require "lede.metadata.people"
  t.eq({ "선수민" }, people.parse("스포츠조선=선수민 기자", {}).names)
  t.eq({ "홍길동" }, people.parse("[서울=뉴시스]홍길동 기자", {}).names)
  t.eq({ "김철수" }, people.parse("김철수 특파원", {}).names)
end)

t.test("an author whose page is a desk's ('/autor/redaccion-ec', '/author/staff/') is no person", function()
  local people = require "lede.metadata.people"
  t.eq(true, people.desk_url("https://elcomercio.pe/autor/redaccion-ec"))
  t.eq(true, people.desk_url("https://revistaforum.com.br/autor/redacao/"))
  t.eq(false, people.desk_url("https://example.com/author/jane-doe/"))
  t.eq(false, people.desk_url("https://example.com/staff/jane-doe"))  -- only the page's own name counts
  local out = read([[<html><head><title>X</title><script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "X", "author": [{"@type": "Person", "name": "EC", "url": "https://elcomercio.pe/autor/redaccion-ec"},
    {"@type": "Person", "name": "Jane Doe", "url": "https://elcomercio.pe/autor/jane-doe"}]}</script>
    </head><body><h1>X</h1></body></html>]])
  t.eq({ "Jane Doe" }, { out.authors[1] and out.authors[1].name, out.authors[2] and out.authors[2].name })
end)

t.test("a police press office, an editorial team in Greek or Russian, 'Alle Meldungen' are no people", function()
  local people = require "lede.metadata.people"
  for _, s in ipairs { "Polizei Steinfurt", "ΣΥΝΤΑΚΤΙΚΗ ΟΜΑΔΑ", "Редакция", "Alle Meldungen" } do
    t.eq({}, people.parse(s, {}).names, s)
  end
  t.eq({ "Anna Polizzi" }, people.parse("Anna Polizzi", {}).names)
end)

t.test("a byline confirming the JSON-LD authors still gives its agency as a credit", function()
  local a = extract([[<html><head><title>Harbour talks</title><script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "Harbour talks",
     "author": [{"@type": "Person", "name": "Jane Doe"}]}</script></head><body><article>
    <h1>Harbour talks</h1><div class="byline">By Jane Doe <span class="source">Reuters</span></div>
    <p>The harbour board met on Tuesday and agreed to rebuild the old wall, ending a dispute that had lasted
    for more than a decade, the board's chairman said after the vote.</p>
    <p>Engineers had warned that the wall could fail in a strong winter storm, and the harbour master had
    closed its northern end to boats for the winter.</p></article></body></html>]])
  t.eq({ { name = "Jane Doe", role = "byline" } }, a.authors)
  t.eq("Reuters", a.wire[1] and a.wire[1].agency)
end)

t.test("a structured author list is read up to max_people, with a warning beyond", function()
  local metas = {}
  for i = 0, 599 do
    local a, b = string.char(65 + i // 26), string.char(97 + i % 26)
    metas[#metas + 1] = "<meta name='author' content='Ann " .. a .. b .. "ley'>"
  end
  local out, ctx = read("<html><head><title>A story</title>" .. table.concat(metas)
    .. "</head><body><h1>A story</h1><p>Text.</p></body></html>")
  t.eq(500, #out.authors)
  t.eq("Ann Aaley", out.authors[1].name)
  t.contains(table.concat(ctx.warnings, "\n"), "only the first 500 of 600 structured authors were read")
end)

t.test("an Organization in JSON-LD is no author", function()
  local out = read([[<html><head><title>X</title><script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "X", "author": {"@type": "Organization", "name": "Acme Lighthouse"}}
    </script></head><body><h1>X</h1></body></html>]])
  t.eq({}, out.authors)
end)

t.test("JSON-LD naming one of the people the author <meta> lists gives way to the fuller list", function()
  local function head(meta)
    return [[<html><head><title>X</title><meta name="author" content="]] .. meta .. [[">
      <script type="application/ld+json">
      {"@type": "NewsArticle", "headline": "X", "author": {"@type": "Person", "name": "April Roach"}}
      </script></head><body><h1>X</h1></body></html>]]
  end
  local out = read(head("April Roach, Daniel O'Mahony"))
  t.eq({ { name = "April Roach", role = "byline" }, { name = "Daniel O'Mahony", role = "byline" } }, out.authors)
  t.eq("meta:author", out.sources.authors)
  out = read(head("Daniel O'Mahony"))  -- other people: the JSON-LD stands
  t.eq({ { name = "April Roach", role = "byline" } }, out.authors)
  t.eq("json-ld:NewsArticle.author", out.sources.authors)
end)

-- The authors metadata reads from a page whose only author source is <meta name=author>.
local function meta_authors(content)
  return read([[<html><head><title>X</title><meta name="author" content="]] .. content .. [[">
    </head><body><h1>X</h1></body></html>]]).authors
end

t.test("an author <meta> naming the site whole is the site, though '&' would split it", function()
  local function page_with(creator)
    return read([[<html><head><title>X</title><meta property="og:site_name" content="Mac &amp; i">
      <meta name="DC.creator" content="]] .. creator .. [["></head><body><h1>X</h1></body></html>]]).authors
  end
  t.eq({}, page_with("Mac &amp; i"))
  t.eq({ { name = "Jane Doe", role = "byline" }, { name = "John Roe", role = "byline" } },
    page_with("Jane Doe &amp; John Roe"))
end)

t.test("an author <meta> written all in lower case is a name, in title case", function()
  t.eq({ { name = "Cindy Mangomini", role = "byline" } }, meta_authors("cindy mangomini"))
  t.eq({ { name = "Jan van Dijk", role = "byline" } }, meta_authors("jan van dijk"))
end)

t.test("a lower-case login or handle in the author <meta> is no name", function()
  t.eq({}, meta_authors("oradmin"))
  t.eq({}, meta_authors("user123 web"))
  t.eq({}, meta_authors("news desk"))
end)

t.test("an organisation in JSON-LD and meta author is the publisher, not an author", function()
  local a = page("organisation-author.html")
  t.eq({}, names(a))
  t.eq("Valley Example Post", a.site)
end)

t.test("an agency as JSON-LD author is no author but a byline credit", function()
  local out, ctx = read(t.read(DIR .. "agency-author.html"))
  t.eq({}, out.authors)
  t.eq({ { agency = "Reuters", where = "byline", text = "Reuters" } }, ctx.byline_credits)
end)

t.test("the agency credit reaches article.wire", function()
  local a = page("agency-author.html")
  local found = false
  for _, w in ipairs(a.wire or {}) do
    if w.agency == "Reuters" and w.where == "byline" then found = true end
  end
  t.ok(found, "a Reuters byline credit in article.wire")
end)

t.test("JSON-LD people keep their profile URL", function()
  local a = page("dates-structured.html")
  t.eq({ { name = "Marta Kowalski", role = "byline", url = "https://herald.example/staff/marta" } }, a.authors)
end)

t.test("a byline beside the headline overrides a meta author it never names", function()
  local a = assert(lede.extract([[<html><head><title>Dam project wins approval</title>
    <meta name="author" content="Peter Olsen"></head><body><article>
    <h1>Dam project wins approval</h1><p class="byline">By Karin Holm</p>
    <p>The regional government approved the dam project on Monday after a review that took three years
    and included studies of the river's fish and of the villages upstream of the planned wall.</p>
    <p>Construction should start next spring, and the reservoir will supply water to about two hundred
    thousand people when it is full, the project's engineers said at a public meeting.</p>
    </article></body></html>]], { no_filters = true, now = NOW }))
  t.eq({ "Karin Holm" }, names(a))
end)

t.test("a glued 'By', a doubled name and a job title glued to the name are undone", function()
  t.eq({ "Travis Haney" }, byline_names("ByTravis Haney"))
  t.eq({ "Jennifer Rubin" }, byline_names("Jennifer Rubin Jennifer Rubin"))
  t.eq({ "Howard Blume" }, byline_names("By Howard BlumeStaff Writer"))
end)

t.test("initials and 'Jr.' keep their period", function()
  t.eq({ "Perry Bacon Jr." }, byline_names("By Perry Bacon Jr."))
  t.eq({ "Juan Carlos Muñoz C." }, byline_names("Juan Carlos Muñoz C."))
end)

t.test("an affiliation after a name is not a person", function()
  t.eq({ "Meg Wagner" }, byline_names("By Meg Wagner NEW YORK DAILY NEWS"))
  t.eq({ "Chokri Gharbi" }, byline_names("Chokri GHARBI"))
  t.eq({ "Daniel Kahn Gillmor" }, byline_names("Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech Project"))
end)

t.test("'Last, First' bylines are turned round", function()
  t.eq({ "Steve Gillman" }, byline_names("Gillman, Steve"))
end)

t.test("a byline naming the site or a desk is no person", function()
  t.eq({}, byline_names("Fox News"))
  t.eq({}, byline_names("The Local"))
end)

t.test("Chinese and Japanese bylines lose their labels and brackets", function()
  t.eq({ "後藤大地" }, byline_names("著者：後藤大地"))
  t.eq({ "田中宏昌" }, byline_names("[田中宏昌，ASCII編集部]"))
end)

t.test("a <meta> title cut at an unescaped quote loses to the whole one", function()
  local out = read([[<html><head><title>Senator calls rival "unfit" in late-night speech</title>
    <meta property="og:title" content="Senator calls rival "></head><body><p>x</p></body></html>]])
  t.eq('Senator calls rival "unfit" in late-night speech', out.title)
end)

t.test("when the <h1> is the logo, the headline's own element marks the region", function()
  local a = extract([[<html><head><title>Dating app matches users by shared dislikes_Tech_Example Daily</title>
    </head><body><h1>Example Daily</h1><div class="wrap"><div class="top">
    <h2 class="title">Dating app matches users by shared dislikes</h2>
    <div class="author"><span class="name">谢若含</span> <span class="date">2017-03-01 14:27:02</span></div></div>
    <div class="detail"><p>The app asks new users to list things they cannot stand, from loud music to
    long queues, and suggests matches among people who share most of their dislikes.</p>
    <p>Its makers say the method produces more second dates than matching by shared interests, though
    they have not published the figures behind the claim, according to the company's blog.</p></div>
    </div><div class="side"><span class="date">2024-01-01 10:00:00</span></div></body></html>]])
  t.eq("Dating app matches users by shared dislikes", a.title)
  t.eq("2017-03-01T14:27:02", a.published)
  t.eq({ "谢若含" }, names(a))
end)

t.test("an author inside a figure's caption credits the photo: no author, no wire credit", function()
  local a = page("photo-credit.html", { url = "https://www.diariodelsur.example/local/1/muelle/" })
  t.eq({}, a.authors)
  t.eq({}, a.wire or {})
end)

t.test("an author outside any figure is still read", function()
  local _, ctx = read([[<html><body><h1>Tide gauge shows record</h1><p itemprop="author">Lena Berg</p>
    <figure><img src="a.jpg"><figcaption><span itemprop="author">Ola Nordmann</span></figcaption></figure>
    <div class="wp-caption"><span class="byline">Per Hansen</span></div></body></html>]])
  local values = {}
  for _, c in ipairs(ctx.meta.bylines) do values[#values + 1] = c.value end
  t.eq({ "Lena Berg" }, values)
end)

t.test("one person is one author: repeats and a lone surname are merged", function()
  local people = require "lede.metadata.people"
  local list = people.merge_authors {
    { name = "Steven Mufson", role = "byline" }, { name = "Mufson", role = "byline" },
    { name = "STEVEN MUFSON", role = "reporting" }, { name = "Ann Saphir", role = "additional" },
  }
  t.eq({ { name = "Steven Mufson", role = "byline" }, { name = "Ann Saphir", role = "additional" } }, list)
  t.eq({ { name = "Cher", role = "byline" } }, people.merge_authors { { name = "Cher", role = "byline" } })
end)

t.test("lines of a byline block are separate pieces: a newspaper's name is no person", function()
  local people = require "lede.metadata.people"
  t.eq({ "Joe Davidson" }, people.parse("By Joe Davidson\nWashington Post\nDec 13, 2016 at 3:45 pm").names)
  t.eq({ "Jane Doe", "John Roe" }, people.parse("By Jane Doe\nJohn Roe").names)
end)

t.test("a web address as a byline is the site, not a person", function()
  local people = require "lede.metadata.people"
  local r = people.parse("Timesofindia.Com")
  t.eq({}, r.names)
  t.eq({ "Timesofindia.Com" }, r.orgs)
  t.eq({ "Mike Cason" }, people.parse("By Mike Cason, al.com").names)
  t.eq({}, people.parse("news.com.au").names)
  t.eq({ "J.Smith" }, people.parse("J.Smith").names, "an initial glued to a name is no address")
  t.eq({ "Jane Doe" }, people.parse("Jane Doe").names)
end)

t.test("an editor, illustrator or photographer in a byline is not an author", function()
  local people = require "lede.metadata.people"
  t.eq({ "Rob Ewaschuk" }, people.parse("Written by Rob Ewaschuk\nEdited by Betsy Beyer").names)
  t.eq({ "Ysabel Yates" }, people.parse("Ysabel Yates | Illustration by Claire Lordon").names)
  -- photo credits and courtesy lines in other languages
  t.eq({}, people.parse("Фото из Инстаграма Лукаша Подольски").names)
  t.eq({}, people.parse("Foto: Juan Pérez").names)
  t.eq({}, people.parse("Cortesía").names)
  t.eq({ "Ana Fotopoulou" }, people.parse("Ana Fotopoulou").names, "a name that starts like 'foto' stays")
end)

t.test("the Baltic News Service (BNS) as a byline is an agency, not a person", function()
  local r = require("lede.metadata.people").parse("BNS")
  t.eq({ names = {}, agencies = { "Baltic News Service" } }, { names = r.names, agencies = r.agencies })
end)

t.test("initials, a middle name or a nickname in brackets inside a name are dropped, other brackets split", function()
  local people = require "lede.metadata.people"
  t.eq({ "Richard Eskow" }, people.parse("Richard (R.J.) Eskow").names)
  t.eq({ "Bruno Rodrigues" }, people.parse("Bruno (Henrique Zecchin) Rodrigues ").names)
  t.eq({ "Jane Doe", "John Roe" }, people.parse("Jane Doe (Oslo) John Roe").names)
  t.eq({ "Jane Doe" }, people.parse("Jane Doe (jdoe)").names)
  t.eq({ "Junichi Niino" }, people.parse("Junichi Niino（jniino）").names)
end)

t.test("a byline's date words end the names in several languages", function()
  local people = require "lede.metadata.people"
  t.eq({ "Ana Ruiz" }, people.parse("Ana Ruiz Publicado el martes").names)
  t.eq({ "Jan Berg" }, people.parse("Jan Berg Aktualisiert am Montag").names)
  t.eq({ "Jane Doe" }, people.parse("Jane Doe UPDATED Monday").names)
end)

t.test("a one-word piece beside the site's name is no person", function()
  local people = require "lede.metadata.people"
  local orgs = { ["diario del sur"] = true }
  t.eq({}, people.parse("Diario del Sur\nAndalucía", orgs).names)
  t.eq({ "Sleyca" }, people.parse("Sleyca", orgs).names)
end)

t.test("an 'authority' class or id is no author element", function()
  local _, ctx = read([[<html><body><h1>Tide gauge shows record</h1>
    <table><tr><th id="Authority_control">Authority control</th></tr></table>
    <p class="post-author">Lena Berg</p></body></html>]])
  t.eq(1, #ctx.meta.bylines)
  t.eq("Lena Berg", ctx.meta.bylines[1].value)
end)

t.test("class words match case-insensitively, and author links by their href", function()
  local _, ctx = read([[<html><body><h1>Tide gauge shows record</h1>
    <span id="ArticleByline">Lena Berg</span><a href="/authors/ola-nordmann">Ola Nordmann</a>
    <a href="/authorization">Sign in</a></body></html>]])
  local values = {}
  for _, c in ipairs(ctx.meta.bylines) do values[#values + 1] = c.value end
  t.eq({ "Lena Berg", "Ola Nordmann" }, values)
end)

t.test("a byline printed just before a body that holds the headline is the article's", function()
  local body = string.rep("<p>The regional government approved the dam project on Monday after a review that " ..
    "took three years and included studies of the river's fish and of the villages upstream.</p>", 4)
  local a = extract([[<html><head><title>Dam project wins approval after long review</title></head><body>
    <div class="page"><div class="article"><div class="article__author">Politik · Karin Holm, Per Lund</div>
    <div class="article__content"><p class="title">Dam project wins approval after long review</p>]] ..
    body .. [[</div></div><div class="side"><p class="author">Ola Nordmann</p></div></div></body></html>]])
  t.eq({ "Karin Holm", "Per Lund" }, names(a))
end)

t.test("itemprop=name counts first inside itemprop=author, data-testid bylines are read", function()
  local _, ctx = read([[<html><body><h1>Tide gauge shows record</h1>
    <span itemprop="name">Harbour Office</span>
    <div itemprop="author publisher"><span itemprop="name">Lena Berg</span></div>
    <p data-testid="story-byline">By Ola Nordmann</p></body></html>]])
  t.eq("Lena Berg", ctx.meta.bylines[1].value)
  t.eq(1, ctx.meta.bylines[1].tier)
  local found = false
  for _, c in ipairs(ctx.meta.bylines) do found = found or c.value == "By Ola Nordmann" end
  t.ok(found, "the data-testid byline")
  for _, c in ipairs(ctx.meta.bylines) do t.ok(c.value ~= "Harbour Office", "no name outside an author") end
end)

-- ---- authors: fallbacks when the region prints no byline ------------------------------

local authors_m = require "lede.metadata.authors"

-- Runs f with a field of lede.metadata.authors set to v (0 turns a fallback off).
local function with_setting(field, v, f)
  local old = authors_m[field]
  authors_m[field] = v
  local ok, r = pcall(f)
  authors_m[field] = old
  assert(ok, r)
  return r
end

local MUSEUM = [[<p>The museum reopened its east wing on Saturday after a renovation that took two years and
  restored the painted ceilings of the three great halls to their original colours.</p>
  <p>Visitors can see the collection of maps again, which was kept in storage during the works,
  and a new room shows how the ceilings were cleaned, the museum's director said.</p>]]

-- A blog post whose author is marked up in an <aside> of links beside the text (no headline block).
local function microdata_page(extra)
  return [[<html><head><title>Museum reopens east wing | Code</title></head><body>
    <header><h1><a href="/">Hi, I'm Lena.</a></h1></header><main>]] .. (extra or "") .. [[
    <article itemscope itemtype="http://schema.org/BlogPosting"><header><h2>Museum reopens east wing</h2></header>
    <section>]] .. MUSEUM .. MUSEUM .. [[</section><aside><p>
    <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Lena Berg</span> —</span>
    <a href="/code/">Code</a> — <a href="/p/1">Permalink</a> — <a href="/license">License</a></p></aside>
    </article></main></body></html>]]
end

t.test("microdata marks the author when no printed byline is found", function()
  t.eq({ "Lena Berg" }, names(extract(microdata_page())))
  t.eq("microdata:author", extract(microdata_page()).sources.authors)
  t.eq({}, names(with_setting("max_microdata", 0, function() return extract(microdata_page()) end)))
end)

t.test("a teaser's microdata author is not the article's, nor a review's", function()
  local teaser = [[<div class="related"><article itemscope itemtype="http://schema.org/NewsArticle">
    <a href="/t">Other story</a> <span itemprop="author">Ola Nordmann</span></article></div>]]
  t.eq({ "Lena Berg" }, names(extract(microdata_page(teaser))))
  local only_teasers = extract([[<html><head><title>Museum reopens east wing</title></head><body><main>
    <div class="text">]] .. MUSEUM .. [[</div></main><div class="side">]] .. string.rep([[
    <article itemscope itemtype="http://schema.org/BlogPosting"><a href="/t">Other story</a>
    <span itemprop="author">Ola Nordmann</span></article>]], 3) .. [[</div></body></html>]])
  t.eq({}, names(only_teasers))
  local review = extract([[<html><head><title>Museum reopens east wing</title></head><body><main>
    <div class="text">]] .. MUSEUM .. [[</div><aside><div itemscope itemtype="http://schema.org/Review">
    <span itemprop="author">Ola Nordmann</span> <a href="/r">Review</a> <a href="/s">Stars</a></div></aside>
    </main></body></html>]])
  t.eq({}, names(review))
end)

-- A page whose headline sits in a page-wide block (with long lists of links): the author is
-- printed between it and the text, in the body's parent.
local function header_page(before)
  local tail = "<ul>" .. string.rep("<li><a href='/more'>Readers wrote to us about the east wing, the maps and " ..
    "the ceilings of the museum</a></li>", 20) .. "</ul>"
  return [[<html><head><title>Museum reopens east wing</title></head><body><div class="page">
    <h1 class="article-title">Museum reopens east wing</h1>
    <div class="wrapper"><div class="left"><div class="article">]] .. before .. [[
    <div class="article__content">]] .. MUSEUM .. MUSEUM .. [[</div>
    <div class="article__end">]] .. tail .. [[</div></div></div>
    <div class="right">]] .. tail .. [[</div></div></div></body></html>]]
end

t.test("a byline printed just before the body counts when the region leaves it out", function()
  local html = header_page([[<div class="author"><a href="/autori/lena-berg">Lena Berg</a></div>
    <div class="perex">The east wing is open again.</div>]])
  t.eq({ "Lena Berg" }, names(extract(html)))
  t.eq({}, names(with_setting("before_body_levels", 0, function() return extract(html) end)))
end)

t.test("a byline far above the body is not taken for the article's", function()
  local html = header_page([[<div class="author"><a href="/autori/lena-berg">Lena Berg</a></div>
    <div class="perex">]] .. string.rep("The east wing is open again after two years of work. ", 20) ..
    [[</div>]])
  t.eq({}, names(extract(html)))
end)

local function signed(last)
  return "<html><head><title>Museum reopens east wing</title></head><body><article>" ..
    "<h1>Museum reopens east wing</h1>" .. MUSEUM .. last .. "</article></body></html>"
end

t.test("a name in bold closing the text signs the article", function()
  local html = signed("<p><b><i>Stefan Wasmer</i></b></p>")
  t.eq({ "Stefan Wasmer" }, names(extract(html)))
  t.eq("html:signature", extract(html).sources.authors)
  t.eq({}, names(with_setting("signature_words", 0, function() return extract(html) end)))
end)

t.test("a closing line that is no lone name in emphasis signs nothing", function()
  t.eq({}, names(extract(signed("<p><b>Mehr zum Thema</b></p>"))))
  t.eq({}, names(extract(signed("<p><b>Stefan Wasmer</b>, Berlin</p>"))))
  t.eq({}, names(extract(signed("<p><strong>Bottom Line</strong></p><p>The wing is worth a visit, and the " ..
    "maps alone repay the trip for anyone who likes old charts.</p>"))))
  t.eq({}, names(extract(signed("<p>Stefan Wasmer</p>"))))
end)

-- ---- authors: names -------------------------------------------------------------------

t.test("a Japanese label marked with a shape is no part of the name", function()
  local people = require "lede.metadata.people"
  t.eq({ "オカモト" }, people.parse("文● オカモト／ASCII編集部").names)
  t.eq({ "Jane Doe", "John Roe" }, people.parse("Jane Doe ● John Roe").names)
end)

t.test("initials signing in capitals stay capitals; a name in capitals is title-cased", function()
  local people = require "lede.metadata.people"
  t.eq({ "KT" }, people.parse("《KT》").names)
  t.eq({ "Al Gore" }, people.parse("AL GORE").names)
end)

t.test("a blog's counters and 'published at' are no names", function()
  local people = require "lede.metadata.people"
  t.eq({ "王小明" }, people.parse("王小明 發表在 痞客邦 PIXNET 留言(42) 人氣(23925)").names)
  t.eq({}, people.parse("人氣(23925)").names)
end)

t.test("a short word glued inside a handle is not cut off, a job title is", function()
  local people = require "lede.metadata.people"
  t.eq({ "AMournfulHowlInTheNight" }, people.parse("AMournfulHowlInTheNight").names)
  t.eq({ "Howard Blume" }, people.parse("By Howard BlumeStaff Writer").names)
end)

t.test("JSON-LD wrapped in a bare CDATA section is read", function()
  local out = read([==[<html><head><title>X</title><script type="application/ld+json">
    <![CDATA[
    {"@type": "NewsArticle", "headline": "X", "datePublished": "2018-12-21T12:55:00Z",
     "author": {"@type": "Person", "name": "Bruno Rodrigues"}}
    ]]></script></head><body><h1>X</h1></body></html>]==])
  t.eq("2018-12-21T12:55:00+00:00", out.published)
  t.eq({ { name = "Bruno Rodrigues", role = "byline" } }, out.authors)
end)

-- ---- titles: the printed headline --------------------------------------------------------

t.test("a kicker printed inside the <h1> is not part of the headline", function()
  local out = read([[<html><head><title>Interne Unterlagen: Daten gehackt worden | Example</title></head>
    <body><h1><span class="dachzeile">Interne Unterlagen</span> <span class="headline">Daten gehackt
    worden heute</span></h1></body></html>]])
  t.eq("Daten gehackt worden heute", out.title)
  out = read([[<html><body><h1><span class="ts-overline">Abstand und Fieber</span><span>: </span>
    <span class="ts-headline">Wie Firmen ihre Leute schützen</span></h1></body></html>]])
  t.eq("Wie Firmen ihre Leute schützen", out.title)
end)

t.test("an <h1> without a kicker class keeps all its text", function()
  local out = read([[<html><body><h1><span>Storm hits</span> <span>the northern coast</span></h1></body></html>]])
  t.eq("Storm hits the northern coast", out.title)
end)

t.test("the printed headline beats a shorter social title that only the <title> repeats", function()
  local out = read([[<html><head><title>Singer Shares Pic of Ex With Her Mom</title>
    <meta property="og:title" content="Singer Shares Pic of Ex With Her Mom"></head><body>
    <h1>Singer Shares Photo of Ex Hanging Out With Her Mom and Now We Are Confused</h1></body></html>]])
  t.eq("Singer Shares Photo of Ex Hanging Out With Her Mom and Now We Are Confused", out.title)
end)

t.test("JSON-LD, og:title and <title> agreeing beat a lone <h1> (a slogan)", function()
  local out = read([[<html><head><title>Congress delays the vote on water rules - El Ejemplo</title>
    <meta property="og:title" content="Congress delays the vote on water rules">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Congress delays the vote on water rules"}
    </script></head><body><h1>El Ejemplo, the first digital paper of the coast.</h1></body></html>]])
  t.eq("Congress delays the vote on water rules", out.title)
end)

t.test("a logo <h1> mixing scripts is not headline-sized", function()
  local title = require "lede.metadata.title"
  t.eq(false, title.headline_sized("上報 Up Media"))
  t.eq(true, title.headline_sized("武汉的声音：有英勇的你，才有英雄的城"))
  local out = read([[<html><head><title>稱憂鬱症是不知足挨轟 吳宗憲鼓勵患者別只往負面想 -- 上報 / 焦點</title>
    <meta property="og:title" content="稱憂鬱症是不知足挨轟 吳宗憲鼓勵患者別只往負面想--上報"></head>
    <body><h1>上報 Up Media</h1></body></html>]])
  t.ok(out.title:find("^稱憂鬱症") ~= nil, "the headline, not the logo: " .. tostring(out.title))
end)

t.test("a Chinese site name glued with a bare dash is cut from the <title>", function()
  local out = read([[<html><head><title>武汉的声音：有英勇的你，才有英雄的城！-新华网</title></head>
    <body><p>x</p></body></html>]])
  t.eq("武汉的声音：有英勇的你，才有英雄的城！", out.title)
  out = read([[<html><head><title>COVID-19 cases fall across the region</title></head><body><p>x</p></body></html>]])
  t.eq("COVID-19 cases fall across the region", out.title)
end)

t.test("a permalink mark after a heading goes, the heading's last letter stays", function()
  local out = read("<html><body><h1>Water rules delayed again ¶</h1></body></html>")
  t.eq("Water rules delayed again", out.title)
  out = read("<html><body><h1>كل الشروط متوفرة لثورة سودانية ولا حاجة لنستورد شيئا</h1></body></html>")
  t.eq("كل الشروط متوفرة لثورة سودانية ولا حاجة لنستورد شيئا", out.title)
end)

-- ---- the small fields -----------------------------------------------------------------

t.test("languages are normalised to BCP 47", function()
  t.eq("en-US", metadata.language_tag("en_us"))
  t.eq("pt-BR", metadata.language_tag("PT-br"))
  t.eq("zh-Hans-CN", metadata.language_tag("zh_hans_cn"))
  t.eq(nil, metadata.language_tag("_"))
  t.eq("en-US", page("bylines.html").language)
end)

t.test("og:locale gives the language when the page has no lang", function()
  local out = read("<html><head><meta property='og:locale' content='en_US'><title>X</title></head>" ..
    "<body></body></html>")
  t.eq("en-US", out.language)
  t.eq("meta:og:locale", out.sources.language)
end)

t.test("the canonical URL is resolved against the page URL", function()
  local a = page("bylines.html", { url = "https://news.example.com/local/2020/item.html" })
  t.eq("https://news.example.com/local/politics/city-budget-passes.html?ref=rss", a.canonical_url)
end)

t.test("without the page's URL, relative links resolve against the og:url the page gives", function()
  local out = read([[<html><head><title>X</title>
    <meta property="og:url" content="https://www.kut.org/post/county-judge">
    <link rel="canonical" href="/post/county-judge?amp=0"></head><body><h1>X</h1></body></html>]])
  t.eq("https://www.kut.org/post/county-judge?amp=0", out.canonical_url)
  out = read([[<html><head><title>X</title><link rel="canonical" href="/post/county-judge"></head>
    <body><h1>X</h1></body></html>]])
  t.eq("/post/county-judge", out.canonical_url, "no base anywhere: left as the page gives it")
end)

t.test("a site name that is a host drops its www., as the host fallback does", function()
  local function site(name)
    return read([[<html><head><title>X</title><meta property="og:site_name" content="]] .. name
      .. [["></head><body><h1>X</h1></body></html>]]).site
  end
  t.eq("diariolibre.com", site("www.diariolibre.com"))
  t.eq("WWW Foundation", site("WWW Foundation"))
end)

t.test("a microdata image is the address of its <img>, never its caption", function()
  local out = read([[<html><head><title>X</title></head><body><h1>X</h1>
    <figure itemprop="image" itemscope itemtype="http://schema.org/ImageObject">
    <img src="https://cdn.example/mr/300.jpg"><figcaption>The Moulin Rouge cabaret in Paris</figcaption>
    </figure></body></html>]])
  t.eq("https://cdn.example/mr/300.jpg", out.image)
  out = read([[<html><head><title>X</title></head><body><h1>X</h1>
    <span itemprop="image">The Moulin Rouge cabaret in Paris</span></body></html>]])
  t.eq(nil, out.image)
end)

t.test("site, section, tags, description and image come from the metadata", function()
  local a = assert(lede.extract(t.read(SEED), { no_filters = true, now = NOW }))
  t.eq("Oman Observer", a.site)
  t.eq("World", a.section)
  t.eq("Kim Jong Un", a.tags[6])
  t.contains(a.description, "China and South Korea called for concessions")
  t.eq("https://www.omanobserver.om/omanobserver/uploads/images/2019/01/10/1101124.jpg", a.image)
end)

t.test("a section key holding a page type or a placeholder names no section; the next one is read", function()
  local out = read([[<html><head><title>X</title><meta name="cXenseParse:pageclass" content="article">
    <meta property="article:section" content="tags"><meta name="parsely-section" content="Politics">
    </head><body><h1>X</h1></body></html>]])
  t.eq("Politics", out.section)
  t.eq("meta:parsely-section", out.sources.section)
  out = read([[<html><head><title>X</title><meta property="article:section" content="undefined">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "X",
    "articleSection": "Front Page"}</script></head><body><h1>X</h1></body></html>]])
  t.eq(nil, out.section)
end)

t.test("tags: a CMS's facets among the keywords are no tags; a topic facet gives its value", function()
  local out = read([[<html><head><title>X</title><meta name="parsely-tags" content="Category: Phones,
    Page Type: Article, type_review, exclude-from-homepage, [SYNDICATED CONTENT], Lite:true, Tag:Nodejs,
    Star Wars: Episode IV - A New Hope, ryan_gosling"></head><body><h1>X</h1></body></html>]])
  t.eq({ "Phones", "Nodejs", "Star Wars: Episode IV - A New Hope", "ryan_gosling" }, out.tags)
end)

t.test("site: a declared name that does not name the host gives way to one that does", function()
  local function site(og, publisher, url)
    local out = read([[<html><head><title>X</title><meta property="og:site_name" content="]] .. og .. [[">
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "X",
      "publisher": {"@type": "Organization", "name": "]] .. publisher .. [["}}</script>
      </head><body><h1>X</h1></body></html>]], url)
    return out.site, out.sources.site
  end
  t.eq({ "Reuters", "json-ld:NewsArticle.publisher" }, { site("U.S.", "Reuters", "https://www.reuters.com/article/x") })
  t.eq({ "Correio Braziliense", "json-ld:NewsArticle.publisher" },
    { site("Política", "Correio Braziliense", "https://www.correiobraziliense.com.br/politica/x") })
  -- names that do name it, names of another script, and no better name: the first stands
  t.eq("La Información", (site("La Información", "lainformacion.com", "https://www.lainformacion.com/x")))
  t.eq("اليوم السابع", (site("اليوم السابع", "Youm7", "https://www.youm7.com/x")))
  t.eq("Magazine", (site("Magazine", "NGM Editors", "https://www.nationalgeographic.com/x")))
end)

t.test("image: a site's stand-in share image ('opengraph_default.png') gives way to the next one", function()
  local function image(og, tw)
    local out = read([[<html><head><title>X</title><meta property="og:image" content="]] .. og .. [[">
      <meta name="twitter:image" content="]] .. (tw or "") .. [["></head><body><h1>X</h1></body></html>]],
      "https://example.com/a")
    return out.image
  end
  t.eq("https://example.com/2020/harbour.jpg", image("https://example.com/img/opengraph_default.png",
    "https://example.com/2020/harbour.jpg"))
  t.eq(nil, image("https://example.com/images/social_placeholder.png"))
  t.eq(nil, image("https://example.com/ANDefault.jpg"))
  -- a Drupal directory named default, and a company's logo in a story about it, are images
  t.eq("https://example.com/sites/default/files/harbour.jpg", image("/sites/default/files/harbour.jpg"))
  t.eq("https://example.com/up/raspberry_pi_logo.jpg", image("/up/raspberry_pi_logo.jpg"))
end)

t.test("every field says where it came from", function()
  local a = assert(lede.extract(t.read(SEED), { no_filters = true, now = NOW }))
  t.eq("meta:og:site_name", a.sources.site)
  t.eq("html:lang", a.sources.language)
  t.eq("html:link[rel=canonical]", a.sources.canonical_url)
  t.ok(a.sources.title and a.sources.title ~= "", "a source for the title")
end)

-- ---- the one page walk (lede.core.mindex, lede.metadata.index) ------------------------

local core = require "lede.core"
local index = require "lede.metadata.index"

local function ids(nodes)
  local out = {}
  for _, n in ipairs(nodes) do out[#out + 1] = n:attr("id") or n:tag() end
  return table.concat(out, " ")
end

local WALK_PAGE = [[<html><body>
<div id="a" class="Post-DATE">1 May</div>
<div id="b" class="authority-box">not an author</div>
<div id="c" class="author-name">Jane Doe</div>
<span id="d" itemprop="author" rel="x">Jane</span>
<p id="e" data-testid="story-byline">By Jane</p>
<a id="f" href="/author/jane">Jane</a><a id="g" href="/about">About</a>
<time id="h" datetime="2020-01-01">then</time><time id="i">now</time><abbr id="j" title="x">x</abbr>
<meta content="1"><meta name="x"><meta value="2"><h1 id="k">Title</h1>
</body></html>]]

t.test("one walk finds class/id words, attributes, links and simple selectors in page order", function()
  local doc = assert(lede.parse(WALK_PAGE))
  local g = core.mindex(doc, {
    words = { { words = { "date" } }, { words = { "author" }, unless = { "authorit" } } },
    links = { { "/author/" } },
    tags = { { { tag = "time", attr = "datetime" } }, { { tag = "time" }, { tag = "abbr", attr = "title" } } },
  })
  t.eq("a", ids(g.words[1]), "class words are matched lowercased")
  t.eq("c", ids(g.words[2]), "an `unless` word vetoes the value")
  t.eq("f", ids(g.links[1]))
  t.eq("h", ids(g.tags[1]))
  t.eq("h i j", ids(g.tags[2]), "a union keeps page order")
  t.eq(2, #g.attrs)
  t.eq("author", g.attrs[1].itemprop)
  t.eq("x", g.attrs[1].rel)
  t.eq(nil, g.attrs[1].testid)
  t.eq("story-byline", g.attrs[2].testid)
  t.eq(3, g.depth, "html > body > div")
  doc:close()
end)

t.test("the walk matches every class value alike past the first few hundred (its value cache grows)", function()
  -- 6,000 distinct values, each seen twice: the cache grows to its largest
  -- size and then matches the rest afresh; every answer stays the same
  local parts = {}
  for i = 1, 6000 do
    local cls = (i % 3 == 0) and ("post-date-" .. i) or ("box-" .. i)
    parts[#parts + 1] = string.format('<p class="%s">x</p><p class="%s">y</p>', cls, cls)
  end
  local doc = assert(lede.parse("<html><body>" .. table.concat(parts) .. "</body></html>"))
  local g = core.mindex(doc, { words = { { words = { "date" } }, { words = { "box" } } } })
  t.eq(4000, #g.words[1])
  t.eq(8000, #g.words[2])
  t.eq("post-date-3", g.words[1][1]:attr("class"))
  t.eq("post-date-6000", g.words[1][4000]:attr("class"))
  doc:close()
end)

t.test("the walk's lists stop at max and its handles outlive the call, not the document", function()
  local doc = assert(lede.parse(WALK_PAGE))
  local g = core.mindex(doc, { words = { { words = { "a" } } }, max = 2 })
  t.eq(2, #g.words[1])
  collectgarbage()
  t.eq("div", g.words[1][1]:tag())
  t.raises("must be", function() core.mindex(doc, { words = { 1 } }) end)
  doc:close()
  t.raises("closed", function() return g.words[1][1]:tag() end)
end)

t.test("the index answers as doc:select would, and a selector it does not know falls back", function()
  local doc = assert(lede.parse(WALK_PAGE))
  local idx = index.new(doc)
  index.gathers("meta[content], meta[value]")
  for _, css in ipairs { "time, abbr[title]", "time[datetime]", "h1", "address", "div > time" } do
    t.eq(ids(doc:select(css)), ids(index.select(idx, css)), css)
  end
  t.eq(#doc:select("meta[content], meta[value]"), #index.select(index.new(doc), "meta[content], meta[value]"))
  t.eq(3, index.depth(idx))
  doc:close()
end)

t.test("title.choose: a text several sources repeat is read once per kind, the <title> one cut", function()
  local title = require "lede.metadata.title"
  local same = "Storm closes the old harbour bridge - Daily Courier"
  local got, source = title.choose({ { text = same, source = "json-ld" }, { text = same, group = "title", source = "title" },
    { text = same, group = "title", source = "title2" },
    { text = "Storm closes the old harbour bridge", group = "h1", source = "h1" } }, {}, "dailycourier")
  t.eq("Storm closes the old harbour bridge", got)
  t.eq("h1", source)
  got, source = title.choose({ { text = same, source = "json-ld" }, { text = same, group = "title", source = "title" } },
    {}, "example")
  t.eq(same, got, "the structured headline keeps its words; only the <title> is cut")
  t.eq("json-ld", source)
end)

t.test("core.elements_at_most counts a subtree's elements, the node included, up to a limit", function()
  local doc = assert(lede.parse([[<div id=a><p>one <b>two</b></p><p>three<!-- c --></p></div>
    <div id=b><span>x</span></div>]]))
  local a = doc:select("#a")[1]
  t.eq(true, core.elements_at_most(a, 4), "div, two p, one b")
  t.eq(false, core.elements_at_most(a, 3))
  t.eq(true, core.elements_at_most(doc:select("b")[1], 1), "a leaf is one element")
  t.eq(false, core.elements_at_most(doc:select("#b")[1], 1), "its sibling's subtree is not counted, its own is")
  t.eq(true, core.elements_at_most(doc:select("#b")[1], 2))
end)

-- ---- a date line between the headline and the body ----------------------------------

local STORY_P = "<p>" .. string.rep("The harbour reopened on Monday after three weeks of repairs to the quay. ", 4)
  .. "</p>"

local function header_page(before_h1, between, h1_block)
  return [[<html><head><title>Harbour reopens</title></head><body>
    <div class=top>]] .. before_h1 .. [[</div><div class=main>]]
    .. (h1_block or "<h1>Harbour reopens</h1>") .. between
    .. "<div class=story>" .. STORY_P .. STORY_P .. STORY_P .. "</div></div></body></html>"
end

t.test("a date line printed between the headline and the body is the published date (CJK too)", function()
  local a = extract(header_page("", "<p class=fs12><a href=/t>TOPICS</a>　2019年3月15日 09:43</p>"))
  t.eq("2019-03-15T09:43:00", a.published)
  t.eq("text:date-line", a.sources.published)
  a = extract(header_page("", "", "<header><h1>Harbour reopens</h1><p>March 15, 2019</p></header>"))
  t.eq("2019-03-15", a.published)
end)

t.test("a date above the headline (the site header's today) is never taken for the date line", function()
  local a = extract(header_page("<p>Friday, April 26, 2024</p>", "<p>Share</p>"))
  t.eq(nil, a.published)
end)
