local t = require "spec"
local core = require "lede.core"
local boilerplate = require "lede.boilerplate"
local pipeline = require "lede.pipeline"

local blocks = core.blocks.config(boilerplate)

-- The Lua implementation the C steps are checked against. Once pipeline.lua
-- runs on lede.core.blocks it should keep its Lua steps as pipeline.reference
-- (clean, body, prune, boilerplate_reason), or these comparisons compare C with C.
local ref = pipeline.reference or pipeline

local LONG = "The minister said on Tuesday that the talks would resume next week in Geneva, after "
  .. "both sides agreed to a short pause. Officials declined to give further details. "

-- The glue meant for pipeline.lua: C decides, Lua removes (and may protect or trace).
local LATE = { ["boilerplate line"] = true, ["link-dense block"] = true }
local glue = {}

function glue.clean(ctx)
  if not ctx.protect then
    blocks:clean_marks(ctx.doc, { apply = true })
    return
  end
  for _, m in ipairs(blocks:clean_marks(ctx.doc, { nested = true })) do
    if not m[1]:removed() and not ctx.protect(m[1], m[2]) then m[1]:remove() end
  end
end

function glue.body(ctx)
  local node, rule = blocks:best_body(ctx.doc,
    { selectors = pipeline.body_selectors, min_chars = pipeline.min_body_chars })
  if not node then
    node, rule = ctx.doc:body(), "whole page"
    ctx.warnings[#ctx.warnings + 1] = "no article body found; the whole page was used"
  end
  ctx.body, ctx.body_rule = node, rule
end

function glue.prune(ctx)
  if not ctx.body then return end
  local r = blocks:prune_marks(ctx.body)
  if r.guard_tripped then
    ctx.warnings[#ctx.warnings + 1] = string.format(
      "class names would remove %d%% of the body; class-based pruning skipped", r.marked_chars * 100 // r.total)
  end
  for _, m in ipairs(r.remove) do if not LATE[m[2]] then m[1]:remove() end end
  ctx.captions = ctx.captions or {}
  for _, cap in ipairs(r.captions) do
    local text = cap:text()
    if text ~= "" then ctx.captions[#ctx.captions + 1] = text end
    cap:remove()
  end
  for _, m in ipairs(r.remove) do if LATE[m[2]] then m[1]:remove() end end
end

local function ctx_of(html, url)
  return { doc = assert(core.parse(html, { url = url })), warnings = {}, opts = {}, article = {} }
end

local function summary(marks)
  local out = {}
  for _, m in ipairs(marks) do out[#out + 1] = (m[1]:attr("id") or m[1]:tag()) .. ": " .. m[2] end
  return out
end

t.test("classify gives the reasons pipeline.boilerplate_reason gives", function()
  for _, v in ipairs { "share-list", "commentary", "article-header", "site-header", "mostRead",
      "md:px-4 share", "Nav", "you may like", "entry-content", "", "bg-[#share]" } do
    t.eq(ref.boilerplate_reason(v), blocks:classify(v), v)
  end
end)

t.test("clean_marks names what clean removes, and apply removes it", function()
  local html = "<html><head><script>x()</script></head><body><p>" .. LONG .. "</p>"
    .. "<div id=h style='display:none'>h</div><button id=b>Go</button></body></html>"
  t.eq({ "script: tag script", "h: hidden", "b: tag button" }, summary(blocks:clean_marks(assert(core.parse(html)))))
  local doc = assert(core.parse(html))
  t.eq(3, blocks:clean_marks(doc, { apply = true }))
  t.eq(0, #doc:select("script, button, #h"))
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
  t.raises("table expected", core.blocks.config, "x")
end)

-- ---- the development corpus -----------------------------------------------------

local corpus_pages
local function corpus()
  if corpus_pages then return corpus_pages end
  local dir = t.need_shared("corpus/expect.jsonl"):gsub("expect%.jsonl$", "")
  local cjson = require "cjson"
  corpus_pages = {}
  for line in io.lines(dir .. "expect.jsonl") do
    if line:find("%S") then
      local e = cjson.decode(line)
      corpus_pages[#corpus_pages + 1] = { id = e.id, html = t.read(dir .. e.html),
        url = e.base_url ~= cjson.null and e.base_url or nil }
    end
  end
  return corpus_pages
end

local function report(what, differ, n)
  if #differ > 0 then print(string.format("  %s differs on %d of %d pages:", what, #differ, n)) end
  for _, d in ipairs(differ) do print("    " .. d) end
end

t.test("on the corpus, classify equals boilerplate_reason on every class and id value", function()
  local seen, n, differ = {}, 0, {}
  for _, p in ipairs(corpus()) do
    local doc = assert(core.parse(p.html, { url = p.url }))
    for _, node in ipairs(doc:select("[class], [id]")) do
      for _, attr in ipairs { "class", "id" } do
        local v = node:attr(attr)
        if v and not seen[v] then
          seen[v], n = true, n + 1
          if ref.boilerplate_reason(v) ~= blocks:classify(v) then differ[#differ + 1] = v end
        end
      end
    end
    doc:close()
  end
  report("classify", differ, n)
  t.eq(0, #differ, n .. " values")
end)

t.test("on the corpus, best_body chooses the body the Lua body step chooses (>= 98% of pages)", function()
  local pages, differ = corpus(), {}
  for _, p in ipairs(pages) do
    local ctx = ctx_of(p.html, p.url)
    ref.clean(ctx)
    local node, rule = blocks:best_body(ctx.doc,
      { selectors = pipeline.body_selectors, min_chars = pipeline.min_body_chars })
    ref.body(ctx)
    local same = (node == nil and ctx.body_rule == "whole page")
      or (node ~= nil and ctx.body ~= nil and node:key() == ctx.body:key() and rule == ctx.body_rule)
    if not same then
      differ[#differ + 1] = string.format("%s: Lua %s (%s), C %s (%s)", p.id, ctx.body and ctx.body:path(),
        ctx.body_rule, node and node:path(), rule)
    end
    ctx.doc:close()
  end
  report("the body", differ, #pages)
  t.ok((#pages - #differ) / #pages >= 0.98, #differ .. " of " .. #pages .. " pages differ")
end)

t.test("on the corpus, the C steps leave the text and captions the Lua steps leave (>= 98%)", function()
  local pages, differ = corpus(), {}
  for _, p in ipairs(pages) do
    local a, b = ctx_of(p.html, p.url), ctx_of(p.html, p.url)
    for _, step in ipairs { "clean", "body", "prune" } do
      ref[step](a)
      glue[step](b)
    end
    local ta, tb = a.body and a.body:text() or "", b.body and b.body:text() or ""
    local ca, cb = table.concat(a.captions or {}, "\n"), table.concat(b.captions or {}, "\n")
    if ta ~= tb or ca ~= cb or #a.warnings ~= #b.warnings then
      differ[#differ + 1] = string.format("%s: text %d/%d bytes, captions %d/%d, warnings %d/%d", p.id,
        #ta, #tb, #(a.captions or {}), #(b.captions or {}), #a.warnings, #b.warnings)
    end
    a.doc:close()
    b.doc:close()
  end
  report("the pruned text", differ, #pages)
  t.ok((#pages - #differ) / #pages >= 0.98, #differ .. " of " .. #pages .. " pages differ")
end)
