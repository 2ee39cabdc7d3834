-- The Verge (theverge.com), on Vox Media's Chorus: the rules are in chorus.lua.
return {
  name = "The Verge",
  hosts = { "theverge.com" },
  extends = "chorus",
  tests = {
    {
      page = "chorus.html",
      url = "https://www.theverge.com/2023/4/12/23680000/e-bike-battery-recall",
      title = "An e-bike maker recalls 20,000 batteries after fires",
      description = "The company says a faulty cell can overheat while charging.",
      authors = { "Riley Chen" },
      published = "2023-04-12",
      text_starts = "A maker of electric bikes is recalling about 20,000 batteries",
      text_contains = { "owners should stop charging the packs", "The company said it would replace" },
      text_excludes = { "Share this story", "Filed under", "Photo by", "stop charging the packs right away, the company says" },
    },
  },
}
