-- Vox (vox.com), on Vox Media's Chorus: the rules are in chorus.lua.
return {
  name = "Vox",
  hosts = { "vox.com" },
  extends = "chorus",
  tests = {
    {
      page = "chorus.html",
      url = "https://www.vox.com/technology/2023/4/12/23680001/e-bike-battery-recall",
      title = "An e-bike maker recalls 20,000 batteries after fires",
      text_starts = "A maker of electric bikes is recalling about 20,000 batteries",
      text_excludes = { "Share this story", "Filed under" },
    },
  },
}
