-- The FiveFilters Full-Text RSS site config format: one config text -> a table
-- of directives, each with its line number, and the problems found. Pure: no
-- I/O, no XPath evaluation (lede.ftr_site loads files and turns a parsed config
-- into a filter).
--
-- The format (https://help.fivefilters.org/full-text-rss/site-patterns.html):
-- one `directive: value` per line, `#` starts a comment line, blank lines are
-- skipped; some directives take an argument, `http_header(user-agent): x`,
-- `replace_string(find): replace`, `wrap_in(tag): XPath`. List directives
-- accumulate; single-valued ones take the last value (as Full-Text RSS and
-- graby do), and a repeat is noted as a problem.
local M = {}

-- XPath-valued directives that may appear several times, tried or applied in order.
M.XPATH_LISTS = { "title", "body", "author", "date", "strip", "strip_attr", "native_ad_clue",
  "dissolve", "single_page_link", "next_page_link" }
-- Plain-string lists.
M.STRING_LISTS = { "strip_id_or_class", "strip_image_src" }
-- yes/no switches.
M.SWITCHES = { "prune", "tidy", "autodetect_on_failure", "skip_json_ld", "requires_login",
  "insert_detected_image", "convert_double_br_tags", "autodetect_next_page", "strip_comments" }
-- Single strings, kept as given.
M.SCALARS = { "src_lazy_load_attr", "parser", "login_uri", "login_username_field",
  "login_password_field", "not_logged_in_xpath" }
-- Directives of other Full-Text RSS versions that lede reads but does not apply
-- (exposed in `unsupported`, no warning): their effect is cosmetic or needs a fetch.
M.NOTED = { move_into = true, footnotes = true, skip_id_or_class = true,
  single_page_link_in_feed = true, post_strip_attr = true }

local KIND = {}
for _, k in ipairs(M.XPATH_LISTS) do KIND[k] = "xpath" end
for _, k in ipairs(M.STRING_LISTS) do KIND[k] = "string" end
for _, k in ipairs(M.SWITCHES) do KIND[k] = "switch" end
for _, k in ipairs(M.SCALARS) do KIND[k] = "scalar" end
KIND.find_string, KIND.replace_string = "find", "replace"
KIND.test_url, KIND.test_contains = "test_url", "test_contains"
KIND.if_page_contains = "condition"
KIND.login_extra_fields = "extra_field"
KIND.http_header, KIND.wrap_in = "arg", "arg"
M.KIND = KIND

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- `key(arg): value` or `key: value` -> key, arg (or nil), value; nil when
-- the line has no colon. The argument form is tried first: the argument of
-- replace_string may hold colons (`replace_string(,"value":): x`).
local function split_line(line)
  local key, arg, value = line:match("^([%w_]+)%((.-)%)%s*:%s?(.*)$")
  if key then return key, arg, value end
  key, value = line:match("^([^:]*):(.*)$")
  if not key then return nil end
  return trim(key), nil, value
end

local function new_config()
  local c = { directives = {}, problems = {}, replace = {}, tests = {}, http_header = {},
    wrap_in = {}, login = { extra_fields = {} }, unknown = {}, unsupported = {} }
  for _, k in ipairs(M.XPATH_LISTS) do c[k] = {} end
  for _, k in ipairs(M.STRING_LISTS) do c[k] = {} end
  return c
end

local function problem(c, line, msg) c.problems[#c.problems + 1] = { line = line, message = msg } end

local function yes(v) v = v:lower(); return v == "yes" or v == "true" end

-- Sets a single-valued directive; a repeat keeps the last and says so.
local function set_once(c, key, value, line, seen)
  if seen[key] then
    problem(c, line, string.format("%s repeated (line %d); the last value is used", key, seen[key]))
  end
  seen[key] = line
  c[key] = value
end

-- The handlers by kind: each files one directive into the config.
local HANDLE = {}
function HANDLE.xpath(c, d)
  local item = { xpath = d.value, line = d.line }
  table.insert(c[d.key], item)
  if d.key == "single_page_link" or d.key == "next_page_link" then c.last_link = item end
end
function HANDLE.string(c, d) table.insert(c[d.key], { value = d.value, line = d.line }) end
function HANDLE.switch(c, d, seen) set_once(c, d.key, yes(d.value), d.line, seen) end
function HANDLE.scalar(c, d, seen) set_once(c, d.key, d.value, d.line, seen) end
function HANDLE.find(c, d) c.finds[#c.finds + 1] = d end
function HANDLE.replace(c, d)
  if d.arg then  -- replace_string(find): replace
    c.replace[#c.replace + 1] = { find = d.arg, replace = d.value, line = d.line }
  else
    c.replaces[#c.replaces + 1] = d
  end
end
function HANDLE.test_url(c, d) c.tests[#c.tests + 1] = { url = d.value, contains = {}, line = d.line } end
function HANDLE.test_contains(c, d)
  local t = c.tests[#c.tests]
  if not t then return problem(c, d.line, "test_contains before any test_url") end
  t.contains[#t.contains + 1] = d.value
end
function HANDLE.condition(c, d)
  if not c.last_link then
    return problem(c, d.line, "if_page_contains without a single_page_link or next_page_link before it")
  end
  c.last_link.if_page_contains, c.last_link.if_line = d.value, d.line
end
function HANDLE.extra_field(c, d)
  local k, v = d.value:match("^([^=]+)=(.*)$")
  if not k then return problem(c, d.line, "login_extra_fields: name=value expected") end
  c.login.extra_fields[trim(k)] = trim(v)
end
function HANDLE.arg(c, d)
  if not d.arg or d.arg == "" then
    return problem(c, d.line, d.key .. " needs an argument: " .. d.key .. "(x): value")
  end
  if d.key == "http_header" then c.http_header[d.arg:lower()] = d.value
  else c.wrap_in[#c.wrap_in + 1] = { tag = trim(d.arg):lower(), xpath = d.value, line = d.line } end
end

-- find_string/replace_string lines pair by position, as Full-Text RSS pairs
-- them; with unequal counts it applies none, and so does lede.
local function pair_replacements(c)
  if #c.finds ~= #c.replaces then
    problem(c, (c.finds[1] or c.replaces[1]).line, string.format(
      "%d find_string and %d replace_string lines: these replacements are ignored", #c.finds, #c.replaces))
  else
    for i, f in ipairs(c.finds) do
      c.replace[#c.replace + 1] = { find = f.value, replace = c.replaces[i].value, line = f.line }
    end
  end
  table.sort(c.replace, function(a, b) return a.line < b.line end)
  c.finds, c.replaces, c.last_link = nil, nil, nil
end

-- Parses the text of one site config. Never raises on content: malformed
-- lines and unknown directives are recorded (`problems`, `unknown`).
function M.parse(text)
  if type(text) ~= "string" then error("ftr.parse: string expected, got " .. type(text), 2) end
  local c, seen = new_config(), {}
  c.finds, c.replaces = {}, {}
  local n = 0
  for raw in (text .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    local line = trim(raw:gsub("\r$", ""))
    if n == 1 then line = line:gsub("^\239\187\191", "") end  -- a UTF-8 byte order mark
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local key, arg, value = split_line(line)
      if not key or key == "" or not key:match("^[%w_]+$") then
        problem(c, n, "not a directive (directive: value expected): " .. line:sub(1, 80))
      else
        local d = { key = key, arg = arg, value = trim(value), line = n }
        c.directives[#c.directives + 1] = d
        local kind = KIND[key]
        if d.value == "" and kind ~= "find" and kind ~= "replace" then
          problem(c, n, key .. " has no value")
        elseif kind then
          HANDLE[kind](c, d, seen)
        elseif M.NOTED[key] then
          c.unsupported[#c.unsupported + 1] = d
        else
          c.unknown[#c.unknown + 1] = d
        end
      end
    end
  end
  pair_replacements(c)
  c.lines = seen  -- the line of each single-valued directive
  return c
end

-- Every XPath of a config: { {key =, xpath =, line =}, ... } in line order
-- (`lede filters check-ftr` compiles them all).
function M.xpaths(c)
  local out = {}
  for _, k in ipairs(M.XPATH_LISTS) do
    for _, item in ipairs(c[k]) do
      out[#out + 1] = { key = k, xpath = item.xpath, line = item.line }
      if item.if_page_contains then
        out[#out + 1] = { key = "if_page_contains", xpath = item.if_page_contains, line = item.if_line }
      end
    end
  end
  for _, w in ipairs(c.wrap_in) do out[#out + 1] = { key = "wrap_in", xpath = w.xpath, line = w.line } end
  if c.not_logged_in_xpath then
    out[#out + 1] = { key = "not_logged_in_xpath", xpath = c.not_logged_in_xpath, line = c.lines.not_logged_in_xpath }
  end
  table.sort(out, function(a, b) return a.line < b.line end)
  return out
end

-- Applies the find/replace pairs to the raw HTML (plain text, not patterns),
-- in file order, as Full-Text RSS does before parsing.
function M.replace(html, pairs_list)
  for _, r in ipairs(pairs_list) do
    if r.find ~= "" and html:find(r.find, 1, true) then
      local find = r.find:gsub("%p", "%%%0")
      local rep = r.replace:gsub("%%", "%%%%")
      html = html:gsub(find, rep)
    end
  end
  return html
end

return M
