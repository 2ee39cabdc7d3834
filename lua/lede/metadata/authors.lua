-- Authors: people from JSON-LD, <meta> and the bylines printed in the
-- article region; organisations apart (publisher), agencies as byline
-- credits (ctx.byline_credits, merged into article.wire by lede.credits).
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

-- People from a list of { name, url?, organisation? }: authors, and the
-- organisations and agencies met on the way.
local function people_from(list, orgs, ctx)
  local authors, found_orgs = {}, {}
  for _, p in ipairs(list) do
    if p.organisation then
      local agency = people.agency(p.name)
      if agency then add_credits(ctx, { agency }, p.name) else found_orgs[#found_orgs + 1] = p.name end
    else
      local r = people.parse(p.name, orgs)
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

-- Structured authors: JSON-LD first, then <meta>; the first source naming a
-- person wins. Returns authors, their source and the organisations met
-- (publisher candidates). orgs: keys of the site's declared names.
function M.structured(page, orgs, ctx)
  local publishers = {}
  local list = jsonld.authors(page.article, page.ids)
  if #list > 0 then
    local authors, found = people_from(list, orgs, ctx)
    for _, o in ipairs(found) do publishers[#publishers + 1] = o end
    if #authors > 0 then return merge_authors(authors), source(page, "author"), publishers end
  end
  local mlist, src = meta_people(page)
  if mlist then
    local authors = people_from(mlist, orgs, ctx)
    if #authors > 0 then return merge_authors(authors), src, publishers end
  end
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
local function confirmed(authors, inside)
  for _, c in ipairs(inside) do
    local k = " " .. text.key(c.value) .. " "
    for _, a in ipairs(authors) do
      if k:find(" " .. text.key(a.name) .. " ", 1, true) then return true end
    end
  end
  return false
end

-- Region candidates in a small block with the headline.
local function near_headline(list)
  local out = {}
  for _, c in ipairs(list) do
    if c.near and c.near <= region.near_chars then out[#out + 1] = c end
  end
  return out
end

-- Structured authors stand unless the byline beside the headline names
-- other people (a publisher in meta author, a stale JSON-LD); with none,
-- the region's first byline.
-- (Not when a filter's rule set them: article.authors is then another table.)
function M.finish(article, ctx, inside)
  local meta = ctx.meta
  if article.authors ~= meta.read.authors then return end
  if #article.authors > 0 then
    if confirmed(article.authors, inside) then return end
    inside = near_headline(inside)
  end
  local b = region_byline(inside, meta)
  if not b or (#b.authors == 0 and #article.authors > 0) then return end
  add_credits(ctx, b.agencies, b.candidate.value)
  article.authors, article.sources.authors = b.authors, b.candidate.source
end


return M
