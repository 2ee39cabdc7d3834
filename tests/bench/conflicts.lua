-- Which of lede's misses are expectations that lede's own rules forbid it to
-- meet. The corpus gathers references from several projects, and some of
-- them keep what the issues tell lede to leave out:
--   title:      the <title> string with the site's name attached ("Mozilla -
--               Wikipedia"), where lede gives the headline ("Mozilla");
--   body_start: a photo caption or credit first, which lede moves to
--               `captions` ("Captions go to captions, not text");
--   author:     a news agency ("Agencia EFE", "dsw / DPA"), which lede
--               gives as a wire credit, never as an author. (The site's own
--               name, "BBC News", is not counted: on a personal blog the
--               site's name is the author's.)
-- Each test reads only lede's output and the expectation, so the report
-- can say how many misses are of each kind and what share lede could reach
-- at most while keeping its rules. Nothing here is per page.
return function(measure)  -- tests/bench/measure.lua, as score.lua loaded it
local M = {}

local str, norm_ws = measure.str, measure.norm_ws

-- Lower case, no punctuation or spaces: "The Verge" = "theverge".
local function squeeze(s)
  return (norm_ws(s or ""):lower():gsub("[%s%p]", ""))
end

-- What separates a headline from the site's name in a <title>: ASCII
-- spaces and marks (a byte class), and marks of more than one byte, matched
-- whole (in a byte class their bytes would cut other characters).
local ASCII_SEPARATORS = "[%s%-|:_%[%](),]"
local WIDE_SEPARATORS = { "·", "»", "\u{2013}", "\u{2014}", "\u{FF5C}", "\u{3000}", "\u{FF08}", "\u{FF09}" }

-- One separator at the start or the end of s taken off: the rest, or nil.
local function strip_one(s)
  local t = s:gsub("^" .. ASCII_SEPARATORS, "", 1):gsub(ASCII_SEPARATORS .. "$", "", 1)
  if t ~= s then return t end
  for _, w in ipairs(WIDE_SEPARATORS) do
    if s:sub(1, #w) == w then return s:sub(#w + 1) end
    if #s >= #w and s:sub(-#w) == w then return s:sub(1, -#w - 1) end
  end
  return nil
end

local function trim_separators(s)
  local t = strip_one(s)
  while t do
    s = t
    t = strip_one(s)
  end
  return s
end

-- Does `part` name the site lede reported (its `site`, or the host's stem:
-- "ehow" for www.ehow.com)? Either may hold the other ("Firefox Nightly
-- News" and "Firefox Nightly").
local function names_site(part, site, host)
  local p = squeeze(part)
  if p == "" then return false end
  local s = squeeze(site)
  if #s >= 3 and (p:find(s, 1, true) or s:find(p, 1, true)) then return true end
  local stem = host and host:lower():gsub("^www%d?%.", ""):match("^([^.]+)")
  return stem ~= nil and #stem >= 3 and p:find(stem, 1, true) ~= nil
end

-- The expected title is lede's title with a part naming the site before or
-- after it.
function M.title_keeps_site(expected, got, site, host)
  local e, g = measure.norm_title(expected or ""), measure.norm_title(got or "")
  if g == "" or e == g then return false end
  local a, b = e:find(g, 1, true)
  if not a then return false end
  local rest = trim_separators(e:sub(1, a - 1) .. " " .. e:sub(b + 1))
  return rest ~= "" and names_site(rest, site, host)
end

M.caption_tokens = 3  -- tokens of a caption that must open the expected body

-- The expected body opens with one of the captions lede kept apart.
function M.body_starts_with_caption(body_start, captions)
  local want = measure.tokens(body_start or "")
  for _, c in ipairs(type(captions) == "table" and captions or {}) do
    local have = measure.tokens(str(c) or "")
    local n = math.min(M.caption_tokens, #have)
    local same = n > 0 and #want >= n
    for i = 1, same and n or 0 do
      if have[i] ~= want[i] then same = false; break end
    end
    if same then return true end
  end
  return false
end

-- Some expected name is a news agency, alone or in a "dsw / DPA" credit.
-- agencies: the agencies' names and aliases, lower case, as keys.
function M.author_is_agency(names, agencies)
  for _, n in ipairs(names) do
    for part in (n .. "/"):gmatch("([^/]*)/") do
      if agencies[norm_ws(part):lower()] then return true end
    end
  end
  return false
end

return M
end
