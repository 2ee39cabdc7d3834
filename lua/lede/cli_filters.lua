-- `lede filters list` and `lede filters test [NAME...]`.
local core = require "lede.core"
local filters = require "lede.filters"
local ftr_site = require "lede.ftr_site"

local M = {}

M.usage = [[
usage: lede filters list [--filters DIR]... [--ftr DIR]...
       lede filters test [--filters DIR]... [NAME...]
       lede filters check-ftr DIR [--pages DIR] [-v]

list       the filter files lede loads, in search order, with the hosts and
           paths they match and where each comes from; files that fail to
           load say why. Then the FiveFilters site configs (--ftr, LEDE_FTR),
           one line each, and the Lua filter that takes precedence, if any.
test       runs the self-tests (`tests = {...}`) of every filter, or of those
           named; one line per test and "N passed, N failed". Exit status 1
           when a test fails, a filter fails to load or a rule no longer matches.
check-ftr  loads every site config of DIR (a checkout of ftr-site-config) and
           lists, per file, the XPaths that do not compile or cannot run (an
           unknown function, a wrong number of arguments); -v adds the notes
           (malformed lines, unknown directives, rules that give a string).
           --pages DIR runs the configs' test_url/test_contains on the saved
           pages found there (named by lede.ftr_site.saved_page_name: the URL
           without scheme, [^%w.-] as '_', plus .html). Exit status 1 when a
           file has an XPath error or a test fails.

The search path: each --filters DIR, then LEDE_FILTERS (colon-separated),
then the installed filters.
]]

local function parse(args)
  local opts = { filter_dirs = {}, names = {}, ftr = {} }
  local lists = { ["--filters"] = "filter_dirs", ["--ftr"] = "ftr" }
  local i = 1
  while i <= #args do
    local a = args[i]
    local name, inline = a:match("^(%-%-[%w-]+)=(.*)$")
    if name and lists[name] then
      table.insert(opts[lists[name]], inline)
    elseif lists[a] then
      i = i + 1
      if not args[i] then return nil, "option " .. a .. " needs a value" end
      table.insert(opts[lists[a]], args[i])
    elseif a == "--pages" or name == "--pages" then
      if not inline then i = i + 1 end
      opts.pages = inline or args[i]
      if not opts.pages then return nil, "option --pages needs a value" end
    elseif a == "-v" or a == "--verbose" then
      opts.verbose = true
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
  M.list_ftr(opts, out)
  return failed > 0 and 1 or 0
end

-- The FiveFilters site configs of --ftr / LEDE_FTR: one line per file (the
-- directory is listed, no file is parsed), with the Lua filter that takes
-- precedence for its host.
function M.list_ftr(opts, out)
  for _, d in ipairs(ftr_site.dirs(opts)) do
    local index = ftr_site.index(d.dir)
    out:write(string.format("FiveFilters site configs: %s (%s), %d files\n", d.dir, d.origin, index.count))
    for _, name in ipairs(index.names) do
      if name ~= "global.txt" then
        local host = name:gsub("%.txt$", "")
        local probe = host:sub(1, 1) == "." and ("x" .. host) or host
        local lua = filters.choose({ url = "https://" .. probe .. "/", filter_dirs = opts.filter_dirs, ftr = {} })
        out:write(string.format("%-28s %-24s hosts %s  %s%s\n", "ftr:" .. host, "(FiveFilters)",
          host:sub(1, 1) == "." and ("*" .. host) or host, d.dir .. "/" .. name,
          lua and lua.kind ~= "ftr" and ("  (Lua filter " .. lua.file .. " takes precedence)") or ""))
      end
    end
  end
end

-- `lede filters check-ftr DIR`: every config loaded, XPath errors per file.
function M.check_ftr(opts, out)
  local dir = opts.names[1]
  if not dir or #opts.names > 1 then io.stderr:write("lede filters check-ftr: one directory expected\n"); return 2 end
  if core.filetype(dir) ~= "directory" then
    io.stderr:write("lede filters check-ftr: not a directory: ", dir, "\n")
    return 2
  end
  local t0 = os.clock()
  local report = ftr_site.check(dir)
  local ms = (os.clock() - t0) * 1000
  local bad, notes, passed, failed, skipped = 0, 0, 0, 0, 0
  for _, r in ipairs(report) do
    if #r.errors > 0 then
      bad = bad + 1
      out:write(r.file, "\n")
      for _, e in ipairs(r.errors) do out:write("  ", e, "\n") end
    end
    notes = notes + #r.notes
    if opts.verbose then for _, n in ipairs(r.notes) do out:write("  note: ", n, "\n") end end
    if opts.pages and r.file ~= "global.txt" then
      local F = ftr_site.for_file(dir .. "/" .. r.file)
      for _, t in ipairs(F and F.tests or {}) do
        local why = ftr_site.run_test(F, t, opts.pages)
        if why == "skip" then skipped = skipped + 1
        elseif why then failed = failed + 1; out:write(string.format("FAIL  %s %s: %s\n", r.file, t.url, why))
        else passed = passed + 1; out:write(string.format("ok    %s %s\n", r.file, t.url)) end
      end
    end
  end
  out:write(string.format("%d files checked in %.0f ms: %d with XPath errors, %d notes%s\n", #report, ms, bad, notes,
    opts.verbose and "" or " (-v lists them)"))
  if opts.pages then
    out:write(string.format("self-tests: %d passed, %d failed, %d without a saved page\n", passed, failed, skipped))
  end
  return (bad > 0 or failed > 0) and 1 or 0
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
  elseif sub == "check-ftr" then
    return M.check_ftr(opts, out)
  end
  io.stderr:write("lede filters: expected 'list', 'test' or 'check-ftr'\n", M.usage)
  return 2
end

return M
