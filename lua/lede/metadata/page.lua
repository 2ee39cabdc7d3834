-- The page as metadata sees it: every <meta> by key, JSON-LD with the
-- article object chosen, the <title>, the <h1>s, the host. Read once,
-- before cleaning.
local index = require "lede.metadata.index"
local jsonld = require "lede.metadata.jsonld"
local tables = require "lede.metadata.tables"
local text = require "lede.metadata.text"
local title = require "lede.metadata.title"

local M = {}

M.max_h1 = 5

local META_ATTRS = { "property", "name", "itemprop", "http-equiv" }
local META_CSS, H1_CSS, SCRIPT_CSS = "meta[content], meta[value]", "h1", "script[type]"
index.gathers(META_CSS)
index.gathers(H1_CSS)
index.gathers(SCRIPT_CSS)  -- where doc:jsonld looks for JSON-LD

-- "dc:title", "DC.Title", "dcterm:title" -> "dc.title"; keys lowercased.
-- Pages repeat the same few keys, so each is worked out once per process
-- (a pure function's memo, emptied when it grows past M.key_memo_max).
M.key_memo_max = 2048
local key_memo, key_memo_n = {}, 0

local function meta_key(k)
  local key = key_memo[k]
  if key then return key end
  key = k:lower():gsub("^dcterms?[:.]", "dcterms."):gsub("^dc:", "dc.")
  if key_memo_n >= M.key_memo_max then key_memo, key_memo_n = {}, 0 end
  key_memo[k], key_memo_n = key, key_memo_n + 1
  return key
end

local function add_keys(out, names, content)
  if not names:find("%s") then  -- the usual case: one key
    local key = meta_key(names)
    local list = out[key]
    if list then list[#list + 1] = content else out[key] = { content } end
    return
  end
  for name in names:gmatch("%S+") do  -- property="og:title twitter:title"
    local key = meta_key(name)
    out[key] = out[key] or {}
    table.insert(out[key], content)
  end
end

-- Every <meta> value by key, in page order, `property` ones first (as
-- readability reads them): { key = { v1, v2 } }. Some saved pages carry
-- the value in `value` instead of `content`.
local function meta_lists(idx)
  local by_attr = {}
  for i = 1, #META_ATTRS do by_attr[i] = {} end
  for _, m in ipairs(index.select(idx, META_CSS)) do
    local a = m:attrs()
    local content = text.decode(a.content or a.value)
    for i, attr in ipairs(content and META_ATTRS or {}) do
      local names = a[attr]
      if names then
        local list = by_attr[i]
        list[#list + 1] = names
        list[#list + 1] = content
      end
    end
  end
  local out = {}
  for _, list in ipairs(by_attr) do
    for j = 1, #list, 2 do add_keys(out, list[j], list[j + 1]) end
  end
  return out
end

-- The first value among `keys`: value, "meta:key".
function M.first_meta(meta, keys)
  for _, k in ipairs(keys) do
    local v = meta[k] and meta[k][1]
    if v then return v, "meta:" .. k end
  end
  return nil
end

-- "Headline ¶": the permalink mark some pages print after a heading.
local function strip_marks(s)
  local again = true
  while again do
    again = false
    s = s:gsub("%s+$", "")
    for _, m in ipairs { "¶", "§", "#" } do
      if s:sub(-#m) == m then s, again = s:sub(1, -#m - 1), true end
    end
  end
  return s
end

local KICKER = tables.kicker_words

local function is_kicker(node)
  local c = (node:attr("class") or ""):lower()
  for _, w in ipairs(KICKER) do
    if c:find(w, 1, true) then return true end
  end
  return false
end

-- The heading's text without a kicker printed inside it ("<span
-- class=dachzeile>Interne Unterlagen</span> <span class=headline>Daten
-- gehackt</span>"), when its elements hold all its text.
local function heading_text(h)
  local kids = h:children()
  if #kids < 2 then return h:text() end
  local kept, chars, total = {}, 0, h:stats().chars
  local dropped = false
  for _, k in ipairs(kids) do
    local t = k:text()
    chars = chars + k:stats().chars
    if is_kicker(k) then dropped = true
    elseif t:find("[%w\128-\255]") then kept[#kept + 1] = t end  -- not the ": " between them
  end
  if not dropped or #kept == 0 or chars + #kids + 1 < total then return h:text() end  -- spaces between
  return table.concat(kept, " ")
end

local function is_home_link(n)
  if not n or n:tag() ~= "a" then return false end
  local href = n:attr("href")
  href = href and href:match("^%s*(.-)%s*$")
  return href == "/" or (href and href:find("^%a[%w+.-]*://[^/?#]+/?$") ~= nil)
end

-- An <h1> that is a link to a site's home page is the site's logo ("<h1><a
-- href="/">Archive of Our Own</a></h1>"), not a headline.
local function is_logo(h)
  if is_home_link(h:parent()) then return true end
  local kids = h:children()
  return #kids == 1 and is_home_link(kids[1]) and kids[1]:stats().chars == h:stats().chars
end

local function headings(idx)
  local out = {}
  for _, h in ipairs(index.select(idx, H1_CSS)) do
    local t = h:stats().chars <= 400 and not is_logo(h) and text.squash(strip_marks(heading_text(h)))
    if t then out[#out + 1] = { node = h, text = t } end
    if #out >= M.max_h1 then break end
  end
  return out
end

-- The text (or content) of the first element with itemprop=prop (any
-- case; not a <meta>), when short.
function M.microdata(page, prop)
  local n = index.with_tokens(page.index, "itemprop", { prop }, { lower = true, not_tag = "meta" })[1]
  if not n or n:stats().chars > 400 then return nil end
  return text.squash(n:attr("content") or n:text())
end

-- The <title>, white space squashed; nil when longer than a title can be.
local function page_title(doc)
  local t = text.squash(doc:title())
  return t and #t <= title.max_bytes and t or nil
end

-- Reads the page once: { meta, jsonld, ids, article, article_type,
-- doc_title, h1, url, host, stem, doc, index (lede.metadata.index) }.
function M.gather(doc, ctx)
  local idx = index.new(doc)
  local objects, warnings = doc:jsonld(index.select(idx, SCRIPT_CSS))
  for _, w in ipairs(warnings or {}) do ctx.warnings[#ctx.warnings + 1] = w end
  local page = { meta = meta_lists(idx), jsonld = objects, ids = jsonld.index(objects),
    doc_title = page_title(doc), h1 = headings(idx), url = ctx.url, index = idx }
  page.host = ctx.article and ctx.article.host or (ctx.url and ctx.url:match("^%a[%w+.-]*://([^/?#:]+)"))
  page.stem = text.host_stem(page.host)
  local texts = { page.doc_title, M.first_meta(page.meta, tables.meta_keys.title) }
  for _, h in ipairs(page.h1) do texts[#texts + 1] = h.text end
  page.article, page.article_type = jsonld.choose(objects, function(s) return title.agrees(s, texts) end)
  page.article = page.article or {}
  page.doc = doc
  return page
end

-- The source name of an article property: "json-ld:NewsArticle.headline".
function M.source(page, prop)
  return "json-ld:" .. (page.article_type or "Thing") .. "." .. prop
end

return M

