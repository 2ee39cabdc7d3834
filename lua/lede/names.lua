-- People's names in bylines and credit lines: prefixes, separators, titles.
local M = {}

local PREFIXES = { by = true, por = true, von = true, par = true, di = true, de = true,
  door = true, av = true, af = true, ["by:"] = true }

-- Words that start a job title or a desk label, never a name.
local NOT_NAME_WORDS = {
  staff = true, reporter = true, reporters = true, ["repórter"] = true, correspondent = true,
  correspondente = true, corresponsal = true, editor = true, editors = true, writer = true,
  writers = true, redazione = true, ["redacción"] = true, ["rédaction"] = true, redaktion = true,
  desk = true, bureau = true, agencies = true, agency = true, news = true, web = true,
  team = true, special = true, our = true, from = true, with = true, avec = true, the = true,
  photo = true, photos = true, video = true, updated = true, published = true,
}

-- Lowercase particles that may sit inside a name.
local PARTICLES = { de = true, da = true, das = true, dos = true, del = true, van = true,
  von = true, der = true, den = true, bin = true, bint = true, al = true, el = true, la = true,
  le = true, di = true, du = true, ibn = true, ter = true, ten = true }

function M.strip_prefix(s)
  s = s:gsub("^%s+", "")
  local word, rest = s:match("^([%a:]+)[%s:]+(.*)$")
  if word and PREFIXES[word:lower()] then return rest end
  return s
end

-- "By Carla Mendes, Reuters", "Por Agencia EFE", "Von David Hutzler, dpa"
-- opening a body: a byline line.
function M.has_prefix(s)
  local word, rest = s:match("^%s*(%a+)[%s:]+(%u.*)$")
  return word ~= nil and PREFIXES[word:lower()] ~= nil and word:lower() ~= "de" and #rest <= 120
end

-- Leading "writer", "reporters", "La periodista de" before the names.
function M.strip_title(s)
  s = s:gsub("^%s+", "")
  local first = s:match("^(%S+)")
  while first and NOT_NAME_WORDS[first:lower()] do
    s = s:sub(#first + 1):gsub("^%s+", "")
    first = s:match("^(%S+)")
  end
  return s
end

local function title_case(name)
  if name:find("%l") then return name end
  return (name:lower():gsub("(%w)([%w'’]*)", function(a, b) return a:upper() .. b end))
end

local function word_count(s)
  local n = 0
  for _ in s:gmatch("%S+") do n = n + 1 end
  return n
end

-- Cleans one candidate; nil when it is not a person's name.
local function clean_name(name, strict)
  name = name:gsub("^[%s%p]+", ""):gsub("[%s%.,;:%-–—]+$", "")
  name = name:gsub("%s+[ie][nm]%s+%u.*$", "")  -- "Min Lee in Seoul", "Luisa Vega en Medellín"
  name = M.strip_title(name)
  if name == "" or not name:find("%a") or #name > 60 then return nil end
  if name:find("[@%d]") or name:find("http", 1, true) then return nil end
  local first = name:match("^(%S+)"):lower()
  if NOT_NAME_WORDS[first] then return nil end
  for w in name:gmatch("%S+") do
    local lw = w:lower()
    if NOT_NAME_WORDS[lw] then return nil end
    if not w:find("^%u") and not PARTICLES[lw] and not w:find("^[\128-\255]") then return nil end
  end
  if strict and word_count(name) < 2 then return nil end
  return title_case(name)
end

-- Splits "Jane Doe and John Roe, Ann Lee" into names; strict demands two or
-- more words a name (bylines that also name an agency carry places and desks).
function M.split(s, strict)
  local out = {}
  s = s:gsub("[%(%)%[%]|/;]", ","):gsub("%s+–%s+", ","):gsub("%s+—%s+", ",")
  for _, j in ipairs { "and", "&", "y", "et", "und", "e" } do
    s = s:gsub("%s+" .. j:gsub("%p", "%%%0") .. "%s+", ",")
  end
  -- "Paul WisemanFatima Hussein": two names glued where a line break stood
  -- (a short prefix is a name of its own: McDonald, LeBron, MacArthur)
  s = s:gsub("(%u%l%l%l+)(%u%l%l)", "%1,%2")
  for piece in s:gmatch("[^,]+") do
    local n = clean_name(piece, strict)
    if n then out[#out + 1] = n end
  end
  return out
end

return M
