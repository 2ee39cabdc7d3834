-- Writes a synthetic page for tests/bench/scale.
-- usage: lua5.4 gen_page.lua paragraphs BYTES OUT   -- an article of many paragraphs
--        lua5.4 gen_page.lua nested DEPTH OUT       -- DEPTH nested <div>s around a paragraph
--        lua5.4 gen_page.lua tables DEPTH OUT       -- DEPTH nested tables (table/tbody/tr/td)
--        lua5.4 gen_page.lua stairs DEPTH OUT       -- DEPTH nested <div>s, each with a paragraph
local kind, n, path = arg[1], tonumber(arg[2]), arg[3]
if not (kind and n and path) then
  io.stderr:write("usage: lua5.4 gen_page.lua paragraphs|nested|tables|stairs N OUT\n")
  os.exit(2)
end
local f = assert(io.open(path, "wb"))
local head = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" ..
  "<title>Scale test page - Bench</title></head>\n<body>\n"
f:write(head)
if kind == "paragraphs" then
  local words = { "the", "council", "said", "on", "Tuesday", "that", "prices", "rose", "in",
    "March", "while", "exports", "fell", "sharply", "according", "to", "officials", "data",
    "markets", "économie", "growth", "report", "minister", "weather" }
  f:write("<header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>\n")
  f:write("<article><h1>Scale test page</h1>\n")
  local written, i = #head, 0
  local seed = 12345
  local function rnd(m) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % m + 1 end
  while written < n - 200 do
    i = i + 1
    local parts = {}
    for w = 1, 40 + rnd(40) do parts[w] = words[rnd(#words)] end
    parts[rnd(#parts)] = "<a href=\"/story/" .. i .. "\">link " .. i .. "</a>"
    local p = "<p>Paragraph " .. i .. ": " .. table.concat(parts, " ") .. ".</p>\n"
    f:write(p)
    written = written + #p
  end
  f:write("</article>\n<footer>Copyright Bench</footer>\n</body></html>\n")
elseif kind == "nested" then
  f:write(string.rep("<div>", n))
  f:write("<p>The innermost paragraph of a deeply nested page, with enough words to count ",
    "as an article body for an extractor that looks for text.</p>")
  f:write(string.rep("</div>", n))
  f:write("\n</body></html>\n")
elseif kind == "tables" then  -- every cell a scoring candidate, each level four elements deep
  f:write(string.rep("<table><tbody><tr><td>", n))
  f:write("<p>The innermost paragraph of a page of nested tables, with enough words to count ",
    "as an article body for an extractor that looks for text.</p>")
  f:write(string.rep("</td></tr></tbody></table>", n))
  f:write("\n</body></html>\n")
elseif kind == "stairs" then  -- a paragraph at every level, later ones scoring higher
  for i = 1, n do
    f:write("<div><p>Step ", i, ": ", string.rep("a, ", 1 + i // 1000), "and the end of a paragraph.</p>")
  end
  f:write(string.rep("</div>", n))
  f:write("\n</body></html>\n")
else
  io.stderr:write("gen_page.lua: unknown kind " .. kind .. "\n")
  os.exit(2)
end
f:close()
