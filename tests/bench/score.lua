-- Scores every system's output on the development corpus, side by side.
--
-- usage: lua5.4 tests/bench/score.lua --corpus DIR --out DIR [--build DIR]
-- Reads OUT/runs.tsv (written by tests/bench/run: system, status, subset, note),
-- OUT/<system>.jsonl (the runners' output), OUT/<system>.time ("peak-KB wall-s" from
-- /usr/bin/time) and OUT/versions.tsv. Writes the report to stdout and OUT/report.md,
-- and lede's misses to OUT/lede-misses.tsv. See tests/bench/README.md for each number.
--
-- Every system's HTML output is turned into plain text the same way, by lede's
-- block-aware lede.parse(html):body():text(); lede's own `text` is used as it is.
-- A field a system does not give, or a page it failed on, counts as a miss.
local cjson = require "cjson"

local USAGE = "usage: lua5.4 score.lua --corpus DIR --out DIR [--build DIR]\n"
local opts = { build = "build-bench" }
do
  local known = { corpus = true, out = true, build = true }
  for i = 1, #arg, 2 do
    local k = arg[i]:match("^%-%-(%w+)$")
    if not known[k] or not arg[i + 1] then io.stderr:write(USAGE); os.exit(2) end
    opts[k] = arg[i + 1]
  end
  if not opts.corpus or not opts.out then io.stderr:write(USAGE); os.exit(2) end
end
local src = os.getenv("LEDE_SOURCE_DIR") or "."
package.cpath = opts.build .. "/?.so;" .. package.cpath
package.path = src .. "/lua/?.lua;" .. src .. "/lua/?/init.lua;" .. package.path
local lede = require "lede"
local measure = dofile(src .. "/tests/bench/measure.lua")
local conflicts = dofile(src .. "/tests/bench/conflicts.lua")(measure)

-- Systems in display order. `html`: output is HTML to be turned into text.
local SYSTEMS = {
  { key = "lede", name = "lede" },
  { key = "readability-linkedom", name = "Readability.js + linkedom", html = true, own_ref = true },
  { key = "readability-jsdom", name = "Readability.js + jsdom", html = true, own_ref = true },
  { key = "postlight", name = "Postlight Parser (generic)", html = true },
  { key = "defuddle", name = "defuddle + linkedom", html = true },
  { key = "readability-lxml", name = "readability-lxml", html = true },
  { key = "floor", name = "libxml2 floor (parse + walk + free)", floor = true },
}
local SOURCES = { "readability", "postlight", "trafilatura", "htmldate" }

---------------------------------------------------------------------------------------
-- Small helpers
---------------------------------------------------------------------------------------
local read_file, str, read_jsonl = measure.read_file, measure.str, measure.read_jsonl
local norm_ws, tokens = measure.norm_ws, measure.tokens

-- s:sub(i, j) widened to whole UTF-8 characters, so a cut never splits one.
local function is_cont(s, k) local b = s:byte(k); return b and b >= 0x80 and b < 0xC0 end
local function usub(s, i, j)
  i, j = math.max(1, i), math.min(#s, j or #s)
  while i > 1 and is_cont(s, i) do i = i - 1 end
  while j < #s and is_cont(s, j + 1) do j = j + 1 end
  return s:sub(i, j)
end

local function short(s, n)
  s = norm_ws(s or "")
  n = n or 80
  if #s > n then
    local cut = n
    while cut > 1 and is_cont(s, cut + 1) do cut = cut - 1 end
    s = s:sub(1, cut) .. "…"
  end
  return s
end

local function pct(x, n)
  if not n or n == 0 then return "—" end
  return string.format("%.1f%%", 100 * x / n)
end

local function cell(x, n)
  if not n or n == 0 then return "—" end
  return string.format("%s (%d/%d)", pct(x, n), x, n)
end

local function html_to_text(html) return measure.html_to_text(lede, html) end

---------------------------------------------------------------------------------------
-- Inputs
---------------------------------------------------------------------------------------
local expect, expect_order = {}, {}
for _, rec in ipairs(read_jsonl(opts.corpus .. "/expect.jsonl")) do
  expect[rec.id] = rec
  expect_order[#expect_order + 1] = rec.id
end
table.sort(expect_order)
local credits = read_jsonl(opts.corpus .. "/wire-credits.jsonl")

local runs = {}
for line in (read_file(opts.out .. "/runs.tsv") or ""):gmatch("[^\n]+") do
  local key, status, subset, note = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
  if key then runs[key] = { status = status, subset = subset, note = note } end
end
local versions = {}
for line in (read_file(opts.out .. "/versions.tsv") or ""):gmatch("[^\n]+") do
  local k, v = line:match("^([^\t]*)\t(.*)$")
  if k then versions[k] = v end
end

-- Per system: results by id, plus the text of each page.
local active = {}
for _, sys in ipairs(SYSTEMS) do
  local run = runs[sys.key]
  if run and run.status ~= "skipped" then
    sys.run = run
    sys.res, sys.ids = {}, {}
    for _, r in ipairs(read_jsonl(opts.out .. "/" .. sys.key .. ".jsonl")) do
      if type(r.id) == "string" and expect[r.id] and not sys.res[r.id] then
        sys.res[r.id] = r
        sys.ids[#sys.ids + 1] = r.id
      end
    end
    table.sort(sys.ids)
    local t = read_file(opts.out .. "/" .. sys.key .. ".time") or ""
    local lastline = t:match("([^\n]*)\n?$") or ""
    sys.rss_kb, sys.wall_s = lastline:match("^%s*(%d+)%s+([%d.]+)")
    sys.rss_kb, sys.wall_s = tonumber(sys.rss_kb), tonumber(sys.wall_s)
    if not sys.floor then
      sys.text = {}
      for id, r in pairs(sys.res) do
        if r.error then
          sys.text[id] = ""
        elseif sys.html then
          sys.text[id] = html_to_text(str(r.html)) .. ""
          if sys.text[id] == "" and str(r.text) then sys.text[id] = r.text end
        else
          sys.text[id] = str(r.text) or ""
        end
      end
    end
    active[#active + 1] = sys
  end
end
local function by_key(k)
  for _, s in ipairs(active) do if s.key == k then return s end end
end
local LEDE = by_key("lede")
local extractors = {}
for _, s in ipairs(active) do if not s.floor then extractors[#extractors + 1] = s end end

-- lede's misses: { id, metric, expected, got, why }; why (may be empty) names an
-- expectation lede's rules forbid it to meet (tests/bench/conflicts.lua).
local misses = {}
local function miss(id, metric, expected, got, why)
  misses[#misses + 1] = { id, metric, short(expected, 100), short(got, 100), why or "" }
end


local out_lines = {}
local function emit(s) out_lines[#out_lines + 1] = s or "" end

-- Emits how many of lede's `n` misses of a metric over `pages` are of each
-- `why` (counts: why -> k, reasons: why -> what it means), and the share
-- lede could reach at most while keeping those rules.
local function emit_conflicts(what, hits, pages, counts, reasons)
  local total = 0
  for why, k in pairs(counts) do
    emit(string.format("Of lede's %d %s misses, %d are pages whose expectation %s (`%s` in lede-misses.tsv).",
      pages - hits, what, k, reasons[why], why))
    total = total + k
  end
  if total > 0 and pages > 0 then
    emit(string.format("Keeping that rule, lede can reach at most %s on these pages.", pct(pages - total, pages)))
  end
end
-- align: a string of "l"/"r" per column; default: first column left, the rest right
local function table_md(header, rows, align)
  emit("| " .. table.concat(header, " | ") .. " |")
  local sep = {}
  for i = 1, #header do
    local a = align and align:sub(i, i) or (i == 1 and "l" or "r")
    sep[i] = a == "l" and "---" or "---:"
  end
  emit("| " .. table.concat(sep, " | ") .. " |")
  for _, r in ipairs(rows) do emit("| " .. table.concat(r, " | ") .. " |") end
  emit()
end

local function sys_label(sys)
  local l = sys.name
  if sys.run.subset == "quick" and versions.mode ~= "quick" then
    l = l .. " †"
  end
  return l
end

-- ids of a source that a system ran on and that have field `f` in expect
local function pages_with(sys, source, pred)
  local ids = {}
  for _, id in ipairs(sys.ids) do
    local e = expect[id]
    if (source == nil or e.source == source) and pred(e) then ids[#ids + 1] = id end
  end
  return ids
end

---------------------------------------------------------------------------------------
-- Header
---------------------------------------------------------------------------------------
local mode = versions.mode or "full"
emit("# lede benchmark")
emit()
emit(string.format("Corpus: `%s` (%d pages), run: **%s**%s. Generated %s.", opts.corpus,
  #expect_order, mode, mode == "quick" and " (fixed subset, 10 pages per source)" or "",
  os.date("!%Y-%m-%d %H:%M UTC")))
emit()
if versions.stale then
  emit("**Warning: " .. versions.stale .. ".**")
  emit()
end
do
  local rows = {}
  for _, sys in ipairs(SYSTEMS) do
    local run = runs[sys.key]
    local status = run and run.status or "not run"
    local nerr = 0
    if sys.res then for _, r in pairs(sys.res) do if r.error then nerr = nerr + 1 end end end
    rows[#rows + 1] = { sys.name, versions[sys.key] or "", status,
      run and run.subset or "", sys.ids and tostring(#sys.ids) or "0",
      sys.ids and tostring(nerr) or "", ((run and run.note or ""):gsub("|", "/")) }
  end
  table_md({ "system", "version", "status", "pages", "ran", "errors", "note" }, rows, "llllrrl")
end
emit("`errors`: pages with no output (exception, no article found, empty content); they count as misses below.")
for _, sys in ipairs(active) do
  if sys.run.subset == "quick" and mode ~= "quick" then
    emit("† ran on the quick subset only: its numbers cover fewer pages (see the n in each cell).")
    break
  end
end
emit()

---------------------------------------------------------------------------------------
-- trafilatura: must_include / must_exclude
---------------------------------------------------------------------------------------
emit("## trafilatura pages: snippets (whitespace-normalised substring test)")
emit()
do
  local rows = {}
  for _, sys in ipairs(extractors) do
    local inc_hit, inc_n, exc_leak, exc_n = 0, 0, 0, 0
    local ids = pages_with(sys, "trafilatura", function(e) return e.must_include or e.must_exclude end)
    for _, id in ipairs(ids) do
      local e = expect[id]
      local text = norm_ws(sys.text[id])
      for _, s in ipairs(type(e.must_include) == "table" and e.must_include or {}) do
        inc_n = inc_n + 1
        if text:find(norm_ws(s), 1, true) then inc_hit = inc_hit + 1
        elseif sys == LEDE then miss(id, "must_include", s, usub(text, 1, 80)) end
      end
      for _, s in ipairs(type(e.must_exclude) == "table" and e.must_exclude or {}) do
        exc_n = exc_n + 1
        local ns = norm_ws(s)
        local at = text:find(ns, 1, true)
        if at then
          exc_leak = exc_leak + 1
          if sys == LEDE then
            miss(id, "must_exclude", s, usub(text, at - 30, at + #ns + 30))
          end
        end
      end
    end
    rows[#rows + 1] = { sys_label(sys), tostring(#ids), cell(inc_hit, inc_n), cell(exc_leak, exc_n) }
  end
  table_md({ "system", "pages", "must_include found ↑", "must_exclude leaked ↓" }, rows)
end

---------------------------------------------------------------------------------------
-- readability: token P/R/F1 against *.expected.html
---------------------------------------------------------------------------------------
emit("## readability pages: token precision / recall / F1 against `*.expected.html`")
emit()
local REF_MISS = 0.9 -- lede pages with P or R below this go to the misses file
do
  local ref_bag = {}
  local function ref_of(id)
    if not ref_bag[id] then
      local html = read_file(opts.corpus .. "/" .. expect[id].reference_html) or ""
      local text = html_to_text(html)
      local b, n = measure.bag(text)
      ref_bag[id] = { bag = b, n = n, text = text }
    end
    return ref_bag[id]
  end
  local rows = {}
  for _, sys in ipairs(extractors) do
    local ids = pages_with(sys, "readability", function(e) return e.reference_html end)
    if sys.own_ref then
      rows[#rows + 1] = { sys_label(sys), tostring(#ids), "own reference", "own reference", "own reference" }
    else
      local sp, sr, sf = 0, 0, 0
      for _, id in ipairs(ids) do
        local ref = ref_of(id)
        local p, r, f = measure.token_prf(sys.text[id], ref.bag, ref.n)
        local n = select(2, measure.bag(sys.text[id]))
        sp, sr, sf = sp + p, sr + r, sf + f
        if sys == LEDE and (p < REF_MISS or r < REF_MISS) then
          miss(id, "ref_tokens", string.format("%d tokens: %s", ref.n, usub(ref.text, 1, 60)),
            string.format("P=%.2f R=%.2f %d tokens: %s", p, r, n, usub(sys.text[id], 1, 60)))
        end
      end
      local k = #ids
      local function m(x) return k > 0 and string.format("%.3f", x / k) or "—" end
      rows[#rows + 1] = { sys_label(sys), tostring(k), m(sp), m(sr), m(sf) }
    end
  end
  table_md({ "system", "pages", "precision", "recall", "F1" }, rows)
  emit("Means over pages of bag-of-tokens scores (lower-cased, split on white space). Readability.js is")
  emit("not scored: the references are its own output.")
  emit()
end

---------------------------------------------------------------------------------------
-- postlight: body_start
---------------------------------------------------------------------------------------
emit("## postlight pages: body starts with `body_start`")
emit()
do
  local rows, captions_first, lede_strict, lede_pages = {}, 0, 0, 0
  for _, sys in ipairs(extractors) do
    local ids = pages_with(sys, "postlight", function(e) return str(e.body_start) end)
    local strict, lenient = 0, 0
    for _, id in ipairs(ids) do
      local e = expect[id]
      local ok, len_ok, got, n = measure.body_starts(sys.text[id], e)
      if ok then strict = strict + 1 end
      if len_ok then lenient = lenient + 1 end
      if sys == LEDE and not ok then
        local caption = conflicts.body_starts_with_caption(e.body_start, sys.res[id].captions)
        if caption then captions_first = captions_first + 1 end
        miss(id, len_ok and "body_start_strict" or "body_start", e.body_start,
          table.concat(got, " ", 1, math.min(#got, n)), caption and "caption" or nil)
      end
    end
    if sys == LEDE then lede_strict, lede_pages = strict, #ids end
    rows[#rows + 1] = { sys_label(sys), tostring(#ids), cell(strict, #ids), cell(lenient, #ids) }
  end
  table_md({ "system", "pages", "strict (token prefix)", "lenient (no white space)" }, rows)
  emit("Strict: the first `body_start_words` white-space tokens are equal. Lenient: the same text")
  emit("with all white space removed is a prefix (Postlight's expectations glue adjacent blocks).")
  emit()
  emit_conflicts("body_start (strict)", lede_strict, lede_pages, { caption = captions_first },
    { caption = "opens with a photo caption or credit that lede gives in `captions` (issue 3: \"Captions go to captions, not text\")" })
  emit()
end

---------------------------------------------------------------------------------------
-- metadata: title, date, author
---------------------------------------------------------------------------------------
-- Canonical agency names and their aliases, compared case-insensitively.
local AGENCY_ALIASES = {
  ["Reuters"] = { "reuters", "reuter", "thomson reuters" },
  ["Associated Press"] = { "ap", "associated press", "the associated press" },
  ["Agence France-Presse"] = { "afp", "agence france-presse", "agence france presse", "france-presse", "france presse" },
  ["dpa"] = { "dpa", "deutsche presse-agentur", "deutsche presse agentur" },
  ["EFE"] = { "efe", "agencia efe" },
  ["ANSA"] = { "ansa", "agenzia nazionale stampa associata" },
  ["Press Trust of India"] = { "pti", "press trust of india" },
  ["Asian News International"] = { "ani", "asian news international" },
  ["United Press International"] = { "upi", "united press international" },
  ["Europa Press"] = { "europa press" },
  ["CNN"] = { "cnn", "cnn newsource", "cnn wire" },
  ["dpa-AFX"] = { "dpa-afx", "dpa afx" },
  ["agencies"] = { "agencies" },
}
local ALIAS = {}
for canon, list in pairs(AGENCY_ALIASES) do
  ALIAS[canon:lower()] = canon
  for _, a in ipairs(list) do ALIAS[a] = canon end
end
-- lede's own agency table, when it loads, adds the forms it knows.
do
  local ok, ag = pcall(require, "lede.agencies")
  if ok and type(ag) == "table" and type(ag.list) == "table" then
    for _, entry in ipairs(ag.list) do
      if type(entry) == "table" and str(entry.name) then
        local canon = ALIAS[entry.name:lower()] or entry.name
        ALIAS[entry.name:lower()] = canon
        for _, key in ipairs({ "forms", "short" }) do
          for _, f in ipairs(type(entry[key]) == "table" and entry[key] or {}) do
            if str(f) and not ALIAS[f:lower()] then ALIAS[f:lower()] = canon end
          end
        end
      end
    end
  end
end
local function canon_agency(name)
  name = norm_ws(str(name) or ""):lower()
  return ALIAS[name] or name
end

local norm_title = measure.norm_title

local MONTHS = { jan = 1, feb = 2, mar = 3, apr = 4, may = 5, jun = 6, jul = 7, aug = 8,
  sep = 9, oct = 10, nov = 11, dec = 12 }
-- The calendar day a date string names, as y, m, d (ISO first, then common English forms).
local function parse_day(s)
  s = str(s)
  if not s then return nil end
  local y, m, d = s:match("^%s*(%d%d%d%d)%-(%d%d)%-(%d%d)")
  if not y then y, m, d = s:match("(%d%d%d%d)[/.](%d%d?)[/.](%d%d?)") end
  if not y then
    local mon, dd, yy = s:match("(%a%a%a)%a*%.? (%d%d?)%a*,? (%d%d%d%d)")
    if mon and MONTHS[mon:lower()] then y, m, d = yy, MONTHS[mon:lower()], dd end
  end
  if not y then
    local dd, mon, yy = s:match("(%d%d?)%.? (%a%a%a)%a*%.? (%d%d%d%d)")
    if mon and MONTHS[mon:lower()] then y, m, d = yy, MONTHS[mon:lower()], dd end
  end
  if not y then y, m, d = s:match("^%s*(%d%d%d%d)(%d%d)(%d%d)") end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if not y or m < 1 or m > 12 or d < 1 or d > 31 then return nil end
  return y, m, d
end
local function day_number(y, m, d)
  return os.time({ year = y, month = m, day = d, hour = 12 }) // 86400
end

-- Lower case beyond ASCII (Latin-1, Latin Extended-A, Greek, Cyrillic): "PELÁEZ" is
-- "peláez" for every system alike.
local function ulower_cp(c)
  if (c >= 0xC0 and c <= 0xDE and c ~= 0xD7) or (c >= 0x391 and c <= 0x3AB)
      or (c >= 0x410 and c <= 0x42F) then return c + 32 end
  if c >= 0x400 and c <= 0x40F then return c + 80 end
  if (c >= 0x100 and c <= 0x12F) or (c >= 0x132 and c <= 0x137) or (c >= 0x14A and c <= 0x177) then
    return c % 2 == 0 and c + 1 or c  -- upper case at even code points here
  end
  if (c >= 0x139 and c <= 0x148) or (c >= 0x179 and c <= 0x17E) then
    return c % 2 == 1 and c + 1 or c  -- and at odd ones here
  end
  return c
end

local function ulower(s)
  if not utf8.len(s) then return s:lower() end
  local out = {}
  for _, c in utf8.codes(s) do out[#out + 1] = utf8.char(ulower_cp(c)) end
  return (table.concat(out):lower())
end

local function split_names(s)
  local names, list = {}, {}
  s = ulower(norm_ws(str(s) or ""))
  s = s:gsub("%s+and%s+", ","):gsub("[;&]", ",")
  for part in s:gmatch("[^,]+") do
    part = norm_ws(part):gsub("^by%s+", "")
    part = norm_ws(part)
    if part ~= "" and not names[part] then names[part] = true; list[#list + 1] = part end
  end
  return names, list
end

local function sys_title(sys, r) return str(r.title) end
local function sys_date(sys, r) return str(r.published) end
local function sys_author_names(sys, r)
  if sys == LEDE then
    if type(r.authors) ~= "table" then return nil end
    local parts = measure.author_names(r.authors)
    if #parts == 0 then return nil end
    return table.concat(parts, ", ")
  end
  return str(r.byline)
end
-- Fields a system can give at all; readability-lxml has no author or date. A system
-- that can give a field but leaves it out on a page misses there.
local function gives(sys, field)
  if sys.key == "readability-lxml" then return field == "title" end
  return true
end

-- judge(sys, e, r) -> "exact" | "partial" | "miss", what the system gave, and
-- for a miss of lede's, why (a key of `reasons`) when lede's rules forbid the expectation.
local function meta_table(title, field, has, judge, legend, reasons)
  local why_counts, lede_hits, lede_pages = {}, 0, 0
  emit("## metadata: " .. title)
  emit()
  local header = { "system" }
  for _, s in ipairs(SOURCES) do header[#header + 1] = s end
  header[#header + 1] = "all"
  local rows = {}
  for _, sys in ipairs(extractors) do
    local row = { sys_label(sys) }
    local given = gives(sys, field)
    local tot = { 0, 0, 0 }
    for _, source in ipairs(SOURCES) do
      local ids = pages_with(sys, source, has)
      local ok, part = 0, 0
      for _, id in ipairs(ids) do
        local r = sys.res[id]
        local res, got, why = judge(sys, expect[id], r.error and {} or r)
        if res == "exact" then ok = ok + 1
        elseif res == "partial" then part = part + 1 end
        if sys == LEDE and res ~= "exact" then
          local e = expect[id]
          if why then why_counts[why] = (why_counts[why] or 0) + 1 end
          miss(id, res == "partial" and field .. "_partial" or field,
            field == "date" and (e.datetime or e.date) or e[field], got or (r.error and "error: " .. r.error) or "(none)",
            why)
        end
      end
      tot[1], tot[2], tot[3] = tot[1] + ok, tot[2] + part, tot[3] + #ids
      if sys == LEDE then lede_hits, lede_pages = lede_hits + ok, lede_pages + #ids end
      local mark = (sys.own_ref and source == "readability" and #ids > 0) and " ‡" or ""
      if not given then row[#row + 1] = "—"
      elseif field == "author" and #ids > 0 then
        row[#row + 1] = string.format("%s +%s (n=%d)%s", pct(ok, #ids), pct(part, #ids), #ids, mark)
      else row[#row + 1] = cell(ok, #ids) .. mark end
    end
    if not given then row[#row + 1] = "—"
    elseif field == "author" and tot[3] > 0 then
      row[#row + 1] = string.format("%s +%s (n=%d)", pct(tot[1], tot[3]), pct(tot[2], tot[3]), tot[3])
    else row[#row + 1] = cell(tot[1], tot[3]) end
    rows[#rows + 1] = row
  end
  table_md(header, rows)
  if legend then emit(legend) end
  emit("‡ Readability.js against its own expectations (the readability metadata is its output).")
  if reasons then
    emit()
    emit_conflicts(field, lede_hits, lede_pages, why_counts, reasons)
  end
  emit()
end

meta_table("title (exact after white-space and quote normalisation)", "title",
  function(e) return str(e.title) end,
  function(sys, e, r)
    local got = sys_title(sys, r)
    if got and norm_title(got) == norm_title(e.title) then return "exact", got end
    local why = sys == LEDE and conflicts.title_keeps_site(e.title, got, str(r.site), str(r.host))
      and "site_name" or nil
    return "miss", got, why
  end, "`—`: the system gives no such field.",
  { site_name = "is lede's headline with the site's name attached (\"Mozilla - Wikipedia\"), which issue 4 rules out" })

meta_table("date (same calendar day; postlight ±1 day, its values are UTC)", "date",
  function(e) return str(e.date) end,
  function(sys, e, r)
    local got = sys_date(sys, r)
    local y, m, d = parse_day(got)
    local ey, em, ed = parse_day(e.date)
    if not y or not ey then return "miss", got end
    local diff = math.abs(day_number(y, m, d) - day_number(ey, em, ed))
    local ok = diff == 0 or (e.source == "postlight" and diff <= 1)
    return ok and "exact" or "miss", got
  end, "Dates are read as ISO `YYYY-MM-DD` (first 10 characters: the page's local day), `YYYY/MM/DD`, or English `Jan 10, 2019` / `10 January 2019`.")

meta_table("author (same set of names; +partial = some but not all names shared)", "author",
  function(e) return str(e.author) end,
  function(sys, e, r)
    local got = sys_author_names(sys, r)
    local want, wl = split_names(e.author)
    local why = sys == LEDE and conflicts.author_is_agency(wl, ALIAS) and "agency" or nil
    if not got then return "miss", nil, why end
    local have, hl = split_names(got)
    local common = 0
    for n in pairs(have) do if want[n] then common = common + 1 end end
    if common == #wl and common == #hl and common > 0 then return "exact", got end
    return common > 0 and "partial" or "miss", got, why
  end, "Names: lower-cased (Latin, Greek and Cyrillic letters), leading `by ` removed, split on `,` ` and ` `;` `&`. lede: `authors[*].name` but those whose role is `editing` or `additional` (`measure.author_names`); Readability.js: `byline`; others: their author field.",
  { agency = "names a news agency (\"Agencia EFE\", \"dsw / DPA\"), which lede gives as a wire credit, never as an author (issue 4)" })

---------------------------------------------------------------------------------------
-- wire credits (lede only)
---------------------------------------------------------------------------------------

emit("## wire credits (lede only)")
emit()
if not LEDE then
  emit("lede did not run.")
  emit()
else
  local article, furniture, annotated = {}, {}, {}
  for _, c in ipairs(credits) do
    annotated[c.id] = true
    if c.scope == "article" then
      article[c.id] = article[c.id] or {}
      table.insert(article[c.id], c)
    elseif c.scope == "page-furniture" then
      furniture[c.id] = furniture[c.id] or {}
      table.insert(furniture[c.id], c)
    end
  end
  local function reported(id)
    local r = LEDE.res[id]
    local set, list = {}, {}
    if r and not r.error and type(r.wire) == "table" then
      for _, w in ipairs(r.wire) do
        if type(w) == "table" and str(w.agency) then
          local a = canon_agency(w.agency)
          if not set[a] then set[a] = w; list[#list + 1] = a end
        end
      end
    end
    return set, list
  end
  local function wire_str(list) return #list > 0 and table.concat(list, ", ") or "(none)" end
  -- recall over article credits
  local found, total = 0, 0
  for _, id in ipairs(expect_order) do
    if article[id] and LEDE.res[id] then
      local set, list = reported(id)
      for _, c in ipairs(article[id]) do
        total = total + 1
        if set[canon_agency(c.agency)] then found = found + 1
        else miss(id, "wire_recall", c.agency .. ": " .. c.credit, wire_str(list)) end
      end
    end
  end
  -- false credits on furniture pages
  local fpages, fbad = 0, 0
  for _, id in ipairs(expect_order) do
    if furniture[id] and LEDE.res[id] then
      fpages = fpages + 1
      local set, list = reported(id)
      local r = LEDE.res[id]
      local art_agencies = {}
      for _, c in ipairs(article[id] or {}) do art_agencies[canon_agency(c.agency)] = true end
      local bad = false
      for _, c in ipairs(furniture[id]) do
        local a = canon_agency(c.agency)
        local w = set[a]
        if w then
          if not art_agencies[a] then bad = true
          else
            -- the article has its own credit from the same agency: only a credit
            -- taken from the furniture text is false
            for _, x in ipairs(r.wire) do
              if type(x) == "table" and canon_agency(x.agency) == a and str(x.text)
                and norm_ws(x.text):find(norm_ws(c.credit), 1, true) then bad = true end
            end
          end
        end
      end
      -- a false credit names a furniture agency; a credit of another agency on
      -- the page is not annotated either way and is counted apart
      local syn = str(r.syndicated)
      for _, c in ipairs(furniture[id]) do
        if syn and canon_agency(syn) == canon_agency(c.agency) and not art_agencies[canon_agency(syn)] then
          bad = true
        end
      end
      if bad then
        fbad = fbad + 1
        local f = furniture[id][1]
        miss(id, "wire_false", f.agency .. " (" .. f.kind .. "): " .. f.credit,
          wire_str(list) .. (syn and (" syndicated=" .. syn) or ""))
      end
    end
  end
  -- precision over all annotated pages
  local rep, correct, pages = 0, 0, 0
  for _, id in ipairs(expect_order) do
    if annotated[id] and LEDE.res[id] then
      pages = pages + 1
      local art = {}
      for _, c in ipairs(article[id] or {}) do art[canon_agency(c.agency)] = true end
      local _, list = reported(id)
      for _, a in ipairs(list) do
        rep = rep + 1
        if art[a] then correct = correct + 1
        else
          local want = {}
          for k in pairs(art) do want[#want + 1] = k end
          table.sort(want)
          miss(id, "wire_wrong", "article credits: " .. wire_str(want), a)
        end
      end
    end
  end
  -- everything else lede credits (not annotated: may well be right)
  local other = 0
  for _, id in ipairs(LEDE.ids) do
    if not annotated[id] then
      local _, list = reported(id)
      if #list > 0 then other = other + 1 end
    end
  end
  table_md({ "metric", "lede" }, {
    { "recall: article credits whose agency lede reports ↑", cell(found, total) },
    { "false credits: furniture pages where lede credits the furniture agency (wire or `syndicated`) ↓", cell(fbad, fpages) },
    { "precision: reported agencies that are article credits, on the annotated pages ↑", cell(correct, rep) },
    { "annotated pages scored", tostring(pages) },
    { "other pages where lede reports a credit (not annotated, unchecked)", tostring(other) },
  })
  emit("Agencies are compared by canonical name (AP = Associated Press, AFP = Agence France-Presse,")
  emit("dpa = Deutsche Presse-Agentur, EFE = Agencia EFE, ...), one per page. The peers have no such field.")
  emit("On `trafilatura/welt.de-d90b1938` the article and a teaser are both dpa: there only a credit whose")
  emit("text is the teaser's counts as false. The two generic credits `(With inputs from agencies)` name")
  emit("no agency and count as found only if lede reports the agency `agencies`.")
  emit()
end

---------------------------------------------------------------------------------------
-- speed
---------------------------------------------------------------------------------------
emit("## speed (one core, extraction call only)")
emit()
do
  local FLOOR = by_key("floor")
  local rows = {}
  for _, sys in ipairs(active) do
    local ms, wall, nwall, bytes, list = 0, 0, 0, 0, {}
    for _, id in ipairs(sys.ids) do
      local r = sys.res[id]
      local t = tonumber(r.ms)
      if t then
        ms = ms + t
        list[#list + 1] = t
        bytes = bytes + ((expect[id].page or {}).bytes or 0)
        if tonumber(r.wall_ms) then wall, nwall = wall + r.wall_ms, nwall + 1 end
      end
    end
    table.sort(list)
    local n = #list
    local med = n > 0 and list[(n + 1) // 2] or 0
    local floor_ms = 0
    if FLOOR then
      for _, id in ipairs(sys.ids) do
        local fr = FLOOR.res[id]
        floor_ms = floor_ms + (fr and tonumber(fr.ms) or 0)
      end
    end
    local s = ms / 1000
    rows[#rows + 1] = {
      sys_label(sys), tostring(n), string.format("%.1f", bytes / 1e6), string.format("%.2f", s),
      s > 0 and string.format("%.1f", n / s) or "—",
      s > 0 and string.format("%.2f", bytes / 1e6 / s) or "—",
      string.format("%.1f", med), string.format("%.0f", list[n] or 0),
      sys.rss_kb and string.format("%.0f", sys.rss_kb / 1024) or "—",
      (nwall > 0 and nwall == n) and string.format("%.2f", wall / 1000) or "—",
      sys.wall_s and string.format("%.1f", sys.wall_s) or "—",
      (floor_ms > 0 and s > 0) and string.format("%.1f×", ms / floor_ms) or "—",
    }
  end
  table_md({ "system", "pages", "MB", "CPU s", "pages/s", "MB/s", "median ms", "max ms",
    "peak RSS MB", "wall s", "process wall s", "× floor" }, rows)
  emit("`CPU s`: sum over pages of the process CPU time of the extraction call (DOM building included,")
  emit("file reading excluded; Node `process.cpuUsage()` counts all its threads, Python `process_time()`,")
  emit("lede `os.clock()`, the floor `CLOCK_PROCESS_CPUTIME_ID`); pages/s, MB/s (10⁶ bytes of input HTML),")
  emit("median and max come from it. `wall s`: the same calls on the wall clock (lede's Lua runner has no")
  emit("wall clock: —). `peak RSS`: `/usr/bin/time -f %M` of the whole runner process. `process wall s`:")
  emit("the runner from start to exit (start-up, module loading and file reading included).")
  emit("`× floor`: CPU time over the floor's CPU time on the same pages.")
  local pinned = versions.pinned
  if pinned then emit("Runners ran one after another, " .. pinned .. ".") end
  if versions.load then
    emit("Load average (1, 5, 15 min) when the run started: " .. versions.load ..
      " (other work on the machine slows every system).")
  end
  emit()
end

---------------------------------------------------------------------------------------
-- speed over rounds (run --rounds N): each round times every system once more, one
-- after another; a ratio is taken within each round, then the median over rounds
---------------------------------------------------------------------------------------
local function median(list)
  local t = {}
  for i, v in ipairs(list) do t[i] = v end
  table.sort(t)
  local n = #t
  if n == 0 then return nil end
  if n % 2 == 1 then return t[(n + 1) // 2] end
  return (t[n // 2] + t[n // 2 + 1]) / 2
end

-- CPU seconds per round of a system, over the pages of its first run: { [round] = s }.
local function round_seconds(sys, nrounds)
  local out = {}
  local function total(res)
    local ms = 0
    for _, id in ipairs(sys.ids) do ms = ms + (res[id] and tonumber(res[id].ms) or 0) end
    return ms / 1000
  end
  out[1] = total(sys.res)
  for k = 2, nrounds do
    local path = opts.out .. "/" .. sys.key .. ".r" .. k .. ".jsonl"
    if read_file(path) then
      local res = {}
      for _, r in ipairs(read_jsonl(path)) do if type(r.id) == "string" then res[r.id] = r end end
      out[k] = total(res)
    end
  end
  return out
end

do
  local nrounds = 1
  for line in (read_file(opts.out .. "/rounds.tsv") or ""):gmatch("[^\n]+") do
    local k = tonumber(line:match("\t(%d+)$"))
    if k and k > nrounds then nrounds = k end
  end
  local FLOOR = by_key("floor")
  if nrounds > 1 and FLOOR and LEDE then
    local secs = {}
    for _, sys in ipairs(active) do secs[sys] = round_seconds(sys, nrounds) end
    local function ratios(a, b)  -- a / b in each round both have
      local list = {}
      for k = 1, nrounds do
        local x, y = secs[a][k], secs[b][k]
        if x and y and y > 0 then list[#list + 1] = x / y end
      end
      return list
    end
    emit("## speed over " .. nrounds .. " rounds (ratios taken within each round, then the median)")
    emit()
    local rows = {}
    for _, sys in ipairs(active) do
      local cells = { sys_label(sys) }
      local list = {}
      for k = 1, nrounds do
        local v = secs[sys][k]
        cells[#cells + 1] = v and string.format("%.2f", v) or "—"
        if v then list[#list + 1] = v end
      end
      local m = median(list)
      cells[#cells + 1] = m and string.format("%.2f", m) or "—"
      local fr = median(ratios(sys, FLOOR))
      cells[#cells + 1] = (fr and not sys.floor) and string.format("%.2f×", fr) or "—"
      local rr = ratios(sys, LEDE)
      local lr = median(rr)
      local lo, hi = nil, nil
      for _, v in ipairs(rr) do lo = math.min(lo or v, v); hi = math.max(hi or v, v) end
      cells[#cells + 1] = (lr and sys ~= LEDE and not sys.floor)
        and string.format("%.2f× (%.2f–%.2f)", lr, lo, hi) or "—"
      rows[#rows + 1] = cells
    end
    local head = { "system" }
    for k = 1, nrounds do head[#head + 1] = "CPU s r" .. k end
    head[#head + 1] = "median CPU s"
    head[#head + 1] = "× floor (median)"
    head[#head + 1] = "× lede's time (median, range)"
    table_md(head, rows)
    emit("Each round runs the systems one after another (jsdom only in the first); a system's ratio")
    emit("to the floor or to lede is taken within each round, so a slow spell of the machine weighs on")
    emit("both sides, and the median over rounds is given. `× lede's time` is how many times longer the")
    emit("system took than lede: lede's pages per second over the system's.")
    emit()
  end
end

---------------------------------------------------------------------------------------
-- write out
---------------------------------------------------------------------------------------
local report = table.concat(out_lines, "\n") .. "\n"
io.write(report)
local f = assert(io.open(opts.out .. "/report.md", "wb"))
f:write(report)
f:close()

table.sort(misses, function(a, b)
  if a[1] ~= b[1] then return a[1] < b[1] end
  if a[2] ~= b[2] then return a[2] < b[2] end
  return a[3] < b[3]
end)
local function tsv(s) return (tostring(s or ""):gsub("[\t\r\n]", " ")) end
f = assert(io.open(opts.out .. "/lede-misses.tsv", "wb"))
f:write("id\tmetric\texpected\tlede gave\twhy\n")
for _, m in ipairs(misses) do
  f:write(tsv(m[1]), "\t", tsv(m[2]), "\t", tsv(m[3]), "\t", tsv(m[4]), "\t", tsv(m[5]), "\n")
end
f:close()
io.stderr:write(string.format("score: %d lede misses written to %s/lede-misses.tsv\n", #misses, opts.out))
