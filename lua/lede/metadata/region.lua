-- Dates and bylines printed in the page, and whether they belong to the
-- article. Candidates are recorded before cleaning (with their ancestors'
-- keys, since cleaning may remove them); once the body is chosen, only
-- those inside the article region count: the body, the block around the
-- headline, and what the body and the headline share when that is compact.
local tables = require "lede.metadata.tables"
local text = require "lede.metadata.text"
local pipeline = require "lede.pipeline"

local M = {}

M.max_candidates = 200
M.max_depth = 60            -- ancestor walks stop here (deeply nested pages)
M.near_chars = 700          -- a block this small around headline and date is the article's header
M.region_slack = 1.5        -- the body+headline ancestor may be this much bigger than the body...
M.region_extra = 1500       -- ...plus this many characters

local function set_of(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

local ELSEWHERE = set_of(tables.elsewhere_words)
-- Containers whose classes describe the whole page ("single sidebar-right").
local PAGE_TAGS = set_of { "html", "body", "main", "article" }

-- Why a node's class or id says it holds other stories or site furniture.
local function elsewhere_reason(node)
  local tag = node:tag()
  if tables.elsewhere_tags[tag] then return tag end
  if PAGE_TAGS[tag] then return nil end
  for _, attr in ipairs { "class", "id" } do
    local v = node:attr(attr)
    if v and v ~= "" then
      for _, w in ipairs(pipeline.words_of(v)) do
        if ELSEWHERE[w] then return w end
      end
    end
  end
  return nil
end

-- Walks up from node: is it inside other stories' furniture (an ancestor
-- below the headline's container says so)? And how big is the smallest
-- block holding both node and headline?
local function place(node, headline)
  local p, why, near = node, nil, nil
  for _ = 1, M.max_depth do
    if not p then break end
    if headline and p:contains(headline) then
      near = p:stats().chars
      break
    end
    why = why or elsewhere_reason(p)
    p = p:parent()
  end
  return why, near
end

local function ignored(node, ignore_nodes)
  for _, n in ipairs(ignore_nodes) do
    if n:contains(node) then return true end
  end
  return false
end

-- Nodes a filter says never hold the date (ctx.date_ignore selectors).
function M.ignore_nodes(doc, selectors)
  local out = {}
  for _, sel in ipairs(selectors or {}) do
    local ok, nodes = pcall(doc.select, doc, sel)
    if ok then for _, n in ipairs(nodes) do out[#out + 1] = n end end
  end
  return out
end

local function record(list, seen, node, value, tier, extra, headline)
  if #list >= M.max_candidates or seen[node:key()] then return end
  seen[node:key()] = true
  local why, near = place(node, headline)
  if why then return end
  local c = { value = value, node = node, tier = tier, keys = node:ancestor_keys(), key = node:key(),
    near = near, order = #list + 1 }
  for k, v in pairs(extra or {}) do c[k] = v end
  list[#list + 1] = c
end

local function short_text(node, max)
  if node:stats().chars > max then return nil end
  return text.squash(node:text())
end

local MODIFIED = tables.modified_words

local function says_modified(s)
  s = text.lower(s or "")
  for _, w in ipairs(MODIFIED) do
    if s:find(w, 1, true) then return true end
  end
  return false
end

local function describe(node)
  local tag, cls = node:tag(), node:attr("class") or node:attr("itemprop") or ""
  cls = cls:match("%S+")
  return cls and (tag .. "." .. cls) or tag
end

-- The value a date element offers: an attribute, else its short text.
local function date_value(node, attr)
  if attr then return node:attr(attr) end
  return node:attr("datetime") or node:attr("content") or (node:tag() == "abbr" and node:attr("title"))
    or short_text(node, tables.date_text_max)
end

-- Records the page's date candidates; headline may be nil.
function M.dates(doc, headline, ignore_nodes)
  local list, seen = {}, {}
  for tier, sel in ipairs(tables.date_selectors) do
    for _, node in ipairs(doc:select(sel[1])) do
      local value = not ignored(node, ignore_nodes) and date_value(node, sel[2])
      if value and value:find("%d") then
        local hint = node:attr("itemprop") or node:attr("class") or ""
        local modified = says_modified(hint) or (hint:lower():find("modif") ~= nil)
        record(list, seen, node, value, tier, { source = "html:" .. describe(node), modified = modified },
          headline)
      end
    end
  end
  return list
end

-- Bylines often carry the date ("By Jane Doe, January 10, 2019"): they
-- join the date candidates, after the date elements.
function M.add_bylines_to_dates(list, bylines)
  local seen, tier = {}, #tables.date_selectors + 1
  for _, c in ipairs(list) do seen[c.key] = true end
  for _, b in ipairs(bylines) do
    if not seen[b.key] and b.value:find("%d") and #list < M.max_candidates then
      list[#list + 1] = { value = b.value, node = b.node, tier = tier, keys = b.keys, key = b.key,
        near = b.near, order = #list + 1, source = b.source, modified = false }
    end
  end
end

-- Records the page's byline candidates.
function M.bylines(doc, headline)
  local list, seen = {}, {}
  for tier, sel in ipairs(tables.byline_selectors) do
    for _, node in ipairs(doc:select(sel)) do
      local value = node:attr("content") or short_text(node, tables.byline_text_max)
      if value and value:find("%a") then
        record(list, seen, node, value, tier, { source = "html:" .. describe(node), url = node:attr("href") },
          headline)
      end
    end
  end
  return list
end

-- ---- after the body is chosen ------------------------------------------------------

local function key_set(keys, extra)
  local s = {}
  for _, k in ipairs(keys) do s[k] = true end
  if extra then s[extra] = true end
  return s
end

-- The smallest block holding the body and the headline, when it is not
-- much bigger than the body (else the headline sits in a page-wide header).
local function shared_block(body, headline_keys, headline_key)
  if not headline_keys then return nil end
  local hset = key_set(headline_keys, headline_key)
  local limit = body:stats().chars * M.region_slack + M.region_extra
  local p = body
  for _ = 1, M.max_depth do
    if not p then return nil end
    if hset[p:key()] then
      return p:stats().chars <= limit and p:key() or nil
    end
    p = p:parent()
  end
  return nil
end

-- A predicate: does candidate c lie in the article region?
function M.region(body, headline_keys, headline_key)
  if not body then return function(c) return c.near ~= nil and c.near <= M.near_chars end end
  local body_key = body:key()
  local shared = shared_block(body, headline_keys, headline_key)
  return function(c)
    if c.key == body_key or key_set(c.keys)[body_key] then return true end
    if c.near and c.near <= M.near_chars then return true end
    return shared ~= nil and key_set(c.keys)[shared] == true
  end
end

-- Candidates in the region, by tier then page order.
function M.inside(list, in_region)
  local out = {}
  for _, c in ipairs(list or {}) do
    if in_region(c) then out[#out + 1] = c end
  end
  table.sort(out, function(a, b)
    if a.tier ~= b.tier then return a.tier < b.tier end
    return a.order < b.order
  end)
  return out
end

M.says_modified = says_modified

return M
