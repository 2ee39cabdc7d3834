-- The page's elements that metadata asks about, each kind gathered in one
-- pass and matched in Lua: elements with itemprop, rel or data-testid, the
-- links, and the class and id words of tables.date_rules/byline_rules.
--
-- Why not one CSS selector per rule: libxml2 evaluates an XPath predicate on
-- every element of the page, and a page walk with predicates costs more than
-- filtering the few elements that carry the attribute at all. Selecting the
-- attribute nodes ("//@itemprop/..") is the cheapest walk libxml2 offers.
local M = {}

M.max_examined = 1000  -- nodes a rule picks, at most (bounds pathological pages)

local function set_of(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

-- A new index of doc; everything in it is read on first use.
function M.new(doc)
  return { doc = doc }
end

-- { node, itemprop, rel, testid } for every element with one of the
-- attributes, in page order.
local function attr_nodes(idx)
  if not idx.attr_nodes then
    local list = {}
    for _, n in ipairs(idx.doc:xpath("//@itemprop/.. | //@rel/.. | //@data-testid/..")) do
      list[#list + 1] = { node = n, itemprop = n:attr("itemprop"), rel = n:attr("rel"),
        testid = n:attr("data-testid") }
    end
    idx.attr_nodes = list
  end
  return idx.attr_nodes
end

-- Does the space-separated value hold one of the tokens (a set)? lower:
-- compare lowercased (the tokens then are lowercase).
local function has_token(value, tokens, lower)
  if not value then return false end
  if lower then value = value:lower() end
  for tok in value:gmatch("%S+") do
    if tokens[tok] then return true end
  end
  return false
end

-- Elements whose attribute `attr` ("itemprop", "rel") holds one of the
-- tokens, in page order; opts.lower compares case-insensitively,
-- opts.not_tag leaves that tag out, opts.within (tokens of the same
-- attribute) keeps only elements inside such an element.
function M.with_tokens(idx, attr, tokens, opts)
  opts = opts or {}
  local want = set_of(tokens)
  if opts.lower then
    want = {}
    for _, t in ipairs(tokens) do want[t:lower()] = true end
  end
  local outer = opts.within and set_of(opts.within)
  local outer_keys = outer and {}
  local out = {}
  for _, e in ipairs(attr_nodes(idx)) do
    if outer and has_token(e[attr], outer) then outer_keys[e.node:key()] = true end
    if has_token(e[attr], want, opts.lower) and (not opts.not_tag or e.node:tag() ~= opts.not_tag) then
      out[#out + 1] = e.node
    end
  end
  if outer then
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

-- The value (an index into `starts`) that holds byte `pos` of the joined
-- values: the last start at or before pos.
local function value_at(starts, pos)
  local lo, hi = 1, #starts
  while lo < hi do
    local mid = (lo + hi + 1) // 2
    if starts[mid] <= pos then lo = mid else hi = mid - 1 end
  end
  return lo
end

-- Marks in `marks` (value index -> true) the values containing `word`.
local function mark_word(joined, starts, word, marks)
  local init = 1
  while true do
    local a = joined:find(word, init, true)
    if not a then return end
    marks[value_at(starts, a)] = true
    init = a + 1
  end
end

-- Values joined for searching: { joined, starts } (starts[k]: where value
-- k begins). One search per word over all of them finds the few values
-- that contain it; testing each value against each word costs far more.
local function haystack(values, lower)
  local starts, at = {}, 1
  for k, v in ipairs(values) do
    starts[k] = at
    at = at + #v + 1
  end
  local joined = table.concat(values, "\n")
  return { joined = lower and joined:lower() or joined, starts = starts }
end

-- The indexes of the values that contain one of the words, minus those
-- containing one of `unless`.
local function containing(hay, words, unless)
  local hits, vetoes = {}, {}
  for _, w in ipairs(words) do mark_word(hay.joined, hay.starts, w, hits) end
  for _, w in ipairs(unless or {}) do mark_word(hay.joined, hay.starts, w, vetoes) end
  for k in pairs(vetoes) do hits[k] = nil end
  return hits
end

-- Elements whose class or id contains one of the rule's words (lowercased
-- substring tests; `unless` words veto), at most M.max_examined, in page
-- order. `all` lists every word rule the page will ask about: one pass
-- over the page serves them all.
function M.class_words(idx, rule, all)
  if not idx.by_rule then
    local nodes, values = idx.doc:xpath("//@class/.. | //@id/.."), {}
    for k, n in ipairs(nodes) do  -- node k: values 2k-1 (class) and 2k (id)
      values[2 * k - 1], values[2 * k] = n:attr("class") or "", n:attr("id") or ""
    end
    local hay = haystack(values, true)
    idx.by_rule = {}
    for _, r in ipairs(all) do
      local hits, list = containing(hay, r.words, r.unless), {}
      local ks = {}
      for v in pairs(hits) do ks[#ks + 1] = (v + 1) // 2 end
      table.sort(ks)
      local last
      for _, k in ipairs(ks) do
        if #list >= M.max_examined then break end
        if k ~= last then list[#list + 1], last = nodes[k], k end
      end
      idx.by_rule[r] = list
    end
  end
  return idx.by_rule[rule] or {}
end

-- Links whose href contains one of the parts, in page order.
function M.links(idx, parts)
  local links, hrefs = idx.doc:xpath("//a[@href]"), {}
  for k, a in ipairs(links) do hrefs[k] = a:attr("href") end
  local hits, out = containing(haystack(hrefs), parts), {}
  for k, a in ipairs(links) do
    if hits[k] then out[#out + 1] = a end
    if #out >= M.max_examined then break end
  end
  return out
end

return M
