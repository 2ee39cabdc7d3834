-- Finding filters: the search path, the catalog of every filter file on it
-- with `extends` resolved, and the choice of a page's filter by host and path.
local core = require "lede.core"
local load = require "lede.filters.load"
local settings = require "lede.settings"

local locate, host_of_file = load.locate, load.host_of_file

local M = {}

local function dirname(p) return p:match("^(.*)/[^/]*$") or "." end
M.dirname = dirname
local function is_dir(p) return core.filetype(p) == "directory" end

-- filters/ next to the lua/ dir this module was loaded from, else
-- share/lede/filters of an installed tree, else nil.
local function searched_dir()
  local init = package.searchpath("lede", package.path)
  if init then
    local lua_dir = dirname(dirname(init))
    for _, cand in ipairs { lua_dir .. "/../filters", lua_dir .. "/../../lede/filters" } do
      if is_dir(cand) then return cand end
    end
  end
  return nil
end

-- The search opens and tests files and every extraction asks: its answer
-- is remembered per package.path.
local searched = {}

-- The shipped filters: lede.config's filter_dir (set by the `lede`
-- executable and lede-lua), else the folder searched_dir finds.
function M.installed_dir()
  local config = settings.config()
  if config and type(config.filter_dir) == "string" and config.filter_dir ~= "" then
    return config.filter_dir
  end
  local dir = searched[package.path]
  if dir == nil then
    dir = searched_dir() or false
    searched[package.path] = dir
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

local catalog_cache = {}

-- Forgets the catalogs and the files loaded.
function M.reset()
  catalog_cache = {}
  load.reset()
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
      parent = load.load_file(sibling)
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
      local e = load.load_file(d.dir .. "/" .. name)
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
    local entry = load.load_file(opts.filter)
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

return M
