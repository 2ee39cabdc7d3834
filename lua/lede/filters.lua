-- Filters: per-publication rule files. This module finds them (search path),
-- loads them into a sandbox, matches them to a page by host and path, resolves
-- `extends`, applies their rules around the pipeline steps and runs their
-- self-tests. The format is described in README.md ("Writing a filter").
--
-- Filter code is untrusted: it runs in its own environment (no io, os, debug,
-- load, require), every call into it is bounded (M.limits), and whatever it
-- returns is copied with raw access before lede looks at it, so no metamethod
-- of a filter's table ever runs outside the budget. A filter that fails while
-- extracting a page raises a Failure (see M.failure_message); lede.extract
-- then extracts the page again with the default filter.
--
-- The work is done in lede/filters/: sandbox (the environment and budgets),
-- load (reading and checking a file), catalog (search path, catalogs,
-- choosing a page's filter), run (applying one to a page) and selftest.
local catalog = require "lede.filters.catalog"
local load = require "lede.filters.load"
local run = require "lede.filters.run"
local sandbox = require "lede.filters.sandbox"
local selftest = require "lede.filters.selftest"

local M = {}

M.environment, M.bounded = sandbox.environment, sandbox.bounded
M.FIELD_RULES, M.locate, M.load_file = load.FIELD_RULES, load.locate, load.load_file
M.installed_dir, M.search_path, M.url_parts = catalog.installed_dir, catalog.search_path, catalog.url_parts
M.catalog, M.choose, M.reset = catalog.catalog, catalog.choose, catalog.reset
M.start, M.failure_message = run.start, run.failure_message
M.test_page, M.check, M.run_test, M.test_targets =
  selftest.test_page, selftest.check, selftest.run_test, selftest.test_targets

-- lede.filters.limits is the sandbox's budget table: changing a budget in it,
-- or putting another table in its place, changes the budgets filters run with.
setmetatable(M, {
  __index = function(_, k) if k == "limits" then return sandbox.limits end end,
  __newindex = function(t, k, v)
    if k == "limits" then sandbox.limits = v else rawset(t, k, v) end
  end,
})

return M
