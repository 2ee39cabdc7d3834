local t = require "spec"
local lede = require "lede"
local credits = require "lede.credits"

local SEED = t.source_dir .. "/examples/pages/omanobserver-1101124.html"

local function seed(wire) return assert(lede.extract(t.read(SEED), { wire = wire })) end

t.test("the seed gives the SEOUL/SHANGHAI dateline", function()
  local a = seed()
  t.eq({ "SEOUL", "SHANGHAI" }, a.dateline.places)
  t.eq("SEOUL/SHANGHAI:", a.dateline.text)
  t.eq(nil, a.dateline.agency)
end)

t.test("the seed gives one wire credit, Reuters, at the end", function()
  local a = seed()
  t.eq(1, #a.wire)
  t.eq("Reuters", a.wire[1].agency)
  t.eq("end", a.wire[1].where)
  t.eq("— Reuters", a.wire[1].text)
  t.eq(true, a.wire[1].kept)
  t.eq({ agency = "Reuters" }, a.syndicated)
end)

t.test("wire = keep leaves the text as published", function()
  local text = seed("keep").text
  t.eq(1, text:find("SEOUL/SHANGHAI: China", 1, true))
  t.eq("— Reuters", text:sub(-#"— Reuters"))
end)

t.test("wire = field strips the dateline and credit from the text and keeps them as data", function()
  local a = seed("field")
  t.eq(1, a.text:find("China and South Korea called", 1, true))
  t.ok(not a.text:find("— Reuters", 1, true), "no credit left in the text")
  t.ok(a.text:sub(-1) == ".", "ends with the sentence: " .. a.text:sub(-30))
  t.eq(false, a.wire[1].kept)
  t.eq({ "SEOUL", "SHANGHAI" }, a.dateline.places)
end)

t.test("wire = drop strips them and records nothing", function()
  local a = seed("drop")
  t.eq(1, a.text:find("China and South Korea called", 1, true))
  t.eq(nil, a.dateline)
  t.eq(nil, a.wire)
  t.eq(nil, a.syndicated)
end)

t.test("role lines give authors with roles", function()
  t.eq({ { name = "Michel Rose", role = "reporting" }, { name = "Alex Richardson", role = "editing" } },
    credits.parse_roles("(Reporting by Michel Rose; Editing by Alex Richardson)"))
  t.eq({ { name = "Jane Doe", role = "writing" }, { name = "Ann Lee", role = "compiled" } },
    credits.parse_roles("Writing by Jane Doe; Compiled by Ann Lee"))
  t.eq(nil, credits.parse_roles("Reporters said the vote was close"))
end)

t.test("bylines split people from agencies", function()
  local authors, found = credits.parse_byline("By Jane Doe and John Roe, Reuters")
  t.eq({ { name = "Jane Doe", role = "byline" }, { name = "John Roe", role = "byline" } }, authors)
  t.eq({ "Reuters" }, found)
  authors, found = credits.parse_byline("By STEVE KARNOWSKI Associated Press")
  t.eq({ { name = "Steve Karnowski", role = "byline" } }, authors)
  t.eq({ "Associated Press" }, found)
  authors, found = credits.parse_byline("AFP/The Local")
  t.eq({}, authors)
  t.eq({ "Agence France-Presse" }, found)
end)

t.test("a filter's extra agencies are recognised", function()
  local list = credits.table_for({ { name = "Gulf News Service", forms = { "Gulf News Service" }, short = { "GNS" } } })
  local _, found = credits.parse_byline("By GNS", list)
  t.eq({ "Gulf News Service" }, found)
end)

t.test("a house-style role line credits Reuters when nothing else does, and stays in the text", function()
  local eval = require "credit_eval"
  local roles = "(Reporting by Michel Rose; Editing by Alex Richardson)"
  local body = "<p>PARIS — The minister said on Monday the border checks would end next week.</p>"
    .. "<p>" .. roles .. "</p>"
  local a = eval.run_case({ body = body }, "field")
  t.eq(1, #a.wire)
  t.eq("Reuters", a.wire[1].agency)
  t.eq("end", a.wire[1].where)
  t.eq(true, a.wire[1].kept)
  t.eq({ agency = "Reuters" }, a.syndicated)
  t.eq(roles, a.text:sub(-#roles))
  local dated = eval.run_case({ body = body:gsub("PARIS —", "PARIS (Reuters) -") })
  t.eq(1, #dated.wire)
  t.eq("dateline", dated.wire[1].where)
end)

t.test("a credit on the last line of a paragraph set with <br> is found; one inside it is not", function()
  local eval = require "credit_eval"
  local body = "<p>NEW DELHI — The three farm bills were passed by Parliament on Sunday after a long debate.</p>"
    .. "<p>The acts take effect next month, the ministry said.<br>(With inputs from PTI)</p>"
  local a = eval.run_case({ body = body }, "field")
  t.eq("Press Trust of India", a.wire and a.wire[1].agency)
  t.eq("end", a.wire[1].where)
  t.excludes(a.text, "With inputs from PTI")
  local inside = eval.run_case({ body = body:gsub("<br>%(With inputs from PTI%)", "<br>(With inputs from PTI)<br>"
    .. "The opposition walked out.") }, "field")
  t.eq(0, #(inside.wire or {}))
end)

t.test("a text of over a million paragraphs is searched without unpacking it whole", function()
  local paras = { "WASHINGTON (Reuters) - The story begins." }
  for i = 2, 1100000 do paras[i] = "w" .. (i % 10) end
  local article = { text = table.concat(paras, "\n\n") }
  credits.apply(article, { opts = {} })
  t.eq("Reuters", article.wire[1].agency)
  t.eq(#paras, select(2, article.text:gsub("\n\n", "")) + 1)
end)

-- The headline as the body's first line (or the article's header) reads like
-- a colon dateline: "Coronavirus: New York ramps up mass burials".
local HEADLINE_PAGE = [[<html><head><title>Coronavirus: New York ramps up mass burials - Site</title>
<meta property="og:title" content="Coronavirus: New York ramps up mass burials"></head><body>
<article><h1>Coronavirus: New York ramps up mass burials</h1>
<p>Images have emerged of coffins being buried in a mass grave in New York City, as the death toll from the
virus continues to rise across the state and the country, officials said on Thursday.</p>
<p>Workers in protective outfits were seen burying the coffins in a trench on Hart Island, off the Bronx,
which has been used for burials of people with no next of kin for more than a century.</p></article></body></html>]]

t.test("the headline is never a dateline; the paragraph after it may be", function()
  local a = assert(lede.extract(HEADLINE_PAGE))
  t.eq("Coronavirus: New York ramps up mass burials", a.title)
  t.eq(nil, a.dateline)
  local dated = HEADLINE_PAGE:gsub("<p>Images", "<p>NEW YORK — Images", 1)
  a = assert(lede.extract(dated))
  t.eq("NEW YORK —", a.dateline and a.dateline.text)
end)

t.test("a credit that names no agency gives the agency 'agencies'; the word in running text does not", function()
  local LONG = string.rep("The farmers' agitation entered its eleventh day on Sunday, the unions said. ", 4)
  local a = assert(lede.extract("<html><body><article><p>" .. LONG .. "</p><p>" .. LONG
    .. "<br>(With inputs from agencies)</p></article></body></html>"))
  t.eq("agencies", a.wire and a.wire[1] and a.wire[1].agency)
  t.eq("end", a.wire[1].where)
  a = assert(lede.extract("<html><body><article><p>" .. LONG .. "</p><p>" .. LONG
    .. " Government agencies said the talks would go on.</p></article></body></html>"))
  t.eq(nil, a.wire and a.wire[1])
end)
