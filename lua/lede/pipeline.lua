-- The default extraction steps: clean -> body -> prune -> render.
--
-- Each step is a function of a context table (ctx.doc, ctx.article, ctx.opts,
-- ctx.body, ctx.warnings); a filter may replace or wrap any of them through
-- M.steps. Heavy lifting (tree walks, statistics, text) happens in lede.core.
local boilerplate = require "lede.boilerplate"
local core = require "lede.core"

local M = {}

local function set_of(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

local WORDS = set_of(boilerplate.words)
local WHOLE = set_of(boilerplate.whole)
local LINES = set_of(boilerplate.lines)
local KEEP_TAGS = set_of(boilerplate.content_tags)

-- Splits a class or id value into lowercase words at spaces, '-', '_', ':'
-- and camelCase boundaries.
function M.words_of(value)
  local words = {}
  value = value:gsub("(%l)(%u)", "%1 %2")
  for w in value:lower():gmatch("[^%s%-_:%.]+") do words[#words + 1] = w end
  return words
end

-- Phrases indexed by their first word, so each word of a class value is
-- checked only against the phrases it can start.
local PHRASES_BY_FIRST = {}
for _, phrase in ipairs(boilerplate.phrases) do
  local list = PHRASES_BY_FIRST[phrase[1]] or {}
  list[#list + 1] = phrase
  PHRASES_BY_FIRST[phrase[1]] = list
end

local function phrase_at(words, i)
  for _, phrase in ipairs(PHRASES_BY_FIRST[words[i]] or {}) do
    local ok = true
    for j = 2, #phrase do
      if words[i + j - 1] ~= phrase[j] then ok = false; break end
    end
    if ok then return table.concat(phrase, "-") end
  end
  return nil
end

-- Why a class or id value marks boilerplate, or nil.
-- Utility-CSS tokens ("md:px-34", "bg-[#fff]", "print:hidden") say how a
-- block looks, not what it is.
local function is_utility_token(token)
  return token:find("[:%[/]") ~= nil
end

-- Class values repeat across a page (and pages): remember each verdict.
local reason_cache, reason_cache_size = {}, 0

local function compute_reason(value)
  local kept = {}
  for token in value:gmatch("%S+") do
    if WHOLE[token:lower()] then return token:lower() end
    if not is_utility_token(token) then kept[#kept + 1] = token end
  end
  local words = M.words_of(table.concat(kept, " "))
  for _, w in ipairs(words) do
    if WORDS[w] then return w end
  end
  for i = 1, #words do
    local p = phrase_at(words, i)
    if p then return p end
  end
  return nil
end

function M.boilerplate_reason(value)
  if not value or value == "" then return nil end
  local r = reason_cache[value]
  if r == nil then
    if reason_cache_size > 20000 then reason_cache, reason_cache_size = {}, 0 end
    r = compute_reason(value) or false
    reason_cache[value] = r
    reason_cache_size = reason_cache_size + 1
  end
  return r or nil
end

local function is_hidden(node)
  if node:attr("hidden") or node:attr("aria-hidden") == "true" then return true end
  local style = node:attr("style")
  if style then
    style = style:lower()
    return style:find("display%s*:%s*none") ~= nil or style:find("visibility%s*:%s*hidden") ~= nil
  end
  return false
end

-- Removes `node` unless it holds most of the reference text (the page's in
-- clean, the body's in prune); records why in ctx.trace.
local function drop(ctx, node, reason, total)
  if node:removed() then return false end
  if reason == "tag" then reason = "tag " .. node:tag() end
  -- filters (issue 6): a filter's `keep` rules (and its body) protect nodes
  if ctx.protect and ctx.protect(node, reason) then return false end
  if total and total > 0 and node:stats().chars > total / 2 then return false end
  if ctx.trace then  -- lede inspect (issue 6): ctx.trace_id names the node
    ctx.trace[#ctx.trace + 1] = { path = node:path(), action = "removed", reason = reason,
      id = ctx.trace_id and ctx.trace_id(node) }
  end
  node:remove()
  return true
end
M.drop = drop

-- Clean removes only what is never article text, wherever it is: scripts,
-- styles, controls, hidden blocks. Boilerplate judged by class or position is
-- removed by prune, inside the chosen body, so a misleading class name outside
-- can never cost the article.
function M.clean(ctx)
  local doc = ctx.doc
  local body = doc:body()
  local total = body and body:stats().chars or 0
  for _, n in ipairs(doc:select(table.concat(boilerplate.tags, ","))) do
    drop(ctx, n, "tag", total)
  end
  for _, n in ipairs(doc:select("[hidden],[aria-hidden],[style]")) do
    if not n:removed() and is_hidden(n) then drop(ctx, n, "hidden", total) end
  end
end

-- Containers that CMSs use for the article body, tried in order.
M.body_selectors = {
  '[itemprop="articleBody"]', ".article-body", ".article__body", ".articleBody",
  ".story-body", ".story__body", ".entry-content", ".post-content", ".post-body",
  ".article-content", ".article-text", ".story-content", ".content-body", "article",
}
M.min_body_chars = 200

local function structural_body(doc)
  for _, sel in ipairs(M.body_selectors) do
    local best, best_chars = nil, 0
    for _, n in ipairs(doc:select(sel)) do
      local st = n:stats()
      local chars = st.chars * (1 - st.link_density)
      if chars > best_chars then best, best_chars = n, chars end
    end
    if best and best_chars >= M.min_body_chars then return best, sel end
  end
  return nil
end

local SCORED = "p, pre, td, blockquote"
local UNLIKELY_TAGS = set_of { "nav", "footer", "menu" }
local LIKELY_WORDS = set_of { "article", "body", "content", "entry", "main", "page", "post",
  "text", "blog", "story", "articlebody", "story-body" }

-- Class/id weight in the manner of Readability: boilerplate words cost,
-- content words earn.
local function class_weight(node)
  local w = 0
  for _, attr in ipairs { "class", "id" } do
    local v = node:attr(attr)
    if v and v ~= "" then
      if M.boilerplate_reason(v) then w = w - 25 end
      for _, word in ipairs(M.words_of(v)) do
        if LIKELY_WORDS[word] then w = w + 25; break end
      end
    end
  end
  return w
end

local function inside_unlikely(node)
  local p = node:parent()
  for _ = 1, 8 do
    if not p then return false end
    if UNLIKELY_TAGS[p:tag()] then return true end
    p = p:parent()
  end
  return false
end

-- Readability-style scoring: each paragraph gives points to its parent and,
-- halved, to its grandparent; link-heavy candidates lose their points.
local function scored_body(doc)
  local scores, nodes, order = {}, {}, {}
  local function credit(node, points)
    if not node then return end
    local k = node:key()
    if not scores[k] then
      scores[k], nodes[k] = class_weight(node), node
      order[#order + 1] = k  -- ties go to the first in document order, every run
    end
    scores[k] = scores[k] + points
  end
  for _, p in ipairs(doc:select(SCORED)) do
    local st = p:stats()
    if st.chars >= 25 and not inside_unlikely(p) then
      local points = 1 + st.punct + math.min(st.chars // 100, 3)
      local parent = p:parent()
      credit(parent, points)
      if parent then credit(parent:parent(), points / 2) end
    end
  end
  local best, best_score = nil, 0
  for _, k in ipairs(order) do
    local score = scores[k]
    local st = nodes[k]:stats()
    local s = score * (1 - st.link_density)
    if s > best_score then best, best_score = nodes[k], s end
  end
  return best
end

function M.body(ctx)
  local node, how = structural_body(ctx.doc)
  if not node then node, how = scored_body(ctx.doc), "scoring" end
  if not node then
    node, how = ctx.doc:body(), "whole page"
    ctx.warnings[#ctx.warnings + 1] = "no article body found; the whole page was used"
  end
  ctx.body, ctx.body_rule = node, how
end

-- Words of a class that mark an image caption or a photo credit.
local CAPTION_WORDS = set_of { "caption", "captions", "figcaption", "credit", "credits",
  "photocredit", "imagecredit" }

-- Captions go to article.captions, never into the text: <figcaption>, and
-- blocks whose class says caption or photo credit ("Img__PicImgCaption").
function M.is_caption(node)
  if node:tag() == "figcaption" then return true end
  if KEEP_TAGS[node:tag()] then return false end
  for _, w in ipairs(M.words_of(node:attr("class") or "")) do
    if CAPTION_WORDS[w] then return true end
  end
  return false
end

local function take_captions(ctx, body, total)
  for _, cap in ipairs(body:select("figcaption, [class]")) do
    if not cap:removed() and M.is_caption(cap) and cap:stats().chars <= total / 2 then
      local t = cap:text()
      if t ~= "" then ctx.captions[#ctx.captions + 1] = t end
      if ctx.trace then  -- lede inspect (issue 6)
        ctx.trace[#ctx.trace + 1] = { path = cap:path(), action = "caption", reason = "caption, kept apart",
          id = ctx.trace_id and ctx.trace_id(cap) }
      end
      cap:remove()
    end
  end
end

local function normalized_line(s)
  return (s:lower():gsub("^%s+", ""):gsub("[%s%p]+$", ""))
end

local PRUNE_BLOCKS = "p, div, span, li, ul, ol, section, h2, h3, h4, h5, h6, figcaption, figure, table"

-- Boilerplate inside the body: blocks whose class or id says so, navigation,
-- asides and footers, widget lines, link lists.
local function prune_boilerplate(ctx, body, total)
  for _, tag in ipairs(boilerplate.outside_article_tags) do
    for _, n in ipairs(body:select(tag)) do drop(ctx, n, "tag " .. tag, total) end
  end
  -- Decide first, then remove: when class words would take most of the
  -- body, the site's class names mean something else (page builders call
  -- every block a "widget"), and none are trusted.
  local marked, marked_chars, outer = {}, 0, nil
  for _, n in ipairs(body:select("[class], [id]")) do
    if not n:removed() and not KEEP_TAGS[n:tag()] then
      local why = M.boilerplate_reason(n:attr("class")) or M.boilerplate_reason(n:attr("id"))
      if why then
        marked[#marked + 1] = { n, why }
        if not (outer and outer:contains(n)) then
          outer = n
          marked_chars = marked_chars + n:stats().chars
        end
      end
    end
  end
  if total > 0 and marked_chars > total / 2 then
    ctx.warnings[#ctx.warnings + 1] = string.format(
      "class names would remove %d%% of the body; class-based pruning skipped",
      marked_chars * 100 // total)
    return
  end
  for _, m in ipairs(marked) do drop(ctx, m[1], "class/id word '" .. m[2] .. "'", total) end
end

function M.prune(ctx)
  local body = ctx.body
  if not body then return end
  local total = body:stats().chars
  prune_boilerplate(ctx, body, total)
  ctx.captions = ctx.captions or {}
  take_captions(ctx, body, total)
  for _, n in ipairs(body:select(PRUNE_BLOCKS)) do
    if not n:removed() then
      local text = n:text()
      local st = n:stats()
      if LINES[normalized_line(text)] then
        drop(ctx, n, "boilerplate line", total)
      elseif (n:tag() == "ul" or n:tag() == "ol" or n:tag() == "div" or n:tag() == "section")
          and st.chars > 0 and st.link_density > 0.6 then
        drop(ctx, n, "link-dense block", total)
      end
    end
  end
end

-- Text always; Markdown and clean HTML when the caller asks (opts.markdown,
-- opts.html), with links made absolute against the page URL.
function M.render(ctx)
  local body, opts = ctx.body, ctx.opts or {}
  ctx.article.text = body and body:text() or ""
  if not body then return end
  local ropts = { base_url = ctx.url or ctx.doc:url(), links = opts.links ~= false,
    images = opts.images ~= false, tables = opts.tables ~= false }
  if opts.markdown then ctx.article.markdown = core.render.markdown(body, ropts) end
  if opts.html then ctx.article.html = core.render.html(body, ropts) end
end

M.steps = { "clean", "body", "prune", "render" }

-- Runs the steps in order; `steps` maps a step name to a replacement function.
function M.run(ctx, steps)
  for _, name in ipairs(M.steps) do
    local f = (steps and steps[name]) or M[name]
    f(ctx)
  end
  return ctx.article
end

return M
