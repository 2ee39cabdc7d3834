-- The labelled credit set: precision >= 0.98 and recall >= 0.95 for every kind.
local t = require "spec"
local eval = require "credit_eval"

local kinds, n = eval.score(t.fixtures .. "/credits/cases.jsonl")
print(eval.table(kinds, n))

for _, k in ipairs(eval.ORDER) do
  t.test("credits: " .. k .. " precision >= 0.98 and recall >= 0.95", function()
    local c = kinds[k]
    if c.precision < 0.98 or c.recall < 0.95 then
      error(string.format("precision %.3f, recall %.3f; misses:\n  %s", c.precision, c.recall,
        table.concat(c.misses, "\n  ")), 0)
    end
  end)
end
