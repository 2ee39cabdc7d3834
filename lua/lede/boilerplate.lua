-- What the generic cleaner removes: data, so a filter or a user can extend it.
--
-- Class and id values are split into words at spaces, '-' and '_' and
-- camelCase boundaries, and a block is boilerplate when one of its words is
-- listed here: "share-list" has the word "share", while "commentary" is not
-- "comment" and "article-header" is not a site header.
local M = {}

-- Words that mark boilerplate wherever they appear in a class or id.
M.words = {
  "share", "sharing", "sharer", "social", "socials", "related", "recommended",
  -- "related" run into the next word (Jetpack's "jp-relatedposts" on WordPress sites)
  "relatedposts", "relatedarticles", "relatedstories", "relatedcontent", "relatedlinks", "relatednews",
  "recommendations", "recommendation", "newsletter", "newsletters", "subscribe",
  "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "promo", "promotion",
  "advert", "advertisement", "advertising", "ads", "ad", "adslot", "dfp", "gpt", "sponsor",
  "sponsored", "breadcrumb", "breadcrumbs", "comments", "comment", "disqus", "tags",
  "tagcloud", "popular", "trending", "mostread", "paywall", "outbrain", "taboola",
  "sidebar", "banner", "toolbar", "fontsize", "pagination", "pager",
  "modal", "popup", "overlay", "login", "weather", "masthead", "navbar", "rating",
  "teasers", "copyright", "notice", "notification", "notifications", "bio",
  "editsection",  -- MediaWiki's "[edit]" links beside each heading
}

-- Pairs of adjacent words that together mark boilerplate ("most-read").
M.phrases = {
  { "most", "read" }, { "read", "more" }, { "more", "stories" }, { "author", "bio" },
  { "about", "author" }, { "you", "may", "like" }, { "further", "reading" },
  { "site", "header" }, { "site", "footer" }, { "page", "header" }, { "page", "footer" },
  { "global", "header" }, { "global", "footer" }, { "main", "nav" }, { "top", "bar" },
  { "today", "date" }, { "editor", "line" }, { "font", "size" }, { "font", "tools" },
  { "article", "tools" }, { "print", "button" }, { "skip", "link" }, { "skip", "to" },
  { "author", "box" }, { "more", "from" }, { "menu", "item" }, { "main", "menu" },
}

-- Tags a class or id word never removes: content, whatever its class says.
M.content_tags = {
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "article", "main",
  "body", "html",
}

-- Whole class/id values (after lowercasing) that are structural boilerplate.
M.whole = { "header", "footer", "nav", "navigation", "aside" }

-- Tags removed anywhere; "form" is kept inside the body candidate when it
-- holds most of the text (ASP.NET wraps whole pages in one form).
M.tags = {
  "script", "style", "template", "noscript", "iframe", "object", "embed", "svg",
  "canvas", "button", "input", "select", "textarea", "form", "link", "meta", "dialog",
}

-- Tags removed unless they sit inside the article (an <article>'s own
-- <header> holds its headline and byline).
M.outside_article_tags = { "nav", "header", "footer", "aside", "menu" }

-- Short lines that are controls or furniture, never article text (lowercased,
-- matched against a whole block's text).
M.lines = {
  "share", "share article", "share this article", "share this", "share this story", "share this post",
  "share this page", "print", "email",
  "read more", "read more:", "advertisement", "advertising", "sponsored", "follow us",
  "minus", "plus", "a+", "a-", "arrow up", "home icon", "back to top", "comments",
  "leave a comment", "related", "related articles", "more stories", "tweet", "facebook",
  "twitter", "whatsapp", "linkedin", "copy link", "listen", "listen to this article",
  "subscribe", "sign up", "skip to content", "loading...", "close", "menu", "search",
  "show more", "show less", "load more", "see more", "view more", "show all",
  -- the same furniture in other languages, and "read also" labels (also as the
  -- label of a line that is otherwise a link: "Lea también: <a>…</a>")
  "read also", "see also", "also read", "read", "related topics", "more on this story",
  "advertisement - story continues below", "story continues below advertisement",
  "article continues below", "continue reading below", "tags", "topics",
  "lea también", "lee también", "lea más", "lee más", "lea", "puedes ver", "te puede interesar",
  "temas relacionados", "lo último", "etiquetas", "síguenos", "siguenos", "leia também",
  "leia mais", "veja também", "nos siga", "nos siga no", "à lire aussi", "lire aussi", "a lire aussi",
  "voir aussi", "leggi anche", "lesen sie auch", "mehr zum thema", "themen im artikel",
  "czytaj także", "czytaj też", "czytaj więcej", "zobacz także",
  "related posts", "related stories", "you may also like", "read next", "verwandte themen",
  "verwandte artikel", "das könnte sie auch interessieren", "articles liés", "artículos relacionados",
  "noticias relacionadas",
  -- controls and sign-up prompts left as lines of their own
  "learn more", "newsletter", "newsletters", "source link", "reuse content", "log in", "sign in",
  "anmelden", "report an error", "report error", "report a correction", "comunicar erro",
  "reportar error", "voir les contributions", "više o temi", "pročitajte i", "pročitajte još",
  "show caption", "hide caption", "view gallery",
}

-- Link texts that point on to the rest of a story, written at the end of a
-- paragraph ("… [czytaj więcej]", "Continue reading →"): a teaser's tail,
-- never the story's words (compared lowercased, without brackets, arrows
-- and ellipses around them).
M.more_links = {
  "read more", "more", "continue reading", "read the full story", "full story", "czytaj więcej",
  "więcej", "czytaj dalej", "leia mais", "lire la suite", "lire plus", "weiterlesen", "mehr",
  "seguir leyendo", "leer más", "sigue leyendo", "leggi tutto", "continua a leggere", "lees meer",
  "verder lezen",
}

-- What the text of a page holding such a link contains (lowercased): only
-- then are the body's links looked at. A bare "more" is too common a word
-- to say so; with a mark beside it, it does.
M.more_link_hints = {
  "read more", "continue reading", "full story", "czytaj", "więcej", "leia mais", "lire la suite",
  "lire plus", "weiterlesen", "seguir leyendo", "leer más", "sigue leyendo", "leggi tutto",
  "continua a leggere", "lees meer", "verder lezen", "[more", "more]", "(more", "more…", "more »",
  "more ›", "more →", "mehr »", "mehr →", "mehr…", "[mehr",
}

-- Lines inside a caption that are the image's controls or an ad's label,
-- not its caption (compared lowercased, without a trailing mark). A share
-- network's name stays: under a photo it is the credit ("Twitter").
M.caption_controls = {
  "show caption", "hide caption", "expand", "enlarge", "zoom", "view gallery", "open gallery",
  "advertisement", "advertising", "close", "play video", "watch video", "fullscreen",
}

-- Whole class tokens of text shown to screen readers only (Bootstrap,
-- WordPress, Drupal, and their kin): "(opens in a new tab)", "Skip to
-- content", "Close this modal window", "Share this story". Cleaned like
-- hidden elements, under the same guard.
M.hidden_classes = {
  "sr-only", "sr-only-focusable", "screen-reader-text", "screen-reader-only", "screenreader-only",
  "visually-hidden", "visuallyhidden", "u-visually-hidden", "is-visually-hidden", "element-invisible",
  "a11y-hidden", "show-for-sr", "assistive-text",
}

-- What a counter line counts after its number ("27 Comments", "1.2K shares"):
-- such a line, number and word alone, is a control, never article text.
M.counted = {
  "comment", "comments", "share", "shares", "view", "views", "like", "likes", "reply", "replies",
  "reaction", "reactions", "response", "responses", "kommentar", "kommentare", "comentario",
  "comentarios", "commentaire", "commentaires", "commenti", "comentários", "komentarze",
}

-- Containers that CMSs use for the article body, tried in order; the first
-- holding at least min_body_chars characters of non-link text is the body.
M.body_selectors = {
  '[itemprop="articleBody"]', '[itemprop="articlebody"]', ".article-body", ".article__body", ".articleBody",
  ".story-body", ".story__body", ".entry-content", ".post-content", ".post-body",
  ".article-content", ".article-text", ".story-content", ".content-body", "article",
}
M.min_body_chars = 200

-- Class/id words that earn a candidate points when no selector matched
-- (boilerplate words cost as many), in the manner of Readability.
M.likely_words = {
  "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
  "articlebody", "story-body",
}

-- Class words that mark an image caption or a photo credit: such blocks go
-- to article.captions, never into the text.
M.caption_words = {
  "caption", "captions", "figcaption", "credit", "credits", "photocredit", "imagecredit",
}

-- How a paragraph of promotion or a disclaimer opens (lowercased, whole
-- words): "Follow us on …", "Never miss …", "The views expressed …". Such a
-- block, up to 300 bytes of text, is a boilerplate line.
M.promo_openings = {
  "follow us on", "follow us at", "síguenos en", "siguenos en", "suivez-nous sur", "folgen sie uns",
  "seguici su", "siga-nos", "never miss", "sign up for our", "sign up to our", "subscribe to our",
  "we want to hear what you think", "puede escribirnos", "puedes escribirnos",
  "the views expressed", "the opinions expressed", "dieser beitrag gibt die meinung",
  -- affiliate disclosures
  "this article contains affiliate links", "this post contains affiliate links",
  "this article may contain affiliate links", "this post may contain affiliate links",
  "this story contains affiliate links", "we may earn a commission", "we may receive a commission",
  "as an amazon associate", "when you buy through links on our site",
}

-- A photo credit left in the text as a line of its own goes to
-- article.captions: "(Credit: …)", "Photo: …", "Image source: …", "Photo by
-- …", "[Featured image by …]". The labels (lowercased) before the colon or
-- "by".
M.credit_labels = {
  "credit", "credits", "photo", "photos", "image", "images", "photo credit", "image credit",
  "foto", "fotos", "bild", "crédito", "créditos", "crédit", "crédits",
  "image source", "photo source", "photograph", "photographs", "photography", "picture", "pictures",
  "featured image", "top image", "top photo", "lead image", "header image", "cover image",
  "main image", "photo illustration", "illustration", "photos and video", "bildquelle", "fotoquelle",
  "fotografía", "fotografia", "imagen", "imágenes",
}

-- Picture desks and stock libraries (lowercased): "Mark Wilson/Getty Images",
-- "AP Photo/Evan Vucci". A line naming one beside a photographer (split at
-- '/' and '＝') is a photo credit; right after an image, the name alone is
-- one too ("Getty Images" under a picture).
M.photo_agencies = {
  "getty images", "getty image", "getty", "shutterstock", "istock", "istockphoto", "alamy",
  "ap photo", "ap images", "afp photo", "picture alliance", "picture-alliance", "imago",
  "corbis", "usa today sports", "pa images", "nurphoto", "wireimage", "filmmagic", "unsplash",
  "pexels", "sipa", "epa", "epa-efe",
}

-- News agencies whose photographers are credited the same way ("REUTERS/
-- Brendan McDermid", "Jonathan Nackstrand/AFP", "…＝ロイター"): only beside a
-- name is that a photo credit. Alone, even under an image, it is the story's
-- wire credit ("Reuters", "AP/Reuters").
M.photo_credit_agencies = {
  "reuters", "afp", "ap", "associated press", "the associated press", "efe", "dpa", "anadolu",
  "xinhua", "bloomberg", "usa today", "pa", "pa wire", "ansa", "pap", "tass", "kyodo",
  "ロイター", "共同", "時事", "ＡＰ", "ＡＦＰ", "ＡＦＰ時事", "ＥＰＡ時事",
}

-- First words of the byline and date lines that sit between a headline and
-- the story (lowercased): such a line, up to 140 characters, is header.
M.lead_words = {
  "by", "published", "updated", "posted", "modified", "written", "last", "von", "par", "por",
  "publié", "publiée", "publicado", "publicada", "actualizado", "atualizado", "veröffentlicht",
  "aktualisiert", "aggiornato", "pubblicato", "door", "gepubliceerd", "opublikowano",
}

return M
