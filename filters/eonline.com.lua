-- E! Online (eonline.com). News pages (/news/<id>/<slug>) cut the story into
-- section.article-detail__segment blocks, each with its own
-- div.article-detail__text-only, between video players, photo segments and
-- "related" widget rows; the generic scorer takes one segment only.
return {
  name = "E! Online",
  hosts = { "eonline.com" },

  title = { "h1.article-detail__title", "h1" },
  description = "h2.article-detail__subheader",
  author = ".article-detail__meta__author, .article-detail__author a",
  body = ".article-detail__main-content .article-detail__text-only",
  remove = { ".article-detail__segment .widget", ".list-row", ".article-detail__tags", ".ad-slot" },
  fields = {
    id = function(doc, ctx) return ctx.url and ctx.url:match("/news/(%d+)/") end,
  },

  tests = {
    {
      page = "eonline.com.html",
      url = "https://www.eonline.com/news/1376021/zendaya-talks-about-her-new-film",
      title = "Zendaya Talks About Her New Film and Life Off Screen",
      description = "The actress opens up about fame, family and her next project.",
      text_starts = "Zendaya's favorite part of making movies",
      text_contains = { "fans first met her on the Disney Channel", "she has started painting again" },
      text_excludes = { "Olivia Rodrigo Shares", "RELATED", "Celebrities" },
      fields = { id = "1376021" },
    },
  },
}
