-- Dates and bylines printed in the page, and whether they belong to the
-- article. Candidates are recorded before cleaning (with their ancestors'
-- keys, since cleaning may remove them); once the body is chosen, only
-- those inside the article region count: the body, the block around the
-- headline, and what the body and the headline share when that is compact.
local core = require "lede.core"
local page_index = require "lede.metadata.index"
local tables = require "lede.metadata.tables"
local text = require "lede.metadata.text"
local pipeline = require "lede.pipeline"

local M = {}

M.max_candidates = 200
M.max_examined = 1000       -- nodes read per rule: bounds the cost on pathological pages
M.max_elements = 40         -- a date or byline element holds at most this many elements
M.max_ancestors = 400       -- ancestors remembered per candidate (deeper: outside the region)
M.max_depth = 60            -- ancestor walks stop here (deeply nested pages)
M.near_chars = 700          -- a block this small around headline and date is the article's header,
M.near_share = 0.25         -- or one this big against the body
M.region_slack = 1.5        -- the body+headline ancestor may be this much bigger than the body...
M.region_extra = 1500       -- ...plus this many characters

local function set_of(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

local OTHER_STORIES = set_of(tables.other_stories_words)
local FURNITURE = set_of(tables.furniture_words)
-- Containers whose classes describe the whole page ("single sidebar-right").
local PAGE_TAGS = set_of { "html", "body", "main", "article" }

-- Why a node's tag, class or id says it holds other stories ("strong")
-- or site furniture ("weak"); whole words: "more" is not "moreover".
local function elsewhere_reason(node)
  local tag = node:tag()
  local rule = tables.elsewhere_tags[tag]
  if rule == true or (rule and node:stats().link_density >= rule) then return tag, "weak" end
  if PAGE_TAGS[tag] then return nil end
  for _, attr in ipairs { "class", "id" } do
    local v = node:attr(attr)
    for _, w in ipairs(v and pipeline.words_of(v) or {}) do
      if OTHER_STORIES[w] then return w, "strong" end
      if FURNITURE[w] then return w, "weak" end
    end
  end
  return nil
end

-- elsewhere_reason, once per node and page (candidates share ancestors).
local function elsewhere(node, key, cache)
  cache.elsewhere = cache.elsewhere or {}
  local r = cache.elsewhere[key]
  if r == nil then
    local w, st = elsewhere_reason(node)
    r = w and { w, st } or false
    cache.elsewhere[key] = r
  end
  if r then return r[1], r[2] end
  return nil
end

-- Characters of text under a node, computed once per node and page.
local function chars(node, cache)
  local k = node:key()
  local n = cache.chars[k]
  if not n then
    n = node:stats().chars
    cache.chars[k] = n
  end
  return n
end

-- The headlines and their ancestors by key (a node nested deeper than
-- M.max_ancestors is left out).
local function headline_index(headlines)
  local index = {}
  for _, h in ipairs(headlines or {}) do
    local keys = h:ancestor_keys()
    local nodes = #keys <= M.max_ancestors and h:xpath("ancestor::*") or {}  -- root first
    if #nodes == #keys and #keys > 0 then
      index[h:key()] = h
      for i, k in ipairs(keys) do index[k] = index[k] or nodes[#nodes - i + 1] end
    end
  end
  return index
end

-- The elements a filter says never hold the date (ctx.date_ignore
-- selectors; one that does not parse picks nothing): nil when none, else
-- { keys = set of their keys, texts = their texts, white space squashed }.
-- What is read from the text, not the tree, is checked against the texts.
function M.ignored(doc, selectors)
  local out
  for _, sel in ipairs(selectors or {}) do
    local ok, nodes = pcall(doc.select, doc, sel)
    for _, n in ipairs(ok and nodes or {}) do
      out = out or { keys = {}, texts = {} }
      out.keys[n:key()] = true
      out.texts[#out.texts + 1] = text.squash(n:text()) or ""
    end
  end
  return out
end

-- A table shared by the calls for one page: headlines is a list of the
-- elements printing the headline (maybe empty), ignore (from
-- M.ignored(...).keys) may be nil. On pages nested deeper than M.max_ancestors
-- no printed date or byline is read (each node method walks to the root
-- there, so reading them would be quadratic); the structured metadata is.
function M.page_cache(doc, headlines, ignore, idx)
  idx = idx or page_index.new(doc)
  return { ignore = ignore, chars = {}, headline = headline_index(headlines),
    skip = page_index.depth(idx) > M.max_ancestors, index = idx }
end

-- Walks up from node: is it inside other stories' furniture (an ancestor
-- below its block with the headline says so)? And that block: its size
-- and key.
-- The walk goes by keys (node's key, then its ancestor_keys): candidates
-- share ancestors, so most answers are in the cache, and a node handle is
-- made (by parent()) only to read a node not seen yet.
local function place(node, key, keys, cache)
  local index, why, strength = cache.headline or {}, nil, nil
  local p, at = node, 0  -- p: the node at depth `at` above node, made lazily
  for i = 0, math.min(M.max_depth - 1, #keys) do
    local k = i == 0 and key or keys[i]
    if index[k] then return why, strength, chars(index[k], cache), k end
    local known = cache.elsewhere and cache.elsewhere[k]
    local w, st
    if known ~= nil then
      if known then w, st = known[1], known[2] end
    else
      while at < i do p, at = p:parent(), at + 1 end
      w, st = elsewhere(p, k, cache)
    end
    if w and strength ~= "strong" then why, strength = w, st end
  end
  return why, strength, nil, nil
end

local function is_ignored(key, keys, ignore)
  if not ignore then return false end
  if ignore[key] then return true end
  for _, k in ipairs(keys) do if ignore[k] then return true end end
  return false
end

-- Does the node hold at most `limit` elements? A bounded count
-- (lede.core.elements_at_most), so that nested containers cost little (a
-- subtree's full stats would be walked once per candidate: quadratic on
-- deeply nested pages).
local small_subtree = core.elements_at_most

-- The node's text when it is short; `lines` keeps the breaks between its
-- blocks ("Ben Silverman" / "Games Editor").
local function short_text(node, max, cache, lines)
  if not small_subtree(node, M.max_elements) or chars(node, cache) > max then return nil end
  return (lines and text.squash_lines or text.squash)(node:text())
end

-- The nodes a rule of tables.date_rules / byline_rules picks, in page
-- order, at most M.max_examined.
local function select_rule(doc, rule, cache)
  local idx, nodes = cache.index
  if rule.css then nodes = page_index.select(idx, rule.css)
  elseif rule.words then nodes = page_index.class_words(idx, rule)
  elseif rule.itemprop then nodes = page_index.with_tokens(idx, "itemprop", rule.itemprop, { within = rule.within })
  elseif rule.rel then nodes = page_index.with_tokens(idx, "rel", rule.rel)
  elseif rule.testid then nodes = page_index.testid_contains(idx, rule.testid)
  elseif rule.links then nodes = page_index.links(idx, rule.links)
  else nodes = doc:xpath(rule.xpath) end
  if #nodes > M.max_examined then nodes = table.move(nodes, 1, M.max_examined, 1, {}) end
  return nodes
end

-- Visits what the rules pick; value_of(node, rule) gives the candidate's
-- text (nil: skip) and its extra fields.
local function collect(doc, rules, cache, value_of)
  local list, seen = {}, {}
  if cache.skip then return list end
  for tier, rule in ipairs(rules) do
    for _, node in ipairs(select_rule(doc, rule, cache)) do
      if #list >= M.max_candidates then return list end
      local key = node:key()
      local value, extra
      if not seen[key] then value, extra = value_of(node, rule) end
      seen[key] = true
      local keys = value and node:ancestor_keys()
      if keys and not is_ignored(key, keys, cache.ignore) then
        local why, strength, near, near_key = place(node, key, keys, cache)
        -- right beside the headline, a "nav" or "widget" wrapper is the article's header
        if not why or (strength == "weak" and near and near <= M.near_chars) then
          local c = { value = value, node = node, tier = tier, keys = keys, key = key, near = near,
            near_key = near_key, order = #list + 1 }
          for k, v in pairs(extra) do c[k] = v end
          list[#list + 1] = c
        end
      end
    end
  end
  return list
end

local MODIFIED = tables.modified_words

local function says_modified(s)
  s = text.lower(s or "")
  for _, w in ipairs(MODIFIED) do
    if s:find(w, 1, true) then return true end
  end
  return false
end

-- says_modified of a class or itemprop, once per value and page: date
-- elements of a page share a few classes.
local function hint_says_modified(hint, cache)
  cache.modified = cache.modified or {}
  local r = cache.modified[hint]
  if r == nil then
    r = says_modified(hint) or hint:lower():find("modif") ~= nil
    cache.modified[hint] = r
  end
  return r
end

local function describe(node)
  local tag, cls = node:tag(), node:attr("class") or node:attr("itemprop") or ""
  cls = cls:match("%S+")
  return cls and (tag .. "." .. cls) or tag
end

-- The value a date element offers: an attribute, else its short text.
local function date_value(node, attr, cache)
  if attr then return node:attr(attr) end
  return node:attr("datetime") or node:attr("content") or (node:tag() == "abbr" and node:attr("title"))
    or short_text(node, tables.date_text_max, cache)
end

-- Records the page's date candidates (cache: M.page_cache()).
function M.dates(doc, cache)
  return collect(doc, tables.date_rules, cache, function(node, rule)
    local value = date_value(node, rule.attr, cache)
    if not (value and value:find("%d")) then return nil end
    local hint = node:attr("itemprop") or node:attr("class") or ""
    return value, { source = "html:" .. describe(node), modified = hint_says_modified(hint, cache) }
  end)
end

-- Bylines often carry the date ("By Jane Doe, January 10, 2019"): they
-- join the date candidates, after the date elements.
function M.add_bylines_to_dates(list, bylines)
  local seen, tier = {}, #tables.date_rules + 1
  for _, c in ipairs(list) do seen[c.key] = true end
  for _, b in ipairs(bylines) do
    if not seen[b.key] and b.value:find("%d") and #list < M.max_candidates then
      list[#list + 1] = { value = b.value, node = b.node, tier = tier, keys = b.keys, key = b.key,
        near = b.near, near_key = b.near_key, order = #list + 1, source = b.source, modified = false }
    end
  end
end

local PHOTO_TAGS = set_of(tables.photo_credit_tags)
local PHOTO_WORDS = set_of(tables.photo_credit_words)

-- Is the node inside a figure, its caption or a photo credit? An author
-- there ("Europa Press" under a picture) took the photo, not the article.
local function in_photo(node, cache)
  cache.photo = cache.photo or {}
  local p, path = node, {}
  for _ = 1, M.max_depth do
    if not p then break end
    local k = p:key()
    local r = cache.photo[k]
    if r ~= nil then
      for _, pk in ipairs(path) do cache.photo[pk] = r end
      return r
    end
    path[#path + 1] = k
    if PHOTO_TAGS[p:tag()] then r = true
    else
      local v = ((p:attr("class") or "") .. " " .. (p:attr("itemprop") or "")):lower()
      for _, w in ipairs(text.runs(v, "[%w%-_]+")) do if PHOTO_WORDS[w] then r = true; break end end
    end
    if r then
      for _, pk in ipairs(path) do cache.photo[pk] = true end
      return true
    end
    p = p:parent()
  end
  for _, pk in ipairs(path) do cache.photo[pk] = false end
  return false
end

-- Records the page's byline candidates.
function M.bylines(doc, cache)
  return collect(doc, tables.byline_rules, cache, function(node)
    if in_photo(node, cache) then return nil end
    local value = node:attr("content") or short_text(node, tables.byline_text_max, cache, true)
    if not (value and value:find("[%a\128-\255]")) then return nil end
    return value, { source = "html:" .. describe(node), url = node:attr("href") }
  end)
end

-- ---- after the body is chosen ------------------------------------------------------

local function key_set(keys, extra)
  local s = {}
  for _, k in ipairs(keys) do s[k] = true end
  if extra then s[extra] = true end
  return s
end

-- The page-wide containers: a "shared block" this big is no region.
local PAGE_WIDE = set_of { "html", "body" }

-- The smallest block holding the body and a headline, when it is not
-- much bigger than the body (else the headline sits in a page-wide header);
-- the body's parent when the headline is inside the body.
local function shared_block(body, body_chars, headlines)
  local limit = body_chars * M.region_slack + M.region_extra
  local best, best_chars
  for _, h in ipairs(headlines or {}) do
    local hset, p = key_set(h.keys, h.key), body
    for _ = 1, M.max_depth do
      if not p or hset[p:key()] then break end
      p = p:parent()
    end
    -- the headline inside the body: the body's compact parent holds its
    -- header too (a byline printed just before the body)
    if p and p == body and p:parent() then p = p:parent() end
    local n = p and not PAGE_WIDE[p:tag()] and p:stats().chars
    if n and n <= limit and (not best or n < best_chars) then best, best_chars = p:key(), n end
  end
  return best
end

-- A predicate: is c in the small block around the headline (the article's
-- header) that does not also hold the body (then it is the page)?
-- body_chars: the body's characters, when the caller has them.
function M.near(body, body_chars)
  local up = body and key_set(body:ancestor_keys(), body:key()) or {}
  body_chars = body_chars or (body and body:stats().chars)
  local limit = math.max(M.near_chars, body and body_chars * M.near_share or 0)
  return function(c)
    return c.near ~= nil and c.near <= limit and not up[c.near_key]
  end
end

-- A predicate: does candidate c lie in the article region: the body, the
-- headline's block, or the compact block holding both?
-- body_chars: the body's characters, when the caller has them.
function M.region(body, headlines, body_chars)
  body_chars = body_chars or (body and body:stats().chars)  -- one walk of the body for both tests
  local near = M.near(body, body_chars)
  if not body then return near end
  local body_key = body:key()
  local shared = shared_block(body, body_chars, headlines)
  return function(c)
    if c.key == body_key or key_set(c.keys)[body_key] then return true end
    if near(c) then return true end
    return shared ~= nil and key_set(c.keys)[shared] == true
  end
end

-- Sorts candidates by tier then page order; returns the list.
function M.by_rank(list)
  table.sort(list, function(a, b)
    if a.tier ~= b.tier then return a.tier < b.tier end
    return a.order < b.order
  end)
  return list
end

-- Candidates in the region, by tier then page order.
function M.inside(list, in_region)
  local out = {}
  for _, c in ipairs(list or {}) do
    if in_region(c) then out[#out + 1] = c end
  end
  return M.by_rank(out)
end

M.says_modified = says_modified

return M
