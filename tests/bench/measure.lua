-- What the benchmark's scorers share: reading the corpus and the runners'
-- output, and the normalisations and per-page measures every report uses, so
-- that score.lua and ftr_compare.lua can never measure a page differently.
local cjson = require "cjson"

local M = {}

function M.read_file(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

function M.str(v) return type(v) == "string" and v or nil end

-- The records of a JSON-lines file, in order; lines that are not a JSON object are skipped.
function M.read_jsonl(path)
  local list = {}
  local f = io.open(path, "rb")
  if not f then return list end
  for line in f:lines() do
    if line:find("%S") then
      local ok, rec = pcall(cjson.decode, line)
      if ok and type(rec) == "table" then list[#list + 1] = rec end
    end
  end
  f:close()
  return list
end

-- The same records by their `id`.
function M.by_id(list)
  local t = {}
  for _, r in ipairs(list) do if r.id ~= nil then t[r.id] = r end end
  return t
end

-- Unicode white space (what Python's \s matches beyond ASCII) becomes a plain space.
local USPACE = { "\u{A0}", "\u{1680}", "\u{2000}", "\u{2001}", "\u{2002}", "\u{2003}",
  "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}", "\u{2008}", "\u{2009}", "\u{200A}",
  "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{85}" }
function M.norm_ws(s)
  if not s then return "" end
  for _, u in ipairs(USPACE) do s = s:gsub(u, " ") end
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

function M.tokens(s)
  local t = {}
  for w in M.norm_ws(s):gmatch("%S+") do t[#t + 1] = w end
  return t
end

local QUOTES = { ["\u{2018}"] = "'", ["\u{2019}"] = "'", ["\u{201A}"] = "'", ["\u{201B}"] = "'",
  ["\u{2032}"] = "'", ["\u{201C}"] = '"', ["\u{201D}"] = '"', ["\u{201E}"] = '"',
  ["\u{201F}"] = '"', ["\u{2033}"] = '"' }
-- Titles compare after white space and quote normalisation.
function M.norm_title(s)
  s = s or ""
  for k, v in pairs(QUOTES) do s = s:gsub(k, v) end
  return M.norm_ws(s)
end

-- Plain text of an HTML string, the same way for every system: lede's
-- block-aware text of the body. `lede` is the loaded module.
function M.html_to_text(lede, html)
  if not html or html == "" then return "" end
  local ok, doc = pcall(lede.parse, html)
  if not ok or not doc then return "" end
  local body = doc:body() or doc:root()
  local text = body and body:text() or ""
  doc:close()
  return text
end

-- Lower-cased tokens with their counts, and how many there are.
function M.bag(text)
  local b, n = {}, 0
  for w in M.norm_ws(text):lower():gmatch("%S+") do b[w] = (b[w] or 0) + 1; n = n + 1 end
  return b, n
end

-- Token precision, recall and F1 of `text` against a reference bag.
function M.token_prf(text, ref_bag, ref_n)
  local b, n = M.bag(text)
  local common = 0
  for w, c in pairs(b) do if ref_bag[w] then common = common + math.min(c, ref_bag[w]) end end
  if n == 0 and ref_n == 0 then return 1, 1, 1 end
  local p, r = n > 0 and common / n or 0, ref_n > 0 and common / ref_n or 0
  return p, r, (p + r) > 0 and 2 * p * r / (p + r) or 0
end

-- Whether `text` begins with the expectation's body_start: strict when the
-- first body_start_words white-space tokens are equal, lenient when the text
-- without white space starts with the expectation's (cheerio's .text(), which
-- made Postlight's expectations, glues adjacent blocks). Also returns the
-- text's tokens and how many were compared.
function M.body_starts(text, e)
  local want, got = M.tokens(e.body_start), M.tokens(text or "")
  local n = math.min(tonumber(e.body_start_words) or #want, #want)
  local strict = n > 0 and #got >= n
  for i = 1, n do if not strict then break end; strict = got[i] == want[i] end
  local lenient = strict
  if not strict then
    local w = table.concat(want, "", 1, n)
    local g = table.concat(got, "", 1, math.min(#got, n * 3))
    lenient = #w > 0 and g:sub(1, #w) == w
  end
  return strict, lenient, got, n
end

-- The names of a structured author list ({name, role}) that count as the
-- article's authors: people credited only for editing or additional
-- reporting ("Editing by ...", "Additional reporting by ...") keep their
-- role in the list but wrote no byline. Systems that give a byline string
-- never list them, so they are left out for every system alike.
local NOT_AUTHOR_ROLES = { editing = true, additional = true }
function M.author_names(authors)
  local names = {}
  for _, a in ipairs(type(authors) == "table" and authors or {}) do
    if type(a) == "table" and M.str(a.name) and not NOT_AUTHOR_ROLES[a.role] then names[#names + 1] = a.name end
  end
  return names
end

return M
