-- Bloomberg (bloomberg.com). Three generations of article templates are
-- live at once: /news/articles/... with div.body-copy (or body-copy-v2),
-- the newer one with div.body-content and hashed class names
-- (headline__699ae8fb), and /graphics/ features whose text is a run of
-- section.copy-block between interactive graphics. All of them open with a
-- headline block, "abstract" bullet points, a video player and newsletter
-- sign-up boxes around or inside the text.
return {
  name = "Bloomberg",
  hosts = { "bloomberg.com" },

  title = {
    "h1.lede-text-only__hed", 'h1[class^="headline__"]', "h1#hed", "h1.headline",
    { css = 'meta[property="og:title"]', attr = "content" },
  },
  author = { '[rel="author"]', "address .author" },
  published = {
    { css = ".lede-text-only__times time:not(.updated)", attr = "datetime" },
    { css = "article time[datetime]:not(.updated):not(.dvz-recirculator__timestamp)", attr = "datetime" },
  },
  body = { ".body-content", ".body-copy-v2", ".body-copy", ".dvz-content section.copy-block" },
  remove = {
    ".inline-newsletter", ".inline-newsletter-top", ".abstract", '[class^="abstract"]',
    ".video-player", ".footer-in-body", ".body-content aside", ".body-copy aside",
    ".dvz-recirculator",
  },

  tests = {
    {
      page = "bloomberg.com.html",
      url = "https://www.bloomberg.com/news/articles/2023-05-02/copper-slides-as-chinese-factory-data-disappoints",
      title = "Copper Slides as Chinese Factory Data Disappoints Traders",
      authors = { "Mei Tanaka" },
      published = "2023-05-02",
      text_starts = "Copper fell to a three-month low",
      text_contains = { "Stockpiles tracked by the London Metal Exchange", "a recovery later in the year" },
      text_excludes = { "Sign up for the", "Traders watch China", "More stories by", "Have a confidential tip" },
    },
    {
      page = "bloomberg.com-graphics.html",
      url = "https://www.bloomberg.com/graphics/2023-shipping-routes/",
      title = "How Drought Rewrote the Map of Global Shipping",
      text_starts = "For more than a century, ships crossing",
      text_contains = { "Water levels in the lake that feeds the locks", "Shipping lines have started to adapt" },
      text_excludes = { "Most Read", "Click a route" },
    },
  },
}
