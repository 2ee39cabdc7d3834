-- Data for lede.metadata: where each field is read from, in order of trust,
-- and the words that classify bylines and date blocks. No logic here.
local M = {}

-- JSON-LD @type values of an article, best first.
M.article_types = {
  "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
  "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "Article", "BlogPosting",
  "TechArticle", "ScholarlyArticle", "SocialMediaPosting", "Report", "Blog",
}

-- Objects that may carry a page's dates and authors when no article object does.
M.page_types = { "WebPage", "ItemPage", "CollectionPage", "VideoObject", "Recipe" }

-- JSON-LD @type values that are not people.
M.organisation_types = {
  Organization = true, NewsMediaOrganization = true, Corporation = true, LocalBusiness = true,
  EducationalOrganization = true, GovernmentOrganization = true, NGO = true, WebSite = true,
  Brand = true, OnlineBusiness = true,
}

-- Values a section key holds on some sites that name no section: a page
-- type, the CMS's placeholder, the home page (compared lowercased).
M.not_sections = { "article", "articles", "post", "posts", "page", "story", "tag", "tags",
  "undefined", "null", "none", "default", "index", "home", "homepage", "front-page", "front page",
  "frontpage" }

-- Labels of the facets CMSs list among an article's keywords ("Category:
-- Phones", "Page Type: Article", "type_review"), lowercased: those whose
-- value is a topic, and the others.
M.tag_facets = {
  topic = { "tag", "tags", "topic", "topics", "subject", "category", "keyword", "keywords" },
  other = { "page", "page type", "article type", "type", "region", "day", "time", "wc", "partner",
    "language", "channel", "publication", "lite", "elevated", "lockedpostsource", "layercake",
    "format", "template", "source", "author" },
}

-- <meta> keys (lowercased name/property/itemprop) per field, best first.
M.meta_keys = {
  title = { "dc.title", "dcterms.title", "og:title", "twitter:title", "parsely-title",
    "sailthru.title", "headline", "title" },
  description = { "dc.description", "dcterms.description", "og:description", "description",
    "twitter:description", "sailthru.description" },
  site = { "og:site_name", "application-name", "al:android:app_name", "al:ios:app_name",
    "apple-mobile-web-app-title", "publisher", "dc.publisher", "dcterms.publisher" },
  -- (not cXenseParse:pageclass: a page type, "article" or "frontpage")
  section = { "article:section", "parsely-section", "section", "og:section", "sailthru.section",
    "article.section" },
  image = { "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
    "thumbnail", "parsely-image-url", "sailthru.image.full" },
  language = { "content-language", "og:locale", "language", "dc.language", "dcterms.language",
    "inlanguage" },
  -- bylines: names, or a profile URL (article:author often is one)
  author = { "dc.creator", "dcterms.creator", "author", "article:author", "byl", "parsely-author",
    "sailthru.author", "citation_author", "article:author_name", "author_name", "cxenseparse:author",
    "creator" },
  tags = { "article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags" },
}

-- Date <meta> keys: { key, field }. Published first, then modified.
M.meta_dates = {
  { "article:published_time", "published" }, { "og:published_time", "published" },
  { "article:published", "published" }, { "datepublished", "published" },
  { "published_time", "published" }, { "published-date", "published" },
  { "publish-date", "published" }, { "publishdate", "published" }, { "pubdate", "published" },
  { "parsely-pub-date", "published" }, { "sailthru.date", "published" },
  { "dc.date.issued", "published" }, { "dcterms.issued", "published" },
  { "dcterms.created", "published" }, { "dc.date.created", "published" },
  { "citation_publication_date", "published" }, { "citation_date", "published" },
  { "date", "published" }, { "dc.date", "published" }, { "dcterms.date", "published" },
  { "article.published", "published" }, { "og:article:published_time", "published" },
  { "cxenseparse:recs:publishtime", "published" }, { "originalpublicationdate", "published" },
  { "article:modified_time", "modified" }, { "og:updated_time", "modified" },
  { "article:modified", "modified" }, { "datemodified", "modified" },
  { "modified_time", "modified" }, { "last-modified", "modified" }, { "lastmod", "modified" },
  { "dcterms.modified", "modified" }, { "dc.date.modified", "modified" },
  { "og:article:modified_time", "modified" }, { "article.updated", "modified" },
}

-- Generic date <meta>s, often the day the page was generated: a date
-- printed in the article region wins over them.
M.weak_meta_dates = { "date", "dc.date", "dcterms.date" }

-- Elements whose text or attribute may hold the article's date, tried in
-- order: the order is the rank of a candidate inside the article region.
-- A rule is one of (lede.metadata.index reads them; all but css are matched
-- in Lua on elements gathered once a page, far cheaper than selectors):
--   { css = selector, attr = attribute to read }: cheap selectors (a tag);
--   { words = {...}, unless = {...} }: elements whose class or id contains
--     one of the words (lowercased), unless it contains one of `unless`
--     ("authority" is no "author");
--   { itemprop = {...}, within = {...} } / { rel = {...} }: elements whose
--     attribute holds one of the tokens (inside an element holding one of
--     `within`);
--   { testid = "part" }: data-testid contains the part;
--   { links = {...} }: <a> whose href contains one of the parts.
M.date_rules = {
  { css = "time[datetime]", attr = "datetime" },
  { itemprop = { "datePublished", "dateModified", "dateCreated", "datepublished", "datemodified" } },
  { words = { "date", "time", "publish", "posted", "updated", "datum", "fecha", "byline", "meta", "info",
    "zeit", "data-hora" } },
  { css = "time, abbr[title]" },
}

-- At most this many characters of text in an element read as a date.
M.date_text_max = 160

-- Words (lowercase) saying a date is the modification date.
M.modified_words = {
  "updated", "update", "modified", "aktualisiert", "geändert", "actualizado", "actualizada",
  "actualización", "mis à jour", "mise à jour", "modifié", "atualizado", "atualizada",
  "aggiornato", "bijgewerkt", "zaktualizowano", "edited", "last updated", "更新",
}

-- Class/id words of blocks that hold other stories: a date or byline
-- inside them is never the article's.
M.other_stories_words = {
  "related", "teaser", "teasers", "recommended", "popular", "trending", "mostread", "latest",
  "headlines", "more", "next", "previous", "prev", "outbrain", "taboola", "carousel", "slider",
  "ticker", "promo", "newsletter",
}

-- Class/id words of site furniture: the same, unless the block stands
-- right beside the headline (an article header wrapped in a "nav" or
-- "widget" is still the article's).
M.furniture_words = {
  "sidebar", "aside", "footer", "comment", "comments", "widget", "nav", "navbar", "navigation",
  "menu", "breadcrumb", "breadcrumbs", "weather", "topbar", "masthead", "cookie", "rail",
  "pagination", "copyright", "today",
}

-- Tags that never hold the article's own date or byline: always (true),
-- or when at least this share of their text is links (an <aside> may be
-- the article's own column of facts; one of other stories is all links).
M.elsewhere_tags = { nav = true, menu = true, footer = 0.3, aside = 0.3 }

-- Byline elements, tried in order (text read from each).
M.byline_rules = {
  { itemprop = { "name" }, within = { "author" } }, { rel = { "author" } },
  { itemprop = { "author" } }, { words = { "byline" } },
  { words = { "author" }, unless = { "authorit", "authoriz", "authoris" } },
  { words = { "autor", "auteur", "writer", "firma" } }, { testid = "byline" },
  { css = "address" },
  -- links to an author's page
  { links = { "/author/", "/authors/", "/autor/", "/autori/", "/auteur/", "/profile/", "/editors/",
    "/reporter/", "/staff/", "/journalist" } },
}
M.byline_text_max = 120

-- A byline inside these elements, or inside one whose class or itemprop is
-- one of these words, credits a picture, not the article.
M.photo_credit_tags = { "figure", "figcaption", "caption", "picture" }
M.photo_credit_words = {
  "wp-caption", "wp-caption-text", "photo-credit", "photocredit", "photo-credits", "image-credit",
  "image-credits", "imagecredit", "media-credit", "credit-photo", "foto-credit", "pie-foto",
  "image-caption", "media-caption", "photo-caption", "img-caption", "foto-firma", "foto-pie",
}

-- Words opening a byline, removed ("By Jane Doe", "Von ...", "Written by").
M.byline_prefixes = {
  "written by", "posted by", "reported by", "words by", "text by", "story by", "article by",
  "by", "von", "par", "por", "door", "av", "af", "text:", "text", "texto:",
  "author:", "authors:", "autor:", "autorin:", "auteur:", "autore:", "by:", "from",
}

-- Words after which a byline gives its date, not more names (lowercase
-- beginnings: "publicado" and "publicada" both start "publicad").
M.byline_date_words = {
  "updated", "published", "publicad", "actualizad", "publié", "mis à jour",
  "veröffentlicht", "aktualisiert", "pubblicato", "aggiornato", "gepubliceerd", "bijgewerkt",
  "發表", "发表",  -- Chinese "published (at)": "史蒂文的家 發表在 痞客邦"
}

-- Beginnings of byline pieces that name someone other than the writer.
M.other_role_prefixes = {
  "edited by", "editing by", "editor:", "illustration by", "illustrations by", "illustrated by",
  "photos by", "photo by", "photographs by", "photography by", "video by", "graphics by",
  "translated by", "translation by", "produced by", "design by", "designed by",
  -- photo credits in other languages ("Foto: X", "Фото из Инстаграма ...") and courtesy lines
  "photo:", "photos:", "foto:", "fotos:", "foto ", "фото:", "фото ", "cortesía", "courtesy",
}

-- Prefixes that are also name particles: removed only when written lowercase.
M.byline_particle_prefixes = { "di", "de", "da", "van" }

-- Words that make a byline piece a job title or a desk, never a name.
M.not_name_words = {
  "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
  "editor", "editors", "editorial", "contributor", "contributors", "columnist", "desk", "team",
  "bureau", "news", "newsroom", "admin", "administrator", "redaktion", "redacción", "rédaction",
  "redazione", "redação", "agencies", "agency", "agencias", "agences", "agenturen", "online",
  "senior", "chief", "associate", "contributing", "political", "international", "special",
  "photographer", "photography", "photos", "photo", "video", "updated", "published", "share",
  "follow", "view", "all", "alle", "todas", "todos", "tous", "toutes", "tutti", "tutte", "posts",
  "meldungen", "artikel", "beiträge", "artículos", "articles", "articoli", "artigos", "more", "read", "comments", "email", "twitter", "facebook",
  "instagram", "linkedin", "about", "the", "our", "your", "and", "with", "illustration",
  "illustrations", "analysis", "opinion", "guest", "sponsored", "content", "press", "release",
  "wire", "services", "service", "reports", "report", "phd", "md", "ma", "msc", "dr.",
  "mitarbeiter", "autor", "autorin", "periodista", "journalist", "journaliste", "journalistin",
  "produced", "presented", "minute", "minutes", "min", "hours", "ago", "share", "updated",
  "published", "on", "at", "in", "am", "pm", "by", "edited", "written", "reported", "reporting",
  "editing", "writing", "additional", "last", "author", "authors", "no", "click", "here",
  -- labels in Chinese and Japanese bylines: author, writer, reporter, translator, editor, source
  "著者", "作者", "文", "記者", "记者", "撮影", "翻訳者", "翻訳", "编辑", "編集", "责任编辑", "来源", "出典",
  -- and in Korean ones: reporter, senior and guest reporter, correspondent, editorial writer
  "기자", "선임기자", "객원기자", "특파원", "논설위원", "편집위원",
  -- a blog's counters beside its byline: popularity, comments, reads
  "人氣", "人气", "留言", "閱讀", "阅读",
}

-- Words of an image's file name (or its directory's name) that make it a
-- site's stand-in share image rather than the article's. Not "logo": a story
-- about a company is often illustrated with its logo.
M.stand_in_image_words = { "default", "placeholder", "blank", "spacer", "noimage", "fallback",
  "blavatar" }

-- Words of an author page's address that name a desk, not a person
-- ("/autor/redaccion-ec", "/author/staff/"): a byline linking there is the
-- newsroom's whatever its text says ("EC", "Direto").
M.desk_slugs = {
  "redaccion", "redacao", "redação", "redaction", "rédaction", "redazione", "redaktion", "staff",
  "newsroom", "agencias", "agencies", "agencia", "desk", "webdesk", "admin",
}

-- Words of a job title after a name ("Jane Doe, Senior Staff Writer").
M.job_words = {
  "staff", "writer", "reporter", "correspondent", "editor", "contributor", "columnist",
  "technologist", "analyst", "producer", "photographer", "director", "manager", "fellow",
  "professor", "researcher", "journalist", "journaliste", "redakteur", "redakteurin", "autor",
  "autorin", "periodista", "redactor", "redactora", "correspondant", "envoyé", "envoyée",
}

-- Endings of Chinese and Japanese desk and paper names (editorial
-- department, newspaper, news agency).
-- The endings of web addresses given as a byline ("Timesofindia.Com",
-- "al.com"): a site, never a person. Two-letter country codes count too.
M.domain_endings = { "com", "net", "org", "info", "biz", "news", "online", "media", "tv", "co" }

M.cjk_org_suffixes = { "編集部", "编辑部", "新聞", "新闻", "新聞社", "通信", "日报", "日報" }

-- Joins between names in a byline.
M.name_joins = { "and", "&", "und", "et", "y", "e", "och", "og", "en", "i", "és", "a", "и" }

-- Lowercase particles that may stand inside a name.
M.name_particles = {
  "de", "da", "das", "do", "dos", "del", "della", "van", "von", "der", "den", "bin", "bint", "al",
  "el", "la", "le", "di", "du", "ibn", "ter", "ten", "y", "zu", "af", "st.",
}

-- Class words of a kicker printed inside the <h1> above the headline
-- (lowercase substrings: "articleoverline").
M.kicker_words = { "kicker", "dachzeile", "topline", "overline", "eyebrow", "roofline", "supertitle",
  "pretitle", "antetitulo", "surtitre", "occhiello" }

-- Separators between a headline and the site's name in a <title>; the
-- unspaced ones ("_", "：") are CJK practice.
M.title_separators = { " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ", " ~ ",
  " • ", " // ", " │ ", " : ", ": ", "：", "｜", "_", "|" }

-- Also cut when what follows is a known site name ("新华网" after "！-").
M.site_separators = { "-", "–", "—", ":" }

return M
