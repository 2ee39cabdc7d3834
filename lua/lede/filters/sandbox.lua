-- The sandbox filter code runs in: its own environment (no io, os, debug,
-- load, require), a budget for every call into it (M.limits), and raw copies
-- of whatever it returns, so no metamethod of a filter's table ever runs
-- outside the budget.
local core = require "lede.core"

local M = {}

-- Budgets for each call into filter code (loading the file, each rule
-- function, each transform, each hook): Lua VM instructions and net bytes
-- allocated. C work (selector matching, string patterns) is not counted in
-- instructions. A filter that exceeds either is abandoned for that page.
M.limits = { instructions = 50 * 1000 * 1000, memory = 64 * 1024 * 1024 }

local function copy_lib(lib, skip)
  local t = {}
  for k, v in pairs(lib) do if not (skip and skip[k]) then t[k] = v end end
  return t
end

local function is_budget_error(e)
  return type(e) == "string" and (e:find("filter exceeded its", 1, true) ~= nil
    or e:find("not enough memory", 1, true) ~= nil)
end

-- pcall for filters: it cannot catch the budget errors, or a loop around
-- pcall would outlive its instruction budget.
local function sandbox_pcall_result(ok, ...)
  if not ok and is_budget_error((...)) then error((...), 0) end
  return ok, ...
end
local function sandbox_pcall(f, ...) return sandbox_pcall_result(pcall(f, ...)) end

-- __gc would run filter code at some later collection, outside any budget.
local function sandbox_setmetatable(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    error("filters may not set __gc metamethods", 2)
  end
  return setmetatable(t, mt)
end

-- Only tables: the string metatable and the Node/Document metatables are
-- shared with the rest of the process.
local function sandbox_getmetatable(v)
  if type(v) ~= "table" then return nil end
  return getmetatable(v)
end

local function sandbox_parse(html, opts)
  if type(html) ~= "string" then error("lede.parse: string expected", 2) end
  opts = type(opts) == "table" and opts or {}
  return core.parse(html, { url = rawget(opts, "url"), charset = rawget(opts, "charset") })
end

local SAFE = { "pairs", "ipairs", "select", "type", "tostring", "tonumber", "error", "assert",
  "next", "rawget", "rawequal", "rawlen" }

-- A fresh environment per filter file: copies of the libraries, so a filter
-- that changes string.format changes only its own copy.
function M.environment()
  local env = {}
  for _, k in ipairs(SAFE) do env[k] = _G[k] end
  env.pcall = sandbox_pcall
  env.setmetatable = sandbox_setmetatable
  env.getmetatable = sandbox_getmetatable
  env.string = copy_lib(string, { dump = true })
  env.table = copy_lib(table)
  env.math = copy_lib(math)
  env.utf8 = copy_lib(utf8)
  env.lede = {
    version = core.version,
    parse = sandbox_parse,
    dates = type(core.dates) == "table" and copy_lib(core.dates) or nil,
  }
  env._VERSION = _VERSION
  env._G = env
  return env
end

-- Copies what filter code returned with raw access only (no metamethod of a
-- filter's table runs later, outside the budget). Runs inside the budget.
local function plain(v, depth, seen)
  if type(v) ~= "table" then return v end
  if depth > 12 then error("value nested too deeply", 0) end
  if seen[v] then return seen[v] end
  local t = {}
  seen[v] = t
  local k, x = next(v)
  while k ~= nil do
    rawset(t, plain(k, depth + 1, seen), plain(x, depth + 1, seen))
    k, x = next(v, k)
  end
  return t
end

local function plain_results(...)
  local n = select("#", ...)
  local out = { n = n }
  for i = 1, n do out[i] = plain((select(i, ...)), 0, {}) end
  return out
end

local function call_plain(f, ...) return plain_results(f(...)) end

-- Calls filter code within the budget: true, results (a packed table) or
-- false, message.
function M.bounded(f, ...)
  local ok, r = core.bounded_call(M.limits, call_plain, f, ...)
  if ok then return true, r end
  if type(r) ~= "string" then r = "(error object is a " .. type(r) .. " value)" end
  if r == "not enough memory" or r:find(": not enough memory$") then
    r = "filter exceeded its memory budget"
  end
  -- the budget hook reports where lede's wrapper stood, not the filter's line
  local budget = r:match("^.-:%d+: (filter exceeded its %a+ budget)$")
  return false, budget or r
end

M.plain = plain

return M
