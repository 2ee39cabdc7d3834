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

-- <meta> keys (lowercased name/property/itemprop) per field, best first.
M.meta_keys = {
  title = { "dc.title", "dcterms.title", "og:title", "twitter:title", "parsely-title",
    "sailthru.title", "headline", "title" },
  description = { "dc.description", "dcterms.description", "og:description", "description",
    "twitter:description", "sailthru.description" },
  site = { "og:site_name", "application-name", "al:android:app_name", "al:ios:app_name",
    "apple-mobile-web-app-title", "publisher", "dc.publisher", "dcterms.publisher" },
  section = { "article:section", "parsely-section", "section", "og:section", "sailthru.section",
    "article.section", "cxenseparse:pageclass" },
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

-- Elements whose text or attribute may hold the article's date, tried in
-- order: the order is the rank of a candidate inside the article region.
M.date_selectors = {
  { "time[datetime]", "datetime" },
  { "[itemprop~=datePublished i], [itemprop~=dateModified i], [itemprop~=dateCreated i]" },
  { "time, [class*=date i], [id*=date i], [class*=publish i], [class*=posted i], [class*=updated i]," ..
    " [class*=timestamp i], [class*=datum i], [class*=fecha i], [class*=time i], [class*=byline i]," ..
    " [class*=meta i], [class*=info i], [class*=dateline i], [class*=zeit i], abbr[title]" },
}

-- At most this many characters of text in an element read as a date.
M.date_text_max = 160

-- Words (lowercase) saying a date is the modification date.
M.modified_words = {
  "updated", "update", "modified", "aktualisiert", "geändert", "actualizado", "actualizada",
  "actualización", "mis à jour", "mise à jour", "modifié", "atualizado", "atualizada",
  "aggiornato", "bijgewerkt", "zaktualizowano", "edited", "last updated",
}

-- Class/id words of blocks that hold other stories or site furniture: a date
-- or byline inside them is never the article's.
M.elsewhere_words = {
  "related", "sidebar", "aside", "teaser", "teasers", "recommended", "popular", "trending",
  "mostread", "footer", "comment", "comments", "widget", "nav", "navbar", "navigation", "menu",
  "breadcrumb", "breadcrumbs", "promo", "newsletter", "weather", "topbar", "masthead", "ticker",
  "carousel", "slider", "cookie", "rail", "latest", "headlines", "more", "next", "previous", "prev",
  "pagination", "outbrain", "taboola", "copyright", "today",
}

-- Tags that never hold the article's own date or byline.
M.elsewhere_tags = { nav = true, footer = true, aside = true, menu = true }

-- Byline elements, tried in order (text read from each).
M.byline_selectors = {
  '[itemprop~=author i] [itemprop~=name i]', '[rel~=author i]', '[itemprop~=author i]',
  '[class*=byline i]', '[class*=author i]', '[class*=autor i]', '[class*=auteur i]',
  '[class*=writer i]', '[id*=byline i]', '[data-testid*=byline i]', 'address',
}
M.byline_text_max = 120

-- Words opening a byline, removed ("By Jane Doe", "Von ...", "Written by").
M.byline_prefixes = {
  "written by", "posted by", "reported by", "words by", "text by", "story by", "article by",
  "by", "von", "par", "por", "door", "av", "af", "text:", "text", "texto:",
  "author:", "authors:", "autor:", "autorin:", "auteur:", "autore:", "by:", "from",
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
  "follow", "view", "all", "posts", "more", "read", "comments", "email", "twitter", "facebook",
  "instagram", "linkedin", "about", "the", "our", "your", "and", "with", "illustration",
  "illustrations", "analysis", "opinion", "guest", "sponsored", "content", "press", "release",
  "wire", "services", "service", "reports", "report", "phd", "md", "ma", "msc", "dr.",
  "mitarbeiter", "autor", "autorin", "periodista", "journalist", "journaliste", "journalistin",
  "produced", "presented", "minute", "minutes", "min", "hours", "ago", "share", "updated",
  "published", "on", "at", "in", "am", "pm", "by", "edited", "written", "reported", "reporting",
  "editing", "writing", "additional",
}

-- Joins between names in a byline.
M.name_joins = { "and", "&", "und", "et", "y", "e", "och", "og", "en", "i", "és", "a", "и" }

-- Lowercase particles that may stand inside a name.
M.name_particles = {
  "de", "da", "das", "do", "dos", "del", "della", "van", "von", "der", "den", "bin", "bint", "al",
  "el", "la", "le", "di", "du", "ibn", "ter", "ten", "y", "zu", "af", "st.",
}

-- Separators between a headline and the site's name in a <title>; the
-- unspaced ones ("_", "：") are CJK practice.
M.title_separators = { " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ", " ~ ",
  " • ", " // ", " │ ", " : ", ": ", "：", "｜", "_", "|" }

-- Also cut when what follows is a known site name ("新华网" after "！-").
M.site_separators = { "-", "–", "—", ":" }

return M
