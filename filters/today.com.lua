-- TODAY (today.com), on NBC News Digital's article template: the rules are in
-- nbcnews-digital.lua.
return {
  name = "TODAY",
  hosts = { "today.com" },
  extends = "nbcnews-digital",
  tests = {
    {
      page = "nbcnews-digital.html",
      url = "https://www.today.com/news/us-news/city-council-approves-flood-barrier-plan-rcna12345",
      title = "City council approves flood barrier plan for the waterfront",
      description = "The project would protect about 4,000 homes from storm surges.",
      authors = { "Jordan Ellis" },
      published = "2023-09-14",
      text_starts = "The city council voted 9-2 on Wednesday",
      text_contains = { "construction could begin in 2025", "said it was reviewing the plan" },
      text_excludes = { "Link copied", "Updated Sept.", "By Jordan Ellis", "We apologize, this video has expired", "Advertisement" },
    },
  },
}
