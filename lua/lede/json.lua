-- JSON output with a stable key order and real empty arrays.
--
-- lua-cjson cannot tell an empty array from an empty object; lede's arrays
-- (warnings, authors, wire, ...) must print as [] so consumers can rely on
-- the type. Scalars are escaped by cjson.
local cjson = require "cjson"

local M = {}

-- Keys printed first, in this order; the rest follow sorted.
M.order = {
  "source", "error", "url", "host", "filter", "title", "description", "authors",
  "published", "modified", "site", "section", "tags", "language", "image",
  "canonical_url", "dateline", "wire", "syndicated", "text", "markdown", "html",
  "captions", "fields", "sources", "warnings",
}
local RANK = {}
for i, k in ipairs(M.order) do RANK[k] = i end

-- Keys whose value is always an array, even when empty.
M.arrays = { authors = true, tags = true, wire = true, warnings = true, captions = true,
  places = true }

local encode_value

local function is_array(t, key)
  if M.arrays[key] then return true end
  if next(t) == nil then return false end
  local n = #t
  if n == 0 then return false end
  for k in pairs(t) do
    if math.type(k) ~= "integer" or k < 1 or k > n then return false end
  end
  return true
end

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do
    if type(k) == "string" then keys[#keys + 1] = k end
  end
  table.sort(keys, function(a, b)
    local ra, rb = RANK[a] or math.huge, RANK[b] or math.huge
    if ra ~= rb then return ra < rb end
    return a < b
  end)
  return keys
end

-- lua-cjson 2.1 escapes every '/', which is legal but noisy in URLs; each
-- "\/" it writes is that escape, so undoing it is safe. Done per string,
-- and only when one is there: a pass over a whole record of a 20 MB page
-- cost a fifth of a second.
local function encode_string(s)
  local e = cjson.encode(s)
  if e:find("\\/", 1, true) then e = e:gsub("\\/", "/") end
  return e
end

local function encode_table(t, key, out)
  if is_array(t, key) then
    out[#out + 1] = "["
    for i = 1, #t do
      if i > 1 then out[#out + 1] = "," end
      encode_value(t[i], nil, out)
    end
    out[#out + 1] = "]"
    return
  end
  out[#out + 1] = "{"
  for i, k in ipairs(sorted_keys(t)) do
    if i > 1 then out[#out + 1] = "," end
    out[#out + 1] = encode_string(k)
    out[#out + 1] = ":"
    encode_value(t[k], k, out)
  end
  out[#out + 1] = "}"
end

function encode_value(v, key, out)
  local tv = type(v)
  if tv == "table" then
    encode_table(v, key, out)
  elseif tv == "string" then
    out[#out + 1] = encode_string(v)
  elseif tv == "number" or tv == "boolean" then
    out[#out + 1] = cjson.encode(v)
  elseif v == nil or v == cjson.null then
    out[#out + 1] = "null"
  else
    out[#out + 1] = encode_string(tostring(v))
  end
end

-- The JSON text of v in pieces, in order: to write a large record without
-- joining it into one more copy of its text first.
function M.encode_parts(v)
  local out = {}
  encode_value(v, nil, out)
  return out
end

function M.encode(v)
  return table.concat(M.encode_parts(v))
end

-- Writes v's JSON text and a newline to file (anything with :write).
function M.write_line(file, v)
  for _, part in ipairs(M.encode_parts(v)) do file:write(part) end
  file:write("\n")
end

local HTML_ESCAPES = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }
function M.html_escape(s) return (s:gsub('[&<>"]', HTML_ESCAPES)) end

M.decode = cjson.decode
M.null = cjson.null

return M
