-- Wire credits, datelines and byline roles as data.
--
-- The C scanners (lede.core.scan) recognise a dateline at the start of the
-- first paragraphs and credits at the end of the last ones; this module
-- decides where to look, reads bylines, role lines ("Reporting by …; Editing
-- by …") and contributor lines, and applies the policy:
--   keep  (default) text as published, credits recorded (kept = true)
--   field credit lines and the dateline prefix removed from text, recorded
--   drop  removed from text, not recorded
local core = require "lede.core"
local agencies = require "lede.agencies"
local names = require "lede.names"
local people = require "lede.metadata.people"
local split_paragraphs = require("lede.metadata.text").paragraphs

local M = {}

M.LOCAL_BLOCKS = 2  -- paragraphs searched for a dateline without an agency
M.FIRST_BLOCKS = 6  -- paragraphs searched for an agency dateline (captions may come first)
M.TAIL_BLOCKS = 6   -- paragraphs searched for credits, from the end
M.TAIL_LABELS = 10  -- labels and teaser titles below the story passed over on the way

-- Credit kinds that make the whole story agency copy; "inputs" ("With
-- inputs from PTI", "Con información de EFE") says only part of it is.
local SYNDICATING = { dash = true, paren = true, alone = true, source = true, copyright = true,
  report = true, inputs = false }

local compiled_cache = setmetatable({}, { __mode = "k" })

-- The agency list for a page: the shipped table plus a filter's additions.
function M.table_for(extra)
  if not extra or #extra == 0 then return agencies.list end
  local list = table.move(agencies.list, 1, #agencies.list, 1, {})
  for _, a in ipairs(extra) do list[#list + 1] = a end
  return list
end

function M.compile(list)
  local m = compiled_cache[list]
  if not m then
    m = core.scan.compile(list)
    compiled_cache[list] = m
  end
  return m
end

-- ---- bylines ---------------------------------------------------------------

-- Words that join an agency to the site's own staff: the story is partly theirs.
local PARTIAL_JOINS = { with = true, avec = true, con = true, mit = true, com = true, ["and"] = true,
  ["&"] = true, y = true, et = true, und = true, e = true }

-- "By Jane Doe and John Roe, Reuters" -> authors {Jane Doe, John Roe}, the
-- agencies named, and whether the agency shares the byline with site staff
-- ("Daily Sabah with AA", "By AFP and Gazette staff").
function M.parse_byline(s, list)
  list = list or agencies.list
  local m = M.compile(list)
  s = names.strip_prefix(s)
  local place_cut = s:find("%s[|]%s")  -- "EFE | Lima": a place follows the bar
  if place_cut then s = s:sub(1, place_cut - 1) end
  local found, pieces, last, partial = {}, {}, 1, false
  for _, hit in ipairs(m:find(s, true)) do
    found[#found + 1] = list[hit.agency].name
    pieces[#pieces + 1] = s:sub(last, hit.start - 1)
    last = hit["end"] + 1
    local before = s:sub(1, hit.start - 1):lower():match("(%S+)%s*$")
    local after = s:sub(hit["end"] + 1):lower():match("^%s*(%S+)")
    partial = partial or PARTIAL_JOINS[before or ""] or PARTIAL_JOINS[after or ""] or false
  end
  pieces[#pieces + 1] = s:sub(last)
  local authors = {}
  for _, piece in ipairs(pieces) do
    for _, name in ipairs(names.split(piece, #found > 0)) do
      authors[#authors + 1] = { name = name, role = "byline" }
    end
  end
  return authors, found, partial
end

-- ---- role and contributor lines -------------------------------------------

-- Phrases that introduce people with a role, in the languages of the wires.
local ROLE_PHRASES = {
  { "additional reporting by", "additional" }, { "with assistance from", "additional" },
  { "reporting by", "reporting" }, { "reported by", "reporting" }, { "bericht von", "reporting" },
  { "reporte de", "reporting" }, { "reportage", "reporting" }, { "writing by", "writing" },
  { "written by", "writing" }, { "rédigé par", "writing" }, { "editing by", "editing" },
  { "edited by", "editing" }, { "redigiert von", "editing" }, { "édité par", "editing" },
  { "editado en español por", "editing" }, { "editado por", "editing" },
  { "compiled by", "compiled" },
}

-- Positions of role phrases in a line, in order: { {from, to, role}, ... }.
local function role_marks(line)
  local low, marks, taken = line:lower(), {}, {}
  for _, r in ipairs(ROLE_PHRASES) do
    local init = 1
    while true do
      local a, b = low:find(r[1], init, true)
      if not a then break end
      if not taken[a] and (a == 1 or low:sub(a - 1, a - 1):match("[%s%(;,—%-]")) then
        for k = a, b do taken[k] = true end
        marks[#marks + 1] = { a, b, r[2] }
      end
      init = b + 1
    end
  end
  table.sort(marks, function(x, y) return x[1] < y[1] end)
  return marks
end

-- "Reporting by X and Y; Editing by Z" -> { {name, role}, ... } or nil. The
-- line must start with a role phrase (after an opening bracket or dash).
function M.parse_roles(line)
  local marks = role_marks(line)
  if #marks == 0 or line:sub(1, marks[1][1] - 1):find("[%w]") then return nil end
  local found = {}
  for i, mk in ipairs(marks) do
    local stop = marks[i + 1] and marks[i + 1][1] - 1 or #line
    local chunk = line:sub(mk[2] + 1, stop):gsub("^[%s:]+", "")
    chunk = chunk:match("^(.-)%.%s") or chunk  -- contact text after the names
    for _, n in ipairs(names.split(chunk, false)) do found[#found + 1] = { name = n, role = mk[3] } end
  end
  return #found > 0 and found or nil
end

-- The wording of a wire's own role lines: the nominal forms ("Reporting by",
-- "Editing by") rather than a site's "Written by … Edited by …". A line with
-- one phrase of each kind is in house style.
local HOUSE_EDITING = { ["editing by"] = true, ["redigiert von"] = true, ["édité par"] = true,
  ["editado en español por"] = true }
local HOUSE_REPORTING = { ["reporting by"] = true, ["additional reporting by"] = true,
  ["writing by"] = true, ["compiled by"] = true, ["bericht von"] = true, ["reportage"] = true,
  ["reporte de"] = true, ["rédigé par"] = true }

-- "(Reporting by X; Editing by Y)": a role line in the house style of the
-- agency marked house_roles in the table (Reuters).
local function house_style(line)
  if not M.parse_roles(line) then return false end
  local low, editing, reporting = line:lower(), false, false
  for _, mk in ipairs(role_marks(line)) do
    local phrase = low:sub(mk[1], mk[2])
    editing = editing or HOUSE_EDITING[phrase] or false
    reporting = reporting or HOUSE_REPORTING[phrase] or false
  end
  return editing and reporting
end

local function house_agency(list)
  for _, a in ipairs(list) do
    if a.house_roles then return a.name end
  end
  return nil
end

local CONTRIBUTED = { "contributed", "contribuyó", "contribuiu", "contribué", "beigetragen" }

-- "Associated Press writer Jane Doe contributed to this report." and its
-- Spanish form: the agency (an end credit) and the people (additional).
local function contributor_line(m, list, p)
  local low, cut = p:lower(), nil
  for _, w in ipairs(CONTRIBUTED) do
    cut = low:find(w, 1, true)
    if cut then break end
  end
  if not cut then return nil end
  local who = p:sub(1, cut - 1)
  local hit = m:find(who, false)[1]
  if not hit then return nil end
  local people = who:sub(hit["end"] + 1)
  return { agency = list[hit.agency].name, authors = names.split(names.strip_title(people), false) }
end

-- ---- the scan ----------------------------------------------------------------

-- What may stand above a dateline: slideshow counters, photo captions, credits.
local function caption_like(p)
  return #p < 60 or p:find("^%d+%s*/%s*%d+") or p:find("^FILE") or p:lower():find("photo", 1, true)
    or p:lower():find("image", 1, true) or p:find("^In this ")
end

-- Compared without spaces, punctuation, case and the permalink marks some
-- pages print after a heading ("¶", "§").
local function fold(s) return (s:gsub("[%s%p]", ""):gsub("\194[\182\167]", ""):lower()) end

-- The headline, printed above the body or as its first line, is never a
-- dateline ("Coronavirus: New York ramps up mass burials"); it is skipped
-- and does not count as one of the paragraphs searched. Returns the index
-- in paras of the dateline's paragraph.
local function find_dateline(m, list, paras, title)
  local headline = title and fold(title)
  local searched = 0
  for i = 1, #paras do
    if searched >= M.FIRST_BLOCKS then return nil end
    if #paras[i] > 1000 or fold(paras[i]) ~= headline then  -- a headline is short
      searched = searched + 1
      local d = m:dateline(paras[i])
      if d and (d.agency or searched <= M.LOCAL_BLOCKS) then
        return i, {
          text = d.text, places = d.places, region = d.region, date = d.date,
          agency = d.agency and list[d.agency].name, relay = d.relay and list[d.relay].name,
        }, d.len
      end
      if searched >= M.LOCAL_BLOCKS and not caption_like(paras[i]) then return nil end
    end
  end
  return nil
end

local function single_line(p) return not p:find("\n", 1, true) end

-- A short line that is not a sentence: a label or a heading after the story
-- ("Nachfolgendes VIDEO zeigt …:", "More on this topic"), or the title of a
-- teaser ("Diess setzt auf Big Data: \"Letzte Chance\""): a closing quotation
-- mark ends a sentence only after its full stop.
local CLOSING_QUOTES = { '"', "”", "»", "“", "'", "’" }
local function trailing_label(p)
  if #p >= 160 or not single_line(p) then return false end
  local s = p:gsub("%s+$", "")
  for _, q in ipairs(CLOSING_QUOTES) do
    if s:sub(-#q) == q then s = s:sub(1, -#q - 1); break end
  end
  return not s:find("[%.!?)]$")
end

-- A credit that is the whole last line of a paragraph set with <br> ("…
-- Services Act, 2020.\n(With inputs from PTI)"), placed in the paragraph;
-- nil if none.
local function last_line_credit(m, p)
  local at = p:match(".*()\n")
  local c = at and m:closing(p:sub(at + 1))
  if not c or c.start ~= 1 then return nil end
  c.start = at + 1
  return c
end

-- Credits at the tail of the story, last paragraph first: whole-paragraph
-- credits and role lines may stack up; a paragraph of prose ends the tail
-- (after its own trailing credit, if any). Labels and teaser titles below the
-- story ("Lesen Sie auch", then five headlines) do not use up TAIL_BLOCKS.
local function tail_credits(m, list, paras, first)
  local found, labels = {}, 0
  for i = #paras, first, -1 do
    if #paras - i + 1 - labels > M.TAIL_BLOCKS then break end
    local p = paras[i]
    local c
    if single_line(p) then c = m:closing(p) else c = last_line_credit(m, p) end
    if not c and #found == 0 and labels < M.TAIL_LABELS and trailing_label(p) then
      labels = labels + 1
    elseif c then
      local agencies_named = {}
      for _, id in ipairs(c.agencies) do agencies_named[#agencies_named + 1] = list[id].name end
      table.insert(found, 1, { index = i, start = c.start, text = c.text, kind = c.kind,
        agencies = agencies_named })
      if c.start > 1 then break end
    elseif not (M.parse_roles(p) or contributor_line(m, list, p)) then
      break
    end
  end
  return found
end

M.LEAD_BLOCKS = 4  -- short lines above the story searched for bylines and source lines

-- "Fatima Hussein, The Associated Press": names, a comma, then an agency's
-- full name ending the line.
local function agency_signed(m, p)
  if #p > 100 or p:find("[%.!?]%s") then return false end
  local hits = m:find(p, false)
  local last = hits[#hits]
  return last ~= nil and last["end"] == #p and p:sub(1, last.start - 1):find(",%s*$") ~= nil
    and p:sub(1, last.start - 1):find("%u%l") ~= nil
end

-- Short lines that open a body: "EFE", "Quelle: dpa-AFX", "Von David Hutzler,
-- dpa", "Par AFP publié le 26/12/2020". Returns their credits and bylines and
-- the index of the first paragraph of the story proper.
local function opening_lines(m, list, paras)
  local found = {}
  local i = 1
  while i <= math.min(M.LEAD_BLOCKS, #paras - 1) do
    local p = paras[i]
    if #p > 160 or not single_line(p) then break end
    if names.has_prefix(p) or agency_signed(m, p) then
      found[#found + 1] = { byline = p }
    else
      local c = m:closing(p)
      if not (c and c.start == 1) then break end
      local named = {}
      for _, id in ipairs(c.agencies) do named[#named + 1] = list[id].name end
      found[#found + 1] = { text = c.text, kind = c.kind, agencies = named, index = i }
    end
    i = i + 1
  end
  return found, i
end

-- ---- applying ----------------------------------------------------------------

local function recorder()
  local r = { wire = {}, seen = {}, authors = {}, syndicated = nil }
  function r.add(agency, where, text, kept)
    local key = agency .. "\0" .. where
    if r.seen[key] then return end
    r.seen[key] = true
    r.wire[#r.wire + 1] = { agency = agency, where = where, text = text, kept = kept }
  end
  function r.syndicate(agency) r.syndicated = r.syndicated or agency end
  return r
end

local function apply_byline(r, text, list)
  local people, found, partial = M.parse_byline(text, list)
  for _, a in ipairs(people) do r.authors[#r.authors + 1] = a end
  for _, agency in ipairs(found) do
    r.add(agency, "byline", text, true)
    if not partial then r.syndicate(agency) end
  end
end

local function strip_tail(paras, c)
  paras[c.index] = paras[c.index]:sub(1, c.start - 1):gsub("%s+$", "")
end

-- The same credits removed from a rendered form (Markdown): the dateline's
-- first occurrence, the credits' last ones.
function M.strip_rendered(s, dateline, credits, opening)
  local function cut(from, to) s = s:sub(1, from - 1) .. s:sub(to + 1) end
  if dateline then
    local a, b = s:find(dateline.text, 1, true)
    if a then cut(a, (s:find("%S", b + 1) or b + 1) - 1) end
  end
  for _, o in ipairs(opening) do
    local a, b = o.text and s:find(o.text, 1, true)
    if a then cut(a, b) end
  end
  for _, c in ipairs(credits) do
    local a, b, last = nil, nil, 1
    while true do
      local x, y = s:find(c.text, last, true)
      if not x then break end
      a, b, last = x, y, y + 1
    end
    if a then cut(a, b) end
  end
  return (s:gsub("%s+$", ""))
end

-- Finds credits in article.text and applies the policy; fills article.dateline,
-- article.wire, article.syndicated and the authors' roles. ctx.byline_text is
-- the page's byline; ctx.byline_credits are agencies metadata found in it.
function M.apply(article, ctx)
  local policy = (ctx.opts and ctx.opts.wire) or (ctx.filter and ctx.filter.wire) or "keep"
  local keep = policy == "keep"
  local list = M.table_for(ctx.agencies)
  local m = M.compile(list)
  local paras = split_paragraphs(article.text or "")
  local r = recorder()
  -- Authors from the page's metadata may be agencies ("AFP", "Jane Doe, Reuters"):
  -- an agency is never an author, it becomes a byline credit.
  for _, a in ipairs(article.authors or {}) do
    local people, found, partial = M.parse_byline(a.name, list)
    if #found == 0 then
      r.authors[#r.authors + 1] = a
    else
      for _, p in ipairs(people) do r.authors[#r.authors + 1] = { name = p.name, role = a.role or "byline", url = a.url } end
      for _, agency in ipairs(found) do
        r.add(agency, "byline", a.name, true)
        if not partial then r.syndicate(agency) end
      end
    end
  end
  if ctx.byline_text then apply_byline(r, ctx.byline_text, list) end
  for _, b in ipairs(ctx.byline_credits or {}) do r.add(b.agency, "byline", b.text, true); r.syndicate(b.agency) end
  local opening, first = opening_lines(m, list, paras)
  for _, o in ipairs(opening) do
    if o.byline then
      apply_byline(r, o.byline, list)
    else
      for _, agency in ipairs(o.agencies) do r.add(agency, "start", o.text, keep) end
      if SYNDICATING[o.kind] then r.syndicate(o.agencies[1]) end
      if not keep then paras[o.index] = "" end
    end
  end
  -- only the first blocks can hold the dateline: never unpack a whole long text
  local di, dateline, dlen = find_dateline(m, list,
    { table.unpack(paras, first, math.min(#paras, first + M.FIRST_BLOCKS)) }, article.title)
  if dateline then
    di = di + first - 1
    if dateline.relay then r.add(dateline.relay, "dateline", dateline.text, keep) end
    if dateline.agency then
      r.add(dateline.agency, "dateline", dateline.text, keep)
      r.syndicate(dateline.agency)
    end
    if not keep then paras[di] = paras[di]:sub(dlen + 1) end
  end
  local credits = tail_credits(m, list, paras, math.min(#paras, (di or first) + 1))
  for _, c in ipairs(credits) do
    for _, agency in ipairs(c.agencies) do r.add(agency, "end", c.text, keep) end
    if SYNDICATING[c.kind] then r.syndicate(c.agencies[1]) end
  end
  local house
  for i = math.max(1, #paras - M.TAIL_BLOCKS + 1), #paras do
    local roles = M.parse_roles(paras[i])
    if roles then
      for _, a in ipairs(roles) do r.authors[#r.authors + 1] = a end
      house = house or (house_style(paras[i]) and paras[i]) or nil
    else
      local c = contributor_line(m, list, paras[i])
      if c then
        r.add(c.agency, "end", paras[i], keep)
        for _, n in ipairs(c.authors) do r.authors[#r.authors + 1] = { name = n, role = "additional" } end
      end
    end
  end
  -- Role lines are not credits, except the one trace left of a wire story
  -- whose paper cut "(Reuters)" from the dateline; the line stays in the text.
  local house_name = house and #r.wire == 0 and house_agency(list)
  if house_name then
    r.add(house_name, "end", house, true)
    r.syndicate(house_name)
  end
  if not keep then
    for k = #credits, 1, -1 do strip_tail(paras, credits[k]) end
  end
  if not keep and article.markdown then
    article.markdown = M.strip_rendered(article.markdown, dateline, credits, opening)
  end
  if not keep then  -- with keep the text is as published: no copy of it is made
    local kept = {}
    for _, p in ipairs(paras) do if p:match("%S") then kept[#kept + 1] = p end end
    article.text = table.concat(kept, "\n\n")
  end
  if policy == "drop" then return end
  article.dateline = dateline
  article.wire = r.wire
  article.authors = people.merge_authors(r.authors)  -- one entry per person
  article.syndicated = r.syndicated and { agency = r.syndicated } or nil
end

return M
