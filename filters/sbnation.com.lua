-- SB Nation (sbnation.com and its team sites), on Vox Media's Chorus: the
-- rules are in chorus.lua.
return {
  name = "SB Nation",
  hosts = { "sbnation.com" },
  extends = "chorus",
  tests = {
    {
      page = "chorus.html",
      url = "https://www.sbnation.com/2023/4/12/23680002/e-bike-battery-recall",
      title = "An e-bike maker recalls 20,000 batteries after fires",
      text_starts = "A maker of electric bikes is recalling about 20,000 batteries",
      text_excludes = { "Share this story", "Filed under" },
    },
  },
}
