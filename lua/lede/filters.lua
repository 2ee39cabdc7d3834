-- Filters: per-publication rule files. This module finds them (search path),
-- loads them into a sandbox, matches them to a page by host and path, resolves
-- `extends`, applies their rules around the pipeline steps and runs their
-- self-tests. The format is described in README.md ("Writing a filter").
--
-- Filter code is untrusted: it runs in its own environment (no io, os, debug,
-- load, require), every call into it is bounded (M.limits), and whatever it
-- returns is copied with raw access before lede looks at it, so no metamethod
-- of a filter's table ever runs outside the budget. A filter that fails while
-- extracting a page raises a Failure (see M.failure_message); lede.extract
-- then extracts the page again with the default filter.
local core = require "lede.core"
local settings = require "lede.settings"
local pipeline = require "lede.pipeline"

local M = {}

-- Budgets for each call into filter code (loading the file, each rule
-- function, each transform, each hook): Lua VM instructions and net bytes
-- allocated. C work (selector matching, string patterns) is not counted in
-- instructions. A filter that exceeds either is abandoned for that page.
M.limits = { instructions = 50 * 1000 * 1000, memory = 64 * 1024 * 1024 }

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

---------------------------------------------------------------------------
-- Failures

local Failure = {}
Failure.__index = Failure
Failure.__tostring = function(f) return f.message end

local function fail(message) error(setmetatable({ message = message }, Failure), 0) end

-- The message of a filter failure raised while extracting, or nil.
function M.failure_message(err)
  if getmetatable(err) == Failure then return err.message end
  return nil
end

local function clip(s, n)
  n = n or 300
  if #s > n then return s:sub(1, n) .. "…" end
  return s
end

---------------------------------------------------------------------------
-- Paths

local function dirname(p) return p:match("^(.*)/[^/]*$") or "." end
local function basename(p) return p:match("([^/]*)$") end
local function is_dir(p) return core.filetype(p) == "directory" end

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end

-- The shipped filters: lede.config (set by the `lede` executable and
-- lede-lua), else filters/ next to the lua/ dir this module was loaded from,
-- else share/lede/filters of an installed tree.
local function find_installed_dir()
  local config = settings.config()
  if config and type(config.filter_dir) == "string" and config.filter_dir ~= "" then
    return config.filter_dir
  end
  local init = package.searchpath("lede", package.path)
  if init then
    local lua_dir = dirname(dirname(init))
    for _, cand in ipairs { lua_dir .. "/../filters", lua_dir .. "/../../lede/filters" } do
      if is_dir(cand) then return cand end
    end
  end
  return nil
end

-- Looked up once per search path: every extraction asks, and the lookup
-- opens and tests files.
local installed_memo = {}

function M.installed_dir()
  local config = settings.config()
  local key = package.path .. (config and "\0" .. tostring(config.filter_dir) or "")
  local dir = installed_memo[key]
  if dir == nil then
    dir = find_installed_dir() or false
    installed_memo[key] = dir
  end
  return dir or nil
end

-- { {dir =, origin = "--filters"|"LEDE_FILTERS"|"installed"}, ... } in search order.
function M.search_path(opts)
  opts = opts or {}
  local dirs, seen = {}, {}
  local function add(dir, origin)
    if dir and dir ~= "" and not seen[dir] then
      seen[dir] = true
      dirs[#dirs + 1] = { dir = dir:gsub("(.)/+$", "%1"), origin = origin }
    end
  end
  for _, d in ipairs(opts.filter_dirs or {}) do add(d, "--filters") end
  for d in (os.getenv("LEDE_FILTERS") or ""):gmatch("[^:]+") do add(d, "LEDE_FILTERS") end
  add(M.installed_dir(), "installed")
  return dirs
end

local function url_parts(url)
  if type(url) ~= "string" then return nil, nil end
  local host, path = url:match("^%a[%w+.-]*://([^/?#]*)([^?#]*)")
  if not host then return nil, nil end
  host = host:gsub("^.*@", ""):gsub(":%d*$", ""):lower():gsub("%.$", "")
  if path == "" then path = "/" end
  return host ~= "" and host or nil, path
end
M.url_parts = url_parts

---------------------------------------------------------------------------
-- The sandbox

local function copy_lib(lib, skip)
  local t = {}
  for k, v in pairs(lib) do if not (skip and skip[k]) then t[k] = v end end
  return t
end

local function is_budget_error(e)
  return type(e) == "string" and (e:find("filter exceeded its", 1, true) ~= nil
    or e:find("not enough memory", 1, true) ~= nil)
end

-- pcall for filters: it cannot catch the budget errors, or a loop around
-- pcall would outlive its instruction budget.
local function sandbox_pcall_result(ok, ...)
  if not ok and is_budget_error((...)) then error((...), 0) end
  return ok, ...
end
local function sandbox_pcall(f, ...) return sandbox_pcall_result(pcall(f, ...)) end

-- __gc would run filter code at some later collection, outside any budget.
local function sandbox_setmetatable(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    error("filters may not set __gc metamethods", 2)
  end
  return setmetatable(t, mt)
end

-- Only tables: the string metatable and the Node/Document metatables are
-- shared with the rest of the process.
local function sandbox_getmetatable(v)
  if type(v) ~= "table" then return nil end
  return getmetatable(v)
end

local function sandbox_parse(html, opts)
  if type(html) ~= "string" then error("lede.parse: string expected", 2) end
  opts = type(opts) == "table" and opts or {}
  return core.parse(html, { url = rawget(opts, "url"), charset = rawget(opts, "charset") })
end

local SAFE = { "pairs", "ipairs", "select", "type", "tostring", "tonumber", "error", "assert",
  "next", "rawget", "rawequal", "rawlen" }

-- A fresh environment per filter file: copies of the libraries, so a filter
-- that changes string.format changes only its own copy.
function M.environment()
  local env = {}
  for _, k in ipairs(SAFE) do env[k] = _G[k] end
  env.pcall = sandbox_pcall
  env.setmetatable = sandbox_setmetatable
  env.getmetatable = sandbox_getmetatable
  env.string = copy_lib(string, { dump = true })
  env.table = copy_lib(table)
  env.math = copy_lib(math)
  env.utf8 = copy_lib(utf8)
  env.lede = {
    version = core.version,
    parse = sandbox_parse,
    dates = type(core.dates) == "table" and copy_lib(core.dates) or nil,
  }
  env._VERSION = _VERSION
  env._G = env
  return env
end

-- Copies what filter code returned with raw access only (no metamethod of a
-- filter's table runs later, outside the budget). Runs inside the budget.
local function plain(v, depth, seen)
  if type(v) ~= "table" then return v end
  if depth > 12 then error("value nested too deeply", 0) end
  if seen[v] then return seen[v] end
  local t = {}
  seen[v] = t
  local k, x = next(v)
  while k ~= nil do
    rawset(t, plain(k, depth + 1, seen), plain(x, depth + 1, seen))
    k, x = next(v, k)
  end
  return t
end

local function plain_results(...)
  local n = select("#", ...)
  local out = { n = n }
  for i = 1, n do out[i] = plain((select(i, ...)), 0, {}) end
  return out
end

local function call_plain(f, ...) return plain_results(f(...)) end

-- Calls filter code within the budget: true, results (a packed table) or
-- false, message.
function M.bounded(f, ...)
  local ok, r = core.bounded_call(M.limits, call_plain, f, ...)
  if ok then return true, r end
  if type(r) ~= "string" then r = "(error object is a " .. type(r) .. " value)" end
  if r == "not enough memory" or r:find(": not enough memory$") then
    r = "filter exceeded its memory budget"
  end
  -- the budget hook reports where lede's wrapper stood, not the filter's line
  local budget = r:match("^.-:%d+: (filter exceeded its %a+ budget)$")
  return false, budget or r
end

---------------------------------------------------------------------------
-- Loading and checking a filter file

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
  local chunk, lerr = load(source, "@" .. path, "t", M.environment())
  if not chunk then entry.error = locate(entry, nil, lerr); return entry end
  local ok, r = M.bounded(function() return normalize(chunk()) end)
  if not ok then
    local key = r:match("^rule '([^']+)'") or r:match("^unknown key '([^']+)'") or r:match("^(%w+)")
    entry.error = locate(entry, nil, r, nil, key)
    return entry
  end
  entry.spec = r[1]
  entry.spec.hosts = entry.spec.hosts or { host_of_file(entry.id) }
  return entry
end

---------------------------------------------------------------------------
-- Catalogs: every file of the search path, in order; `extends` resolved

local catalog_cache = {}

function M.reset()
  file_cache, catalog_cache = {}, {}
end

local function list_lua_files(dir)
  local names = core.listdir(dir)
  if not names then return {} end
  local files = {}
  for _, n in ipairs(names) do
    if n:match("%.lua$") and core.filetype(dir .. "/" .. n) == "file" then files[#files + 1] = n end
  end
  table.sort(files)
  return files
end

local function find_parent(cat, name, self)
  local after_self = name == self.id
  local passed = false
  for _, e in ipairs(cat.entries) do
    if e == self then passed = true
    elseif e.id == name and (passed or not after_self) then return e end
  end
  if after_self then return nil end
  for _, e in ipairs(cat.entries) do
    if e ~= self and e.spec then
      for _, h in ipairs(e.spec.hosts) do if h == name then return e end end
    end
  end
  return nil
end

local function append(dst, src) for _, v in ipairs(src) do dst[#dst + 1] = v end end

-- Builds the filter lede applies from an entry and its ancestors (root
-- first): rules and wire are overridden, lists appended, maps merged by
-- key, hooks chained.
local function merge(chain)
  local self = chain[1]
  local F = {
    id = self.id, file = self.file, path = self.path, name = self.spec.name or self.id,
    hosts = self.spec.hosts, paths = self.spec.paths, tests = self.spec.tests, entry = self,
    rules = {}, remove = {}, keep = {}, transforms = {}, date_ignore = {}, agencies = {},
    fields = {}, before = {}, after = {}, chain = {},
  }
  for i = #chain, 1, -1 do
    local e, s = chain[i], chain[i].spec
    F.chain[#F.chain + 1] = e.file
    for k, r in pairs(s.rules) do F.rules[k] = { rule = r, entry = e } end
    if s.wire then F.wire = s.wire end
    for _, sel in ipairs(s.remove) do F.remove[#F.remove + 1] = { selector = sel, entry = e } end
    for _, sel in ipairs(s.keep) do F.keep[#F.keep + 1] = { selector = sel, entry = e } end
    append(F.date_ignore, s.date_ignore)
    append(F.agencies, s.agencies)
    for _, t in ipairs(s.transforms) do
      local item = { selector = t.selector, tag = t.tag, fn = t.fn, entry = e }
      local replaced = false
      for j, old in ipairs(F.transforms) do
        if old.selector == t.selector then F.transforms[j] = item; replaced = true end
      end
      if not replaced then F.transforms[#F.transforms + 1] = item end
    end
    for k, r in pairs(s.fields) do F.fields[k] = { rule = r, entry = e } end
    if s.before then F.before[#F.before + 1] = { fn = s.before, entry = e } end
    if s.after then F.after[#F.after + 1] = { fn = s.after, entry = e } end
  end
  if #F.agencies == 0 then F.agencies = nil end
  return F
end

-- `near`: for a file given with --filter, look for the base next to it first.
local function resolve(cat, entry, near)
  if entry.filter or entry.error then return entry.filter, entry.error end
  local chain, on_chain = { entry }, { [entry] = true }
  local e = entry
  while e.spec.extends do
    local parent
    local sibling = near and (dirname(e.path) .. "/" .. e.spec.extends .. ".lua")
    if sibling and sibling ~= e.path and core.filetype(sibling) == "file" then
      parent = M.load_file(sibling)
    else
      parent = find_parent(cat, e.spec.extends, e)
    end
    if not parent then
      entry.error = locate(e, nil, "extends '" .. e.spec.extends .. "': no such filter", nil, "extends")
      return nil, entry.error
    end
    if on_chain[parent] then
      local names = {}
      for _, c in ipairs(chain) do names[#names + 1] = c.file end
      names[#names + 1] = parent.file
      entry.error = entry.file .. ": extends cycle: " .. table.concat(names, " -> ")
      return nil, entry.error
    end
    if parent.error then
      entry.error = entry.file .. ": extends " .. parent.file .. ", which failed: " .. parent.error
      return nil, entry.error
    end
    chain[#chain + 1] = parent
    on_chain[parent] = true
    e = parent
  end
  entry.filter = merge(chain)
  return entry.filter
end

-- Every filter file of the search path (dirs in order, files sorted), each
-- loaded and resolved; cached per search path.
function M.catalog(opts)
  local dirs = M.search_path(opts)
  local keyparts = {}
  for _, d in ipairs(dirs) do keyparts[#keyparts + 1] = d.dir end
  local key = table.concat(keyparts, "\0")
  if catalog_cache[key] then return catalog_cache[key] end
  local cat = { dirs = dirs, entries = {} }
  local seen = {}
  for i, d in ipairs(dirs) do
    for _, name in ipairs(list_lua_files(d.dir)) do
      local e = M.load_file(d.dir .. "/" .. name)
      if not seen[e] then
        seen[e] = true
        cat.entries[#cat.entries + 1] = { entry = e, dir_index = i }
      end
    end
  end
  local plain_entries = {}
  for _, ce in ipairs(cat.entries) do plain_entries[#plain_entries + 1] = ce.entry end
  cat.entries = plain_entries
  for _, e in ipairs(cat.entries) do if e.spec then resolve(cat, e) end end
  catalog_cache[key] = cat
  return cat
end

---------------------------------------------------------------------------
-- Matching

local function host_score(hosts, host)
  local best = -1
  for _, h in ipairs(hosts or {}) do
    if (host == h or host:sub(-#h - 1) == "." .. h) and #h > best then best = #h end
  end
  return best
end

local function path_score(paths, path)
  if not paths or #paths == 0 then return 0 end
  for _, p in ipairs(paths) do
    local ok, found = pcall(string.find, path or "", p)
    if ok and found then return 1 end
  end
  return nil
end

-- A FiveFilters config's notes (unknown directives, malformed lines, rules
-- dropped because their XPath cannot work) go to the warnings of the first
-- page it is used on in this process.
local function ftr_notes(F, warnings)
  if F and F.notes and not F.entry.warned then
    F.entry.warned = true
    for _, n in ipairs(F.notes) do warnings[#warnings + 1] = n end
  end
  return F, warnings
end

-- The filter for a page, or nil (the default); second result: warnings.
-- opts: filter (a file forced), filter_dirs, no_filters, ftr (FiveFilters
-- config dirs, used for hosts no Lua filter matches); url from opts.url.
function M.choose(opts)
  local warnings = {}
  if opts.no_filters then return nil, warnings end
  if opts.filter and opts.filter:match("%.txt$") then  -- a FiveFilters config
    local F, err = require("lede.ftr_site").for_file(opts.filter)
    if not F then
      warnings[#warnings + 1] = "filter " .. opts.filter .. " cannot be used (" .. err
        .. "); the default filter was used"
    end
    return ftr_notes(F, warnings)
  end
  if opts.filter then
    local cat = M.catalog(opts)
    local entry = M.load_file(opts.filter)
    local F, err = nil, entry.error
    if entry.spec then F, err = resolve(cat, entry, true) end
    if not F then
      warnings[#warnings + 1] = "filter " .. opts.filter .. " cannot be used (" .. err .. "); the default filter was used"
    end
    return F, warnings
  end
  local host, path = url_parts(opts.url)
  if not host then return nil, warnings end
  local cat = M.catalog(opts)
  local best, best_host, best_path
  for _, e in ipairs(cat.entries) do
    if e.filter then
      local hs = host_score(e.filter.hosts, host)
      local ps = hs >= 0 and path_score(e.filter.paths, path)
      if ps and (not best or hs > best_host or (hs == best_host and ps > best_path)) then
        best, best_host, best_path = e, hs, ps
      end
    elseif e.error and host_score({ host_of_file(e.id) }, host) >= 0 then
      warnings[#warnings + 1] = "filter " .. e.file .. " skipped: " .. e.error
    end
  end
  if best then return best.filter, warnings end
  local F, ferr = require("lede.ftr_site").for_host(opts, host)
  if ferr then warnings[#warnings + 1] = "filter " .. ferr .. "; the default filter was used" end
  return ftr_notes(F, warnings)
end

---------------------------------------------------------------------------
-- Applying a filter to one page

local Run = {}
Run.__index = Run

local NodeMethods = core.Node

local function is_node(v)
  if type(v) ~= "userdata" then return false end
  local mt = getmetatable(v)
  return mt ~= nil and type(mt) == "table" and rawget(mt, "__index") == NodeMethods
end

local function collapse(s)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- The elements an XPath selects; strings and numbers are skipped, and an
-- expression that fails to evaluate selects nothing (FiveFilters configs:
-- lede.ftr_site drops the XPaths that cannot work before they get here).
local function elements(doc, expr)
  local ok, r = pcall(doc.xpath, doc, expr)
  local out = {}
  if ok and type(r) == "table" then
    for _, v in ipairs(r) do if is_node(v) then out[#out + 1] = v end end
  end
  return out
end

-- Calls filter code; a failure ends the filter for this page.
function Run:call(fn, entry, what, key, ...)
  local ok, r = M.bounded(fn, ...)
  if not ok then fail(locate(entry, what, r, fn, key)) end
  return r
end

function Run:trace(node, action, reason)
  local ctx = self.ctx
  if not ctx.trace then return end
  ctx.trace[#ctx.trace + 1] = {
    path = node and node:path() or nil, id = node and ctx.trace_id and ctx.trace_id(node) or nil,
    action = action, reason = reason,
  }
end

-- Nodes and strings a rule gives, non-empty, or nil when it matches nothing.
function Run:eval(rule, entry, what, key)
  if rule.list then
    for _, r in ipairs(rule.list) do
      local v = self:eval(r, entry, what, key)
      if v then return v end
    end
    return nil
  end
  local doc, values = self.ctx.doc, {}
  if rule.fn then
    local r = self:call(rule.fn, entry, what, key, doc, self.fctx)
    local v = r[1]
    if v == nil or v == false then return nil end
    if type(v) == "string" or type(v) == "number" or is_node(v) then
      values = { v }
    elseif type(v) == "table" then
      values = v
    else
      fail(locate(entry, what, "returned a " .. type(v) .. " (a string, a node or a list expected)", rule.fn, key))
    end
  else
    local ok, r
    if rule.xpath then ok, r = pcall(doc.xpath, doc, rule.xpath)
    else ok, r = pcall(doc.select, doc, rule.css) end
    if not ok then fail(locate(entry, what, tostring(r), nil, key)) end
    if type(r) == "table" then values = r
    elseif r ~= nil and r ~= false and r ~= "" then values = { tostring(r) } end
  end
  local out = {}
  for _, v in ipairs(values) do
    if rule.attr and is_node(v) then v = v:attr(rule.attr) end
    if type(v) == "number" then v = tostring(v) end
    if type(v) == "string" then
      v = collapse(v)
      if v ~= "" then out[#out + 1] = v end
    elseif is_node(v) then
      out[#out + 1] = v
    elseif v ~= nil then
      fail(locate(entry, what, "gave a " .. type(v) .. " (strings or nodes expected)", rule.fn, key))
    end
  end
  if #out == 0 then return nil end
  return out
end

local VALUE_ATTRS = {
  published = { "datetime", "content", "value" }, modified = { "datetime", "content", "value" },
  image = { "src", "data-src", "content", "href" },
}

-- A node's value for a field: its text, or for dates and images the usual
-- attribute; meta elements give their content.
local function node_value(node, field)
  for _, a in ipairs(VALUE_ATTRS[field] or {}) do
    local v = node:attr(a)
    if v and v:match("%S") then return collapse(v) end
  end
  local t = collapse(node:text())
  if t ~= "" then return t end
  local c = node:attr("content") or node:attr("value")
  if c and c:match("%S") then return collapse(c) end
  return nil
end

local function resolve_url(base, href)
  if not href or href:match("^%a[%w+.-]*:") or not base then return href end
  local scheme, host = base:match("^(%a[%w+.-]*:)//([^/?#]*)")
  if not scheme then return href end
  if href:sub(1, 2) == "//" then return scheme .. href end
  if href:sub(1, 1) == "/" then return scheme .. "//" .. host .. href end
  local dir = base:match("^(%a[%w+.-]*://[^?#]*/)") or (scheme .. "//" .. host .. "/")
  return dir .. href
end

local function first_string(values, field)
  for _, v in ipairs(values) do
    local s = is_node(v) and node_value(v, field) or v
    if type(s) == "string" and s ~= "" then return s end
  end
  return nil
end

local function normalize_date(s)
  local dates = core.dates
  if type(dates) == "table" and type(dates.parse) == "function" then
    local ok, iso = pcall(dates.parse, s)
    if ok and type(iso) == "string" and iso ~= "" then return iso end
  end
  return s
end

local function drift(self, entry, what, key, fn)
  local w = locate(entry, what, "matched nothing; the generic extractor was used", fn, key)
  self.ctx.warnings[#self.ctx.warnings + 1] = w
end

-- Runs before the metadata pass: sets up ctx, runs `before` and transforms.
function M.start(ctx, F)
  local self = setmetatable({ ctx = ctx, F = F }, Run)
  ctx.filter = F
  if not F then return self end
  local host, path = url_parts(ctx.url)
  ctx.article.filter = F.id
  ctx.agencies = F.agencies
  ctx.date_ignore = F.date_ignore
  local warnings = ctx.warnings
  self.fctx = {
    url = ctx.url, host = host, path = path, filter = F.id, article = plain(ctx.article, 0, {}),
    warn = function(msg)
      warnings[#warnings + 1] = F.file .. ": " .. clip(type(msg) == "string" and msg or type(msg))
    end,
  }
  for _, h in ipairs(F.before) do self:call(h.fn, h.entry, "before", "before", ctx.doc, self.fctx) end
  for _, t in ipairs(F.transforms) do
    local what = "transforms['" .. (t.selector or t.xpath) .. "']"
    for _, n in ipairs(t.xpath and elements(ctx.doc, t.xpath) or ctx.doc:select(t.selector)) do
      if not n:removed() then
        self:trace(n, "transformed", "filter " .. what)
        if t.tag then n:rename(t.tag)
        else self:call(t.fn, t.entry, what, t.selector, n, self.fctx) end
      end
    end
  end
  if ctx.trace then
    for _, sel in ipairs(F.date_ignore) do
      for _, n in ipairs(ctx.doc:select(sel)) do self:trace(n, "date-ignored", "filter date.ignore '" .. sel .. "'") end
    end
  end
  return self
end

local function authors_from(values, ctx)
  local ok, credits = pcall(require, "lede.credits")
  local authors, seen = {}, {}
  for _, v in ipairs(values) do
    local s = is_node(v) and node_value(v, "author") or v
    if type(s) == "string" and s ~= "" then
      local names, agencies = nil, nil
      if ok and credits.parse_byline then names, agencies = credits.parse_byline(s, ctx.agencies and credits.table_for(ctx.agencies)) end
      if not names then
        names = { { name = (s:gsub("^[Bb][Yy]%s+", "")), role = "byline" } }
      end
      for _, a in ipairs(names) do
        if not seen[a.name] then seen[a.name] = true; authors[#authors + 1] = a end
      end
      for _, ag in ipairs(agencies or {}) do
        ctx.byline_credits = ctx.byline_credits or {}
        ctx.byline_credits[#ctx.byline_credits + 1] = { agency = ag, text = s }
      end
    end
  end
  return authors
end

-- Can v be written as JSON? (no functions or threads, string or integer keys,
-- no cycles: depth is capped)
local function json_value(v, depth)
  local t = type(v)
  if t == "function" or t == "thread" then return false end
  if t == "number" then return v == v and v ~= math.huge and v ~= -math.huge end
  if t == "table" then
    if depth >= 8 then return false end
    for k, x in next, v do
      if (type(k) ~= "string" and math.type(k) ~= "integer") or not json_value(x, depth + 1) then return false end
    end
  end
  return true
end

local function found(article, field)
  if field == "author" then return type(article.authors) == "table" and #article.authors > 0 end
  return type(article[field]) == "string" and article[field] ~= ""
end

-- After metadata.read: the filter's rules override what metadata found; fields.
function Run:metadata()
  local F, ctx = self.F, self.ctx
  if not F then return end
  local article = ctx.article
  rawset(self.fctx, "article", plain(article, 0, {}))  -- a snapshot: what metadata found
  for _, field in ipairs(M.FIELD_RULES) do
    local r = F.rules[field]
    -- F.fills_metadata (FiveFilters configs): the rule only fills what the
    -- metadata pass left empty (see lede.ftr_site)
    if r and F.fills_metadata and found(article, field) then r = nil end
    if r then
      local values = self:eval(r.rule, r.entry, field, field)
      local value
      if values and field == "author" then
        value = authors_from(values, ctx)
        if #value == 0 then value = nil end
      elseif values then
        value = first_string(values, field)
        if value and (field == "published" or field == "modified") then value = normalize_date(value) end
        if value and field == "image" then value = resolve_url(ctx.url, value) end
      end
      if value == nil then
        if field == "title" then drift(self, r.entry, field, field, r.rule.fn) end
      elseif field == "author" then
        article.authors = value
      else
        article[field] = value
        if field == "published" or field == "modified" then
          article.date_source = type(article.date_source) == "table" and article.date_source or {}
          article.date_source[field] = "filter " .. F.id
        end
      end
    end
  end
  local names = {}
  for k in pairs(F.fields) do names[#names + 1] = k end
  table.sort(names)
  for _, k in ipairs(names) do
    local r, what = F.fields[k], "fields." .. k
    local value
    if r.rule.fn then
      value = self:call(r.rule.fn, r.entry, what, k, ctx.doc, self.fctx)[1]
      if is_node(value) then value = node_value(value, k) end
      if value ~= nil and not json_value(value, 0) then
        fail(locate(r.entry, what, "returned a " .. type(value) .. " (a string, number, boolean or table of these expected)", r.rule.fn, k))
      end
    else
      local values = self:eval(r.rule, r.entry, what, k)
      value = values and first_string(values, k)
    end
    if value ~= nil then
      article.fields = article.fields or {}
      article.fields[k] = value
    end
  end
end

-- The chain of element ancestors of a node, nearest first.
local function ancestors(node)
  local list, p = {}, node:parent()
  while p do list[#list + 1] = p; p = p:parent() end
  return list
end

-- Several body elements (a story split around ads): their nearest common
-- ancestor becomes the body, and whatever in it holds none of them goes.
function Run:combine(nodes)
  local marked, common = {}, nil
  for _, n in ipairs(nodes) do
    local chain = ancestors(n)
    for _, a in ipairs(chain) do marked[a:key()] = (marked[a:key()] or 0) + 1 end
  end
  for _, a in ipairs(ancestors(nodes[1])) do
    if marked[a:key()] == #nodes then common = a; break end
  end
  if not common then return nodes[1] end
  local keep = {}
  for _, n in ipairs(nodes) do
    keep[n:key()] = true
    for _, a in ipairs(ancestors(n)) do
      if a == common then break end
      keep[a:key()] = true
    end
  end
  local function sweep(node)
    for _, c in ipairs(node:children()) do
      local k = c:key()
      if not keep[k] then
        self:trace(c, "removed", "between the parts of the filter's body")
        c:remove()
      elseif marked[k] then
        sweep(c)
      end
    end
  end
  sweep(common)
  return common
end

-- The body rule's element; when it matches several (none inside another),
-- the body is all of them, in document order.
function Run:find_body()
  local r = self.F.rules.body
  local values = self:eval(r.rule, r.entry, "body", "body")
  local nodes = {}
  for _, v in ipairs(values or {}) do
    if not is_node(v) then
      fail(locate(r.entry, "body", "gave a string; the body rule must select an element", r.rule.fn, "body"))
    end
    local inside = false
    for _, o in ipairs(nodes) do if o:contains(v) then inside = true; break end end
    if not inside and v:stats().chars > 0 then nodes[#nodes + 1] = v end
  end
  if #nodes == 0 then
    drift(self, r.entry, "body", "body", r.rule.fn)
    return nil
  end
  self.body_parts = #nodes
  if #nodes == 1 then return nodes[1] end
  return self:combine(nodes)
end

-- keep: protected nodes, their descendants and ancestors (removing an
-- ancestor would take them along); the filter's body and its ancestors.
function Run:protector(body)
  local ctx, kept, guard = self.ctx, {}, {}
  local reason_of = {}
  for _, k in ipairs(self.F.keep) do
    for _, n in ipairs(ctx.doc:select(k.selector)) do
      local key = n:key()
      kept[key] = true
      reason_of[key] = "filter rule keep '" .. k.selector .. "'"
      for _, a in ipairs(n:ancestor_keys()) do guard[a] = guard[a] or reason_of[key] end
    end
  end
  if body then
    guard[body:key()] = "filter rule 'body'"
    for _, a in ipairs(body:ancestor_keys()) do guard[a] = guard[a] or "filter rule 'body'" end
  end
  if next(kept) == nil and next(guard) == nil then return nil end
  return function(node, reason)
    local key = node:key()
    local why = guard[key] or (kept[key] and reason_of[key])
    if not why and next(kept) then
      for _, a in ipairs(node:ancestor_keys()) do
        if kept[a] then why = reason_of[a]; break end
      end
    end
    if why and ctx.trace then
      ctx.trace[#ctx.trace + 1] = { path = node:path(), id = ctx.trace_id and ctx.trace_id(node),
        action = "kept", reason = "kept by " .. why .. " (generic: " .. tostring(reason) .. ")" }
    end
    return why ~= nil
  end
end

-- remove entries: { selector } (CSS), or from FiveFilters configs { xpath,
-- label } or { find = function(doc) -> nodes, label } (lede's own code, not a
-- filter's), with attr when the rule removes an attribute (strip_attr).
function Run:remove()
  local ctx = self.ctx
  for _, r in ipairs(self.F.remove) do
    local nodes = (r.find and r.find(ctx.doc)) or (r.xpath and elements(ctx.doc, r.xpath))
      or ctx.doc:select(r.selector)
    local why = "filter rule " .. (r.label or ("remove '" .. tostring(r.selector) .. "'"))
    for _, n in ipairs(nodes) do
      if r.attr then
        if not n:removed() then n:set_attr(r.attr, nil) end
      elseif not n:removed() and n:tag() ~= "html" then
        self:trace(n, "removed", why)
        n:remove()
      end
    end
  end
end

-- Marks the trace entries a step added with the step's name; drops made by
-- prune are "pruned".
local function tag_trace(ctx, from, step)
  if not ctx.trace then return end
  for i = from + 1, #ctx.trace do
    local e = ctx.trace[i]
    e.step = e.step or step
    if step == "prune" and e.action == "removed" then e.action = "pruned" end
  end
end

-- F.body_scope (FiveFilters configs): a body rule that selects one element
-- bounds the article, and the generic body choice runs inside it. These
-- rules are often coarse (//article[1], //main) because Full-Text RSS cleans
-- the block afterwards; the generic choice is lede's clean-up of that kind.
-- Everything outside the element (but <head>) is removed first.
function Run:scope(node)
  local inner, p = node, node:parent()
  while p and p:tag() ~= "html" do
    for _, c in ipairs(p:children()) do
      if c ~= inner and c:tag() ~= "head" then
        self:trace(c, "removed", "outside the filter's body")
        c:remove()
      end
    end
    inner, p = p, p:parent()
  end
end

-- Replacements for the pipeline steps: the filter's remove rules and body,
-- keep protection, and a trace of every decision.
function Run:steps()
  local F = self.F
  local function traced(name, f)
    return function(ctx)
      local from = ctx.trace and #ctx.trace or 0
      f(ctx)
      tag_trace(ctx, from, name)
    end
  end
  return {
    clean = traced("clean", function(ctx)
      if F then
        self:remove()
        if F.rules.body then self.body_node = self:find_body() end
        ctx.protect = self:protector(self.body_node)
      end
      pipeline.clean(ctx)
    end),
    body = traced("body", function(ctx)
      local node = self.body_node
      if node and not node:removed() and F.body_scope and self.body_parts == 1 then
        self:scope(node)
        pipeline.body(ctx)
        ctx.body_rule = "filter rule 'body', then " .. tostring(ctx.body_rule)
      elseif node and not node:removed() then
        ctx.body, ctx.body_rule = node, "filter rule 'body'"
      else
        pipeline.body(ctx)
      end
      if ctx.body then self:trace(ctx.body, "body", "body (" .. tostring(ctx.body_rule) .. ")") end
    end),
    prune = traced("prune", function(ctx) pipeline.prune(ctx) end),
  }
end

local STRING_FIELDS = { "title", "description", "text", "site", "section", "published", "modified",
  "image", "url", "host", "filter", "language", "canonical_url", "markdown", "html" }
local TABLE_FIELDS = { "authors", "wire", "warnings", "captions", "tags", "fields", "dateline" }

local function check_article(a)
  for _, k in ipairs(STRING_FIELDS) do
    if a[k] ~= nil and type(a[k]) ~= "string" then return "article." .. k .. " must be a string, not " .. type(a[k]) end
  end
  for _, k in ipairs(TABLE_FIELDS) do
    if a[k] ~= nil and type(a[k]) ~= "table" then return "article." .. k .. " must be a table, not " .. type(a[k]) end
  end
  for k, v in pairs(a) do
    if type(k) ~= "string" then return "article keys must be strings" end
    if not json_value(v, 0) then return "article." .. k .. " cannot be written as JSON" end
  end
  return nil
end

local function call_after(fn, article, doc, fctx)
  local r = fn(article, doc, fctx)
  if r == nil then return article end
  return r
end

-- After credits: traces credits, runs the `after` hooks; returns the article.
function Run:finish(article)
  local ctx, F = self.ctx, self.F
  if ctx.trace then
    if article.dateline then
      ctx.trace[#ctx.trace + 1] = { action = "dateline", text = article.dateline.text,
        reason = "dateline" .. (article.dateline.agency and (" (" .. article.dateline.agency .. ")") or "") }
    end
    for _, w in ipairs(article.wire or {}) do
      ctx.trace[#ctx.trace + 1] = { action = "credit", text = w.text, where = w.where,
        reason = "wire credit (" .. tostring(w.agency) .. ", " .. tostring(w.where) ..
          (w.kept and ", kept in text" or ", taken out of text") .. ")" }
    end
  end
  if not F then return article end
  for _, h in ipairs(F.after) do
    -- the hook gets a copy and gives back (changed in place or returned) a
    -- table that M.bounded copies with raw access: lede never reads a table
    -- the filter could have put metamethods on
    local copy = plain(article, 0, {})
    rawset(self.fctx, "article", copy)
    local ok, r = M.bounded(call_after, h.fn, copy, ctx.doc, self.fctx)
    if not ok then fail(locate(h.entry, "after", r, h.fn, "after")) end
    local a = r[1]
    if type(a) ~= "table" then
      fail(locate(h.entry, "after", "returned a " .. type(a) .. " (nothing or an article table expected)", h.fn, "after"))
    end
    local bad = check_article(a)
    if bad then fail(locate(h.entry, "after", bad, h.fn, "after")) end
    article = a
  end
  article.warnings = article.warnings or ctx.warnings
  return article
end

---------------------------------------------------------------------------
-- Self-tests

-- A test page: relative to the filter file, else its dir's tests/, else
-- tests/fixtures/filters/ of the source tree the filter dir sits in.
function M.test_page(entry, page)
  if page:sub(1, 1) == "/" then return page end
  local dir = dirname(entry.path)
  local cands = { dir .. "/" .. page, dir .. "/tests/" .. page, dir .. "/../tests/fixtures/filters/" .. page }
  local src = os.getenv("LEDE_SOURCE_DIR")
  if src and src ~= "" then cands[#cands + 1] = src .. "/tests/fixtures/filters/" .. page end
  for _, c in ipairs(cands) do
    if core.filetype(c) == "file" then return c end
  end
  return nil, "page not found: " .. page
end

local function show(v) return type(v) == "string" and string.format("%q", clip(v, 120)) or tostring(v) end

local function agencies_of(wire)
  local set, list = {}, {}
  for _, w in ipairs(wire or {}) do
    if w.agency and not set[w.agency] then set[w.agency] = true; list[#list + 1] = w.agency end
  end
  table.sort(list)
  return list
end

-- Checks one article against one test table; nil when it passes, else the reason.
function M.check(t, article, F)
  if article.filter ~= F.id then
    return "the filter was not applied (" .. tostring(article.filter) .. "): " .. table.concat(article.warnings or {}, "; ")
  end
  local mine = {}
  for _, w in ipairs(article.warnings or {}) do
    if w:find(F.file, 1, true) then mine[#mine + 1] = w end
  end
  if #mine > 0 then return "warning: " .. table.concat(mine, "; ") end
  local norm_text = collapse(article.text or "")
  for _, k in ipairs { "title", "description", "site", "section" } do
    if t[k] ~= nil and t[k] ~= article[k] then
      return k .. ": expected " .. show(t[k]) .. ", got " .. show(article[k])
    end
  end
  for _, k in ipairs { "published", "modified" } do
    if t[k] ~= nil and (type(article[k]) ~= "string" or article[k]:sub(1, #t[k]) ~= t[k]) then
      return k .. ": expected " .. show(t[k]) .. ", got " .. show(article[k])
    end
  end
  if t.authors ~= nil then
    local got = {}
    for _, a in ipairs(article.authors or {}) do if a.role == "byline" or not a.role then got[#got + 1] = a.name end end
    if table.concat(got, "; ") ~= table.concat(t.authors, "; ") then
      return "authors: expected " .. show(table.concat(t.authors, "; ")) .. ", got " .. show(table.concat(got, "; "))
    end
  end
  if t.text_starts ~= nil and norm_text:sub(1, #collapse(t.text_starts)) ~= collapse(t.text_starts) then
    return "text_starts: expected " .. show(t.text_starts) .. ", got " .. show(norm_text:sub(1, 80))
  end
  for _, s in ipairs(t.text_contains or {}) do
    if not norm_text:find(collapse(s), 1, true) then return "text_contains: " .. show(s) .. " is missing" end
  end
  for _, s in ipairs(t.text_excludes or {}) do
    if norm_text:find(collapse(s), 1, true) then return "text_excludes: " .. show(s) .. " is in the text" end
  end
  if t.wire ~= nil then
    local want = {}
    for _, a in ipairs(t.wire) do want[#want + 1] = a end
    table.sort(want)
    local got = agencies_of(article.wire)
    if table.concat(want, ", ") ~= table.concat(got, ", ") then
      return "wire: expected {" .. table.concat(want, ", ") .. "}, got {" .. table.concat(got, ", ") .. "}"
    end
  end
  for k, v in pairs(t.fields or {}) do
    local got = (article.fields or {})[k]
    if tostring(got) ~= tostring(v) then return "fields." .. k .. ": expected " .. show(v) .. ", got " .. show(got) end
  end
  return nil
end

local TEST_KEYS = { page = true, url = true, title = true, description = true, site = true, section = true,
  published = true, modified = true, authors = true, text_starts = true, text_contains = true,
  text_excludes = true, wire = true, fields = true, name = true }

-- Runs one self-test of a catalog entry: nil when it passes, else the reason.
function M.run_test(entry, t, opts)
  if type(t) ~= "table" or type(t.page) ~= "string" then return "a test needs page = \"file.html\"" end
  for k in pairs(t) do
    if not TEST_KEYS[k] then return "unknown test key '" .. tostring(k) .. "'" end
  end
  local path, perr = M.test_page(entry, t.page)
  if not path then return perr end
  local html, rerr = read_file(path)
  if not html then return rerr end
  local F = entry.filter
  if t.url then
    local chosen = M.choose({ url = t.url, filter_dirs = opts.filter_dirs })
    if not chosen or chosen.id ~= F.id then
      return "url " .. t.url .. " selects " .. (chosen and chosen.file or "the default filter") .. ", not " .. F.file
    end
  end
  local extract = require "lede.extract"
  local ok, article, err = pcall(extract.extract, html, {
    url = t.url, filter = entry.path, filter_dirs = opts.filter_dirs })
  if not ok then return "internal error: " .. tostring(article) end
  if not article then return "no article: " .. tostring(err) end
  return M.check(t, article, F)
end

-- The entries `lede filters test` runs: every filter not shadowed by one of
-- the same name earlier in the search path, or those named.
function M.test_targets(cat, names)
  local first = {}
  local out, missing = {}, {}
  for _, e in ipairs(cat.entries) do
    if not first[e.id] then first[e.id] = e; out[#out + 1] = e end
  end
  if names and #names > 0 then
    local picked = {}
    for _, n in ipairs(names) do
      local e = first[n] or first[(n:gsub("%.lua$", ""))]
      if e then picked[#picked + 1] = e else missing[#missing + 1] = n end
    end
    return picked, missing
  end
  return out, missing
end

return M
