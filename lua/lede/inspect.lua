-- `lede inspect PAGE`: the blocks of a page in document order, their
-- statistics, and what extraction (with the page's filter, or the default)
-- did with each; `--html` writes the page with the decisions drawn on it.
--
-- How: every element of the page is numbered (attribute data-lede-n) before
-- extraction, the pipeline records its decisions in ctx.trace with those
-- numbers, and a second, untouched parse of the same bytes, numbered the same
-- way, is walked to show each decision where it was taken.
local lede = require "lede"
local core = require "lede.core"

local M = {}

M.ID = "data-lede-n"

M.usage = [[
usage: lede inspect PAGE [--url URL] [--filter FILE] [--filters DIR]... [--html]

Prints the blocks of PAGE in document order: what extraction did with each
(kept as body, removed by which rule, pruned, caption, dateline, credit),
its size (chars, words, link density) and a short selector. With --html,
writes the page instead, outlined: green the body, red removed, orange
pruned, purple credits; the reason shows on hover.

options:
  -u, --url URL        the page's URL (picks the filter, as for `lede`)
      --filter FILE    use this filter file
      --filters DIR    also load filter files from DIR (repeatable)
      --charset NAME   the page's charset
      --wire POLICY    keep, field or drop
      --html           write an annotated copy of the page to standard output
  -o, --output FILE    write to FILE instead of standard output
]]

local VALUED = { ["-u"] = "url", ["--url"] = "url", ["--filter"] = "filter", ["--charset"] = "charset",
  ["--wire"] = "wire", ["-o"] = "output", ["--output"] = "output" }

function M.parse_args(args)
  local opts = { filter_dirs = {} }
  local i = 1
  while i <= #args do
    local a = args[i]
    local name, inline = a:match("^(%-%-[%w-]+)=(.*)$")
    name = name or a
    if name == "--filters" then
      local v = inline
      if not v then i = i + 1; v = args[i] end
      if not v then return nil, "option --filters needs a value" end
      opts.filter_dirs[#opts.filter_dirs + 1] = v
    elseif VALUED[name] then
      local v = inline
      if not v then i = i + 1; v = args[i] end
      if not v then return nil, "option " .. name .. " needs a value" end
      opts[VALUED[name]] = v
    elseif a == "--html" then opts.html = true
    elseif a == "-h" or a == "--help" then opts.help = true
    elseif a:sub(1, 1) == "-" and a ~= "-" then return nil, "unknown option " .. a
    elseif opts.page then return nil, "one page at a time"
    else opts.page = a end
    i = i + 1
  end
  if not opts.page and not opts.help then return nil, "no page given" end
  return opts
end

local function number(doc)
  for i, n in ipairs(doc:select("*")) do n:set_attr(M.ID, tostring(i)) end
end

-- Precedence when a node was traced more than once.
local RANK = { removed = 7, pruned = 6, caption = 5, body = 4, kept = 3, ["date-ignored"] = 2, transformed = 1 }
-- Decisions that take the whole subtree out of the text.
local GONE = { removed = true, pruned = true, caption = true }
-- Decisions that hold for the whole subtree.
local REGION = { removed = true, pruned = true, caption = true, body = true, kept = true }

M.LABEL = {
  removed = "removed", pruned = "pruned", caption = "caption", body = "BODY", kept = "kept",
  inbody = "body", outside = "-", credit = "credit", dateline = "dateline",
  ["date-ignored"] = "no-date", transformed = "transf",
}

-- Extracts with tracing: the article (or nil, error), the trace, the filter name.
function M.run(html, opts)
  local state = {}
  local xopts = {
    url = opts.url, charset = opts.charset, filter = opts.filter, filter_dirs = opts.filter_dirs,
    wire = opts.wire,
    on_document = function(doc, ctx)
      number(doc)
      ctx.trace = {}
      ctx.trace_id = function(n) return n:attr(M.ID) end
      state.ctx = ctx
    end,
  }
  local article, err = lede.extract(html, xopts)
  return article, err, state.ctx and state.ctx.trace or {}, state.ctx
end

local BLOCK = {}
for t in ([[p div section article main aside header footer nav ul ol li table tr td th h1 h2 h3 h4
  h5 h6 blockquote figure figcaption pre form dl dd dt address details summary menu]]):gmatch("%S+") do
  BLOCK[t] = true
end

local function collapse(s) return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")) end

-- The blocks of the untouched page, each with its decision:
-- { node, id, status, reason, own, show }.
function M.annotate(doc, article, trace)
  local decided = {}
  for _, e in ipairs(trace) do
    if e.id and RANK[e.action] then
      local old = decided[e.id]
      if not old or RANK[e.action] > RANK[old.action] then decided[e.id] = e end
    end
  end
  local nodes = doc:body() and doc:body():select("*") or {}
  -- which blocks hold other blocks (reverse document order sees children first)
  local holds = {}
  for i = #nodes, 1, -1 do
    local n = nodes[i]
    local p = n:parent()
    if p and (BLOCK[n:tag()] or holds[n:attr(M.ID)]) then holds[p:attr(M.ID)] = true end
  end
  local status, reason, blocks = {}, {}, {}
  local quiet = 0  -- empty inline elements (script, meta, svg, …) with a decision: counted, not listed
  local body_id = doc:body() and doc:body():attr(M.ID)
  status[body_id or ""] = "outside"
  for _, n in ipairs(nodes) do
    local id = n:attr(M.ID)
    local p = n:parent()
    local pid = p and p:attr(M.ID) or ""
    local own = decided[id]
    local inherited = false
    if own and REGION[own.action] then
      status[id] = own.action
      reason[id] = own.reason
    else
      local ps = status[pid] or "outside"
      status[id] = (ps == "body" or ps == "kept") and "inbody" or ps
      reason[id] = reason[pid]
      inherited = GONE[ps] or false
    end
    local s = status[id]
    -- a block inside a removed region is shown by the region's line
    local has_text = n:text():match("%S") ~= nil
    local show = not inherited and ((own ~= nil and (has_text or BLOCK[n:tag()])) or
      (BLOCK[n:tag()] and not holds[id] and has_text))
    if own and not show and not inherited then quiet = quiet + 1 end
    if show then
      local why = reason[id]
      if own and not REGION[own.action] then why = (why and (why .. "; ") or "") .. own.reason end
      blocks[#blocks + 1] = { node = n, id = id, status = s, own = own, leaf = not holds[id],
        reason = why or (s == "outside" and "not in the body") or nil }
    end
  end
  M.mark_credits(blocks, article, trace)
  blocks.quiet = quiet
  return blocks
end

-- Credits and the dateline are found in the text, not in the tree: the
-- first kept block that starts with the dateline, the last one holding each
-- closing credit.
function M.mark_credits(blocks, article, trace)
  if not article then return end
  local kept = {}
  for _, b in ipairs(blocks) do
    if (b.status == "inbody" or b.status == "body" or b.status == "kept") and b.leaf then
      kept[#kept + 1] = b
    end
  end
  for _, e in ipairs(trace) do
    if e.action == "dateline" and e.text then
      for _, b in ipairs(kept) do
        if collapse(b.node:text()):sub(1, #e.text) == e.text then
          b.status, b.reason = "dateline", e.reason
          break
        end
      end
    elseif e.action == "credit" and e.text then
      local needle = collapse(e.text)
      for i = #kept, 1, -1 do
        local b = kept[i]
        if collapse(b.node:text()):find(needle, 1, true) then
          b.status, b.reason = "credit", e.reason
          break
        end
      end
    end
  end
end

-- node:path(), cut to its last three steps: enough to find the block.
local function short_path(node)
  local path = node:path()
  local steps = {}
  for step in (path .. " > "):gmatch("(.-) > ") do steps[#steps + 1] = step end
  if #steps <= 3 then return path end
  return "… > " .. table.concat(steps, " > ", #steps - 2)
end
M.short_path = short_path

local function preview(node)
  local t = collapse(node:text())
  if #t > 60 then t = t:sub(1, 57):gsub("[\128-\191]*$", ""):gsub("[\192-\255]$", "") .. "…" end
  return t
end

function M.report(out, opts, article, err, blocks, ctx)
  out:write("page:     ", opts.page, "\n")
  if opts.url then out:write("url:      ", opts.url, "\n") end
  local F = ctx and ctx.filter
  out:write("filter:   ", F and (F.id .. " (" .. F.path .. ")") or "default", "\n")
  if article then
    out:write("title:    ", tostring(article.title), "\n")
    for _, e in ipairs(ctx and ctx.trace or {}) do
      if e.action == "body" then out:write("body:     ", tostring(e.path), " (", tostring(ctx.body_rule), ")\n") end
    end
    for _, w in ipairs(article.warnings or {}) do out:write("warning:  ", w, "\n") end
  else
    out:write("error:    ", tostring(err), "\n")
  end
  out:write("\n", string.format("%-8s %6s %5s %5s  %s\n", "status", "chars", "words", "links", "block"))
  local counts = {}
  for _, b in ipairs(blocks) do
    local st = b.node:stats()
    counts[b.status] = (counts[b.status] or 0) + 1
    local why = b.reason and b.status ~= "inbody" and b.status ~= "outside" and ("  [" .. b.reason .. "]") or ""
    out:write(string.format("%-8s %6d %5d %5.2f  %s  %s%s\n", M.LABEL[b.status] or b.status,
      st.chars, st.words, st.link_density, short_path(b.node), preview(b.node), why))
  end
  local parts = {}
  for _, k in ipairs { "body", "inbody", "removed", "pruned", "caption", "dateline", "credit", "kept", "outside" } do
    if counts[k] then parts[#parts + 1] = (M.LABEL[k] == "-" and "outside" or M.LABEL[k]) .. " " .. counts[k] end
  end
  out:write("\n", #blocks, " blocks: ", table.concat(parts, ", "), "\n")
  if (blocks.quiet or 0) > 0 then
    out:write(blocks.quiet, " empty inline elements (script, meta, svg, ...) removed, not listed\n")
  end
end

---------------------------------------------------------------------------
-- --html

local COLORS = {
  body = "#1a9c3a", removed = "#d62828", pruned = "#f77f00", caption = "#6c757d",
  credit = "#7b2cbf", dateline = "#7b2cbf", kept = "#0077b6",
}

M.STYLE = [[
[data-lede]{outline-offset:-2px}
[data-lede="body"]{outline:4px solid #1a9c3a !important}
[data-lede="removed"]{outline:3px solid #d62828 !important;background-color:rgba(214,40,40,.08) !important}
[data-lede="pruned"]{outline:3px solid #f77f00 !important;background-color:rgba(247,127,0,.10) !important}
[data-lede="caption"]{outline:2px dotted #6c757d !important}
[data-lede="credit"],[data-lede="dateline"]{outline:3px solid #7b2cbf !important;background-color:rgba(123,44,191,.10) !important}
[data-lede="kept"]{outline:3px dashed #0077b6 !important}
#lede-legend{position:fixed;top:8px;right:8px;z-index:2147483647;background:#fff;color:#111;border:1px solid #333;
  border-radius:4px;font:13px/1.5 sans-serif;padding:8px 12px;box-shadow:0 2px 8px rgba(0,0,0,.3);max-width:360px}
#lede-legend b{display:block;margin-bottom:4px}
#lede-legend span{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px;border:2px solid}
]]

local function html_escape(s)
  return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end

function M.legend(ctx, article)
  local F = ctx and ctx.filter
  local rows = {
    { "body", "article body (kept)" }, { "removed", "removed (cleaner or filter rule)" },
    { "pruned", "pruned inside the body" }, { "credit", "dateline / wire credit" },
    { "caption", "caption, kept apart" }, { "kept", "protected by a filter's keep" },
  }
  local out = { '<div id="lede-legend"><b>lede inspect — filter: ', html_escape(F and F.id or "default"), "</b>" }
  for _, r in ipairs(rows) do
    out[#out + 1] = string.format('<div><span style="border-color:%s"></span>%s</div>', COLORS[r[1]], r[2])
  end
  if article and article.title then
    out[#out + 1] = "<div><i>" .. html_escape(article.title) .. "</i></div>"
  end
  out[#out + 1] = "<div>hover a region for the reason</div></div>"
  return table.concat(out)
end

-- The untouched page with the decisions as attributes, scripts taken out, a
-- policy that keeps the browser off the network, and a legend.
function M.html(doc, blocks, ctx, article)
  for _, b in ipairs(blocks) do
    if b.own or b.status == "credit" or b.status == "dateline" then
      local st = (b.status == "inbody") and "body" or b.status
      if st ~= "outside" and st ~= "inbody" then
        b.node:set_attr("data-lede", st)
        b.node:set_attr("title", (M.LABEL[st] or st) .. ": " .. tostring(b.reason))
      end
    end
  end
  for _, n in ipairs(doc:select("script, base, meta[charset], meta[http-equiv], iframe, object, embed")) do
    if not n:removed() then n:remove() end
  end
  for _, n in ipairs(doc:select("[" .. M.ID .. "]")) do n:set_attr(M.ID, nil) end
  local page = doc:root():html()
  local head = '<meta charset="utf-8">' ..
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; font-src data:">' ..
    "<style>" .. M.STYLE .. "</style>"
  local n
  page, n = page:gsub("(<head[^>]*>)", "%1" .. head:gsub("%%", "%%%%"), 1)
  if n == 0 then page = page:gsub("(<html[^>]*>)", "%1<head>" .. head:gsub("%%", "%%%%") .. "</head>", 1) end
  local legend = M.legend(ctx, article):gsub("%%", "%%%%")
  page, n = page:gsub("(<body[^>]*>)", "%1" .. legend, 1)
  if n == 0 then page = page:gsub("(</html>)", legend .. "%1", 1) end
  return "<!DOCTYPE html>\n" .. page .. "\n"
end

local function read_page(path)
  if path == "-" then return io.stdin:read("a") end
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end

function M.main(args, out)
  local opts, err = M.parse_args(args)
  if not opts then
    io.stderr:write("lede inspect: ", err, "\n", "Try 'lede inspect --help'.\n")
    return 2
  end
  out = out or io.stdout
  if opts.help then out:write(M.usage); return 0 end
  local html, rerr = read_page(opts.page)
  if not html then io.stderr:write("lede inspect: ", tostring(rerr), "\n"); return 1 end
  local article, xerr, trace, ctx = M.run(html, opts)
  local doc, perr = core.parse(html, { url = opts.url, charset = opts.charset })
  if not doc then io.stderr:write("lede inspect: ", opts.page, ": ", tostring(perr), "\n"); return 1 end
  number(doc)
  local blocks = M.annotate(doc, article, trace)
  local file = out
  if opts.output then
    local f, oerr = io.open(opts.output, "w")
    if not f then io.stderr:write("lede inspect: ", oerr, "\n"); return 2 end
    file = f
  end
  if opts.html then file:write(M.html(doc, blocks, ctx, article))
  else M.report(file, opts, article, xerr, blocks, ctx) end
  if file ~= out then file:close() end
  doc:close()
  return article and 0 or 1
end

return M
