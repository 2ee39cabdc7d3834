-- The Times of India (timesofindia.indiatimes.com). Article pages
-- (/<section>/<slug>/articleshow/<id>.cms) are rendered by a React app whose
-- class names are hashed and change with each release, so the rules lean on
-- the data- attributes and the few readable class names it keeps: the text
-- is in [data-articlebody], opened by the lead video or photo and a "Key
-- Highlights" summary, and closed by links to the story in another language
-- edition, a "Watch" video link and a social bar. Older pages use div.Normal.
local function is_trailer(text)
  return text:find("^%s*Read this story in ") ~= nil or text:find("^%s*Watch%s") ~= nil
end

return {
  name = "The Times of India",
  hosts = { "timesofindia.indiatimes.com" },

  title = { "h1 span", "h1" },
  author = ".byline a",
  body = { '[data-articlebody="1"]', "[data-articlebody]", "div.Normal", "div.arttextxml" },
  remove = {
    ".id-r-component", ".id-r-highlights", ".img_cptn", '[data-type="in_view"]',
    "[data-bottomsocialshare]", "[data-socialshare]",
  },
  transforms = {
    ["[data-articlebody] a, div.Normal a"] = function(a)
      if is_trailer(a:text()) then a:remove() end
    end,
  },
  fields = {
    id = function(doc, ctx) return ctx.url and ctx.url:match("/articleshow/(%d+)%.cms") end,
  },

  tests = {
    {
      page = "timesofindia.indiatimes.com.html",
      url = "https://timesofindia.indiatimes.com/city/pune/metro-line-3-trial-run-on-sunday/articleshow/98765432.cms",
      title = "Metro Line 3 trial run on Sunday",
      authors = { "Asha Kulkarni" },
      text_starts = "PUNE: The first trial run on Metro Line 3",
      text_contains = { "the commissioner said on Friday." },
      text_excludes = { "Key Highlights", "Read this story in Marathi", "Watch", "FOLLOW US ON SOCIAL MEDIA", "File photo" },
      fields = { id = "98765432" },
    },
  },
}
