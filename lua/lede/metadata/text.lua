-- Small string helpers for lede.metadata: white space, entities, letter case
-- beyond ASCII, comparison keys, URL resolution.
local core = require "lede.core"

local M = {}

-- Unicode spaces that HTML text and JSON-LD carry (U+00A0, U+2002, U+2003,
-- U+2009, U+200A, U+200B, U+202F, U+3000) become spaces, runs of white space
-- one space, the ends are trimmed; nil when nothing is left. In C
-- (core.squash): metadata squashes tens of thousands of strings a corpus,
-- and most come back unchanged, without a copy.
local core_squash = core.squash
function M.squash(s)
  if type(s) ~= "string" then return nil end
  return core_squash(s)
end

-- Like squash, but line breaks (between blocks) stay, one per run.
function M.squash_lines(s)
  if type(s) ~= "string" then return nil end
  local lines = {}
  for line in s:gmatch("[^\n]+") do lines[#lines + 1] = M.squash(line) end  -- blank lines give nil
  return #lines > 0 and table.concat(lines, "\n") or nil
end

local NAMED = { amp = "&", lt = "<", gt = ">", quot = '"', apos = "'", nbsp = " ", rsquo = "’",
  lsquo = "‘", rdquo = "”", ldquo = "“", ndash = "–", mdash = "—", hellip = "…", laquo = "«",
  raquo = "»" }

local function entity(name)
  local hex = name:match("^#[xX](%x+)$")
  local dec = name:match("^#(%d+)$")
  local cp = hex and tonumber(hex, 16) or dec and tonumber(dec)
  if cp then
    if cp > 0 and cp < 0x110000 and not (cp >= 0xD800 and cp < 0xE000) then return utf8.char(cp) end
    return nil
  end
  return NAMED[name]
end

-- JSON-LD strings often hold HTML entities ("&#8217;", "&amp;") and tags.
function M.decode(s)
  if type(s) ~= "string" then return nil end
  if s:find("<", 1, true) then s = s:gsub("<[^>]*>", "") end
  for _ = 1, 2 do  -- "&amp;#8217;" is double-encoded
    if not s:find("&", 1, true) then break end
    s = s:gsub("&(#?[%w]+);", function(n) return entity(n) end)
  end
  return M.squash(s)
end

-- ---- letter case beyond ASCII (Latin-1, Latin Extended-A, Greek, Cyrillic) ----

local function lower_cp(c)
  if c < 128 then return (c >= 65 and c <= 90) and c + 32 or c end
  if c >= 0xC0 and c <= 0xDE and c ~= 0xD7 then return c + 32 end
  if (c >= 0x100 and c <= 0x137) or (c >= 0x14A and c <= 0x177) then return c | 1 end
  if (c >= 0x139 and c <= 0x148) or (c >= 0x179 and c <= 0x17E) then return c % 2 == 1 and c + 1 or c end
  if c >= 0x391 and c <= 0x3A9 then return c + 32 end
  if c >= 0x410 and c <= 0x42F then return c + 32 end
  if c >= 0x400 and c <= 0x40F then return c + 80 end
  return c
end

local function upper_cp(c)
  if c < 128 then return (c >= 97 and c <= 122) and c - 32 or c end
  if c >= 0xE0 and c <= 0xFE and c ~= 0xF7 then return c - 32 end
  if (c >= 0x100 and c <= 0x137) or (c >= 0x14A and c <= 0x177) then return c & ~1 end
  if (c >= 0x139 and c <= 0x148) or (c >= 0x179 and c <= 0x17E) then return c % 2 == 0 and c - 1 or c end
  if c >= 0x3B1 and c <= 0x3C9 and c ~= 0x3C2 then return c - 32 end
  if c >= 0x430 and c <= 0x44F then return c - 32 end
  if c >= 0x450 and c <= 0x45F then return c - 80 end
  return c
end

-- Every letter with a case outside ASCII is written in two bytes; each
-- such character is mapped once and remembered.
local function map_two_byte(f, ascii)
  local memo = {}
  local function one(ch)
    local r = memo[ch]
    if not r then
      r = utf8.char(f(utf8.codepoint(ch)))
      memo[ch] = r
    end
    return r
  end
  return function(s)
    s = ascii(s)
    if not s:find("[\192-\223]") or not utf8.len(s) then return s end
    return (s:gsub("[\192-\223][\128-\191]", one))
  end
end

M.lower = map_two_byte(lower_cp, string.lower)
M.upper = map_two_byte(upper_cp, string.upper)

-- Letters, and no lowercase letter: "JANE DOE", "PELÁEZ".
function M.is_all_caps(s)
  if not s:find("%a") then return false end
  return M.upper(s) == s and M.lower(s) ~= s
end

-- "JANE O'MAHONY-LEE" -> "Jane O'Mahony-Lee".
function M.title_case(s)
  local out, start = {}, true
  if not utf8.len(s) then return s end
  for _, c in utf8.codes(s) do
    local ch = utf8.char(c)
    out[#out + 1] = utf8.char(start and upper_cp(c) or lower_cp(c))
    start = ch:find("^[%s%-'’%.]$") ~= nil
  end
  return table.concat(out)
end

-- ---- comparison keys ----------------------------------------------------------

local PUNCT_UTF8 = {}
for _, p in ipairs { "‘", "’", "“", "”", "„", "«", "»", "–", "—", "…", "‹", "›", "·", "•",
  "：", "，", "。", "！", "？", "「", "」", "『", "』", "【", "】", "、" } do PUNCT_UTF8[p] = " " end

-- A key for comparing titles and names: case, punctuation and spacing ignored.
local function compute_key(s)
  s = M.lower(s)
  if s:find("[\226\227\239\194]") then s = s:gsub("[\192-\247][\128-\191]+", PUNCT_UTF8) end
  if s:find("%p") then s = s:gsub("%p", " ") end
  return M.squash(s) or ""
end

-- Metadata asks the key of the same few strings again and again (every
-- title candidate against every split of every other: about four calls
-- per distinct string), so keys are remembered; the memo is a pure
-- function's, emptied when it holds M.key_memo_max strings.
M.key_memo_max = 4096
local key_memo, key_memo_n = {}, 0

function M.key(s)
  if type(s) ~= "string" then return "" end
  local k = key_memo[s]
  if k then return k end
  k = compute_key(s)
  if key_memo_n >= M.key_memo_max then key_memo, key_memo_n = {}, 0 end
  key_memo[s], key_memo_n = k, key_memo_n + 1
  return k
end

-- ---- URLs ------------------------------------------------------------------------

-- "/a/b/../c" -> "/a/c"; a trailing "." or ".." keeps the slash.
local function remove_dots(path)
  local segs, out = {}, {}
  for seg in (path .. "/"):gmatch("([^/]*)/") do segs[#segs + 1] = seg end
  for i, seg in ipairs(segs) do
    if seg == ".." or seg == "." then
      if seg == ".." and #out > 1 then out[#out] = nil end
      if i == #segs then out[#out + 1] = "" end
    else
      out[#out + 1] = seg
    end
  end
  return table.concat(out, "/")
end

-- Resolves href against an absolute base URL (RFC 3986, the common cases).
function M.resolve(base, href)
  href = M.squash(href)
  if not href then return nil end
  if href:match("^%a[%w+.-]*:") then return href end
  local scheme, authority, path = (base or ""):match("^(%a[%w+.-]*:)//([^/?#]*)([^?#]*)")
  if not scheme then return href end
  if href:sub(1, 2) == "//" then return scheme .. href end
  local prefix = scheme .. "//" .. authority
  local first = href:sub(1, 1)
  if first == "#" then return base:gsub("#.*$", "") .. href end
  if first == "?" then return prefix .. (path ~= "" and path or "/") .. href end
  local p, rest = href:match("^([^?#]*)(.*)$")
  if first ~= "/" then p = (path:match("^(.*/)") or "/") .. p end
  return prefix .. remove_dots(p) .. rest
end

-- "www.example.co.uk" -> "example": the name a host most likely carries.
local SECOND_LEVEL = { co = true, com = true, org = true, net = true, ac = true, gov = true,
  ne = true, or_ = true, go = true, edu = true }

function M.host_stem(host)
  if not host then return nil end
  local labels = {}
  for l in host:lower():gmatch("[^.]+") do labels[#labels + 1] = l end
  if #labels < 2 then return labels[1] end
  local i = #labels - 1
  if SECOND_LEVEL[labels[i]] and #labels >= 3 then i = i - 1 end
  return labels[i]
end

-- The runs of s that match `pattern` (one run: "%S+", "[%w%-_]+"), in
-- order. string.gmatch gives the same, but each of its calls allocates
-- about 700 bytes (its match state has room for 32 captures): called on
-- every attribute value of a page, that was a quarter of extraction's
-- garbage. A value of one run, the usual case, costs one find.
function M.runs(s, pattern)
  local a, b = s:find(pattern)
  if not a then return {} end
  if b == #s and a == 1 then return { s } end
  local out = {}
  while a do
    out[#out + 1] = s:sub(a, b)
    a, b = s:find(pattern, b + 1)
  end
  return out
end

-- The paragraphs of s (split at blank lines, as the text is rendered), at
-- most max of them (all when nil), without copying the whole text: pages
-- can be tens of megabytes. "" gives { "" }.
function M.paragraphs(s, max)
  local out, at = {}, 1
  while not max or #out < max do
    local a, b = s:find("\n\n", at, true)
    out[#out + 1] = s:sub(at, (a or #s + 1) - 1)
    if not a then break end
    at = b + 1
  end
  return out
end

return M
