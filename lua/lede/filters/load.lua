-- Loading a filter file: read it, run it in the sandbox, check its table and
-- turn it into a plain spec; messages point at the file and line.
local core = require "lede.core"
local sandbox = require "lede.filters.sandbox"

local plain = sandbox.plain

local M = {}

-- The metadata fields a filter can give a rule for.
M.FIELD_RULES = { "title", "author", "published", "modified", "description", "site", "section", "image" }
local IS_FIELD_RULE = {}
for _, k in ipairs(M.FIELD_RULES) do IS_FIELD_RULE[k] = true end

local KNOWN_KEYS = {
  name = true, hosts = true, paths = true, extends = true, body = true, remove = true,
  keep = true, transforms = true, date = true, wire = true, agencies = true, fields = true,
  before = true, after = true, tests = true,
}
for k in pairs(IS_FIELD_RULE) do KNOWN_KEYS[k] = true end
local WIRE = { keep = true, field = true, drop = true }

local function clip(s, n)
  n = n or 300
  if #s > n then return s:sub(1, n) .. "…" end
  return s
end
M.clip = clip

local function basename(p) return p:match("([^/]*)$") end

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s, rerr = f:read("a")
  f:close()
  if not s then return nil, rerr or "cannot read" end
  return s
end
M.read_file = read_file

-- The first line of the source that assigns `key` (for messages about a rule
-- given as data, which has no line of its own).
local function line_of(source, key)
  if not source or not key then return nil end
  local k = key:gsub("%p", "%%%0")
  local bare = "%f[%w_]" .. k .. "%f[^%w_]%s*=[^=]"
  local bracketed = "%[%s*[\"']" .. k .. "[\"']%s*%]%s*="
  local n = 0
  for line in (source .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    if (line .. " "):find(bare) or line:find(bracketed) then return n end
  end
  return nil
end

-- "file.lua:12: rule 'body': message", the location taken from the message
-- when it points into the filter file, else from the function or the source.
local function locate(entry, what, msg, fn, key)
  msg = type(msg) == "string" and msg or "(error object is a " .. type(msg) .. " value)"
  local where, line, rest = msg:match("^(.-):(%d+): (.*)$")
  if where and (where == entry.path or where:sub(-#entry.file - 1) == "/" .. entry.file
      or where:sub(-#entry.file) == entry.file) then
    msg, line = rest, tonumber(line)
  else
    line = nil
    if type(fn) == "function" then
      local info = debug.getinfo(fn, "S")
      if info and info.source == "@" .. entry.path and info.linedefined > 0 then line = info.linedefined end
    end
    -- a FiveFilters config (lede.ftr_site) gives the line of each rule
    line = line or (entry.lines and entry.lines[key]) or line_of(entry.source, key)
  end
  local loc = line and (entry.file .. ":" .. line) or entry.file
  if what then return string.format("%s: rule '%s': %s", loc, what, clip(msg)) end
  return string.format("%s: %s", loc, clip(msg))
end
M.locate = locate

local probe_doc

local function check_xpath(expr)
  probe_doc = probe_doc or core.parse("<html><body><p>x</p></body></html>")
  local ok, err = pcall(probe_doc.xpath, probe_doc, expr)
  if not ok then error("invalid XPath " .. string.format("%q", expr) .. ": " .. tostring(err), 0) end
end

local function check_css(sel)
  local ok, err = pcall(core.css_to_xpath, sel)
  if not ok then error(tostring(err), 0) end
end

-- A list of selectors (or one selector) -> a list of strings.
local function selector_list(v, what)
  if type(v) == "string" then v = { v } end
  if type(v) ~= "table" then error(what .. ": a selector or a list of selectors expected, got " .. type(v), 0) end
  local out = {}
  for i = 1, rawlen(v) do
    local s = rawget(v, i)
    if type(s) ~= "string" then error(what .. ": selector " .. i .. " is a " .. type(s), 0) end
    check_css(s)
    out[#out + 1] = s
  end
  return out
end

-- Rule forms: "css", { "css", attr = "a" }, { css = , attr = }, { xpath = , attr = },
-- function(doc, ctx), or a list of these tried in order.
local function norm_rule(v, what)
  local t = type(v)
  if t == "string" then check_css(v); return { css = v } end
  if t == "function" then return { fn = v } end
  if t ~= "table" then error("rule '" .. what .. "': a selector, a table or a function expected, got " .. t, 0) end
  local css, xpath, attr = rawget(v, "css"), rawget(v, "xpath"), rawget(v, "attr")
  if css ~= nil or xpath ~= nil or attr ~= nil then
    css = css or rawget(v, 1)
    if (css == nil) == (xpath == nil) then
      error("rule '" .. what .. "': give either css or xpath", 0)
    end
    if css ~= nil and type(css) ~= "string" then error("rule '" .. what .. "': css must be a string", 0) end
    if xpath ~= nil and type(xpath) ~= "string" then error("rule '" .. what .. "': xpath must be a string", 0) end
    if attr ~= nil and type(attr) ~= "string" then error("rule '" .. what .. "': attr must be a string", 0) end
    if css then check_css(css) else check_xpath(xpath) end
    return { css = css, xpath = xpath, attr = attr }
  end
  local list = {}
  for i = 1, rawlen(v) do list[#list + 1] = norm_rule(rawget(v, i), what) end
  if #list == 0 then error("rule '" .. what .. "': empty list", 0) end
  return { list = list }
end

local function string_list(v, what)
  if type(v) == "string" then v = { v } end
  if type(v) ~= "table" then error(what .. ": a list of strings expected", 0) end
  local out = {}
  for i = 1, rawlen(v) do
    local s = rawget(v, i)
    if type(s) ~= "string" then error(what .. ": item " .. i .. " is a " .. type(s), 0) end
    out[#out + 1] = s
  end
  return out
end

local function norm_transforms(v)
  if type(v) ~= "table" then error("transforms: a table expected", 0) end
  local out = {}
  local function add(sel, action)
    if type(sel) ~= "string" then error("transforms: selector keys must be strings", 0) end
    check_css(sel)
    if type(action) == "string" then
      if not action:match("^%a[%w-]*$") then error("transforms['" .. sel .. "']: invalid tag name '" .. action .. "'", 0) end
      out[#out + 1] = { selector = sel, tag = action }
    elseif type(action) == "function" then
      out[#out + 1] = { selector = sel, fn = action }
    else
      error("transforms['" .. sel .. "']: a function or a tag name expected, got " .. type(action), 0)
    end
  end
  for i = 1, rawlen(v) do  -- ordered form: { { "sel", action }, ... }
    local item = rawget(v, i)
    if type(item) ~= "table" then error("transforms: item " .. i .. " must be { selector, action }", 0) end
    add(rawget(item, 1), rawget(item, 2))
  end
  local keys = {}
  for k in next, v do if type(k) == "string" then keys[#keys + 1] = k end end
  table.sort(keys)
  for _, k in ipairs(keys) do add(k, rawget(v, k)) end
  return out
end

local function norm_agencies(v)
  if type(v) ~= "table" then error("agencies: a list expected", 0) end
  local out = {}
  for i = 1, rawlen(v) do
    local a = rawget(v, i)
    if type(a) ~= "table" or type(rawget(a, "name")) ~= "string" then
      error("agencies: item " .. i .. " needs a name", 0)
    end
    local e = { name = rawget(a, "name") }
    for _, k in ipairs { "forms", "short", "case_sensitive" } do
      if rawget(a, k) ~= nil then e[k] = string_list(rawget(a, k), "agencies[" .. i .. "]." .. k) end
    end
    e.forms = e.forms or {}
    e.short = e.short or {}
    if rawget(a, "country") ~= nil then e.country = tostring(rawget(a, "country")) end
    if rawget(a, "relay") ~= nil then e.relay = rawget(a, "relay") == true end
    out[#out + 1] = e
  end
  return out
end

-- The filter's table -> a checked, plain spec. Runs inside the budget.
local function normalize(raw)
  if type(raw) ~= "table" then error("the file must return a table, not " .. type(raw), 0) end
  local spec = { rules = {}, rule_keys = {} }
  for k in next, raw do
    if type(k) ~= "string" or not KNOWN_KEYS[k] then
      error("unknown key " .. (type(k) == "string" and ("'" .. k .. "'") or tostring(k)), 0)
    end
  end
  local function get(k) return rawget(raw, k) end
  if get("name") ~= nil then
    if type(get("name")) ~= "string" then error("name must be a string", 0) end
    spec.name = get("name")
  end
  if get("hosts") ~= nil then
    spec.hosts = string_list(get("hosts"), "hosts")
    for i, h in ipairs(spec.hosts) do spec.hosts[i] = h:lower():gsub("^%*%.", "") end
  end
  if get("paths") ~= nil then
    spec.paths = string_list(get("paths"), "paths")
    for _, p in ipairs(spec.paths) do
      local ok, err = pcall(string.find, "/", p)
      if not ok then error("paths: bad pattern '" .. p .. "': " .. tostring(err), 0) end
    end
  end
  if get("extends") ~= nil then
    if type(get("extends")) ~= "string" then error("extends must be a string", 0) end
    spec.extends = get("extends")
  end
  for _, k in ipairs(M.FIELD_RULES) do
    if get(k) ~= nil then spec.rules[k] = norm_rule(get(k), k) end
  end
  if get("body") ~= nil then spec.rules.body = norm_rule(get("body"), "body") end
  spec.remove = get("remove") ~= nil and selector_list(get("remove"), "remove") or {}
  spec.keep = get("keep") ~= nil and selector_list(get("keep"), "keep") or {}
  spec.transforms = get("transforms") ~= nil and norm_transforms(get("transforms")) or {}
  spec.date_ignore = {}
  if get("date") ~= nil then
    local d = get("date")
    if type(d) ~= "table" then error("date must be a table { ignore = selectors }", 0) end
    for k in next, d do
      if k ~= "ignore" then error("date: unknown key '" .. tostring(k) .. "'", 0) end
    end
    if rawget(d, "ignore") ~= nil then spec.date_ignore = selector_list(rawget(d, "ignore"), "date.ignore") end
  end
  if get("wire") ~= nil then
    if not WIRE[get("wire")] then error("wire must be \"keep\", \"field\" or \"drop\"", 0) end
    spec.wire = get("wire")
  end
  spec.agencies = get("agencies") ~= nil and norm_agencies(get("agencies")) or {}
  spec.fields = {}
  if get("fields") ~= nil then
    local f = get("fields")
    if type(f) ~= "table" then error("fields must be a table name = rule", 0) end
    for k, v in next, f do
      if type(k) ~= "string" then error("fields: names must be strings", 0) end
      spec.fields[k] = norm_rule(v, "fields." .. k)
    end
  end
  for _, k in ipairs { "before", "after" } do
    if get(k) ~= nil and type(get(k)) ~= "function" then error(k .. " must be a function", 0) end
    spec[k] = get(k)
  end
  if get("tests") ~= nil then
    if type(get("tests")) ~= "table" then error("tests must be a list", 0) end
    spec.tests = plain(get("tests"), 0, {})
  end
  return spec
end

local function host_of_file(id)
  if id:find(".", 1, true) and id:match("^[%w.-]+$") then return id:lower() end
  return nil
end

local file_cache = {}

-- Loads one filter file (cached per process): an entry { path, file, id,
-- source, spec } or { path, file, id, error }.
function M.load_file(path)
  if file_cache[path] then return file_cache[path] end
  local file = basename(path)
  local entry = { path = path, file = file, id = file:gsub("%.lua$", "") }
  file_cache[path] = entry
  local source, err = read_file(path)
  if not source then entry.error = tostring(err); return entry end
  entry.source = source
  local chunk, lerr = load(source, "@" .. path, "t", sandbox.environment())
  if not chunk then entry.error = locate(entry, nil, lerr); return entry end
  local ok, r = sandbox.bounded(function() return normalize(chunk()) end)
  if not ok then
    local key = r:match("^rule '([^']+)'") or r:match("^unknown key '([^']+)'") or r:match("^(%w+)")
    entry.error = locate(entry, nil, r, nil, key)
    return entry
  end
  entry.spec = r[1]
  entry.spec.hosts = entry.spec.hosts or { host_of_file(entry.id) }
  return entry
end

M.host_of_file = host_of_file

-- Forgets the files loaded (lede filters test, tests).
function M.reset()
  file_cache = {}
end

return M
