-- POLITICO (politico.com). Story pages (/news/YYYY/MM/DD/slug-ID and the
-- older /story/YYYY/MM/slug-ID) split the text into several div.story-text
-- blocks around ads and video players; the first one opens with a
-- story-meta block: the lead photo's caption, the byline, the time and the
-- share tools. The headline and dek sit in a media-item summary above, and
-- the meta tags use value= instead of content=.
return {
  name = "POLITICO",
  hosts = { "politico.com" },

  title = {
    "h2.headline", "h1.headline",
    { css = 'meta[name="og:title"]', attr = "value" },
    { css = 'meta[property="og:title"]', attr = "content" },
  },
  description = { "p.dek", { css = 'meta[name="og:description"]', attr = "value" } },
  author = ".story-meta__authors .vcard",
  published = { { css = ".story-meta__timestamp time", attr = "datetime" } },
  body = ".story-text",
  remove = {
    ".story-meta", ".social-tools", ".story-enhancement", ".story-tags", ".story-intro",
    ".below-story-text", ".ad", ".story-text aside",
  },

  tests = {
    {
      page = "politico.com.html",
      url = "https://www.politico.com/news/2023/03/08/rail-safety-bill-senate-00086012",
      title = "Senators unveil rail safety bill after Ohio derailment",
      description = "The measure would tighten rules on trains carrying hazardous materials.",
      authors = { "Dana Whitfield" },
      published = "2023-03-08",
      text_starts = "A bipartisan group of senators on Wednesday introduced",
      text_contains = { "would have to notify state emergency officials", "The Association of American Railroads said" },
      text_excludes = { "Firefighters work near", "Share on Facebook", "Filed under", "Advertisement" },
    },
  },
}
