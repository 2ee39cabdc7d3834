-- Prints the title, the first paragraph and the number of words of a page.
-- usage: lua5.4 examples/headline.lua PAGE.html [URL]   (or the page on stdin)
local lede = require "lede"

local path, url = arg[1], arg[2]
local html
if path and path ~= "-" then
  local f = assert(io.open(path, "rb"))
  html = f:read("a")
  f:close()
else
  html = io.read("a")
end

local article, err = lede.extract(html, { url = url })
if not article then
  io.stderr:write("no article: ", err, "\n")
  os.exit(1)
end

local first = article.text:match("^(.-)\n\n") or article.text
local words = select(2, article.text:gsub("%S+", ""))
print(article.title)
print(first)
print(words .. " words")

-- The lower level: a Document with CSS selectors and XPath.
local doc = assert(lede.parse(html, { url = url }))
for _, link in ipairs(doc:select('link[rel="canonical"]')) do
  print("canonical: " .. link:attr("href"))
end
doc:close()
