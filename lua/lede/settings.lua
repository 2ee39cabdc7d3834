-- lede.config, the optional module of install-time settings (filter_dir,
-- ftr_dir) that the `lede` executable and lede-lua provide.
--
-- Without it, each `require` searches package.path and package.cpath on the
-- file system again (a failed require is not cached), which cost a quarter
-- of a millisecond on every extraction, 4% of an average page. The answer
-- only changes with the search paths (or a preloaded lede.config), so it
-- is remembered per path.
local M = {}

local absent = {}  -- search paths under which lede.config was not found

-- The lede.config table, or nil.
function M.config()
  local loaded = package.loaded["lede.config"]
  if loaded ~= nil then return type(loaded) == "table" and loaded or nil end
  local key = package.path .. "\0" .. package.cpath
  if absent[key] and package.preload["lede.config"] == nil then return nil end
  local ok, config = pcall(require, "lede.config")
  if ok and type(config) == "table" then return config end
  if not ok then absent[key] = true end
  return nil
end

return M
