-- Chorus, the publishing system of Vox Media (The Verge, Vox, SB Nation,
-- Polygon, Eater, Curbed, ...). Not named by a host: each site's filter
-- says `extends = "chorus"`.
--
-- Story pages put the headline, dek ("c-entry-summary"), byline and share
-- tools in a c-entry-hero block inside the same <article> as the text, and
-- name nearly every block with a "c-" class, so the generic pruner cannot
-- tell furniture from text by class. The text is div.c-entry-content; the
-- lead image's credit is a <cite> in the figure above it; pull quotes
-- ("aside") repeat a sentence of the text.
return {
  name = "Chorus (Vox Media)",
  title = { "h1.c-page-title", { css = 'meta[property="og:title"]', attr = "content" } },
  description = { "p.c-entry-summary", { css = 'meta[property="og:description"]', attr = "content" } },
  author = { ".c-entry-hero .c-byline__author-name", ".c-byline .c-byline__author-name" },
  published = { { css = ".c-byline time[datetime]", attr = "datetime" } },
  body = ".c-entry-content",
  remove = {
    ".c-entry-content aside", ".c-entry-content .c-float-right", ".c-related-list",
    ".c-entry-content .c-newsletter_signup_box", ".c-article-footer", ".c-social-buttons",
  },
  transforms = {
    -- lazy images keep the real address in data-original
    ["img[data-original]"] = function(img) img:set_attr("src", img:attr("data-original")) end,
  },
}
