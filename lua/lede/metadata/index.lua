-- The page's elements that metadata asks about, all gathered in one C walk
-- of the page (lede.core.mindex): elements with itemprop, rel or
-- data-testid, the elements whose class or id words match a rule of
-- tables.date_rules/byline_rules, the links whose href matches one, the
-- elements of simple selectors ("time, abbr[title]") and the page's depth.
--
-- Why not one CSS selector per rule: libxml2 evaluates an XPath predicate on
-- every element of the page, and a walk per rule (or per kind, with the
-- matching in Lua) costs more than the whole rest of metadata.
local core = require "lede.core"
local tables = require "lede.metadata.tables"
local runs = require("lede.metadata.text").runs

local M = {}

M.max_examined = 1000  -- nodes a rule picks, at most (bounds pathological pages)

-- The rules one walk answers: every words and links rule of the tables.
local WORD_RULES, LINK_PARTS = {}, {}
for _, list in ipairs { tables.date_rules, tables.byline_rules } do
  for _, r in ipairs(list) do
    if r.words then WORD_RULES[#WORD_RULES + 1] = r end
    if r.links then LINK_PARTS[#LINK_PARTS + 1] = r.links end
  end
end

local function positions(list)
  local at = {}
  for k, v in ipairs(list) do at[v] = k end
  return at
end
local WORD_AT, LINK_AT = positions(WORD_RULES), positions(LINK_PARTS)

-- A selector of "tag" and "tag[attr]" parts joined by commas as
-- lede.core.mindex takes it ({ { tag =, attr = }, ... }), or nil.
local function simple_selector(css)
  local picks = {}
  for part in (css .. ","):gmatch("([^,]*),") do
    part = part:match("^%s*(.-)%s*$")
    local tag, attr = part:match("^([%l%d]+)%[([%l%d_-]+)%]$")
    tag = tag or part:match("^[%l%d]+$")
    if not tag then return nil end
    picks[#picks + 1] = { tag = tag, attr = attr }
  end
  return picks
end

-- The selectors the walk answers (css -> position in TAG_GROUPS): the css
-- rules of the tables and those other modules announce with M.gathers.
local TAG_GROUPS, TAG_AT = {}, {}

-- Announces a selector metadata asks on every page, so the walk answers it
-- (call at load time). Selectors other than "tag" and "tag[attr]" parts
-- are left to doc:select.
function M.gathers(css)
  local picks = not TAG_AT[css] and simple_selector(css)
  if picks then
    TAG_GROUPS[#TAG_GROUPS + 1] = picks
    TAG_AT[css] = #TAG_GROUPS
  end
end

for _, list in ipairs { tables.date_rules, tables.byline_rules } do
  for _, r in ipairs(list) do if r.css then M.gathers(r.css) end end
end

-- A new index of doc; everything in it is read on first use.
function M.new(doc)
  return { doc = doc }
end

-- The one walk, made on first use.
local function gathered(idx)
  if not idx.gathered then
    idx.gathered = core.mindex(idx.doc, { words = WORD_RULES, links = LINK_PARTS, tags = TAG_GROUPS,
      max = M.max_examined })
  end
  return idx.gathered
end

-- The elements matching css, in page order, as doc:select gives them (a
-- list to read, not to change).
function M.select(idx, css)
  local k = TAG_AT[css]
  if k then return gathered(idx).tags[k] end
  return idx.doc:select(css)
end

-- The depth of the page's deepest element (the root element is 1).
function M.depth(idx)
  return gathered(idx).depth
end

-- { node, itemprop, rel, testid } for every element with one of the
-- attributes, in page order.
local function attr_nodes(idx)
  return gathered(idx).attrs
end

-- Where each token of attribute `attr` occurs: token -> ascending positions
-- in attr_nodes, made once per page and attribute (lower: lowercased
-- tokens). Callers ask about a few tokens each, many times a page.
local function token_positions(idx, attr, lower)
  local name = lower and attr .. "\0lower" or attr
  idx.tokens = idx.tokens or {}
  local at = idx.tokens[name]
  if at then return at end
  at = {}
  for i, e in ipairs(attr_nodes(idx)) do
    local v = e[attr]
    if v then
      if lower then v = v:lower() end
      for _, tok in ipairs(runs(v, "%S+")) do
        local list = at[tok]
        if not list then at[tok] = { i }
        elseif list[#list] ~= i then list[#list + 1] = i end  -- itemprop="name name"
      end
    end
  end
  idx.tokens[name] = at
  return at
end

-- Positions in attr_nodes of the elements holding one of the tokens, in
-- page order.
local function positions_of(idx, attr, tokens, lower)
  local at, found, seen = token_positions(idx, attr, lower), {}, {}
  for _, t in ipairs(tokens) do
    for _, i in ipairs(at[lower and t:lower() or t] or {}) do
      if not seen[i] then seen[i] = true; found[#found + 1] = i end
    end
  end
  if #tokens > 1 then table.sort(found) end
  return found
end

-- Elements whose attribute `attr` ("itemprop", "rel") holds one of the
-- tokens, in page order; opts.lower compares case-insensitively,
-- opts.not_tag leaves that tag out, opts.within (tokens of the same
-- attribute) keeps only elements inside such an element.
function M.with_tokens(idx, attr, tokens, opts)
  opts = opts or {}
  local entries, out = attr_nodes(idx), {}
  for _, i in ipairs(positions_of(idx, attr, tokens, opts.lower)) do
    local n = entries[i].node
    if not opts.not_tag or n:tag() ~= opts.not_tag then out[#out + 1] = n end
  end
  if opts.within and #out > 0 then
    local outer_keys = {}
    for _, i in ipairs(positions_of(idx, attr, opts.within, false)) do
      outer_keys[entries[i].node:key()] = true
    end
    local kept = {}
    for _, n in ipairs(out) do
      for _, k in ipairs(next(outer_keys) and n:ancestor_keys() or {}) do
        if outer_keys[k] then kept[#kept + 1] = n; break end
      end
    end
    out = kept
  end
  return out
end

-- Elements whose data-testid contains `part`.
function M.testid_contains(idx, part)
  local out = {}
  for _, e in ipairs(attr_nodes(idx)) do
    if e.testid and e.testid:find(part, 1, true) then out[#out + 1] = e.node end
  end
  return out
end

-- ---- class and id words, links ------------------------------------------------------

-- Elements whose class or id contains one of the rule's words (lowercased
-- substring tests; `unless` words veto), at most M.max_examined, in page
-- order. A rule outside the tables costs a walk of its own.
function M.class_words(idx, rule)
  local k = WORD_AT[rule]
  if k then return gathered(idx).words[k] end
  return core.mindex(idx.doc, { words = { rule }, max = M.max_examined }).words[1]
end

-- Links whose href contains one of the parts, in page order, at most
-- M.max_examined.
function M.links(idx, parts)
  local k = LINK_AT[parts]
  if k then return gathered(idx).links[k] end
  return core.mindex(idx.doc, { links = { parts }, max = M.max_examined }).links[1]
end

return M
