-- Bylines into people: "By JANE DOE and John Roe, Reuters" -> names
-- { "Jane Doe", "John Roe" } and the agency credit "Reuters". Organisations
-- (the site itself, agencies, desks) are never people.
local tables = require "lede.metadata.tables"
local text = require "lede.metadata.text"

local M = {}

local function set_of(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

local NOT_NAME = set_of(tables.not_name_words)
local PARTICLES = set_of(tables.name_particles)
local MONTHS = set_of { "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
  "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
  "saturday", "sunday" }
-- Words that make a piece an organisation's name ("Daily Sabah", "Fox News").
local ORG_WORDS = set_of { "news", "media", "press", "staff", "team", "desk", "online", "group",
  "network", "magazine", "journal", "times", "herald", "tribune", "daily", "radio", "tv",
  "inc", "ltd", "gmbh", "llc", "agency", "agencies", "newsroom", "editors", "editorial", "redaktion",
  "services", "service", "wire", "submissions", "foundation", "institute", "university", "contributors" }

-- ---- agencies (lede.agencies is read defensively: it may be incomplete) ----

local agency_index

local function add_forms(idx, entry, forms, exact)
  for _, f in ipairs(type(forms) == "table" and forms or {}) do
    if type(f) == "string" and f ~= "" then
      if exact[f] then idx.exact[f] = entry.name else idx.lower[text.lower(f)] = entry.name end
    end
  end
end

local function build_index()
  local idx = { exact = {}, lower = {} }
  local ok, agencies = pcall(require, "lede.agencies")
  local list = ok and type(agencies) == "table" and type(agencies.list) == "table" and agencies.list or {}
  for _, entry in ipairs(list) do
    if type(entry) == "table" and type(entry.name) == "string" then
      local exact = set_of(type(entry.case_sensitive) == "table" and entry.case_sensitive or {})
      add_forms(idx, entry, entry.forms, exact)
      add_forms(idx, entry, entry.short, exact)
      add_forms(idx, entry, { entry.name }, exact)
    end
  end
  return idx
end

-- The canonical agency name when `s` is, as a whole, an agency's name.
function M.agency(s)
  agency_index = agency_index or build_index()
  s = text.squash(s)
  if not s then return nil end
  local bare = s:gsub("^[Tt]he%s+", "")
  return agency_index.exact[s] or agency_index.lower[text.lower(s)] or agency_index.lower[text.lower(bare)]
end

-- ---- cleaning ------------------------------------------------------------------

local PREFIXES = {}
for _, p in ipairs(tables.byline_prefixes) do PREFIXES[#PREFIXES + 1] = p end
table.sort(PREFIXES, function(a, b) return #a > #b end)  -- "written by" before "by"

local LOWER_PREFIXES = set_of(tables.byline_particle_prefixes)

local function strip_prefixes(s)
  local again = true
  while again do
    again = false
    local w = s:match("^(%l+)%s")
    if w and LOWER_PREFIXES[w] then s = s:sub(#w + 2) end
    local low = text.lower(s)
    for _, p in ipairs(PREFIXES) do
      if low:sub(1, #p) == p and (p:sub(-1) == ":" or low:sub(#p + 1, #p + 1):match("[%s:]")) then
        s = s:sub(#p + 1):gsub("^[%s:]+", "")
        again = s ~= ""
        break
      end
    end
  end
  return s
end

-- Removes what is never part of a name: e-mails, links, handles, brackets.
local function scrub(s)
  s = text.decode(s) or ""
  s = s:gsub("[%w._%%+-]+@[%w.-]+%.%a%a+", " ")
  s = s:gsub("https?://%S+", " "):gsub("www%.%S+", " ")
  s = s:gsub("%f[%w@]@[%w_.]+", " ")
  s = s:gsub("%b()", ","):gsub("%b[]", ",")
  return text.squash(s) or ""
end

local SPLITTERS = { ";", "|", "/", "·", "•", ",", "\n", " – ", " — ", " - ", "：" }

local function split_pieces(s)
  for _, sep in ipairs(SPLITTERS) do s = s:gsub(sep:gsub("%p", "%%%0"), "\0") end
  for _, j in ipairs(tables.name_joins) do
    s = s:gsub("%s+" .. j:gsub("%p", "%%%0") .. "%s+", "\0")
  end
  local pieces = {}
  for p in s:gmatch("[^%z]+") do
    p = text.squash(p)
    if p then pieces[#pieces + 1] = strip_prefixes(p) end
  end
  return pieces
end

local function is_name_word(w, first)
  local low = text.lower(w)
  if NOT_NAME[low] or MONTHS[low:gsub("%.$", "")] or w:find("%d") then return false end
  if PARTICLES[low] and not first then return true end
  if w:find("^[\128-\255]") then return true end  -- beyond ASCII: no case to check
  return w:find("^%u") ~= nil
end

-- The name at the start of a piece: leading job words skipped, stopped at
-- the first word that is not part of a name ("Jane Doe Staff Writer").
local function leading_name(piece)
  local words = {}
  for w in piece:gmatch("%S+") do words[#words + 1] = w end
  local i = 1
  while words[i] and NOT_NAME[text.lower(words[i])] do i = i + 1 end
  local out = {}
  while words[i] and is_name_word(words[i], #out == 0) do
    out[#out + 1] = words[i]
    i = i + 1
  end
  while #out > 0 and PARTICLES[text.lower(out[#out])] do out[#out] = nil end
  if #out == 0 or #out > 6 then return nil end
  return (table.concat(out, " "):gsub("[%.,:]+$", ""))
end

local function is_organisation(piece, orgs)
  local key = text.key(piece)
  if orgs and orgs[key] then return true end
  local words = {}
  for w in key:gmatch("%S+") do words[#words + 1] = w end
  if words[1] == "the" then return true end
  for _, w in ipairs(words) do if ORG_WORDS[w] then return true end end
  return false
end

local function word_count(s)
  local n = 0
  for _ in s:gmatch("%S+") do n = n + 1 end
  return n
end

-- Classifies one piece: "name", "agency" or "org", and the value.
local function classify(piece, orgs)
  local agency = M.agency(piece)
  if agency then return "agency", agency end
  if is_organisation(piece, orgs) then return "org", piece end
  local name = leading_name(piece)
  if not name then return nil end
  if text.is_all_caps(name) then name = text.title_case(name) end
  return "name", name
end

-- Reads one byline string. `orgs` is a set of text.key()s of organisation
-- names (the site, the publisher). Returns { names, agencies, orgs }.
function M.parse(byline, orgs)
  local r = { names = {}, agencies = {}, orgs = {} }
  local s = scrub(byline)
  s = s:gsub("%s*[Uu]pdated.*$", ""):gsub("%s*[Pp]ublished.*$", ""):gsub("%d.*$", "")
  local seen = {}
  for _, piece in ipairs(split_pieces(strip_prefixes(s))) do
    local kind, value = classify(piece, orgs)
    local key = kind and (kind .. text.key(value))
    if kind and not seen[key] then
      seen[key] = true
      local list = r[kind == "name" and "names" or kind == "agency" and "agencies" or "orgs"]
      list[#list + 1] = value
    end
  end
  -- one-word pieces beside full names are places or desks ("Jane Doe, Washington")
  local multi = false
  for _, n in ipairs(r.names) do if word_count(n) > 1 then multi = true end end
  if multi then
    local kept = {}
    for _, n in ipairs(r.names) do if word_count(n) > 1 or n:find("[\128-\255]") then kept[#kept + 1] = n end end
    r.names = kept
  end
  return r
end

-- Merges lists of names, dropping repeats (case and punctuation ignored).
function M.merge(...)
  local out, seen = {}, {}
  for i = 1, select("#", ...) do
    for _, n in ipairs(select(i, ...) or {}) do
      local k = text.key(n)
      if k ~= "" and not seen[k] then seen[k] = true; out[#out + 1] = n end
    end
  end
  return out
end

return M
