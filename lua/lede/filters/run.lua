-- Applying a filter to one page: its before hook and transforms, its field
-- rules after the metadata pass, its remove/keep/body rules around the
-- pipeline steps, its after hook. A filter that fails raises a Failure
-- (M.failure_message); lede.extract then uses the default filter.
local core = require "lede.core"
local catalog = require "lede.filters.catalog"
local load = require "lede.filters.load"
local pipeline = require "lede.pipeline"
local sandbox = require "lede.filters.sandbox"

local locate, clip, FIELD_RULES = load.locate, load.clip, load.FIELD_RULES
local plain, bounded = sandbox.plain, sandbox.bounded
local url_parts = catalog.url_parts
local resolve_url = require("lede.metadata.text").resolve

local M = {}

local Failure = {}
Failure.__index = Failure
Failure.__tostring = function(f) return f.message end

local function fail(message) error(setmetatable({ message = message }, Failure), 0) end

-- The message of a filter failure raised while extracting, or nil.
function M.failure_message(err)
  if getmetatable(err) == Failure then return err.message end
  return nil
end

local Run = {}
Run.__index = Run

local NodeMethods = core.Node

local function is_node(v)
  if type(v) ~= "userdata" then return false end
  local mt = getmetatable(v)
  return mt ~= nil and type(mt) == "table" and rawget(mt, "__index") == NodeMethods
end

local function collapse(s)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- The elements an XPath selects; strings and numbers are skipped, and an
-- expression that fails to evaluate selects nothing (FiveFilters configs:
-- lede.ftr_site drops the XPaths that cannot work before they get here).
local function elements(doc, expr)
  local ok, r = pcall(doc.xpath, doc, expr)
  local out = {}
  if ok and type(r) == "table" then
    for _, v in ipairs(r) do if is_node(v) then out[#out + 1] = v end end
  end
  return out
end

-- Calls filter code; a failure ends the filter for this page.
function Run:call(fn, entry, what, key, ...)
  local ok, r = bounded(fn, ...)
  if not ok then fail(locate(entry, what, r, fn, key)) end
  return r
end

function Run:trace(node, action, reason)
  local ctx = self.ctx
  if not ctx.trace then return end
  ctx.trace[#ctx.trace + 1] = {
    path = node and node:path() or nil, id = node and ctx.trace_id and ctx.trace_id(node) or nil,
    action = action, reason = reason,
  }
end

-- Nodes and strings a rule gives, non-empty, or nil when it matches nothing.
function Run:eval(rule, entry, what, key)
  if rule.list then
    for _, r in ipairs(rule.list) do
      local v = self:eval(r, entry, what, key)
      if v then return v end
    end
    return nil
  end
  local doc, values = self.ctx.doc, {}
  if rule.fn then
    local r = self:call(rule.fn, entry, what, key, doc, self.fctx)
    local v = r[1]
    if v == nil or v == false then return nil end
    if type(v) == "string" or type(v) == "number" or is_node(v) then
      values = { v }
    elseif type(v) == "table" then
      values = v
    else
      fail(locate(entry, what, "returned a " .. type(v) .. " (a string, a node or a list expected)", rule.fn, key))
    end
  else
    local ok, r
    if rule.xpath then ok, r = pcall(doc.xpath, doc, rule.xpath)
    else ok, r = pcall(doc.select, doc, rule.css) end
    if not ok then fail(locate(entry, what, tostring(r), nil, key)) end
    if type(r) == "table" then values = r
    elseif r ~= nil and r ~= false and r ~= "" then values = { tostring(r) } end
  end
  local out = {}
  for _, v in ipairs(values) do
    if rule.attr and is_node(v) then v = v:attr(rule.attr) end
    if type(v) == "number" then v = tostring(v) end
    if type(v) == "string" then
      v = collapse(v)
      if v ~= "" then out[#out + 1] = v end
    elseif is_node(v) then
      out[#out + 1] = v
    elseif v ~= nil then
      fail(locate(entry, what, "gave a " .. type(v) .. " (strings or nodes expected)", rule.fn, key))
    end
  end
  if #out == 0 then return nil end
  return out
end

local VALUE_ATTRS = {
  published = { "datetime", "content", "value" }, modified = { "datetime", "content", "value" },
  image = { "src", "data-src", "content", "href" },
}

-- A node's value for a field: its text, or for dates and images the usual
-- attribute; meta elements give their content.
local function node_value(node, field)
  for _, a in ipairs(VALUE_ATTRS[field] or {}) do
    local v = node:attr(a)
    if v and v:match("%S") then return collapse(v) end
  end
  local t = collapse(node:text())
  if t ~= "" then return t end
  local c = node:attr("content") or node:attr("value")
  if c and c:match("%S") then return collapse(c) end
  return nil
end


local function first_string(values, field)
  for _, v in ipairs(values) do
    local s = is_node(v) and node_value(v, field) or v
    if type(s) == "string" and s ~= "" then return s end
  end
  return nil
end

local function normalize_date(s)
  local dates = core.dates
  if type(dates) == "table" and type(dates.parse) == "function" then
    local ok, iso = pcall(dates.parse, s)
    if ok and type(iso) == "string" and iso ~= "" then return iso end
  end
  return s
end

local function drift(self, entry, what, key, fn)
  local w = locate(entry, what, "matched nothing; the generic extractor was used", fn, key)
  self.ctx.warnings[#self.ctx.warnings + 1] = w
end

-- Runs before the metadata pass: sets up ctx, runs `before` and transforms.
function M.start(ctx, F)
  local self = setmetatable({ ctx = ctx, F = F }, Run)
  ctx.filter = F
  if not F then return self end
  local host, path = url_parts(ctx.url)
  ctx.article.filter = F.id
  ctx.agencies = F.agencies
  ctx.date_ignore = F.date_ignore
  local warnings = ctx.warnings
  self.fctx = {
    url = ctx.url, host = host, path = path, filter = F.id, article = plain(ctx.article, 0, {}),
    warn = function(msg)
      warnings[#warnings + 1] = F.file .. ": " .. clip(type(msg) == "string" and msg or type(msg))
    end,
  }
  for _, h in ipairs(F.before) do self:call(h.fn, h.entry, "before", "before", ctx.doc, self.fctx) end
  for _, t in ipairs(F.transforms) do
    local what = "transforms['" .. (t.selector or t.xpath) .. "']"
    for _, n in ipairs(t.xpath and elements(ctx.doc, t.xpath) or ctx.doc:select(t.selector)) do
      if not n:removed() then
        self:trace(n, "transformed", "filter " .. what)
        if t.tag then n:rename(t.tag)
        else self:call(t.fn, t.entry, what, t.selector, n, self.fctx) end
      end
    end
  end
  if ctx.trace then
    for _, sel in ipairs(F.date_ignore) do
      for _, n in ipairs(ctx.doc:select(sel)) do self:trace(n, "date-ignored", "filter date.ignore '" .. sel .. "'") end
    end
  end
  return self
end

local function authors_from(values, ctx)
  local ok, credits = pcall(require, "lede.credits")
  local authors, seen = {}, {}
  for _, v in ipairs(values) do
    local s = is_node(v) and node_value(v, "author") or v
    if type(s) == "string" and s ~= "" then
      local names, agencies = nil, nil
      if ok and credits.parse_byline then names, agencies = credits.parse_byline(s, ctx.agencies and credits.table_for(ctx.agencies)) end
      if not names then
        names = { { name = (s:gsub("^[Bb][Yy]%s+", "")), role = "byline" } }
      end
      for _, a in ipairs(names) do
        if not seen[a.name] then seen[a.name] = true; authors[#authors + 1] = a end
      end
      for _, ag in ipairs(agencies or {}) do
        ctx.byline_credits = ctx.byline_credits or {}
        ctx.byline_credits[#ctx.byline_credits + 1] = { agency = ag, text = s }
      end
    end
  end
  return authors
end

-- Can v be written as JSON? (no functions or threads, string or integer keys,
-- no cycles: depth is capped)
local function json_value(v, depth)
  local t = type(v)
  if t == "function" or t == "thread" then return false end
  if t == "number" then return v == v and v ~= math.huge and v ~= -math.huge end
  if t == "table" then
    if depth >= 8 then return false end
    for k, x in next, v do
      if (type(k) ~= "string" and math.type(k) ~= "integer") or not json_value(x, depth + 1) then return false end
    end
  end
  return true
end

local function found(article, field)
  if field == "author" then return type(article.authors) == "table" and #article.authors > 0 end
  return type(article[field]) == "string" and article[field] ~= ""
end

-- After metadata.read: the filter's rules override what metadata found; fields.
function Run:metadata()
  local F, ctx = self.F, self.ctx
  if not F then return end
  local article = ctx.article
  rawset(self.fctx, "article", plain(article, 0, {}))  -- a snapshot: what metadata found
  for _, field in ipairs(FIELD_RULES) do
    local r = F.rules[field]
    -- F.fills_metadata (FiveFilters configs): the rule only fills what the
    -- metadata pass left empty (see lede.ftr_site)
    if r and F.fills_metadata and found(article, field) then r = nil end
    if r then
      local values = self:eval(r.rule, r.entry, field, field)
      local value
      if values and field == "author" then
        value = authors_from(values, ctx)
        if #value == 0 then value = nil end
      elseif values then
        value = first_string(values, field)
        if value and (field == "published" or field == "modified") then value = normalize_date(value) end
        if value and field == "image" then value = resolve_url(ctx.url, value) end
      end
      if value == nil then
        if field == "title" then drift(self, r.entry, field, field, r.rule.fn) end
      elseif field == "author" then
        article.authors = value
      else
        article[field] = value
        if field == "published" or field == "modified" then
          article.date_source = type(article.date_source) == "table" and article.date_source or {}
          article.date_source[field] = "filter " .. F.id
        end
      end
    end
  end
  local names = {}
  for k in pairs(F.fields) do names[#names + 1] = k end
  table.sort(names)
  for _, k in ipairs(names) do
    local r, what = F.fields[k], "fields." .. k
    local value
    if r.rule.fn then
      value = self:call(r.rule.fn, r.entry, what, k, ctx.doc, self.fctx)[1]
      if is_node(value) then value = node_value(value, k) end
      if value ~= nil and not json_value(value, 0) then
        fail(locate(r.entry, what, "returned a " .. type(value) .. " (a string, number, boolean or table of these expected)", r.rule.fn, k))
      end
    else
      local values = self:eval(r.rule, r.entry, what, k)
      value = values and first_string(values, k)
    end
    if value ~= nil then
      article.fields = article.fields or {}
      article.fields[k] = value
    end
  end
end

-- The chain of element ancestors of a node, nearest first.
local function ancestors(node)
  local list, p = {}, node:parent()
  while p do list[#list + 1] = p; p = p:parent() end
  return list
end

-- Several body elements (a story split around ads): their nearest common
-- ancestor becomes the body, and whatever in it holds none of them goes.
function Run:combine(nodes)
  local marked, common = {}, nil
  for _, n in ipairs(nodes) do
    local chain = ancestors(n)
    for _, a in ipairs(chain) do marked[a:key()] = (marked[a:key()] or 0) + 1 end
  end
  for _, a in ipairs(ancestors(nodes[1])) do
    if marked[a:key()] == #nodes then common = a; break end
  end
  if not common then return nodes[1] end
  local keep = {}
  for _, n in ipairs(nodes) do
    keep[n:key()] = true
    for _, a in ipairs(ancestors(n)) do
      if a == common then break end
      keep[a:key()] = true
    end
  end
  local function sweep(node)
    for _, c in ipairs(node:children()) do
      local k = c:key()
      if not keep[k] then
        self:trace(c, "removed", "between the parts of the filter's body")
        c:remove()
      elseif marked[k] then
        sweep(c)
      end
    end
  end
  sweep(common)
  return common
end

-- The body rule's element; when it matches several (none inside another),
-- the body is all of them, in document order.
function Run:find_body()
  local r = self.F.rules.body
  local values = self:eval(r.rule, r.entry, "body", "body")
  local nodes = {}
  for _, v in ipairs(values or {}) do
    if not is_node(v) then
      fail(locate(r.entry, "body", "gave a string; the body rule must select an element", r.rule.fn, "body"))
    end
    local inside = false
    for _, o in ipairs(nodes) do if o:contains(v) then inside = true; break end end
    if not inside and v:stats().chars > 0 then nodes[#nodes + 1] = v end
  end
  if #nodes == 0 then
    drift(self, r.entry, "body", "body", r.rule.fn)
    return nil
  end
  self.body_parts = #nodes
  if #nodes == 1 then return nodes[1] end
  return self:combine(nodes)
end

-- keep: protected nodes, their descendants and ancestors (removing an
-- ancestor would take them along); the filter's body and its ancestors.
function Run:protector(body)
  local ctx, kept, guard = self.ctx, {}, {}
  local reason_of = {}
  for _, k in ipairs(self.F.keep) do
    for _, n in ipairs(ctx.doc:select(k.selector)) do
      local key = n:key()
      kept[key] = true
      reason_of[key] = "filter rule keep '" .. k.selector .. "'"
      for _, a in ipairs(n:ancestor_keys()) do guard[a] = guard[a] or reason_of[key] end
    end
  end
  if body then
    guard[body:key()] = "filter rule 'body'"
    for _, a in ipairs(body:ancestor_keys()) do guard[a] = guard[a] or "filter rule 'body'" end
  end
  if next(kept) == nil and next(guard) == nil then return nil end
  return function(node, reason)
    local key = node:key()
    local why = guard[key] or (kept[key] and reason_of[key])
    if not why and next(kept) then
      for _, a in ipairs(node:ancestor_keys()) do
        if kept[a] then why = reason_of[a]; break end
      end
    end
    if why and ctx.trace then
      ctx.trace[#ctx.trace + 1] = { path = node:path(), id = ctx.trace_id and ctx.trace_id(node),
        action = "kept", reason = "kept by " .. why .. " (generic: " .. tostring(reason) .. ")" }
    end
    return why ~= nil
  end
end

-- remove entries: { selector } (CSS), or from FiveFilters configs { xpath,
-- label } or { find = function(doc) -> nodes, label } (lede's own code, not a
-- filter's), with attr when the rule removes an attribute (strip_attr).
function Run:remove()
  local ctx = self.ctx
  for _, r in ipairs(self.F.remove) do
    local nodes = (r.find and r.find(ctx.doc)) or (r.xpath and elements(ctx.doc, r.xpath))
      or ctx.doc:select(r.selector)
    local why = "filter rule " .. (r.label or ("remove '" .. tostring(r.selector) .. "'"))
    for _, n in ipairs(nodes) do
      if r.attr then
        if not n:removed() then n:set_attr(r.attr, nil) end
      elseif not n:removed() and n:tag() ~= "html" then
        self:trace(n, "removed", why)
        n:remove()
      end
    end
  end
end

-- Marks the trace entries a step added with the step's name; drops made by
-- prune are "pruned".
local function tag_trace(ctx, from, step)
  if not ctx.trace then return end
  for i = from + 1, #ctx.trace do
    local e = ctx.trace[i]
    e.step = e.step or step
    if step == "prune" and e.action == "removed" then e.action = "pruned" end
  end
end

-- F.body_scope (FiveFilters configs): a body rule that selects one element
-- bounds the article, and the generic body choice runs inside it. These
-- rules are often coarse (//article[1], //main) because Full-Text RSS cleans
-- the block afterwards; the generic choice is lede's clean-up of that kind.
-- Everything outside the element (but <head>) is removed first.
function Run:scope(node)
  local inner, p = node, node:parent()
  while p and p:tag() ~= "html" do
    for _, c in ipairs(p:children()) do
      if c ~= inner and c:tag() ~= "head" then
        self:trace(c, "removed", "outside the filter's body")
        c:remove()
      end
    end
    inner, p = p, p:parent()
  end
end

-- Replacements for the pipeline steps: the filter's remove rules and body,
-- keep protection, and a trace of every decision.
function Run:steps()
  local F = self.F
  local function traced(name, f)
    return function(ctx)
      local from = ctx.trace and #ctx.trace or 0
      f(ctx)
      tag_trace(ctx, from, name)
    end
  end
  return {
    clean = traced("clean", function(ctx)
      if F then
        self:remove()
        if F.rules.body then self.body_node = self:find_body() end
        ctx.protect = self:protector(self.body_node)
      end
      pipeline.clean(ctx)
    end),
    body = traced("body", function(ctx)
      local node = self.body_node
      if node and not node:removed() and F.body_scope and self.body_parts == 1 then
        self:scope(node)
        pipeline.body(ctx)
        ctx.body_rule = "filter rule 'body', then " .. tostring(ctx.body_rule)
      elseif node and not node:removed() then
        ctx.body, ctx.body_rule = node, "filter rule 'body'"
      else
        pipeline.body(ctx)
      end
      if ctx.body then self:trace(ctx.body, "body", "body (" .. tostring(ctx.body_rule) .. ")") end
    end),
    prune = traced("prune", function(ctx) pipeline.prune(ctx) end),
  }
end

local STRING_FIELDS = { "title", "description", "text", "site", "section", "published", "modified",
  "image", "url", "host", "filter", "language", "canonical_url", "markdown", "html" }
local TABLE_FIELDS = { "authors", "wire", "warnings", "captions", "tags", "fields", "dateline" }

local function check_article(a)
  for _, k in ipairs(STRING_FIELDS) do
    if a[k] ~= nil and type(a[k]) ~= "string" then return "article." .. k .. " must be a string, not " .. type(a[k]) end
  end
  for _, k in ipairs(TABLE_FIELDS) do
    if a[k] ~= nil and type(a[k]) ~= "table" then return "article." .. k .. " must be a table, not " .. type(a[k]) end
  end
  for k, v in pairs(a) do
    if type(k) ~= "string" then return "article keys must be strings" end
    if not json_value(v, 0) then return "article." .. k .. " cannot be written as JSON" end
  end
  return nil
end

local function call_after(fn, article, doc, fctx)
  local r = fn(article, doc, fctx)
  if r == nil then return article end
  return r
end

-- After credits: traces credits, runs the `after` hooks; returns the article.
function Run:finish(article)
  local ctx, F = self.ctx, self.F
  if ctx.trace then
    if article.dateline then
      ctx.trace[#ctx.trace + 1] = { action = "dateline", text = article.dateline.text,
        reason = "dateline" .. (article.dateline.agency and (" (" .. article.dateline.agency .. ")") or "") }
    end
    for _, w in ipairs(article.wire or {}) do
      ctx.trace[#ctx.trace + 1] = { action = "credit", text = w.text, where = w.where,
        reason = "wire credit (" .. tostring(w.agency) .. ", " .. tostring(w.where) ..
          (w.kept and ", kept in text" or ", taken out of text") .. ")" }
    end
  end
  if not F then return article end
  for _, h in ipairs(F.after) do
    -- the hook gets a copy and gives back (changed in place or returned) a
    -- table that M.bounded copies with raw access: lede never reads a table
    -- the filter could have put metamethods on
    local copy = plain(article, 0, {})
    rawset(self.fctx, "article", copy)
    local ok, r = bounded(call_after, h.fn, copy, ctx.doc, self.fctx)
    if not ok then fail(locate(h.entry, "after", r, h.fn, "after")) end
    local a = r[1]
    if type(a) ~= "table" then
      fail(locate(h.entry, "after", "returned a " .. type(a) .. " (nothing or an article table expected)", h.fn, "after"))
    end
    local bad = check_article(a)
    if bad then fail(locate(h.entry, "after", bad, h.fn, "after")) end
    article = a
  end
  article.warnings = article.warnings or ctx.warnings
  return article
end

M.collapse = collapse

return M
