-- Runs spec files: lede-lua tests/lua/run.lua SPEC.lua...
-- Prints one line per test and a closing "N passed, N failed, N skipped";
-- exits 1 on any failure, 77 (ctest's skip code) when every test skipped.
local spec = require "spec"

local passed, failed, skipped = 0, 0, 0
for i = 1, #arg do
  spec.tests = {}
  local chunk = assert(loadfile(arg[i]))
  chunk()
  for _, t in ipairs(spec.tests) do
    local ok, err = xpcall(t.fn, function(e)
      if type(e) == "table" then return e end
      return debug.traceback(tostring(e), 2)
    end)
    if ok then
      passed = passed + 1
      print("ok      " .. t.name)
    elseif type(err) == "table" and err.skip then
      skipped = skipped + 1
      print("SKIPPED " .. t.name .. ": " .. err.skip)
    else
      failed = failed + 1
      print("FAIL    " .. t.name .. "\n" .. tostring(err))
    end
  end
end
print(string.format("%d passed, %d failed, %d skipped", passed, failed, skipped))
if failed > 0 then return 1 end
if passed == 0 and skipped > 0 then return 77 end
return 0
