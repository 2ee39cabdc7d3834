-- The small fields: site, language, canonical URL, image, section, tags,
-- description; each with the source it came from.
local index = require "lede.metadata.index"
local jsonld = require "lede.metadata.jsonld"
local page_m = require "lede.metadata.page"
local people = require "lede.metadata.people"
local tables = require "lede.metadata.tables"
local text = require "lede.metadata.text"
local title = require "lede.metadata.title"

local M = {}

local first_meta, source = page_m.first_meta, page_m.source

-- ---- the site ----------------------------------------------------------------------

-- The names the page declares for its site: { {name, source}, ... }, best first.
function M.site_candidates(page)
  local list = {}
  local v, src = first_meta(page.meta, { "og:site_name" })
  if v then list[#list + 1] = { v, src } end
  local pub = jsonld.publisher(page.article, page.ids)
  if pub then list[#list + 1] = { pub, source(page, "publisher") } end
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
function M.site_keys(cands, page)
  local set = {}
  local og = page.meta["og:title"] and text.key(page.meta["og:title"][1])
  for _, c in ipairs(cands) do
    local k = text.key(c[1])
    local _, words = k:gsub("%S+", "")
    if words <= M.site_max_words and k ~= og then
      set[k], set[people.squeeze(k)] = true, true
      if c[1]:find("^[%w.-]+%.%a%a+$") then set[text.host_stem(c[1])] = true end  -- "www.elcolombiano.com"
    end
  end
  set[""] = nil
  return set
end

-- A site name that is a host ("www.diariolibre.com" in og:site_name) is
-- said as the host fallback says it: without "www.".
local function tidy_site(name)
  if not name:match("^[Ww][Ww][Ww]%d*%.[%w%-]+%.[%w%.%-]+$") then return name end
  return (name:gsub("^[Ww][Ww][Ww]%d*%.", ""))
end

-- Latin letters with accents, as their base letter: site names are
-- compared with host names, which have none ("La Información", lainformacion.es).
local UNACCENT = {}
for base, letters in pairs { a = "àáâãäåā", c = "çć", e = "èéêëē", i = "ìíîïī", n = "ñń", o = "òóôõöøō",
    u = "ùúûüū", y = "ýÿ", s = "śš", z = "źżž", l = "ł" } do
  for _, cp in utf8.codes(letters) do UNACCENT[utf8.char(cp)] = base end
end

-- The name as host names spell it: lowercased, without accents, spaces and
-- a leading "the"; nil when it holds letters of another script (such a
-- name cannot be compared with a Latin host name, and stands).
local function host_spelling(name)
  local k = people.squeeze(text.key(name)):gsub("[\195-\197][\128-\191]", UNACCENT)
  if k:find("[\128-\255]") then return nil end
  return (k:gsub("[^%w]", ""))
end

-- Whether a declared name says the host's name ("Reuters" on reuters.com,
-- "NYTimes" on nytimes.com, "Le Monde.fr" on lemonde.fr): one holds the other.
local function names_host(name, stem)
  local k = host_spelling(name)
  if not k then return nil end
  return #k >= 3 and (k:find(stem, 1, true) ~= nil or stem:find(k, 1, true) ~= nil)
end

-- The declared name to use: the first, unless it is a Latin name that does
-- not name the host while a later name (not a bare host) does: og:site_name
-- "U.S." on reuters.com, whose JSON-LD publisher says "Reuters"; a
-- section's name ("Política") put in the field.
local function declared_site(cands, page)
  local stem = page.stem and page.stem:gsub("[^%w]", "")
  if not stem or #stem < 3 or names_host(cands[1][1], stem) ~= false then return cands[1] end
  for i = 2, #cands do
    local name = cands[i][1]
    if not name:find("^[%w.-]+%.%a%a+$") and names_host(name, stem) then return cands[i] end
  end
  return cands[1]
end

-- The site: a declared name, else the last part of the <title>, else the host.
function M.choose_site(page, cands, headline, out, sources)
  if cands[1] then
    local c = declared_site(cands, page)
    out.site, sources.site = tidy_site(c[1]), c[2]
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

-- ---- the others ----------------------------------------------------------------------

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
    { jsonld.string(page.article.inLanguage), source(page, "inLanguage") },
    { first_meta(page.meta, { "language", "dc.language", "dcterms.language" }) },
  }
  for _, c in ipairs(cands) do
    local tag = M.language_tag(c[1])
    if tag then return tag, c[2] end
  end
  return nil
end

local BASE_CSS = "base[href]"
index.gathers(BASE_CSS)

-- The base URL links resolve against: <base href> over the page's URL
-- (idx: the page's lede.metadata.index, when there is one).
function M.base_url(doc, url, idx)
  local b = (idx and index.select(idx, BASE_CSS) or doc:select(BASE_CSS))[1]
  return b and text.resolve(url, b:attr("href")) or url
end

local function absolute(u)
  return u and u:match("^%a[%w+.-]*://[^/?#%s]") and u or nil
end

-- The base of the page's relative links: M.base_url when it is absolute;
-- else (a page read from a file, no URL given) the address the page gives
-- for itself in og:url or twitter:url, so "/post/x" and "//host/x" still
-- come out absolute.
local function page_base(page)
  local base = M.base_url(page.doc, page.url, page.index)
  if absolute(base) then return base end
  local own = absolute(text.squash((first_meta(page.meta, { "og:url", "twitter:url" }))))
  return own and (base and text.resolve(own, base) or own) or base
end

local function canonical_link(page)
  for _, n in ipairs(index.with_tokens(page.index, "rel", { "canonical" }, { lower = true })) do
    if n:tag() == "link" and n:attr("href") then return n end
  end
  return nil
end

local function choose_canonical(page, base)
  local link = canonical_link(page)
  local href, src = link and link:attr("href"), "html:link[rel=canonical]"
  if not text.squash(href) then href, src = first_meta(page.meta, { "og:url", "twitter:url" }) end
  href = text.squash(href)
  if not href then return nil end
  return text.resolve(base, href), src
end

-- The address an itemprop=image element gives: its own src, content or
-- href, else its first <img>'s (an ImageObject wraps one); never its text
-- (a caption is no image).
local function microdata_image(page)
  local n = index.with_tokens(page.index, "itemprop", { "image" }, { lower = true, not_tag = "meta" })[1]
  if not n then return nil end
  local v = n:attr("src") or n:attr("content") or n:attr("href")
  if not v then
    local img = n:select("img[src]")[1]
    v = img and img:attr("src")
  end
  v = text.squash(v)
  return v and not v:find("%s") and v or nil
end

-- A site's stand-in share image, not the article's: its file name says
-- default or placeholder ("opengraph_default.png", "ANDefault.jpg",
-- "social_placeholder.png"; directories such as Drupal's
-- "/sites/default/files/" do not count), or it is a site icon
-- ("/blavatar/<hash>").
local STAND_IN = {}
for _, w in ipairs(tables.stand_in_image_words) do STAND_IN[w] = true end

local function is_stand_in(url)
  local path = url:gsub("[?#].*$", "")
  local dir, file = path:match("([^/]*)/([^/]*)$")
  if dir and STAND_IN[dir:lower()] then return true end
  file = (file or path):gsub("%.%w+$", ""):gsub("(%l)(%u)", "%1 %2"):gsub("(%u)(%u%l)", "%1 %2"):lower()
  for w in file:gmatch("%a+") do
    if STAND_IN[w] then return true end
  end
  return false
end

-- The article's image: the first declared one (<meta> keys in order, JSON-LD,
-- microdata) that is not a stand-in.
local function choose_image(page, base)
  local cands = {}
  for _, k in ipairs(tables.meta_keys.image) do
    for _, v in ipairs(page.meta[k] or {}) do cands[#cands + 1] = { v, "meta:" .. k } end
  end
  cands[#cands + 1] = { jsonld.image(page.article, page.ids), source(page, "image") }
  cands[#cands + 1] = { microdata_image(page), "microdata:image" }
  for _, c in ipairs(cands) do
    local v = c[1] and text.squash(c[1])
    if v and v ~= "" and not is_stand_in(v) then return text.resolve(base, v), c[2] end
  end
  return nil
end

local NOT_SECTION = {}
for _, w in ipairs(tables.not_sections) do NOT_SECTION[w] = true end

local function is_section(v)
  v = text.squash(v)
  return v ~= nil and v ~= "" and not NOT_SECTION[text.lower(v)]
end

local function choose_section(page)
  for _, k in ipairs(tables.meta_keys.section) do
    for _, v in ipairs(page.meta[k] or {}) do
      if is_section(v) then return v, "meta:" .. k end
    end
  end
  local v = jsonld.string(page.article.articleSection)
  if is_section(v) then return v, source(page, "articleSection") end
  return nil
end

-- CMSs put their own facets among the keywords: "Page Type: Article",
-- "Lite:true", "type_review", "exclude-from-homepage", "[SYNDICATED
-- CONTENT]", "/article". Facets that name a topic ("Tag:Nodejs",
-- "Category: Phones") give their value; the others are no tag.
local TOPIC_FACETS, OTHER_FACETS = {}, {}
for _, w in ipairs(tables.tag_facets.topic) do TOPIC_FACETS[w] = true end
for _, w in ipairs(tables.tag_facets.other) do OTHER_FACETS[w] = true end

local function tag_of(t)
  if t:find("^%[.*%]$") or t:find("^/") then return nil end
  local label, value = t:match("^([%a][%w ]-)%s*:%s*(.+)$")
  local l = label and label:lower():gsub("%s+", " ")
  if l and TOPIC_FACETS[l] then return value end
  if l and (OTHER_FACETS[l] or not t:find("%s")) then return nil end  -- "Lite:true", "Day: Wednesday"
  if not t:find("%s") then
    local low = t:lower()
    local head = low:match("^(%a+)_")
    if low:find("exclude", 1, true) or (head and OTHER_FACETS[head]) then return nil end
  end
  return t
end

local function unique_tags(list)
  local out, seen = {}, {}
  for _, t in ipairs(list) do
    t = text.squash(t)
    t = t and tag_of(t)
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
  if #kw > 0 then return unique_tags(kw), source(page, "keywords") end
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
  return jsonld.string(page.article.description), source(page, "description")
end

-- Fills out/sources with the small fields (the site apart).
function M.read(page, out, sources)
  local doc = page.doc
  local base = page_base(page)
  page.base = base
  out.description, sources.description = choose_description(page)
  out.language, sources.language = choose_language(doc, page)
  out.canonical_url, sources.canonical_url = choose_canonical(page, base)
  out.image, sources.image = choose_image(page, base)
  out.section, sources.section = choose_section(page)
  out.tags, sources.tags = choose_tags(page)
  for k in pairs(sources) do if out[k] == nil then sources[k] = nil end end
end

return M
