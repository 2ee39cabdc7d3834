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
  s = s:gsub("^%s*/?/?%s*<!%[CDATA%[", ""):gsub("/?/?%s*%]%]>%s*$", "")  -- "//<![CDATA[" or bare
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

-- Is the script's type JSON-LD (any case, blanks around)?
local function is_jsonld(script)
  local ty = script:attr("type")
  return ty ~= nil and ty:match("^%s*(.-)%s*$"):lower() == "application/ld+json"
end

-- The page's JSON-LD scripts in page order. candidates: the page's
-- <script type> elements when the caller already holds them (a walk of
-- its own answers that cheaper than an XPath with translate() per script).
local function jsonld_scripts(doc, candidates)
  local out = {}
  for _, s in ipairs(candidates or doc:select("script[type]")) do
    if is_jsonld(s) then out[#out + 1] = s end
  end
  return out
end

M.max_jsonld_values = 8  -- JSON values read from one block

-- The JSON values of a block: one, as a rule; but CMSs leave a stray closer
-- after the object ("{…}}") or put two objects in one block ("{…}{…}"),
-- which browsers' and search engines' readers accept. The value before the
-- first token after its end is kept, and the rest read again. Returns the
-- values, then the error of the part that could not be read (nil if none).
local function decode_values(raw)
  local values, base = {}, 0  -- base: bytes of the block read before raw
  for _ = 1, M.max_jsonld_values do
    local value, err = cjson.decode(raw)
    if value ~= nil then
      values[#values + 1] = value
      return values, nil
    end
    local at = err and tonumber(err:match("^Expected the end but found .- at character (%d+)$"))
    local first = at and cjson.decode(raw:sub(1, at - 1))
    if first == nil then
      err = err or "invalid JSON"
      return values, base > 0 and string.format("%s, counting from character %d", err, base + 1) or err
    end
    values[#values + 1] = first
    local rest = raw:sub(at):gsub("^[%s%]}),;]+", "")  -- the stray closers between values
    base = base + #raw - #rest
    raw = rest
    if raw == "" then return values, nil end
  end
  return values, "more than " .. M.max_jsonld_values .. " values"
end

-- Decoded JSON-LD objects with @graph flattened, and a list of warnings for
-- blocks that are not valid JSON (skipped, never an error) or only partly.
-- scripts: optional, every <script type> of the page in page order.
function Document:jsonld(scripts)
  local objects, warnings = {}, {}
  for i, script in ipairs(jsonld_scripts(self, scripts)) do
    local values, err = decode_values(unwrap_script(script:inner_html()))
    if err then
      warnings[#warnings + 1] = #values == 0 and string.format("JSON-LD block %d skipped: %s", i, err)
        or string.format("JSON-LD block %d read in part (values kept: %d): %s", i, #values, err)
    elseif #values > 1 then
      warnings[#warnings + 1] = string.format("JSON-LD block %d holds %d values", i, #values)
    end
    for _, v in ipairs(values) do flatten(v, objects) end
  end
  return objects, warnings
end

M.Document = Document
return M
