-- Builds the Article: parse, read metadata, run the pipeline steps.
local core = require "lede.core"
local credits = require "lede.credits"
local filters = require "lede.filters"
local ftr = require "lede.ftr"
local metadata = require "lede.metadata"
local pipeline = require "lede.pipeline"

local M = {}

local function host_of(url)
  if not url then return nil end
  local host = url:match("^%a[%w+.-]*://([^/?#]+)")
  if not host then return nil end
  host = host:gsub("^.*@", ""):gsub(":%d+$", ""):lower()
  return host
end
M.host_of = host_of

-- One extraction with `filter` (nil: the default filter). Filters (issue 6):
-- filters.start runs the filter's before hook and transforms, run:metadata its
-- field rules, run:steps wraps clean/body/prune (remove, keep, body, trace),
-- run:finish its after hook. A failing filter raises (see M.extract).
local function attempt(html, opts, filter, warnings)
  if filter and filter.replace then html = ftr.replace(html, filter.replace) end  -- FiveFilters find_string
  local doc, err = core.parse(html, { url = opts.url, charset = opts.charset })
  if not doc then return nil, err end
  local article = {
    url = opts.url,
    host = host_of(opts.url),
    filter = "default",
    warnings = warnings,
  }
  local ctx = { doc = doc, opts = opts, article = article, warnings = warnings, url = opts.url }
  if opts.on_document then opts.on_document(doc, ctx) end  -- lede inspect: numbers nodes, sets ctx.trace
  local run = filters.start(ctx, filter)
  local meta = metadata.read(doc, ctx)
  for k, v in pairs(meta) do article[k] = v end
  run:metadata()
  pipeline.run(ctx, run:steps())
  metadata.finish(article, ctx)  -- metadata: region-aware choices
  pipeline.with_lead(article, ctx, credits.apply)  -- credits read the header's bylines too
  article.captions = ctx.captions
  article = run:finish(article)
  doc:close()
  if not article.text or article.text == "" then
    return nil, "no article found"
  end
  return article
end

-- The page's filter is chosen by URL (or opts.filter); when it fails (an
-- error, a budget exceeded, a wrong type, or no article where the default
-- finds one) the page is extracted again with the default filter and a
-- warning says why: a filter never costs the record.
function M.extract(html, opts)
  local filter, warnings = filters.choose(opts)
  if not filter then return attempt(html, opts, nil, warnings) end
  local ok, article, err = pcall(attempt, html, opts, filter, table.move(warnings, 1, #warnings, 1, {}))
  if ok and article then return article end
  local why = ok and ("filter " .. filter.file .. " found no article (" .. tostring(err) .. ")")
    or filters.failure_message(article) or ("filter " .. filter.file .. " failed: " .. tostring(article))
  warnings[#warnings + 1] = why .. "; the page was extracted with the default filter"
  return attempt(html, opts, nil, warnings)
end

return M
