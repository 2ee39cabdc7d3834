-- Article metadata read from the untouched document: title, dates, site, ...
local M = {}

local function first_string(...)
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if type(v) == "string" and v:match("%S") then return (v:gsub("^%s+", ""):gsub("%s+$", "")) end
  end
  return nil
end

local ARTICLE_TYPES = {
  NewsArticle = true, Article = true, ReportageNewsArticle = true, BlogPosting = true,
  AnalysisNewsArticle = true, OpinionNewsArticle = true, ReviewNewsArticle = true,
  BackgroundNewsArticle = true, LiveBlogPosting = true, TechArticle = true, Report = true,
}

local function has_article_type(obj)
  local t = obj["@type"]
  if type(t) == "string" then return ARTICLE_TYPES[t] end
  if type(t) == "table" then
    for _, v in ipairs(t) do if ARTICLE_TYPES[v] then return true end end
  end
  return false
end

function M.article_object(jsonld)
  for _, obj in ipairs(jsonld) do
    if has_article_type(obj) then return obj end
  end
  return nil
end

-- Strips " - Site" / "Site | " from a <title> when the site name is known.
function M.strip_site(title, site)
  if not title or not site or site == "" then return title end
  for _, sep in ipairs { " | ", " - ", " – ", " — ", " :: ", " · " } do
    local a = title:find(sep .. site, 1, true)
    if a and a + #sep + #site - 1 == #title then return title:sub(1, a - 1) end
    if title:sub(1, #site + #sep) == site .. sep then return title:sub(#site + #sep + 1) end
  end
  return title
end

function M.read(doc, ctx)
  local meta = doc:meta()
  local jsonld, warnings = doc:jsonld()
  for _, w in ipairs(warnings) do ctx.warnings[#ctx.warnings + 1] = w end
  local art = M.article_object(jsonld) or {}
  local h1 = doc:select("h1")[1]
  local out = {}
  out.site = first_string(meta["og:site_name"], meta["application-name"])
  out.title = first_string(meta["og:title"], art.headline, h1 and h1:text(),
    M.strip_site(doc:title(), out.site))
  out.description = first_string(meta["og:description"], meta["description"], art.description)
  return out
end

return M
