-- The benchmark's count of expectations lede's rules forbid it to meet
-- (tests/bench/conflicts.lua): each test says yes where the rule applies
-- and no on a look-alike it must leave alone.
local t = require "spec"
local src = os.getenv("LEDE_SOURCE_DIR") or "."
local measure = dofile(src .. "/tests/bench/measure.lua")
local conflicts = dofile(src .. "/tests/bench/conflicts.lua")(measure)

t.test("title: the site's name after a separator is counted", function()
  t.eq(true, conflicts.title_keeps_site("Mozilla - Wikipedia", "Mozilla", "Wikipedia", nil))
  t.eq(true, conflicts.title_keeps_site("How to Build a Terrarium | eHow", "How to Build a Terrarium",
    nil, "www.ehow.com"))
  t.eq(true, conflicts.title_keeps_site("LWN.net Weekly Edition [LWN.net]", "LWN.net Weekly Edition",
    "LWN.net", nil))
  -- a site name in CJK whose last byte is also a byte of a full-width separator
  t.eq(true, conflicts.title_keeps_site("海外留学生看两会 – 新闻一", "海外留学生看两会", "新闻一", nil))
end)

t.test("title: a longer headline or a kicker that is not the site is not counted", function()
  t.eq(false, conflicts.title_keeps_site("Lust for Youth: Lust for Youth", "Lust for Youth",
    "Pitchfork", "pitchfork.com"))
  t.eq(false, conflicts.title_keeps_site("The 21 best films", "The 21 best movies", "Vox", "www.vox.com"))
  t.eq(false, conflicts.title_keeps_site("Same", "Same", "Same", nil))
  t.eq(false, conflicts.title_keeps_site("A headline - Wikipedia", nil, "Wikipedia", nil))
end)

t.test("body_start: an expectation opening with one of lede's captions is counted", function()
  t.eq(true, conflicts.body_starts_with_caption("Photo by Steve Pope/Getty Images After the election",
    { "A chart", "Photo by Steve Pope/Getty Images" }))
end)

t.test("body_start: a caption that only shares a first word is not counted", function()
  t.eq(false, conflicts.body_starts_with_caption("Photo finishes decided the race", { "Photo by X" }))
  t.eq(false, conflicts.body_starts_with_caption("Anything", nil))
  t.eq(false, conflicts.body_starts_with_caption("Anything", { "" }))
end)

t.test("author: a news agency, alone or in a credit with a slash, is counted", function()
  local agencies = { ["agencia efe"] = "EFE", dpa = "dpa" }
  t.eq(true, conflicts.author_is_agency({ "agencia efe" }, agencies))
  t.eq(true, conflicts.author_is_agency({ "jane doe", "dsw / dpa" }, agencies))
  t.eq(false, conflicts.author_is_agency({ "haki benita" }, agencies))
end)
