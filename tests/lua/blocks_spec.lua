local t = require "spec"
local core = require "lede.core"
local boilerplate = require "lede.boilerplate"

local blocks = core.blocks.config(boilerplate)

local LONG = "The minister said on Tuesday that the talks would resume next week in Geneva, after "
  .. "both sides agreed to a short pause. Officials declined to give further details. "

local function summary(marks)
  local out = {}
  for _, m in ipairs(marks) do out[#out + 1] = (m[1]:attr("id") or m[1]:tag()) .. ": " .. m[2] end
  return out
end

t.test("classify gives the word or phrase that marks a class or id value", function()
  local cases = { ["share-list"] = "share", commentary = false, ["article-header"] = false,
    ["site-header"] = "site-header", mostRead = "most-read", ["md:px-4 share"] = "share", Nav = "nav",
    ["you may like"] = "you-may-like", ["entry-content"] = false, [""] = false, ["bg-[#share]"] = false,
    ["e-notification-alert sc-3dw5b1-0"] = "notification", ["notified-parties"] = false,
    ["jp-relatedposts-post jp-relatedposts-post0"] = "relatedposts", ["relatedness"] = false,
    ["user-bio__main-text"] = "bio", ["Biodiversity"] = false, ["mw-editsection"] = "editsection" }
  for v, want in pairs(cases) do t.eq(want or nil, blocks:classify(v), v) end
end)

t.test("clean_marks names what clean removes, and apply removes it", function()
  local html = "<html><head><script>x()</script></head><body><p>" .. LONG .. "</p>"
    .. "<div id=h style='display:none'>h</div><button id=b>Go</button></body></html>"
  t.eq({ "script: tag script", "h: hidden", "b: tag button" }, summary(blocks:clean_marks(assert(core.parse(html)))))
  local doc = assert(core.parse(html))
  t.eq(3, blocks:clean_marks(doc, { apply = true }))
  t.eq(0, #doc:select("script, button, #h"))
end)

t.test("clean: text for screen readers only ('sr-only', 'visually-hidden') goes; a class that merely contains the words stays", function()
  local html = "<html><body><p>" .. LONG .. "<a href=x>the report<span id=s class='sr-only'>(opens in a new tab)</span></a></p>"
    .. "<h2 id=v class='title visually-hidden'>Share this story</h2>"
    .. "<p id=k class='sr-only-note-box'>" .. LONG .. "</p></body></html>"
  t.eq({ "s: hidden", "v: hidden" }, summary(blocks:clean_marks(assert(core.parse(html)))))
end)

t.test("clean: a script bigger than the page's text is still removed; a hidden block holding it is kept", function()
  local state = "<script id=state>window.__STATE__ = " .. string.rep('{"k": "v"}, ', 400) .. "</script>"
  local html = "<html><head>" .. state .. "</head><body><p>Short story.</p>"
    .. "<style id=st>" .. string.rep("p { color: red } ", 100) .. "</style></body></html>"
  t.eq({ "state: tag script", "st: tag style" }, summary(blocks:clean_marks(assert(core.parse(html)))))
  -- the guard still protects text: a display:none wrapper around the story stays
  html = "<html><body><div id=w style='display:none'><p>" .. LONG .. "</p></div><p>Menu</p></body></html>"
  t.eq({}, summary(blocks:clean_marks(assert(core.parse(html)))))
end)

t.test("best_body gives the node, the rule and how it was found", function()
  local doc = assert(core.parse("<body><div class=article-body id=ab><p>" .. LONG .. LONG .. "</p></div></body>"))
  local node, rule, kind = blocks:best_body(doc)
  t.eq("ab", node:attr("id"))
  t.eq(".article-body", rule)
  t.eq("selector", kind)
  doc = assert(core.parse("<body><div id=s><p>" .. LONG .. "</p></div></body>"))
  node, rule, kind = blocks:best_body(doc, { selectors = { "section.story" } })
  t.eq({ "s", "scoring", "scoring" }, { node:attr("id"), rule, kind })
  t.eq(nil, (blocks:best_body(assert(core.parse("<p>short</p>")))))
end)

t.test("prune_marks lists removals, captions and the class guard", function()
  local doc = assert(core.parse("<body><div id=body><p>" .. LONG .. "</p><p>" .. LONG .. "</p>"
    .. "<nav id=n>Home</nav><div id=s class=share-bar>Facebook</div><div id=l>Read more</div>"
    .. "<figure><figcaption id=f>A caption</figcaption></figure></div></body>"))
  local r = blocks:prune_marks(doc:select("#body")[1])
  t.eq({ "n: tag nav", "s: class/id word 'share'", "l: boilerplate line" }, summary(r.remove))
  t.eq("A caption", r.captions[1]:text())
  t.eq(false, r.guard_tripped)
  t.eq(doc:select("#body")[1]:stats().chars, r.total)
end)

t.test("config rejects lists that are not lists of strings", function()
  t.raises("words[2] is not a string", core.blocks.config, { words = { "a", 3 } })
  t.raises("photo_agencies[1] is longer than 63 bytes", core.blocks.config,
    { photo_agencies = { string.rep("x", 64) } })
  t.raises("photo_credit_agencies must be a list of strings", core.blocks.config, { photo_credit_agencies = "afp" })
  t.raises("table expected", core.blocks.config, "x")
end)

-- What lead_marks takes from a body holding `inner`, given the title.
local function lead(inner, title)
  local doc = assert(core.parse("<body><div id=body>" .. inner .. "</div></body>"))
  return summary(blocks:lead_marks(doc:select("#body")[1], title))
end

local STORY = "<p>" .. LONG .. "</p>"

t.test("lead_marks gives the headline and byline above the story, not the story", function()
  t.eq({ "h: article header", "b: article header" },
    lead("<h1 id=h>Talks resume in Geneva</h1><p id=b>By Jane Doe</p><p id=s>" .. LONG .. "</p>",
      "Talks resume in Geneva"))
  t.eq({}, lead("<p>BEIJING:</p>" .. STORY, "Talks resume in Geneva"))
end)

t.test("lead_marks takes a date line ending with a clock's 'a.m.' or 'hrs.'; a short sentence stays", function()
  t.eq({ "b: article header", "d: article header" },
    lead("<p id=b>Por Rodrigo Mejías</p><p id=d>04 de mayo 2022 a las 09:01 hrs.</p>" .. STORY, "La ministra"))
  t.eq({ "d: article header" }, lead("<p id=d>Updated Jan. 5, 2020 at 10:31 a.m.</p>" .. STORY, "Talks"))
  t.eq({}, lead("<p>The vote ended at 10 p.m.</p>" .. STORY, "Talks"))
end)

t.test("lead_marks takes a list of a few words per item (date, counter, name), not key points", function()
  t.eq({ "m: article header", "a: article header" },
    lead("<ul id=m><li><time>2019.04.19 20:00</time></li><li><p>6,762</p></li></ul>"
      .. "<ul id=a><li>Hisanori Kogure</li></ul>" .. STORY, "Talks resume in Geneva"))
  t.eq({}, lead("<ul><li>Hydroxychloroquine is used to treat malaria</li><li>India had banned its export</li></ul>"
    .. STORY, "Talks resume in Geneva"))
end)

t.test("lead_marks takes an <h1> above the story whatever its words; an <h2> there is the story's", function()
  t.eq({ "h: article header", "b: article header" },
    lead("<h1 id=h>I, Too, Sing America</h1><p id=b>By The Times</p>" .. STORY, "The National Museum"))
  t.eq({}, lead("<h2>The first years</h2>" .. STORY, "The National Museum"))
end)

t.test("lead_marks takes an excerpt cut short above the story whose words open a later paragraph", function()
  local story = "<p>People love to share what they hate. A new dating app matches its users by the"
    .. " things they cannot stand, from loud music to long queues.</p>"
  t.eq({ "x: article header" }, lead("<p id=x>People love to share what they hate...</p>"
    .. "<p>Can't stand country music? Dislike selfies?</p>" .. story .. STORY, "A dating app"))
  t.eq({ "x: article header" }, lead("<p id=x>People love to share what they hate\u{2026}</p>" .. story .. STORY,
    "A dating app"))
end)

t.test("lead_marks keeps a first paragraph ending in an ellipsis that the story does not repeat", function()
  t.eq({}, lead("<p>And then the lights went out...</p><p>People love to share what they hate.</p>" .. STORY,
    "A dating app"))
  t.eq({}, lead("<p>Wait for it...</p><p>Wait for it, the mayor said.</p>" .. STORY, "A dating app"))  -- too short
end)

t.test("prune_marks takes a favor: recall keeps lines, a bad value raises", function()
  local doc = assert(core.parse("<body><div id=body><p>" .. LONG .. "</p><p>" .. LONG .. "</p>"
    .. "<div id=l>Read more</div></div></body>"))
  local body = doc:select("#body")[1]
  t.eq({ "l: boilerplate line" }, summary(blocks:prune_marks(body, { favor = "precision" }).remove))
  t.eq({}, summary(blocks:prune_marks(body, { favor = "recall" }).remove))
  t.raises("invalid option", function() blocks:prune_marks(body, { favor = "most" }) end)
end)

t.test("best_body by scoring takes the ancestor that holds three near-best candidates, not a stranger's", function()
  local two = "<p>" .. LONG .. "</p><p>" .. LONG .. "</p>"
  local function step(i) return "<div class=step><div class=content id=c" .. i .. ">" .. two .. "</div></div>" end
  local steps = assert(core.parse("<body><div id=main>" .. step(1) .. "<div><a href=/a>Other story one</a> "
    .. "<a href=/b>Other story two</a></div>" .. step(2) .. step(3) .. step(4) .. "</div></body>"))
  t.eq("main", (blocks:best_body(steps)):attr("id"))
  local apart = assert(core.parse("<body><div><div id=story>" .. two .. "</div></div><div><div id=x>" .. two
    .. "</div></div><div><div id=y>" .. two .. "</div></div><div><div id=z>" .. two .. "</div></div></body>"))
  t.eq("story", (blocks:best_body(apart)):attr("id"))
end)

t.test("best_body by scoring never gives a table's rows: the table, weighed with the paragraphs around it", function()
  local row = "<tr><td>1947</td><td>" .. LONG .. "</td></tr>"
  local doc = assert(core.parse("<body><div id=list><p>" .. LONG .. "</p><table id=films><tbody>" .. row .. row
    .. row .. "</tbody></table></div><div id=foot><a href=/a>About</a></div></body>"))
  t.eq("list", (blocks:best_body(doc)):attr("id"))
  local alone = assert(core.parse("<body><div><table id=films><tbody>" .. row .. row .. row
    .. "</tbody></table></div><div><a href=/a>About</a></div></body>"))
  t.eq("films", (blocks:best_body(alone)):attr("id"))
end)

t.test("best_body by scoring gives the siblings' parent and what beside them to drop", function()
  local doc = assert(core.parse("<body><div id=p><div id=best><p>" .. LONG .. "</p><p>" .. LONG .. "</p></div>"
    .. "<p>" .. LONG .. "</p><div id=links><a href=a>One story</a> <a href=b>Another</a></div></div></body>"))
  local node, rule, kind, drop = blocks:best_body(doc)
  t.eq({ "p", "scoring", "scoring" }, { node:attr("id"), rule, kind })
  t.eq({ "links: not the article's (beside the best candidate)" }, summary(drop))
end)

local function pruned(inner)
  local doc = assert(core.parse("<body><div id=body><p>" .. LONG .. "</p>" .. inner .. "<p>" .. LONG
    .. "</p></div></body>"))
  return summary(blocks:prune_marks(doc:select("#body")[1]).remove)
end

t.test("prune: 'Show more', 'Show less', 'Share this story' controls go; a sentence that starts so stays", function()
  t.eq({ "m: boilerplate line", "l: boilerplate line" },
    pruned("<div id=m><label>Show more</label></div><div id=l><label>Show less</label></div>"))
  t.eq({}, pruned("<p>Show more patience with the new drivers, the mayor told residents.</p>"))
  t.eq({ "s: boilerplate line" }, pruned("<div id=s>Share this story</div>"))
  t.eq({}, pruned("<p>Share this story with a friend, the campaign asks, and the museum will send a card.</p>"))
end)

t.test("prune: 'Read: <another story>' goes; a paragraph that reads on stays", function()
  t.eq({ "r: boilerplate line" }, pruned("<p id=r>Read: <a href=/x>Two disasters are exponentially worse than one</a></p>"))
  t.eq({}, pruned("<p>Read: the council's letter, in full, says the harbour <a href=/l>will reopen</a> in May.</p>"))
end)

t.test("prune: sign-up and control lines ('Newsletter', 'Comunicar erro', 'Source link') go; a sentence stays", function()
  t.eq({ "n: boilerplate line" }, pruned("<div id=n>Newsletter</div>"))
  t.eq({ "c: boilerplate line" }, pruned("<p id=c><a href='#erro'>Comunicar erro</a></p>"))
  t.eq({ "s: boilerplate line" }, pruned("<p id=s><a href='https://example.org/x'>Source link</a></p>"))
  t.eq({}, pruned("<p>The newsletter went to four thousand readers on Monday, the mayor said.</p>"))
end)

t.test("prune: a counter line ('27 Comments', '1.2K shares') goes; a number in a sentence stays", function()
  t.eq({ "c: boilerplate line" }, pruned("<div id=c><a href='#comments'>27 Comments</a></div>"))
  t.eq({ "s: boilerplate line" }, pruned("<span id=s>1.2K shares</span>"))
  t.eq({}, pruned("<p>27 comments were filed by residents before the council closed the consultation.</p>"))
  t.eq({ "h: boilerplate line" }, pruned("<h2 id=h>27 Comments</h2>"), "the comments' heading, as 'Comments' is")
  t.eq({}, pruned("<div>Comments 27</div>"))
end)

t.test("prune: promotion and disclaimer paragraphs go by their opening; a story sentence stays", function()
  t.eq({ "f: boilerplate line" }, pruned("<p id=f>Follow us on Telegram, Instagram and X for live updates.</p>"))
  t.eq({ "n: boilerplate line" }, pruned("<p id=n>Never miss the latest news by signing up to our newsletter!</p>"))
  t.eq({ "v: boilerplate line" }, pruned("<p id=v>The views expressed in this column are the author's own.</p>"))
  t.eq({ "a: boilerplate line" }, pruned("<p id=a>This article contains affiliate links to products selected by "
    .. "our editors. Mental Floss may receive a commission for purchases made through these links.</p>"))
  t.eq({ "c: boilerplate line" }, pruned("<p id=c>We may earn a commission when you buy through our links.</p>"))
  t.eq({}, pruned("<p id=w>We may earn less this year, the airline's chief executive warned on Monday.</p>"))
  -- an opening must end at a word boundary; a long paragraph or one holding others is story
  t.eq({}, pruned("<p id=x>Following usual practice, the minister met the press on Tuesday.</p>"))
  t.eq({}, pruned("<p id=y>Never mind the delays, officials said. " .. LONG .. "</p>"))
  t.eq({}, pruned("<p id=z>Follow us on the map: " .. LONG .. LONG .. LONG .. "</p>"))
  t.eq({ "p2: boilerplate line" },
    pruned("<div id=d><p id=p2>Follow us on X.</p><p>The talks resume next week.</p></div>"))
  -- a disclosure printed in <small> between the blocks, as span lines are judged
  t.eq({ "s: boilerplate line" }, pruned("<small id=s>This article contains affiliate links to products "
    .. "selected by our editors.</small>"))
  t.eq({}, pruned("<p>The fine print <small id=s2>(a 2% fee)</small> applies to every order.</p>"))
end)

-- The ids of the blocks prune keeps apart as captions.
local function captioned(inner)
  local doc = assert(core.parse("<body><div id=body><p>" .. LONG .. "</p>" .. inner .. "<p>" .. LONG
    .. "</p></div></body>"))
  local out = {}
  for _, c in ipairs(blocks:prune_marks(doc:select("#body")[1]).captions) do out[#out + 1] = c:attr("id") end
  return out
end

t.test("prune: a paragraph that is only a photo credit in parentheses is a caption; a remark stays", function()
  t.eq({ "c" }, captioned("<p id=c>(Credit: Clayton Aldern / Grist)</p>"))
  t.eq({ "c" }, captioned("<p id=c>(Photo: AP)</p>"))
  t.eq({}, captioned("<p id=c>(Updated: the minister has since resigned.)</p>"))
  t.eq({}, captioned("<p id=c>(Credit: see below) and more text after it.</p>"))
  t.eq({}, pruned("<p id=c>(Updated: the minister has since resigned.)</p>"))
end)

t.test("prune: a line that is a photo credit is a caption; a sentence naming an agency is not", function()
  t.eq({ "c" }, captioned("<p id=c>Image source: Getty Images.</p>"))
  t.eq({ "c" }, captioned("<div id=c>Photo by Steve Pope/Getty Images</div>"))
  t.eq({ "c" }, captioned("<p id=c>[Featured Image by Joe Raedle/Getty Images]</p>"))
  t.eq({ "c" }, captioned("<p id=c>REUTERS/Brendan McDermid</p>"))
  t.eq({ "c" }, captioned("<p id=c>Foto: Jane Doe</p>"))
  -- story text, a wire credit ("Reuters", "AP/Reuters"), a label without a name, an inline span
  t.eq({}, captioned("<p id=c>Getty Images said on Tuesday it would sue the start-up.</p>"))
  t.eq({}, captioned("<p id=c>Reuters</p>"))
  t.eq({}, captioned("<p id=c>AP/Reuters</p>"))
  t.eq({}, captioned("<p id=c>By Jane Doe/AP</p>"))
  t.eq({}, captioned("<p id=c>(Reporting by Jane Doe/Reuters)</p>"))
  t.eq({}, captioned("<p id=c>Image:</p>"))
  t.eq({}, captioned("<p id=c>Photo by photo, the album shows the town in 1920 as it was.</p>"))
  t.eq({}, captioned("<p id=p>The team won. <span id=c>Photo: AP</span> Then the fans came out.</p>"))
end)

t.test("prune: a short block right after an image that ends with a photo credit is a caption", function()
  -- the credit as its last line, after its last sentence, or an agency's name alone
  t.eq({ "c" }, captioned("<div><img src=a.jpg alt=''></div><div id=c><p>Fans celebrate the second goal in "
    .. "Tampere.<br>Foto: City-Press</p></div>"))
  t.eq({ "c" }, captioned("<div><img src=a.jpg alt=''></div><div id=c><p>The players may soon be back on the "
    .. "pitch. File photo. <span>Bild: Dave Thompson / AP Photo</span></p></div>"))
  t.eq({ "c" }, captioned("<img src=a.jpg><p id=c>Getty Images</p>"))
  t.eq({ "c" }, captioned("<img src=a.jpg><p id=c>先制点が決まり、喜ぶメッシ（左）とスアレス＝ロイター</p>"))
  -- no image before it; a paragraph of story after the image; a story ending on a credit-like line
  t.eq({}, captioned("<div id=c><p>Fans celebrate the second goal in Tampere.<br>Foto: City-Press</p></div>"))
  t.eq({}, captioned("<img src=a.jpg><p id=c>" .. LONG .. LONG .. LONG .. "Photo: AP</p>"))
  t.eq({}, captioned("<p id=c>Getty Images</p>"))
  -- a news agency's name alone under an image is a source line (a wire credit), not a photo credit
  t.eq({}, captioned("<img src=a.jpg><p id=c>ASSOCIATED PRESS</p>"))
end)

t.test("prune: 'Read also' links set as a quote or after a » are lines; a quote is not", function()
  t.eq({ "q: boilerplate line" }, pruned("<blockquote id=q><b>PUEDES VER: </b><a href=/x>¿Qué es la Sunedu y para qué sirve?</a></blockquote>"))
  t.eq({ "r: boilerplate line" }, pruned("<p id=r><strong>À lire aussi »</strong> <a href=/y>Ballonnements, lourdeurs : votre profil</a></p>"))
  t.eq({}, pruned("<blockquote id=q>\"We will be back next week,\" the minister said of the talks.</blockquote>"))
  t.eq({}, pruned("<p id=r>Prices » rose <a href=/z>sharply in March, the data show</a></p>"))
end)

t.test("prune: a paragraph whose class says boilerplate goes when it is a sentence-long link", function()
  t.eq({ "p: class/id word 'newsletter'" }, pruned("<p id=p class=newsletter-promo><a href=/nl>Get our Daily "
    .. "Edition by email and never miss the top stories</a></p>"))
  -- a short link (a name) and a paragraph of text keep their class
  t.eq({}, pruned("<p id=p class=newsletter-byline><a href=/a>Diogo Carleto</a></p>"))
  t.eq({}, pruned("<p id=p class=newsletter-intro>The minister wrote in a newsletter to staff on Monday that "
    .. "<a href=/x>the talks</a> would resume.</p>"))
end)

t.test("a paragraph classed as a caption is a caption; a heading or a plain paragraph is not", function()
  local doc = assert(core.parse("<body><div id=body><p>" .. LONG .. "</p>"
    .. "<p class='wp-caption-text' id=c>Protesters in Paris. Photo: Jane Doe</p>"
    .. "<h2 class=caption id=h>A section heading</h2><p id=p>" .. LONG .. "</p></div></body>"))
  local r = blocks:prune_marks(doc:select("#body")[1])
  t.eq(1, #r.captions)
  t.eq("c", r.captions[1]:attr("id"))
end)

t.test("best_body: a story in parts joins them even when the first part is the smaller", function()
  local doc = assert(core.parse("<body><article id=a><div class=entry-content>" .. LONG .. "</div>"
    .. "<div class=share-bar><a href=/f>Facebook</a></div><div class=entry-content>" .. LONG .. LONG .. LONG
    .. "</div></article><div id=side><p>" .. LONG .. "</p></div></body>"))
  t.eq("a", (blocks:best_body(doc)):attr("id"))
  -- one part alone stays the body
  doc = assert(core.parse("<body><article id=a><div class=entry-content id=e>" .. LONG .. LONG .. LONG
    .. "</div><div class=more>" .. LONG .. "</div></article></body>"))
  t.eq("e", (blocks:best_body(doc)):attr("id"))
end)

t.test("prune: a notice box goes by its class word", function()
  t.eq({ "n: class/id word 'notice'" },
    pruned("<div id=n class='column community-notice'>This post is a blog from our community</div>"))
  t.eq({}, pruned("<div id=n class=noticeable>This post is a blog from our community</div>"))
end)

t.test("prune: a block after an image that repeats its alt text is a caption; other text is not", function()
  local function captions(inner)
    local doc = assert(core.parse("<body><div id=body><p>" .. LONG .. "</p>" .. inner .. "<p>" .. LONG
      .. "</p></div></body>"))
    local out = {}
    for _, c in ipairs(blocks:prune_marks(doc:select("#body")[1]).captions) do out[#out + 1] = c:attr("id") end
    return out
  end
  local alt = "Delegates arrive in Geneva for the talks. Photo: AP"
  -- after the figure, with no caption class; after a <picture>, with a link and a credit around it
  t.eq({ "c" }, captions("<figure><img src=a.jpg alt='" .. alt .. "'></figure><div id=c>" .. alt .. "</div>"))
  t.eq({ "c" }, captions("<div><picture><img src=a.jpg alt='" .. alt .. "'></picture><div id=c>"
    .. "<a href=a.jpg>Enlarge</a> <b>" .. alt .. "</b> <span>© Jane Doe</span></div></div>"))
  -- a paragraph of story after the image, a short alt, a heading, a teaser's linked title: not captions
  t.eq({}, captions("<img src=a.jpg alt='" .. alt .. "'><p id=c>" .. LONG .. "</p>"))
  t.eq({}, captions("<img src=a.jpg alt='Touch ID'><div id=c>Touch ID</div>"))
  t.eq({}, captions("<img src=a.jpg alt='" .. alt .. "'><h3 id=c>" .. alt .. "</h3>"))
  t.eq({}, captions("<li><img src=a.jpg alt='" .. alt .. "'><div id=c><a href=/s>" .. alt .. "</a></div></li>"))
  -- text between the image and the block: the block is not the image's
  t.eq({}, captions("<span><img src=a.jpg alt='" .. alt .. "'> and more</span><div id=c>" .. alt .. "</div>"))
end)

t.test("prune: a list of teasers whose class says related goes even when it is most of the body", function()
  local items = {}
  for i = 1, 6 do
    items[#items + 1] = "<li><a href=/s" .. i .. ">Another story, number " .. i .. "</a><br><small>"
      .. LONG .. "</small></li>"
  end
  local doc = assert(core.parse("<body><div id=body><p>" .. LONG .. "</p><p>" .. LONG .. "</p>"
    .. "<ul id=r class=related_post>" .. table.concat(items) .. "</ul></div></body>"))
  local r = blocks:prune_marks(doc:select("#body")[1])
  t.eq({ "r: class/id word 'related'" }, summary(r.remove))
  t.eq(false, r.guard_tripped)
  -- a block of paragraphs that big keeps the guard: class names are not trusted
  doc = assert(core.parse("<body><div id=body><p>" .. LONG .. "</p><div id=s class=sidebar-body><p>"
    .. LONG .. "</p><p>" .. LONG .. "</p><p>" .. LONG .. "</p></div></div></body>"))
  r = blocks:prune_marks(doc:select("#body")[1])
  t.eq({}, summary(r.remove))
  t.eq(true, r.guard_tripped)
end)

t.test("best_body by scoring: a story of divs without paragraphs wins over a short box of <p>s", function()
  local paras = {}
  for i = 1, 8 do paras[#paras + 1] = "<div class=line><div><span>" .. LONG .. "</span></div></div>" end
  local doc = assert(core.parse("<body><div id=chapter>" .. table.concat(paras) .. "</div>"
    .. "<div id=notes><p>A note from the author, thanks for reading.</p><p>" .. LONG .. "</p></div></body>"))
  t.eq("chapter", (blocks:best_body(doc, { selectors = {} })):attr("id"))
  -- a summary set in a div beside a story of <p>s leaves the story the body
  doc = assert(core.parse("<body><div class=summary-text><div>Summary:</div><div><div id=s>" .. LONG
    .. "</div></div></div><div id=col><p>" .. LONG .. "</p></div></body>"))
  t.eq("col", (blocks:best_body(doc, { selectors = {} })):attr("id"))
end)

t.test("best_body by scoring: a story cut in sections of one class joins them; short fields do not", function()
  local function section(n)
    local ps = {}
    for _ = 1, n do ps[#ps + 1] = "<p>" .. LONG .. "</p>" end
    return "<div class=outer><section><div class=post__content>" .. table.concat(ps) .. "</div></section></div>"
  end
  local doc = assert(core.parse("<body><div id=post>" .. section(4) .. "<figure><img src=a.jpg></figure>"
    .. section(6) .. "<blockquote class=pull>A pull quote</blockquote>" .. section(4) .. "</div>"
    .. "<div id=side><p>" .. LONG .. "</p></div></body>"))
  t.eq("post", (blocks:best_body(doc, { selectors = {} })):attr("id"))
  -- a summary field that shares the story field's class stays out
  doc = assert(core.parse("<body><div id=page><div class=summary><div class=field-item><p>" .. LONG .. "</p></div></div>"
    .. "<div class=main><div class=field-item id=story><p>" .. LONG .. "</p><p>" .. LONG .. "</p><p>" .. LONG
    .. "</p><p>" .. LONG .. "</p></div></div></div></body>"))
  t.eq("story", (blocks:best_body(doc, { selectors = {} })):attr("id"))
end)

t.test("prune: 'Related stories' headings in several languages are lines; a sentence naming them is not", function()
  t.eq({ "r: boilerplate line" }, pruned("<h3 id=r>RELATED STORIES</h3>"))
  t.eq({ "r: boilerplate line" }, pruned("<div id=r>Verwandte Themen</div>"))
  t.eq({}, pruned("<p id=r>Related stories ran in three papers on Tuesday, officials said.</p>"))
end)
