-- A pandoc custom reader: the article of a news page, with its metadata.
--
--   pandoc -f examples/pandoc/lede-reader.lua page.html -t markdown -s
--   LEDE_URL=https://www.example.com/story.html pandoc -f lede-reader.lua page.html -o story.docx
--
-- Debian's pandoc embeds Lua 5.3, so lede's Lua 5.4 module cannot be loaded
-- into it; the reader runs the `lede` command instead (LEDE names another
-- one, e.g. build/bin/lede) and reads the standalone HTML page it writes:
-- the clean body, and title, author, date, site, section, wire in <head>.
-- LEDE_URL gives the page's address (for relative links and the filter).

local function lede_args()
  local args = { "--format", "html", "--standalone" }
  local url = os.getenv("LEDE_URL")
  if url and url ~= "" then
    args[#args + 1] = "--url"
    args[#args + 1] = url
  end
  args[#args + 1] = "-"
  return args
end

function Reader(input)
  local page = tostring(input)
  local lede = os.getenv("LEDE") or "lede"
  -- pandoc.pipe raises (with lede's exit status) when no article is found
  local html = pandoc.pipe(lede, lede_args(), page)
  local doc = pandoc.read(html, "html")
  -- the page's <h1> repeats the title pandoc already has from <title>
  local first = doc.blocks[1]
  if first and first.t == "Header" and first.level == 1 then table.remove(doc.blocks, 1) end
  return doc
end
