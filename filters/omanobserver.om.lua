-- Oman Observer (omanobserver.om), the English-language daily of Muscat.
--
-- Article pages: /article/<id>/<section>/<slug>. The header carries a "today"
-- widget (Gregorian and Hijri date) and a weather widget above the masthead;
-- neither is the article's date. Local stories end "— ONA" (Oman News
-- Agency), world stories "— Reuters" or "— AFP".
return {
  name = "Oman Observer",
  hosts = { "omanobserver.om" },

  title = { "h1.article-title", { css = 'meta[property="og:title"]', attr = "content" } },
  body = { ".article-body .field-body", ".article-body" },
  published = {
    { css = ".article-date time[datetime]", attr = "datetime" },
    { css = 'meta[property="article:published_time"]', attr = "content" },
  },
  section = ".breadcrumb .breadcrumb-item:last-child",

  remove = {
    ".top-bar", ".weather-widget", ".masthead", ".article-share", ".font-size-tools",
    ".article-views", ".article-id-box", ".related-articles",
  },
  date = { ignore = { ".today-date", ".most-read .item-date" } },

  -- credits leave the text and are kept as data
  wire = "field",
  agencies = {
    { name = "Oman News Agency", forms = { "Oman News Agency" }, short = { "ONA" }, country = "OM" },
  },

  fields = {
    -- the article id: in the URL, else on the <article> element
    id = function(doc, ctx)
      local id = ctx.url and ctx.url:match("/article/(%d+)")
      if id then return id end
      local art = doc:select("article[data-id]")[1]
      return art and art:attr("data-id")
    end,
  },

  tests = {
    {
      page = "../examples/pages/omanobserver-1101124.html",
      url = "https://www.omanobserver.om/article/1101124/world/s-korea-china-urge-concessions-to-end-us-north-korea-standoff",
      title = "S Korea, China urge concessions to end US-North Korea standoff",
      published = "2019-01-10",
      section = "World",
      text_starts = "China and South Korea called for concessions",
      text_contains = { "would not provide further details." },
      text_excludes = { "— Reuters", "SHARE ARTICLE", "Shawwal", "clear sky", "EDITOR IN CHIEF" },
      wire = { "Reuters" },
      fields = { id = "1101124" },
    },
    {
      page = "omanobserver.om-ona.html",
      url = "https://www.omanobserver.om/article/1152210/oman/new-desalination-plant-opens-in-sur",
      title = "New desalination plant opens in Sur",
      published = "2024-04-21",
      text_starts = "The Ministry of Energy and Minerals on Sunday opened",
      text_excludes = { "— ONA", "Most read", "Related articles" },
      wire = { "Oman News Agency" },
      fields = { id = "1152210" },
    },
  },
}
