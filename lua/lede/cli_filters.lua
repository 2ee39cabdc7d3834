-- `lede filters list` and `lede filters test [NAME...]`.
local filters = require "lede.filters"

local M = {}

M.usage = [[
usage: lede filters list [--filters DIR]...
       lede filters test [--filters DIR]... [NAME...]

list  the filter files lede loads, in search order, with the hosts and paths
      they match and where each comes from; files that fail to load say why.
test  runs the self-tests (`tests = {...}`) of every filter, or of those
      named; one line per test and "N passed, N failed". Exit status 1 when
      a test fails, a filter fails to load or a rule no longer matches.

The search path: each --filters DIR, then LEDE_FILTERS (colon-separated),
then the installed filters.
]]

local function parse(args)
  local opts = { filter_dirs = {}, names = {} }
  local i = 1
  while i <= #args do
    local a = args[i]
    local inline = a:match("^%-%-filters=(.*)$")
    if inline then
      opts.filter_dirs[#opts.filter_dirs + 1] = inline
    elseif a == "--filters" then
      i = i + 1
      if not args[i] then return nil, "option --filters needs a value" end
      opts.filter_dirs[#opts.filter_dirs + 1] = args[i]
    elseif a == "-h" or a == "--help" then
      opts.help = true
    elseif a:sub(1, 1) == "-" then
      return nil, "unknown option " .. a
    else
      opts.names[#opts.names + 1] = a
    end
    i = i + 1
  end
  return opts
end

local function join(list) return (list and #list > 0) and table.concat(list, ",") or "-" end

-- Which entry shadows which: the first of each name is used.
local function shadowing(cat)
  local first, by = {}, {}
  for _, e in ipairs(cat.entries) do
    if first[e.id] then by[e] = first[e.id] else first[e.id] = e end
  end
  return by
end

function M.list(opts, out)
  local cat = filters.catalog(opts)
  out:write("search path:\n")
  for i, d in ipairs(cat.dirs) do
    out:write(string.format("  %d. %s (%s)\n", i, d.dir, d.origin))
  end
  local shadowed = shadowing(cat)
  local failed = 0
  for _, e in ipairs(cat.entries) do
    local F = e.filter
    if F then
      local extra = {}
      if F.entry.spec.extends then extra[#extra + 1] = "extends " .. F.entry.spec.extends end
      if shadowed[e] then extra[#extra + 1] = "shadowed by " .. shadowed[e].path end
      out:write(string.format("%-28s %-24s hosts %s  paths %s  tests %d  %s%s\n",
        e.id, F.name, join(F.hosts), join(F.paths), F.tests and #F.tests or 0, e.path,
        #extra > 0 and ("  (" .. table.concat(extra, "; ") .. ")") or ""))
    else
      failed = failed + 1
      out:write(string.format("%-28s ERROR %s\n    %s\n", e.id, e.path, e.error))
    end
  end
  out:write(string.format("%d filters, %d failed to load\n", #cat.entries, failed))
  return failed > 0 and 1 or 0
end

function M.test(opts, out)
  local cat = filters.catalog(opts)
  local targets, missing = filters.test_targets(cat, opts.names)
  local passed, failed = 0, 0
  local function report(ok, label, why)
    if ok then passed = passed + 1 else failed = failed + 1 end
    out:write(string.format("%-5s %s%s\n", ok and "ok" or "FAIL", label, why and (": " .. why) or ""))
  end
  for _, n in ipairs(missing) do report(false, n, "no such filter") end
  for _, e in ipairs(targets) do
    if not e.filter then
      report(false, e.id, "failed to load: " .. e.error)
    elseif not e.filter.tests or #e.filter.tests == 0 then
      out:write(string.format("%-5s %s: no tests\n", "--", e.id))
    else
      for i, t in ipairs(e.filter.tests) do
        local label = string.format("%s #%d %s", e.id, i, type(t) == "table" and tostring(t.page) or "?")
        local why = filters.run_test(e, t, opts)
        report(why == nil, label, why)
      end
    end
  end
  out:write(string.format("%d passed, %d failed\n", passed, failed))
  return failed > 0 and 1 or 0
end

function M.main(args, out)
  out = out or io.stdout
  local sub = args[1]
  local opts, err = parse(table.move(args, 2, #args, 1, {}))
  if not opts then
    io.stderr:write("lede filters: ", err, "\n")
    return 2
  end
  if sub == "-h" or sub == "--help" or opts.help then out:write(M.usage); return 0 end
  if sub == "list" then
    if #opts.names > 0 then io.stderr:write("lede filters list: no arguments expected\n"); return 2 end
    return M.list(opts, out)
  elseif sub == "test" then
    return M.test(opts, out)
  end
  io.stderr:write("lede filters: expected 'list' or 'test'\n", M.usage)
  return 2
end

return M
