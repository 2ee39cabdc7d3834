-- NHK NEWS WEB EASY (www3.nhk.or.jp/news/easy/), news in simple Japanese
-- for learners. Every kanji word carries its reading as <ruby> furigana,
-- and dictionary words are links; read as plain text, the readings double
-- the words ("子こども"). The rules drop the readings (<rt>, <rp>) before anything is read and keep
-- the text of the dictionary links.
return {
  name = "NHK NEWS WEB EASY",
  hosts = { "nhk.or.jp" },
  paths = { "^/news/easy/" },

  title = { "h1.article-main__title", "h1" },
  body = { "#js-article-body", ".article-main__body" },
  transforms = {
    -- before the title and body are read: the readings go
    ["rt, rp"] = function(n) n:remove() end,
    -- dictionary words are links to the glossary: keep the words, not the links
    ["#js-article-body a.dicWin"] = function(a) a:unwrap() end,
  },

  tests = {
    {
      page = "nhk.or.jp-easy.html",
      url = "https://www3.nhk.or.jp/news/easy/k10014100001000/k10014100001000.html",
      title = "新しい駅が町にできる",
      text_starts = "東京の近くの町に新しい駅ができました。",
      text_contains = { "たくさんの人が電車を使う" },
      text_excludes = { "とうきょう", "えき", "NEWS WEB EASYは" },
    },
  },
}
