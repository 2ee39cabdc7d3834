-- Self-tests of filter files (`lede filters test`): each test extracts a saved
-- page with the filter and compares the article with the test's expectations.
local core = require "lede.core"
local catalog = require "lede.filters.catalog"
local load = require "lede.filters.load"
local run = require "lede.filters.run"

local dirname, clip, read_file, collapse = catalog.dirname, load.clip, load.read_file, run.collapse

local M = {}


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
    local chosen = catalog.choose({ url = t.url, filter_dirs = opts.filter_dirs })
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
