-- Dates for lede.metadata: parsing through lede.core.dates, checks (Hijri,
-- future, too old), the date in a URL, and comparing instants.
local core = require "lede.core"

local M = {}

M.min_year = 1990       -- older "dates" are CMS placeholders (1970-01-01)
M.future_slack = 14 * 3600  -- a page's local day may be ahead of UTC

local function days_from_civil(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

-- Seconds since the epoch of an ISO 8601 string; a missing zone counts as UTC,
-- a missing time as noon (the middle of the day the page means).
function M.epoch(iso)
  if type(iso) ~= "string" then return nil end
  local y, mo, d = iso:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)")
  if not y then
    y, mo = iso:match("^(%d%d%d%d)%-(%d%d)")
    y, d = y or iso:match("^(%d%d%d%d)"), 1
    if not y then return nil end
  end
  local t = days_from_civil(tonumber(y), tonumber(mo) or 1, tonumber(d)) * 86400
  local h, mi, s = iso:match("T(%d%d):(%d%d):?(%d*)")
  if not h then return t + 12 * 3600 end
  t = t + tonumber(h) * 3600 + tonumber(mi) * 60 + (tonumber(s) or 0)
  local sign, zh, zm = iso:match("([+-])(%d%d):?(%d%d)$")
  if sign then t = t - (sign == "+" and 1 or -1) * (tonumber(zh) * 3600 + tonumber(zm) * 60) end
  return t
end

-- ---- parsing --------------------------------------------------------------------

local PRECISION = { [4] = "year", [7] = "month", [10] = "day" }

-- Stopgap while lede.core.dates is not built in: ISO 8601 only.
local function parse_iso(s)
  local date = s:match("^%s*(%d%d%d%d%-%d%d%-%d%d)")
  if not date then return nil, "not an ISO 8601 date" end
  local rest = s:match("^%s*%d%d%d%d%-%d%d%-%d%d(.*)$")
  local h, mi, sec = rest:match("^[T ](%d%d):(%d%d):?(%d*)")
  if not h then return { iso = date, precision = "day" } end
  local iso = string.format("%sT%s:%s:%s", date, h, mi, sec ~= "" and sec or "00")
  local z = rest:match("([Zz])%s*$") and "+00:00"
  local sign, zh, zm = rest:match("([+-])(%d%d):?(%d%d)%s*$")
  if sign then z = sign .. zh .. ":" .. zm end
  return { iso = iso .. (z or ""), precision = sec ~= "" and "second" or "minute", tz = z }
end

local function unix_time(s)
  local digits = s:match("^%s*(%d+)%s*$")
  if not digits or (#digits ~= 10 and #digits ~= 13) then return nil end
  local t = tonumber(digits) // (#digits == 13 and 1000 or 1)
  return { iso = os.date("!%Y-%m-%dT%H:%M:%S+00:00", t), precision = "second", tz = "+00:00" }
end

-- ---- forms lede.core.dates does not read (yet: they belong in dates.c) -----
-- Chinese/Japanese 年月日, year-last Date.toString(), Cyrillic month names.

local CJK_TIME = { "(%d%d?)時(%d%d)", "(%d%d?)时(%d%d)", "(%d%d?):(%d%d)" }

-- "2019年04月21日 12時00分" -> "2019-04-21 12:00".
local function cjk(s)
  local y, mo, d, rest = s:match("(%d%d%d%d)%s*年%s*(%d%d?)%s*月%s*(%d%d?)%s*日(.*)")
  if not y then return nil end
  local out = string.format("%s-%02d-%02d", y, tonumber(mo), tonumber(d))
  for _, p in ipairs(CJK_TIME) do
    local h, mi = rest:match(p)
    if h then return out .. string.format(" %02d:%s", tonumber(h), mi) end
  end
  return out
end

-- JavaScript's Date.toString() and C's asctime(), year last:
-- "Mon Aug 03 12:45:00 EDT 2015" -> "Aug 03, 2015 12:45:00 EDT".
local function year_last(s)
  local mon, day, time, zone, year = s:match("^%s*%a%a%a,? (%a%a%a) (%d%d?) (%d%d?:%d%d:?%d*) (%S+) (%d%d%d%d)%s*$")
  if mon then return string.format("%s %s, %s %s %s", mon, day, year, time, zone) end
  mon, day, time, year = s:match("^%s*%a%a%a,? (%a%a%a) +(%d%d?) (%d%d?:%d%d:?%d*) (%d%d%d%d)%s*$")
  if mon then return string.format("%s %s, %s %s", mon, day, year, time) end
  return nil
end

-- Russian and Ukrainian month names (genitive, as dates write them) in
-- English: "15 августа 2016, 13:43" -> "15 August 2016, 13:43".
local CYRILLIC_MONTHS = {
  { "January", "января", "січня" }, { "February", "февраля", "лютого" }, { "March", "марта", "березня" },
  { "April", "апреля", "квітня" }, { "May", "мая", "травня" }, { "June", "июня", "червня" },
  { "July", "июля", "липня" }, { "August", "августа", "серпня" }, { "September", "сентября", "вересня" },
  { "October", "октября", "жовтня" }, { "November", "ноября", "листопада" },
  { "December", "декабря", "грудня" },
}

local function cyrillic(s)
  if not s:find("[\208\209]") then return nil end  -- no Cyrillic letters
  for _, m in ipairs(CYRILLIC_MONTHS) do
    for i = 2, #m do
      local a, b = s:find(m[i], 1, true)
      if a then return s:sub(1, a - 1) .. m[1] .. s:sub(b + 1) end
    end
  end
  return nil
end

function M.normalise(s)
  return cjk(s) or year_last(s) or cyrillic(s) or s
end

-- Parses `s`; opts = { lang, dayfirst, now, limit }. Returns the parse result of
-- lede.core.dates ({ iso, precision, hijri, ... }) or nil, why.
function M.parse(s, opts)
  if type(s) ~= "string" or not s:find("%d") then return nil, "no digits" end
  local r = unix_time(s)
  if r then return r end
  s = M.normalise(s)
  local lib = core.dates
  if type(lib) == "table" and type(lib.parse) == "function" then
    local ok, res, err = pcall(lib.parse, s, opts and { lang = opts.lang, dayfirst = opts.dayfirst, now = opts.now })
    if not ok then return nil, tostring(res) end
    return res, err
  end
  return parse_iso(s)
end

local function precision_of(r)
  if type(r.precision) == "string" then return r.precision end
  return PRECISION[#r.iso] or (r.iso:find("T%d%d:%d%d:%d%d") and "second" or "minute")
end

-- A date the article can carry: { iso, precision, epoch }, or nil and why.
function M.check(s, opts)
  local r, err = M.parse(s, opts)
  if not r then return nil, err or "no date" end
  if r.hijri then return nil, "a Hijri date" end
  if type(r.iso) ~= "string" or r.iso == "" then return nil, "no Gregorian date" end
  local year = tonumber(r.iso:sub(1, 4))
  if not year or year < M.min_year then return nil, "before " .. M.min_year end
  local t = M.epoch(r.iso)
  local now = opts and (opts.limit or opts.now) or os.time()
  if t and t > now + M.future_slack then return nil, "in the future" end
  return { iso = r.iso, precision = precision_of(r), epoch = t }
end

-- ---- the page's time zone ------------------------------------------------------

local ISO_ZONED = "(%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%d)([+-]%d%d):?(%d%d)"

-- Is this ISO string in UTC ("Z", "+00:00")?
function M.is_utc(iso)
  return type(iso) == "string" and (iso:find("[+-]00:?00$") ~= nil or iso:find("Z$") ~= nil)
end

-- The offset (minutes east of UTC, not 0) under which one of the texts
-- writes the instant `t`: a page's data layer often gives the local time
-- ("2020-02-24T21:25:54-05:00") where its metadata gives UTC.
local ISO_ZONED_AT = "^" .. ISO_ZONED

-- The offset of a stamp at byte i of s that writes the instant t, or nil.
local function offset_at(s, i, t)
  local stamp, h, m = s:match(ISO_ZONED_AT, i)
  if not stamp then return nil end
  local off = tonumber(h) * 60 + (h:sub(1, 1) == "-" and -1 or 1) * tonumber(m)
  if off ~= 0 and M.epoch(stamp .. h .. ":" .. m) == t then return off end
  return nil
end

function M.local_offset(t, texts)
  -- the local day is within a day of UTC's: look only where those years are
  -- written (scripts are long; a pattern tried at every byte is slow)
  local years = { os.date("!%Y-", t - 86400), os.date("!%Y-", t + 86400) }
  if years[1] == years[2] then years[2] = nil end
  for _, s in ipairs(texts) do
    for _, y in ipairs(years) do
      local init = 1
      while true do
        local i = s:find(y, init, true)
        if not i then break end
        local off = offset_at(s, i, t)
        if off then return off end
        init = i + 1
      end
    end
  end
  return nil
end

-- The instant t written in the offset: "2020-02-24T21:25:54-05:00".
function M.iso_at(t, offset)
  local a = math.abs(offset)
  return os.date("!%Y-%m-%dT%H:%M:%S", t + offset * 60) ..
    string.format("%s%02d:%02d", offset < 0 and "-" or "+", a // 60, a % 60)
end

-- ---- the URL ----------------------------------------------------------------------

-- /2019/01/10/, /2019-01-10-, /20190110/ in a URL's path.
local URL_PATTERNS = {
  "[/_%-](%d%d%d%d)/(%d%d?)/(%d%d?)[/_%-.]", "[/_%-](%d%d%d%d)%-(%d%d)%-(%d%d)[/_%-.]",
  "/(%d%d%d%d)(%d%d)(%d%d)[/_%-.]", "[/_%-](%d%d%d%d)_(%d%d)_(%d%d)[/_%-.]",
}

local MONTHS = { jan = 1, feb = 2, mar = 3, apr = 4, may = 5, jun = 6, jul = 7, aug = 8, sep = 9,
  oct = 10, nov = 11, dec = 12 }

-- /2016/nov/29/ (The Guardian's form).
local function month_name_date(path)
  local y, mon, d = path:lower():match("/(%d%d%d%d)/(%a%a%a)/(%d%d?)/")
  if y and MONTHS[mon] then return y, MONTHS[mon], d end
  return nil
end

function M.from_url(url)
  if type(url) ~= "string" then return nil end
  local path = (url:match("^%a[%w+.-]*://[^/]*(/[^?#]*)") or url:match("^(/[^?#]*)") or "") .. "/"
  for _, p in ipairs(URL_PATTERNS) do
    local y, m, d = path:match(p)
    if not y and p == URL_PATTERNS[#URL_PATTERNS] then y, m, d = month_name_date(path) end
    y, m, d = tonumber(y), tonumber(m), tonumber(d)
    if y and y >= M.min_year and y <= 2100 and m >= 1 and m <= 12 and d >= 1 and d <= 31 then
      return string.format("%04d-%02d-%02d", y, m, d)
    end
  end
  return nil
end

return M
