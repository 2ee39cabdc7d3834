-- An Article as a standalone HTML page (`lede --format html --standalone`):
-- the clean body in <article>, the metadata in <head> as <title> and
-- <meta name=...> tags, the way browsers, pandoc's HTML reader and most HTML
-- tools read metadata. Pandoc turns each <meta name=N content=V> into the
-- metadata field N, so the names follow pandoc's: title, author, date.
local json = require "lede.json"

local M = {}

local esc = json.html_escape

local function meta(out, name, value)
  if type(value) == "string" and value ~= "" then
    out[#out + 1] = string.format('<meta name="%s" content="%s">', esc(name), esc(value))
  end
end

local function head(article)
  local out = { '<meta charset="utf-8">' }
  out[#out + 1] = "<title>" .. esc(article.title or "") .. "</title>"
  for _, a in ipairs(article.authors or {}) do meta(out, "author", a.name) end
  meta(out, "date", article.published)
  meta(out, "modified", article.modified)
  meta(out, "description", article.description)
  meta(out, "site", article.site)
  meta(out, "section", article.section)
  for _, w in ipairs(article.wire or {}) do meta(out, "wire", w.agency) end
  if article.dateline then meta(out, "dateline", article.dateline.text) end
  meta(out, "source-url", article.canonical_url or article.url)
  return table.concat(out, "\n")
end

-- The page, as one string ending in a newline.
function M.render(article)
  local lang = article.language and string.format(' lang="%s"', esc(article.language)) or ""
  local lines = { "<!DOCTYPE html>", "<html" .. lang .. ">", "<head>", head(article), "</head>",
    "<body>", "<article>" }
  if article.title then lines[#lines + 1] = "<h1>" .. esc(article.title) .. "</h1>" end  -- no empty heading
  for _, l in ipairs { article.html or "", "</article>", "</body>", "</html>", "" } do lines[#lines + 1] = l end
  return table.concat(lines, "\n")
end

return M
