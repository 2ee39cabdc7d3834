-- Authors: people from JSON-LD, <meta> and the bylines printed in the
-- article region (else just before the body, else the page's microdata);
-- organisations apart (publisher), agencies as byline credits
-- (ctx.byline_credits, merged into article.wire by lede.credits).
local index = require "lede.metadata.index"
local jsonld = require "lede.metadata.jsonld"
local page_m = require "lede.metadata.page"
local people = require "lede.metadata.people"
local region = require "lede.metadata.region"
local tables = require "lede.metadata.tables"
local text = require "lede.metadata.text"

local M = {}

local source = page_m.source

local function add_credits(ctx, agencies, byline)
  ctx.byline_credits = ctx.byline_credits or {}
  for _, a in ipairs(agencies) do
    local dup = false
    for _, b in ipairs(ctx.byline_credits) do if b.agency == a then dup = true end end
    if not dup then ctx.byline_credits[#ctx.byline_credits + 1] = { agency = a, where = "byline", text = byline } end
  end
end

-- Entries of one structured author list read: a paper of a large
-- collaboration lists hundreds; a page of 50,000 author <meta>s took 3 s.
M.max_people = 500

-- People from a list of { name, url?, organisation? }: authors, and the
-- organisations and agencies met on the way.
local function people_from(list, orgs, ctx)
  local authors, found_orgs = {}, {}
  if #list > M.max_people and ctx.warnings then
    ctx.warnings[#ctx.warnings + 1] = string.format("only the first %d of %d structured authors were read",
      M.max_people, #list)
  end
  for i = 1, math.min(#list, M.max_people) do
    local p = list[i]
    if p.organisation or people.desk_url(p.url) then
      local agency = people.agency(p.name)
      if agency then add_credits(ctx, { agency }, p.name) else found_orgs[#found_orgs + 1] = p.name end
    else
      local r = people.parse(people.lower_to_title(p.name), orgs)
      add_credits(ctx, r.agencies, p.name)
      for _, o in ipairs(r.orgs) do found_orgs[#found_orgs + 1] = o end
      for i, n in ipairs(r.names) do
        authors[#authors + 1] = { name = n, role = "byline", url = (#r.names == 1 and i == 1) and p.url or nil }
      end
    end
  end
  return authors, found_orgs
end

local merge_authors = people.merge_authors

local function meta_people(page)
  for _, k in ipairs(tables.meta_keys.author) do
    local list = {}
    for _, v in ipairs(page.meta[k] or {}) do
      if not v:match("^%a[%w+.-]*://") and not v:match("^www%.") then list[#list + 1] = { name = v } end
    end
    if #list > 0 then return list, "meta:" .. k end
  end
  return nil
end

-- ---- microdata ------------------------------------------------------------------

local ARTICLE_ITEMS = {}
for _, ty in ipairs(tables.article_types) do ARTICLE_ITEMS[ty] = true end
for _, ty in ipairs(tables.page_types) do ARTICLE_ITEMS[ty] = true end

M.max_microdata = 50  -- itemprop=author elements read per page

-- "http://schema.org/BlogPosting" -> "BlogPosting".
local function item_type(node)
  return (node:attr("itemtype") or ""):match("(%w+)/?%s*$")
end

-- The name an itemprop=author element gives: its own itemprop=name inside
-- a Person item, else its text.
local function microdata_name(node)
  if node:attr("itemscope") then
    local n = node:xpath("descendant::*[contains(concat(' ', normalize-space(@itemprop), ' '), ' name ')]")[1]
    local v = n and (n:attr("content") or text.squash(n:text()))
    if v then return v end
  end
  return node:attr("content") or text.squash(node:text())
end

-- Authors marked with microdata (itemprop=author), grouped by the article
-- item they belong to ("page" for those outside any item): { key = {
-- list, chars, key, keys, order } }, list as for people_from. The author of a
-- review, a comment or a product is not the article's.
local function microdata_groups(page)
  local nodes = index.with_tokens(page.index, "itemprop", { "author" }, { lower = true, not_tag = "meta" })
  local groups = {}
  for i = 1, math.min(#nodes, M.max_microdata) do
    local n = nodes[i]
    local owner = n:xpath("ancestor::*[@itemscope][1]")[1]
    local value = (owner == nil or ARTICLE_ITEMS[item_type(owner)]) and n:stats().chars <= tables.byline_text_max
      and microdata_name(n)
    if value then
      local k = owner and owner:key() or "page"
      local g = groups[k]
      if not g then
        g = { list = {}, seen = {}, chars = owner and owner:stats().chars, key = owner and k,
          keys = owner and owner:ancestor_keys(), order = i }
        groups[k] = g
      end
      if not g.seen[text.key(value)] then
        g.seen[text.key(value)] = true
        g.list[#g.list + 1] = { name = value }
      end
    end
  end
  return groups
end

-- The microdata authors of the article: those of the biggest item that
-- holds the body or lies inside it (a teaser list marks each teaser as an
-- item of its own), else the few the page marks outside any item.
local function microdata_people(groups, body)
  local up = {}
  if body then
    up[body:key()] = true
    for _, k in ipairs(body:ancestor_keys()) do up[k] = true end
  end
  local best
  for _, g in pairs(groups) do
    local holds = g.key and up[g.key]
    for _, k in ipairs(body and not holds and g.keys or {}) do
      if k == body:key() then holds = true; break end
    end
    if holds and (not best or g.chars > best.chars or (g.chars == best.chars and g.order < best.order)) then
      best = g
    end
  end
  if best then return best.list end
  local loose = groups.page
  return loose and #loose.list <= 3 and loose.list or {}
end

-- Does `more` name every person of `fewer`, and others besides?
local function names_more(more, fewer)
  if #more <= #fewer then return false end
  local have = {}
  for _, a in ipairs(more) do have[text.key(a.name)] = true end
  for _, a in ipairs(fewer) do
    if not have[text.key(a.name)] then return false end
  end
  return true
end

-- Structured authors: JSON-LD first, then <meta>; the first source naming a
-- person wins, but an author <meta> that names the JSON-LD's people and
-- more gives the fuller list. Returns authors, their source and the
-- organisations met (publisher candidates). orgs: keys of the site's
-- declared names.
-- Microdata authors are kept aside (ctx.microdata_authors): the page's
-- markup is loose enough to be read only when nothing else names anyone.
function M.structured(page, orgs, ctx)
  local publishers = {}
  local list = jsonld.authors(page.article, page.ids)
  local mlist, msrc = meta_people(page)
  if #list > 0 then
    local authors, found = people_from(list, orgs, ctx)
    for _, o in ipairs(found) do publishers[#publishers + 1] = o end
    if #authors > 0 then
      authors = merge_authors(authors)
      -- a CMS that writes only the first of several authors into JSON-LD
      -- while its author <meta> lists them all: the fuller list wins (read
      -- first with a scratch context, so its agencies count only if it does)
      local mauthors = mlist and merge_authors((people_from(mlist, orgs, {})))
      if mauthors and names_more(mauthors, authors) then
        return merge_authors((people_from(mlist, orgs, ctx))), msrc, publishers
      end
      return authors, source(page, "author"), publishers
    end
  end
  if mlist then
    local authors = people_from(mlist, orgs, ctx)
    if #authors > 0 then return merge_authors(authors), msrc, publishers end
  end
  ctx.microdata_authors = microdata_groups(page)
  return {}, nil, publishers
end

-- Names read from the candidates nested in c (a link, a name span).
local function inner_names(c, list, meta)
  local out = {}
  for _, o in ipairs(list) do
    if o ~= c and o.keys then
      for _, k in ipairs(o.keys) do
        if k == c.key then
          for _, n in ipairs(people.parse(o.value, meta.orgs).names) do out[#out + 1] = n end
          break
        end
      end
    end
  end
  return out
end

-- "Ben Silverman Games" read from a block whose own name element says
-- "Ben Silverman": the element's boundaries win.
local function trim_to_inner(names, inner)
  for i, n in ipairs(names) do
    for _, m in ipairs(inner) do
      if #m < #n and n:sub(1, #m + 1) == m .. " " then names[i] = m end
    end
  end
  return names
end

-- The first byline of the region that names people or agencies:
-- { authors, agencies, candidate }.
local function region_byline(inside, meta)
  for _, c in ipairs(inside) do
    local r = people.parse(c.value, meta.orgs)
    if #r.names == 1 and people.desk_url(c.url) then r.names = {} end  -- the newsroom's page
    if #r.names > 0 or #r.agencies > 0 then
      local list = {}
      r.names = trim_to_inner(r.names, inner_names(c, inside, meta))
      for _, n in ipairs(r.names) do
        list[#list + 1] = { name = n, role = "byline",
          url = #r.names == 1 and c.url and text.resolve(meta.base, c.url) or nil }
      end
      return { authors = list, agencies = r.agencies, candidate = c }
    end
  end
  return nil
end

-- Does a region byline print one of the structured authors' names?
-- Returns the first candidate that does, or nil.
local function confirmed(authors, inside)
  for _, c in ipairs(inside) do
    local k = " " .. text.key(c.value) .. " "
    for _, a in ipairs(authors) do
      if k:find(" " .. text.key(a.name) .. " ", 1, true) then return c end
    end
  end
  return nil
end

-- Region candidates in a small block with the headline.
local function near_headline(list)
  local out = {}
  for _, c in ipairs(list) do
    if c.near and c.near <= region.near_chars then out[#out + 1] = c end
  end
  return out
end

M.before_body_levels = 3  -- the body and at most two of its ancestors

-- Byline candidates in the blocks printed just before the body, closest
-- first, within region.near_chars of text: the article's header between
-- headline and text ("div.author" above the standfirst) when the region
-- left it out (the headline sits in a page-wide block).
local function before_body(body, list)
  local keys, budget, node = {}, region.near_chars, body
  for _ = 1, body and M.before_body_levels or 0 do
    local siblings = node:xpath("preceding-sibling::*")
    for i = #siblings, 1, -1 do
      budget = budget - siblings[i]:stats().chars
      if budget < 0 then break end
      keys[siblings[i]:key()] = true
    end
    node = node:parent()
    if budget < 0 or not node or node:tag() == "body" then break end
  end
  local out = {}
  for _, c in ipairs(next(keys) and list or {}) do
    local hit = keys[c.key]
    for _, k in ipairs(c.keys) do
      if hit then break end
      hit = keys[k]
    end
    if hit then out[#out + 1] = c end
  end
  return region.by_rank(out)
end

M.signature_words = 3  -- a signature names one person: two or three words

-- "<p><b><i>Stefan Wasmer</i></b></p>" closing the text: the writer signs
-- at the end (regional papers do). The last paragraph must be all in
-- bold or italics, end the body's text and be one person's name and
-- nothing else (a closing "Mehr zum Thema" or "Bottom Line" is not).
local function signature(body, body_text, orgs)
  local p = body and body:xpath("descendant::p[normalize-space()][last()]")[1]
  local t = p and p:stats().chars <= 60 and text.squash(p:text())
  if not t then return nil end
  local e = p:xpath("./*[self::b or self::strong or self::i or self::em]")
  if #e ~= 1 or text.squash(e[1]:text()) ~= t then return nil end
  local whole = text.squash(body_text) or ""  -- render's text: the body is not rendered again
  if whole:sub(-#t) ~= t then return nil end
  local n = 0
  for w in t:gmatch("%S+") do
    n = n + 1
    if not w:find("^%u[%l\128-\255'’-]+$") then return nil end
  end
  local r = people.parse(t, orgs)
  if n < 2 or n > M.signature_words or #r.names ~= 1 or #r.orgs > 0 or #r.agencies > 0
      or text.key(r.names[1]) ~= text.key(t) then
    return nil
  end
  return r.names[1]
end

-- When the region prints no byline: one just before the body, else the
-- microdata's authors, else a signature closing the text.
local function fallback(article, ctx)
  local meta = ctx.meta
  local b = region_byline(before_body(ctx.body, meta.bylines), meta)
  if b and #b.authors > 0 then
    add_credits(ctx, b.agencies, b.candidate.value)
    article.authors, article.sources.authors = b.authors, b.candidate.source
    return
  end
  local authors = people_from(microdata_people(ctx.microdata_authors or {}, ctx.body), meta.orgs, ctx)
  if #authors > 0 then
    article.authors, article.sources.authors = merge_authors(authors), "microdata:author"
    return
  end
  local name = signature(ctx.body, article.text, meta.orgs)
  if name then article.authors, article.sources.authors = { { name = name, role = "byline" } }, "html:signature" end
end

-- Structured authors stand unless the byline beside the headline names
-- other people (a publisher in meta author, a stale JSON-LD); with none,
-- the region's first byline, else a fallback.
-- (Not when a filter's rule set them: article.authors is then another table.)
function M.finish(article, ctx, inside)
  local meta = ctx.meta
  if article.authors ~= meta.read.authors then return end
  if #article.authors > 0 then
    local c = confirmed(article.authors, inside)
    if c then  -- the structured authors stand; the byline may still name their agency
      add_credits(ctx, people.parse(c.value, meta.orgs).agencies, c.value)
      return
    end
    inside = near_headline(inside)
  end
  local b = region_byline(inside, meta)
  if not b and #article.authors == 0 then return fallback(article, ctx) end
  if not b or (#b.authors == 0 and #article.authors > 0) then return end
  add_credits(ctx, b.agencies, b.candidate.value)
  article.authors, article.sources.authors = b.authors, b.candidate.source
end


return M
