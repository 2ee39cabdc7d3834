-- Checks an XPath of a site config the way it will run: it compiles under
-- libxml2 (evaluated on a small probe page), every function it calls is an
-- XPath 1.0 function with the right number of arguments (libxml2 looks
-- functions up only when a call is evaluated, so a typo such as contain()
-- compiles and fails on the first page that reaches it), and the rules that
-- must select elements do not give a string or number.
local core = require "lede.core"

local M = {}

-- XPath 1.0 functions (and node tests written as calls): { min, max } arguments.
M.FUNCTIONS = {
  last = { 0, 0 }, position = { 0, 0 }, count = { 1, 1 }, id = { 1, 1 },
  ["local-name"] = { 0, 1 }, ["namespace-uri"] = { 0, 1 }, name = { 0, 1 },
  string = { 0, 1 }, concat = { 2, math.huge }, ["starts-with"] = { 2, 2 },
  contains = { 2, 2 }, ["substring-before"] = { 2, 2 }, ["substring-after"] = { 2, 2 },
  substring = { 2, 3 }, ["string-length"] = { 0, 1 }, ["normalize-space"] = { 0, 1 },
  translate = { 3, 3 }, boolean = { 1, 1 }, ["not"] = { 1, 1 }, ["true"] = { 0, 0 },
  ["false"] = { 0, 0 }, lang = { 1, 1 }, number = { 0, 1 }, sum = { 1, 1 },
  floor = { 1, 1 }, ceiling = { 1, 1 }, round = { 1, 1 },
  text = { 0, 0 }, node = { 0, 0 }, comment = { 0, 0 }, ["processing-instruction"] = { 0, 1 },
}

-- Directives whose XPath must select elements (or attributes, for strip_attr).
M.NODESET = { body = true, strip = true, strip_attr = true, dissolve = true, wrap_in = true }

-- Operator names a '(' may follow: "@a='x' and (@b or @c)".
local OPERATORS = { ["and"] = true, ["or"] = true, div = true, mod = true }

-- The expression with string literals blanked (same length), so names and
-- parentheses inside quotes are not read as calls.
local function blank_strings(expr)
  return (expr:gsub("(['\"])(.-)%1", function(q, s) return q .. string.rep("x", #s) .. q end))
end

-- The number of arguments of the call whose '(' is at position open, or nil
-- when the parenthesis is not closed.
local function arg_count(s, open)
  local depth, commas, nonblank = 0, 0, false
  for i = open + 1, #s do
    local ch = s:sub(i, i)
    if ch == "(" or ch == "[" then depth = depth + 1
    elseif ch == ")" or ch == "]" then
      if depth == 0 then return (nonblank and commas + 1 or 0) end
      depth = depth - 1
    elseif ch == "," and depth == 0 then commas = commas + 1
    end
    if not ch:match("%s") then nonblank = true end
  end
  return nil
end

-- nil when every call is a known function with a fitting arity, else a message.
function M.functions(expr)
  local s = blank_strings(expr)
  local pos = 1
  while true do
    local a, b, name = s:find("([%a_][%w_.:-]*)%s*%(", pos)
    if not a then return nil end
    local prev = a > 1 and s:sub(a - 1, a - 1) or ""
    name = name:match("::(.*)$") or name  -- following-sibling::text()
    if prev ~= "@" and prev ~= "$" and not OPERATORS[name] then
      local range = M.FUNCTIONS[name]
      if not range then return "unknown XPath function " .. name .. "()" end
      local n = arg_count(s, b)
      if n and (n < range[1] or n > range[2]) then
        local want = range[1] == range[2] and tostring(range[1])
          or (range[1] .. " to " .. (range[2] == math.huge and "any" or range[2]))
        return string.format("%s() takes %s argument%s, not %d", name, want, range[2] == 1 and "" or "s", n)
      end
    end
    pos = b + 1
  end
end

local probe

-- nil when the XPath is fine for the directive `key`, else a message and
-- "error" (it cannot work) or "warning" (it runs, but gives a string where the
-- directive needs elements: the rule never applies).
function M.check(expr, key)
  probe = probe or core.parse("<html><head><title>t</title></head><body><p>x</p></body></html>")
  local ok, r = pcall(probe.xpath, probe, expr)
  if not ok then return (tostring(r):gsub("^invalid XPath ", "does not compile: ")), "error" end
  local ferr = M.functions(expr)
  if ferr then return ferr, "error" end
  if M.NODESET[key] and type(r) ~= "table" then
    return "gives a " .. type(r) .. " where elements are needed", "warning"
  end
  return nil
end

return M
