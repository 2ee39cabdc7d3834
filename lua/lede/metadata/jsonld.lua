-- JSON-LD for lede.metadata: which object is the article, and its values
-- (references by @id resolved, HTML entities decoded).
local tables = require "lede.metadata.tables"
local text = require "lede.metadata.text"

local M = {}

local ARTICLE_RANK, PAGE_RANK = {}, {}
for i, t in ipairs(tables.article_types) do ARTICLE_RANK[t] = i end
for i, t in ipairs(tables.page_types) do PAGE_RANK[t] = i end

local function types_of(obj)
  local t = obj["@type"]
  if type(t) == "string" then return { t } end
  if type(t) == "table" then return t end
  return {}
end

-- The object's best type in `rank` (lower is better), and its rank.
local function best_type(obj, rank)
  local best, r = nil, math.huge
  for _, t in ipairs(types_of(obj)) do
    local tt = type(t) == "string" and t:gsub("^.*[/:]", "")
    if tt and rank[tt] and rank[tt] < r then best, r = tt, rank[tt] end
  end
  return best, r
end

function M.type_name(obj)
  local t = types_of(obj)[1]
  return type(t) == "string" and t:gsub("^.*[/:]", "") or "Thing"
end

function M.is_organisation(obj)
  for _, t in ipairs(types_of(obj)) do
    if type(t) == "string" and tables.organisation_types[t:gsub("^.*[/:]", "")] then return true end
  end
  return false
end

-- @id -> object, for references such as { "@id": "#/schema/person/1" }.
function M.index(objects)
  local ids = {}
  for _, o in ipairs(objects) do
    if type(o["@id"]) == "string" and ids[o["@id"]] == nil then ids[o["@id"]] = o end
  end
  return ids
end

-- A value with references followed once: a lone {"@id"} becomes its object.
function M.deref(value, ids)
  if type(value) == "table" and type(value["@id"]) == "string" and ids[value["@id"]] then
    local n = 0
    for _ in pairs(value) do n = n + 1 end
    if n == 1 then return ids[value["@id"]] end
  end
  return value
end

-- A list whatever the JSON held: nil -> {}, x -> {x}, array -> array.
function M.list(value)
  if value == nil then return {} end
  if type(value) == "table" and value[1] ~= nil then return value end
  return { value }
end

-- The first string among a value, an array, or an object's name/url/@value.
function M.string(value, field)
  if type(value) == "string" then return text.decode(value) end
  if type(value) == "number" then return tostring(math.tointeger(value) or value) end
  if type(value) ~= "table" then return nil end
  if value[1] ~= nil then return M.string(value[1], field) end
  return M.string(value[field or "name"] or value["@value"], field)
end

-- Chooses the article: article types first (by rank), and among them the
-- one whose headline `agrees(headline)`; else a page object with dates.
function M.choose(objects, agrees)
  local best, best_score
  for i, o in ipairs(objects) do
    local t, r = best_type(o, ARTICLE_RANK)
    if t then
      local headline = M.string(o.headline) or M.string(o.name)
      local score = (headline and agrees(headline) and 0 or 1000) + r * 10 + i / 1000
      if not best_score or score < best_score then best, best_score = o, score end
    end
  end
  if best then return best, M.type_name(best) end
  for _, o in ipairs(objects) do
    if best_type(o, PAGE_RANK) and (o.datePublished or o.author) then return o, M.type_name(o) end
  end
  return nil
end

-- The article's people: { name, url, organisation = bool } per author.
function M.authors(obj, ids)
  local out = {}
  for _, a in ipairs(M.list(obj.author or obj.creator)) do
    a = M.deref(a, ids)
    if type(a) == "string" then
      out[#out + 1] = { name = text.decode(a) }
    elseif type(a) == "table" then
      local name = M.string(a.name) or (M.string(a.givenName) and
        ((M.string(a.givenName) or "") .. " " .. (M.string(a.familyName) or "")))
      if name then
        out[#out + 1] = { name = name, url = M.string(a.url) or M.string(a.sameAs),
          organisation = M.is_organisation(a) }
      end
    end
  end
  return out
end

function M.publisher(obj, ids)
  local p = M.deref(M.list(obj.publisher)[1], ids)
  if type(p) == "table" then return M.string(p.name) end
  return M.string(p)
end

function M.image(obj, ids)
  local img = M.deref(M.list(obj.image or obj.thumbnailUrl)[1], ids)
  if type(img) == "table" then return M.string(img.url or img.contentUrl or img["@id"]) end
  return M.string(img)
end

-- Keywords: an array, or one comma-separated string.
function M.keywords(obj)
  local out = {}
  for _, k in ipairs(M.list(obj.keywords)) do
    local s = M.string(k)
    if s then
      for piece in s:gmatch("[^,;]+") do out[#out + 1] = piece end
    end
  end
  return out
end

return M
