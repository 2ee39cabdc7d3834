-- NBC News Digital's shared article template (NBC News, MSNBC, TODAY). Not
-- named by a host: nbcnews.com.lua, msnbc.com.lua and today.com.lua say
-- `extends = "nbcnews-digital"`.
--
-- The <article class="article-body"> opens with a section holding the share
-- bar, the date line ("Dec. 13, 2016, 12:31 PM UTC / Updated ...") and the
-- byline, then div.article-body__content with the text, interleaved with
-- "recommended" placeholders, ads and inline video cards. Class names of
-- the React components carry build hashes (styles_articleDek__Icz5H), so
-- they are matched by prefix.
return {
  name = "NBC News Digital",
  title = { "h1.article-hero-headline__htag", "h1" },
  description = { '[class*="articleDek"]', { css = 'meta[name="description"]', attr = "content" } },
  author = ".article-inline-byline .byline-name",
  published = {
    { css = 'meta[itemprop="datePublished"]', attr = "value" },
    { css = ".article-body__date-source time[datetime]", attr = "datetime" },
  },
  modified = { { css = 'meta[itemprop="dateModified"]', attr = "value" } },
  body = ".article-body__content",
  remove = {
    ".recommended-intersection-ref", ".body-bottom-recommended", ".inline-video", ".ad",
    ".article-body__date-source", ".article-inline-byline", '[class*="share__container"]',
  },
}
