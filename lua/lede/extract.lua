-- Builds the Article: parse, read metadata, run the pipeline steps.
local core = require "lede.core"
local credits = require "lede.credits"
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

function M.extract(html, opts)
  local doc, err = core.parse(html, { url = opts.url, charset = opts.charset })
  if not doc then return nil, err end
  local warnings = {}
  local article = {
    url = opts.url,
    host = host_of(opts.url),
    filter = "default",
    warnings = warnings,
  }
  local ctx = { doc = doc, opts = opts, article = article, warnings = warnings, url = opts.url }
  local meta = metadata.read(doc, ctx)
  for k, v in pairs(meta) do article[k] = v end
  pipeline.run(ctx)
  credits.apply(article, ctx)
  article.captions = ctx.captions
  doc:close()
  if not article.text or article.text == "" then
    return nil, "no article found"
  end
  return article
end

return M
