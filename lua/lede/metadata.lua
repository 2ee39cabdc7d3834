-- Article metadata: title, authors, dates, site, section, tags, description,
-- language, image, canonical URL, and where each came from (article.sources).
--
-- M.read(doc, ctx) runs on the untouched document, before cleaning: it reads
-- JSON-LD, <meta>, microdata, <title>, <h1>, <link rel=canonical> and the URL,
-- and records the dates and bylines printed in the page (ctx.meta) with the
-- keys of their ancestors. M.finish(article, ctx) runs once the body is
-- chosen: printed dates and bylines count only inside the article region,
-- and only where the structured metadata gave nothing usable.
local core = require "lede.core"
local authors = require "lede.metadata.authors"
local dates = require "lede.metadata.dates"
local fields = require "lede.metadata.fields"
local jsonld = require "lede.metadata.jsonld"
local page_m = require "lede.metadata.page"
local region = require "lede.metadata.region"
local tables = require "lede.metadata.tables"
local text = require "lede.metadata.text"
local title = require "lede.metadata.title"

local M = {}

M.language_tag = fields.language_tag

local microdata, source = page_m.microdata, page_m.source

-- ---- the title and where it is printed -------------------------------------------

local headline_sized = title.headline_sized

local function title_candidates(page)
  local list = {}
  local a = page.article
  local h = jsonld.string(a.headline) or jsonld.string(a.name)
  if h then
    list[#list + 1] = { text = h, source = source(page, a.headline and "headline" or "name"), group = "jsonld" }
  end
  for _, k in ipairs(tables.meta_keys.title) do
    local v = page.meta[k] and page.meta[k][1]
    if v then list[#list + 1] = { text = v, source = "meta:" .. k } end
  end
  local md = microdata(page, "headline")
  if md then list[#list + 1] = { text = md, source = "microdata:headline", group = "h1" } end
  -- with nothing to agree with, a headline-sized <h1> beats the <title>
  -- (an SEO variant), and the <title> beats a short <h1> (a section name)
  for _, h1 in ipairs(page.h1) do
    if headline_sized(h1.text) then list[#list + 1] = { text = h1.text, source = "html:h1", group = "h1" } end
  end
  if page.doc_title then list[#list + 1] = { text = page.doc_title, source = "html:title", group = "title" } end
  for _, h1 in ipairs(page.h1) do
    if not headline_sized(h1.text) then list[#list + 1] = { text = h1.text, source = "html:h1", group = "short" } end
  end
  return list
end

-- Where else a headline is printed when no <h1> holds it, in order.
M.headline_css = { "[itemprop~=headline]", "h2", "h3", "[class*=headline]", "[class*=title]" }
M.max_headline_nodes = 300

M.max_headlines = 3

local function find_printed(doc, css, key, out)
  for i, n in ipairs(doc:select(css)) do
    if i > M.max_headline_nodes or #out >= M.max_headlines then break end
    if n:stats().chars <= 400 and text.key(n:text()) == key then out[#out + 1] = n end
  end
end

-- The elements that print the headline, for the region: the <h1>s with
-- its text (a page may print it twice: a sticky bar and the article's
-- header), else other elements with it (the <h1> may be the logo); else the
-- first <h1> that is not the site's name.
local function headline_nodes(page, headline, sites)
  local k, out = headline and text.key(headline), {}
  for _, h in ipairs(page.h1) do
    if text.key(h.text) == k and #out < M.max_headlines then out[#out + 1] = h.node end
  end
  for _, css in ipairs(k and M.headline_css or {}) do
    if #out > 0 then break end
    find_printed(page.doc, css, k, out)
  end
  for _, h in ipairs(page.h1) do
    if #out > 0 then break end
    if not sites[text.key(h.text)] then out[1] = h.node end
  end
  return out
end

-- { key, keys } of each headline element: what finish needs once cleaning
-- may have removed them.
local function headline_keys(nodes)
  local out = {}
  for _, n in ipairs(nodes) do out[#out + 1] = { key = n:key(), keys = n:ancestor_keys() } end
  return out
end

-- ---- dates ---------------------------------------------------------------------

-- Relative dates ("2 hours ago") are read only when the caller says when
-- the page was fetched (opts.now); a saved page read later has no "now".
-- Dates after now (or after this moment) are rejected either way.
local function date_options(ctx, lang)
  local now = ctx.opts and ctx.opts.now
  if type(now) ~= "number" then now = nil end
  return { lang = lang, now = now, limit = now or os.time() }
end

-- Structured dates in order of trust: { value, source, field }.
local function structured_dates(page)
  local a, list = page.article, {}
  local function add(v, src, field) if v then list[#list + 1] = { value = v, source = src, field = field } end end
  add(jsonld.string(a.datePublished), source(page, "datePublished"), "published")
  add(jsonld.string(a.dateModified), source(page, "dateModified"), "modified")
  for _, kf in ipairs(tables.meta_dates) do
    for _, v in ipairs(page.meta[kf[1]] or {}) do add(v, "meta:" .. kf[1], kf[2]) end
  end
  add(jsonld.string(a.dateCreated), source(page, "dateCreated"), "published")
  add(jsonld.string(a.uploadDate), source(page, "uploadDate"), "published")
  return list
end

-- The first valid date for `field`: { iso, precision, epoch, source }.
local function first_date(list, field, opts)
  for _, c in ipairs(list) do
    if c.field == field then
      local d = dates.check(c.value, opts)
      if d then d.source = c.source; return d end
    end
  end
  return nil
end

local function set_date(out, sources, field, d)
  out[field], sources[field] = d and d.iso, d and d.source
  if field == "published" then out.date_precision = d and d.precision end
end

-- ---- M.read ---------------------------------------------------------------------

-- Returns the keys of the names the page declares for its site: bylines
-- naming them are the organisation, not a person. (A name only read from
-- the <title> or the host is not enough: a blog's site is its author.)
local function read_title(page, out, sources)
  local sites = fields.site_candidates(page)
  local declared = fields.site_keys(sites, page)
  if page.stem then declared["host:" .. page.stem] = true end  -- see people.parse
  local keys = {}
  for k in pairs(declared) do keys[k] = true end
  local _, trailing = title.cut_trailing(page.doc_title or "")
  if trailing then keys[text.key(trailing)] = true end  -- an <h1> holding only this is the logo
  out.title, sources.title = title.choose(title_candidates(page), keys, page.stem)
  fields.choose_site(page, sites, out.title, out, sources)
  return declared
end

local function read_authors(page, orgs, ctx, out, sources)
  local list, src, publishers = authors.structured(page, orgs, ctx)
  out.authors, sources.authors = list, src
  if not out.site and publishers[1] then out.site, sources.site = publishers[1], source(page, "author") end
end

M.max_script_chars = 2000000

-- Texts of the page's inline scripts (data layers), at most max_script_chars.
local function script_texts(doc)
  local out, total = {}, 0
  for _, s in ipairs(doc:select("script:not([src])")) do
    local t = s:inner_html()
    total = total + #t
    if total > M.max_script_chars then break end
    out[#out + 1] = t
  end
  return out
end

-- A UTC date the page also writes in its local time zone is given in that
-- zone: the day it names is the page's own.
local function localise(d, page)
  if not d or not dates.is_utc(d.iso) or not d.epoch or d.precision == "day" then return d end
  local off = dates.local_offset(d.epoch, script_texts(page.doc))
  if off then d.iso = dates.iso_at(d.epoch, off) end
  return d
end

local function read_dates(page, opts, out, sources)
  local list = structured_dates(page)
  set_date(out, sources, "published", localise(first_date(list, "published", opts), page))
  set_date(out, sources, "modified", first_date(list, "modified", opts))
  local from_url = dates.from_url(page.url)
  if not out.published and from_url then
    set_date(out, sources, "published", { iso = from_url, precision = "day", source = "url" })
  end
  return from_url
end

-- Generic date metas, often the day the page was generated: a printed date replaces them.
local WEAK = {}
for _, k in ipairs(tables.weak_meta_dates) do WEAK["meta:" .. k] = true end

-- Whether the printed dates can matter to M.finish: not when the page's
-- metadata gives a trusted published date and a modified one (then
-- finish_dates reads none of them, so they are not looked for: looking
-- was about 7% of an extraction).
local function wants_printed_dates(out, sources)
  return not (out.published and out.modified) or sources.published == "url" or WEAK[sources.published] ~= nil
end

-- Reads the metadata; returns the fields to copy into the article.
function M.read(doc, ctx)
  local page = page_m.gather(doc, ctx)
  local out, sources = {}, {}
  local orgs = read_title(page, out, sources)
  fields.read(page, out, sources)
  read_authors(page, orgs, ctx, out, sources)
  local opts = date_options(ctx, out.language)
  local url_date = read_dates(page, opts, out, sources)
  local headlines = headline_nodes(page, out.title, orgs)
  local ignored = region.ignored(doc, ctx.date_ignore)
  local cache = region.page_cache(doc, headlines, ignored and ignored.keys, page.index)
  local date_list = wants_printed_dates(out, sources) and region.dates(doc, cache) or {}
  local bylines = region.bylines(doc, cache)
  region.add_bylines_to_dates(date_list, bylines)
  ctx.meta = {
    dates = date_list, bylines = bylines,
    headlines = headline_keys(headlines),
    url_date = url_date, opts = opts, orgs = orgs, base = page.base,
    ignored_texts = ignored and ignored.texts,
    read = { published = out.published, modified = out.modified, authors = out.authors },
    article_body = type(page.article.articleBody) == "string" and page.article.articleBody or nil,
  }
  out.sources = sources
  return out
end

-- ---- M.finish ----------------------------------------------------------------------

local function changed_by_filter(article, meta, field)
  return article[field] ~= meta.read[field]
end

-- "Published 10 Jan · Updated 11 Jan": the parts before and after the
-- first word saying "modified" (the second is nil when there is none).
local function split_modified(value)
  local low, at = text.lower(value), nil
  for _, w in ipairs(tables.modified_words) do
    local i = low:find(w, 1, true)
    if i and (not at or i < at) then at = i end
  end
  if not at then return value, nil end
  return value:sub(1, at - 1), value:sub(at)
end

-- The first region date for the field; a block marked as the modification
-- date never gives the published one.
local function region_date(list, field, opts)
  for _, c in ipairs(list) do
    local before, after = split_modified(c.value)
    local value
    if field == "published" then value = not c.modified and before or nil
    else value = after or (c.modified and c.value) or nil end
    local d = value and dates.check(value, opts)
    if d then d.source = c.source; return d end
  end
  return nil
end

local function same_day(a, b) return a and b and a:sub(1, 10) == b:sub(1, 10) end

-- The printed date replaces none, the URL's, or a generic <meta name=date>
-- (often the day the page was generated); a page that prints only
-- "Updated ..." gives that date as published too.
local function finish_dates(article, ctx, inside)
  local meta, sources = ctx.meta, article.sources
  local printed = region_date(inside, "published", meta.opts)
  local from_region = printed or region_date(inside, "modified", meta.opts)
  local replaceable = not article.published or sources.published == "url"
    or (WEAK[sources.published] and printed ~= nil)
  if not changed_by_filter(article, meta, "published") and replaceable and from_region
      and (not meta.url_date or same_day(meta.url_date, from_region.iso)) then
    set_date(article, sources, "published", from_region)
  end
  if not changed_by_filter(article, meta, "modified") and not article.modified then
    set_date(article, sources, "modified", region_date(inside, "modified", meta.opts))
  end
end

-- A date printed as a line of its own at the top of the article ("<p>January
-- 18, 2020</p>" above the dateline, with no class saying so): read only when
-- nothing else dated the page. Short, so that it is the date and not a
-- sentence or a caption that mentions one; a day at least.
M.date_line_max = 40    -- characters of the line
M.date_line_reach = 8   -- paragraphs of the header lines and the text looked at

local function top_paragraphs(article, ctx)
  local out = {}
  for _, s in ipairs { ctx.lead_text or "", article.text or "" } do
    if s ~= "" then
      for _, p in ipairs(text.paragraphs(s, M.date_line_reach - #out)) do out[#out + 1] = p end
    end
  end
  return out
end

-- Is the line the text of an element the filter's date.ignore names?
local function in_ignored_texts(line, texts)
  for _, t in ipairs(texts or {}) do
    if t:find(line, 1, true) then return true end
  end
  return false
end

-- The date line printed between the headline and the body, outside both
-- ("<h1>…</h1><p>TOPICS　2019年3月15日 09:43</p><div>body…"): the blocks
-- before the body (its earlier siblings, then its ancestors'), read back to
-- the block with the headline; a block that holds the headline gives its
-- lines after it. Nothing is read unless the headline is reached, so a
-- site header's "today" is never taken.
M.header_reach = { levels = 3, siblings = 4 }
M.header_block_elements = 20  -- elements a block holding the date line has at most

local function headline_marks(meta)
  local own, holds = {}, {}
  for _, h in ipairs(meta.headlines or {}) do
    own[h.key] = true
    for _, k in ipairs(h.keys) do holds[k] = true end
  end
  return own, holds
end

local function dated_line(line, ctx)
  local chars = utf8.len(line) or #line
  line = chars <= M.date_line_max and text.squash(line)
  local d = line and not in_ignored_texts(line, ctx.meta.ignored_texts) and dates.check(line, ctx.meta.opts)
  if d and d.precision ~= "year" and d.precision ~= "month" then
    d.source = "text:date-line"
    return d
  end
  return nil
end

-- The lines of a block holding the headline that follow the headline's line.
local function lines_after_headline(block, title_key)
  local after, out = false, {}
  if title_key == "" then return out end  -- no title: the headline's line is unknown
  for line in (block:text() .. "\n"):gmatch("(.-)\n") do
    if after and line:find("%S") then out[#out + 1] = line end
    if text.key(line) == title_key then after = true end
  end
  return after and out or {}
end

-- The first of the top paragraphs (the header lines, then the text) that is
-- a date line. Characters, not bytes, are counted: a CJK line takes 3 bytes
-- a character.
local function date_line(article, ctx)
  for _, para in ipairs(top_paragraphs(article, ctx)) do
    local d = dated_line(para, ctx)
    if d then return d end
  end
  return nil
end

local function header_date_line(article, ctx)
  local own, holds = headline_marks(ctx.meta)
  local node, title_key = ctx.body, text.key(article.title)
  if not node or not next(own) then return nil end
  for _ = 1, M.header_reach.levels do
    local lines, s, n = {}, node:prev(), 0
    while s and n < M.header_reach.siblings do
      local k = s:key()
      if own[k] or holds[k] then
        if holds[k] then  -- its lines after the headline come nearest to it
          local after = lines_after_headline(s, title_key)
          for i = #after, 1, -1 do lines[#lines + 1] = after[i] end
        end
        for i = #lines, 1, -1 do  -- nearest the headline first
          local d = dated_line(lines[i], ctx)
          if d then return d end
        end
        return nil
      end
      -- a date line's block is small: a bounded count first, no walk of a big sibling
      if core.elements_at_most(s, M.header_block_elements) and s:stats().chars <= 4 * M.date_line_max then
        lines[#lines + 1] = s:text()
      end
      s, n = s:prev(), n + 1
    end
    node = node:parent()
    if not node or node:tag() == "body" then return nil end
  end
  return nil
end

-- Whether two ISO dates compare by the instant: both give a time, and a
-- time zone or none at all ("2020-02-18" against "2020-02-18T18:07+09:00",
-- or a zone on one side only, leaves the order within the day unknown).
local function has_zone(s) return s:find("[Zz]$") ~= nil or s:find("[+-]%d%d:?%d%d$") ~= nil end
local function comparable_times(a, b)
  return a:find("T%d") ~= nil and b:find("T%d") ~= nil and has_zone(a) == has_zone(b)
end

-- A modified date before the published one is a mistake of the page.
local function check_order(article, ctx)
  local p, m = dates.epoch(article.published), dates.epoch(article.modified)
  if p and m and m < p and (not same_day(article.published, article.modified)
      or comparable_times(article.published, article.modified)) then
    ctx.warnings[#ctx.warnings + 1] = string.format(
      "modified date %s (%s) is earlier than the published date %s; dropped",
      article.modified, tostring(article.sources.modified), article.published)
    article.modified = nil
    article.sources.modified = nil
  end
end

-- After the body is chosen: printed dates and bylines of the article region.
function M.finish(article, ctx)
  local meta = ctx.meta
  if not meta then return article end
  article.sources = article.sources or {}
  article.authors = article.authors or {}
  -- readerable measured the body after render, and nothing changes the tree
  -- between render and here
  local bs = ctx.body_stats
  local in_region = region.region(ctx.body, meta.headlines, bs and bs.node == ctx.body and bs.stats.chars or nil)
  finish_dates(article, ctx, region.inside(meta.dates, in_region))
  if not article.published and not changed_by_filter(article, meta, "published") then
    local d = date_line(article, ctx) or header_date_line(article, ctx)
    if d then set_date(article, article.sources, "published", d) end
  end
  authors.finish(article, ctx, region.inside(meta.bylines, in_region))
  if type(article.date_source) == "table" then  -- a filter's rule set the date
    for f, s in pairs(article.date_source) do article.sources[f] = s end
  end
  check_order(article, ctx)
  return article
end

return M
