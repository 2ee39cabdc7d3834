-- FiveFilters site configs as lede filters: finds the config of a host in a
-- checkout of ftr-site-config (an index of the directory listing, made once;
-- only the matched file is read and parsed), merges global.txt as the format
-- asks, and turns the parsed config (lede.ftr) into the filter representation
-- lede.filters runs, so protect, trace, inspect and drift warnings work as they
-- do for Lua filters. Nothing here fetches: single_page_link and
-- next_page_link come back as fields for the caller to follow.
local core = require "lede.core"
local settings = require "lede.settings"
local ftr = require "lede.ftr"
local xpath_check = require "lede.ftr_xpath"
local read_file = require("lede.filters.load").read_file
local resolve_url = require("lede.metadata.text").resolve

local M = {}

-- The default place of a checkout, used when it exists:
-- $XDG_DATA_HOME/lede/ftr-site-config (~/.local/share/lede/ftr-site-config).
function M.default_dir()
  local data = os.getenv("XDG_DATA_HOME")
  if not data or data == "" then
    local home = os.getenv("HOME")
    if not home or home == "" then return nil end
    data = home .. "/.local/share"
  end
  return data .. "/lede/ftr-site-config"
end

-- The config directories, in search order: opts.ftr (a path or a list),
-- LEDE_FTR (colon-separated), lede.config's ftr_dir, the default place.
function M.dirs(opts)
  opts = opts or {}
  local dirs, seen = {}, {}
  local function add(d, origin)
    if type(d) == "string" and d ~= "" then
      d = d:gsub("(.)/+$", "%1")
      if not seen[d] then seen[d] = true; dirs[#dirs + 1] = { dir = d, origin = origin } end
    end
  end
  if type(opts.ftr) == "table" then
    for _, d in ipairs(opts.ftr) do add(d, "--ftr") end
  else
    add(opts.ftr, "--ftr")
  end
  for d in (os.getenv("LEDE_FTR") or ""):gmatch("[^:]+") do add(d, "LEDE_FTR") end
  local config = settings.config()
  if config then add(config.ftr_dir, "config") end
  local default = M.default_dir()
  if default and core.filetype(default) == "directory" then add(default, "default") end
  return dirs
end

local indexes = {}

-- The set of config file names of a directory (listed once per process).
function M.index(dir)
  if indexes[dir] then return indexes[dir] end
  local names = core.listdir(dir) or {}
  local set = { count = 0, names = {} }
  for _, n in ipairs(names) do
    if n:match("^%.?[%w_-]+%.[%w_.-]+%.txt$") or n == "global.txt" then  -- named by host
      set.names[#set.names + 1] = n
      set[n] = true
      if n ~= "global.txt" then set.count = set.count + 1 end
    end
  end
  table.sort(set.names)
  indexes[dir] = set
  return set
end

-- The host as the format keys it: lower case, no trailing dot, "www." dropped.
function M.host_key(host)
  host = host:lower():gsub("%.$", "")
  return (host:gsub("^www%.", ""))
end

-- The file for a host: host.txt, else .parent.txt for a subdomain one level
-- down (news.example.com -> .example.com.txt; never example.com itself).
function M.file_for(index, host)
  host = M.host_key(host)
  if host == "global" then return nil end
  if index[host .. ".txt"] then return host .. ".txt" end
  local parent = host:match("^[^.]+(%.[^.]+%..+)$")
  if parent and index[parent .. ".txt"] then return parent .. ".txt" end
  return nil
end

local loaded = {}

function M.reset() loaded, indexes = {}, {} end

-- One config file, read and parsed once: { path, file, id, config, lines,
-- notes } or { path, file, id, error }.
function M.load(path)
  if loaded[path] then return loaded[path] end
  local file = path:match("([^/]*)$")
  local e = { path = path, file = file, id = "ftr:" .. file:gsub("%.txt$", ""), ftr = true }
  loaded[path] = e
  local text, err = read_file(path)
  if not text then e.error = tostring(err); return e end
  e.config = ftr.parse(text)
  -- the first line of each rule, for messages (lede.filters.locate)
  local c = e.config
  e.lines = {
    title = c.title[1] and c.title[1].line, body = c.body[1] and c.body[1].line,
    author = c.author[1] and c.author[1].line, published = c.date[1] and c.date[1].line,
  }
  e.notes = {}
  for _, p in ipairs(c.problems) do e.notes[#e.notes + 1] = file .. ":" .. p.line .. ": " .. p.message end
  for _, d in ipairs(c.unknown) do
    e.notes[#e.notes + 1] = file .. ":" .. d.line .. ": unknown directive '" .. d.key .. "' ignored"
  end
  return e
end

---------------------------------------------------------------------------
-- Translation into a filter

local function xpath_rule(items)
  local list = {}
  for _, it in ipairs(items) do list[#list + 1] = { xpath = it.xpath } end
  if #list == 0 then return nil end
  return { list = list }
end

-- "//img/@srcset" -> "//img", "srcset": strip_attr (and strip) name attributes.
local function attr_target(expr)
  local owner, name = expr:match("^%s*(.-)/@([%a_][%w_:.-]*)%s*$")
  if owner and owner ~= "" and not owner:find("|", 1, true) then return owner, name end
  return nil
end

-- Class and id values hold one of the strings as a whole token (as graby,
-- which wallabag runs these files with, matches them); quotes are dropped.
-- core.find_tokens does it in one walk in C: the XPath graby uses costs
-- milliseconds a page.
local function id_or_class_finder(list)
  local set, any = {}, false
  for _, it in ipairs(list) do
    for w in it.value:gsub("['\"]", ""):gmatch("%S+") do set[w] = true; any = true end
  end
  if not any then return nil end
  return function(doc) return core.find_tokens(doc, set) end
end

local function image_src_xpath(s)
  return string.format("//img[contains(@src,'%s')]", (s:gsub("['\"]", "")))
end

-- strip, strip_id_or_class, strip_image_src, strip_attr -> remove entries.
local function removals(c, e, out)
  for _, it in ipairs(c.strip) do
    local owner, name = attr_target(it.xpath)
    if owner then out[#out + 1] = { xpath = owner, attr = name, entry = e, label = "strip '" .. it.xpath .. "'" }
    else out[#out + 1] = { xpath = it.xpath, entry = e, label = "strip '" .. it.xpath .. "'" } end
  end
  local find = id_or_class_finder(c.strip_id_or_class)
  if find then
    local names = {}
    for _, it in ipairs(c.strip_id_or_class) do names[#names + 1] = it.value end
    out[#out + 1] = { find = find, entry = e,
      label = "strip_id_or_class '" .. table.concat(names, "', '") .. "'" }
  end
  for _, it in ipairs(c.strip_image_src) do
    out[#out + 1] = { xpath = image_src_xpath(it.value), entry = e, label = "strip_image_src '" .. it.value .. "'" }
  end
  for _, it in ipairs(c.strip_attr) do
    local owner, name = attr_target(it.xpath)
    if owner then
      out[#out + 1] = { xpath = owner, attr = name, entry = e, label = "strip_attr '" .. it.xpath .. "'" }
    end
  end
end

local function lazy_image(attr)
  return function(node)
    local v = node:attr(attr)
    if v and v:match("%S") then node:set_attr("src", v) end
  end
end

local function wrapper(tag) return function(node) core.wrap(node, tag) end end
local function dissolve(node) node:unwrap() end
local function drop(node) node:remove() end

-- Run right after parsing, before the metadata pass (lede.filters.start).
local function transforms(c, e, out)
  if c.skip_json_ld then
    out[#out + 1] = { selector = 'script[type="application/ld+json" i]', fn = drop, entry = e }
  end
  if c.src_lazy_load_attr then
    local a = c.src_lazy_load_attr
    out[#out + 1] = { selector = "img[" .. a .. "]", fn = lazy_image(a), entry = e }
  end
  for _, w in ipairs(c.wrap_in) do
    if w.tag:match("^%a[%w-]*$") then out[#out + 1] = { xpath = w.xpath, fn = wrapper(w.tag), entry = e } end
  end
  for _, it in ipairs(c.dissolve) do out[#out + 1] = { xpath = it.xpath, fn = dissolve, entry = e } end
end

local function is_node(v) return type(v) == "userdata" end

-- The first string an XPath gives: an attribute value, a string result, or
-- an element's href/src/content/text.
local function first_value(doc, expr)
  local ok, r = pcall(doc.xpath, doc, expr)
  if not ok or r == nil or r == false then return nil end
  if type(r) ~= "table" then r = { r } end
  for _, v in ipairs(r) do
    if is_node(v) then v = v:attr("href") or v:attr("src") or v:attr("content") or v:text() end
    if type(v) == "string" then
      v = v:gsub("^%s+", ""):gsub("%s+$", "")
      if v ~= "" then return v end
    end
  end
  return nil
end

local function matches(doc, expr)
  local ok, r = pcall(doc.xpath, doc, expr)
  if not ok then return false end
  if type(r) == "table" then return #r > 0 end
  return r ~= nil and r ~= false and r ~= "" and r ~= 0
end

-- The first link of a list whose condition (if_page_contains) holds.
local function link(doc, items, url)
  for _, it in ipairs(items) do
    if not it.if_page_contains or matches(doc, it.if_page_contains) then
      local v = first_value(doc, it.xpath)
      if v then return resolve_url(url, v) end
    end
  end
  return nil
end

-- `before` reads the untouched page (links, native ad clues); `after` puts
-- what it found in the article: fields.single_page_link, fields.next_page_link,
-- sponsored = true. Both run within lede.filters' budget.
local function hooks(c, e)
  local function before(doc, fctx)
    local found = {}
    found.single_page_link = link(doc, c.single_page_link, fctx.url)
    found.next_page_link = link(doc, c.next_page_link, fctx.url)
    for _, it in ipairs(c.native_ad_clue) do
      if matches(doc, it.xpath) then found.sponsored = true; break end
    end
    rawset(fctx, "ftr_found", found)
  end
  local function after(article, _, fctx)
    local found = rawget(fctx, "ftr_found") or {}
    for _, k in ipairs { "single_page_link", "next_page_link" } do
      if found[k] then
        article.fields = article.fields or {}
        article.fields[k] = found[k]
      end
    end
    if found.sponsored then article.sponsored = true end
    return article
  end
  return { fn = before, entry = e }, { fn = after, entry = e }
end

-- test_url/test_contains -> self-tests (run when a saved page is present).
local function self_tests(c)
  local out = {}
  for _, t in ipairs(c.tests) do
    out[#out + 1] = { url = t.url, page = M.saved_page_name(t.url),
      text_contains = #t.contains > 0 and t.contains or nil }
  end
  return out
end

-- The file name a saved copy of a test_url page has: the URL without its
-- scheme, every character outside [%w.-] turned into '_', plus ".html".
function M.saved_page_name(url)
  local rest = url:gsub("^%a[%w+.-]*://", ""):gsub("[^%w.-]", "_")
  return rest .. ".html"
end

-- The global config merged as the format says: when autodetect_on_failure is
-- not "no". Only its cleaning rules and replacements: its title and date
-- rules (Open Graph) are what lede's metadata pass reads anyway, and as rules
-- they would override lede's better choice.
local function global_of(dir, c)
  if c.autodetect_on_failure == false then return nil end
  local g = M.load(dir .. "/global.txt")
  if g.error or not g.config then return nil end
  return g
end

-- A copy of the config without the XPaths that cannot work (each noted):
-- a typo in one strip rule must not cost the file its other rules.
local function usable(e)
  local c = setmetatable({}, { __index = e.config })
  local function keep(list, key, field)
    local out = {}
    for _, it in ipairs(list) do
      local err, kind = xpath_check.check(it[field], key)
      if err and kind == "error" then
        e.notes[#e.notes + 1] = string.format("%s:%d: %s: %s; the rule is ignored", e.file, it.line, key, err)
      else
        out[#out + 1] = it
      end
    end
    return out
  end
  for _, k in ipairs(ftr.XPATH_LISTS) do c[k] = keep(e.config[k], k, "xpath") end
  c.wrap_in = keep(e.config.wrap_in, "wrap_in", "xpath")
  return c
end

-- The filter lede.filters runs for a loaded config.
function M.filter(dir, e)
  if e.filter or e.error then return e.filter, e.error end
  local c = usable(e)
  local F = {
    id = e.id, file = e.file, path = e.path, name = e.file:gsub("%.txt$", "") .. " (FiveFilters)",
    hosts = { (e.file:gsub("%.txt$", "")) }, entry = e, kind = "ftr", ftr = c,
    rules = {}, remove = {}, keep = {}, transforms = {}, date_ignore = {}, fields = {},
    before = {}, after = {}, chain = { e.file }, replace = {}, tests = self_tests(c),
    prune = c.prune, notes = e.notes,
    -- title, author and date rules fill only what lede's metadata pass left
    -- empty: that pass already reads what most of them point at (Open Graph,
    -- JSON-LD, the h1) and chooses among candidates, while a config's rule,
    -- written for Full-Text RSS's weaker detection, is taken blindly and is
    -- the first to go stale when a site changes (tests/bench/ftr measures it)
    fills_metadata = true,
    body_scope = true,  -- a one-element body bounds the generic choice (lede.filters Run:scope)
  }
  local fields = { title = "title", body = "body", author = "author", date = "published" }
  for key, field in pairs(fields) do
    local r = xpath_rule(c[key])
    if r then F.rules[field] = { rule = r, entry = e } end
  end
  for _, r in ipairs(c.replace) do F.replace[#F.replace + 1] = r end
  local g = global_of(dir, c)
  removals(c, e, F.remove)
  transforms(c, e, F.transforms)
  if g then
    F.chain[#F.chain + 1] = g.file
    g.usable = g.usable or usable(g)  -- checked once, merged into every config
    removals(g.usable, g, F.remove)
    for _, r in ipairs(g.config.replace) do F.replace[#F.replace + 1] = r end
  end
  local b, a = hooks(c, e)
  F.before[1], F.after[1] = b, a
  e.filter = F
  return F
end

-- The filter of a host from the configured directories (first directory
-- with a file for it wins), or nil; nil, "FILE: why" when that file cannot
-- be read.
function M.for_host(opts, host)
  if not host then return nil end
  for _, d in ipairs(M.dirs(opts)) do
    local name = M.file_for(M.index(d.dir), host)
    if name then
      local e = M.load(d.dir .. "/" .. name)
      local F, err = M.filter(d.dir, e)
      if not F then return nil, e.file .. ": " .. tostring(err) end
      return F
    end
  end
  return nil
end

-- A config file given directly (--filter x.txt).
function M.for_file(path)
  local e = M.load(path)
  if e.error then return nil, e.error end
  local dir = path:match("^(.*)/[^/]*$") or "."
  return M.filter(dir, e)
end

---------------------------------------------------------------------------
-- Self-tests: test_url (+ test_contains) of a config, run on a saved copy of
-- the page when one is present (lede never fetches).

local function collapse(s) return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")) end

-- nil when the test passes, "skip" when no saved page is present, else why.
function M.run_test(F, t, pages_dir)
  local path = pages_dir .. "/" .. t.page
  if core.filetype(path) ~= "file" then return "skip" end
  local html, err = read_file(path)
  if not html then return tostring(err) end
  local extract = require "lede.extract"
  local ok, article, xerr = pcall(extract.extract, html, { url = t.url, filter = F.path })
  if not ok then return "internal error: " .. tostring(article) end
  if not article then return "no article: " .. tostring(xerr) end
  if article.filter ~= F.id then return "the config was not applied: " .. table.concat(article.warnings or {}, "; ") end
  for _, w in ipairs(article.warnings or {}) do
    if w:find("rule 'body': matched nothing", 1, true) then return w end
  end
  local text = collapse(article.text or "")
  for _, s in ipairs(t.text_contains or {}) do
    if not text:find(collapse(s), 1, true) then return "test_contains: " .. string.format("%q", s) .. " is missing" end
  end
  return nil
end

---------------------------------------------------------------------------
-- Checking a directory

-- Every file of a directory: { {file, errors = {...}, notes = {...}} ... },
-- errors being the XPaths that do not compile or cannot work (each
-- "file:line: directive: message"). Never raises on a file's content.
function M.check(dir)
  local report = {}
  for _, name in ipairs(M.index(dir).names) do
    local e = M.load(dir .. "/" .. name)
    local r = { file = name, errors = {}, notes = table.move(e.notes or {}, 1, #(e.notes or {}), 1, {}) }
    if e.error then
      r.errors[1] = name .. ": " .. e.error
    else
      for _, x in ipairs(ftr.xpaths(e.config)) do
        local err, kind = xpath_check.check(x.xpath, x.key)
        if err then
          local list = kind == "error" and r.errors or r.notes
          list[#list + 1] = string.format("%s:%d: %s: %s", name, x.line, x.key, err)
        end
      end
    end
    report[#report + 1] = r
  end
  return report
end

return M
