-- Polityka (polityka.pl), Polish weekly. Article pages (.../<id>,1,<slug>.read)
-- keep the text in div.cg_article_content: a lead (cg_article_lead) and the
-- body (cg_article_meat). Inside the body, links to other stories stand as
-- whole paragraphs in italics ("Czytaj też: ...", or just a headline); the
-- author box with the author's job and a "Więcej na ten temat" list follow
-- in the same <article>.
local function is_teaser(p)
  local em = p:select("em, i")[1]
  if not em or not em:select("a")[1] then return false end
  local function squash(s) return (s:gsub("%s+", "")) end
  return squash(em:text()) == squash(p:text())
end

return {
  name = "Polityka",
  hosts = { "polityka.pl" },

  title = { ".cg_article_header h1", "h1" },
  author = ".cg_article_author_name, .cg_article_header .cg_article_author a",
  body = { ".cg_article_content" },
  remove = { ".cg_article_author", ".cg_article_related", ".cg_article_opening_multimedia_credit", ".cg_article_tools" },
  transforms = {
    [".cg_article_meat p"] = function(p)
      if is_teaser(p) then p:remove() end
    end,
  },

  tests = {
    {
      page = "polityka.pl.html",
      url = "https://www.polityka.pl/tygodnikpolityka/kraj/2200001,1,nowy-most-na-wisle.read",
      title = "Nowy most na Wiśle otwarty przed terminem",
      text_starts = "Most w Kwidzynie otwarto dwa miesiące",
      text_contains = { "Przeprawa skraca drogę", "Budowa kosztowała" },
      text_excludes = { "Czytaj też", "Koleje dalekobieżne", "dziennikarz działu", "Więcej na ten temat" },
    },
  },
}
