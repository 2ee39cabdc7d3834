#!/bin/sh
# Runs lede over a folder of pages and prints "title<TAB>words<TAB>source" for
# each article, then a count of the pages that failed.
# usage: examples/titles.sh DIR [LEDE]
set -eu
dir=${1:?usage: titles.sh DIR [LEDE]}
lede=${2:-lede}

# lede exits 1 when any page failed; the error records are in the stream.
"$lede" "$dir" 2>/dev/null | lua5.4 -e '
local cjson = require "cjson"
local failed = 0
for line in io.lines() do
  local rec = cjson.decode(line)
  if rec.error then
    failed = failed + 1
  else
    local words = select(2, rec.text:gsub("%S+", ""))
    print(string.format("%s\t%d\t%s", rec.title or "", words, rec.source))
  end
end
print(string.format("%d failed", failed))
' || true
