-- Document methods written in Lua on top of lede.core: meta() and jsonld().
local core = require "lede.core"
local cjson = require "cjson.safe"

local Document = core.Document
local M = {}

local META_KEYS = { "property", "name", "itemprop", "http-equiv" }

-- name/property -> content, the first occurrence winning; keys lowercased.
function Document:meta()
  local out = {}
  for _, m in ipairs(self:select("meta[content]")) do
    local content = m:attr("content")
    for _, k in ipairs(META_KEYS) do
      local key = m:attr(k)
      if key and key ~= "" then
        key = key:lower()
        if out[key] == nil then out[key] = content end
      end
    end
  end
  return out
end

-- Strips what CMSs wrap around JSON-LD: HTML comments and CDATA markers.
local function unwrap_script(s)
  s = s:gsub("^%s*<!%-%-", ""):gsub("%-%->%s*$", "")
  s = s:gsub("^%s*//%s*<!%[CDATA%[", ""):gsub("//%s*%]%]>%s*$", "")
  return s
end

local function flatten(value, out)
  if type(value) ~= "table" then return end
  if value[1] ~= nil then
    for _, v in ipairs(value) do flatten(v, out) end
    return
  end
  local graph = value["@graph"]
  if type(graph) == "table" then
    flatten(graph, out)
    local rest = false
    for k in pairs(value) do
      if k ~= "@graph" and k ~= "@context" then rest = true end
    end
    if not rest then return end
  end
  out[#out + 1] = value
end

-- Decoded JSON-LD objects with @graph flattened, and a list of warnings for
-- blocks that are not valid JSON (skipped, never an error).
function Document:jsonld()
  local objects, warnings = {}, {}
  local scripts = self:xpath(
    "//script[translate(normalize-space(@type),'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')='application/ld+json']")
  for i, script in ipairs(scripts) do
    local raw = unwrap_script(script:inner_html())
    local value, err = cjson.decode(raw)
    if value == nil then
      warnings[#warnings + 1] = string.format("JSON-LD block %d skipped: %s", i, err or "invalid JSON")
    else
      flatten(value, objects)
    end
  end
  return objects, warnings
end

M.Document = Document
return M
