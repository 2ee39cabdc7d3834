-- Article metadata: title, authors, dates, site, section, tags, description,
-- language, image, canonical URL, and where each came from (article.sources).
--
-- M.read(doc, ctx) runs on the untouched document, before cleaning: it reads
-- JSON-LD, <meta>, microdata, <title>, <h1>, <link rel=canonical> and the URL,
-- and records the dates and bylines printed in the page (ctx.meta) with the
-- keys of their ancestors. M.finish(article, ctx) runs once the body is
-- chosen: printed dates and bylines count only inside the article region,
-- and only where the structured metadata gave nothing usable.
local dates = require "lede.metadata.dates"
local jsonld = require "lede.metadata.jsonld"
local people = require "lede.metadata.people"
local region = require "lede.metadata.region"
local tables = require "lede.metadata.tables"
local text = require "lede.metadata.text"
local title = require "lede.metadata.title"

local M = {}

M.max_h1 = 5

-- ---- reading the page ------------------------------------------------------------

local META_ATTRS = { "property", "name", "itemprop", "http-equiv" }

-- "dc:title", "DC.Title", "dcterm:title" -> "dc.title"; keys lowercased.
local function meta_key(k)
  k = k:lower()
  return (k:gsub("^dcterms?[:.]", "dcterms."):gsub("^dc:", "dc."))
end

-- Every <meta> value by key, in page order, `property` ones first (as
-- readability reads them): { key = { v1, v2 } }. Some saved pages carry
-- the value in `value` instead of `content`.
local function meta_lists(doc)
  local out, nodes = {}, doc:select("meta[content], meta[value]")
  for _, attr in ipairs(META_ATTRS) do
    for _, m in ipairs(nodes) do
      local k, content = m:attr(attr), nil
      if k and k ~= "" then content = text.decode(m:attr("content") or m:attr("value")) end
      for key in (content and k or ""):gmatch("%S+") do  -- property="og:title twitter:title"
        key = meta_key(key)
        out[key] = out[key] or {}
        table.insert(out[key], content)
      end
    end
  end
  return out
end

-- The first value among `keys`: value, "meta:key".
local function first_meta(meta, keys)
  for _, k in ipairs(keys) do
    local v = meta[k] and meta[k][1]
    if v then return v, "meta:" .. k end
  end
  return nil
end

local function headings(doc)
  local out = {}
  for _, h in ipairs(doc:select("h1")) do
    local t = h:stats().chars <= 400 and text.squash(h:text():gsub("[¶§#]+%s*$", ""))
    if t then out[#out + 1] = { node = h, text = t } end
    if #out >= M.max_h1 then break end
  end
  return out
end

local function microdata(doc, prop)
  local n = doc:select(string.format("[itemprop~=%s i]:not(meta)", prop))[1]
  if not n or n:stats().chars > 400 then return nil end
  return text.squash(n:attr("content") or n:text())
end

local function gather(doc, ctx)
  local objects, warnings = doc:jsonld()
  for _, w in ipairs(warnings or {}) do ctx.warnings[#ctx.warnings + 1] = w end
  local page = { meta = meta_lists(doc), jsonld = objects, ids = jsonld.index(objects),
    doc_title = text.squash(doc:title()), h1 = headings(doc), url = ctx.url }
  page.host = ctx.article and ctx.article.host or (ctx.url and ctx.url:match("^%a[%w+.-]*://([^/?#:]+)"))
  page.stem = text.host_stem(page.host)
  local texts = { page.doc_title, first_meta(page.meta, tables.meta_keys.title) }
  for _, h in ipairs(page.h1) do texts[#texts + 1] = h.text end
  page.article, page.article_type = jsonld.choose(objects, function(s) return title.agrees(s, texts) end)
  page.article = page.article or {}
  return page
end

local function jsonld_source(page, prop)
  return "json-ld:" .. (page.article_type or "Thing") .. "." .. prop
end

-- ---- site and title -------------------------------------------------------------

local function site_candidates(page)
  local list = {}
  local v, src = first_meta(page.meta, tables.meta_keys.site)
  if v then list[#list + 1] = { v, src } end
  local pub = jsonld.publisher(page.article, page.ids)
  if pub then list[#list + 1] = { pub, jsonld_source(page, "publisher") } end
  for _, o in ipairs(page.jsonld) do
    if jsonld.type_name(o) == "WebSite" and jsonld.string(o.name) then
      list[#list + 1] = { jsonld.string(o.name), "json-ld:WebSite.name" }
    end
  end
  for _, k in ipairs(tables.meta_keys.site) do
    for _, x in ipairs(page.meta[k] or {}) do list[#list + 1] = { x, "meta:" .. k } end
  end
  return list
end

M.site_max_words = 6

-- Keys of the site's names. A long "name" is a headline in the wrong field
-- (application-name often holds one), and never hides the headline.
local function site_keys(cands, page)
  local set = {}
  local og = page.meta["og:title"] and text.key(page.meta["og:title"][1])
  for _, c in ipairs(cands) do
    local k = text.key(c[1])
    local _, words = k:gsub("%S+", "")
    if words <= M.site_max_words and k ~= og then set[k] = true end
  end
  local _, trailing = title.cut_trailing(page.doc_title or "")
  if trailing then set[text.key(trailing)] = true end  -- an <h1> holding only this is the logo
  set[""] = nil
  return set
end

M.headline_words = 4

-- Four words or more; or, in scripts without spaces, ten characters.
local function headline_sized(s)
  local words = 0
  for _ in s:gmatch("%S+") do words = words + 1 end
  return words >= M.headline_words or (s:find("[\228-\233]") and (utf8.len(s) or 0) >= 10)
end

local function title_candidates(page)
  local list = {}
  local a = page.article
  local h = jsonld.string(a.headline) or jsonld.string(a.name)
  if h then list[#list + 1] = { text = h, source = jsonld_source(page, a.headline and "headline" or "name") } end
  for _, k in ipairs(tables.meta_keys.title) do
    local v = page.meta[k] and page.meta[k][1]
    if v then list[#list + 1] = { text = v, source = "meta:" .. k } end
  end
  local md = microdata(page.doc, "headline")
  if md then list[#list + 1] = { text = md, source = "microdata:headline", group = "h1" } end
  -- with nothing to agree with, a headline-sized <h1> beats the <title>
  -- (an SEO variant), and the <title> beats a short <h1> (a section name)
  for _, h1 in ipairs(page.h1) do
    if headline_sized(h1.text) then list[#list + 1] = { text = h1.text, source = "html:h1", group = "h1" } end
  end
  if page.doc_title then list[#list + 1] = { text = page.doc_title, source = "html:title", group = "title" } end
  for _, h1 in ipairs(page.h1) do
    if not headline_sized(h1.text) then list[#list + 1] = { text = h1.text, source = "html:h1", group = "h1" } end
  end
  return list
end

-- The <h1> that carries the headline (else the first), for the region.
local function headline_node(page, headline)
  local k = headline and text.key(headline)
  for _, h in ipairs(page.h1) do
    if text.key(h.text) == k then return h.node end
  end
  return page.h1[1] and page.h1[1].node
end

local function choose_site(page, cands, headline, out, sources)
  if cands[1] then
    out.site, sources.site = cands[1][1], cands[1][2]
    return
  end
  local _, affix = title.cut_trailing(page.doc_title or "")
  affix = affix or title.affix(page.doc_title, headline)
  if affix and #affix <= 60 then
    out.site, sources.site = affix, "html:title"
  elseif page.host then
    out.site, sources.site = page.host:gsub("^www%d*%.", ""), "url"
  end
end

-- ---- authors -------------------------------------------------------------------

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

local function merge_authors(list)
  local out, seen = {}, {}
  for _, a in ipairs(list) do
    local k = text.key(a.name)
    if k ~= "" and not seen[k] then seen[k] = true; out[#out + 1] = a end
  end
  return out
end

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
-- person wins. Organisations met become publisher candidates.
local function structured_authors(page, orgs, ctx)
  local publishers = {}
  local list = jsonld.authors(page.article, page.ids)
  if #list > 0 then
    local authors, found = people_from(list, orgs, ctx)
    for _, o in ipairs(found) do publishers[#publishers + 1] = o end
    if #authors > 0 then return merge_authors(authors), jsonld_source(page, "author"), publishers end
  end
  local mlist, src = meta_people(page)
  if mlist then
    local authors = people_from(mlist, orgs, ctx)
    if #authors > 0 then return merge_authors(authors), src, publishers end
  end
  return {}, nil, publishers
end

-- ---- dates ---------------------------------------------------------------------

local function date_options(ctx, lang)
  local now = ctx.opts and ctx.opts.now
  if type(now) ~= "number" then now = os.time() end
  return { lang = lang, now = now }
end

-- Structured dates in order of trust: { value, source, field }.
local function structured_dates(page)
  local a, list = page.article, {}
  local function add(v, src, field) if v then list[#list + 1] = { value = v, source = src, field = field } end end
  add(jsonld.string(a.datePublished), jsonld_source(page, "datePublished"), "published")
  add(jsonld.string(a.dateModified), jsonld_source(page, "dateModified"), "modified")
  for _, kf in ipairs(tables.meta_dates) do
    for _, v in ipairs(page.meta[kf[1]] or {}) do add(v, "meta:" .. kf[1], kf[2]) end
  end
  add(jsonld.string(a.dateCreated), jsonld_source(page, "dateCreated"), "published")
  add(jsonld.string(a.uploadDate), jsonld_source(page, "uploadDate"), "published")
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

-- ---- the small fields -------------------------------------------------------------

-- "en_us" -> "en-US", "zh-hans-cn" -> "zh-Hans-CN"; nil when not a tag.
function M.language_tag(s)
  s = type(s) == "string" and s:match("^%s*([%w_%-]+)") or nil
  if not s then return nil end
  local parts = {}
  for p in s:gsub("_", "-"):gmatch("[^-]+") do parts[#parts + 1] = p end
  if not parts[1] or not parts[1]:match("^%a%a%a?$") then return nil end
  parts[1] = parts[1]:lower()
  for i = 2, #parts do
    local p = parts[i]
    if #p == 2 and p:match("^%a%a$") then parts[i] = p:upper()
    elseif #p == 4 and p:match("^%a+$") then parts[i] = p:sub(1, 1):upper() .. p:sub(2):lower()
    else parts[i] = p:lower() end
  end
  return table.concat(parts, "-")
end

local function choose_language(doc, page)
  local root = doc:root()
  local cands = {
    { root and (root:attr("lang") or root:attr("xml:lang")), "html:lang" },
    { page.meta["content-language"] and page.meta["content-language"][1], "meta:content-language" },
    { page.meta["og:locale"] and page.meta["og:locale"][1], "meta:og:locale" },
    { jsonld.string(page.article.inLanguage), jsonld_source(page, "inLanguage") },
    { first_meta(page.meta, { "language", "dc.language", "dcterms.language" }) },
  }
  for _, c in ipairs(cands) do
    local tag = M.language_tag(c[1])
    if tag then return tag, c[2] end
  end
  return nil
end

-- The base URL links resolve against: <base href> over the page's URL.
local function base_url(doc, url)
  local b = doc:select("base[href]")[1]
  return b and text.resolve(url, b:attr("href")) or url
end

local function choose_canonical(doc, page, base)
  local link = doc:select("link[rel~=canonical i][href]")[1]
  local href, src = link and link:attr("href"), "html:link[rel=canonical]"
  if not text.squash(href) then href, src = first_meta(page.meta, { "og:url", "twitter:url" }) end
  href = text.squash(href)
  if not href then return nil end
  return text.resolve(base, href), src
end

local function choose_image(page, base)
  local v, src = first_meta(page.meta, tables.meta_keys.image)
  if not v then v, src = jsonld.image(page.article, page.ids), jsonld_source(page, "image") end
  if not v then v, src = microdata(page.doc, "image"), "microdata:image" end
  if not v then return nil end
  return text.resolve(base, v), src
end

local function choose_section(page)
  local v, src = first_meta(page.meta, tables.meta_keys.section)
  if v then return v, src end
  return jsonld.string(page.article.articleSection), jsonld_source(page, "articleSection")
end

local function unique_tags(list)
  local out, seen = {}, {}
  for _, t in ipairs(list) do
    t = text.squash(t)
    local k = t and text.key(t)
    if k and k ~= "" and not seen[k] and #t <= 80 then seen[k] = true; out[#out + 1] = t end
  end
  return out
end

local function choose_tags(page)
  local a = page.meta["article:tag"]
  if a and #a > 0 then
    local split = {}
    for _, v in ipairs(a) do for p in v:gmatch("[^,]+") do split[#split + 1] = p end end
    return unique_tags(split), "meta:article:tag"
  end
  local kw = jsonld.keywords(page.article)
  if #kw > 0 then return unique_tags(kw), jsonld_source(page, "keywords") end
  for _, k in ipairs(tables.meta_keys.tags) do
    local v = page.meta[k] and page.meta[k][1]
    if v then
      local split = {}
      for p in v:gmatch("[^,;]+") do split[#split + 1] = p end
      return unique_tags(split), "meta:" .. k
    end
  end
  return {}, nil
end

local function choose_description(page)
  local v, src = first_meta(page.meta, tables.meta_keys.description)
  if v then return v, src end
  return jsonld.string(page.article.description), jsonld_source(page, "description")
end

-- ---- M.read ---------------------------------------------------------------------

local function read_title(page, out, sources)
  local sites = site_candidates(page)
  local keys = site_keys(sites, page)
  out.title, sources.title = title.choose(title_candidates(page), keys, page.stem)
  choose_site(page, sites, out.title, out, sources)
  keys[text.key(out.site)] = true
  return keys
end

local function read_authors(page, orgs, ctx, out, sources)
  local authors, src, publishers = structured_authors(page, orgs, ctx)
  out.authors, sources.authors = authors, src
  if not out.site and publishers[1] then out.site, sources.site = publishers[1], jsonld_source(page, "author") end
end

local function read_dates(page, opts, out, sources)
  local list = structured_dates(page)
  set_date(out, sources, "published", first_date(list, "published", opts))
  set_date(out, sources, "modified", first_date(list, "modified", opts))
  local from_url = dates.from_url(page.url)
  if not out.published and from_url then
    set_date(out, sources, "published", { iso = from_url, precision = "day", source = "url" })
  end
  return from_url
end

local function read_fields(doc, page, out, sources)
  local base = base_url(doc, page.url)
  out.description, sources.description = choose_description(page)
  out.language, sources.language = choose_language(doc, page)
  out.canonical_url, sources.canonical_url = choose_canonical(doc, page, base)
  out.image, sources.image = choose_image(page, base)
  out.section, sources.section = choose_section(page)
  out.tags, sources.tags = choose_tags(page)
  for k in pairs(sources) do if out[k] == nil then sources[k] = nil end end
end

-- Reads the metadata; returns the fields to copy into the article.
function M.read(doc, ctx)
  local page = gather(doc, ctx)
  page.doc = doc
  local out, sources = {}, {}
  local orgs = read_title(page, out, sources)
  read_fields(doc, page, out, sources)
  read_authors(page, orgs, ctx, out, sources)
  local opts = date_options(ctx, out.language)
  local url_date = read_dates(page, opts, out, sources)
  local headline = headline_node(page, out.title)
  local ignore = region.ignore_nodes(doc, ctx.date_ignore)
  local date_list, bylines = region.dates(doc, headline, ignore), region.bylines(doc, headline)
  region.add_bylines_to_dates(date_list, bylines)
  ctx.meta = {
    dates = date_list, bylines = bylines,
    headline_key = headline and headline:key(), headline_keys = headline and headline:ancestor_keys(),
    url_date = url_date, opts = opts, orgs = orgs, base = base_url(doc, page.url),
    read = { published = out.published, modified = out.modified, authors = out.authors },
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

local function finish_dates(article, ctx, inside)
  local meta, sources = ctx.meta, article.sources
  -- a page that prints only "Updated ..." gives that date as published too
  local from_region = region_date(inside, "published", meta.opts) or region_date(inside, "modified", meta.opts)
  if not changed_by_filter(article, meta, "published") and (sources.published == "url" or not article.published)
      and from_region and (not meta.url_date or same_day(meta.url_date, from_region.iso)) then
    set_date(article, sources, "published", from_region)
  end
  if not changed_by_filter(article, meta, "modified") and not article.modified then
    set_date(article, sources, "modified", region_date(inside, "modified", meta.opts))
  end
end

-- A modified date before the published one is a mistake of the page.
local function check_order(article, ctx)
  local p, m = dates.epoch(article.published), dates.epoch(article.modified)
  if p and m and m < p and not same_day(article.published, article.modified) then
    ctx.warnings[#ctx.warnings + 1] = string.format(
      "modified date %s (%s) is earlier than the published date %s; dropped",
      article.modified, tostring(article.sources.modified), article.published)
    article.modified = nil
    article.sources.modified = nil
  end
end

local function finish_authors(article, ctx, inside)
  local meta = ctx.meta
  if changed_by_filter(article, meta, "authors") or #article.authors > 0 then return end
  for _, c in ipairs(inside) do
    local r = people.parse(c.value, meta.orgs)
    if #r.names > 0 or #r.agencies > 0 then
      add_credits(ctx, r.agencies, c.value)
      local list = {}
      for _, n in ipairs(r.names) do
        list[#list + 1] = { name = n, role = "byline",
          url = #r.names == 1 and c.url and text.resolve(meta.base, c.url) or nil }
      end
      article.authors, article.sources.authors = list, c.source
      return
    end
  end
end

-- After the body is chosen: printed dates and bylines of the article region.
function M.finish(article, ctx)
  local meta = ctx.meta
  if not meta then return article end
  article.sources = article.sources or {}
  article.authors = article.authors or {}
  local in_region = region.region(ctx.body, meta.headline_keys, meta.headline_key)
  finish_dates(article, ctx, region.inside(meta.dates, in_region))
  finish_authors(article, ctx, region.inside(meta.bylines, in_region))
  if type(article.date_source) == "table" then  -- a filter's rule set the date
    for f, s in pairs(article.date_source) do article.sources[f] = s end
  end
  check_order(article, ctx)
  return article
end

return M
