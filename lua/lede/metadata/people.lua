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
local ABBREVIATIONS = set_of { "jr.", "sr.", "jun.", "sen." }
local MONTHS = set_of { "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
  "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
  "saturday", "sunday" }
-- Words that make a piece an organisation's name ("Daily Sabah", "Fox News").
local ORG_WORDS = set_of { "news", "media", "press", "staff", "team", "desk", "online", "group",
  "network", "magazine", "journal", "times", "herald", "tribune", "daily", "radio", "tv",
  "inc", "ltd", "gmbh", "llc", "agency", "agencies", "newsroom", "editors", "editorial", "redaktion",
  "services", "service", "wire", "submissions", "foundation", "institute", "university", "contributors",
  "organization", "organisation", "association", "project", "committee", "council", "society",
  -- a police press office ("Polizei Steinfurt"), an editorial team in Greek and Russian
  "police", "polizei", "policía", "polícia", "polizia", "ομάδα", "ομαδα", "συντακτική", "συντακτικη",
  "σύνταξη", "συνταξη", "редакция",
  -- newspapers' names: "Washington Post", "Boston Globe", "Daily Mail"
  "post", "gazette", "chronicle", "telegraph", "courier", "observer", "examiner", "inquirer", "bulletin",
  "globe", "mail", "express", "dispatch", "sentinel",
  -- a company's blog account: "Android Developers"
  "developers" }

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

-- A key without spaces and a leading "the": "The Daily Star" -> "dailystar".
function M.squeeze(key)
  return (key:gsub("^the ", ""):gsub(" ", ""))
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
    if s:find("^By%u") or s:find("^By[Bb]y%s") then s, again = s:sub(3), true end  -- "ByTravis Haney"
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

-- "Howard BlumeStaff Writer": a job word glued to the name (not a short
-- word inside a handle: "AMournfulHowlInTheNight").
local function unglue(s)
  return (s:gsub("(%l)(%u%l+)", function(a, w)
    if #w > 3 and NOT_NAME[w:lower()] then return a .. " " .. w end
  end))
end

-- "Jennifer Rubin Jennifer Rubin": one name printed twice (two elements).
local function undouble(s)
  local words = {}
  for w in s:gmatch("%S+") do words[#words + 1] = w end
  local n = #words // 2
  if n > 0 and #words == 2 * n and table.concat(words, " ", 1, n) == table.concat(words, " ", n + 1) then
    return table.concat(words, " ", 1, n)
  end
  return s
end

-- "Bruno (Henrique Zecchin) Rodrigues": brackets after the first word of
-- the byline, before more of the name, hold a middle name or a nickname:
-- dropped, not a split. After a full name ("Jane Doe (Oslo) John Roe")
-- brackets still part pieces.
local function middle_bracket(s)
  local head, first, inner, rest = s:match("^(%s*)(%S+)%s*%(([^()]+)%)(%s+[%u\128-\255].*)$")
  if not head or not first:find("^[%u\128-\255]") or inner:find("[%d@,;:/]") or M.agency(inner) then return s end
  for w in inner:gmatch("%S+") do
    if not w:find("^[%u\128-\255\"']") then return s end  -- "Robert (“Bob”) Smith"
  end
  return head .. first .. rest
end

-- Removes what is never part of a name: e-mails, links, handles, brackets.
local function scrub(s)
  s = s:gsub("%s*\n%s*", " | ")  -- a line break (between blocks) parts two pieces
  s = unglue(text.decode(s) or "")
  s = s:gsub("（", " ("):gsub("）", ") ")  -- full-width brackets: "Junichi Niino（jniino）"
  s = s:match("^%s*%[(.*)%]%s*$") or s:match("^%s*《(.*)》%s*$") or s  -- "[田中宏昌，ITmedia]"
  s = s:gsub("[%w._%%+-]+@[%w.-]+%.%a%a+", " ")
  s = s:gsub("https?://%S+", " "):gsub("www%.%S+", " ")
  s = s:gsub("%f[%w@]@[%w_.]+", " ")
  s = s:gsub("%s*%(([%u%.%s]+)%)", function(inner)  -- "Richard (R.J.) Eskow": initials inside a name
    if #inner <= 8 then return "" end
  end)
  s = middle_bracket(s)
  s = s:gsub("%b()", ","):gsub("%b[]", ",")
  return text.squash(s) or ""
end

-- (Japanese bylines mark the label with a shape: "文● オカモト", "■記者")
local SPLITTERS = { ";", "|", "/", "·", "•", ",", "\n", " – ", " — ", " - ", "：", ": ", "，", "、", "／",
  "●", "■", "◆", "◇", "○", "□" }

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

-- A month ends a name only at its end ("Nathan Willis March" once the
-- date's digits are cut); "Laura June Topolsky" keeps hers.
local function is_name_word(w, first, last)
  local low = text.lower(w)
  if NOT_NAME[low] or (last and MONTHS[low:gsub("%.$", "")]) or w:find("%d") then return false end
  if PARTICLES[low] and not first then return true end
  if w:find("^[\128-\255]") then return true end  -- beyond ASCII: no case to check
  return w:find("^%u") ~= nil
end

-- Trailing punctuation off, but the period of an initial or of "Jr."
-- stays ("Perry Bacon Jr.", "Juan Carlos Muñoz C.").
local function trim_end(name)
  name = name:gsub("[,:;]+$", "")
  local last = name:match("(%S+)$") or ""
  if last:find("%.$") and (utf8.len(last) == 2 or ABBREVIATIONS[text.lower(last)]) then return name end
  return (name:gsub("%.+$", ""))
end

-- "Meg Wagner NEW YORK DAILY NEWS": capitals after a full mixed-case name
-- start an affiliation ("Chokri GHARBI" writes the surname in capitals).
local function caps_after_mixed(out, w)
  local _, letters = w:gsub("%a", "")
  return #out > 1 and letters > 1 and text.is_all_caps(w) and not text.is_all_caps(out[#out])
end

-- The name at the start of a piece: leading job words skipped, stopped at
-- the first word that is not part of a name ("Jane Doe Staff Writer").
-- Returns the name (or nil) and the word it stopped at.
local function leading_name(piece)
  piece = piece:gsub("^[^=%s]+=%s*", "")  -- Korean "스포츠조선=선수민": the outlet (or place), then the name
  local words = {}
  for w in piece:gmatch("%S+") do words[#words + 1] = w end
  local i = 1
  while words[i] and NOT_NAME[text.lower(words[i])] do i = i + 1 end
  local out = {}
  while words[i] and is_name_word(words[i], #out == 0, i == #words) and not caps_after_mixed(out, words[i]) do
    out[#out + 1] = words[i]
    i = i + 1
  end
  while #out > 0 and PARTICLES[text.lower(out[#out])] do out[#out] = nil end
  if #out == 0 or #out > 6 then return nil, words[i] end
  return undouble(trim_end(table.concat(out, " "))), words[i]
end

local JOB_WORDS = set_of(tables.job_words)
-- A byline ending in one of these is a desk ("AOL Staff", "Smart Shopping Team").
local DESK_WORDS = set_of { "staff", "team", "desk", "newsroom", "redaktion", "redacción", "rédaction" }

local function is_job_title(piece)
  for w in piece:gmatch("%S+") do
    if JOB_WORDS[text.lower(w)] then return true end
  end
  return false
end

local function has_org_word(s)
  for w in text.key(s):gmatch("%S+") do if ORG_WORDS[w] then return true end end
  return false
end

local CJK_ORG_SUFFIXES = tables.cjk_org_suffixes

-- The site's own name (a one-word name may be the host's: "ITmedia" on
-- itmedia.co.jp; a blog's "Haki Benita" on hakibenita.com is a person), a
-- name starting with "The", or a Chinese/Japanese desk ("ASCII編集部").
local DOMAIN_ENDINGS = {}
for _, e in ipairs(tables.domain_endings) do DOMAIN_ENDINGS[e] = true end

-- "Timesofindia.Com", "news.com.au": a web address, one word of labels.
local function is_domain(piece)
  local low = text.lower(piece):match("^%s*(.-)%s*$")
  local ending = low:match("^[%w%-]+%.[%w%-%.]*%f[%a](%a+)$")
  return ending ~= nil and (DOMAIN_ENDINGS[ending] or (#ending == 2 and #low >= 6))
end

local function names_organisation(piece, orgs)
  local key = text.key(piece)
  if is_domain(piece) then return true end
  if orgs and (orgs[key] or orgs[M.squeeze(key)]) then return true end
  if orgs and not key:find(" ") and orgs["host:" .. key] then return true end
  for _, suffix in ipairs(CJK_ORG_SUFFIXES) do
    if piece:sub(-#suffix) == suffix then return true end
  end
  return key:find("^the ") ~= nil
end

local DESK_SLUGS = set_of(tables.desk_slugs)

-- Does the author page at url belong to a desk? Its last path segment's
-- words ("redaccion-ec" -> "redaccion", "ec") are looked up.
function M.desk_url(url)
  if type(url) ~= "string" then return false end
  local path = url:gsub("^%a[%w+.-]*://[^/]*", ""):gsub("[?#].*$", ""):gsub("/+$", "")
  local last = path:match("([^/]+)$")
  for w in (last or ""):lower():gmatch("[^%-_.%s]+") do
    if DESK_SLUGS[w] then return true end
  end
  return false
end

local function word_count(s)
  local n = 0
  for _ in s:gmatch("%S+") do n = n + 1 end
  return n
end

-- Classifies one piece: "name", "agency" or "org", and the value.
-- "JANE DOE" and the capitals of "Chokri GHARBI" -> "Jane Doe", "Chokri
-- Gharbi" (a one-letter initial stays as it is).
local function caps_to_title(name)
  -- "KT", "JRR": a lone word of two or three capitals signs with initials
  if name:find("^%u%u%u?$") then return name end
  return (name:gsub("%S+", function(w)
    local _, letters = w:gsub("%a", "")
    if (letters > 1 or w:find("[\128-\255]")) and text.is_all_caps(w) then return text.title_case(w) end
  end))
end

-- An organisation: an agency, the site, "The ...", or a name whose own
-- words or next word say so ("Fox News", "Daily Sabah"); what follows a
-- person's name is not read ("Meg Wagner NEW YORK DAILY NEWS").
local function classify(piece, orgs)
  local agency = M.agency(piece)
  if agency then return "agency", agency end
  if names_organisation(piece, orgs) then return "org", piece end
  local name, next_word = leading_name(piece)
  if not name then return has_org_word(piece) and "org" or nil, piece end
  local last = text.lower(piece:match("(%S+)%s*$") or "")
  if has_org_word(name) or DESK_WORDS[last]
      or (next_word and not is_job_title(next_word) and has_org_word(next_word)) then
    return "org", piece
  end
  return "name", caps_to_title(name)
end

-- "Gillman, Steve" and "Jong, Michiel de" (a catalogue's order) -> "Steve
-- Gillman", "Michiel de Jong"; unless the second part is an agency.
local function uninvert(s)
  local last, first = s:match("^%s*(%u[%w'’-]+),%s*(%u[%w'’.-]*)%s*$")
  if not last then last, first = s:match("^%s*(%u[%w'’-]+),%s*(%u[%w'’.-]* %l+)%s*$") end
  if last and not M.agency(first) and not NOT_NAME[text.lower(first)] then return first .. " " .. last end
  return s
end

local DATE_WORDS = tables.byline_date_words

-- "Jane Doe Updated 10 May": what follows a word announcing a date is no name.
local function cut_at_date_words(s)
  local low = text.lower(s)
  for _, w in ipairs(DATE_WORDS) do
    local i = low:find("%f[%w\128-\255]" .. w)
    if i then s, low = s:sub(1, i - 1), low:sub(1, i - 1) end
  end
  return (s:gsub("%s+$", ""))
end

local OTHER_ROLES = tables.other_role_prefixes

-- "Edited by Betsy Beyer", "Illustration by Claire Lordon": a piece naming
-- someone who did not write the article.
local function credits_others(piece)
  local low = text.lower(piece)
  for _, p in ipairs(OTHER_ROLES) do
    if low:sub(1, #p) == p then return true end
  end
  return false
end

-- "Foto: Juan Pérez", "Editor: Jane Doe": a label of another role, split
-- from its name at the colon; the piece after it names that person.
local ROLE_LABELS = {}
for _, p in ipairs(OTHER_ROLES) do
  if p:sub(-1) == ":" then ROLE_LABELS[p:sub(1, -2)] = true end
end

-- "Suleiman Al-Khalidi Reuters", "Jane Doe Associated Press": a name with
-- its agency printed after it in an element of its own, run together in the
-- text: the name, then the agency (the longest tail of at most
-- M.max_agency_words words that names one). What stays must be a full name
-- of two words or more, the last no initial: "Michael Bloomberg" and
-- "Michael R. Bloomberg" stay names.
M.max_agency_words = 4

local function split_trailing_agency(piece)
  if M.agency(piece) then return nil end
  local words = {}
  for w in piece:gmatch("%S+") do words[#words + 1] = w end
  for k = math.min(M.max_agency_words, #words - 2), 1, -1 do
    local agency = M.agency(table.concat(words, " ", #words - k + 1))
    local last = words[#words - k]
    if agency and not last:find("^%a?%.$") and not last:find("^%u$") then
      return table.concat(words, " ", 1, #words - k), agency
    end
  end
  return nil
end

-- Files one piece under names, agencies or orgs (repeats once).
local function add_piece(r, piece, orgs, seen)
  local head, agency = split_trailing_agency(piece)
  if head then
    add_piece(r, head, orgs, seen)
    if not seen["agency" .. text.key(agency)] then
      seen["agency" .. text.key(agency)] = true
      r.agencies[#r.agencies + 1] = agency
    end
    return
  end
  local kind, value = classify(piece, orgs)
  local key = kind and (kind .. text.key(value))
  if kind and not seen[key] then
    seen[key] = true
    local list = r[kind == "name" and "names" or kind == "agency" and "agencies" or "orgs"]
    list[#list + 1] = value
  end
end

-- One-word pieces beside full names or the site's name are places,
-- sections or links ("Jane Doe, Washington", "El Colombiano / Contactar");
-- names in scripts without spaces are one word.
local function drop_single_words(r)
  local multi = r.orgs[1] ~= nil
  for _, n in ipairs(r.names) do if word_count(n) > 1 then multi = true end end
  if not multi then return end
  local kept = {}
  for _, n in ipairs(r.names) do
    if word_count(n) > 1 or n:find("[\227-\237]") then kept[#kept + 1] = n end
  end
  r.names = kept
end

-- "cindy mangomini": a structured author (a <meta>, JSON-LD) written all
-- in lower case, as some CMSs store display names, is still a name: its
-- words are put in title case, particles left as they are ("jan van
-- dijk" -> "Jan van Dijk"). One word ("admin", "oradmin") is a login, and
-- digits, "@" or "/" a handle or an address: those stay as they are (and
-- so are read as no name).
M.lower_name_words = { 2, 4 }

function M.lower_to_title(s)
  if type(s) ~= "string" or text.lower(s) ~= s or text.upper(s) == s or s:find("[%d@/]") then return s end
  local _, words = s:gsub("%S+", "")
  if words < M.lower_name_words[1] or words > M.lower_name_words[2] then return s end
  return (s:gsub("%S+", function(w) if not PARTICLES[w] then return text.title_case(w) end end))
end

-- The site's own name as the whole byline, before "&" or "and" split it:
-- "Mac & i" is a magazine, not a "Mac". The name, or nil.
local function names_site_whole(s, orgs)
  local whole = text.squash(s)
  local key = whole and orgs and text.key(whole)
  return key and (orgs[key] or orgs[M.squeeze(key)]) and whole or nil
end

-- Files the pieces of a byline under r's names, agencies and orgs.
local function read_pieces(r, s, orgs)
  local seen, labelled = {}, false
  for _, piece in ipairs(split_pieces(s)) do
    -- "Jane Doe, Senior Technologist, ACLU Project": what follows a job
    -- title is an affiliation, not more people
    if r.names[1] and is_job_title(piece) then break end
    if labelled then labelled = false  -- the name after "Foto:"
    elseif ROLE_LABELS[text.lower(piece)] then labelled = true
    elseif not credits_others(piece) then add_piece(r, piece, orgs, seen) end
  end
end

-- Reads one byline string. `orgs` is a set of text.key()s of organisation
-- names (the site, the publisher). Returns { names, agencies, orgs }.
function M.parse(byline, orgs)
  local r = { names = {}, agencies = {}, orgs = {} }
  local s = uninvert(scrub(byline))
  s = cut_at_date_words(s)
  s = s:gsub("%f[%w]%u+%d.*$", ""):gsub("%d.*$", "")  -- "CC7567" is a handle, "Nolan22 Dec" a glued date
  s = strip_prefixes(s)
  local site = names_site_whole(s, orgs)
  if site then
    r.orgs[1] = site
    return r
  end
  read_pieces(r, s, orgs)
  drop_single_words(r)
  return r
end

-- Authors ({name, role, url}) without repeats: one entry per person, the
-- first kept, whatever its role. Names are compared by text.key (case,
-- accents' case and punctuation ignored), and a lone surname equal to the
-- last word of a full name in the list is that person ("Mufson" beside
-- "Steven Mufson").
function M.merge_authors(list)
  local surnames = {}
  for _, a in ipairs(list) do
    local last = text.key(a.name):match(" (%S+)$")
    if last then surnames[last] = true end
  end
  local out, seen = {}, {}
  for _, a in ipairs(list) do
    local k = text.key(a.name)
    if k ~= "" and not seen[k] and (k:find(" ") or not surnames[k]) then
      seen[k] = true
      out[#out + 1] = a
    end
  end
  return out
end

return M
