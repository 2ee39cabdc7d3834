-- lede: pull the article out of a news page. The public Lua API.
local core = require "lede.core"
require "lede.document"  -- adds Document:meta() and Document:jsonld()
local extract = require "lede.extract"

local M = {
  version = core.version,
  core = core,
  dates = core.dates,
  render = core.render,  -- render.markdown(node [, opts]), render.html(node [, opts])
}

local function check_options(fname, opts)
  if opts ~= nil and type(opts) ~= "table" then
    error(string.format("bad argument #2 to '%s' (table expected, got %s)", fname, type(opts)), 3)
  end
  return opts or {}
end

local function check_html(fname, html)
  if type(html) ~= "string" then
    error(string.format("bad argument #1 to '%s' (string expected, got %s)", fname, type(html)), 3)
  end
end

-- A Document, or nil and a message when the page cannot be read.
function M.parse(html, opts)
  check_html("parse", html)
  opts = check_options("parse", opts)
  return core.parse(html, { url = opts.url, charset = opts.charset })
end

-- The Article table (see README), or nil and a message.
local FAVOR = { precision = true, recall = true, balanced = true }
local BOOLEAN_OPTIONS = { "links", "images", "tables", "comments" }

function M.extract(html, opts)
  check_html("extract", html)
  opts = check_options("extract", opts)
  if opts.favor ~= nil and not FAVOR[opts.favor] then
    error(string.format("bad argument #2 to 'extract' (favor must be 'precision', 'recall' or "
      .. "'balanced', not %s)", tostring(opts.favor)), 2)
  end
  for _, k in ipairs(BOOLEAN_OPTIONS) do
    if opts[k] ~= nil and type(opts[k]) ~= "boolean" then
      error(string.format("bad argument #2 to 'extract' (%s must be a boolean, not %s)", k, type(opts[k])), 2)
    end
  end
  return extract.extract(html, opts)
end

return M
