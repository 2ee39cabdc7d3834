-- Filters: matching, inheritance, rule forms, the sandbox, drift, the CLI.
-- The filter files are under tests/fixtures/filters/spec/; each names the
-- host it is tested with (error.test.lua <-> https://error.test/...).
local t = require "spec"
local lede = require "lede"
local filters = require "lede.filters"

local SPEC = t.fixtures .. "/filters/spec"
local PAGE = t.read(SPEC .. "/page.html")
local EXE = os.getenv("LEDE_EXE") or (t.source_dir .. "/build/bin/lede")
local TMP = os.tmpname()

local function extract(url, opts)
  opts = opts or {}
  opts.url = url
  opts.filter_dirs = opts.filter_dirs or { SPEC }
  local a, err = lede.extract(opts.html or PAGE, opts)
  t.ok(a, "an article for " .. url .. " (" .. tostring(err) .. ")")
  return a
end

local function warning_with(a, fragment)
  for _, w in ipairs(a.warnings) do
    if w:find(fragment, 1, true) then return w end
  end
  error("no warning containing '" .. fragment .. "' in: " .. table.concat(a.warnings, " | "), 2)
end

-- The default extraction of the page, for comparison.
local DEFAULT = extract("https://no-filter.invalid/")

-- A failed filter: the page still comes out, with the default filter's text
-- and a warning that names the file, the line and the rule.
local function falls_back(url, fragments)
  local a = extract(url)
  t.eq("default", a.filter)
  t.eq(DEFAULT.text, a.text, "the default filter's text")
  for _, f in ipairs(fragments) do warning_with(a, f) end
  warning_with(a, "the page was extracted with the default filter")
  return a
end

local sh_quote = t.sh_quote

-- Runs the lede executable; env is a prefix like "LEDE_FILTERS=x".
local function run(args, env)
  return t.run_program({ EXE, table.unpack(args) }, { env = env })
end

-- matching ---------------------------------------------------------------

t.test("a filter named by host matches that host", function()
  local a = extract("https://example.test/2024/harbour")
  t.eq("example.test", a.filter)
  t.eq("Fixture headline from the h2", a.title)
  t.eq("Fixture headline", DEFAULT.title, "without the filter, og:title")
end)

t.test("a host filter matches subdomains, not hosts that only end alike", function()
  t.eq("example.test", extract("https://www.example.test/a").filter)
  t.eq("default", extract("https://badexample.test/a").filter)
  t.eq("default", extract("https://example.test.evil.invalid/a").filter)
end)

t.test("the longest matching host suffix wins", function()
  t.eq("news.example.test", extract("https://news.example.test/a").filter)
  t.eq("news.example.test", extract("https://live.news.example.test/a").filter)
end)

t.test("paths: a paths match beats a filter without paths; no match, no filter", function()
  t.eq("example.test-live", extract("https://example.test/live/2024/blog").filter)
  t.eq("example.test", extract("https://example.test/news/live/").filter)
end)

t.test("earlier search-path dirs win ties", function()
  local ab = extract("https://tie.test/a", { filter_dirs = { SPEC .. "/a", SPEC .. "/b" } })
  t.eq("A", ab.fields.which)
  local ba = extract("https://tie.test/a", { filter_dirs = { SPEC .. "/b", SPEC .. "/a" } })
  t.eq("B", ba.fields.which)
end)

t.test("--filter FILE forces a filter whatever the host", function()
  local a = extract("https://elsewhere.invalid/", { filter = SPEC .. "/example.test.lua" })
  t.eq("example.test", a.filter)
  t.eq("Fixture headline from the h2", a.title)
  -- its base is looked for next to it, even when that dir is not on the search path
  local c = extract("https://elsewhere.invalid/", { filter = SPEC .. "/child.test.lua", filter_dirs = {} })
  t.eq("child.test", c.filter)
  t.eq("from base", c.fields.base)
end)

t.test("filter files are loaded once per process", function()
  local path = SPEC .. "/example.test.lua"
  t.ok(filters.load_file(path) == filters.load_file(path), "the same entry")
end)

-- inheritance ------------------------------------------------------------

t.test("extends: rules and fields inherited, remove lists appended, fields merged", function()
  local a = extract("https://child.test/a")
  t.eq("child.test", a.filter)
  t.eq("from base", a.fields.base)
  t.eq("child", a.fields.which)
  t.eq("Fixture headline from the h2", a.title)
  t.excludes(a.text, "Editor’s note", "the base's remove")
  t.excludes(a.text, "The council voted", "the child's remove")
  t.contains(a.text, "Engineers had warned")
  t.contains(DEFAULT.text, "Editor’s note")
end)

t.test("an extends cycle is reported, and the page gets the default filter", function()
  local a = extract("https://cycle-a.test/a")
  t.eq("default", a.filter)
  warning_with(a, "extends cycle: cycle-a.test.lua -> cycle-b.test.lua -> cycle-a.test.lua")
end)

-- rules ------------------------------------------------------------------

t.test("rule forms: CSS string, list, xpath, attr and function", function()
  local a = extract("https://forms.test/a")
  t.eq("forms.test", a.filter)
  t.eq("Fixture headline from the h2", a.title, "a list: the first selector misses")
  t.eq("By Jane Roe", a.fields.css)
  t.eq("2023-05-06T07:08:09Z", a.fields.list)
  t.eq("A-77", a.fields.xpath)
  t.eq("Jane Roe", a.fields.attr)
  t.eq("forms.test:4", a.fields.fn, "ctx.host and the page's 4 p elements")
  t.eq("2023-05-06", a.published:sub(1, 10))
  t.eq("Jane Roe", a.authors[1].name)
  t.eq(0, #a.warnings)
end)

t.test("keep protects a block the generic cleaner removes", function()
  local quote = "We have waited long enough for this wall"
  t.excludes(DEFAULT.text, quote, "the default prunes the share-classed block")
  local a = extract("https://keep.test/a")
  t.contains(a.text, quote)
end)

t.test("transforms: a tag name renames, a function edits the node", function()
  local a = extract("https://transforms.test/a")
  t.eq("0/4", a.fields.paragraphs, "div.para renamed to p before the rules ran")
  t.eq("/img/harbour.jpg", a.fields.image, "data-src copied to src")
  t.contains(a.text, "Work is due to start in the spring", "the hidden read-more text shown")
  t.excludes(DEFAULT.text, "Work is due to start")
end)

t.test("before runs before the rules, after has the last word", function()
  local a = extract("https://hooks.test/a")
  t.eq("After: Fixture headline from the h2", a.title)
  t.eq(true, a.fields.hooked)
  t.eq(0, #a.warnings)
end)

t.test("date.ignore keeps a clock widget from being taken as the date", function()
  local html = t.read(SPEC .. "/dates.html")
  t.eq("2024-04-26", extract("https://no-filter.invalid/", { html = html }).published, "the default takes it")
  local a = extract("https://date-ignore.test/a", { html = html })
  t.eq("date-ignore.test", a.filter)
  t.eq(nil, a.published)
end)

t.test("wire and agencies reach the credits step", function()
  local a = extract("https://agency.test/a")
  t.eq("Harbour Wire", a.wire[1].agency)
  t.eq(false, a.wire[1].kept)
  t.excludes(a.text, "— HWR")
  t.contains(DEFAULT.text, "— HWR")
end)

-- failures ---------------------------------------------------------------

t.test("a filter that raises an error: warning with file, line, rule; default extraction", function()
  falls_back("https://error.test/a", { "error.test.lua:4: rule 'body': boom" })
end)

t.test("a filter that loops forever is stopped by the instruction budget", function()
  falls_back("https://loop.test/a", { "loop.test.lua:2: rule 'title'", "instruction budget" })
end)

t.test("a loop that catches the budget error with pcall is stopped as well", function()
  -- in a child process with a time limit: without the guard this would never end
  local out, err, code = run({ "--filters", SPEC, "-u", "https://pcall-loop.test/a", SPEC .. "/page.html" },
    "timeout 60")
  t.eq(0, code, err)
  local a = require("lede.json").decode(out)
  t.eq("default", a.filter)
  t.eq(DEFAULT.text, a.text)
  warning_with(a, "pcall-loop.test.lua:3: rule 'title': filter exceeded its instruction budget")
end)

t.test("a filter that allocates without bound is stopped by the memory budget", function()
  falls_back("https://memory.test/a", { "memory.test.lua:2: rule 'title'", "memory budget" })
end)

t.test("no io, os, require or load in the sandbox", function()
  os.remove("/tmp/lede-filter-escape")
  falls_back("https://io.test/a", { "io.test.lua:1: rule 'before'", "global 'io'" })
  falls_back("https://os.test/a", { "os.test.lua:1: rule 'before'", "global 'os'" })
  falls_back("https://require.test/a", { "require.test.lua:1: rule 'before'", "global 'require'" })
  falls_back("https://load.test/a", { "load.test.lua:2: rule 'title'", "global 'load'" })
  t.eq(nil, io.open("/tmp/lede-filter-escape"), "nothing escaped")
end)

t.test("no __gc finalizers and no access to the shared string metatable", function()
  falls_back("https://gc.test/a", { "gc.test.lua:4: rule 'before'", "__gc" })
  falls_back("https://stringmeta.test/a", { "stringmeta.test.lua:4: rule 'before'" })
  t.eq("ABC", ("abc"):upper())
end)

t.test("bytecode: not through load in a rule, not as a filter file", function()
  local dir = TMP .. "-bytecode"
  os.execute("mkdir -p " .. sh_quote(dir))
  local chunk = string.dump(function() return "ran bytecode" end)
  local f = assert(io.open(dir .. "/via-load.lua", "wb"))
  f:write(string.format("return { title = function() return (load or loadstring)(%q)() end }", chunk))
  f:close()
  local a = extract("https://x.invalid/", { filter = dir .. "/via-load.lua" })
  t.eq("default", a.filter)
  t.ok(a.title ~= "ran bytecode", "the bytecode did not run")
  warning_with(a, "via-load.lua:1: rule 'title'")
  f = assert(io.open(dir .. "/binary.lua", "wb"))
  f:write(string.dump(function() return { title = "h2.headline" } end))
  f:close()
  local b = extract("https://x.invalid/", { filter = dir .. "/binary.lua" })
  t.eq("default", b.filter)
  warning_with(b, "binary chunk")
  os.execute("rm -rf " .. sh_quote(dir))
end)

t.test("a rule that returns the wrong type: warning and default extraction", function()
  falls_back("https://types.test/a", { "types.test.lua:2: rule 'title': returned a function" })
end)

t.test("drift: selectors that match nothing leave the generic extractor in charge, with warnings", function()
  local a = extract("https://drift.test/a")
  t.eq("drift.test", a.filter)
  t.eq(DEFAULT.text, a.text)
  t.eq(DEFAULT.title, a.title)
  warning_with(a, "drift.test.lua:3: rule 'title': matched nothing")
  warning_with(a, "drift.test.lua:4: rule 'body': matched nothing")
end)

t.test("a file that fails to load is skipped with a warning on the pages it would match", function()
  local a = extract("https://syntax.test/a")
  t.eq("default", a.filter)
  warning_with(a, "filter syntax.test.lua skipped: syntax.test.lua:3:")
  local b = extract("https://unknown-key.test/a")
  warning_with(b, "unknown-key.test.lua:1: unknown key 'bdoy'")
  t.eq(0, #extract("https://example.test/a").warnings, "no warning on other pages")
end)

-- the command ------------------------------------------------------------

t.test("LEDE_FILTERS comes after --filters, and its dirs in order", function()
  local page = SPEC .. "/page.html"
  local function which(args, env)
    local out, err, code = run(args, env)
    t.eq(0, code, err)
    return require("lede.json").decode(out).fields.which
  end
  local url = "https://tie.test/a"
  t.eq("A", which({ "--filters", SPEC .. "/a", "-u", url, page }, "LEDE_FILTERS=" .. SPEC .. "/b"))
  t.eq("B", which({ "--filters", SPEC .. "/b", "-u", url, page }, "LEDE_FILTERS=" .. SPEC .. "/a"))
  t.eq("A", which({ "-u", url, page }, "LEDE_FILTERS=" .. SPEC .. "/a:" .. SPEC .. "/b"))
  t.eq("B", which({ "-u", url, page }, "LEDE_FILTERS=" .. SPEC .. "/b:" .. SPEC .. "/a"))
end)

t.test("lede filters list: search path, filters and where they come from, load errors", function()
  local out, _, code = run({ "filters", "list", "--filters", SPEC .. "/a" }, "LEDE_FILTERS=" .. SPEC .. "/b")
  t.eq(0, code)
  t.contains(out, "1. " .. SPEC .. "/a (--filters)")
  t.contains(out, "2. " .. SPEC .. "/b (LEDE_FILTERS)")
  t.contains(out, "(installed)")
  t.contains(out, SPEC .. "/a/tie.test.lua")
  t.contains(out, "shadowed by " .. SPEC .. "/a/tie.test.lua")
  t.contains(out, "omanobserver.om")
  local all, _, code2 = run { "filters", "list", "--filters", SPEC }
  t.eq(1, code2, "a file failed to load")
  t.contains(all, "example.test-live")
  t.contains(all, "paths ^/live/")
  t.contains(all, "ERROR " .. SPEC .. "/syntax.test.lua")
  t.contains(all, "extends cycle")
  t.contains(all, "failed to load")
end)

t.test("lede filters test: exit 0 when the tests pass, 1 on a failure, drift or load error", function()
  local out, _, code = run { "filters", "test", "--filters", SPEC, "good.test" }
  t.eq(0, code, out)
  t.contains(out, "ok    good.test #1 page.html")
  t.contains(out, "1 passed, 0 failed")
  out, _, code = run { "filters", "test", "--filters", SPEC, "failing.test" }
  t.eq(1, code)
  t.contains(out, "FAIL  failing.test #1 page.html: title: expected \"Not the headline\"")
  t.contains(out, "0 passed, 1 failed")
  out, _, code = run { "filters", "test", "--filters", SPEC, "drift.test" }
  t.eq(1, code)
  t.contains(out, "rule 'body': matched nothing")
  out, _, code = run { "filters", "test", "--filters", SPEC, "syntax.test", "no-such-filter" }
  t.eq(1, code)
  t.contains(out, "FAIL  no-such-filter: no such filter")
  t.contains(out, "FAIL  syntax.test: failed to load")
end)

t.test("every shipped filter passes its self-tests", function()
  local out, err, code = run({ "filters", "test" }, "LEDE_FILTERS=")
  t.eq(0, code, out .. err)
  t.contains(out, "ok    omanobserver.om #1")
  t.ok(not out:find("FAIL", 1, true), out)
end)

t.test("lede.config: absent, it is looked up once per search path; a preloaded one is seen at once", function()
  local settings = require "lede.settings"
  local saved_loaded, saved_preload = package.loaded["lede.config"], package.preload["lede.config"]
  local searches = 0
  local function counting_searcher(name)
    if name == "lede.config" then searches = searches + 1 end
    return nil
  end
  table.insert(package.searchers, 1, counting_searcher)
  package.loaded["lede.config"], package.preload["lede.config"] = nil, nil
  local ok, err = pcall(function()
    t.eq(nil, settings.config())
    t.eq(nil, settings.config())
    t.eq(1, searches)
    package.preload["lede.config"] = function() return { filter_dir = "/nowhere" } end
    t.eq("/nowhere", settings.config().filter_dir)
    t.eq("/nowhere", filters.installed_dir())
  end)
  table.remove(package.searchers, 1)
  package.loaded["lede.config"], package.preload["lede.config"] = saved_loaded, saved_preload
  assert(ok, err)
end)

t.test("an image rule's relative address is resolved against the page's URL, ../ included", function()
  local dir = TMP .. "-image"
  os.execute("mkdir -p " .. sh_quote(dir))
  local f = assert(io.open(dir .. "/image.test.lua", "wb"))
  f:write('return { image = function() return "../pics/wall.jpg?w=640" end }')
  f:close()
  local a = extract("https://image.test/news/2024/wall.html", { filter_dirs = { dir } })
  os.execute("rm -rf " .. sh_quote(dir))
  t.eq("image.test", a.filter)
  t.eq("https://image.test/news/pics/wall.jpg?w=640", a.image)
end)

t.test("lede.filters.limits: the budgets filters run with, changed in place or replaced", function()
  local dir = TMP .. "-limits"
  os.execute("mkdir -p " .. sh_quote(dir))
  local f = assert(io.open(dir .. "/sum.test.lua", "wb"))  -- a rule of about 400,000 instructions
  f:write('return { title = function() local s = 0 for i = 1, 100000 do s = s + i end return "Sum " .. s end }')
  f:close()
  local function filter_used() return extract("https://sum.test/a", { filter_dirs = { dir } }).filter end
  local saved = filters.limits
  t.eq(50 * 1000 * 1000, saved.instructions)
  local ok, err = pcall(function()
    t.eq("sum.test", filter_used())
    filters.limits = { instructions = 1000, memory = saved.memory }  -- replaced
    t.eq("default", filter_used())
    filters.limits = saved
    saved.instructions = 1000  -- changed in place
    t.eq("default", filter_used())
  end)
  saved.instructions = 50 * 1000 * 1000
  filters.limits = saved
  os.execute("rm -rf " .. sh_quote(dir))
  assert(ok, err)
  t.eq(saved, filters.limits)
end)
