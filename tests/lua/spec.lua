-- A small spec library: one behaviour per test, the expected value first.
local M = { tests = {} }

function M.test(name, fn) M.tests[#M.tests + 1] = { name = name, fn = fn } end

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  return tostring(v)
end

local function deep_eq(a, b)
  if type(a) ~= "table" or type(b) ~= "table" then return a == b end
  for k, v in pairs(a) do if not deep_eq(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

local function dump(v, depth)
  depth = depth or 0
  if type(v) ~= "table" or depth > 3 then return show(v) end
  local parts = {}
  for k, x in pairs(v) do parts[#parts + 1] = "[" .. show(k) .. "]=" .. dump(x, depth + 1) end
  table.sort(parts)
  return "{" .. table.concat(parts, ", ") .. "}"
end

function M.eq(expected, actual, what)
  if not deep_eq(expected, actual) then
    error(string.format("%sexpected %s, got %s", what and (what .. ": ") or "",
      dump(expected), dump(actual)), 2)
  end
end

function M.ok(v, what)
  if not v then error((what or "expected a true value") .. ", got " .. show(v), 2) end
  return v
end

function M.contains(haystack, needle, what)
  if type(haystack) ~= "string" or not haystack:find(needle, 1, true) then
    error(string.format("%sexpected %s to contain %s", what and (what .. ": ") or "",
      show(type(haystack) == "string" and haystack:sub(1, 300) or haystack), show(needle)), 2)
  end
end

function M.excludes(haystack, needle, what)
  if type(haystack) == "string" and haystack:find(needle, 1, true) then
    error(string.format("%sexpected no %s in the text", what and (what .. ": ") or "", show(needle)), 2)
  end
end

-- Asserts that fn raises an error whose message contains `fragment`.
function M.raises(fragment, fn, ...)
  local ok, err = pcall(fn, ...)
  if ok then error("expected an error containing " .. show(fragment), 2) end
  if not tostring(err):find(fragment, 1, true) then
    error(string.format("expected an error containing %s, got %s", show(fragment), show(tostring(err))), 2)
  end
end

-- Marks the running test as skipped, with a reason that is always printed.
function M.skip(reason) error({ skip = reason }, 0) end

function M.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

M.source_dir = os.getenv("LEDE_SOURCE_DIR") or "."
M.shared_dir = os.getenv("LEDE_SHARED_DIR") or (M.source_dir .. "/../shared")
M.fixtures = M.source_dir .. "/tests/fixtures"

-- The shared corpus is for development only; a user's clone does not have it.
function M.need_shared(sub)
  local path = M.shared_dir .. "/" .. (sub or "")
  local f = io.open(path .. (sub and "" or "DESIGN.md"), "rb")
  if not f then M.skip("../shared is absent (" .. path .. "): this test needs the development corpus") end
  f:close()
  return path
end

-- A word for the shell, single-quoted.
function M.sh_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- Runs a program and waits for it. argv: the program and its arguments, each
-- quoted for the shell; opts.env: a string of NAME=value assignments put before
-- it (already quoted); opts.stdin: a file for its standard input (else
-- /dev/null); opts.stderr: "out" to merge standard error into the output.
-- Returns the standard output, the standard error and the exit status.
function M.run_program(argv, opts)
  opts = opts or {}
  local words = {}
  for i, a in ipairs(argv) do words[i] = M.sh_quote(a) end
  local err_file = os.tmpname()
  local cmd = (opts.env and (opts.env .. " ") or "") .. table.concat(words, " ")
    .. (opts.stderr == "out" and " 2>&1" or " 2>" .. M.sh_quote(err_file))
    .. " <" .. M.sh_quote(opts.stdin or "/dev/null")
  local p = assert(io.popen(cmd, "r"))
  local out = p:read("a")
  local _, _, code = p:close()
  local f = io.open(err_file, "rb")
  local err = f and f:read("a") or ""
  if f then f:close() end
  os.remove(err_file)
  return out, err, code
end

return M
