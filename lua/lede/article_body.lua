-- JSON-LD articleBody as the article's text when the page's HTML holds
-- little of it. Pages drawn by JavaScript print a shell ("Loading…") and
-- give the text to search engines in JSON-LD; on every other page the body
-- lede finds holds about as much text as articleBody, and nothing changes.
-- articleBody is plain text, or HTML, sometimes escaped once more
-- ("&lt;p&gt;"): it is rendered as lede renders a body, so text, Markdown
-- and HTML stay one article.
local core = require "lede.core"

local M = {}

M.min_chars = 500   -- code points of articleBody text it takes to be used at all
M.max_share = 0.5   -- the page's text under this share of it: the HTML is a shell

local function chars(s) return utf8.len(s) or #s end

-- Plain text as HTML paragraphs, at its line breaks (blank lines make
-- empty paragraphs, which render to nothing). Only "<" and ">" are escaped:
-- the entities CMSs leave in JSON-LD text ("&#8217;", "&amp;") are read as
-- the page's own would be. One gsub each: articleBody can be megabytes.
local ANGLES = { ["<"] = "&lt;", [">"] = "&gt;" }
local function paragraphs_html(s)
  return "<p>" .. s:gsub("[<>]", ANGLES):gsub("\n", "</p>\n<p>") .. "</p>"
end

-- The body element of articleBody parsed as a page, and its document.
local function parse(value)
  local html = value
  if not html:find("<%a") and html:find("&lt;%a") then  -- escaped markup: unescape it once
    local d = core.parse("<html><body><pre>" .. html .. "</pre></body></html>")
    html = d and d:select("pre")[1]:text() or html
    if d then d:close() end
  end
  if not html:find("<%a") then html = paragraphs_html(html) end
  local doc = core.parse("<html><body>" .. html .. "</body></html>")
  return doc and doc:select("body")[1], doc
end

-- Replaces ctx.article's text (and markdown, html when asked, with ropts)
-- by articleBody's when the page's text is under M.max_share of it; says so
-- in a warning and in article.sources.text.
function M.apply(ctx, ropts)
  local value = ctx.meta and ctx.meta.article_body
  local have = chars(ctx.article.text or "")
  -- the value's bytes bound its text: most pages stop here, without a parse
  if type(value) ~= "string" or #value < M.min_chars or have >= #value * M.max_share then return end
  local body, doc = parse(value)
  if not body then return end
  local text = body:text()
  local n = chars(text)
  if n >= M.min_chars and have < n * M.max_share then
    local opts = ctx.opts or {}
    ctx.article.text = text
    if opts.markdown then ctx.article.markdown = core.render.markdown(body, ropts) end
    if opts.html then ctx.article.html = core.render.html(body, ropts) end
    ctx.article.sources = ctx.article.sources or {}
    ctx.article.sources.text = "json-ld:articleBody"
    ctx.warnings[#ctx.warnings + 1] = string.format("the page's HTML holds little of the article "
      .. "(%d characters against %d in its JSON-LD articleBody): the text is the articleBody", have, n)
  end
  doc:close()
end

return M
