package = "lede"
version = "0.1.0-1"
source = {
  url = "git+https://example.invalid/lede.git",  -- `luarocks make` builds the checkout it runs in
}
description = {
  summary = "Pull the article out of a news page: text, metadata, wire credits and datelines",
  detailed = [[
lede extracts the headline, body text and metadata of a news web page, and reports wire
credits, datelines and byline roles as structured fields. A C core on libxml2, a Lua layer,
and per-publication filter files.
]],
  license = "MIT",
}
dependencies = {
  "lua >= 5.4, < 5.5",
  "lua-cjson",
}
external_dependencies = {
  LIBXML2 = { header = "libxml2/libxml/HTMLparser.h" },
  ZLIB = { header = "zlib.h" },  -- compressed WARC input
}
build = {
  type = "cmake",
  variables = {
    CMAKE_BUILD_TYPE = "Release",
    CMAKE_INSTALL_PREFIX = "$(PREFIX)",
    LEDE_INSTALL_CMOD = "$(LIBDIR)",
    LEDE_INSTALL_LMOD = "$(LUADIR)",
    LEDE_TESTS = "OFF",
  },
}
