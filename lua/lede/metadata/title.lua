-- The headline, chosen by agreement between sources: JSON-LD headline,
-- og:title and the other <meta> titles, <h1>, <title> without the site's
-- name. The text that most independent sources agree with wins; ties go to
-- the more trusted source (the order of the candidates).
local tables = require "lede.metadata.tables"
local text = require "lede.metadata.text"

local M = {}

M.max_separators = 8
-- Bytes a title source may have to be read at all: longer, it is no headline
-- (a page's text pasted into <title>), and splitting it at every separator
-- would copy it dozens of times (a 1 MB <title> took 2.7 s).
M.max_bytes = 2000
M.site_words = 4  -- a site's name read from the host ("La Presse de Tunisie") is this short


local function ends_with(s, suffix) return suffix ~= "" and s:sub(-#suffix) == suffix end

-- Every split of s at one separator: { {left, sep, right}, ... }.
local function splits(s, seps)
  local out = {}
  for _, sep in ipairs(seps) do
    local init = 1
    while #out < 4 * M.max_separators do
      local a, b = s:find(sep, init, true)
      if not a then break end
      local left, right = text.squash(s:sub(1, a - 1)), text.squash(s:sub(b + 1))
      if left and right then out[#out + 1] = { left, sep, right } end
      init = b + 1
    end
  end
  return out
end

-- Does `part` name the site? Its key equals a known name, or without spaces
-- it starts with the host's stem ("The Japan Times" for japantimes.co.jp).
local function names_site(part, sites, stem)
  local key = text.key(part)
  if key == "" then return false end
  if sites[key] then return true end
  if not stem or #stem < 3 then return false end
  local squeezed = key:gsub("^the ", ""):gsub("[%s%.]", "")
  if squeezed == stem or "the" .. squeezed == stem then return true end
  local _, words = key:gsub("%S+", "")
  return words <= M.site_words and squeezed:find(stem, 1, true) == 1
end

local SITE_SEPS = {}
for _, s in ipairs(tables.title_separators) do SITE_SEPS[#SITE_SEPS + 1] = s end
for _, s in ipairs(tables.site_separators) do SITE_SEPS[#SITE_SEPS + 1] = s end

-- Removes a leading or trailing part that names the site, repeatedly
-- ("Story - Section | Site" keeps "Story - Section").
function M.strip_site(s, sites, stem)
  local changed = true
  while s and changed do
    changed = false
    for _, sp in ipairs(splits(s, SITE_SEPS)) do
      if names_site(sp[3], sites, stem) and ends_with(s, sp[3]) then s, changed = sp[1], true; break end
      if names_site(sp[1], sites, stem) and s:sub(1, #sp[1]) == sp[1] then s, changed = sp[3], true; break end
    end
  end
  return s
end

local function word_count(s)
  local _, n = s:gsub("%S+", "")
  if s:find("[\228-\233]") then n = math.max(n, (utf8.len(s) or #s) // 3) end
  return n
end

-- Separators after which a <title> usually names the site.
local TRAILING = { " | ", " - ", " – ", " — ", " :: ", " · ", " » ", "_", " │ ", "｜" }

-- "Headline - Section | Site" -> "Headline - Section", "Site": the last
-- part of a <title> when it is short and what stays is a headline (as
-- readability cuts it); nil when the title has no such part.
-- "武汉的声音：有英雄的城！-新华网": Chinese titles glue the site's
-- name with a bare dash; cut when a short run of CJK characters follows the
-- last dash and a CJK character or full-width mark precedes it.
local function cut_cjk_trailing(s)
  local left, right = s:match("^(.*[\227-\233\239][\128-\191][\128-\191])%-(.+)$")
  if not left or right:find("[^\228-\233\128-\191]") then return nil end
  local n, m = utf8.len(right), utf8.len(left)
  if not n or n < 2 or n > 8 or not m or m < 10 then return nil end
  return left, right
end

function M.cut_trailing(s)
  local cjk_left, cjk_right = cut_cjk_trailing(s)
  if cjk_left then return cjk_left, cjk_right end
  local best
  for _, sp in ipairs(splits(s, TRAILING)) do
    if not best or #sp[1] > #best[1] then best = sp end
  end
  if not best or not ends_with(s, best[3]) then return nil end
  if word_count(best[3]) > M.site_words or word_count(best[1]) < 3 then return nil end
  return best[1], best[3]
end

-- Byte spans of the separators in s, in order, not overlapping.
local function separator_spans(s)
  local spans = {}
  for _, sep in ipairs(tables.title_separators) do
    local init = 1
    while #spans < M.max_separators do
      local a, b = s:find(sep, init, true)
      if not a then break end
      spans[#spans + 1] = { a, b }
      init = b + 1
    end
  end
  table.sort(spans, function(x, y) return x[1] < y[1] end)
  local out, last = {}, 0
  for _, sp in ipairs(spans) do
    if sp[1] > last then out[#out + 1] = sp; last = sp[2] end
  end
  return out
end

-- Keys under which a text agrees with another: itself and every run of its
-- parts between separators ("Kicker: Headline | Site" agrees with "Headline").
local function forms(s)
  local f = { [text.key(s)] = true }
  local spans = separator_spans(s)
  local starts, ends = { 1 }, {}
  for _, sp in ipairs(spans) do
    ends[#ends + 1] = sp[1] - 1
    starts[#starts + 1] = sp[2] + 1
  end
  ends[#ends + 1] = #s
  for i = 1, #starts do
    for j = i, #ends do
      local k = text.key(s:sub(starts[i], ends[j]))
      if k ~= "" then f[k] = true end
    end
  end
  return f
end

-- How much agreement through a part counts ("Kicker: Headline" with
-- "Headline"), against equal texts.
M.part_weight = 0.5

-- What readers see counts more than what a CMS copies into <meta>.
M.group_weight = { h1 = 2.1 }

-- The weight of the sources agreeing with c, c's own included: each group
-- of sources (structured metadata, <h1>, <title>, microdata) counts once.
local function support(c, cands)
  local by_group = {}
  for _, o in ipairs(cands) do
    local w = (o == c or o.key == c.key) and 1 or (o.forms[c.key] and M.part_weight) or 0
    if w > (by_group[o.group] or 0) then by_group[o.group] = w end
  end
  local total = 0
  for g, w in pairs(by_group) do total = total + w * (M.group_weight[g] or 1) end
  return total
end

M.headline_words = 4

-- Four words or more; or, in scripts without spaces, ten of their
-- characters ("上報 Up Media", a logo, has two).
function M.headline_sized(s)
  local words = 0
  for _ in s:gmatch("%S+") do words = words + 1 end
  if words >= M.headline_words then return true end
  local _, cjk = s:gsub("[\227-\237\239][\128-\191][\128-\191]", "")  -- kana, ideographs, hangul, full-width
  return cjk >= 10
end

-- A <meta> value cut at an unescaped quote: another source goes on with
-- the quote ('... de' against '... de "incapacitado"').
local OPENING_QUOTES = { '"', "“", "„", "«" }

local function truncated(t, cands)
  for _, o in ipairs(cands) do
    local rest = o.text and #o.text > #t and o.text:sub(1, #t) == t and o.text:sub(#t + 1):gsub("^%s+", "")
    for _, q in ipairs(rest and OPENING_QUOTES or {}) do
      if rest:sub(1, #q) == q then return true end
    end
  end
  return false
end

local function prepare(cands, sites, stem)
  local out = {}
  -- the same text comes from several sources (og:title, twitter:title, the
  -- JSON-LD headline, the h1): each text is read once per kind
  local read = { [true] = {}, [false] = {} }
  for i, c in ipairs(cands) do
    local is_title = c.group == "title"
    local r
    if type(c.text) == "string" then
      if #c.text > M.max_bytes then r = false else r = read[is_title][c.text] end
    end
    if r == nil then
      r = false
      local t = text.squash(c.text)
      t = t and M.strip_site(t, sites, stem)
      if t and is_title then t = M.cut_trailing(t) or t end
      local key = t and text.key(t)
      if key and key ~= "" and not sites[key] and #t <= 400 and not truncated(c.text, cands) then
        r = { text = t, key = key, forms = forms(c.text) }
      end
      if type(c.text) == "string" then read[is_title][c.text] = r end
    end
    if r then
      out[#out + 1] = { text = r.text, source = c.source, group = c.group or "structured", key = r.key,
        forms = r.forms, rank = i }
    end
  end
  return out
end

-- cands: { {text, source, group?}, ... } in order of trust; group is
-- "structured" (default), "h1" (also a visible itemprop=headline) or "title". sites: set of
-- text.key()s of the site's names; stem: the host's stem.
-- Returns the title and its source.
function M.choose(cands, sites, stem)
  local list = prepare(cands, sites, stem)
  local best, best_score
  for _, c in ipairs(list) do
    local score = support(c, list)
    if not best or score > best_score then best, best_score = c, score end
  end
  if not best then return nil end
  for _, c in ipairs(list) do  -- the same words as printed: its case and quotes
    if c.group == "h1" and c.key == best.key then return c.text, c.source end
  end
  return best.text, best.source
end

-- What a <title> holds beside the headline: "Headline | Site" -> "Site".
function M.affix(full, headline)
  if not full or not headline then return nil end
  local hk = text.key(headline)
  for _, sp in ipairs(splits(full, tables.title_separators)) do
    if text.key(sp[1]) == hk then return sp[3] end
    if text.key(sp[3]) == hk then return sp[1] end
  end
  return nil
end

-- Does `s` agree with any of the texts (equal, or a run of its parts)?
function M.agrees(s, texts)
  if #s > M.max_bytes then return false end
  local k = text.key(s)
  for _, t in ipairs(texts) do
    if t and #t <= M.max_bytes and forms(t)[k] then return true end
  end
  return false
end

return M
