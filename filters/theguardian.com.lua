-- The Guardian (theguardian.com). Pages rendered by its "DCR" React app
-- use hashed class names (dcr-xry7m2) but name each region with
-- data-gu-name: headline, standfirst, meta (byline and date), media, body.
-- The text is div.article-body-commercial-selector inside the body region;
-- rich links to other stories and embedded newsletter sign-ups sit between
-- the paragraphs. Older pages (frontend) use div.content__article-body.
return {
  name = "The Guardian",
  hosts = { "theguardian.com" },

  title = { '[data-gu-name="headline"] h1', "h1.content__headline", "h1" },
  description = { '[data-gu-name="standfirst"]', ".content__standfirst" },
  author = { '[data-gu-name="meta"] a[rel="author"]', 'a[rel="author"]' },
  body = {
    '[data-gu-name="body"] .article-body-commercial-selector',
    ".content__article-body",
  },
  remove = {
    "gu-island", ".element-rich-link", 'figure[data-spacefinder-role="richLink"]',
    '[data-component="rich-link"]', "aside", ".submeta",
  },

  tests = {
    {
      page = "theguardian.com.html",
      url = "https://www.theguardian.com/environment/2023/jun/20/beavers-return-to-river-otter",
      title = "Beavers return to the river after four centuries",
      description = "A five-year trial found the animals reduced flooding downstream.",
      authors = { "Helen Marsh" },
      text_starts = "Beavers are to be allowed to stay",
      text_contains = { "dams held back water after heavy rain", "the government said in a statement." },
      text_excludes = { "This article is more than", "Sign up to Down to Earth", "Wildlife trusts call for" },
    },
  },
}
