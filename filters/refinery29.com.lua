-- Refinery29 (refinery29.com). Story pages build the text from many small
-- "section" blocks (div.section-text between image sections) inside
-- section.body, so no single block is big enough for the generic scorer,
-- which then settles on a teaser card of the "more stories" modules below.
return {
  name = "Refinery29",
  hosts = { "refinery29.com" },

  title = { ".r29-article h1.title", "h1.title" },
  author = ".byline.main-contributors .contributor",
  body = { "#editorial-content section.body", ".r29-article section.body" },
  remove = { ".after-section-content", ".story-share", ".section-image-container .credit" },

  tests = {
    {
      page = "refinery29.com.html",
      url = "https://www.refinery29.com/en-us/2023/11/11534567/winter-coat-layering-tips",
      title = "How To Layer A Winter Coat Without Looking Like A Snowman",
      authors = { "Maya Ortiz" },
      text_starts = "Every winter we face the same dilemma",
      text_contains = { "The styling tip: Swap the chunky knit", "a belt over the coat" },
      text_excludes = { "More From Style", "Dedicated Feature", "Sign up for our newsletter" },
    },
  },
}
