local t = require "spec"
local lede = require "lede"

local PAGE = [[<html><body><div id="main" class="story wide">
<h1>Head</h1><p id="p1">First <b>bold</b> line<br>second line</p>
<p id="p2">Read <a href="/x">a link</a> now.</p>
<script>var junk = 1;</script><style>p{}</style><noscript>no</noscript><template>tpl</template>
<ul><li>one</li><li>two</li></ul>
<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>
<pre>  keep
   spacing</pre>
</div><div class="other"><p>Other</p></div></body></html>]]

local function doc() return assert(lede.parse(PAGE, { url = "http://example.com/" })) end

t.test("tag, attr and attrs", function()
  local main = doc():select("#main")[1]
  t.eq("div", main:tag())
  t.eq("story wide", main:attr("class"))
  t.eq(nil, main:attr("nope"))
  t.eq({ id = "main", class = "story wide" }, main:attrs())
end)

t.test("set_attr sets and removes attributes", function()
  local d = doc()
  local p = d:select("#p1")[1]
  p:set_attr("data-x", "1")
  t.eq("1", p:attr("data-x"))
  p:set_attr("data-x", nil)
  t.eq(nil, p:attr("data-x"))
end)

t.test("text is block-aware and skips script, style, noscript and template", function()
  local text = doc():select("#main")[1]:text()
  t.eq("Head\n\nFirst bold line\nsecond line\n\nRead a link now.\n\none\ntwo\n\n" ..
    "a | b\nc | d\n\n  keep\n   spacing", text)
end)

t.test("html and inner_html serialise the node", function()
  local p = doc():select("#p2")[1]
  t.eq('<p id="p2">Read <a href="/x">a link</a> now.</p>', p:html())
  t.eq('Read <a href="/x">a link</a> now.', p:inner_html())
end)

t.test("parent, children, next and prev move between elements", function()
  local d = doc()
  local p1 = d:select("#p1")[1]
  t.eq("main", p1:parent():attr("id"))
  t.eq("p2", p1:next():attr("id"))
  t.eq("h1", p1:prev():tag())
  t.eq(nil, d:select("h1")[1]:prev())
  local kids = d:select("#main")[1]:children()
  t.eq({ "h1", "p", "p", "script", "style", "noscript", "template", "ul", "table", "pre" },
    (function() local r = {} for i, k in ipairs(kids) do r[i] = k:tag() end return r end)())
  t.eq(nil, d:root():parent())
end)

t.test("select and xpath on a node search its descendants only", function()
  local main = doc():select("#main")[1]
  t.eq(2, #main:select("p"))
  t.eq(2, #main:xpath(".//p"))
  t.eq("Other", doc():select(".other")[1]:select("p")[1]:text())
end)

t.test("remove detaches the node; its handle then raises", function()
  local d = doc()
  local p = d:select("#p1")[1]
  local bold = p:select("b")[1]
  p:remove()
  t.eq(1, #d:select("#main p"))
  t.eq(true, p:removed())
  t.raises("the node was removed", p.text, p)
  t.raises("the node was removed", bold.text, bold)
end)

t.test("unwrap replaces an element by its children", function()
  local d = doc()
  local p = d:select("#p2")[1]
  local a = p:select("a")[1]
  a:unwrap()
  t.eq('<p id="p2">Read a link now.</p>', p:html())
  t.raises("the node was removed", a.tag, a)
end)

t.test("the root element cannot be removed", function()
  local d = doc()
  t.raises("cannot remove the root element", d:root().remove, d:root())
end)

t.test("path is a short selector that finds the node again", function()
  local d = doc()
  for _, n in ipairs(d:select("p, li, td, h1")) do
    local found = d:select(n:path())
    t.eq(1, #found, n:path())
    t.ok(found[1] == n, "path " .. n:path() .. " finds the same node")
  end
  t.eq("p#p1", d:select("#p1")[1]:path())
  t.eq("div#main > ul > li:nth-child(2)", d:select("li")[2]:path())
  t.eq("body > div.other:nth-child(2) > p", d:select(".other p")[1]:path())
end)

t.test("stats count characters, words, links, punctuation, depth and paragraphs", function()
  local s = doc():select("#p2")[1]:stats()
  t.eq(16, s.chars)        -- "Read a link now."
  t.eq(4, s.words)
  t.eq(6, s.link_chars)    -- "a link"
  t.eq(6 / 16, s.link_density)
  t.eq(1, s.punct)
  t.eq(3, s.depth)         -- html > body > div > p
  t.eq(1, s.paragraphs)
  t.eq(3, doc():select("body")[1]:stats().paragraphs)
end)

t.test("stats count each CJK character as a word", function()
  local s = assert(lede.parse("<p>新华社北京电。</p>")):select("p")[1]:stats()
  t.eq(6, s.words)
  t.eq(1, s.punct)
end)

t.test("a node keeps its document alive after the document handle is dropped", function()
  local function orphan()
    local d = assert(lede.parse(PAGE))
    return d:select("#p2")[1]
  end
  local p = orphan()
  collectgarbage()
  collectgarbage()
  t.eq("Read a link now.", p:text())
end)

t.test("a node of a closed document raises instead of touching freed memory", function()
  local d = doc()
  local p = d:select("#p1")[1]
  d:close()
  t.raises("its document is closed", p.text, p)
  t.raises("its document is closed", p.removed, p)
  t.eq("lede.Node (document closed)", tostring(p))
end)

t.test("node methods check their arguments", function()
  local p = doc():select("#p1")[1]
  t.raises("bad argument", p.attr, p)
  t.raises("lede.Node expected", p.text, {})
end)

t.test("key, ancestor_keys and contains relate nodes", function()
  local d = doc()
  local main, p1 = d:select("#main")[1], d:select("#p1")[1]
  t.ok(main:key() == d:select("#main")[1]:key(), "the same node gives the same key")
  t.ok(main:key() ~= p1:key(), "different nodes give different keys")
  local keys = p1:select("b")[1]:ancestor_keys()
  t.ok(keys[1] == p1:key() and keys[2] == main:key(), "nearest ancestor first")
  t.eq(true, main:contains(p1))
  t.eq(true, p1:contains(p1))
  t.eq(false, p1:contains(main))
end)

t.test("rename refuses a name that is not a tag name", function()
  local doc = assert(lede.parse("<div><p>x</p></div>"))
  local p = doc:select("p")[1]
  t.raises("invalid tag name 'b q'", p.rename, p, "b q")
  t.raises("invalid tag name ''", p.rename, p, "")
  t.raises("invalid tag name '1p'", p.rename, p, "1p")
  p:rename("h2")
  t.eq("h2", p:tag())
end)

t.test("last_content: the element of the last visible text or image, skipping scripts and blanks", function()
  local doc = assert(lede.parse("<body><div id=d><p>one</p><h2 id=h><a href=x><span id=s>two</span></a></h2>"
    .. "<p>&nbsp; </p><script>var x = 1</script><!-- c --></div><div id=i><p>t</p><img id=m src=a.png>"
    .. "<p> </p></div><div id=e><p> </p></div></body>"))
  t.eq("s", doc:select("#d")[1]:last_content():attr("id"))
  t.eq("m", doc:select("#i")[1]:last_content():attr("id"))
  t.eq(nil, doc:select("#e")[1]:last_content())
end)

t.test("text reads MathML's tokens, not the TeX annotation beside them", function()
  local d = assert(lede.parse("<body><p id=m>When <math><semantics><mrow><mi>a</mi><mo>≠</mo><mn>0</mn></mrow>"
    .. "<annotation encoding='application/x-tex'>a \\neq 0</annotation></semantics></math>, two roots.</p></body>"))
  t.eq("When a≠0, two roots.", d:select("#m")[1]:text())
end)
